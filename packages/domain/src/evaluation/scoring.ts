/**
 * Staff evaluation: the task-result formula, the general criteria, the total, the band, the veto cases, the
 * "xuất sắc" quota and the year's rating, as pure functions on integers (points and per cents in hundredths,
 * coefficients in thousandths) so that every figure is exact and recomputes from the figures shown.
 *
 * Sources (../shared/spec/reform-and-eoffice.md §E):
 * - Nghị định 335/2025/NĐ-CP (công chức, from 01/01/2026) and Nghị định 233/2026/NĐ-CP (viên chức, from
 *   01/7/2026): 100 points = general criteria ≤ 30 + task results ≤ 70; bands ≥ 90 / 70–< 90 / 50–< 70 / < 50 or
 *   any veto case (ND 233 Art. 12); the quota: "xuất sắc" ≤ 20 % of those rated "tốt" in the same agency and group
 *   of similar tasks, 25 % when the unit itself is "xuất sắc"; the head's rating cannot exceed the unit's
 *   (ND 233 Art. 12(6–7)); tracking by month or quarter, the year derived from them (ND 233 Art. 3(5–6), 12(5)).
 * - Decree 335/2025 task results: work items converted by a coefficient (quy đổi); số lượng % = completed
 *   (converted) / assigned (converted); chất lượng % = completed meeting quality / assigned, each major error
 *   −25 % of that item's quality points; tiến độ % = on-time completed / assigned, each delay −25 % of that item's
 *   progress points; both deductions waived when an objective cause is confirmed.
 * - [SEC] implementations: task score = (a + b + c) / 3 for staff, (a + b + c + d + đ + e) / 6 for leaders (d, đ,
 *   e: the unit's results, organising capacity, team-building); task points = score × 70 / 100. The leader formula
 *   is therefore a SETTING of the agency (`leaderFormula`), default 'three_part' (the staff formula).
 *
 * Documented choices where the sources are silent [INF]:
 * - Quality and timeliness use the converted points as quantity does (an item weighs its coefficient in all three).
 * - An item's quality points = coefficient × max(0, 4 − major errors) / 4 when completed, else 0; its progress
 *   points = coefficient × max(0, 4 − delays) / 4 when completed, else 0 (a fifth error or delay cannot go below 0).
 * - Rounding: each figure shown (the three per cents, the score, the task points, the total, the year average) is
 *   rounded half up to the hundredth once, and the next figure is computed from the rounded one shown, so a reader
 *   recomputes every figure from the sheet with a pocket calculator.
 * - No work item assigned in the period: the three per cents are 0 and the sheet says so (`noItems`); work the
 *   systems do not record is kept as manual items (evaluation_item.source_kind = 'manual').
 */
import type { EvaluationBand, EvaluationVeto } from '../work/vocabulary.js';

/** 100 % in hundredths of a per cent. */
export const FULL_PCT = 10_000;
/** The maxima in hundredths of a point (ND 335/2025; ND 233/2026). */
export const TASK_POINTS_MAX = 7_000;
export const GENERAL_POINTS_MAX = 3_000;
export const TOTAL_POINTS_MAX = 10_000;
/** Each major error or delay takes 25 % of the item's quality or progress points. */
export const DEDUCTION_QUARTERS = 1;

/** Bands, lowest total first (hundredths of a point): ≥ 90, 70–< 90, 50–< 70, < 50. */
export const EVALUATION_BAND_THRESHOLDS: readonly { band: EvaluationBand; minPoints: number }[] = [
  { band: 'excellent', minPoints: 9_000 },
  { band: 'good', minPoints: 7_000 },
  { band: 'complete', minPoints: 5_000 },
  { band: 'incomplete', minPoints: 0 },
];

/** From best to worst: the rank of a band (0 = excellent). */
export const BAND_RANK: Record<EvaluationBand, number> = { excellent: 0, good: 1, complete: 2, incomplete: 3 };

export const LEADER_FORMULAS = ['three_part', 'six_part'] as const;
export type LeaderFormula = (typeof LEADER_FORMULAS)[number];

/** The three extra parts of a leader's score under the six-part formula [SEC]: d, đ, e, per cent in hundredths. */
export const LEADER_PARTS = ['unitResults', 'organising', 'teamBuilding'] as const;
export type LeaderPart = (typeof LEADER_PARTS)[number];
export type LeaderParts = Partial<Record<LeaderPart, number>>;

