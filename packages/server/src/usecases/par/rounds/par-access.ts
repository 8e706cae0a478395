import { findAgencyLineage, findParRound, listAssignedParAgencyIds, type ParRoundRecord } from '@motcua/db';
import { type AccessTarget, isAllowed, type ParActor } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { PAR_UNIT } from './change-par-unit.js';

export const PAR_ROUND = { vi: 'đợt đánh giá Chỉ số CCHC', en: 'PAR Index round' } as const;

/** Whether the official organises the PAR Index of the province (Sở Nội vụ). */
export const isParOrganiser = (official: OfficialActor, provinceCode: string): boolean =>
  isAllowed(official.grants, 'par.organise', { kind: 'province', provinceCode });

/** Loads a round the official may reach at all: its province's organiser, appraiser, or one of its units. */
export const getParRound = async (ctx: AppContext, roundId: string): Promise<ParRoundRecord> => {
  const round = await findParRound(ctx.db, roundId);
  if (!round) {
    throw new AppError('NOT_FOUND', { resource: PAR_ROUND });
  }
  return round;
};

/** The organiser of the round's province, or 404 (a foreign province's round) / 403. */
export const authorizeParOrganiser = async (
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<{ official: OfficialActor; round: ParRoundRecord }> => {
  const official = requireOfficial(actor);
  const round = await getParRound(ctx, roundId);
  if (!isParOrganiser(official, round.provinceCode)) {
    const reaches = official.grants.some((g) => g.provinceCode === round.provinceCode);
    throw reaches ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { resource: PAR_ROUND });
  }
  return { official, round };
};

/**
 * Who the official is for one unit of a round (issue 17 item 6): the unit's focal officer (par.self_assess
 * at the unit), its head (par.approve at the unit), an appraiser assigned to it (par.appraise and a
 * par_appraiser row), the organiser (par.organise in the province). Nobody else reaches the unit's
 * scorecard before publication: 404, as if it did not exist.
 */
export const resolveParActors = async (
  ctx: AppContext,
  official: OfficialActor,
  round: ParRoundRecord,
  agencyId: string,
): Promise<ParActor[]> => {
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  if (!lineage || lineage.provinceCode !== round.provinceCode) {
    return [];
  }
  const target: AccessTarget = { kind: 'agency', lineage };
  const actors: ParActor[] = [];
  if (isAllowed(official.grants, 'par.self_assess', target)) {
    actors.push('focal');
  }
  if (isAllowed(official.grants, 'par.approve', target)) {
    actors.push('head');
  }
  if (isParOrganiser(official, round.provinceCode)) {
    actors.push('organiser');
  }
  if (
    official.grants.some((g) => g.role === 'par_appraiser') &&
    isAllowed(official.grants, 'par.appraise', target) &&
    (await listAssignedParAgencyIds(ctx.db, { roundId: round.id, userId: official.userId })).includes(agencyId)
  ) {
    actors.push('appraiser');
  }
  return actors;
};

/** The round and the official's roles for a unit; 404 when the unit is outside every scope of theirs. */
export const authorizeParUnit = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; agencyId: string },
): Promise<{ official: OfficialActor; round: ParRoundRecord; actors: ParActor[] }> => {
  const official = requireOfficial(actor);
  const round = await getParRound(ctx, input.roundId);
  const actors = await resolveParActors(ctx, official, round, input.agencyId);
  if (actors.length === 0) {
    throw new AppError('NOT_FOUND', { resource: PAR_UNIT });
  }
  return { official, round, actors };
};
