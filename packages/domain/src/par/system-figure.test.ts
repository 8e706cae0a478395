import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSystemPoints, parseScoreBands } from './system-figure.js';

describe('points from a figure of motcua', () => {
  it('gives proportional points, rounded half up to the hundredth, with the formula', () => {
    const result = computeSystemPoints({ numerator: 4431, denominator: 4788, maxPoints: 100 });
    expect(result.rateBp).toBe(9254);
    expect(result.points).toBe(93); // 1,00 × 4431/4788 = 0,9254… → 0,93
    expect(result.formula.vi).toBe('4431/4788 = 92,54 %; điểm = 1,00 × 4431/4788 = 0,93');
  });

  it('never gives more than the maximum nor less than 0, and more done never gives fewer points (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        (denominator, raw, max) => {
          const numerator = raw % (denominator + 1);
          const points = computeSystemPoints({ numerator, denominator, maxPoints: max }).points;
          expect(points).toBeGreaterThanOrEqual(0);
          expect(points).toBeLessThanOrEqual(max);
          if (numerator < denominator) {
            const more = computeSystemPoints({ numerator: numerator + 1, denominator, maxPoints: max }).points;
            expect(more).toBeGreaterThanOrEqual(points);
          }
        },
      ),
    );
  });

  it('reads a banded rule as provinces publish it and scores by the band reached, exactly at the bounds', () => {
    const bands = parseScoreBands('Từ 95% trở lên: 1 điểm; từ 90% đến dưới 95%: 0,5 điểm; dưới 90%: 0 điểm');
    expect(bands).toEqual([
      { minBp: 9500, points: 100 },
      { minBp: 9000, points: 50 },
      { minBp: 0, points: 0 },
    ]);
    expect(computeSystemPoints({ numerator: 95, denominator: 100, maxPoints: 100, bands }).points).toBe(100);
    expect(computeSystemPoints({ numerator: 9499, denominator: 10_000, maxPoints: 100, bands }).points).toBe(50);
    expect(computeSystemPoints({ numerator: 89, denominator: 100, maxPoints: 100, bands }).points).toBe(0);
    expect(parseScoreBands('Có kế hoạch: 0,5 điểm')).toBeNull();
    expect(parseScoreBands(null)).toBeNull();
  });

  it('refuses a figure without a denominator', () => {
    expect(() => computeSystemPoints({ numerator: 0, denominator: 0, maxPoints: 100 })).toThrow(RangeError);
  });
});
