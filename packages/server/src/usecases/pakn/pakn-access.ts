import {
  findAgencyLineage,
  findPaknRegisterByCode,
  listScopeAgencyIds,
  type PaknRegisterRecord,
  type PaknScope,
} from '@motcua/db';
import { type Action, canSeeTarget, isAllowed, ROLE_DEFINITIONS } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

export const PAKN = { vi: 'phản ánh, kiến nghị', en: 'feedback' } as const;

/**
 * The register entries an official reads: every entry of the provinces where a province-wide role
 * allows the action, and those held or received by the agencies their other grants reach.
 */
export const resolvePaknScope = async (
  ctx: AppContext,
  official: OfficialActor,
  action: Action = 'pakn.read',
): Promise<PaknScope> => {
  const grants = official.grants.filter((grant) =>
    (ROLE_DEFINITIONS[grant.role].actions as readonly Action[]).includes(action),
  );
  const provinceCodes = [
    ...new Set(
      grants
        .filter((grant) => ROLE_DEFINITIONS[grant.role].provinceWide && grant.provinceCode !== null)
        .map((grant) => grant.provinceCode as string),
    ),
  ];
  const local = grants.filter((grant) => !ROLE_DEFINITIONS[grant.role].provinceWide);
  return { provinceCodes, agencyIds: await listScopeAgencyIds(ctx.db, local) };
};

/** Whether the official may take `action` on the entry at one of `agencyIds` (holder first). */
const allowsAt = async (ctx: AppContext, official: OfficialActor, action: Action, agencyIds: (string | null)[]) => {
  let visible = false;
  for (const id of agencyIds) {
    if (!id) {
      continue;
    }
    const lineage = await findAgencyLineage(ctx.db, id);
    if (!lineage) {
      continue;
    }
    const target = { kind: 'agency' as const, lineage };
    if (isAllowed(official.grants, action, target)) {
      return { allowed: true, visible: true };
    }
    visible ||= canSeeTarget(official.grants, target) && isAllowed(official.grants, 'pakn.read', target);
  }
  return { allowed: false, visible };
};

/**
 * Reads an entry the official may see: pakn.read at the holding or the receiving agency (the receiving
 * agency keeps seeing what it forwarded), or over the province for an entry no agency holds. 404 otherwise.
 */
export const getReadablePakn = async (
  ctx: AppContext,
  actor: Actor,
  code: string,
): Promise<{ official: OfficialActor; record: PaknRegisterRecord }> => {
  const official = requireOfficial(actor);
  const record = await findPaknRegisterByCode(ctx.db, code);
  if (!record) {
    throw new AppError('NOT_FOUND', { resource: PAKN });
  }
  const { allowed } = await allowsAt(ctx, official, 'pakn.read', [record.agencyId, record.receivingAgencyId]);
  const provinceWide =
    record.agencyId === null &&
    isAllowed(official.grants, 'pakn.read', { kind: 'province', provinceCode: record.provinceCode });
  if (!allowed && !provinceWide) {
    throw new AppError('NOT_FOUND', { resource: PAKN });
  }
  return { official, record };
};

/** An action on the entry needs the permission at the agency holding it (403 when the entry is visible only). */
export const authorizePaknAction = async (
  ctx: AppContext,
  official: OfficialActor,
  record: PaknRegisterRecord,
  action: Action,
): Promise<void> => {
  const holder = record.agencyId;
  if (holder === null) {
    if (!isAllowed(official.grants, action, { kind: 'province', provinceCode: record.provinceCode })) {
      throw new AppError('FORBIDDEN');
    }
    return;
  }
  const { allowed } = await allowsAt(ctx, official, action, [holder]);
  if (!allowed) {
    throw new AppError('FORBIDDEN');
  }
};