/**
 * Documented default coefficients (quy đổi) per kind of work item, in thousandths. The law fixes none: each
 * agency sets its own (evaluation_setting.coefficients). A kind absent from the settings weighs
 * `DEFAULT_COEFFICIENT_MILLI`.
 */
export const DEFAULT_COEFFICIENTS_MILLI: Readonly<Record<string, number>> = {
  task: 1_000,
  dossier_step: 200,
};
export const DEFAULT_COEFFICIENT_MILLI = 1_000;

/** The default general criteria (≤ 30 points): the five groups the decrees name, 6 points each [INF split]. */
export const DEFAULT_GENERAL_CRITERIA: readonly { code: string; name: string; maxPoints: number }[] = [
  { code: 'political', name: 'Phẩm chất chính trị', maxPoints: 600 },
  { code: 'ethics', name: 'Đạo đức, lối sống', maxPoints: 600 },
  { code: 'discipline', name: 'Ý thức tổ chức kỷ luật', maxPoints: 600 },
  { code: 'attitude', name: 'Tác phong, lề lối làm việc, thái độ phục vụ nhân dân', maxPoints: 600 },
  { code: 'innovation', name: 'Tinh thần đổi mới, sáng tạo, dám nghĩ, dám làm', maxPoints: 600 },
];

/** Rounds a non-negative fraction `numerator / denominator` half up to an integer. */
export const roundHalfUp = (numerator: number, denominator: number): number => {
  if (denominator <= 0) {
    throw new RangeError('denominator must be positive');
  }
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
};

/** The coefficient of a kind of work item from the agency's settings (numbers such as 1 or 0.2), in thousandths. */
export const coefficientMilliOf = (coefficients: Readonly<Record<string, number>>, workKind: string): number => {
  const value = coefficients[workKind];
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return Math.round(value * 1000);
  }
  return DEFAULT_COEFFICIENTS_MILLI[workKind] ?? DEFAULT_COEFFICIENT_MILLI;
};

/** A work item as the formula reads it. */
export type ScoredItem = {
  coefficientMilli: number;
  completed: boolean;
  majorErrors: number;
  delays: number;
  /** The approver recorded an objective cause: the item's deductions are waived. */
  objectiveCause: boolean;
  /** Items the approver excluded from the period do not count at all. */
  included: boolean;
};

/** An item's points in quarter-thousandths (coefficient × quarters kept), for quantity, quality and progress. */
export const itemQuarterPoints = (
  item: ScoredItem,
): { assigned: number; quantity: number; quality: number; progress: number } => {
  const full = item.coefficientMilli * 4;
  if (!item.included) {
    return { assigned: 0, quantity: 0, quality: 0, progress: 0 };
  }
  if (!item.completed) {
    return { assigned: full, quantity: 0, quality: 0, progress: 0 };
  }
  const kept = (deductions: number) =>
    item.objectiveCause ? 4 : Math.max(0, 4 - DEDUCTION_QUARTERS * Math.max(0, deductions));
  return {
    assigned: full,
    quantity: full,
    quality: item.coefficientMilli * kept(item.majorErrors),
    progress: item.coefficientMilli * kept(item.delays),
  };
};

export type TaskResult = {
  /** Sum of the converted assigned items, in thousandths (1000 = one item of coefficient 1). */
  assignedMilli: number;
  quantityPct: number;
  qualityPct: number;
  timelinessPct: number;
  /** The score in hundredths of a per cent (before × 70 / 100). */
  scorePct: number;
  /** Task points in hundredths of a point (≤ 7000). */
  taskPoints: number;
  noItems: boolean;
};

/**
 * The task results of a sheet (Decree 335/2025): the three per cents from the converted items, the score
 * ((a + b + c) / 3, or (a + b + c + d + đ + e) / 6 for a leader under the six-part setting), and the task points
 * = score × 70 / 100. Each figure rounded half up to the hundredth, the next computed from the rounded one.
 */
