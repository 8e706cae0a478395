import type { CompletionClass } from '../calendar/duration.js';
import { fromDayNumber, getLocalDayNumber, type LocalDate } from '../calendar/local-date.js';
import type { DossierStatus } from '../dossier/status.js';
import { type CounterValues, createZeroCounters, STATISTICS_COUNTERS, type StatisticsCounter } from './counters.js';

/**
 * What the statistics need to know about one dossier, whatever its origin (a dossier of the
 * engine, an imported historical dossier, a generated one). Instants are epoch milliseconds.
 */
export type StatisticsFacts = {
  /**
   * pending: not received yet (online, waiting for the desk, or guided to supplement at intake);
   * open: received and being handled; resolved: result ready or returned; the others are final.
   */
  phase: 'pending' | 'open' | 'resolved' | 'withdrawn' | 'stopped' | 'refused';
  receivedAt: number | null;
  /**
   * The legal due instant (apology excluded): lateness is counted against it (Decree 61/2018
   * Art. 20 recalled, carried into Decree 118/2025 — an apology gives a new appointment, the
   * dossier is still late). Null while the clock is paused or for a procedure without a limit.
   */
  legalDueAt: number | null;
  completedAt: number | null;
  completionClass: CompletionClass | null;
  returnedAt: number | null;
  /** When a withdrawn, stopped or refused dossier was closed. */
  closedAt: number | null;
  fromData: boolean;
};

const PHASE_OF_STATUS: Record<DossierStatus, StatisticsFacts['phase'] | 'by_receipt'> = {
  new: 'pending',
  received: 'open',
  processing: 'open',
  // At intake the dossier has not been received yet; during processing it has (the clock is paused).
  supplement_requested: 'by_receipt',
  financial_obligation: 'open',
  completed: 'resolved',
  returned: 'resolved',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
  refused: 'refused',
};

const ms = (value: Date | string | null | undefined): number | null =>
  value === null || value === undefined ? null : new Date(value).getTime();

/** The facts of a dossier row of the engine (the projected columns of `dossier`). */
export const toStatisticsFacts = (row: {
  status: DossierStatus;
  receivedAt: Date | string | null;
  legalDueAt: Date | string | null;
  completedAt: Date | string | null;
  completionClass: CompletionClass | null;
  returnedAt: Date | string | null;
  /** The instant of the last change: for a closed dossier, when it was closed (nothing changes after). */
  updatedAt: Date | string;
  components: readonly { fromData?: boolean }[];
}): StatisticsFacts => {
  const byStatus = PHASE_OF_STATUS[row.status];
  const receivedAt = ms(row.receivedAt);
  const phase = byStatus === 'by_receipt' ? (receivedAt === null ? 'pending' : 'open') : byStatus;
  const closed = phase === 'withdrawn' || phase === 'stopped' || phase === 'refused';
  return {
    phase,
    receivedAt,
    legalDueAt: ms(row.legalDueAt),
    completedAt: phase === 'resolved' ? (ms(row.completedAt) ?? ms(row.updatedAt)) : null,
    completionClass: phase === 'resolved' ? row.completionClass : null,
    returnedAt: ms(row.returnedAt),
    closedAt: closed ? ms(row.updatedAt) : null,
    fromData: row.components.some((component) => component.fromData === true),
  };
};

export type Contribution = { day: LocalDate; counter: StatisticsCounter; value: number };

const dayOf = (instant: number): number => getLocalDayNumber(instant);

/**
 * The flows one dossier adds to the statistics, by day (Vietnam time). A pure function of the
 * dossier's facts: the aggregates hold the sum of it over every dossier, so a change to a dossier
 * is applied as contributions(after) − contributions(before), and rebuilding the aggregates from
 * the raw rows (statistics-aggregates.queries.ts, in SQL) gives exactly the same numbers.
 *
 * Overdue: a dossier is in the overdue stock at the end of day D when its legal due day is ≤ D and
 * it is still open at the end of D — it enters on its due day and leaves on the day it is resolved
 * or closed (if that is a later day). A dossier resolved late on its due day never counts as
 * "in progress, overdue": it is "resolved, late".
 */
export const listContributions = (facts: StatisticsFacts): Contribution[] => {
  const out: Contribution[] = [];
  const add = (instant: number, counter: StatisticsCounter) => {
    out.push({ day: fromDayNumber(dayOf(instant)), counter, value: 1 });
  };
  if (facts.receivedAt !== null && facts.phase !== 'pending') {
    add(facts.receivedAt, 'received');
    if (facts.fromData) {
      add(facts.receivedAt, 'receivedFromData');
    }
  }
  let exitAt: number | null = null;
  if (facts.phase === 'resolved' && facts.completedAt !== null) {
    exitAt = facts.completedAt;
    const counter: StatisticsCounter =
      facts.completionClass === 'early'
        ? 'resolvedEarly'
        : facts.completionClass === 'on_time'
          ? 'resolvedOnTime'
          : facts.completionClass === 'late'
            ? 'resolvedLate'
            : 'resolvedNoDeadline';
    add(facts.completedAt, counter);
  }
  if (facts.phase === 'resolved' && facts.returnedAt !== null) {
    add(facts.returnedAt, 'returned');
  }
  if (
    (facts.phase === 'withdrawn' || facts.phase === 'stopped' || facts.phase === 'refused') &&
    facts.closedAt !== null
  ) {
    add(facts.closedAt, facts.phase);
    if (facts.receivedAt !== null) {
      exitAt = facts.closedAt;
      add(facts.closedAt, 'closedAfterReceipt');
    }
  }
  if (facts.receivedAt !== null && facts.legalDueAt !== null && facts.phase !== 'pending') {
    const dueDay = dayOf(facts.legalDueAt);
    if (exitAt === null || dayOf(exitAt) > dueDay) {
      add(facts.legalDueAt, 'overdueIn');
      if (exitAt !== null) {
        add(exitAt, 'overdueOut');
      }
    }
  }
  return out;
};

export type DeltaCell = { seriesKey: string; day: LocalDate; counts: CounterValues };

/**
 * What a change of one dossier does to the aggregates: per (series, day), the counters to add
 * (negative to subtract). `before` is null for a new dossier, `after` null for a removed one.
 * Cells whose counters all cancel out are left out; the result is sorted by (series, day) so
 * concurrent transactions lock aggregate rows in the same order.
 */
export const computeStatisticsDelta = (
  before: { seriesKey: string; facts: StatisticsFacts } | null,
  after: { seriesKey: string; facts: StatisticsFacts } | null,
): DeltaCell[] => {
  const cells = new Map<string, DeltaCell>();
  const apply = (side: { seriesKey: string; facts: StatisticsFacts } | null, sign: 1 | -1) => {
    if (!side) {
      return;
    }
    for (const contribution of listContributions(side.facts)) {
      const key = `${side.seriesKey}\u0000${contribution.day}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { seriesKey: side.seriesKey, day: contribution.day, counts: createZeroCounters() };
        cells.set(key, cell);
      }
      cell.counts[contribution.counter] += sign * contribution.value;
    }
  };
  apply(before, -1);
  apply(after, 1);
  return [...cells.values()]
    .filter((cell) => STATISTICS_COUNTERS.some((counter) => cell.counts[counter] !== 0))
    .sort((a, b) => (a.seriesKey === b.seriesKey ? a.day.localeCompare(b.day) : a.seriesKey < b.seriesKey ? -1 : 1));
};
