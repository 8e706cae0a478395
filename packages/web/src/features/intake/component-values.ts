import { findMissingRequirements } from '@motcua/domain/catalog/completeness';
import type { ProcedureComponent } from '../../api/types';

// Apart from the checklist (./ComponentsChecklist.tsx), whose code loads when its step shows.
export type ComponentValues = Record<
  string,
  { provided?: boolean; originals?: number; copies?: number; fromData?: boolean }
>;

/**
 * Required components to hand in that are neither ticked nor taken from a national database, and
 * required "one of" groups none of whose options is (the rule of packages/domain, as the server checks).
 * `filledByForm`: the component the application form filled in at the counter replaces (it counts as given).
 */
export const findMissingComponents = (
  components: ProcedureComponent[],
  values: ComponentValues | undefined,
  filledByForm?: string,
) =>
  findMissingRequirements(components, (component) => {
    if (component.key === filledByForm) {
      return true;
    }
    const given = values?.[component.key];
    if (given?.fromData && component.replaceableByData) {
      return true;
    }
    return Boolean(given?.provided) && (given?.originals ?? 0) + (given?.copies ?? 0) > 0;
  });

export const initialComponentValues = (components: ProcedureComponent[]): ComponentValues =>
  Object.fromEntries(
    components
      .filter((c) => c.group !== 'note')
      .map((c) => [c.key, { provided: false, originals: c.originals, copies: c.copies, fromData: false }]),
  );
