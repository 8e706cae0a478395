import { computePercent } from '../statistics/figures.js';
import {
  isSatisfied,
  type LikertValue,
  listQuestions,
  NO_ANSWER,
  type QuestionnaireDefinition,
} from './questionnaire.js';

/**
 * The SIPAS satisfaction index, computed exactly from answer counts.
 *
 * Rule [RECALL, to verify against the QĐ 1001/QĐ-BNV annex, which was not available — reform brief
 * §B]: the index of a question, criterion or factor is the share of satisfied answers ("Hài lòng" +
 * "Rất hài lòng") among the valid answers to its Likert questions (an answer "Không trả lời / Không
 * áp dụng" is not valid and leaves the base); the overall index of the service part is the mean of
 * the factor indices. Where the method leaves a choice the function takes a setting:
 * - `overall: 'mean_of_factors'` (default, the brief) or `'pooled'` (all valid answers together);
 * - `factorKinds`: which factors form the overall index (default: the service factors only; with
 *   policy groups the 2022+ SIPAS is the mean of the policy and the service parts — `'service_and_policy'`).
 * Every figure keeps its numerator and base; percentages have two decimals, half up (computePercent).
 * A province's or a level's index pools the answers of its agencies: with proportional allocation the
 * stratified sample is self-weighting, so pooling is the weighted estimate [INF].
 */

export type AnswerCount = { questionKey: string; value: LikertValue | typeof NO_ANSWER; count: number };

export type Ratio = { numerator: number; base: number; percent: number | null };

export type QuestionIndex = Ratio & {
  key: string;
  noAnswer: number;
  /** Answers per level 1…5. */
  distribution: [number, number, number, number, number];
};
export type CriterionIndex = Ratio & { key: string; questions: QuestionIndex[] };
export type FactorIndex = Ratio & { key: string; kind: 'service' | 'policy'; criteria: CriterionIndex[] };

export type IndexSettings = {
  overall: 'mean_of_factors' | 'pooled';
  parts: 'service' | 'service_and_policy';
};
export const DEFAULT_INDEX_SETTINGS: IndexSettings = { overall: 'mean_of_factors', parts: 'service' };

export type SatisfactionIndex = {
  /** The overall index (%), two decimals; null without any valid answer. */
  percent: number | null;
  /** Pooled counts behind it (for 'mean_of_factors' the percent is the mean of the factor percents). */
  numerator: number;
  base: number;
  /** How the overall figure was formed, in words for the report. */
  rule: string;
  factors: FactorIndex[];
  settings: IndexSettings;
};

const ratio = (numerator: number, base: number): Ratio => ({
  numerator,
  base,
  percent: computePercent(numerator, base),
});

/** Sums answer counts of several units (agencies of a level or a province). */
export const sumAnswerCounts = (lists: readonly (readonly AnswerCount[])[]): AnswerCount[] => {
  const totals = new Map<string, AnswerCount>();
  for (const list of lists) {
    for (const row of list) {
      const id = `${row.questionKey}\u0000${row.value}`;
      const found = totals.get(id);
      if (found) {
        found.count += row.count;
      } else {
        totals.set(id, { ...row });
      }
    }
  }
  return [...totals.values()];
};

/** Exact mean of fractions a/b, rounded half up to two decimals of a percent. */
const meanPercent = (parts: readonly Ratio[]): number | null => {
  const scored = parts.filter((p) => p.base > 0);
  if (scored.length === 0) {
    return null;
  }
  // Σ (numerator/base) / k with one rounding at the end.
  const mean = scored.reduce((sum, p) => sum + p.numerator / p.base, 0) / scored.length;
  return Math.round(mean * 10_000 + 1e-9) / 100;
};