export const computeTaskResult = (
  items: readonly ScoredItem[],
  options: { leader?: boolean; leaderFormula?: LeaderFormula; leaderParts?: LeaderParts } = {},
): TaskResult => {
  let assigned = 0;
  let quantity = 0;
  let quality = 0;
  let progress = 0;
  for (const item of items) {
    const points = itemQuarterPoints(item);
    assigned += points.assigned;
    quantity += points.quantity;
    quality += points.quality;
    progress += points.progress;
  }
  const pct = (part: number) => (assigned === 0 ? 0 : roundHalfUp(part * FULL_PCT, assigned));
  const quantityPct = pct(quantity);
  const qualityPct = pct(quality);
  const timelinessPct = pct(progress);
  const sixPart = options.leader === true && options.leaderFormula === 'six_part';
  const parts = [quantityPct, qualityPct, timelinessPct];
  if (sixPart) {
    for (const part of LEADER_PARTS) {
      parts.push(clampPct(options.leaderParts?.[part] ?? 0));
    }
  }
  const scorePct = roundHalfUp(
    parts.reduce((sum, value) => sum + value, 0),
    parts.length,
  );
  const taskPoints = roundHalfUp(scorePct * 70, 100);
  return {
    assignedMilli: assigned / 4,
    quantityPct,
    qualityPct,
    timelinessPct,
    scorePct,
    taskPoints: Math.min(TASK_POINTS_MAX, taskPoints),
    noItems: assigned === 0,
  };
};

const clampPct = (value: number) => Math.max(0, Math.min(FULL_PCT, Math.trunc(value)));

export type GeneralCriterionDef = { code: string; name: string; maxPoints: number };

/** Whether a list of general criteria is valid: codes unique, each max ≥ 0, the sum ≤ 30 points. */
export const generalCriteriaValid = (criteria: readonly GeneralCriterionDef[]): boolean => {
  const codes = new Set(criteria.map((criterion) => criterion.code));
  const sum = criteria.reduce((total, criterion) => total + criterion.maxPoints, 0);
  return (
    codes.size === criteria.length &&
    criteria.every((criterion) => Number.isInteger(criterion.maxPoints) && criterion.maxPoints >= 0) &&
    sum <= GENERAL_POINTS_MAX
  );
};

/** The scores given per criterion must be integers between 0 and the criterion's maximum, for known codes only. */
export const generalScoresValid = (
  criteria: readonly GeneralCriterionDef[],
  scores: Readonly<Record<string, number>>,
): boolean => {
  const byCode = new Map(criteria.map((criterion) => [criterion.code, criterion.maxPoints]));
  return Object.entries(scores).every(([code, value]) => {
    const max = byCode.get(code);
    return max !== undefined && Number.isInteger(value) && value >= 0 && value <= max;
  });
};

/**
 * The general criteria's points (≤ 30): the manager's scores count once given (the direct manager evaluates,
 * the self-assessment is the official's proposal); before that the self-assessment is shown.
 */
export const computeGeneralPoints = (
  criteria: readonly GeneralCriterionDef[],
  self: Readonly<Record<string, number>>,
  manager: Readonly<Record<string, number>>,
): { points: number; source: 'manager' | 'self' } => {
  const source = Object.keys(manager).length > 0 ? 'manager' : 'self';
  const scores = source === 'manager' ? manager : self;
  const points = criteria.reduce(
    (sum, criterion) => sum + Math.max(0, Math.min(criterion.maxPoints, Math.trunc(scores[criterion.code] ?? 0))),
    0,
  );
  return { points: Math.min(GENERAL_POINTS_MAX, points), source };
};

/** The band of a total (hundredths): ≥ 90 excellent, 70–< 90 good, 50–< 70 complete, < 50 incomplete. */
export const bandOfPoints = (totalPoints: number): EvaluationBand => {
  for (const threshold of EVALUATION_BAND_THRESHOLDS) {
    if (totalPoints >= threshold.minPoints) {
      return threshold.band;
    }
  }
  return 'incomplete';
};

/** The band the points propose: any veto case makes it "không hoàn thành nhiệm vụ" whatever the points. */
export const proposeBand = (totalPoints: number, veto: EvaluationVeto | null): EvaluationBand =>
  veto ? 'incomplete' : bandOfPoints(totalPoints);

/** The lower (worse) of two bands. */
export const worseBand = (a: EvaluationBand, b: EvaluationBand): EvaluationBand =>
  BAND_RANK[a] >= BAND_RANK[b] ? a : b;

/** The head's rating cannot exceed the unit's (ND 233 Art. 12(7); Decree 335/2025). */
export const capByUnitBand = (band: EvaluationBand, unitBand: EvaluationBand | null): EvaluationBand =>
  unitBand ? worseBand(band, unitBand) : band;

/** A sheet's totals: task points + general points (≤ 100), the proposed band. */
export const computeTotal = (taskPoints: number, generalPoints: number, veto: EvaluationVeto | null) => {
  const totalPoints = Math.min(TOTAL_POINTS_MAX, taskPoints + generalPoints);
  return { totalPoints, proposedBand: proposeBand(totalPoints, veto) };
};
