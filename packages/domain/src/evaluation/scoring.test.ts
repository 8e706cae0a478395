import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEvaluationActions, decideEvaluationAction } from './flow.js';
import { applyQuota, computeYear, periodRange, quotaPercentFor, quotaPlaces } from './quota.js';
import {
  bandOfPoints,
  capByUnitBand,
  coefficientMilliOf,
  computeGeneralPoints,
  computeTaskResult,
  computeTotal,
  DEFAULT_GENERAL_CRITERIA,
  generalCriteriaValid,
  itemQuarterPoints,
  proposeBand,
  roundHalfUp,
  type ScoredItem,
} from './scoring.js';

const item = (overrides: Partial<ScoredItem> = {}): ScoredItem => ({
  coefficientMilli: 1000,
  completed: true,
  majorErrors: 0,
  delays: 0,
  objectiveCause: false,
  included: true,
  ...overrides,
});

const arbItem = fc.record({
  coefficientMilli: fc.integer({ min: 0, max: 5000 }),
  completed: fc.boolean(),
  majorErrors: fc.integer({ min: 0, max: 6 }),
  delays: fc.integer({ min: 0, max: 6 }),
  objectiveCause: fc.boolean(),
  included: fc.boolean(),
});

describe('task results (Decree 335/2025/NĐ-CP): worked examples computed by hand', () => {
  it('scores a quarter of four tasks, one late and returned once, one twice as heavy, one not done', () => {
    // Coefficients 1, 1, 2, 1 → assigned 5. Done: T1, T2 (late, returned once), T3 (coefficient 2).
    // Quantity = (1 + 1 + 2) / 5 = 80.00 %.
    // Quality  = (1 + 1 × 0.75 + 2) / 5 = 3.75 / 5 = 75.00 %.
    // Progress = (1 + 1 × 0.75 + 2) / 5 = 75.00 %.
    // Score = (80 + 75 + 75) / 3 = 76.666… → 76.67 %; task points = 76.67 × 70 / 100 = 53.669 → 53.67.
    const result = computeTaskResult([
      item(),
      item({ majorErrors: 1, delays: 1 }),
      item({ coefficientMilli: 2000 }),
      item({ completed: false }),
    ]);
    expect(result).toEqual({
      assignedMilli: 5000,
      quantityPct: 8000,
      qualityPct: 7500,
      timelinessPct: 7500,
      scorePct: 7667,
      taskPoints: 5367,
      noItems: false,
    });
    // With 28.00 general points: total 81.67 → "hoàn thành tốt".
    expect(computeTotal(result.taskPoints, 2800, null)).toEqual({ totalPoints: 8167, proposedBand: 'good' });
  });

  it('waives the deductions of an item whose objective cause the approver recorded', () => {
    // Same quarter, T2's cause recorded: quality = progress = 4 / 5 = 80 %; score 80 %; task points 56.00.
    const result = computeTaskResult([
      item(),
      item({ majorErrors: 1, delays: 1, objectiveCause: true }),
      item({ coefficientMilli: 2000 }),
      item({ completed: false }),
    ]);
    expect(result).toMatchObject({ quantityPct: 8000, qualityPct: 8000, timelinessPct: 8000, taskPoints: 5600 });
  });

  it('scores one-stop steps at 0.2 each: ten steps, two late', () => {
    // Assigned 10 × 0.2 = 2. Quantity 100 %. Progress = (8 × 0.2 + 2 × 0.15) / 2 = 1.9 / 2 = 95.00 %.
    // Score = (100 + 100 + 95) / 3 = 98.333… → 98.33 %; task points = 98.33 × 0.7 = 68.831 → 68.83.
    const steps = [...Array(8)].map(() => item({ coefficientMilli: 200 }));
    steps.push(item({ coefficientMilli: 200, delays: 1 }), item({ coefficientMilli: 200, delays: 1 }));
    expect(computeTaskResult(steps)).toMatchObject({
      assignedMilli: 2000,
      quantityPct: 10_000,
      qualityPct: 10_000,
      timelinessPct: 9500,
      scorePct: 9833,
      taskPoints: 6883,
    });
  });

  it('a fifth error cannot take more than the item’s points; four delays leave nothing', () => {
    expect(itemQuarterPoints(item({ delays: 4 })).progress).toBe(0);
    expect(itemQuarterPoints(item({ majorErrors: 9 })).quality).toBe(0);
    expect(itemQuarterPoints(item({ majorErrors: 2 })).quality).toBe(2000); // 50 % of 1000, in quarters (× 4)
  });

  it('scores a leader under the six-part setting [SEC]: (a + b + c + d + đ + e) / 6', () => {
    // a = b = c = 100 %, d = 90 %, đ = 80 %, e = 70 % → 540 / 6 = 90 % → 63.00 points.
    const parts = { unitResults: 9000, organising: 8000, teamBuilding: 7000 };
    expect(computeTaskResult([item()], { leader: true, leaderFormula: 'six_part', leaderParts: parts })).toMatchObject({
      scorePct: 9000,
      taskPoints: 6300,
    });
    // Under the default ('three_part') the leader is scored as staff.
    expect(
      computeTaskResult([item()], { leader: true, leaderFormula: 'three_part', leaderParts: parts }).taskPoints,
    ).toBe(7000);
  });

  it('no items: zero and flagged', () => {
    expect(computeTaskResult([])).toMatchObject({ taskPoints: 0, noItems: true });
  });
});

