import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatParPoints } from './criteria-set.js';
import {
  bandOf,
  compareWithPreviousYear,
  describeRankChange,
  findLeaves,
  formatParIndex,
  indexBpOf,
  PAR_DEFAULT_BANDS,
  rankUnits,
  scoreUnit,
  toRoman,
} from './scoring.js';
import type { ParCriterion } from './types.js';

const node = (code: string, maxPoints: number, title = `Mục ${code}`): ParCriterion => {
  const parts = code.split('.');
  const depth = parts.length;

  return {
    code,
    parentCode: depth === 1 ? null : parts.slice(0, -1).join('.'),
    kind: depth === 1 ? 'area' : depth === 2 ? 'criterion' : 'component',
    position: Number(parts[parts.length - 1]),
    title,
    maxPoints,
    scoringRule: null,
    evidenceRequired: null,
    surveyScored: false,
    systemMeasure: null,
    notApplicableTo: [],
  };
};

// Two areas: 1 (10 points: 1.1 = 4, 1.2 = 6 with 1.2.1 = 2 and 1.2.2 = 4) and 3 (20 points: 3.1 = 12, 3.2 = 8).
const tree: ParCriterion[] = [
  node('1', 1000),
  node('1.1', 400),
  node('1.2', 600),
  node('1.2.1', 200),
  node('1.2.2', 400),
  node('3', 2000, 'Cải cách thủ tục hành chính'),
  node('3.1', 1200),
  node('3.2', 800),
];
const allLeaves = new Set(findLeaves(tree).map((leaf) => leaf.code));
const caps = { bonusCap: 300, penaltyCap: 500 };

describe('indexBpOf', () => {
  it('rounds half-up to the hundredth of a percent', () => {
    // Tuyên Quang 2022: Sở Tư pháp 62,62 điểm "đạt 94,49%" — over an applicable maximum of 66,27 points.
    expect(indexBpOf(6262, 6627)).toBe(9449);
    expect(indexBpOf(1, 8)).toBe(1250); // 12,5 % exactly
    expect(indexBpOf(1, 3)).toBe(3333); // 33,333… → 33,33
    expect(indexBpOf(2, 3)).toBe(6667); // 66,666… → 66,67
    expect(indexBpOf(1, 80_000)).toBe(0); // 0,00125 % → 0,00
    expect(indexBpOf(1, 40_000)).toBe(0); // 0,25 of a hundredth → 0
    expect(indexBpOf(1, 20_000)).toBe(1); // 0,5 bp → half-up 1
    expect(indexBpOf(5, 0)).toBeNull();
  });

  it('equals the nearest hundredth, ties up, for every fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), (max, raw) => {
        const points = raw % (max + 1);
        const bp = indexBpOf(points, max) as number;
        // bp − ½ ≤ points·10000/max < bp + ½: a value exactly halfway was rounded up.
        const twice = 2 * points * 10_000 - 2 * bp * max;
        expect(twice).toBeLessThan(max);
        expect(twice).toBeGreaterThanOrEqual(-max);
        expect(bp).toBeLessThanOrEqual(10_000);
      }),
    );
  });
});

