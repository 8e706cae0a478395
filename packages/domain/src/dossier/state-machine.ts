import type { OfficialRole } from '../access/permissions.js';
import type { CompletionClass } from '../calendar/duration.js';
import { toLocalDate, toLocalMinutes } from '../calendar/local-date.js';
import type { WorkingTimeCalendar } from '../calendar/working-time.js';
import { closePause, type DossierClock, openPause, readClock } from './clock.js';
import type { DossierStep } from './routing.js';
import { type DossierStatus, FINAL_STATUSES } from './status.js';
import { classifyCompletion } from './timeliness.js';

/**
 * The dossier state machine, as one table (one row per action): which statuses an action may be
 * taken from, by whom, what it leads to, the form it produces, what it does to the legal clock,
 * and its legal basis. `decideTransition` applies a row to a dossier; `listAvailableActions`
 * tells a user what they may do now. Pure: time, calendar and actor are passed in.
 *
 * Legal basis: Decree 118/2025/NĐ-CP on the one-stop mechanism (replacing Decree 61/2018/NĐ-CP and
 * 107/2021/NĐ-CP; article numbers cited from Decree 61 are recalled and carried over), Circular
 * 01/2018/TT-VPCP forms 01–06 as renumbered by Circular 03/2025/TT-VPCP, and the DVCQG status codes.
 */

export type DossierAction =
  | 'receive'
  | 'request_intake_supplement'
  | 'refuse'
  | 'applicant_supplement'
  | 'forward'
  | 'accept_handoff'
  | 'assign'
  | 'complete_step'
  | 'return_step'
  | 'request_supplement'
  | 'request_payment'
  | 'record_payment'
  | 'apologize'
  | 'complete'
  | 'stop'
  | 'withdraw'
  | 'return_result';

/** Who may take an action: an official with one of these roles at the relevant agency, the applicant, or the system. */
export type DossierActorKind = OfficialRole | 'applicant' | 'system';

/** Forms produced by transitions (Circular 01/2018 numbering → Circular 03/2025 numbering). */
export type DossierForm =
  | 'receipt' // Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả
  | 'supplement_request' // Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
  | 'refusal' // Mẫu 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ
  | 'apology' // Mẫu 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả (TT 03/2025: văn bản xin lỗi và đề nghị gia hạn)
  | 'stop_notice' // TT 03/2025 Mẫu 05 Thông báo dừng giải quyết hồ sơ
  | 'control_slip' // Mẫu 05 (TT 03/2025: 06) Phiếu kiểm soát quá trình giải quyết hồ sơ
  | 'payment_request'
  | 'withdrawal';

/** What a transition does to the legal clock. */
export type ClockEffect = 'none' | 'start' | 'pause' | 'resume' | 'reschedule' | 'stop';

/** Which agency's officials act: the receiving desk, or the step now holding the dossier. */
type ActingAgency = 'receiving' | 'holder';

/**
 * Where an action leads: a status, the status the dossier already has ('same'), or — for an action
 * that ends a supplement — the status that follows the phase the supplement was asked in.
 */
type TransitionTarget =
  | DossierStatus
  | 'same'
  | { readonly bySupplementPhase: Readonly<Record<SupplementPhase, DossierStatus>> };

type TransitionRow = {
  from: readonly DossierStatus[];
  /** The resulting status: the single truth `decideTransition` takes it from (see getResultingStatus). */
  to: TransitionTarget;
  actors: readonly DossierActorKind[];
  actingAgency: ActingAgency;
  form?: DossierForm;
  clock: ClockEffect;
  basis: string;
  label: { vi: string; en: string };
};