describe('task results: properties', () => {
  it('each per cent lies in 0–100 %, quality and timeliness never exceed quantity, task points ≤ 70', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 30 }), (items) => {
        const r = computeTaskResult(items);
        for (const pct of [r.quantityPct, r.qualityPct, r.timelinessPct, r.scorePct]) {
          expect(pct).toBeGreaterThanOrEqual(0);
          expect(pct).toBeLessThanOrEqual(10_000);
        }
        expect(r.qualityPct).toBeLessThanOrEqual(r.quantityPct);
        expect(r.timelinessPct).toBeLessThanOrEqual(r.quantityPct);
        expect(r.taskPoints).toBeLessThanOrEqual(7000);
        expect(Number.isInteger(r.taskPoints)).toBe(true);
      }),
    );
  });

  it('every figure recomputes from the rounded figure before it', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 30 }), (items) => {
        const r = computeTaskResult(items);
        expect(r.scorePct).toBe(roundHalfUp(r.quantityPct + r.qualityPct + r.timelinessPct, 3));
        expect(r.taskPoints).toBe(roundHalfUp(r.scorePct * 70, 100));
      }),
    );
  });

  it('an extra error or delay never raises the score; an objective cause never lowers it', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { minLength: 1, maxLength: 20 }), fc.nat(), (items, pick) => {
        const i = pick % items.length;
        const base = computeTaskResult(items).taskPoints;
        const worse = items.map((it, k) =>
          k === i ? { ...it, delays: it.delays + 1, majorErrors: it.majorErrors + 1 } : it,
        );
        const waived = items.map((it, k) => (k === i ? { ...it, objectiveCause: true } : it));
        expect(computeTaskResult(worse).taskPoints).toBeLessThanOrEqual(base);
        expect(computeTaskResult(waived).taskPoints).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it('the order of the items does not matter, and excluded items do not count', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 20 }), (items) => {
        expect(computeTaskResult([...items].reverse())).toEqual(computeTaskResult(items));
        expect(computeTaskResult(items.filter((it) => it.included))).toEqual(computeTaskResult(items));
      }),
    );
  });

  it('all completed on time without errors scores 100 % and 70 points', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 20 }), (coefficients) => {
        const r = computeTaskResult(coefficients.map((c) => item({ coefficientMilli: c })));
        expect(r).toMatchObject({ quantityPct: 10_000, qualityPct: 10_000, timelinessPct: 10_000, taskPoints: 7000 });
      }),
    );
  });
});