describe('scoreUnit', () => {
  it('totals per area and overall over the applicable maximum', () => {
    const score = scoreUnit({
      tree,
      applicableLeafCodes: allLeaves,
      leafPoints: new Map([
        ['1.1', 400],
        ['1.2.1', 150],
        ['1.2.2', 300],
        ['3.1', 1000],
        ['3.2', null],
      ]),
      caps,
    });
    expect(score.areas).toEqual([
      { code: '1', title: 'Mục 1', points: 850, applicableMax: 1000, indexBp: 8500 },
      { code: '3', title: 'Cải cách thủ tục hành chính', points: 1000, applicableMax: 2000, indexBp: 5000 },
    ]);
    expect(score).toMatchObject({ leafPoints: 1850, points: 1850, applicableMax: 3000, indexBp: 6167 });
  });

  it('takes an excluded leaf out of both sums, and a wholly excluded area has no index', () => {
    const score = scoreUnit({
      tree,
      applicableLeafCodes: new Set(['1.1', '1.2.1', '1.2.2']),
      leafPoints: new Map([
        ['1.1', 400],
        ['1.2.1', 200],
        ['1.2.2', 400],
        ['3.1', 1200],
      ]),
      caps,
    });
    expect(score.areas[1]).toEqual({
      code: '3',
      title: 'Cải cách thủ tục hành chính',
      points: 0,
      applicableMax: 0,
      indexBp: null,
    });
    expect(score).toMatchObject({ points: 1000, applicableMax: 1000, indexBp: 10_000 });
  });

  it('counts bonus and penalty within their caps and keeps the total within [0, max]', () => {
    const base = { tree, applicableLeafCodes: allLeaves, caps };
    const some = new Map([['3.1', 1000]]);
    expect(scoreUnit({ ...base, leafPoints: some, bonusPoints: 900, penaltyPoints: 100 })).toMatchObject({
      bonusPoints: 300,
      penaltyPoints: 100,
      points: 1200,
    });
    expect(scoreUnit({ ...base, leafPoints: some, penaltyPoints: 5000 })).toMatchObject({
      penaltyPoints: 500,
      points: 500,
    });
    const full = new Map([...allLeaves].map((code) => [code, tree.find((n) => n.code === code)?.maxPoints ?? 0]));
    expect(scoreUnit({ ...base, leafPoints: full, bonusPoints: 300 })).toMatchObject({
      points: 3000,
      indexBp: 10_000,
    });
  });

  it('property: totals equal the sums of the applicable leaves and the index never exceeds 100 %', () => {
    const leaves = findLeaves(tree);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: leaves.length, maxLength: leaves.length }),
        fc.array(fc.boolean(), { minLength: leaves.length, maxLength: leaves.length }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (points, applies, bonus, penalty) => {
          const applicable = new Set(leaves.filter((_, i) => applies[i]).map((leaf) => leaf.code));
          const leafPoints = new Map(leaves.map((leaf, i) => [leaf.code, points[i] ?? 0]));
          const score = scoreUnit({
            tree,
            applicableLeafCodes: applicable,
            leafPoints,
            bonusPoints: bonus,
            penaltyPoints: penalty,
            caps,
          });
          const expectedLeaves = leaves
            .filter((leaf) => applicable.has(leaf.code))
            .reduce((sum, leaf) => sum + Math.min(leafPoints.get(leaf.code) ?? 0, leaf.maxPoints), 0);
          const expectedMax = leaves.filter((leaf) => applicable.has(leaf.code)).reduce((s, l) => s + l.maxPoints, 0);
          expect(score.leafPoints).toBe(expectedLeaves);
          expect(score.areas.reduce((s, a) => s + a.points, 0)).toBe(expectedLeaves);
          expect(score.applicableMax).toBe(expectedMax);
          expect(score.points).toBeLessThanOrEqual(score.applicableMax);
          expect(score.points).toBeGreaterThanOrEqual(0);
          if (expectedMax === 0) {
            expect(score.indexBp).toBeNull();
          } else {
            expect(score.indexBp).toBeGreaterThanOrEqual(0);
            expect(score.indexBp).toBeLessThanOrEqual(10_000);
          }
          for (const area of score.areas) {
            expect(area.indexBp === null || area.indexBp <= 10_000).toBe(true);
          }
        },
      ),
    );
  });
});