export const DOSSIER_TRANSITIONS = {
  receive: {
    from: ['new'],
    to: 'received',
    // 'system': an online dossier of a procedure the province accepts automatically (autoAccept).
    actors: ['receptionist', 'system'],
    actingAgency: 'receiving',
    form: 'receipt',
    clock: 'start',
    basis:
      'Decree 118/2025 (Decree 61/2018 Art. 19(2)(b)): a complete dossier is received and given Mẫu 01 with the appointment; receiving without an appointment slip is forbidden. Online dossiers of procedures marked for automatic acceptance are received by the system',
    label: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  },
  request_intake_supplement: {
    from: ['new'],
    to: 'supplement_requested',
    actors: ['receptionist'],
    actingAgency: 'receiving',
    form: 'supplement_request',
    clock: 'none',
    basis:
      'Decree 61/2018 Art. 19(2)(a): an incomplete dossier is not simply returned — the desk guides the applicant once, in writing, on Mẫu 02',
    label: { vi: 'Hướng dẫn bổ sung hồ sơ', en: 'Ask for a supplement' },
  },
  refuse: {
    from: ['new', 'supplement_requested'],
    to: 'refused',
    actors: ['receptionist'],
    actingAgency: 'receiving',
    form: 'refusal',
    clock: 'none',
    basis:
      'Decree 61/2018 Art. 19(2)(a): a dossier outside competence or not eligible is refused with reasons on Mẫu 03',
    label: { vi: 'Từ chối tiếp nhận', en: 'Refuse' },
  },
  applicant_supplement: {
    from: ['supplement_requested'],
    // Back to the desk when asked at intake, back to processing when asked during processing.
    to: { bySupplementPhase: { intake: 'new', processing: 'processing' } },
    actors: ['applicant', 'receptionist'],
    actingAgency: 'receiving',
    clock: 'resume',
    basis:
      'The supplemented dossier returns to the desk (intake) or to the specialist (processing); the clock resumes, or restarts when the procedure counts from the complete dossier',
    label: { vi: 'Tiếp nhận hồ sơ bổ sung', en: 'Record the supplement' },
  },
  forward: {
    from: ['received'],
    to: 'processing',
    actors: ['receptionist'],
    actingAgency: 'receiving',
    form: 'control_slip',
    clock: 'none',
    basis:
      'Decree 61/2018 Art. 19(3) (recalled): the desk transfers the dossier to the specialised unit the same working day, or the next one when received after 15:00; the hand-over is logged on the control slip',
    label: { vi: 'Chuyển xử lý', en: 'Forward for processing' },
  },
  accept_handoff: {
    from: ['processing'],
    to: 'same',
    actors: ['processor', 'approver', 'receptionist'],
    actingAgency: 'holder',
    clock: 'none',
    basis: 'Liên thông: each agency records the time it receives the dossier on the control slip (Mẫu 05/06)',
    label: { vi: 'Nhận hồ sơ liên thông', en: 'Accept hand-over' },
  },
  assign: {
    from: ['processing'],
    to: 'same',
    actors: ['processor', 'approver'],
    actingAgency: 'holder',
    clock: 'none',
    basis: 'Internal assignment within the holding agency',
    label: { vi: 'Phân công xử lý', en: 'Assign' },
  },
  complete_step: {
    from: ['processing'],
    to: 'same',
    actors: ['processor', 'approver'],
    actingAgency: 'holder',
    form: 'control_slip',
    clock: 'none',
    basis: 'Each step hands the dossier on within its allotted time; the give/receive times go on the control slip',
    label: { vi: 'Hoàn thành bước, chuyển tiếp', en: 'Complete step and pass on' },
  },
  return_step: {
    from: ['processing'],
    to: 'same',
    actors: ['approver'],
    actingAgency: 'holder',
    clock: 'none',
    basis: 'The approver sends the dossier back to the previous step for rework (the clock keeps running)',
    label: { vi: 'Trả lại bước trước', en: 'Send back' },
  },
  request_supplement: {
    from: ['processing'],
    to: 'supplement_requested',
    actors: ['processor', 'approver'],
    actingAgency: 'holder',
    form: 'supplement_request',
    clock: 'pause',
    basis:
      'Decree 61/2018 Art. 19(3)(a) (recalled): a dossier found insufficient during processing is returned through the desk with a written request, once; the time until the applicant supplements is not counted',
    label: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  },
  request_payment: {
    from: ['processing'],
    to: 'financial_obligation',
    actors: ['processor', 'approver'],
    actingAgency: 'holder',
    form: 'payment_request',
    clock: 'pause',
    basis:
      'Fees, charges or taxes due before the result (DVCQG status 6); the time the applicant takes to pay is not counted',
    label: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Request payment' },
  },
  record_payment: {
    from: ['financial_obligation'],
    to: 'processing',
    actors: ['receptionist', 'result_returner', 'system'],
    actingAgency: 'receiving',
    clock: 'resume',
    basis: 'Payment recorded (at the counter or by the national payment platform callback); processing resumes',
    label: { vi: 'Ghi nhận đã nộp phí, lệ phí', en: 'Record payment' },
  },
  apologize: {
    from: ['processing', 'supplement_requested', 'financial_obligation'],
    to: 'same',
    actors: ['approver'],
    actingAgency: 'holder',
    form: 'apology',
    clock: 'reschedule',
    basis:
      'Decree 61/2018 Art. 20(2)(c) (recalled; carried into Decree 118/2025): a dossier that will be late gets a written apology with a new appointment no later than one working day before the due date, once only',
    label: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apologise and reschedule' },
  },
  complete: {
    from: ['processing'],
    to: 'completed',
    actors: ['approver'],
    actingAgency: 'holder',
    clock: 'stop',
    basis:
      'The result is signed and sent to the desk for return (DVCQG status 9); completion is classified early / on time / late',
    label: { vi: 'Hoàn thành, chuyển trả kết quả', en: 'Complete' },
  },
  stop: {
    from: ['processing', 'supplement_requested', 'financial_obligation'],
    to: 'stopped',
    actors: ['approver'],
    actingAgency: 'holder',
    form: 'stop_notice',
    clock: 'stop',
    basis:
      'Circular 03/2025/TT-VPCP Mẫu 05 Thông báo dừng giải quyết hồ sơ (e.g. the supplement period expired, or the law bars handling)',
    label: { vi: 'Dừng giải quyết hồ sơ', en: 'Stop' },
  },
  withdraw: {
    from: ['new', 'received', 'processing', 'supplement_requested', 'financial_obligation'],
    to: 'withdrawn',
    actors: ['applicant', 'receptionist'],
    actingAgency: 'receiving',
    form: 'withdrawal',
    clock: 'stop',
    basis: 'The applicant withdraws the dossier in writing or online (DVCQG status 7)',
    label: { vi: 'Rút hồ sơ theo yêu cầu', en: 'Withdraw' },
  },
  return_result: {
    from: ['completed'],
    to: 'returned',
    actors: ['result_returner', 'receptionist'],
    actingAgency: 'receiving',
    // The control slip, its return block filled (and, for a dossier in a SIPAS sample, the survey's QR code).
    form: 'control_slip',
    clock: 'none',
    basis: 'The desk returns the result at the counter, by post or electronically and records when (DVCQG status 10)',
    label: { vi: 'Trả kết quả', en: 'Return the result' },
  },
} as const satisfies Record<DossierAction, TransitionRow>;

