import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, getLocalDayNumber, parseInstant, toDayNumber } from '../calendar/local-date.js';
import { computeStatisticsDelta, listContributions, type StatisticsFacts, toStatisticsFacts } from './contributions.js';
import { createZeroCounters, STATISTICS_COUNTERS } from './counters.js';
import {
  type AggregateSums,
  buildStatisticsFigures,
  computePercent,
  createZeroSums,
  formatPercentVi,
  roundFigurePercentages,
} from './figures.js';
import { findNamedPeriod, getMonthEnd, isDayInFullMonths, planAggregateRanges } from './period.js';
import { getHandlingAgencyId, getStatisticsLevel } from './series.js';
import { computeServiceIndex, SERVICE_INDEX_GROUPS } from './service-index.js';

const at = (iso: string) => parseInstant(iso);
const DAY = 86_400_000;

describe('percentages', () => {
  it('rounds to one decimal from the fraction itself, as published reports print it', () => {
    expect(computePercent(4157, 4169, 1)).toBe(99.7);
    expect(computePercent(1, 8, 1)).toBe(12.5);
    expect(computePercent(1, 16, 1)).toBe(6.3); // 6.25 → 6.3, half up
    // 99.9499…%: two decimals give 99.95, but one decimal is 99.9, not a double-rounded 100.
    expect(computePercent(19_989, 20_000, 2)).toBe(99.95);
    expect(computePercent(199_899, 200_000, 1)).toBe(99.9);
    expect(computePercent(3, 0, 1)).toBeNull();
    expect(formatPercentVi(99.7, 1)).toBe('99,7%');
    expect(formatPercentVi(100, 1)).toBe('100%');
  });

  it('agrees with exact rational rounding on one decimal for any counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (n, b) => {
        const tenths = Math.round((computePercent(n, b, 1) ?? -1) * 10);
        expect(2 * n * 1000).toBeGreaterThanOrEqual((2 * tenths - 1) * b);
        expect(2 * n * 1000).toBeLessThan((2 * tenths + 1) * b);
      }),
    );
  });

  it('rounds every rate of a report again from its counts', () => {
    const figures = buildStatisticsFigures({ ...createZeroSums(), received: 3, resolvedEarly: 2, resolvedOnTime: 1 });
    expect(figures.percentages.early.value).toBe(66.67);
    const published = roundFigurePercentages(figures, 1);
    expect(published.percentages.early.value).toBe(66.7);
    expect(published.percentages.onTime.value).toBe(33.3);
    expect(published.percentages.earlyOrOnTime.value).toBe(100);
    expect(published.percentages.early.numerator).toBe(2);
    expect(published.resolvedEarly).toBe(2);
  });

  it('rounds half up on two decimals in integer arithmetic', () => {
    expect(computePercent(4157, 4169)).toBe(99.71);
    expect(computePercent(12, 4169)).toBe(0.29);
    expect(computePercent(635_593, 643_272)).toBe(98.81);
    expect(computePercent(7677, 643_272)).toBe(1.19);
    expect(computePercent(1, 8)).toBe(12.5);
    expect(computePercent(1, 20_000)).toBe(0.01);
    expect(computePercent(1, 200_000)).toBe(0);
    expect(computePercent(1, 0)).toBeNull();
    expect(formatPercentVi(98.81)).toBe('98,81%');
    expect(formatPercentVi(97.5)).toBe('97,5%');
  });

  it('agrees with exact rational rounding for any counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (n, b) => {
        const value = computePercent(n, b) ?? -1;
        // value × base / 100 brackets n × 100 within half a hundredth.
        const hundredths = Math.round(value * 100);
        expect(2 * n * 10_000).toBeGreaterThanOrEqual((2 * hundredths - 1) * b);
        expect(2 * n * 10_000).toBeLessThan((2 * hundredths + 1) * b);
      }),
    );
  });
});

