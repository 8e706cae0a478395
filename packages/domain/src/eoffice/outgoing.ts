import type { DelegationScope, OutgoingState, SignMode } from './vocabulary.js';

/**
 * Outgoing documents (văn bản đi), Decree 30/2020/NĐ-CP Art. 10–19:
 * - Art. 10–11: the unit in charge drafts; the head of that unit reviews the draft and is answerable for it;
 * - Art. 12: before signing, the draft is checked (thẩm định, kiểm tra) as the head of the agency requires —
 *   motcua's review chain: stages run in order, the steps of one stage in parallel;
 * - Art. 13: the competent person signs — in their own right, "TM." for a collective body, "KT." for the
 *   head, "TL." by order, "TUQ." by a written authorisation (ủy quyền), and signs digitally (Art. 13(3));
 * - Art. 15: the number is taken when the document is signed (the system numbers e-documents);
 * - Art. 16: the clerk checks the form, numbers, dates and applies the organisation's digital signature;
 * - Art. 18: the document is issued the day it is signed, at the latest the next working day.
 * This module is the pure state table; migration 0025 stores it (outgoing_document, outgoing_review_step).
 */

/** The steps of an outgoing document's life. */
export const OUTGOING_ACTIONS = ['edit', 'submit', 'decide', 'sign', 'seal', 'issue', 'cancel'] as const;
export type OutgoingAction = (typeof OUTGOING_ACTIONS)[number];

/**
 * Which action is possible from which state. 'decide' (a reviewer's approve or return) keeps the document
 * in review until the chain ends; 'seal' keeps it 'signed' (organisation_signed_at marks it); 'issue' needs
 * the seal (checked by canIssue). A returned document is edited and submitted again (a new round).
 */
export const OUTGOING_TRANSITIONS: Record<OutgoingAction, { from: readonly OutgoingState[]; to: OutgoingState[] }> = {
  edit: { from: ['draft', 'returned'], to: ['draft', 'returned'] },
  submit: { from: ['draft', 'returned'], to: ['in_review'] },
  decide: { from: ['in_review'], to: ['in_review', 'approved', 'returned'] },
  sign: { from: ['approved'], to: ['signed'] },
  seal: { from: ['signed'], to: ['signed'] },
  issue: { from: ['signed'], to: ['issued'] },
  cancel: { from: ['draft', 'returned', 'in_review', 'approved'], to: ['cancelled'] },
};

export const canTakeOutgoingAction = (state: OutgoingState, action: OutgoingAction): boolean =>
  OUTGOING_TRANSITIONS[action].from.includes(state);