export const DOSSIER_ACTIONS = Object.keys(DOSSIER_TRANSITIONS) as DossierAction[];

/** Whether a supplement was asked for at intake (before receipt) or during processing. */
export type SupplementPhase = 'intake' | 'processing';

/** The state of a dossier as the engine sees it. */
export type DossierState = {
  status: DossierStatus;
  /** Set while supplement_requested: whether the dossier waits at intake or during processing. */
  supplementPhase: SupplementPhase | null;
  intakeSupplementCount: number;
  processingSupplementCount: number;
  apologyCount: number;
  receivingAgencyId: string;
  steps: DossierStep[];
  /** Index of the active step, or null when no step is active (before receipt, after the end). */
  currentStep: number | null;
  clock: DossierClock;
  clockOnSupplement: 'pause' | 'restart';
  completedAt?: number;
  completionClass?: CompletionClass;
  outcome?: 'approved' | 'rejected';
  returnedAt?: number;
};

/** The acting party: an official and the roles they hold at the agency that matters for the action. */
export type DossierActor =
  | { kind: 'official'; userId: string; rolesAt: (agencyId: string) => readonly OfficialRole[] }
  | { kind: 'applicant' }
  | { kind: 'system' };

export type ActionParams = {
  receive: Record<string, never>;
  request_intake_supplement: { missing: string[]; reason: string };
  refuse: { reason: string };
  applicant_supplement: { note?: string };
  forward: { assigneeUserId?: string };
  accept_handoff: Record<string, never>;
  assign: { assigneeUserId: string };
  complete_step: { note?: string; assigneeUserId?: string };
  return_step: { reason: string };
  request_supplement: { missing: string[]; reason: string };
  request_payment: { reason: string; amountVnd: number };
  record_payment: { amountVnd: number; receiptNo?: string };
  apologize: { newDueAt: number; reason: string };
  complete: { outcome: 'approved' | 'rejected'; note?: string };
  stop: { reason: string };
  withdraw: { reason: string };
  return_result: { channel: 'counter' | 'post' | 'online' };
};