describe('periods', () => {
  it('parses months, quarters, halves and years', () => {
    expect(findNamedPeriod('2021-09')).toMatchObject({
      from: '2021-09-01',
      to: '2021-09-30',
      label: { vi: 'Tháng 09/2021' },
    });
    expect(findNamedPeriod('2020-Q1')).toMatchObject({
      from: '2020-01-01',
      to: '2020-03-31',
      label: { vi: 'Quý I năm 2020' },
    });
    expect(findNamedPeriod('2024-02')?.to).toBe('2024-02-29');
    expect(findNamedPeriod('2021-H1')).toMatchObject({ from: '2021-01-01', to: '2021-06-30' });
    expect(findNamedPeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(findNamedPeriod('2026-13')).toBeUndefined();
    expect(findNamedPeriod('tháng 9')).toBeUndefined();
  });

  it('covers every day of a period exactly once by whole months or days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 400 }), (start, length) => {
        const from = fromDayNumber(toDayNumber('2024-01-01') + start);
        const to = fromDayNumber(toDayNumber(from) + length);
        const plan = planAggregateRanges(from, to);
        expect(plan.beforeDaysFrom <= from).toBe(true);
        if (plan.fullMonthsFrom <= plan.fullMonthsTo) {
          expect(plan.fullMonthsFrom >= from).toBe(true);
          expect(getMonthEnd(plan.fullMonthsTo) <= to).toBe(true);
        }
        // A day inside a full month is never also read from the day table, and vice versa.
        for (const day of [from, to]) {
          const inFull = isDayInFullMonths(plan, day);
          expect(inFull).toBe(
            plan.fullMonthsFrom <= day &&
              plan.fullMonthsFrom <= plan.fullMonthsTo &&
              day <= getMonthEnd(plan.fullMonthsTo),
          );
        }
      }),
    );
  });
});

/** A random dossier's final facts, between 2024-01-01 and 2024-06-30. */
const factsArbitrary = fc
  .record({
    receivedDay: fc.integer({ min: 0, max: 180 }),
    receivedMinute: fc.integer({ min: 420, max: 1020 }),
    hasDeadline: fc.boolean(),
    dueDays: fc.integer({ min: 0, max: 20 }),
    outcome: fc.constantFrom('open', 'resolved', 'returned', 'withdrawn', 'stopped', 'refused', 'pending'),
    exitDays: fc.integer({ min: 0, max: 40 }),
    exitMinute: fc.integer({ min: 420, max: 1020 }),
    fromData: fc.boolean(),
  })
  .map((r): StatisticsFacts => {
    const start = parseInstant('2024-01-01T00:00:00+07:00');
    const receivedAt = start + r.receivedDay * DAY + r.receivedMinute * 60_000;
    const legalDueAt = r.hasDeadline ? receivedAt + r.dueDays * DAY : null;
    const exitAt = start + (r.receivedDay + r.exitDays) * DAY + r.exitMinute * 60_000;
    const exit = Math.max(exitAt, receivedAt);
    const resolved = r.outcome === 'resolved' || r.outcome === 'returned';
    const completionClass =
      resolved && legalDueAt !== null
        ? exit > legalDueAt
          ? 'late'
          : getLocalDayNumber(exit) < getLocalDayNumber(legalDueAt)
            ? 'early'
            : 'on_time'
        : null;
    const closed = r.outcome === 'withdrawn' || r.outcome === 'stopped' || r.outcome === 'refused';
    return {
      phase: r.outcome === 'returned' ? 'resolved' : (r.outcome as StatisticsFacts['phase']),
      receivedAt: r.outcome === 'pending' ? null : receivedAt,
      legalDueAt: r.outcome === 'pending' ? null : legalDueAt,
      completedAt: resolved ? exit : null,
      completionClass,
      returnedAt: r.outcome === 'returned' ? exit + DAY : null,
      closedAt: closed ? exit : null,
      fromData: r.fromData,
    };
  });

