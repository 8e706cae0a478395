import { z } from 'zod';

/**
 * The per-dossier evaluation of Circular 01/2018/TT-VPCP (its scoring tool, kept in use by
 * provincial systems after Circular 03/2025/TT-VPCP): nine indices scored 0, 1 or 2 points, plus
 * the citizen's own ratings 10 (ease of use) and 11 (overall satisfaction), answered "Rất hài
 * lòng / Hài lòng / Không hài lòng" (regulations brief §1.4; the production table is Thanh Hóa's
 * TieuChiDanhGiaHaiLong.json).
 *
 * Some indices are computed from the dossier and the agency (times, publication, online share);
 * the others are asked of the applicant after the result is returned. The table says which, so the
 * scorecards read one source of truth. Scores follow the brief; where it gives no mapping for an
 * answer the mapping is marked [INF] (inferred from the 2/1/0 pattern of the other indices).
 */

export const SATISFACTION_LEVELS = {
  very_satisfied: { score: 2, vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { score: 1, vi: 'Hài lòng', en: 'Satisfied' },
  dissatisfied: { score: 0, vi: 'Không hài lòng', en: 'Dissatisfied' },
} as const;
export type SatisfactionLevel = keyof typeof SATISFACTION_LEVELS;
export const SatisfactionLevel = z.enum(['very_satisfied', 'satisfied', 'dissatisfied']);

/** Index 3: how many times the applicant had to contact the desk to complete the dossier. */
export const CONTACT_ANSWERS = {
  none: { score: 2, vi: 'Không phải liên hệ', en: 'None' },
  once: { score: 1, vi: 'Một lần', en: 'Once' },
  more: { score: 0, vi: 'Nhiều hơn một lần', en: 'More than once' },
} as const;
export const ContactAnswer = z.enum(['none', 'once', 'more']);
export type ContactAnswer = z.infer<typeof ContactAnswer>;

/** Index 4: how many agencies the applicant had to deal with ([INF]: one 2, two 1, more 0). */
export const AGENCY_COUNT_ANSWERS = {
  one: { score: 2, vi: 'Một cơ quan', en: 'One agency' },
  two: { score: 1, vi: 'Hai cơ quan', en: 'Two agencies' },
  more: { score: 0, vi: 'Từ ba cơ quan trở lên', en: 'Three or more' },
} as const;
export const AgencyCountAnswer = z.enum(['one', 'two', 'more']);
export type AgencyCountAnswer = z.infer<typeof AgencyCountAnswer>;

type Criterion = {
  index: number;
  key: string;
  /** 'applicant': asked in the rating form; 'computed': derived from dossier and agency data by the scorecards. */
  source: 'applicant' | 'computed';
  vi: string;
  en: string;
  /** How points are given (text of the tool). */
  scoring: string;
};

export const EVALUATION_CRITERIA = [
  {
    index: 1,
    key: 'total_time',
    source: 'computed',
    vi: 'Tổng thời gian giải quyết so với thời gian quy định',
    en: 'Total time against the legal limit',
    scoring: 'shorter 2, equal 1, longer 0',
  },
  {
    index: 2,
    key: 'agency_time',
    source: 'computed',
    vi: 'Thời gian thực hiện tại từng cơ quan, đơn vị',
    en: 'Time at each agency',
    scoring: 'every step within its allotment 2, otherwise 0',
  },
  {
    index: 3,
    key: 'contacts',
    source: 'applicant',
    vi: 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ',
    en: 'Contacts needed to complete the dossier',
    scoring: 'none 2, once 1, more 0',
  },
  {
    index: 4,
    key: 'agencies_contacted',
    source: 'applicant',
    vi: 'Số cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
    en: 'Agencies contacted',
    scoring: 'one 2, two 1, more 0 [INF]',
  },
  {
    index: 5,
    key: 'one_stop_share',
    source: 'computed',
    vi: 'Thực hiện việc tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa',
    en: 'Handled at the one-stop desk',
    scoring: '2 needs ≥20% of procedures fully handled there (province), 100% (commune)',
  },
  {
    index: 6,
    key: 'publication',
    source: 'computed',
    vi: 'Công khai thủ tục hành chính',
    en: 'Publication of the procedure',
    scoring: 'posted and online 2',
  },
  {
    index: 7,
    key: 'staff_attitude',
    source: 'applicant',
    vi: 'Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ',
    en: 'Staff attitude',
    scoring: 'very satisfied 2, satisfied 1, dissatisfied 0 [INF]',
  },
  {
    index: 8,
    key: 'pakn_on_time',
    source: 'computed',
    vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn',
    en: 'Petitions handled on time',
    scoring: '100% 2, ≥90% 1',
  },
  {
    index: 9,
    key: 'online_service',
    source: 'computed',
    vi: 'Cung cấp dịch vụ công trực tuyến',
    en: 'Online service',
    scoring: '2 needs ≥20% procedures online, ≥30% dossiers online, none late',
  },
  {
    index: 10,
    key: 'ease_of_use',
    source: 'applicant',
    vi: 'Mức độ thuận tiện, dễ dàng khi thực hiện thủ tục',
    en: 'Ease of use',
    scoring: 'very satisfied 2, satisfied 1, dissatisfied 0',
  },
  {
    index: 11,
    key: 'overall',
    source: 'applicant',
    vi: 'Mức độ hài lòng chung về kết quả giải quyết',
    en: 'Overall satisfaction',
    scoring: 'very satisfied 2, satisfied 1, dissatisfied 0',
  },
] as const satisfies readonly Criterion[];

/** What the applicant (or the desk officer on their behalf) answers. Overall and ease of use are required. */
export const DossierRatingInput = z
  .object({
    overall: SatisfactionLevel,
    easeOfUse: SatisfactionLevel,
    staffAttitude: SatisfactionLevel.optional(),
    contacts: ContactAnswer.optional(),
    agenciesContacted: AgencyCountAnswer.optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type DossierRatingInput = z.infer<typeof DossierRatingInput>;

/** Points per answered index, keyed by the index number of the tool (e.g. { "3": 2, "10": 1, "11": 2 }). */
export const scoreDossierRating = (input: DossierRatingInput): Record<string, number> => {
  const scores: Record<string, number> = {
    '10': SATISFACTION_LEVELS[input.easeOfUse].score,
    '11': SATISFACTION_LEVELS[input.overall].score,
  };
  if (input.contacts) {
    scores['3'] = CONTACT_ANSWERS[input.contacts].score;
  }
  if (input.agenciesContacted) {
    scores['4'] = AGENCY_COUNT_ANSWERS[input.agenciesContacted].score;
  }
  if (input.staffAttitude) {
    scores['7'] = SATISFACTION_LEVELS[input.staffAttitude].score;
  }
  return scores;
};
