import { computeYearOnYear, type Ratio, type SatisfactionIndex } from './satisfaction-index.js';

/**
 * Year on year (issue 18 item 3: "margins of error from the sample; year on year"): this year's index
 * beside last year's, per factor and overall, each with its numerator and base, and the difference in
 * percentage points (this year − last year, two decimals).
 *
 * Rule [INF — the QĐ 1001/QĐ-BNV annex was not available to us]: factors are matched by their key; a
 * factor only one year has (a questionnaire changed between the years) is listed with the other side
 * null and no difference. The overall figures are compared as published, whatever rule formed each (the
 * rule of each year is reported beside it, so a change of rule is visible).
 */
export type YearOnYearLine = {
  key: string;
  current: Ratio | null;
  previous: Ratio | null;
  /** Percentage points, current − previous; null when either side has no index. */
  difference: number | null;
};

export type YearOnYearComparison = {
  overall: YearOnYearLine;
  factors: YearOnYearLine[];
};

const ratioOf = (r: { numerator: number; base: number; percent: number | null }): Ratio => ({
  numerator: r.numerator,
  base: r.base,
  percent: r.percent,
});

const lineOf = (key: string, current: Ratio | null, previous: Ratio | null): YearOnYearLine => ({
  key,
  current,
  previous,
  difference: computeYearOnYear(current?.percent ?? null, previous?.percent ?? null),
});

export const compareYearOnYear = (
  current: Pick<SatisfactionIndex, 'percent' | 'numerator' | 'base' | 'factors'>,
  previous: Pick<SatisfactionIndex, 'percent' | 'numerator' | 'base' | 'factors'>,
): YearOnYearComparison => {
  const before = new Map(previous.factors.map((f) => [f.key, f]));
  const now = new Set(current.factors.map((f) => f.key));
  const factors = [
    ...current.factors.map((f) => {
      const p = before.get(f.key);
      return lineOf(f.key, ratioOf(f), p ? ratioOf(p) : null);
    }),
    ...previous.factors.filter((f) => !now.has(f.key)).map((f) => lineOf(f.key, null, ratioOf(f))),
  ];
  return { overall: lineOf('overall', ratioOf(current), ratioOf(previous)), factors };
};