/** The report's figures computed one dossier at a time from the definitions (the oracle). */
const figuresByDefinition = (all: StatisticsFacts[], from: string, to: string) => {
  const f = toDayNumber(from);
  const t = toDayNumber(to);
  const day = (ms: number | null) => (ms === null ? null : getLocalDayNumber(ms));
  const out = {
    carriedOver: 0,
    receivedNew: 0,
    resolved: 0,
    late: 0,
    inProgress: 0,
    overdue: 0,
    returned: 0,
    withdrawn: 0,
  };
  for (const d of all) {
    const r = day(d.receivedAt);
    const exit =
      d.phase === 'resolved' ? day(d.completedAt) : d.closedAt !== null && r !== null ? day(d.closedAt) : null;
    if (r === null) {
      if (d.phase === 'withdrawn' && (day(d.closedAt) ?? -1) >= f && (day(d.closedAt) ?? -1) <= t) {
        out.withdrawn += 1;
      }
      continue;
    }
    if (r < f && (exit === null || exit >= f)) {
      out.carriedOver += 1;
    }
    if (r >= f && r <= t) {
      out.receivedNew += 1;
    }
    if (d.phase === 'resolved' && exit !== null && exit >= f && exit <= t) {
      out.resolved += 1;
      if (d.completionClass === 'late') {
        out.late += 1;
      }
    }
    if (r <= t && (exit === null || exit > t)) {
      out.inProgress += 1;
      if (d.legalDueAt !== null && (day(d.legalDueAt) ?? Number.POSITIVE_INFINITY) <= t) {
        out.overdue += 1;
      }
    }
    if (d.returnedAt !== null && (day(d.returnedAt) ?? -1) >= f && (day(d.returnedAt) ?? -1) <= t) {
      out.returned += 1;
    }
    if (d.phase === 'withdrawn' && (day(d.closedAt) ?? -1) >= f && (day(d.closedAt) ?? -1) <= t) {
      out.withdrawn += 1;
    }
  }
  return out;
};

/** The same figures from the summed daily contributions (what the aggregates hold). */
const figuresByContributions = (all: StatisticsFacts[], from: string, to: string) => {
  const sums: AggregateSums = createZeroSums();
  for (const facts of all) {
    for (const c of listContributions(facts)) {
      const before = c.day < from;
      const inside = c.day >= from && c.day <= to;
      if (before) {
        if (c.counter === 'received') {
          sums.beforeReceived += 1;
        } else if (c.counter.startsWith('resolved')) {
          sums.beforeResolved += 1;
        } else if (c.counter === 'closedAfterReceipt') {
          sums.beforeClosedAfterReceipt += 1;
        }
      }
      if (before || inside) {
        if (c.counter === 'overdueIn') {
          sums.overdueStock += 1;
        } else if (c.counter === 'overdueOut') {
          sums.overdueStock -= 1;
        }
      }
      if (inside && c.counter !== 'overdueIn' && c.counter !== 'overdueOut' && c.counter !== 'receivedFromData') {
        sums[c.counter] += 1;
      }
    }
  }
  return buildStatisticsFigures(sums);
};