/** Why a transition is refused. Stable codes: the API answers them as problem codes. */
export type TransitionViolation =
  | { code: 'DOSSIER_FINAL'; status: DossierStatus }
  | { code: 'ACTION_NOT_ALLOWED_IN_STATUS'; status: DossierStatus }
  | { code: 'ROLE_NOT_ALLOWED'; allowed: readonly DossierActorKind[] }
  | { code: 'SUPPLEMENT_ALREADY_REQUESTED' }
  | { code: 'APOLOGY_ALREADY_GIVEN' }
  | { code: 'APOLOGY_TOO_LATE'; dueAt: number }
  | { code: 'APOLOGY_DATE_NOT_LATER'; dueAt: number }
  | { code: 'HANDOFF_NOT_PENDING' }
  | { code: 'HANDOFF_NOT_ACCEPTED' }
  | { code: 'NO_NEXT_STEP' }
  | { code: 'NOT_LAST_PROCESSING_STEP' }
  | { code: 'NO_PREVIOUS_STEP' }
  | { code: 'STEP_ROLE_MISMATCH'; stepRole: string }
  | { code: 'CLOCK_NOT_STARTED' }
  | { code: 'RESULT_FILE_REQUIRED' };

export type TransitionResult =
  | {
      ok: true;
      state: DossierState;
      fromStatus: DossierStatus;
      toStatus: DossierStatus;
      form?: DossierForm;
      clock: ClockEffect;
      /** The appointment before and after (epoch ms), for the event and for notifications. */
      dueBefore: number | null;
      dueAfter: number | null;
      /** The acting role that satisfied the table (or 'applicant' / 'system'). */
      actedAs: DossierActorKind;
    }
  | { ok: false; violation: TransitionViolation };

const fail = (violation: TransitionViolation): TransitionResult => ({ ok: false, violation });

/** The roles a step's role can be taken by (an approver may also do a specialist's step). */
const STEP_ROLE_ACTORS: Record<DossierStep['role'], readonly OfficialRole[]> = {
  receptionist: ['receptionist'],
  processor: ['processor', 'approver'],
  approver: ['approver'],
  result_returner: ['result_returner', 'receptionist'],
};

const currentStepOf = (state: DossierState): DossierStep | undefined =>
  state.currentStep === null ? undefined : state.steps[state.currentStep];

/** The agency whose officials take an action now. */
export const getActingAgencyId = (state: DossierState, action: DossierAction): string =>
  DOSSIER_TRANSITIONS[action].actingAgency === 'holder'
    ? (currentStepOf(state)?.agencyId ?? state.receivingAgencyId)
    : state.receivingAgencyId;

/** The agency holding the dossier now (the active step's, else the receiving desk). */
export const getHolderAgencyId = (state: DossierState): string =>
  currentStepOf(state)?.agencyId ?? state.receivingAgencyId;

