import {
  type EvaluationPeriodRecord,
  findAgency,
  findEvaluationPeriodByNumber,
  insertEvaluationPeriod,
  listEvaluationPeriods,
  updateEvaluationPeriod,
} from '@motcua/db';
import { type EvaluationBand, formatInstant, periodNumberValid, periodRange } from '@motcua/domain';

import type { Actor } from '../../auth/actor.js';
import { authorizeAgencyAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { allowsWithin, getPeriodFor, PERIOD } from './evaluation-access.js';

export const toPeriodView = (period: EvaluationPeriodRecord) => ({
  id: period.id,
  agencyId: period.agencyId,
  kind: period.kind,
  year: period.year,
  number: period.number,
  startsOn: String(period.startsOn),
  endsOn: String(period.endsOn),
  status: period.status,
  unitBand: period.unitBand,
  createdAt: formatInstant(period.createdAt.getTime()),
  closedAt: period.closedAt ? formatInstant(period.closedAt.getTime()) : null,
});

export const listPeriods = async (ctx: AppContext, actor: Actor, agencyId: string) => {
  const official = requireOfficial(actor);
  // The agency's readers, and the heads of its units (who read their unit's sheets of these periods).
  if (!(await allowsWithin(ctx, official, 'evaluation.read', agencyId))) {
    throw new AppError('NOT_FOUND', { resource: PERIOD });
  }
  return { items: (await listEvaluationPeriods(ctx.db, agencyId)).map(toPeriodView) };
};

/** Opens a month, a quarter or the year of an agency (evaluation.manage: the personnel officer). */
export const openPeriod = async (
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; kind: 'month' | 'quarter' | 'year'; year: number; number: number },
) => {
  const official = await authorizeAgencyAction(ctx, actor, 'evaluation.manage', input.agencyId, PERIOD);
  if (!periodNumberValid(input.kind, input.number)) {
    throw new AppError('EVALUATION_PERIOD_INVALID');
  }
  const agency = await findAgency(ctx.db, input.agencyId);
  const range = periodRange(input.kind, input.year, input.number);
  const inserted = await insertEvaluationPeriod(ctx.db, {
    provinceCode: agency?.provinceCode ?? '00',
    agencyId: input.agencyId,
    kind: input.kind,
    year: input.year,
    number: input.number,
    startsOn: range.startsOn,
    endsOn: range.endsOn,
    status: 'open',
    createdBy: official.userId,
  });
  if (!inserted) {
    throw new AppError('EVALUATION_PERIOD_EXISTS');
  }
  return toPeriodView(inserted);
};

/** Finds a period by its number, for the demo and the tests. */
export const findPeriod = (
  ctx: AppContext,
  agencyId: string,
  kind: 'month' | 'quarter' | 'year',
  year: number,
  n: number,
) => findEvaluationPeriodByNumber(ctx.db, agencyId, kind, year, n);

/** Closes a period (its sheets no longer change) or records the unit's own band (the quota becomes 25 %). */
export const changePeriod = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { close?: boolean | undefined; unitBand?: EvaluationBand | null | undefined },
) => {
  const { period } = await getPeriodFor(ctx, actor, id, 'evaluation.manage');
  if (period.status === 'closed') {
    throw new AppError('EVALUATION_PERIOD_CLOSED');
  }
  const updated = await updateEvaluationPeriod(ctx.db, id, {
    ...(input.unitBand !== undefined ? { unitBand: input.unitBand } : {}),
    ...(input.close ? { status: 'closed' as const, closedAt: ctx.clock.now() } : {}),
  });
  if (!updated) {
    throw new AppError('NOT_FOUND', { resource: PERIOD });
  }
  return toPeriodView(updated);
};