describe('contributions and figures', () => {
  it('give the same carried-over, received, resolved, in-progress and overdue counts as the definitions', () => {
    fc.assert(
      fc.property(
        fc.array(factsArbitrary, { maxLength: 60 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 60 }),
        (all, start, length) => {
          const from = fromDayNumber(toDayNumber('2024-01-01') + start);
          const to = fromDayNumber(toDayNumber(from) + length);
          const expected = figuresByDefinition(all, from, to);
          const figures = figuresByContributions(all, from, to);
          expect({
            carriedOver: figures.carriedOver,
            receivedNew: figures.receivedNew,
            resolved: figures.resolved,
            late: figures.resolvedLate,
            inProgress: figures.inProgress,
            overdue: figures.inProgressOverdue,
            returned: figures.returned,
            withdrawn: figures.withdrawn,
          }).toEqual(expected);
          expect(figures.totalToProcess).toBe(figures.resolved + figures.inProgress + figures.closedWithoutResult);
        },
      ),
    );
  });

  it('applies a change as contributions(after) − contributions(before), telescoping to the final state', () => {
    fc.assert(
      fc.property(fc.array(factsArbitrary, { minLength: 1, maxLength: 6 }), (states) => {
        const held = new Map<string, number>();
        let previous: StatisticsFacts | null = null;
        for (const facts of states) {
          for (const cell of computeStatisticsDelta(previous && { seriesKey: 's', facts: previous }, {
            seriesKey: 's',
            facts,
          })) {
            for (const counter of STATISTICS_COUNTERS) {
              const key = `${cell.day}|${counter}`;
              held.set(key, (held.get(key) ?? 0) + cell.counts[counter]);
            }
          }
          previous = facts;
        }
        const expected = new Map<string, number>();
        for (const c of listContributions(states[states.length - 1] as StatisticsFacts)) {
          expected.set(`${c.day}|${c.counter}`, (expected.get(`${c.day}|${c.counter}`) ?? 0) + c.value);
        }
        const nonZero = new Map([...held].filter(([, v]) => v !== 0));
        expect(nonZero).toEqual(expected);
      }),
    );
  });

  it('leaves out a change that does not touch the statistics', () => {
    const facts: StatisticsFacts = {
      phase: 'open',
      receivedAt: at('2026-11-23T09:00:00+07:00'),
      legalDueAt: at('2026-11-30T09:00:00+07:00'),
      completedAt: null,
      completionClass: null,
      returnedAt: null,
      closedAt: null,
      fromData: false,
    };
    expect(computeStatisticsDelta({ seriesKey: 'a', facts }, { seriesKey: 'a', facts })).toEqual([]);
    const moved = computeStatisticsDelta({ seriesKey: 'a', facts }, { seriesKey: 'b', facts });
    expect(moved.map((c) => [c.seriesKey, c.day, c.counts.received])).toEqual([
      ['a', '2026-11-23', -1],
      ['a', '2026-11-30', 0],
      ['b', '2026-11-23', 1],
      ['b', '2026-11-30', 0],
    ]);
    expect(moved[1]?.counts.overdueIn).toBe(-1);
  });

  it('reads a dossier row: received during processing, paused, closed at its last change', () => {
    const base = {
      receivedAt: new Date('2026-11-23T02:00:00Z'),
      legalDueAt: null,
      completedAt: null,
      completionClass: null,
      returnedAt: null,
      updatedAt: new Date('2026-11-25T02:00:00Z'),
      components: [{ fromData: true }],
    };
    expect(toStatisticsFacts({ ...base, status: 'supplement_requested' }).phase).toBe('open');
    expect(toStatisticsFacts({ ...base, status: 'supplement_requested', receivedAt: null }).phase).toBe('pending');
    const withdrawn = toStatisticsFacts({ ...base, status: 'withdrawn' });
    expect(withdrawn).toMatchObject({ phase: 'withdrawn', closedAt: base.updatedAt.getTime(), fromData: true });
    expect(listContributions(withdrawn).map((c) => `${c.day} ${c.counter}`)).toEqual([
      '2026-11-23 received',
      '2026-11-23 receivedFromData',
      '2026-11-25 withdrawn',
      '2026-11-25 closedAfterReceipt',
    ]);
    expect(createZeroCounters().received).toBe(0);
  });

  it('counts a dossier resolved late on its due day as resolved late, never as in progress overdue', () => {
    const facts: StatisticsFacts = {
      phase: 'resolved',
      receivedAt: at('2026-11-02T09:00:00+07:00'),
      legalDueAt: at('2026-11-09T09:00:00+07:00'),
      completedAt: at('2026-11-09T15:00:00+07:00'),
      completionClass: 'late',
      returnedAt: null,
      closedAt: null,
      fromData: false,
    };
    expect(listContributions(facts).map((c) => c.counter)).toEqual(['received', 'resolvedLate']);
    const nextDay = { ...facts, completedAt: at('2026-11-10T08:00:00+07:00') };
    expect(listContributions(nextDay).map((c) => `${c.day} ${c.counter}`)).toEqual([
      '2026-11-02 received',
      '2026-11-10 resolvedLate',
      '2026-11-09 overdueIn',
      '2026-11-10 overdueOut',
    ]);
  });
});

