import { z } from 'zod';

/**
 * SIPAS questionnaires: factor → criterion → question, versioned.
 *
 * Method: QĐ 1001/QĐ-BNV (11/12/2023), "Phương pháp đo lường sự hài lòng của người dân, tổ chức đối
 * với sự phục vụ của cơ quan hành chính nhà nước giai đoạn 2023–2026" (reform brief §B). The service
 * part measures five factors (yếu tố) [S: the brief, after the 2017–2020 Đề án of QĐ 2640/QĐ-BNV]:
 * (1) tiếp cận dịch vụ; (2) thủ tục hành chính; (3) công chức trực tiếp giải quyết; (4) kết quả dịch
 * vụ; (5) tiếp nhận, xử lý góp ý, phản ánh, kiến nghị. Since 2022 a second part rates nine groups of
 * public policy (optional here: `kind: 'policy'`). The annex of QĐ 1001 with the exact question
 * wording was not available to us: the criteria and questions of the default questionnaire below
 * are [RECALL] (the shape of the 2017–2020 questionnaire) and a province edits them in the designer.
 */

/**
 * The five-level Likert scale of the satisfaction questions [RECALL for SIPAS: the same five labels
 * as Vietnamese survey practice]. 'no_answer' is "Không trả lời / Không áp dụng": it leaves the base.
 */
export const LIKERT_LEVELS = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  3: { vi: 'Bình thường', en: 'Neutral' },
  4: { vi: 'Hài lòng', en: 'Satisfied' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
} as const;
export const LikertValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type LikertValue = z.infer<typeof LikertValue>;
export const NO_ANSWER = 'no_answer' as const;
export const NO_ANSWER_LABEL = { vi: 'Không trả lời / Không áp dụng', en: 'No answer / not applicable' } as const;

/** "Hài lòng" and "Rất hài lòng" count as satisfied (reform brief §B: (4+5) / valid answers). */
export const isSatisfied = (value: LikertValue): boolean => value >= 4;

const Key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'msg:SIPAS_KEY');
const Label = z.string().trim().min(1).max(500);

export const QuestionOption = z.object({ key: Key, vi: Label, en: Label.optional() }).strict();
export type QuestionOption = z.infer<typeof QuestionOption>;

export const QuestionType = z.enum(['likert5', 'single_choice', 'multiple_choice', 'free_text']);
export type QuestionType = z.infer<typeof QuestionType>;

export const Question = z
  .object({
    key: Key,
    type: QuestionType,
    vi: Label,
    en: Label.optional(),
    /** Choice questions only. */
    options: z.array(QuestionOption).max(30).optional(),
    required: z.boolean().default(false),
  })
  .strict()
  .superRefine((q, issue) => {
    const isChoice = q.type === 'single_choice' || q.type === 'multiple_choice';
    if (isChoice && (!q.options || q.options.length < 2)) {
      issue.addIssue({ code: 'custom', path: ['options'], message: 'msg:SIPAS_OPTIONS_REQUIRED' });
    }
    if (!isChoice && q.options) {
      issue.addIssue({ code: 'custom', path: ['options'], message: 'msg:SIPAS_OPTIONS_NOT_ALLOWED' });
    }
    if (q.options && new Set(q.options.map((o) => o.key)).size !== q.options.length) {
      issue.addIssue({ code: 'custom', path: ['options'], message: 'msg:SIPAS_DUPLICATE_KEY' });
    }
  });
export type Question = z.infer<typeof Question>;

export const Criterion = z
  .object({ key: Key, vi: Label, en: Label.optional(), questions: z.array(Question).min(1).max(40) })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

/** 'service': one of the five service factors; 'policy': a public-policy group (optional part since 2022). */
export const FactorKind = z.enum(['service', 'policy']);
export type FactorKind = z.infer<typeof FactorKind>;

export const Factor = z
  .object({ key: Key, kind: FactorKind, vi: Label, en: Label.optional(), criteria: z.array(Criterion).min(1).max(20) })
  .strict();
export type Factor = z.infer<typeof Factor>;

/** A questionnaire as the designer edits it; the version is given by the store when it is saved. */
export const QuestionnaireDefinition = z
  .object({
    title: Label,
    factors: z.array(Factor).min(1).max(20),
    /** Questions asked of every respondent outside the factors (e.g. who answers, the channel used). */
    profile: z.array(Question).max(20).default([]),
  })
  .strict()
  .superRefine((definition, issue) => {
    const seen = new Set<string>();
    const check = (key: string, path: (string | number)[]) => {
      if (seen.has(key)) {
        issue.addIssue({ code: 'custom', path, message: 'msg:SIPAS_DUPLICATE_KEY' });
      }
      seen.add(key);
    };
    definition.factors.forEach((factor, f) => {
      check(`factor:${factor.key}`, ['factors', f, 'key']);
      factor.criteria.forEach((criterion, c) => {
        check(`criterion:${criterion.key}`, ['factors', f, 'criteria', c, 'key']);
        criterion.questions.forEach((question, q) => {
          check(question.key, ['factors', f, 'criteria', c, 'questions', q, 'key']);
        });
      });
    });
    definition.profile.forEach((question, q) => {
      check(question.key, ['profile', q, 'key']);
    });
  });
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinition>;