export const OUTGOING_STATE_LABELS: Record<OutgoingState, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  in_review: { vi: 'Đang trình duyệt', en: 'In review' },
  returned: { vi: 'Trả lại người soạn', en: 'Returned to the drafter' },
  approved: { vi: 'Đã duyệt, chờ ký', en: 'Approved, waiting for signature' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

// --- the review chain --------------------------------------------------------------------------------

export type ReviewKind = 'review' | 'approve';
export type ReviewDecision = 'pending' | 'approved' | 'returned' | 'skipped';

export type ReviewStep = {
  stage: number;
  reviewerUserId: string;
  substituteUserId: string | null;
  kind: ReviewKind;
  decision: ReviewDecision;
};

/** A delegation as far as the rules need it (document_delegation). */
export type Delegation = {
  fromUserId: string;
  toUserId: string;
  scope: DelegationScope;
  /** 'YYYY-MM-DD', inclusive. */
  validFrom: string;
  validTo: string;
  revoked: boolean;
};

/** Whether a delegation is in force on `today` ('YYYY-MM-DD', Vietnam time). */
export const isDelegationActive = (delegation: Delegation, today: string): boolean =>
  !delegation.revoked && delegation.validFrom <= today && today <= delegation.validTo;

/** Whether `userId` holds an active delegation of `scope` from `fromUserId`. */
export const holdsDelegation = (
  delegations: readonly Delegation[],
  input: { fromUserId: string; toUserId: string; scope: DelegationScope; today: string },
): boolean =>
  delegations.some(
    (delegation) =>
      delegation.fromUserId === input.fromUserId &&
      delegation.toUserId === input.toUserId &&
      delegation.scope === input.scope &&
      isDelegationActive(delegation, input.today),
  );

export type ChainProblem =
  | 'OUTGOING_CHAIN_EMPTY'
  | 'OUTGOING_CHAIN_STAGES'
  | 'OUTGOING_CHAIN_DUPLICATE'
  | 'OUTGOING_CHAIN_NO_APPROVE'
  | 'OUTGOING_CHAIN_SUBSTITUTE';

/** At most this many steps in one chain (a setting would change it; nobody asked for more). */
export const MAX_CHAIN_STEPS = 30;

/**
 * Checks a chain as the drafter sets it: stages numbered 1, 2, … without holes; a reviewer at most once
 * per stage; a substitute is someone else; at least one 'approve' step (the approval of the head who
 * answers for the content, Art. 11–12 — documenso #2526: approvals block signing).
 */
export const validateReviewChain = (
  steps: readonly Pick<ReviewStep, 'stage' | 'reviewerUserId' | 'substituteUserId' | 'kind'>[],
): ChainProblem | null => {
  if (steps.length === 0 || steps.length > MAX_CHAIN_STEPS) {
    return 'OUTGOING_CHAIN_EMPTY';
  }
  const stages = [...new Set(steps.map((step) => step.stage))].sort((a, b) => a - b);
  if (stages.some((stage, index) => stage !== index + 1)) {
    return 'OUTGOING_CHAIN_STAGES';
  }
  const seen = new Set<string>();
  for (const step of steps) {
    const key = `${step.stage}:${step.reviewerUserId}`;
    if (seen.has(key)) {
      return 'OUTGOING_CHAIN_DUPLICATE';
    }
    seen.add(key);
    if (step.substituteUserId !== null && step.substituteUserId === step.reviewerUserId) {
      return 'OUTGOING_CHAIN_SUBSTITUTE';
    }
  }
  if (!steps.some((step) => step.kind === 'approve')) {
    return 'OUTGOING_CHAIN_NO_APPROVE';
  }
  return null;
};

/** The stage now deciding: the lowest stage with a pending step (null when none is pending). */
export const currentReviewStage = (steps: readonly ReviewStep[]): number | null => {
  if (steps.some((step) => step.decision === 'returned')) {
    return null;
  }
  const pending = steps.filter((step) => step.decision === 'pending').map((step) => step.stage);
  return pending.length === 0 ? null : Math.min(...pending);
};

/** How a chain stands: still in review, approved by every step, or returned at some step. */
export const reviewChainOutcome = (steps: readonly ReviewStep[]): 'in_review' | 'approved' | 'returned' => {
  if (steps.some((step) => step.decision === 'returned')) {
    return 'returned';
  }
  if (steps.length > 0 && steps.every((step) => step.decision === 'approved')) {
    return 'approved';
  }
  return 'in_review';
};

/**
 * Whether `actorUserId` may decide the step of `reviewerUserId` at `stage` now: the step is pending in the
 * current stage, and the actor is the reviewer, the named substitute, or holds an active delegation of
 * scope 'approve' from the reviewer (Art. 13 ủy quyền).
 */
export const canDecideReviewStep = (
  steps: readonly ReviewStep[],
  input: {
    stage: number;
    reviewerUserId: string;
    actorUserId: string;
    delegations: readonly Delegation[];
    today: string;
  },
): boolean => {
  const step = steps.find((item) => item.stage === input.stage && item.reviewerUserId === input.reviewerUserId);
  if (step?.decision !== 'pending' || currentReviewStage(steps) !== step.stage) {
    return false;
  }
  return (
    input.actorUserId === step.reviewerUserId ||
    (step.substituteUserId !== null && input.actorUserId === step.substituteUserId) ||
    holdsDelegation(input.delegations, {
      fromUserId: step.reviewerUserId,
      toUserId: input.actorUserId,
      scope: 'approve',
      today: input.today,
    })
  );
};

/** The steps the actor may decide now (the reviewer's own, as substitute, or by delegation). */
export const decidableReviewSteps = (
  steps: readonly ReviewStep[],
  actorUserId: string,
  delegations: readonly Delegation[],
  today: string,
): ReviewStep[] =>
  steps.filter((step) =>
    canDecideReviewStep(steps, {
      stage: step.stage,
      reviewerUserId: step.reviewerUserId,
      actorUserId,
      delegations,
      today,
    }),
  );

/**
 * Applies one decision: the step takes it; a return ends the round (the other pending steps are skipped,
 * the document goes back to the drafter and a resubmission opens round + 1). The caller has checked
 * canDecideReviewStep.
 */
export const applyReviewDecision = (
  steps: readonly ReviewStep[],
  input: { stage: number; reviewerUserId: string; decision: 'approved' | 'returned' },
): { steps: ReviewStep[]; outcome: 'in_review' | 'approved' | 'returned' } => {
  const next = steps.map((step): ReviewStep => {
    if (step.stage === input.stage && step.reviewerUserId === input.reviewerUserId) {
      return { ...step, decision: input.decision };
    }
    if (input.decision === 'returned' && step.decision === 'pending') {
      return { ...step, decision: 'skipped' };
    }
    return step;
  });
  return { steps: next, outcome: reviewChainOutcome(next) };
};

// --- signing -----------------------------------------------------------------------------------------

/**
 * Who may sign (Art. 13): the signer named on the document, holding document.sign at the agency (checked
 * by the caller). "TUQ." is signing by authorisation: the named signer must hold a delegation of scope
 * 'sign' in force that day (from the head, Art. 13(1)(d)); the other modes need none.
 */
export const canSignOutgoing = (input: {
  signMode: SignMode;
  signerUserId: string | null;
  actorUserId: string;
  delegations: readonly Delegation[];
  today: string;
}): 'ok' | 'OUTGOING_NOT_SIGNER' | 'OUTGOING_DELEGATION_REQUIRED' => {
  if (input.signerUserId === null || input.signerUserId !== input.actorUserId) {
    return 'OUTGOING_NOT_SIGNER';
  }
  if (input.signMode === 'tuq') {
    const held = input.delegations.some(
      (delegation) =>
        delegation.toUserId === input.actorUserId &&
        delegation.scope === 'sign' &&
        isDelegationActive(delegation, input.today),
    );
    return held ? 'ok' : 'OUTGOING_DELEGATION_REQUIRED';
  }
  return 'ok';
};

/** Issue (Art. 18) needs both signatures: the competent person's and the organisation's. */
export const canIssueOutgoing = (input: { state: OutgoingState; signedAt: unknown; organisationSignedAt: unknown }) =>
  input.state === 'signed' && input.signedAt !== null && input.organisationSignedAt !== null;
