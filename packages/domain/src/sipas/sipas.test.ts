import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsSipasAnswers,
  decideSipasCampaignAction,
  SIPAS_CAMPAIGN_ACTIONS,
  SIPAS_CAMPAIGN_STATUSES,
  type SipasCampaignAction,
  type SipasCampaignStatus,
} from './campaign.js';
import { checkAnswers, DEFAULT_QUESTIONNAIRE, listQuestions, QuestionnaireDefinition } from './questionnaire.js';
import { allocateSample, computeSampleSize, createSeededRandom, drawPositions, planSample } from './sampling.js';
import {
  type AnswerCount,
  computeMarginOfError,
  computeSatisfactionIndex,
  computeYearOnYear,
  sumAnswerCounts,
} from './satisfaction-index.js';

describe('computeSampleSize: n = ⌈N / (1 + N·e²)⌉', () => {
  it.each([
    [0, 500, 0],
    [1, 500, 1],
    [100, 500, 80],
    [1_000, 500, 286],
    [10_000, 500, 385],
    [100_000, 500, 399],
    [1_000_000, 500, 400],
    [1_000, 1000, 91],
    [400, 500, 200],
  ])('N = %i, e = %i bp → %i', (population, marginBp, expected) => {
    expect(computeSampleSize(population, marginBp)).toBe(expected);
  });

  it('is never more than the population and never less than the formula', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 100, max: 2000 }), (N, bp) => {
        const n = computeSampleSize(N, bp);
        const e = bp / 10_000;
        expect(n).toBeLessThanOrEqual(N);
        expect(n).toBeGreaterThanOrEqual(N / (1 + N * e * e) - 1e-9);
        expect(n - 1).toBeLessThan(N / (1 + N * e * e));
      }),
    );
  });

  it('refuses a negative population or a margin outside 0–100 %', () => {
    expect(() => computeSampleSize(-1)).toThrow(RangeError);
    expect(() => computeSampleSize(10, 0)).toThrow(RangeError);
  });
});

describe('allocateSample: proportional, largest remainder', () => {
  it('gives the worked example', () => {
    const result = allocateSample(
      [
        { key: 'a', population: 500 },
        { key: 'b', population: 300 },
        { key: 'c', population: 200 },
      ],
      286,
    );
    // 143, 85.8, 57.2 → 143, 86, 57
    expect(result.map((s) => s.sampleSize)).toEqual([143, 86, 57]);
  });

  it('sums to n, never exceeds a stratum, and each share is within one of its quota', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 100, max: 2000 }),
        (populations, bp) => {
          const strata = populations.map((population, i) => ({ key: `s${i}`, population }));
          const total = populations.reduce((a, b) => a + b, 0);
          const n = computeSampleSize(total, bp);
          const result = allocateSample(strata, n);
          expect(result.reduce((sum, s) => sum + s.sampleSize, 0)).toBe(n);
          for (const s of result) {
            expect(s.sampleSize).toBeLessThanOrEqual(s.population);
            const quota = total === 0 ? 0 : (n * s.population) / total;
            expect(Math.abs(s.sampleSize - quota)).toBeLessThan(1);
          }
        },
      ),
    );
  });
});

describe('the seeded draw', () => {
  it('is the same for the same seed and differs for another seed', () => {
    const first = planSample(
      [
        { key: 'agency-1', population: 1200 },
        { key: 'agency-2', population: 300 },
      ],
      500,
      'seed-2026',
    );
    const again = planSample(
      [
        { key: 'agency-1', population: 1200 },
        { key: 'agency-2', population: 300 },
      ],
      500,
      'seed-2026',
    );
    expect(again).toEqual(first);
    expect(first.sampleSize).toBe(316);
    expect(drawPositions('other', 'agency-1', 1200, 10)).not.toEqual(drawPositions('seed-2026', 'agency-1', 1200, 10));
  });

  it('draws k distinct positions in range, ascending', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, N, share) => {
          const k = Math.floor(N * share);
          const positions = drawPositions(seed, 'x', N, k);
          expect(positions).toHaveLength(k);
          expect(new Set(positions).size).toBe(k);
          expect(positions.every((p, i) => p >= 0 && p < N && (i === 0 || p > (positions[i - 1] as number)))).toBe(
            true,
          );
        },
      ),
    );
  });

  it('spreads its numbers evenly (a coarse uniformity check on 100 000 draws)', () => {
    const random = createSeededRandom('uniformity');
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const value = random();
      if (value < 0 || value >= 1) {
        outside += 1;
      }
      bins[Math.floor(value * 10)] = (bins[Math.floor(value * 10)] ?? 0) + 1;
    }
    expect(outside).toBe(0);
    for (const count of bins) {
      expect(Math.abs(count - 10_000)).toBeLessThan(500);
    }
  });
});