export const computeSatisfactionIndex = (
  definition: QuestionnaireDefinition,
  counts: readonly AnswerCount[],
  settings: IndexSettings = DEFAULT_INDEX_SETTINGS,
): SatisfactionIndex => {
  const byQuestion = new Map<string, QuestionIndex>();
  for (const { question } of listQuestions(definition)) {
    if (question.type === 'likert5') {
      byQuestion.set(question.key, {
        key: question.key,
        numerator: 0,
        base: 0,
        percent: null,
        noAnswer: 0,
        distribution: [0, 0, 0, 0, 0],
      });
    }
  }
  for (const row of counts) {
    const q = byQuestion.get(row.questionKey);
    if (!q) {
      continue;
    }
    if (row.value === NO_ANSWER) {
      q.noAnswer += row.count;
      continue;
    }
    q.distribution[row.value - 1] = (q.distribution[row.value - 1] ?? 0) + row.count;
    q.base += row.count;
    if (isSatisfied(row.value)) {
      q.numerator += row.count;
    }
  }
  for (const q of byQuestion.values()) {
    q.percent = computePercent(q.numerator, q.base);
  }
  const pool = (parts: readonly Ratio[]) =>
    ratio(
      parts.reduce((sum, p) => sum + p.numerator, 0),
      parts.reduce((sum, p) => sum + p.base, 0),
    );
  const factors: FactorIndex[] = definition.factors.map((factor) => {
    const criteria = factor.criteria.map((criterion) => {
      const questions = criterion.questions.flatMap((q) => {
        const found = byQuestion.get(q.key);
        return found ? [found] : [];
      });
      return { key: criterion.key, ...pool(questions), questions };
    });
    return { key: factor.key, kind: factor.kind, ...pool(criteria), criteria };
  });
  const inOverall = (kind: 'service' | 'policy') => factors.filter((f) => f.kind === kind);
  const service = inOverall('service');
  const policy = inOverall('policy');
  const counted = settings.parts === 'service' ? service : [...service, ...policy];
  const pooled = pool(counted);
  let percent: number | null;
  let rule: string;
  if (settings.overall === 'pooled') {
    percent = pooled.percent;
    rule = 'Số ý kiến hài lòng và rất hài lòng / tổng số ý kiến hợp lệ của các yếu tố × 100';
  } else if (settings.parts === 'service_and_policy' && policy.length > 0) {
    // The 2022+ SIPAS: the mean of the policy part and the service part, each the mean of its factors.
    const parts = [meanPercent(service), meanPercent(policy)].filter((p): p is number => p !== null);
    percent = parts.length === 0 ? null : Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 100) / 100;
    rule = 'Trung bình cộng của chỉ số phần chính sách và chỉ số phần dịch vụ (mỗi phần là trung bình các yếu tố)';
  } else {
    percent = meanPercent(counted);
    rule = 'Trung bình cộng chỉ số hài lòng của các yếu tố (mỗi yếu tố: hài lòng + rất hài lòng / ý kiến hợp lệ)';
  }
  return { percent, numerator: pooled.numerator, base: pooled.base, rule, factors, settings };
};

/**
 * The margin of error (percentage points, 95 % confidence) of a share p estimated from n
 * respondents out of a population of N, with the finite population correction:
 * 1.96 · √(p(1−p)/n) · √((N−n)/(N−1)). For a factor or the overall index the respondents of the unit
 * are taken as n (each answers the factor once or more) — an approximation documented as such.
 * null without respondents; 0 when every unit of the population answered.
 */
export const computeMarginOfError = (
  percent: number | null,
  respondents: number,
  population: number,
): number | null => {
  if (percent === null || respondents <= 0) {
    return null;
  }
  const p = percent / 100;
  const n = respondents;
  const N = Math.max(population, n);
  const fpc = N <= 1 ? 0 : Math.sqrt((N - n) / (N - 1));
  return Math.round(1.96 * Math.sqrt((p * (1 - p)) / n) * fpc * 10_000) / 100;
};

/** Change from last year, in percentage points (two decimals); null when either year has no index. */
export const computeYearOnYear = (current: number | null, previous: number | null): number | null =>
  current === null || previous === null ? null : Math.round((current - previous) * 100) / 100;
