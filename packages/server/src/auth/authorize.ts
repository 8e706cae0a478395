import { type AgencyLineageRecord, findAgencyLineage } from '@motcua/db';
import { type AccessTarget, type Action, canSeeTarget, isAllowed } from '@motcua/domain';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import type { Actor, OfficialActor } from './actor.js';

/** Throws UNAUTHENTICATED unless an official is signed in. */
export const requireOfficial = (actor: Actor): OfficialActor => {
  if (actor.kind !== 'official') {
    throw new AppError('UNAUTHENTICATED');
  }
  return actor;
};

export type ResourceName = { vi: string; en: string };

/**
 * The one authorisation check. Every use-case calls it before loading or changing anything that
 * belongs to an agency. A resource outside every scope of the actor answers 404 as if it did not
 * exist (no existence leak); a visible resource the actor's roles may not act on answers 403.
 */
export const authorizeAgencyAction = async (
  ctx: AppContext,
  actor: Actor,
  action: Action,
  agencyId: string,
  resource: ResourceName,
  /** Where the agency's lineage comes from: the database, or a request's cached reference reader. */
  findLineage: (agencyId: string) => Promise<AgencyLineageRecord | undefined> = (id) => findAgencyLineage(ctx.db, id),
): Promise<OfficialActor> => {
  const official = requireOfficial(actor);
  const lineage = await findLineage(agencyId);
  if (!lineage) {
    throw new AppError('NOT_FOUND', { resource });
  }
  const target: AccessTarget = { kind: 'agency', lineage };
  if (isAllowed(official.grants, action, target)) {
    return official;
  }
  throw canSeeTarget(official.grants, target) ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { resource });
};

/** For province-wide actions (the catalog, the day-off calendar): the actor must act for that province. */
export const authorizeProvinceAction = (actor: Actor, action: Action, provinceCode: string): OfficialActor => {
  const official = requireOfficial(actor);
  if (!isAllowed(official.grants, action, { kind: 'province', provinceCode })) {
    throw new AppError('FORBIDDEN');
  }
  return official;
};

/** Whether the actor holds any role that allows the action somewhere (to choose 403 for list endpoints). */
export const holdsAction = (actor: OfficialActor, action: Action): boolean =>
  actor.grants.some((grant) => isAllowed([grant], action, anyTargetOf(grant)));

const anyTargetOf = (grant: OfficialActor['grants'][number]): AccessTarget => ({
  kind: 'agency',
  lineage: {
    agencyId: grant.agencyId,
    provinceCode: grant.provinceCode,
    coveringIds: [grant.agencyId],
    ancestorIds: [],
  },
});

/**
 * For the hosting centre's actions (create a province, read figures across provinces): the actor must be the
 * install's hosting administrator. Any other official answers 403; nobody signed in, 401.
 */
export const requireHostingAdmin = (actor: Actor): OfficialActor => {
  const official = requireOfficial(actor);
  if (official.hostingAdmin !== true) {
    throw new AppError('FORBIDDEN');
  }
  return official;
};