describe('general criteria, total and band (ND 335/2025; ND 233/2026 Art. 12)', () => {
  it('the default criteria total 30 points; the manager’s scores count once given', () => {
    expect(generalCriteriaValid(DEFAULT_GENERAL_CRITERIA)).toBe(true);
    expect(generalCriteriaValid([{ code: 'a', name: 'A', maxPoints: 3001 }])).toBe(false);
    const self = { political: 600, ethics: 600, discipline: 600, attitude: 600, innovation: 600 };
    expect(computeGeneralPoints(DEFAULT_GENERAL_CRITERIA, self, {})).toEqual({ points: 3000, source: 'self' });
    expect(computeGeneralPoints(DEFAULT_GENERAL_CRITERIA, self, { political: 500, ethics: 600 })).toEqual({
      points: 1100,
      source: 'manager',
    });
  });

  it('bands: ≥ 90, 70–< 90, 50–< 70, < 50, at their exact edges', () => {
    expect(bandOfPoints(9000)).toBe('excellent');
    expect(bandOfPoints(8999)).toBe('good');
    expect(bandOfPoints(7000)).toBe('good');
    expect(bandOfPoints(6999)).toBe('complete');
    expect(bandOfPoints(5000)).toBe('complete');
    expect(bandOfPoints(4999)).toBe('incomplete');
    expect(bandOfPoints(0)).toBe('incomplete');
  });

  it('any veto makes it "không hoàn thành", whatever the points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('degradation', 'discipline', 'leader_corruption' as const),
        (points, veto) => {
          expect(proposeBand(points, veto)).toBe('incomplete');
        },
      ),
    );
  });

  it('the band is monotonic in the points', () => {
    const rank = { excellent: 0, good: 1, complete: 2, incomplete: 3 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[bandOfPoints(hi)]).toBeLessThanOrEqual(rank[bandOfPoints(lo)]);
      }),
    );
  });

  it('the head’s rating cannot exceed the unit’s', () => {
    expect(capByUnitBand('excellent', 'good')).toBe('good');
    expect(capByUnitBand('complete', 'excellent')).toBe('complete');
    expect(capByUnitBand('excellent', null)).toBe('excellent');
  });

  it('coefficients: the agency’s number, else the documented default', () => {
    expect(coefficientMilliOf({ task: 1.5 }, 'task')).toBe(1500);
    expect(coefficientMilliOf({}, 'dossier_step')).toBe(200);
    expect(coefficientMilliOf({}, 'unknown')).toBe(1000);
  });
});

describe('the quota (ND 335/2025; ND 233/2026 Art. 12(6))', () => {
  const candidate = (id: string, band: 'excellent' | 'good' | 'complete', total: number, task = 6000, name = id) => ({
    sheetId: id,
    groupCode: 'staff',
    fullName: name,
    proposedBand: band,
    totalPoints: total,
    taskPoints: task,
    generalPoints: total - task,
  });

  it('worked example: 10 rated good or better, 3 proposed excellent, 20 % → 2 places; the lowest total is rated good', () => {
    // Base = 3 excellent + 7 good = 10; places = ⌊10 × 20 / 100⌋ = 2. Ranked by total: c (95), a (93), b (91).
    const list = [
      candidate('a', 'excellent', 9300),
      candidate('b', 'excellent', 9100),
      candidate('c', 'excellent', 9500),
      ...[...Array(7)].map((_, i) => candidate(`g${i}`, 'good', 8000)),
      candidate('x', 'complete', 6000),
    ];
    const { groups, bands } = applyQuota(list, 20);
    expect(groups[0]).toMatchObject({ base: 10, places: 2, ranked: ['c', 'a', 'b'], kept: ['c', 'a'], demoted: ['b'] });
    expect(bands.get('b')).toBe('good');
    expect(bands.get('c')).toBe('excellent');
    expect(bands.get('x')).toBe('complete');
    // With the unit rated "xuất sắc" (25 %): ⌊10 × 25 / 100⌋ = 2 still; with 12 → 3.
    expect(quotaPlaces(10, quotaPercentFor('excellent', { quotaPercent: 20, quotaPercentExcellentUnit: 25 }))).toBe(2);
    expect(quotaPlaces(12, 25)).toBe(3);
    expect(quotaPlaces(4, 20)).toBe(0);
  });

  it('ties: higher task points, then name, then id', () => {
    const list = [
      candidate('p', 'excellent', 9200, 6500, 'Trần B'),
      candidate('q', 'excellent', 9200, 6800, 'Nguyễn A'),
      candidate('r', 'excellent', 9200, 6500, 'Lê C'),
      ...[...Array(7)].map((_, i) => candidate(`g${i}`, 'good', 8000)),
    ];
    // Base 10 → 2 places: q (higher task points), then r (Lê before Trần).
    expect(applyQuota(list, 20).groups[0]?.kept).toEqual(['q', 'r']);
  });

  it('properties: never more "xuất sắc" than the places; nobody else changes band; demoted become good', () => {
    const arb = fc.array(
      fc.record({
        band: fc.constantFrom('excellent', 'good', 'complete', 'incomplete' as const),
        total: fc.integer({ min: 0, max: 10_000 }),
        group: fc.constantFrom('staff', 'leader'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 100 }), (rows, percent) => {
        const list = rows.map((r, i) => ({
          ...candidate(`s${i}`, 'good', r.total),
          proposedBand: r.band,
          groupCode: r.group,
        }));
        const { groups, bands } = applyQuota(list, percent);
        for (const group of groups) {
          const members = list.filter((c) => c.groupCode === group.groupCode);
          const excellent = members.filter((c) => bands.get(c.sheetId) === 'excellent').length;
          expect(excellent).toBeLessThanOrEqual(group.places);
          expect(group.places).toBe(Math.floor((group.base * percent) / 100));
          // Whoever kept "xuất sắc" has a total ≥ everyone demoted.
          const keptMin = Math.min(...group.kept.map((id) => list.find((c) => c.sheetId === id)?.totalPoints ?? 0));
          for (const id of group.demoted) {
            expect(list.find((c) => c.sheetId === id)?.totalPoints ?? 0).toBeLessThanOrEqual(keptMin);
            expect(bands.get(id)).toBe('good');
          }
        }
        for (const c of list) {
          if (c.proposedBand !== 'excellent') {
            expect(bands.get(c.sheetId)).toBe(c.proposedBand);
          }
        }
      }),
    );
  });
});