describe('the questionnaire', () => {
  it('ships the five service factors of the national method as the default', () => {
    expect(QuestionnaireDefinition.parse(DEFAULT_QUESTIONNAIRE)).toBeTruthy();
    expect(DEFAULT_QUESTIONNAIRE.factors.map((f) => [f.key, f.kind, f.vi])).toEqual([
      ['access', 'service', 'Tiếp cận dịch vụ'],
      ['procedure', 'service', 'Thủ tục hành chính'],
      ['official', 'service', 'Công chức trực tiếp giải quyết công việc'],
      ['result', 'service', 'Kết quả cung ứng dịch vụ'],
      ['feedback', 'service', 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị'],
    ]);
  });

  it('refuses duplicate keys and choice questions without options', () => {
    const duplicated = structuredClone(DEFAULT_QUESTIONNAIRE);
    const firstQuestion = duplicated.factors[1]?.criteria[0]?.questions[0];
    if (firstQuestion) {
      firstQuestion.key = 'access_place_facilities';
    }
    expect(QuestionnaireDefinition.safeParse(duplicated).success).toBe(false);
    const noOptions = structuredClone(DEFAULT_QUESTIONNAIRE);
    noOptions.profile = [{ key: 'x', type: 'single_choice', vi: 'Câu hỏi', required: false }];
    expect(QuestionnaireDefinition.safeParse(noOptions).success).toBe(false);
  });

  it('checks answers: required, Likert range, option keys; not applicable is accepted', () => {
    const all = Object.fromEntries(
      listQuestions(DEFAULT_QUESTIONNAIRE)
        .filter((q) => q.question.type === 'likert5')
        .map((q) => [q.question.key, 5 as const]),
    );
    expect(checkAnswers(DEFAULT_QUESTIONNAIRE, { ...all, feedback_answer: 'no_answer', channel: 'online' })).toEqual({
      ok: true,
      answers: { ...all, feedback_answer: 'no_answer', channel: 'online' },
    });
    const { result_on_time: _dropped, ...missing } = all;
    expect(checkAnswers(DEFAULT_QUESTIONNAIRE, missing)).toEqual({
      ok: false,
      problems: [{ questionKey: 'result_on_time', code: 'SIPAS_ANSWER_REQUIRED' }],
    });
    expect(
      checkAnswers(DEFAULT_QUESTIONNAIRE, { ...all, channel: 'fax', expectations: ['shorter_time', 'x'] }),
    ).toEqual({
      ok: false,
      problems: [
        { questionKey: 'channel', code: 'SIPAS_ANSWER_INVALID' },
        { questionKey: 'expectations', code: 'SIPAS_ANSWER_INVALID' },
      ],
    });
  });
});

describe('computeSatisfactionIndex', () => {
  const counts: AnswerCount[] = [
    // access: 2 questions → (8+1)/(10) and 5/8 → factor 14/18 = 77.78 %
    { questionKey: 'access_place_facilities', value: 5, count: 6 },
    { questionKey: 'access_place_facilities', value: 4, count: 2 },
    { questionKey: 'access_place_facilities', value: 2, count: 2 },
    { questionKey: 'access_place_ease', value: 4, count: 5 },
    { questionKey: 'access_place_ease', value: 3, count: 3 },
    { questionKey: 'access_place_ease', value: 'no_answer', count: 2 },
    // official: one question answered, 9/10
    { questionKey: 'official_attitude', value: 5, count: 9 },
    { questionKey: 'official_attitude', value: 1, count: 1 },
  ];

  it('keeps numerator and base at each level, leaves "no answer" out of the base', () => {
    const index = computeSatisfactionIndex(DEFAULT_QUESTIONNAIRE, counts);
    const access = index.factors.find((f) => f.key === 'access');
    expect(access).toMatchObject({ numerator: 13, base: 18, percent: 72.22 });
    expect(access?.criteria[0]?.questions.map((q) => [q.key, q.numerator, q.base, q.noAnswer, q.distribution])).toEqual(
      [
        ['access_place_facilities', 8, 10, 0, [0, 2, 0, 2, 6]],
        ['access_place_ease', 5, 8, 2, [0, 0, 3, 5, 0]],
      ],
    );
    const official = index.factors.find((f) => f.key === 'official');
    expect(official).toMatchObject({ numerator: 9, base: 10, percent: 90 });
    // Mean of the factors that have answers: (13/18 + 9/10) / 2 = 81.11 %
    expect(index.percent).toBe(81.11);
    expect(index.numerator).toBe(22);
    expect(index.base).toBe(28);
    expect(
      computeSatisfactionIndex(DEFAULT_QUESTIONNAIRE, counts, { overall: 'pooled', parts: 'service' }).percent,
    ).toBe(78.57);
  });

  it('is reproduced exactly from its counts, whatever the order or the split across units', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            questionKey: fc.constantFrom(
              'access_place_facilities',
              'procedure_fees',
              'result_correct',
              'official_attitude',
            ),
            value: fc.constantFrom(1, 2, 3, 4, 5, 'no_answer' as const),
            count: fc.integer({ min: 0, max: 1000 }),
          }),
          { maxLength: 40 },
        ),
        (rows) => {
          const whole = computeSatisfactionIndex(DEFAULT_QUESTIONNAIRE, rows as AnswerCount[]);
          const half = Math.floor(rows.length / 2);
          const split = computeSatisfactionIndex(
            DEFAULT_QUESTIONNAIRE,
            sumAnswerCounts([rows.slice(half) as AnswerCount[], rows.slice(0, half) as AnswerCount[]]),
          );
          expect(split).toEqual(whole);
          for (const factor of whole.factors) {
            const satisfied = rows
              .filter((r) => factor.criteria.some((c) => c.questions.some((q) => q.key === r.questionKey)))
              .filter((r) => r.value === 4 || r.value === 5)
              .reduce((s, r) => s + r.count, 0);
            expect(factor.numerator).toBe(satisfied);
            if (factor.percent !== null) {
              expect(factor.percent).toBeGreaterThanOrEqual(0);
              expect(factor.percent).toBeLessThanOrEqual(100);
            }
          }
        },
      ),
    );
  });

  it('has no index without valid answers', () => {
    expect(computeSatisfactionIndex(DEFAULT_QUESTIONNAIRE, []).percent).toBeNull();
  });
});

