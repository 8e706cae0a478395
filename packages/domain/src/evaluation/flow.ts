/**
 * The flow of an evaluation sheet (Decree 335/2025/NĐ-CP; Decree 233/2026/NĐ-CP): the official's
 * self-assessment → the direct manager's review (quản lý trực tiếp) → the collective review (the meeting's
 * record) → the decision of the competent person (người có thẩm quyền), the quota applied.
 * Table-driven: who acts (the actor's standing on the sheet) and from which status.
 */
import type { EvaluationSheetStatus } from '../work/vocabulary.js';

export const EVALUATION_ACTIONS = [
  'self_assess',
  'review',
  'collective',
  'decide',
  'waive',
  'veto',
  'return',
  'add_item',
] as const;
export type EvaluationAction = (typeof EVALUATION_ACTIONS)[number];

/** The actor's standing on a sheet, computed by the server from grants. */
export type EvaluationStanding = {
  owner: boolean;
  /** evaluation.review at the official's unit (their unit head), not the official themself. */
  reviews: boolean;
  /** evaluation.manage at the sheet's agency (records the collective review). */
  manages: boolean;
  /** evaluation.decide at the sheet's agency, not the official themself. */
  decides: boolean;
};

type Rule = {
  from: readonly EvaluationSheetStatus[];
  to: EvaluationSheetStatus | null;
  who: (standing: EvaluationStanding) => boolean;
  label: { vi: string; en: string };
};

export const EVALUATION_FLOW: Record<EvaluationAction, Rule> = {
  self_assess: {
    from: ['draft', 'self_assessed'],
    to: 'self_assessed',
    who: (s) => s.owner,
    label: { vi: 'Tự đánh giá', en: 'Self-assess' },
  },
  review: {
    from: ['self_assessed', 'manager_reviewed'],
    to: 'manager_reviewed',
    who: (s) => s.reviews,
    label: { vi: 'Quản lý trực tiếp nhận xét, chấm điểm', en: 'Manager review' },
  },
  collective: {
    from: ['manager_reviewed'],
    to: 'collective_reviewed',
    who: (s) => s.manages,
    label: { vi: 'Ghi nhận ý kiến tập thể', en: 'Record the collective review' },
  },
  decide: {
    from: ['collective_reviewed'],
    to: 'decided',
    who: (s) => s.decides,
    label: { vi: 'Quyết định xếp loại', en: 'Decide the rating' },
  },
  /** Record (or clear) an objective cause on an item: its deductions are waived (the approver: manager or head). */
  waive: {
    from: ['self_assessed', 'manager_reviewed', 'collective_reviewed'],
    to: null,
    who: (s) => s.reviews || s.decides,
    label: { vi: 'Ghi nhận nguyên nhân khách quan', en: 'Record an objective cause' },
  },
  veto: {
    from: ['self_assessed', 'manager_reviewed', 'collective_reviewed'],
    to: null,
    who: (s) => s.reviews || s.decides,
    label: { vi: 'Ghi nhận trường hợp không hoàn thành nhiệm vụ', en: 'Record a veto case' },
  },
  /** Add a work item the systems do not record (a manual item), before the collective review. */
  add_item: {
    from: ['draft', 'self_assessed', 'manager_reviewed'],
    to: null,
    who: (s) => s.reviews || s.decides,
    label: { vi: 'Bổ sung sản phẩm, công việc', en: 'Add a work item' },
  },
  /** Send the sheet back to the official for a new self-assessment. */
  return: {
    from: ['self_assessed', 'manager_reviewed', 'collective_reviewed'],
    to: 'draft',
    who: (s) => s.reviews || s.decides,
    label: { vi: 'Trả lại để tự đánh giá lại', en: 'Return for a new self-assessment' },
  },
};

export type FlowDecision =
  | { ok: true; to: EvaluationSheetStatus }
  | { ok: false; refusal: 'EVALUATION_NOT_PERMITTED' | 'EVALUATION_ACTION_NOT_ALLOWED_IN_STATE' };

export const decideEvaluationAction = (
  status: EvaluationSheetStatus,
  standing: EvaluationStanding,
  action: EvaluationAction,
): FlowDecision => {
  const rule = EVALUATION_FLOW[action];
  if (!rule.who(standing)) {
    return { ok: false, refusal: 'EVALUATION_NOT_PERMITTED' };
  }
  if (!rule.from.includes(status)) {
    return { ok: false, refusal: 'EVALUATION_ACTION_NOT_ALLOWED_IN_STATE' };
  }
  return { ok: true, to: rule.to ?? status };
};

/** The actions the actor may take on a sheet now (for the screen's buttons). */
export const allowedEvaluationActions = (
  status: EvaluationSheetStatus,
  standing: EvaluationStanding,
): EvaluationAction[] => EVALUATION_ACTIONS.filter((action) => decideEvaluationAction(status, standing, action).ok);
