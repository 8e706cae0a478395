import { countPakn, findAgency, type PaknCountRow, type PaknScope } from '@motcua/db';
import { addDays, computePaknOnTimeRatio, PAKN_TOPICS, type PaknIndicatorCounts, parseInstant } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { holdsAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { resolvePaknScope } from './pakn-access.js';

/** Instants of a period of Vietnam days [from, to] (both included). */
const periodInstants = (from: string, to: string) => ({
  from: new Date(parseInstant(`${from}T00:00:00+07:00`)),
  to: new Date(parseInstant(`${addDays(to, 1)}T00:00:00+07:00`)),
});

/** The counts of the two Decision 766 PAKN indicators from rows of countPakn. */
export const sumPaknIndicatorCounts = (rows: readonly PaknCountRow[]): PaknIndicatorCounts =>
  rows.reduce(
    (total, row) => ({
      inCompetence: total.inCompetence + row.inCompetence,
      answeredOnTime: total.answeredOnTime + row.answeredOnTime,
      openWithinTime: total.openWithinTime + row.openWithinTime,
      answered: total.answered + row.answered,
      answeredDissatisfiedOrLate: total.answeredDissatisfiedOrLate + row.dissatisfiedOrLate,
    }),
    { inCompetence: 0, answeredOnTime: 0, openWithinTime: 0, answered: 0, answeredDissatisfiedOrLate: 0 },
  );

/** PAKN counts of the units of a service-index report over its days (read on the reader: a report). */
export const readPaknCountRows = (
  ctx: AppContext,
  input: PaknScope & { from: string; to: string },
): Promise<PaknCountRow[]> =>
  countPakn(ctx.reader, {
    provinceCodes: input.provinceCodes,
    agencyIds: input.agencyIds,
    ...periodInstants(input.from, input.to),
    now: ctx.clock.now(),
  });

/**
 * An agency's PAKN on-time rate for a calendar year (the PAR Index system measure
 * 'pakn_on_time_rate'): Decision 766 stt 21 — answered on time plus open within time, over the PAKN it
 * held that were not rejected, received in the year. `percent` is null when it had none (Decision 766
 * awards full marks then; the caller decides what its criterion does). Undefined for an unknown agency.
 * A system measure: no actor, the caller authorises.
 */
export const findAgencyPaknOnTimeRate = async (
  ctx: AppContext,
  input: { agencyId: string; year: number },
): Promise<{ agencyId: string; year: number; numerator: number; base: number; percent: number | null } | undefined> => {
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency) {
    return undefined;
  }
  const rows = await readPaknCountRows(ctx, {
    provinceCodes: [],
    agencyIds: [input.agencyId],
    from: `${input.year}-01-01`,
    to: `${input.year}-12-31`,
  });
  const { numerator, base } = computePaknOnTimeRatio(sumPaknIndicatorCounts(rows));
  return {
    agencyId: input.agencyId,
    year: input.year,
    numerator,
    base,
    percent: base === 0 ? null : Math.round((numerator / base) * 10_000) / 100,
  };
};

type Figures = Omit<PaknCountRow, 'provinceCode' | 'agencyId' | 'topic'>;

const ZERO: Figures = {
  received: 0,
  rejected: 0,
  forwarded: 0,
  inCompetence: 0,
  answered: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  openWithinTime: 0,
  openLate: 0,
  dissatisfiedOrLate: 0,
  rated: 0,
  satisfied: 0,
};

const add = (a: Figures, b: Figures): Figures =>
  Object.fromEntries(
    Object.keys(ZERO).map((key) => [key, a[key as keyof Figures] + b[key as keyof Figures]]),
  ) as Figures;

/**
 * PAKN statistics of the official's scope for a period: received, answered on time, late, forwarded,
 * rejected, open — in total, per holding agency and per field (topic), with the satisfaction of rated answers.
 */
export const getPaknStatistics = async (ctx: AppContext, actor: Actor, input: { from: string; to: string }) => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'pakn.read')) {
    throw new AppError('FORBIDDEN');
  }
  if (input.from > input.to) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      {
        fieldProblems: [{ in: 'query', pointer: '/from', code: 'PERIOD', message: 'from is after to' }],
      },
    );
  }
  const scope = await resolvePaknScope(ctx, official);
  const rows = await readPaknCountRows(ctx, { ...scope, ...input });
  const byAgency = new Map<string, Figures>();
  const byTopic = new Map<PaknCountRow['topic'], Figures>();
  let total = ZERO;
  for (const row of rows) {
    const { provinceCode: _province, agencyId, topic, ...figures } = row;
    total = add(total, figures);
    byAgency.set(agencyId ?? '', add(byAgency.get(agencyId ?? '') ?? ZERO, figures));
    byTopic.set(topic, add(byTopic.get(topic) ?? ZERO, figures));
  }
  const agencies = [];
  for (const [id, figures] of byAgency) {
    agencies.push({
      agencyId: id || null,
      agencyName: id ? ((await findAgency(ctx.reader, id))?.name ?? id) : null,
      ...figures,
    });
  }
  const indicators = sumPaknIndicatorCounts(rows);
  const onTime = computePaknOnTimeRatio(indicators);
  return {
    period: input,
    total,
    onTimePercent: onTime.base === 0 ? null : Math.round((onTime.numerator / onTime.base) * 10_000) / 100,
    satisfiedPercent: total.rated === 0 ? null : Math.round((total.satisfied / total.rated) * 10_000) / 100,
    byAgency: agencies.sort(
      (a, b) => b.received - a.received || (a.agencyName ?? '').localeCompare(b.agencyName ?? ''),
    ),
    byTopic: [...byTopic].map(([topic, figures]) => ({
      topic,
      topicLabel: PAKN_TOPICS[topic],
      ...figures,
    })),
  };
};