/**
 * The status an action leads to from this state, read from the table's `to` column — the only
 * place that says it. (A supplement_requested dossier without a phase is treated as intake.)
 */
export const getResultingStatus = (state: DossierState, action: DossierAction): DossierStatus => {
  const to: TransitionTarget = DOSSIER_TRANSITIONS[action].to;
  if (to === 'same') {
    return state.status;
  }
  return typeof to === 'string' ? to : to.bySupplementPhase[state.supplementPhase ?? 'intake'];
};

const findActingRole = (
  state: DossierState,
  action: DossierAction,
  actor: DossierActor,
): DossierActorKind | undefined => {
  const allowed = DOSSIER_TRANSITIONS[action].actors as readonly DossierActorKind[];
  if (actor.kind !== 'official') {
    return allowed.includes(actor.kind) ? actor.kind : undefined;
  }
  const roles = actor.rolesAt(getActingAgencyId(state, action));
  return roles.find((role) => allowed.includes(role));
};

/** The index of the step that returns the result (the last one), and of the last processing step before it. */
const lastProcessingIndex = (state: DossierState): number => {
  const last = state.steps.length - 1;
  return state.steps[last]?.role === 'result_returner' ? last - 1 : last;
};

/** Who hands over and who takes the dossier when a step becomes active (the control slip's names). */
type Handover = { givenByUserId?: string; receivedByUserId?: string };

const activateStep = (
  steps: DossierStep[],
  index: number,
  at: number,
  calendar: WorkingTimeCalendar,
  sameAgency: boolean,
  assigneeUserId?: string,
  handover: Handover = {},
): DossierStep[] =>
  steps.map((step, i) => {
    if (i !== index) {
      return step;
    }
    const {
      givenByUserId: _given,
      receivedByUserId: _received,
      completedByUserId: _completed,
      completedAt: _completedAt,
      ...rest
    } = step;
    // Within one agency the dossier is taken when it is given: by the assignee when one is named.
    const receivedByUserId = handover.receivedByUserId ?? (sameAgency ? (assigneeUserId ?? undefined) : undefined);
    return {
      ...rest,
      status: 'active',
      givenAt: at,
      ...(sameAgency ? { receivedAt: at } : {}),
      dueAt: calendar.addWorkingMinutes(at, step.allotmentMinutes),
      ...(assigneeUserId ? { assigneeUserId } : {}),
      ...(handover.givenByUserId ? { givenByUserId: handover.givenByUserId } : {}),
      ...(receivedByUserId ? { receivedByUserId } : {}),
    };
  });

const completeStepAt = (steps: DossierStep[], index: number, at: number, by?: string): DossierStep[] =>
  steps.map((step, i) =>
    i === index ? { ...step, status: 'done', completedAt: at, ...(by ? { completedByUserId: by } : {}) } : step,
  );

/** Pushes the active step's own due instant by the working time a pause took. */
const extendActiveStep = (state: DossierState, calendar: WorkingTimeCalendar, pausedMinutes: number): DossierStep[] =>
  state.steps.map((step, i) =>
    i === state.currentStep && step.dueAt !== undefined && pausedMinutes > 0
      ? { ...step, dueAt: calendar.addWorkingMinutes(step.dueAt, pausedMinutes) }
      : step,
  );

export type DecideInput<A extends DossierAction> = {
  state: DossierState;
  action: A;
  actor: DossierActor;
  params: ActionParams[A];
  now: number;
  /** The working-time calendar of the receiving agency (the dossier's legal clock). */
  calendar: WorkingTimeCalendar;
  /** Facts kept outside the state that an action's rules read: the result files attached to the dossier. */
  facts?: { resultFiles: number } | undefined;
};

