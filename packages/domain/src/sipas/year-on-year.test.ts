import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE, listQuestions } from './questionnaire.js';
import { type AnswerCount, computeSatisfactionIndex } from './satisfaction-index.js';
import { compareYearOnYear } from './year-on-year.js';

const likertKeys = listQuestions(DEFAULT_QUESTIONNAIRE)
  .filter((q) => q.question.type === 'likert5')
  .map((q) => q.question.key);

/** Every Likert question answered: `satisfied` times "Rất hài lòng" and `other` times "Không hài lòng". */
const countsOf = (satisfied: number, other: number): AnswerCount[] =>
  likertKeys.flatMap((questionKey) => [
    { questionKey, value: 5 as const, count: satisfied },
    { questionKey, value: 2 as const, count: other },
  ]);

describe('compareYearOnYear', () => {
  it('puts last year beside this year per factor and overall, with counts and the difference in points', () => {
    const current = computeSatisfactionIndex(DEFAULT_QUESTIONNAIRE, countsOf(9, 1));
    const previous = computeSatisfactionIndex(DEFAULT_QUESTIONNAIRE, countsOf(3, 1));
    const yoy = compareYearOnYear(current, previous);
    expect(yoy.overall.current?.percent).toBe(90);
    expect(yoy.overall.previous?.percent).toBe(75);
    expect(yoy.overall.difference).toBe(15);
    expect(yoy.overall.current?.numerator).toBe(9 * likertKeys.length);
    expect(yoy.overall.previous?.base).toBe(4 * likertKeys.length);
    expect(yoy.factors.map((f) => f.key)).toEqual(DEFAULT_QUESTIONNAIRE.factors.map((f) => f.key));
    for (const line of yoy.factors) {
      expect(line.difference).toBe(15);
      expect(line.current?.base).toBeGreaterThan(0);
    }
  });

  it('lists a factor only one year has, without a difference', () => {
    const current = computeSatisfactionIndex(DEFAULT_QUESTIONNAIRE, countsOf(1, 1));
    const previous = { ...current, factors: [...current.factors.slice(1), { ...current.factors[0], key: 'old' }] };
    const yoy = compareYearOnYear(current, previous as typeof current);
    const first = yoy.factors.find((f) => f.key === DEFAULT_QUESTIONNAIRE.factors[0]?.key);
    expect(first).toMatchObject({ previous: null, difference: null });
    expect(yoy.factors.at(-1)).toMatchObject({ key: 'old', current: null, difference: null });
  });

  it('the difference is this year minus last year, antisymmetric', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), (a, b, c, d) => {
        const x = computeSatisfactionIndex(DEFAULT_QUESTIONNAIRE, countsOf(a, b));
        const y = computeSatisfactionIndex(DEFAULT_QUESTIONNAIRE, countsOf(c, d));
        const there = compareYearOnYear(x, y).overall.difference;
        const back = compareYearOnYear(y, x).overall.difference;
        if (there === null || back === null) {
          return there === back;
        }
        return Math.abs(there + back) < 1e-9;
      }),
    );
  });
});