describe('rankUnits', () => {
  it('reproduces the published 2015 department ranking: 90,44 ⇒ I, 88,78 ⇒ II', () => {
    // "Sở LĐTBXH … được 88,78 điểm, được xếp hạng II trong khối, chỉ đứng sau Văn phòng UBND tỉnh (đạt 90,44 điểm)"
    const ranked = rankUnits([
      { id: 'so-ldtbxh', points: 8878, indexBp: indexBpOf(8878, 10_000) },
      { id: 'vp-ubnd', points: 9044, indexBp: indexBpOf(9044, 10_000) },
    ]);
    expect(ranked.map((u) => [u.id, toRoman(u.rank)])).toEqual([
      ['vp-ubnd', 'I'],
      ['so-ldtbxh', 'II'],
    ]);
  });

  it('shares a rank on equal published figures and skips the next (1, 2, 2, 4), or dense as a setting', () => {
    const units = [
      { id: 'a', points: 8000, indexBp: 8000 },
      { id: 'b', points: 9100, indexBp: 9100 },
      { id: 'c', points: 8500, indexBp: 8500 },
      { id: 'd', points: 8500, indexBp: 8500 },
    ];
    expect(rankUnits(units).map((u) => `${u.id}${u.rank}`)).toEqual(['b1', 'c2', 'd2', 'a4']);
    expect(rankUnits(units, { key: 'index', ties: 'dense' }).map((u) => u.rank)).toEqual([1, 2, 2, 3]);
  });

  it('ranks by index over the applicable maximum, not by raw points', () => {
    // Sở Tư pháp 62,62 of 66,27 (94,49 %) ranks above a unit with 80,00 of 100 (80 %).
    const ranked = rankUnits([
      { id: 'full', points: 8000, indexBp: indexBpOf(8000, 10_000) },
      { id: 'tu-phap', points: 6262, indexBp: indexBpOf(6262, 6627) },
    ]);
    expect(ranked.map((u) => u.id)).toEqual(['tu-phap', 'full']);
    expect(rankUnits(ranked, { key: 'points', ties: 'competition' }).map((u) => u.id)).toEqual(['full', 'tu-phap']);
  });

  const unitsArb = fc.uniqueArray(
    fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), points: fc.integer({ min: 0, max: 10_000 }) }),
    { selector: (u) => u.id, maxLength: 30 },
  );

  it('property: a competition ranking, the same whatever the input order', () => {
    fc.assert(
      fc.property(unitsArb, (raw) => {
        const units = raw.map((u) => ({ ...u, indexBp: u.points }));
        const ranked = rankUnits(units);
        const rankOf = new Map(ranked.map((u) => [u.id, u.rank]));
        for (const unit of units) {
          // rank = 1 + the number of units strictly better.
          const better = units.filter((other) => other.indexBp > unit.indexBp).length;
          expect(rankOf.get(unit.id)).toBe(better + 1);
        }
        const reversed = new Map(rankUnits([...units].reverse()).map((u) => [u.id, u.rank]));
        expect(reversed).toEqual(rankOf);
      }),
    );
  });

  it('property: excluding a leaf for one unit never changes the ranks of units without it', () => {
    const leaves = findLeaves(tree);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 1200 }), { minLength: leaves.length, maxLength: leaves.length }), {
          minLength: 2,
          maxLength: 8,
        }),
        fc.constantFrom(...leaves.map((leaf) => leaf.code)),
        (table, excluded) => {
          // Unit 0 is the only one that has the leaf excluded; units 1.. do not have it at all in either run.
          const score = (i: number, withExclusion: boolean) => {
            const applicable = new Set(
              leaves.map((leaf) => leaf.code).filter((code) => code !== excluded || (i === 0 && !withExclusion)),
            );
            const s = scoreUnit({
              tree,
              applicableLeafCodes: applicable,
              leafPoints: new Map(leaves.map((leaf, j) => [leaf.code, table[i]?.[j] ?? 0])),
              caps,
            });

            return { id: String(i), points: s.points, indexBp: s.indexBp };
          };
          const before = rankUnits(table.map((_, i) => score(i, false)));
          const after = rankUnits(table.map((_, i) => score(i, true)));
          const rankIn = (ranked: typeof before) => new Map(ranked.map((u) => [u.id, u]));
          const b = rankIn(before);
          const a = rankIn(after);
          for (let i = 1; i < table.length; i += 1) {
            // Their own figures do not move…
            expect(a.get(String(i))?.indexBp).toBe(b.get(String(i))?.indexBp);
            for (let j = 1; j < table.length; j += 1) {
              // …and neither does their order among themselves.
              const sign = (m: Map<string, { rank: number }>) =>
                Math.sign((m.get(String(i))?.rank ?? 0) - (m.get(String(j))?.rank ?? 0));
              expect(sign(a)).toBe(sign(b));
            }
          }
        },
      ),
    );
  });
});

