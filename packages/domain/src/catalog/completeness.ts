import type { Component } from './procedure.js';

/** What the rule reads of a component (the catalogue type, or the API's copy of it in the web client). */
export type RequirementComponent = Pick<Component, 'key' | 'name' | 'group' | 'required'> & {
  readonly alternativeGroup?: Component['alternativeGroup'] | undefined;
};

/** A required component not handed in, or a required "one of" group none of whose options was. */
export type MissingRequirement<C extends RequirementComponent = Component> =
  | { readonly kind: 'component'; readonly key: string; readonly name: string; readonly component: C }
  | {
      readonly kind: 'group';
      readonly key: string;
      /** The group's heading ("Giấy tờ chứng minh là trẻ em gồm một trong các giấy tờ"). */
      readonly name: string;
      /** The options, in the text's order (a, b, c). */
      readonly members: readonly C[];
    };

/** What else stands for a component besides what `isGiven` counts. */
export type RequirementOptions = {
  /**
   * The component a filled application form (tờ khai as data, eForms) replaces, when the dossier
   * carries the filled form: it counts as handed in (Decree 45/2020/NĐ-CP Art. 9, 11: the e-form
   * takes the place of the paper form). Undefined when there is no filled form.
   */
  readonly filledFormReplaces?: string | undefined;
};

/**
 * The completeness rule (Decree 61/2018/NĐ-CP Art. 19, carried into Decree 118/2025): every
 * required component to submit must be given; a required "one of" group is satisfied when any
 * one of its options is given. `isGiven` says whether a component was handed in (or taken from
 * national data), as the counter or the online form counts it; a filled application form gives
 * the component it replaces (`options.filledFormReplaces`).
 */
export const findMissingRequirements = <C extends RequirementComponent>(
  components: readonly C[],
  isGivenAsPaperOrData: (component: C) => boolean,
  options: RequirementOptions = {},
): MissingRequirement<C>[] => {
  const isGiven = (component: C) => component.key === options.filledFormReplaces || isGivenAsPaperOrData(component);
  const missing: MissingRequirement<C>[] = [];
  const groups = new Map<string, { name: string; members: C[]; required: boolean; satisfied: boolean }>();
  for (const component of components) {
    if (component.group !== 'submit') {
      continue;
    }
    const alternative = component.alternativeGroup;
    if (alternative === undefined) {
      if (component.required && !isGiven(component)) {
        missing.push({ kind: 'component', key: component.key, name: component.name, component });
      }
      continue;
    }
    let group = groups.get(alternative.key);
    if (group === undefined) {
      group = { name: alternative.label, members: [], required: false, satisfied: false };
      groups.set(alternative.key, group);
      // Keep the group where its first option stands among the other requirements.
      missing.push({ kind: 'group', key: alternative.key, name: alternative.label, members: group.members });
    }
    group.members.push(component);
    group.required ||= component.required;
    group.satisfied ||= isGiven(component);
  }
  return missing.filter((requirement) => {
    if (requirement.kind === 'component') {
      return true;
    }
    const group = groups.get(requirement.key);
    if (group === undefined || !group.required || group.satisfied) {
      return false;
    }
    const order = (component: C) => component.alternativeGroup?.order ?? 0;
    group.members.sort((a, b) => order(a) - order(b));
    return true;
  });
};