/** Every question with where it sits (profile questions have no factor). */
export type LocatedQuestion = {
  question: Question;
  factorKey: string | null;
  criterionKey: string | null;
};

export const listQuestions = (definition: QuestionnaireDefinition): LocatedQuestion[] => [
  ...definition.factors.flatMap((factor) =>
    factor.criteria.flatMap((criterion) =>
      criterion.questions.map((question) => ({ question, factorKey: factor.key, criterionKey: criterion.key })),
    ),
  ),
  ...definition.profile.map((question) => ({ question, factorKey: null, criterionKey: null })),
];

const likert = (key: string, vi: string, en: string): Question => ({ key, type: 'likert5', vi, en, required: true });

/**
 * The default questionnaire: the five service factors of the national method [S: reform brief §B],
 * each with its criteria and satisfaction questions [RECALL: wording after the 2017–2020
 * questionnaire; the QĐ 1001 annex was not available]. One expectation question (mong đợi) and two
 * profile questions close it.
 */
export const DEFAULT_QUESTIONNAIRE: QuestionnaireDefinition = {
  title: 'Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
  factors: [
    {
      key: 'access',
      kind: 'service',
      vi: 'Tiếp cận dịch vụ',
      en: 'Access to the service',
      criteria: [
        {
          key: 'access_place',
          vi: 'Nơi tiếp nhận và trả kết quả',
          en: 'The receiving and returning office',
          questions: [
            likert(
              'access_place_facilities',
              'Trụ sở, nơi ngồi chờ và trang thiết bị phục vụ người dân, tổ chức tại nơi tiếp nhận hồ sơ',
              'Premises, waiting area and equipment at the receiving office',
            ),
            likert(
              'access_place_ease',
              'Sự thuận tiện khi tìm hiểu thông tin và tiếp cận nơi giải quyết thủ tục (trực tiếp hoặc trực tuyến)',
              'Ease of finding information and reaching the service (in person or online)',
            ),
          ],
        },
      ],
    },
    {
      key: 'procedure',
      kind: 'service',
      vi: 'Thủ tục hành chính',
      en: 'The administrative procedure',
      criteria: [
        {
          key: 'procedure_publicity',
          vi: 'Công khai thủ tục hành chính',
          en: 'Publication of the procedure',
          questions: [
            likert(
              'procedure_published',
              'Việc niêm yết, công khai thủ tục hành chính (thành phần hồ sơ, phí, lệ phí, thời hạn giải quyết)',
              'The posting of the procedure (documents, fees, time limit)',
            ),
          ],
        },
        {
          key: 'procedure_requirements',
          vi: 'Yêu cầu của thủ tục',
          en: 'What the procedure asks',
          questions: [
            likert(
              'procedure_documents',
              'Thành phần hồ sơ phải nộp và số lần phải đi lại để hoàn thiện hồ sơ',
              'The documents required and the trips needed to complete the dossier',
            ),
            likert('procedure_fees', 'Mức phí, lệ phí phải nộp đúng quy định', 'Fees charged as published'),
          ],
        },
      ],
    },
    {
      key: 'official',
      kind: 'service',
      vi: 'Công chức trực tiếp giải quyết công việc',
      en: 'The official handling the case',
      criteria: [
        {
          key: 'official_conduct',
          vi: 'Thái độ và năng lực của công chức',
          en: 'Conduct and competence of the official',
          questions: [
            likert(
              'official_attitude',
              'Thái độ giao tiếp, lịch sự, tôn trọng của công chức khi hướng dẫn, tiếp nhận hồ sơ',
              'Courtesy and respect of the official',
            ),
            likert(
              'official_guidance',
              'Sự hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu của công chức',
              'Clear and patient guidance of the official',
            ),
            likert(
              'official_integrity',
              'Công chức tuân thủ đúng quy định, không gây phiền hà, sách nhiễu',
              'The official follows the rules and causes no harassment',
            ),
          ],
        },
      ],
    },
    {
      key: 'result',
      kind: 'service',
      vi: 'Kết quả cung ứng dịch vụ',
      en: 'The result of the service',
      criteria: [
        {
          key: 'result_quality',
          vi: 'Kết quả và thời hạn',
          en: 'Result and time',
          questions: [
            likert(
              'result_correct',
              'Kết quả nhận được đúng quy định, thông tin trên kết quả đầy đủ, chính xác',
              'The result is lawful, complete and accurate',
            ),
            likert(
              'result_on_time',
              'Thời gian giải quyết đúng hạn ghi trên giấy tiếp nhận hồ sơ và hẹn trả kết quả',
              'The result came by the date on the receipt',
            ),
          ],
        },
      ],
    },
    {
      key: 'feedback',
      kind: 'service',
      vi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
      en: 'Handling of comments and feedback',
      criteria: [
        {
          key: 'feedback_handling',
          vi: 'Việc tiếp nhận và trả lời',
          en: 'Receipt and answer',
          questions: [
            likert(
              'feedback_channel',
              'Cơ quan bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị (hộp thư, đường dây nóng, trực tuyến)',
              'Ways to send comments and feedback are provided',
            ),
            likert(
              'feedback_answer',
              'Việc tiếp nhận, xử lý và trả lời góp ý, phản ánh, kiến nghị kịp thời, thỏa đáng (nếu có)',
              'Feedback was handled and answered promptly and properly (if any)',
            ),
          ],
        },
      ],
    },
  ],
  profile: [
    {
      key: 'channel',
      type: 'single_choice',
      vi: 'Ông/bà đã nộp hồ sơ bằng hình thức nào?',
      en: 'How did you submit the dossier?',
      options: [
        { key: 'counter', vi: 'Trực tiếp tại Bộ phận Một cửa', en: 'At the one-stop desk' },
        { key: 'online', vi: 'Trực tuyến', en: 'Online' },
        { key: 'post', vi: 'Qua dịch vụ bưu chính', en: 'By post' },
      ],
      required: false,
    },
    {
      key: 'expectations',
      type: 'multiple_choice',
      vi: 'Ông/bà mong đợi cơ quan cải thiện điều gì nhất? (chọn nhiều)',
      en: 'What should the agency improve most? (several)',
      options: [
        { key: 'simpler_procedure', vi: 'Đơn giản hóa thủ tục, giấy tờ', en: 'Simpler procedure' },
        { key: 'shorter_time', vi: 'Rút ngắn thời gian giải quyết', en: 'Shorter handling time' },
        { key: 'online_service', vi: 'Mở rộng dịch vụ công trực tuyến', en: 'More online services' },
        { key: 'official_attitude', vi: 'Thái độ phục vụ của công chức', en: 'Officials’ attitude' },
        { key: 'facilities', vi: 'Cơ sở vật chất nơi tiếp nhận', en: 'Premises' },
      ],
      required: false,
    },
    { key: 'comment', type: 'free_text', vi: 'Ý kiến khác', en: 'Other comments', required: false },
  ],
};

