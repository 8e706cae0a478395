import { insertParResults, lockParRound, type ParRoundRecord } from '@motcua/db';
import type { Actor } from '../../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';
import { changeParRound } from '../rounds/change-par-round.js';
import { computeRoundFigures } from './round-figures.js';

export const PAR_ROUND = { vi: 'đợt đánh giá Chỉ số CCHC', en: 'PAR Index round' };

export type PublishParRoundInput = {
  roundId: string;
  /** The round version the organiser saw (409 when it moved on). */
  expectedVersion: number;
  /** The decision announcing the results (quyết định công bố Chỉ số CCHC). */
  decisionNumber: string;
  decisionDate: string;
};

/**
 * Publishes a round after the council (council → published): authorize (par.organise of the round's province)
 * → lock the round → compute every unit's figures from the counted scores (domain scoring, ranking, bands)
 * → write the par_result snapshot, then the stage and decision through the round's shared path (changeParRound:
 * precondition, version, history row), all in one transaction. Idempotent: the same
 * decision again answers the round as published; another decision for a published round is refused.
 */
export const publishParRound = async (
  ctx: AppContext,
  actor: Actor,
  input: PublishParRoundInput,
): Promise<{ round: ParRoundRecord; units: number; replayed: boolean }> =>
  ctx.db.transaction().execute(async (trx) => {
    const round = await lockParRound(trx, input.roundId);
    if (!round) {
      throw notFound(PAR_ROUND);
    }
    authorizeProvinceAction(actor, 'par.organise', round.provinceCode);
    if (round.stage === 'published') {
      if (round.decisionNumber === input.decisionNumber && round.decisionDate === input.decisionDate) {
        return { round, units: 0, replayed: true };
      }
      throw new AppError('PAR_ROUND_ALREADY_PUBLISHED', { decisionNumber: round.decisionNumber ?? '' });
    }
    if (round.stage !== 'council') {
      throw new AppError('PAR_ROUND_NOT_AT_COUNCIL', { stage: round.stage });
    }
    if (round.rowVersion !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: round.rowVersion, sent: input.expectedVersion });
    }
    const figures = await computeRoundFigures(trx, round.id);
    const ranked = figures.filter((unit) => unit.indexBp !== null);
    if (ranked.length === 0) {
      throw new AppError('PAR_ROUND_NO_UNITS');
    }
    await insertParResults(
      trx,
      ranked.map((unit) => ({
        roundId: round.id,
        agencyId: unit.agencyId,
        provinceCode: round.provinceCode,
        unitGroup: unit.unitGroup,
        unitName: unit.unitName,
        points: unit.points,
        applicableMax: unit.applicableMax,
        indexBp: unit.indexBp ?? 0,
        rank: unit.rank,
        band: unit.band,
        areaPoints: unit.areas,
        bonusPoints: unit.bonusPoints,
        penaltyPoints: unit.penaltyPoints,
      })),
    );
    // The round's one stage path (its precondition: every unit finalised by the council; its history row).
    const now = ctx.clock.now();
    const published = await changeParRound(ctx, trx, {
      roundId: round.id,
      action: 'publish',
      expectedVersion: input.expectedVersion,
      actorUserId: requireOfficial(actor).userId,
      at: now,
      set: { decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, publishedAt: now },
      detail: { decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, units: ranked.length },
    });
    return { round: published, units: ranked.length, replayed: false };
  });