describe('margin of error and year on year', () => {
  it('applies the finite population correction at 95 %', () => {
    // p = 0.5, n = 385, N huge → ≈ 4.99 points
    expect(computeMarginOfError(50, 385, 10_000_000)).toBe(4.99);
    // n = 286 of 1 000 → 1.96 · √(0.25/286) · √(714/999) = 4.899… → 4.9
    expect(computeMarginOfError(50, 286, 1000)).toBe(4.9);
    expect(computeMarginOfError(80, 100, 100)).toBe(0);
    expect(computeMarginOfError(null, 10, 100)).toBeNull();
    expect(computeMarginOfError(90, 0, 100)).toBeNull();
  });

  it('gives the change in points', () => {
    expect(computeYearOnYear(90.61, 88.4)).toBe(2.21);
    expect(computeYearOnYear(null, 88.4)).toBeNull();
  });
});

describe('the campaign table', () => {
  it('allows each action from one status only, and nothing goes back', () => {
    const statuses = Object.keys(SIPAS_CAMPAIGN_STATUSES) as SipasCampaignStatus[];
    const actions = Object.keys(SIPAS_CAMPAIGN_ACTIONS) as SipasCampaignAction[];
    const allowed = statuses.flatMap((s) =>
      actions.flatMap((a) => {
        const to = decideSipasCampaignAction(s, a);
        return to ? [`${s} -${a}-> ${to}`] : [];
      }),
    );
    expect(allowed).toEqual([
      'draft -draw_sample-> sampled',
      'sampled -open-> open',
      'open -remind-> open',
      'open -close-> closed',
      'closed -publish-> published',
    ]);
    expect(statuses.filter(acceptsSipasAnswers)).toEqual(['open']);
  });
});
