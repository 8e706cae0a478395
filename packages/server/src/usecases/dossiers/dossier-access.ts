import { type AgencyLineageRecord, type DossierRecord, findAgencyLineage, findDossierByCode } from '@motcua/db';
import { type DossierState, isAllowed, listRolesCovering, type OfficialRole } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

export const DOSSIER = { vi: 'hồ sơ', en: 'dossier' } as const;

/** Every agency a dossier touches: where it was received, who holds it, each step's agency. */
export const listDossierAgencyIds = (
  dossier: Pick<DossierRecord, 'receivingAgencyId' | 'holderAgencyId' | 'state'>,
) => [
  ...new Set([
    dossier.receivingAgencyId,
    dossier.holderAgencyId,
    ...(dossier.state as DossierState).steps.map((s) => s.agencyId),
  ]),
];

export type DossierAccess = {
  official: OfficialActor;
  /** The roles the official holds that reach an agency (lineage-aware: sub-agencies, successors). */
  rolesAt: (agencyId: string) => readonly OfficialRole[];
};

/** Loads the lineages of the given agencies once, for role checks within one request. */
export const buildDossierAccess = async (
  ctx: AppContext,
  official: OfficialActor,
  agencyIds: readonly string[],
  findLineage: (agencyId: string) => Promise<AgencyLineageRecord | undefined> = (id) => findAgencyLineage(ctx.db, id),
): Promise<DossierAccess> => {
  const lineages = new Map<string, AgencyLineageRecord | undefined>();
  for (const id of new Set(agencyIds)) {
    lineages.set(id, await findLineage(id));
  }
  return {
    official,
    rolesAt: (agencyId) => {
      const lineage = lineages.get(agencyId);
      return lineage ? listRolesCovering(official.grants, lineage) : [];
    },
  };
};

/**
 * The dossier, if the official may read it: they hold dossier.read over one of the agencies it
 * touches. Otherwise 404, exactly as for a dossier that does not exist (no existence leak).
 */
export const getReadableDossier = async (
  ctx: AppContext,
  actor: Actor,
  code: string,
): Promise<{ dossier: DossierRecord; access: DossierAccess }> => {
  const official = requireOfficial(actor);
  const dossier = await findDossierByCode(ctx.db, code);
  if (!dossier) {
    throw new AppError('NOT_FOUND', { resource: DOSSIER });
  }
  const agencyIds = listDossierAgencyIds(dossier);
  const access = await buildDossierAccess(ctx, official, agencyIds);
  for (const agencyId of agencyIds) {
    const lineage = await findAgencyLineage(ctx.db, agencyId);
    if (lineage && isAllowed(official.grants, 'dossier.read', { kind: 'agency', lineage })) {
      return { dossier, access };
    }
  }
  throw new AppError('NOT_FOUND', { resource: DOSSIER });
};
