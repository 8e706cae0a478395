/**
 * The PAR Index (Chỉ số cải cách hành chính) vocabulary shared by its rules, its tables and its screens.
 *
 * Legal base: QĐ 876/QĐ-BNV (10/11/2022) approving the PAR Index of ministries and provinces 2022–2030 — the
 * provincial index has 8 areas (lĩnh vực), 37 criteria (tiêu chí), 88 component criteria (tiêu chí thành
 * phần), 100 points of which 32 come from the sociological survey. Each province issues its own index for its
 * departments and communes on the same model (../shared/spec/reform-and-eoffice.md §A.3).
 *
 * Points are integer hundredths of a point everywhere (0,25 điểm = 25; 88,78 điểm = 8878): sums and
 * percentages are then exact and every published figure is reproducible from the stored leaves.
 */

/** Hundredths of a point (integer). */
export type ParPoints = number;

/**
 * Unit groups ranked separately: khối sở, ban, ngành; khối UBND cấp xã; and the province itself scored
 * against the national index of the Ministry of Home Affairs.
 */
export const PAR_UNIT_GROUPS = ['department', 'commune', 'province'] as const;
export type ParUnitGroup = (typeof PAR_UNIT_GROUPS)[number];

export const PAR_UNIT_GROUP_LABELS: Record<ParUnitGroup, { vi: string; en: string }> = {
  department: { vi: 'Khối sở, ban, ngành', en: 'Provincial departments' },
  commune: { vi: 'Khối UBND cấp xã', en: 'Commune people’s committees' },
  province: { vi: 'Cấp tỉnh (Chỉ số CCHC quốc gia)', en: 'The province (national PAR Index)' },
};

/** Levels of the criteria tree: lĩnh vực → tiêu chí → tiêu chí thành phần. */
export const PAR_NODE_KINDS = ['area', 'criterion', 'component'] as const;
export type ParNodeKind = (typeof PAR_NODE_KINDS)[number];

/**
 * Figures motcua can compute itself for a criterion (issue 17 item 3); the appraiser accepts or overrides them.
 * The last four become available as the SIPAS/PAKN and e-office areas land.
 */
export const PAR_SYSTEM_MEASURES = [
  'dossier_on_time_rate',
  'dossier_online_share',
  'index_766',
  'pakn_on_time_rate',
  'sipas_satisfaction',
  'edocument_rate',
  'digital_signature_rate',
] as const;
export type ParSystemMeasure = (typeof PAR_SYSTEM_MEASURES)[number];

/** One node of a criteria set's tree (table par_criterion). */
export type ParCriterion = {
  /** Dotted numbering as published: "3", "3.2", "3.2.1". */
  code: string;
  /** null for an area. */
  parentCode: string | null;
  kind: ParNodeKind;
  /** Order among its siblings as published. */
  position: number;
  title: string;
  /** Hundredths of a point; a parent's maximum is the sum of its children's. */
  maxPoints: ParPoints;
  scoringRule: string | null;
  evidenceRequired: string | null;
  /** Scored by the sociological survey (điều tra xã hội học), never self-assessed. */
  surveyScored: boolean;
  systemMeasure: ParSystemMeasure | null;
  /** Unit tags for which the criterion does not apply (the unit's applicable maximum shrinks by it). */
  notApplicableTo: readonly string[];
};

export const PAR_SET_STATUSES = ['draft', 'published', 'frozen'] as const;
export type ParSetStatus = (typeof PAR_SET_STATUSES)[number];

/** Stages of a yearly round (table par_round.stage), in order. */
export const PAR_ROUND_STAGES = [
  'draft',
  'self_assessment',
  'appraisal_1',
  'explanation',
  'appraisal_2',
  'council',
  'published',
] as const;
export type ParRoundStage = (typeof PAR_ROUND_STAGES)[number];

/** A unit's own progress through a round (table par_round_unit.status), in order. */
export const PAR_UNIT_STATUSES = [
  'self_draft',
  'self_submitted',
  'self_locked',
  'appraisal_1_done',
  'explanation_submitted',
  'appraisal_2_done',
  'finalised',
] as const;
export type ParUnitStatus = (typeof PAR_UNIT_STATUSES)[number];

/** The score fields of a leaf, one per stage (table par_score). */
export const PAR_SCORE_STAGES = ['self', 'appraisal_1', 'appraisal_2', 'final'] as const;
export type ParScoreStage = (typeof PAR_SCORE_STAGES)[number];

export const PAR_ADJUSTMENT_KINDS = ['bonus', 'penalty'] as const;
export type ParAdjustmentKind = (typeof PAR_ADJUSTMENT_KINDS)[number];