describe('bandOf', () => {
  it('places provinces in the QĐ 876 publication groups', () => {
    const table = PAR_DEFAULT_BANDS.province;
    // "Chỉ số CCHC tỉnh Sơn La đạt 81,93 điểm" ⇒ nhóm B.
    expect(bandOf(8193, table)).toBe('B');
    expect(bandOf(9000, table)).toBe('A');
    expect(bandOf(8999, table)).toBe('B');
    expect(bandOf(7000, table)).toBe('C');
    expect(bandOf(6999, table)).toBeNull();
    expect(bandOf(6999, { ...table, below: 'D' })).toBe('D');
    expect(bandOf(null, table)).toBeNull();
  });

  it('uses Tốt/Khá/Trung bình/Yếu for departments and communes', () => {
    const table = PAR_DEFAULT_BANDS.department;
    expect([9449, 8000, 7999, 5000, 4999].map((bp) => bandOf(bp, table))).toEqual([
      'Tốt',
      'Tốt',
      'Khá',
      'Trung bình',
      'Yếu',
    ]);
  });
});

describe('year over year', () => {
  it('says "từ cuối bảng lên hạng II" for the 2014 → 2015 move of Sở LĐTBXH', () => {
    const change = describeRankChange({ rank: 2, lastRank: 20 }, { rank: 20, lastRank: 20 });
    expect(change).toEqual({
      places: 18,
      phrase: { vi: 'Từ cuối bảng lên hạng II', en: 'From the bottom of the table up to rank II' },
    });
  });

  it.each([
    [{ rank: 3, lastRank: 20 }, { rank: 8, lastRank: 20 }, 5, 'Tăng 5 bậc'],
    [{ rank: 1, lastRank: 20 }, { rank: 4, lastRank: 20 }, 3, 'Tăng 3 bậc, dẫn đầu khối'],
    [{ rank: 9, lastRank: 20 }, { rank: 7, lastRank: 20 }, -2, 'Giảm 2 bậc'],
    [{ rank: 20, lastRank: 20 }, { rank: 15, lastRank: 20 }, -5, 'Giảm 5 bậc, xuống cuối bảng'],
    [{ rank: 4, lastRank: 20 }, { rank: 4, lastRank: 20 }, 0, 'Giữ nguyên hạng IV'],
  ])('describes %o after %o', (current, previous, places, vi) => {
    const change = describeRankChange(current, previous);
    expect(change.places).toBe(places);
    expect(change.phrase.vi).toBe(vi);
  });

  it('has no change for a unit ranked for the first time', () => {
    expect(describeRankChange({ rank: 5, lastRank: 9 }, null)).toMatchObject({ places: null });
  });

  it('compares per area by code, and areas new this year have no change', () => {
    const change = compareWithPreviousYear(
      {
        points: 8878,
        indexBp: 8878,
        areas: [
          { code: '1', points: 900, indexBp: 9000 },
          { code: '9', points: 100, indexBp: 5000 },
        ],
      },
      { points: 7000, indexBp: 7000, areas: [{ code: '1', points: 700, indexBp: 7000 }] },
    );
    expect(change).toEqual({
      pointsChange: 1878,
      indexBpChange: 1878,
      areas: [
        { code: '1', pointsChange: 200, indexBpChange: 2000 },
        { code: '9', pointsChange: null, indexBpChange: null },
      ],
    });
  });
});

describe('formatting', () => {
  it('writes the Vietnamese decimal comma and Roman ranks', () => {
    expect(formatParPoints(8878)).toBe('88,78');
    expect(formatParPoints(5)).toBe('0,05');
    expect(formatParIndex(9449)).toBe('94,49 %');
    expect(formatParIndex(null)).toBe('—');
    expect([1, 2, 4, 9, 14, 23, 40, 63].map(toRoman)).toEqual(['I', 'II', 'IV', 'IX', 'XIV', 'XXIII', 'XL', 'LXIII']);
  });
});