/** Checks everything that does not depend on parameters: status, final, role, step. */
export const checkTransition = (
  state: DossierState,
  action: DossierAction,
  actor: DossierActor,
): { ok: true; actedAs: DossierActorKind } | { ok: false; violation: TransitionViolation } => {
  const row = DOSSIER_TRANSITIONS[action];
  if (FINAL_STATUSES.has(state.status)) {
    return { ok: false, violation: { code: 'DOSSIER_FINAL', status: state.status } };
  }
  if (!(row.from as readonly DossierStatus[]).includes(state.status)) {
    return { ok: false, violation: { code: 'ACTION_NOT_ALLOWED_IN_STATUS', status: state.status } };
  }
  const actedAs = findActingRole(state, action, actor);
  if (!actedAs) {
    return { ok: false, violation: { code: 'ROLE_NOT_ALLOWED', allowed: row.actors } };
  }
  const step = currentStepOf(state);
  if ((action === 'complete_step' || action === 'complete') && step && actor.kind === 'official') {
    const roles = actor.rolesAt(step.agencyId);
    if (!STEP_ROLE_ACTORS[step.role].some((role) => roles.includes(role))) {
      return { ok: false, violation: { code: 'STEP_ROLE_MISMATCH', stepRole: step.role } };
    }
  }
  // Across agencies the holder must first record that it received the dossier (liên thông):
  // until then only accepting the hand-over is possible there.
  if (row.actingAgency === 'holder' && action !== 'accept_handoff' && step && step.receivedAt === undefined) {
    return { ok: false, violation: { code: 'HANDOFF_NOT_ACCEPTED' } };
  }
  if (action === 'accept_handoff' && (!step || step.receivedAt !== undefined)) {
    return { ok: false, violation: { code: 'HANDOFF_NOT_PENDING' } };
  }
  if (action === 'request_intake_supplement' && state.intakeSupplementCount > 0) {
    return { ok: false, violation: { code: 'SUPPLEMENT_ALREADY_REQUESTED' } };
  }
  if (action === 'request_supplement' && state.processingSupplementCount > 0) {
    return { ok: false, violation: { code: 'SUPPLEMENT_ALREADY_REQUESTED' } };
  }
  if (action === 'apologize' && state.apologyCount > 0) {
    return { ok: false, violation: { code: 'APOLOGY_ALREADY_GIVEN' } };
  }
  if (action === 'complete_step') {
    const next = (state.currentStep ?? -1) + 1;
    if (next > lastProcessingIndex(state)) {
      return { ok: false, violation: { code: 'NO_NEXT_STEP' } };
    }
  }
  if (action === 'complete' && state.currentStep !== lastProcessingIndex(state)) {
    return { ok: false, violation: { code: 'NOT_LAST_PROCESSING_STEP' } };
  }
  if (action === 'return_step' && (state.currentStep ?? 0) <= 1) {
    return { ok: false, violation: { code: 'NO_PREVIOUS_STEP' } };
  }
  return { ok: true, actedAs };
};

/**
 * Applies an action to a dossier. Returns the new state (status, steps, clock, counters) or the
 * rule it breaks. The resulting status is the table's `to` (getResultingStatus); the `switch` below
 * only applies the action's effects on steps, clock and counters. The caller persists state +
 * event + outbox job in one transaction.
 */