/** Answers of one respondent: a Likert value or 'no_answer', an option key, option keys, or a text. */
export const AnswerValue = z.union([
  LikertValue,
  z.literal(NO_ANSWER),
  z.string().trim().max(2000),
  z.array(z.string().max(60)).max(30),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export const SurveyAnswers = z.record(z.string().max(60), AnswerValue);
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export type AnswerProblem = { questionKey: string; code: 'SIPAS_ANSWER_REQUIRED' | 'SIPAS_ANSWER_INVALID' };

/**
 * Checks a respondent's answers against the questionnaire and returns them normalised (unknown keys
 * dropped, blank texts removed), or the problems. A required Likert question may be answered
 * 'no_answer' (not applicable): it is then left out of the index base, never counted as dissatisfied.
 */
export const checkAnswers = (
  definition: QuestionnaireDefinition,
  answers: SurveyAnswers,
): { ok: true; answers: SurveyAnswers } | { ok: false; problems: AnswerProblem[] } => {
  const problems: AnswerProblem[] = [];
  const clean: SurveyAnswers = {};
  for (const { question } of listQuestions(definition)) {
    const value = answers[question.key];
    const blank = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (blank) {
      if (question.required) {
        problems.push({ questionKey: question.key, code: 'SIPAS_ANSWER_REQUIRED' });
      }
      continue;
    }
    const optionKeys = new Set((question.options ?? []).map((o) => o.key));
    const valid =
      question.type === 'likert5'
        ? value === NO_ANSWER || LikertValue.safeParse(value).success
        : question.type === 'single_choice'
          ? typeof value === 'string' && optionKeys.has(value)
          : question.type === 'multiple_choice'
            ? Array.isArray(value) && new Set(value).size === value.length && value.every((k) => optionKeys.has(k))
            : typeof value === 'string';
    if (!valid) {
      problems.push({ questionKey: question.key, code: 'SIPAS_ANSWER_INVALID' });
      continue;
    }
    clean[question.key] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: clean };
};
