import {
  countParRoundUnitStatuses,
  type Database,
  freezeCriteriaSet,
  insertParRoundEvent,
  listParRoundSets,
  listParRoundUnitGroups,
  lockParRound,
  type ParRoundRecord,
  updateParRound,
} from '@motcua/db';
import { decideRoundTransition, type ParRoundAction } from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { PAR_ROUND } from './par-access.js';

const PRECONDITION_TEXT = {
  has_units_and_sets: 'đơn vị và bộ tiêu chí / units and criteria sets',
  all_self_locked: 'tự đánh giá đã khóa / self-assessment locked',
  all_appraisal_1_done: 'thẩm định lần 1 / first appraisal',
  all_appraisal_2_done: 'thẩm định lần 2 / second appraisal',
  all_finalised: 'điểm cuối cùng của Hội đồng / council’s final points',
} as const;

/**
 * The one path a round's stage changes (the organiser's "advance", and publication by the results slice):
 * inside the caller's transaction, lock the round, check the version the caller saw, decide with the stage
 * table (`decideRoundTransition`: its precondition over the units' statuses), write the stage with the
 * extra columns the caller brings (publication: the decision number and date), freeze the criteria sets when
 * the round opens, and append the round's history row. Answers the updated round.
 */
export const changeParRound = async (
  _ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    roundId: string;
    action: ParRoundAction;
    expectedVersion?: number | undefined;
    actorUserId: string | null;
    at: Date;
    /** Columns written with the stage (decision number and date, published_at for 'publish'). */
    set?: Partial<Pick<ParRoundRecord, 'decisionNumber' | 'decisionDate' | 'publishedAt'>>;
    detail?: Record<string, unknown>;
  },
): Promise<ParRoundRecord> => {
  const round = await lockParRound(trx, input.roundId);
  if (!round) {
    throw new AppError('NOT_FOUND', { resource: PAR_ROUND });
  }
  if (input.expectedVersion !== undefined && round.rowVersion !== input.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { current: round.rowVersion, sent: input.expectedVersion });
  }
  const counts = await countParRoundUnitStatuses(trx, round.id);
  const sets = await listParRoundSets(trx, round.id);
  const groupsWithoutSet =
    input.action === 'open'
      ? (await listParRoundUnitGroups(trx, round.id)).filter((group) => !sets.some((s) => s.unitGroup === group)).length
      : 0;
  const decision = decideRoundTransition({ stage: round.stage, action: input.action, counts, groupsWithoutSet });
  if (!decision.ok) {
    if (decision.code === 'PAR_ROUND_PRECONDITION') {
      throw new AppError(
        'PAR_ROUND_PRECONDITION',
        { pending: decision.pending, precondition: PRECONDITION_TEXT[decision.precondition] },
        { extensions: { precondition: decision.precondition, pending: decision.pending } },
      );
    }
    throw new AppError(decision.code);
  }
  if (input.action === 'open') {
    // Scoring opens: the sets are frozen (no edit, no replacement) for as long as the round lives.
    for (const set of sets) {
      // The criteria-set slice's freeze (db/par-sets.queries.ts), in this transaction.
      if (!(await freezeCriteriaSet(trx, set.setId))) {
        throw new AppError('PAR_ROUND_NO_SETS', { year: round.year });
      }
    }
  }
  const updated = await updateParRound(trx, {
    id: round.id,
    expectedVersion: round.rowVersion,
    set: {
      stage: decision.transition.to,
      ...(input.action === 'open' ? { openedAt: input.at } : {}),
      ...input.set,
    },
    at: input.at,
  });
  if (!updated) {
    throw new AppError('VERSION_CONFLICT', { current: round.rowVersion + 1, sent: round.rowVersion });
  }
  await insertParRoundEvent(trx, {
    roundId: round.id,
    provinceCode: round.provinceCode,
    action: input.action,
    fromStage: round.stage,
    toStage: updated.stage,
    detail: input.detail ?? null,
    actorUserId: input.actorUserId,
    at: input.at,
  });
  return updated;
};