export const decideTransition = <A extends DossierAction>(input: DecideInput<A>): TransitionResult => {
  const { state, action, actor, now, calendar } = input;
  const check = checkTransition(state, action, actor);
  if (!check.ok) {
    return check;
  }
  const row: TransitionRow = DOSSIER_TRANSITIONS[action];
  const before = readClock(calendar, state.clock);
  let next: DossierState = { ...state };
  const toStatus = getResultingStatus(state, action);
  const params = input.params as ActionParams[DossierAction];
  // The official acting now: the giver of a hand-over, the taker of one, the performer of a step.
  const by = actor.kind === 'official' ? actor.userId : undefined;
  const giver: Handover = by ? { givenByUserId: by } : {};

  switch (action) {
    case 'receive': {
      // The desk's officer takes the dossier from the applicant: nobody official gives it.
      const steps = activateStep(state.steps, 0, now, calendar, true, undefined, by ? { receivedByUserId: by } : {});
      // The desk's own step: transfer the same working day, or the next when received after 15:00.
      const deskDue = computeSameDayDue(calendar, now, 15 * 60);
      next = {
        ...state,
        steps: steps.map((s, i) => (i === 0 ? { ...s, dueAt: deskDue } : s)),
        currentStep: 0,
        clock: { ...state.clock, startedAt: now },
      };
      break;
    }
    case 'request_intake_supplement': {
      next = { ...state, supplementPhase: 'intake', intakeSupplementCount: state.intakeSupplementCount + 1 };
      break;
    }
    case 'refuse': {
      next = { ...state, supplementPhase: null, currentStep: null };
      break;
    }
    case 'applicant_supplement': {
      if (state.supplementPhase === 'processing') {
        const openPauseStart = state.clock.pauses.find((p) => p.end === undefined)?.start ?? now;
        const pausedMinutes = calendar.getWorkingMinutesBetween(openPauseStart, now);
        next = {
          ...state,
          supplementPhase: null,
          clock: closePause(state.clock, now, state.clockOnSupplement === 'restart'),
          steps: extendActiveStep(state, calendar, pausedMinutes),
        };
      } else {
        next = { ...state, supplementPhase: null };
      }
      break;
    }
    case 'forward': {
      const p = params as ActionParams['forward'];
      const done = completeStepAt(state.steps, 0, now, by);
      const sameAgency = state.steps[1]?.agencyId === state.steps[0]?.agencyId;
      next = {
        ...state,
        steps: activateStep(done, 1, now, calendar, sameAgency, p.assigneeUserId, giver),
        currentStep: 1,
      };
      break;
    }
    case 'accept_handoff': {
      next = {
        ...state,
        steps: state.steps.map((s, i) =>
          i === state.currentStep ? { ...s, receivedAt: now, ...(by ? { receivedByUserId: by } : {}) } : s,
        ),
      };
      break;
    }
    case 'assign': {
      const p = params as ActionParams['assign'];
      next = {
        ...state,
        // The assignee becomes the step's taker unless someone already recorded taking it.
        steps: state.steps.map((s, i) =>
          i === state.currentStep
            ? { ...s, assigneeUserId: p.assigneeUserId, receivedByUserId: s.receivedByUserId ?? p.assigneeUserId }
            : s,
        ),
      };
      break;
    }
    case 'complete_step': {
      const p = params as ActionParams['complete_step'];
      const index = state.currentStep ?? 0;
      const done = completeStepAt(state.steps, index, now, by);
      const sameAgency = state.steps[index + 1]?.agencyId === state.steps[index]?.agencyId;
      next = {
        ...state,
        steps: activateStep(done, index + 1, now, calendar, sameAgency, p.assigneeUserId, giver),
        currentStep: index + 1,
      };
      break;
    }
    case 'return_step': {
      const index = state.currentStep ?? 0;
      const reset = state.steps.map((s, i) => (i === index ? { ...s, status: 'pending' as const } : s));
      const sameAgency = state.steps[index - 1]?.agencyId === state.steps[index]?.agencyId;
      next = {
        ...state,
        steps: activateStep(reset, index - 1, now, calendar, sameAgency, undefined, giver),
        currentStep: index - 1,
      };
      break;
    }
    case 'request_supplement': {
      next = {
        ...state,
        supplementPhase: 'processing',
        processingSupplementCount: state.processingSupplementCount + 1,
        clock: openPause(state.clock, now, 'supplement'),
      };
      break;
    }
    case 'request_payment': {
      next = { ...state, clock: openPause(state.clock, now, 'payment') };
      break;
    }
    case 'record_payment': {
      const openPauseStart = state.clock.pauses.find((p) => p.end === undefined)?.start ?? now;
      next = {
        ...state,
        clock: closePause(state.clock, now, false),
        steps: extendActiveStep(state, calendar, calendar.getWorkingMinutesBetween(openPauseStart, now)),
      };
      break;
    }
    case 'apologize': {
      const p = params as ActionParams['apologize'];
      const due = before.dueAt;
      if (due === null) {
        return fail({ code: 'CLOCK_NOT_STARTED' });
      }
      // At least one working day before the due instant (Decree 61/2018 Art. 20, recalled).
      if (calendar.getWorkingMinutesBetween(now, due) < calendar.minutesPerWorkingDay) {
        return fail({ code: 'APOLOGY_TOO_LATE', dueAt: due });
      }
      if (p.newDueAt <= due) {
        return fail({ code: 'APOLOGY_DATE_NOT_LATER', dueAt: due });
      }
      next = {
        ...state,
        apologyCount: state.apologyCount + 1,
        clock: { ...state.clock, rescheduledDueAt: p.newDueAt, rescheduledAt: now },
      };
      break;
    }
    case 'complete': {
      const p = params as ActionParams['complete'];
      const index = state.currentStep ?? 0;
      const done = completeStepAt(state.steps, index, now, by);
      const returner = index + 1 < state.steps.length ? index + 1 : undefined;
      const steps =
        returner === undefined
          ? done
          : activateStep(
              done,
              returner,
              now,
              calendar,
              state.steps[returner]?.agencyId === state.steps[index]?.agencyId,
              undefined,
              giver,
            );
      const legalDue = before.legalDueAt;
      next = {
        ...state,
        steps,
        currentStep: returner ?? null,
        completedAt: now,
        outcome: p.outcome,
        ...(legalDue !== null ? { completionClass: classifyCompletion(now, legalDue) } : {}),
      };
      break;
    }
    case 'stop':
    case 'withdraw': {
      next = {
        ...state,
        supplementPhase: null,
        currentStep: null,
        clock: state.clock.pauses.some((p) => p.end === undefined) ? closePause(state.clock, now, false) : state.clock,
      };
      break;
    }
    case 'return_result': {
      // An electronic result ("kết quả điện tử", Decision 766/QĐ-TTg; Decree 45/2020/NĐ-CP Art. 20) is a
      // file the applicant downloads: returning online with no result file attached returns nothing.
      const p = params as ActionParams['return_result'];
      if (p.channel === 'online' && (input.facts?.resultFiles ?? 0) === 0) {
        return fail({ code: 'RESULT_FILE_REQUIRED' });
      }
      const index = state.currentStep;
      next = {
        ...state,
        steps: index === null ? state.steps : completeStepAt(state.steps, index, now, by),
        currentStep: null,
        returnedAt: now,
      };
      break;
    }
  }
  next = { ...next, status: toStatus };
  const after = readClock(calendar, next.clock);
  return {
    ok: true,
    state: next,
    fromStatus: state.status,
    toStatus,
    ...(row.form ? { form: row.form } : {}),
    clock: row.clock,
    dueBefore: before.dueAt,
    dueAfter: after.dueAt,
    actedAs: check.actedAs,
  };
};

/** Close of the receipt day when before the cut-off, else close of the next working day. */
const computeSameDayDue = (calendar: WorkingTimeCalendar, at: number, cutoffMinutes: number): number => {
  const date = toLocalDate(at);
  if (calendar.isWorkingDay(date) && toLocalMinutes(at) < cutoffMinutes) {
    return calendar.getEndOfWorkingDay(date);
  }
  return calendar.getEndOfWorkingDay(calendar.findNextWorkingDay(date) ?? date);
};

/** The actions an actor may take now, with the reason for each one they may not. */
export const listAvailableActions = (
  state: DossierState,
  actor: DossierActor,
): { action: DossierAction; label: { vi: string; en: string }; form?: DossierForm }[] =>
  DOSSIER_ACTIONS.filter((action) => checkTransition(state, action, actor).ok).map((action) => {
    const row: TransitionRow = DOSSIER_TRANSITIONS[action];
    return { action, label: row.label, ...(row.form ? { form: row.form } : {}) };
  });