describe('the year and the periods', () => {
  it('averages the period totals (rounded half up) and carries a veto', () => {
    // Quarters 92.00, 88.50, 90.25, 89.00 → 359.75 / 4 = 89.9375 → 89.94 → "tốt".
    const q = (totalPoints: number) => ({
      totalPoints,
      taskPoints: totalPoints - 2800,
      generalPoints: 2800,
      veto: null,
    });
    expect(computeYear([q(9200), q(8850), q(9025), q(8900)])).toMatchObject({
      totalPoints: 8994,
      proposedBand: 'good',
    });
    expect(computeYear([q(9500), { ...q(9500), veto: 'discipline' as const }])).toMatchObject({
      totalPoints: 9500,
      veto: 'discipline',
      proposedBand: 'incomplete',
    });
    expect(computeYear([])).toBeNull();
  });

  it('ranges of months, quarters and the year (leap February)', () => {
    expect(periodRange('month', 2028, 2)).toEqual({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
    expect(periodRange('quarter', 2026, 4)).toEqual({ startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(periodRange('year', 2026, 0)).toEqual({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
  });
});

describe('the flow: self → manager → collective → decision', () => {
  const none = { owner: false, reviews: false, manages: false, decides: false };
  it('each step by its own person and from its own status', () => {
    expect(decideEvaluationAction('draft', { ...none, owner: true }, 'self_assess')).toEqual({
      ok: true,
      to: 'self_assessed',
    });
    expect(decideEvaluationAction('draft', { ...none, reviews: true }, 'review')).toEqual({
      ok: false,
      refusal: 'EVALUATION_ACTION_NOT_ALLOWED_IN_STATE',
    });
    expect(decideEvaluationAction('self_assessed', { ...none, owner: true }, 'review')).toEqual({
      ok: false,
      refusal: 'EVALUATION_NOT_PERMITTED',
    });
    expect(decideEvaluationAction('manager_reviewed', { ...none, manages: true }, 'collective').ok).toBe(true);
    expect(decideEvaluationAction('collective_reviewed', { ...none, decides: true }, 'decide')).toEqual({
      ok: true,
      to: 'decided',
    });
    expect(allowedEvaluationActions('decided', { owner: true, reviews: true, manages: true, decides: true })).toEqual(
      [],
    );
  });
});