describe('series dimensions', () => {
  it('attributes a dossier to the agency of its approval step, else processing, else the desk', () => {
    const step = (role: 'receptionist' | 'processor' | 'approver' | 'result_returner', agencyId: string) => ({
      key: role,
      name: role,
      role,
      agencyId,
      allotmentMinutes: 60,
      status: 'pending' as const,
    });
    expect(
      getHandlingAgencyId({
        receivingAgencyId: 'centre',
        steps: [
          step('receptionist', 'centre'),
          step('processor', 'commune'),
          step('approver', 'justice'),
          step('result_returner', 'centre'),
        ],
      }),
    ).toBe('justice');
    expect(getHandlingAgencyId({ receivingAgencyId: 'centre', steps: [step('processor', 'x')] })).toBe('x');
    expect(getHandlingAgencyId({ receivingAgencyId: 'centre', steps: [] })).toBe('centre');
    expect(getStatisticsLevel({ kind: 'commune_committee' })).toBe('commune');
    expect(getStatisticsLevel({ kind: 'province_department' })).toBe('province');
    expect(getStatisticsLevel({ kind: 'other', adminUnitLevel: 'district' })).toBe('district');
    expect(getStatisticsLevel({ kind: 'ministry_unit' })).toBe('ministry');
  });
});

describe('Decision 766 service index', () => {
  const sums: AggregateSums = {
    ...createZeroSums(),
    received: 100,
    receivedOnline: 40,
    receivedDirect: 60,
    resolvedEarly: 70,
    resolvedOnTime: 15,
    resolvedLate: 5,
    overdueStock: 2,
    fullOnlineEligible: 50,
    fullOnlineOnline: 30,
    replaceableEligible: 10,
    replaceableFromData: 9,
  };

  it('has the six groups of the province total of 100 points', () => {
    expect(SERVICE_INDEX_GROUPS.map((g) => [g.name, g.max])).toEqual([
      ['Công khai, minh bạch', 18],
      ['Tiến độ giải quyết', 20],
      ['Dịch vụ công trực tuyến', 12],
      ['Số hóa hồ sơ', 22],
      ['Mức độ hài lòng', 18],
      ['Thanh toán trực tuyến', 10],
    ]);
    for (const group of SERVICE_INDEX_GROUPS) {
      expect(group.indicators.reduce((sum, i) => sum + i.max, 0)).toBe(group.max);
    }
  });

  it('scores what motcua holds, marks the rest "chưa có dữ liệu" and adjusts the maximum', () => {
    const result = computeServiceIndex(sums, 'province');
    const progress = result.groups.find((g) => g.key === 'progress')?.indicators[0];
    // (85 resolved early/on time + 8 in progress within the limit) / (90 resolved + 10 in progress)
    expect(progress).toMatchObject({ status: 'scored', score: 18.6, ratio: { numerator: 93, base: 100, value: 93 } });
    const online = result.groups.find((g) => g.key === 'online')?.indicators[0];
    expect(online).toMatchObject({ status: 'scored', score: 7.2 });
    const reuse = result.groups
      .find((g) => g.key === 'digitisation')
      ?.indicators.find((i) => i.code === 'REUSED_DIGITIZED_DATA');
    // 90% ≥ 80%: full marks.
    expect(reuse).toMatchObject({ status: 'scored', score: 2 });
    expect(result.maxAvailable).toBe(34);
    expect(result.score).toBe(27.8);
    expect(result.noData.map((i) => i.code)).toContain('DOSSIER_SYNC');
    expect(result.adjustment.vi).toContain('34/100');
    const sync = result.groups[0]?.indicators.find((i) => i.code === 'DOSSIER_SYNC');
    expect(sync?.note?.vi).toMatch(/^Chưa có dữ liệu: /);
    expect(sync?.score).toBeNull();
  });

  it('scores online payment from the payment counts, and only from them', () => {
    const payment = (counts?: { feeBearing: number; paidOnline: number; paidAtCounter: number }) =>
      computeServiceIndex(sums, 'province', counts).groups.find((g) => g.key === 'payment')?.indicators[0];
    // Not read (an imported unit): no data, left out of the maximum.
    expect(payment()).toMatchObject({ status: 'no_data', score: null });
    // No fee-bearing dossier in the period: nothing to score.
    expect(payment({ feeBearing: 0, paidOnline: 0, paidAtCounter: 0 })).toMatchObject({ status: 'no_data' });
    // 3 of 8 fee-bearing dossiers paid online (4 more at the counter, which do not score): 3.75 of 10.
    expect(payment({ feeBearing: 8, paidOnline: 3, paidAtCounter: 4 })).toMatchObject({
      status: 'scored',
      score: 3.75,
      ratio: { numerator: 3, base: 8 },
    });
    expect(computeServiceIndex(sums, 'province', { feeBearing: 8, paidOnline: 3, paidAtCounter: 4 }).maxAvailable).toBe(
      44,
    );
  });

  it('scores satisfaction with procedure handling from the per-dossier ratings, full at 90 %', () => {
    const handling = (ratings?: { dissatisfiedNotLate: number }) =>
      computeServiceIndex(sums, 'province', undefined, ratings)
        .groups.find((g) => g.key === 'satisfaction')
        ?.indicators.find((i) => i.code === 'DOSSIER_RECEIVING_SATISFACTION');
    // Not read (an imported unit): no data.
    expect(handling()).toMatchObject({ status: 'no_data', score: null });
    const figures = buildStatisticsFigures(sums);
    // (resolved − late − rated dissatisfied) / resolved, each dossier once; ≥ 90 % scores the full 6.
    const ok = figures.resolved - figures.resolvedLate;
    expect(handling({ dissatisfiedNotLate: 0 })).toMatchObject({
      status: 'scored',
      ratio: { numerator: ok, base: figures.resolved },
    });
    const result = handling({ dissatisfiedNotLate: 9 });
    const share = Math.min(1, (ok - 9) / figures.resolved / 0.9);
    expect(result).toMatchObject({ status: 'scored', ratio: { numerator: ok - 9 } });
    expect(result?.score).toBe(Math.round(6 * share * 100) / 100);
    expect(computeServiceIndex(sums, 'province', undefined, { dissatisfiedNotLate: 0 }).maxAvailable).toBe(40);
  });

  it('scores results with legal value from the results motcua signed, only for units holding a certificate', () => {
    const legal = (signed?: { signedResults: number }) =>
      computeServiceIndex(sums, 'province', undefined, undefined, undefined, signed)
        .groups.find((g) => g.key === 'digitisation')
        ?.indicators.find((i) => i.code === 'ORIGINAL_RESULT_AVAILABLE');
    // No certificate in motcua: the results are not signed here — no data, left out of the maximum.
    expect(legal()).toMatchObject({ status: 'no_data', score: null });
    const resolved = buildStatisticsFigures(sums).resolved;
    // 45 of the 90 resolved dossiers have a signed result: half of the 6 points.
    expect(legal({ signedResults: 45 })).toMatchObject({
      status: 'scored',
      score: 3,
      ratio: { numerator: 45, base: resolved },
    });
    // Never more than the resolved dossiers (a result signed for a dossier resolved in another period).
    expect(legal({ signedResults: 500 })?.ratio).toMatchObject({ numerator: resolved, base: resolved });
    expect(
      computeServiceIndex(sums, 'province', undefined, undefined, undefined, { signedResults: 0 }).maxAvailable,
    ).toBe(40);
  });

  it('awards the maximum of indicators that do not apply to communes', () => {
    const result = computeServiceIndex(sums, 'commune');
    const online = result.groups.find((g) => g.key === 'online')?.indicators[0];
    expect(online).toMatchObject({ status: 'not_applicable', score: 12 });
    const populationData = result.groups.flatMap((g) => g.indicators).filter((i) => i.stt === 16 || i.stt === 17);
    expect(populationData.map((i) => i.status)).toEqual(['not_applicable', 'not_applicable']);
    expect(result.maxAvailable).toBe(38);
  });

  it('leaves out an indicator with nothing in its base instead of guessing', () => {
    const result = computeServiceIndex({ ...sums, fullOnlineEligible: 0, fullOnlineOnline: 0 }, 'province');
    const online = result.groups.find((g) => g.key === 'online')?.indicators[0];
    expect(online?.status).toBe('no_data');
    expect(result.maxAvailable).toBe(22);
  });
});
