import { fromDayNumber, getLocalDayNumber, type LocalDate, toDayNumber } from '../calendar/local-date.js';
import type { WorkingTimeCalendar } from '../calendar/working-time.js';
import { canReportDeliveryStatus } from './delivery-status.js';
import {
  type Confidentiality,
  type DeliveryStatus,
  type IncomingState,
  isConfidential,
  isUrgent,
  MIN_SCAN_DPI,
  type Urgency,
} from './vocabulary.js';

/**
 * The handling of an incoming document (văn bản đến), Decree 30/2020/NĐ-CP Art. 20–24:
 * - Art. 20–21: the clerk (văn thư) receives every document addressed to the agency; a document sent by
 *   mistake, or whose electronic copy does not verify, is returned to the sender (Art. 21(2)(b) [RECALL]);
 * - Art. 22: the clerk registers it in the incoming register (one sequence per year, Art. 22(2)) — what the
 *   clerk has not registered need not be handled (Art. 22(1) [RECALL]);
 * - Art. 23: the clerk presents it to the head (người có thẩm quyền) the same day or at the latest the next
 *   working day; documents marked "Hỏa tốc", "Thượng khẩn", "Khẩn" are registered and presented at once
 *   (Art. 4(1)(c), Art. 23 [RECALL]);
 * - Art. 23–24: the head directs it — the instruction (ý kiến chỉ đạo), the unit in charge (đơn vị chủ trì),
 *   the co-operating units (đơn vị phối hợp) and the deadline; the units handle it and report it done.
 * One table of steps, who may take each, and the timing rules on the working-time calendar.
 */

/** The steps after registration (registration itself creates the document in 'registered'). */
export const INCOMING_ACTIONS = ['present', 'direct', 'assign', 'start', 'finish', 'return'] as const;
export type IncomingAction = (typeof INCOMING_ACTIONS)[number];

/**
 * Who may take a step: the clerk, the head who directs, the head of an assigned unit (names the official of
 * the unit who handles it), or an official of an assigned unit.
 */
export type IncomingActorKind = 'clerk' | 'director' | 'unit_head' | 'handler';

type IncomingTransition = {
  from: readonly IncomingState[];
  /** The resulting state; 'finish' by a co-operating unit leaves the document's state as it is (see decide). */
  to: IncomingState;
  by: IncomingActorKind;
  label: { vi: string; en: string };
  source: string;
};

export const INCOMING_TRANSITIONS: Readonly<Record<IncomingAction, IncomingTransition>> = {
  present: {
    from: ['registered'],
    to: 'presented',
    by: 'clerk',
    label: { vi: 'Trình lãnh đạo', en: 'Present to the head' },
    source: 'Art. 23(1)',
  },
  direct: {
    // A directed document may be directed again (another unit, another deadline) until it is being handled.
    from: ['presented', 'directed'],
    to: 'directed',
    by: 'director',
    label: { vi: 'Cho ý kiến chỉ đạo, phân công xử lý', en: 'Direct and assign' },
    source: 'Art. 23(2), 24',
  },
  assign: {
    // The unit's head names the official who handles the unit's part (the state does not change).
    from: ['directed', 'in_progress'],
    to: 'directed',
    by: 'unit_head',
    label: { vi: 'Giao chuyên viên xử lý', en: 'Assign an official' },
    source: 'Art. 24 [RECALL]',
  },
  start: {
    from: ['directed', 'in_progress'],
    to: 'in_progress',
    by: 'handler',
    label: { vi: 'Bắt đầu xử lý', en: 'Start handling' },
    source: 'Art. 24',
  },
  finish: {
    from: ['directed', 'in_progress'],
    to: 'done',
    by: 'handler',
    label: { vi: 'Hoàn thành xử lý', en: 'Report done' },
    source: 'Art. 24',
  },
  return: {
    from: ['registered', 'presented'],
    to: 'returned',
    by: 'clerk',
    label: { vi: 'Trả lại văn bản (gửi nhầm, sai sót)', en: 'Return (sent by mistake, defective)' },
    source: 'Art. 21(2)(b) [RECALL]',
  },
};

export const INCOMING_STATE_LABELS: Record<IncomingState, { vi: string; en: string }> = {
  registered: { vi: 'Đã vào sổ, chờ trình', en: 'Registered, to be presented' },
  presented: { vi: 'Đã trình, chờ chỉ đạo', en: 'Presented, awaiting direction' },
  directed: { vi: 'Đã phân công xử lý', en: 'Assigned' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  done: { vi: 'Đã xử lý xong', en: 'Done' },
  returned: { vi: 'Đã trả lại', en: 'Returned' },
};

/** One unit assigned to handle the document (incoming_assignment). */
export type IncomingAssignmentFacts = {
  unitId: string;
  role: 'lead' | 'cooperate';
  assigneeUserId: string | null;
  status: 'assigned' | 'in_progress' | 'done';
};

/** What the rules read of the document. */
export type IncomingFacts = {
  state: IncomingState;
  confidentiality: Confidentiality;
  registeredBy: string | null;
  presentedTo: string | null;
  directedBy: string | null;
  assignments: readonly IncomingAssignmentFacts[];
};

/**
 * What the rules read of the official, computed by the server from their role grants at the document's
 * agency and at the assigned units:
 * - registers: document.register at the document's agency (the clerk);
 * - directs: document.direct at the document's agency (the agency head; a unit head granted there);
 * - actsFor: the officials who delegated 'direct' to this one, in force today (Art. 13 ủy quyền);
 * - handlesUnitIds: units where the official holds document.handle (specialist, unit head);
 * - headsUnitIds: units where the official holds document.direct (the unit head);
 * - readsAgency: document.read over the document's agency.
 */
export type IncomingActorFacts = {
  userId: string;
  registers: boolean;
  directs: boolean;
  actsFor: readonly string[];
  handlesUnitIds: readonly string[];
  headsUnitIds: readonly string[];
  readsAgency: boolean;
};

/** A unit named in a direction. */
export type IncomingUnitInput = {
  unitId: string;
  role: 'lead' | 'cooperate';
  assigneeUserId?: string | null | undefined;
};

export type IncomingActionInput = {
  action: IncomingAction;
  /** present: the head it is presented to. */
  presentTo?: string | undefined;
  /** direct: the instruction; return: the reason. */
  note?: string | undefined;
  /** direct: exactly one lead unit and any number of co-operating units, each once. */
  units?: readonly IncomingUnitInput[] | undefined;
  /** direct: the handling deadline the head gives (else the province's default, computeHandlingDueOn). */
  dueOn?: LocalDate | undefined;
  /** assign: the official of the unit who handles it. */
  assigneeUserId?: string | undefined;
  /** direct: the day the direction is given (the due date may not be before it). */
  today?: LocalDate | undefined;
};

export type IncomingRefusal =
  | 'INCOMING_ACTION_NOT_ALLOWED_IN_STATE'
  | 'INCOMING_NOT_PERMITTED'
  | 'INCOMING_NOTE_REQUIRED'
  | 'INCOMING_PRESENT_TO_REQUIRED'
  | 'INCOMING_UNITS_INVALID'
  | 'INCOMING_DUE_DATE_INVALID'
  | 'INCOMING_ASSIGNEE_REQUIRED';

export type IncomingDecision =
  | {
      ok: true;
      to: IncomingState;
      /** The unit whose assignment moves (start, finish), null for the document-wide steps. */
      unitId: string | null;
      /** The assignment's new status (start → in_progress, finish → done). */
      assignmentStatus: 'in_progress' | 'done' | null;
    }
  | { ok: false; refusal: IncomingRefusal };

/** Whether the official may direct: the head, or someone the head it was presented to delegated 'direct' to. */
export const mayDirectIncoming = (facts: Pick<IncomingFacts, 'presentedTo'>, actor: IncomingActorFacts): boolean =>
  actor.directs || (facts.presentedTo !== null && actor.actsFor.includes(facts.presentedTo));

/** The assigned unit the official handles the document for (the lead first), or null. */
export const findHandledUnit = (
  facts: Pick<IncomingFacts, 'assignments'>,
  actor: IncomingActorFacts,
): IncomingAssignmentFacts | null => {
  const mine = facts.assignments.filter(
    (assignment) =>
      actor.handlesUnitIds.includes(assignment.unitId) &&
      (assignment.assigneeUserId === null ||
        assignment.assigneeUserId === actor.userId ||
        actor.headsUnitIds.includes(assignment.unitId)),
  );
  return mine.find((assignment) => assignment.role === 'lead') ?? mine[0] ?? null;
};

/** The assigned unit (not done) whose head the official is, or null. */
export const findHeadedUnit = (
  facts: Pick<IncomingFacts, 'assignments'>,
  actor: IncomingActorFacts,
): IncomingAssignmentFacts | null =>
  facts.assignments.find(
    (assignment) => actor.headsUnitIds.includes(assignment.unitId) && assignment.status !== 'done',
  ) ?? null;

/** Checks a direction's units: exactly one lead, each unit once. */
export const checkDirectionUnits = (units: readonly IncomingUnitInput[] | undefined): boolean => {
  if (!units || units.length === 0) {
    return false;
  }
  const ids = new Set(units.map((unit) => unit.unitId));
  return ids.size === units.length && units.filter((unit) => unit.role === 'lead').length === 1;
};

/**
 * Decides a step on an incoming document. Pure: the use-case computes the facts, checks the version and
 * writes the result. The state check comes first (409), then who may act (403), then what the step needs (422).
 */
export const decideIncomingAction = (
  facts: IncomingFacts,
  actor: IncomingActorFacts,
  input: IncomingActionInput,
): IncomingDecision => {
  const transition = INCOMING_TRANSITIONS[input.action];
  if (!transition.from.includes(facts.state)) {
    return { ok: false, refusal: 'INCOMING_ACTION_NOT_ALLOWED_IN_STATE' };
  }
  let unit: IncomingAssignmentFacts | null = null;
  switch (transition.by) {
    case 'clerk':
      if (!actor.registers) {
        return { ok: false, refusal: 'INCOMING_NOT_PERMITTED' };
      }
      break;
    case 'director':
      if (!mayDirectIncoming(facts, actor)) {
        return { ok: false, refusal: 'INCOMING_NOT_PERMITTED' };
      }
      break;
    case 'unit_head':
      unit = findHeadedUnit(facts, actor);
      if (!unit) {
        return { ok: false, refusal: 'INCOMING_NOT_PERMITTED' };
      }
      break;
    case 'handler':
      unit = findHandledUnit(facts, actor);
      if (!unit || unit.status === 'done') {
        return { ok: false, refusal: 'INCOMING_NOT_PERMITTED' };
      }
      break;
  }
  switch (input.action) {
    case 'present':
      if (!input.presentTo) {
        return { ok: false, refusal: 'INCOMING_PRESENT_TO_REQUIRED' };
      }
      break;
    case 'return':
      if (!input.note?.trim()) {
        return { ok: false, refusal: 'INCOMING_NOTE_REQUIRED' };
      }
      break;
    case 'direct':
      if (!input.note?.trim()) {
        return { ok: false, refusal: 'INCOMING_NOTE_REQUIRED' };
      }
      if (!checkDirectionUnits(input.units)) {
        return { ok: false, refusal: 'INCOMING_UNITS_INVALID' };
      }
      if (input.dueOn !== undefined && input.today !== undefined && input.dueOn < input.today) {
        return { ok: false, refusal: 'INCOMING_DUE_DATE_INVALID' };
      }
      break;
    case 'assign':
      if (!input.assigneeUserId) {
        return { ok: false, refusal: 'INCOMING_ASSIGNEE_REQUIRED' };
      }
      break;
    default:
      break;
  }
  if (input.action === 'assign' && unit) {
    return { ok: true, to: facts.state, unitId: unit.unitId, assignmentStatus: null };
  }
  if (input.action === 'start' && unit) {
    return { ok: true, to: 'in_progress', unitId: unit.unitId, assignmentStatus: 'in_progress' };
  }
  if (input.action === 'finish' && unit) {
    // The lead unit's report closes the document; a co-operating unit's closes its own part only.
    const to: IncomingState = unit.role === 'lead' ? 'done' : facts.state;
    return { ok: true, to, unitId: unit.unitId, assignmentStatus: 'done' };
  }
  return { ok: true, to: transition.to, unitId: null, assignmentStatus: null };
};

/** The steps the official may take now (the page's buttons). */
export const listIncomingActions = (facts: IncomingFacts, actor: IncomingActorFacts): IncomingAction[] =>
  INCOMING_ACTIONS.filter((action) => {
    const transition = INCOMING_TRANSITIONS[action];
    if (!transition.from.includes(facts.state)) {
      return false;
    }
    if (transition.by === 'clerk') {
      return actor.registers;
    }
    if (transition.by === 'director') {
      return mayDirectIncoming(facts, actor);
    }
    if (transition.by === 'unit_head') {
      return findHeadedUnit(facts, actor) !== null;
    }
    const unit = findHandledUnit(facts, actor);
    if (!unit || unit.status === 'done') {
      return false;
    }
    return action === 'finish' || unit.status === 'assigned';
  });

/**
 * Who may read an incoming document. A document that is not confidential: whoever reads documents over
 * its agency, and the officials of the units assigned to it. A confidential one (mật, tối mật, tuyệt mật;
 * Law on Protection of State Secrets 2018 Art. 11 [RECALL]: known only to those who need it for their
 * task): only the clerk who registered it, the head it was presented to and the head who directed it (or
 * whoever acts for them by a 'direct' delegation), and the units it is assigned to — the named official
 * of an assignment, or when none is named the unit's head; every read is logged (document_read).
 */
export const mayReadIncoming = (facts: IncomingFacts, reader: IncomingActorFacts): boolean => {
  const people = [facts.registeredBy, facts.presentedTo, facts.directedBy].filter((id): id is string => id !== null);
  const concerned =
    people.some((id) => id === reader.userId || reader.actsFor.includes(id)) ||
    facts.assignments.some(
      (assignment) =>
        assignment.assigneeUserId === reader.userId ||
        (reader.headsUnitIds.includes(assignment.unitId) &&
          (assignment.assigneeUserId === null || reader.handlesUnitIds.includes(assignment.unitId))),
    );
  if (isConfidential(facts.confidentiality)) {
    return concerned;
  }
  return (
    concerned ||
    reader.readsAgency ||
    facts.assignments.some(
      (assignment) =>
        reader.handlesUnitIds.includes(assignment.unitId) || reader.headsUnitIds.includes(assignment.unitId),
    )
  );
};

/**
 * The status reported back to the sender of an electronically delivered document (QCVN 102:2016 [RECALL])
 * after a step, or null when nothing is reported (the status would not move forward).
 */
export const deliveryStatusAfter = (
  current: DeliveryStatus,
  step: 'register' | IncomingAction,
  to: IncomingState,
): DeliveryStatus | null => {
  const wanted: DeliveryStatus | null =
    step === 'register'
      ? 'received'
      : step === 'direct'
        ? 'assigned'
        : step === 'start'
          ? 'in_progress'
          : step === 'finish' && to === 'done'
            ? 'done'
            : null;
  return wanted !== null && canReportDeliveryStatus(current, wanted) ? wanted : null;
};

/**
 * Settings of a province for incoming documents, each with its documented default:
 * - defaultHandlingWorkingDays: the handling deadline when the head gives none. Decree 30/2020 leaves the
 *   deadline to the head (Art. 24 [RECALL]); motcua's default is 10 working days [INF], the province sets it;
 * - urgentWorkingMinutes: "at once" for a Hỏa tốc / Thượng khẩn / Khẩn document (Art. 4(1)(c)) is read as
 *   within 120 working minutes of its receipt [INF], the province sets it.
 */
export type IncomingSettings = { defaultHandlingWorkingDays: number; urgentWorkingMinutes: number };
export const INCOMING_DEFAULT_SETTINGS: IncomingSettings = {
  defaultHandlingWorkingDays: 10,
  urgentWorkingMinutes: 120,
};

/**
 * When registration and presentation are due (Art. 23(1) [RECALL]): a document received on a working day
 * by the close of the next working day ("trong ngày, chậm nhất là trong ngày làm việc tiếp theo"); one received
 * on a day off by the close of the first working day after it; an urgent one within `urgentWorkingMinutes`
 * of working time of its receipt.
 */
export const computeRegistrationDueAt = (
  calendar: WorkingTimeCalendar,
  input: { receivedAt: number; urgency: Urgency },
  settings: IncomingSettings = INCOMING_DEFAULT_SETTINGS,
): number => {
  if (isUrgent(input.urgency)) {
    return calendar.addWorkingMinutes(input.receivedAt, settings.urgentWorkingMinutes);
  }
  // On a working day: the next working day; on a day off: the first working day after it — both are the
  // first working day after the day of receipt.
  const dueDay = calendar.findWorkingDayNumberAfter(getLocalDayNumber(input.receivedAt));
  if (dueDay === undefined) {
    throw new RangeError('no working day after the receipt in the calendar');
  }
  return calendar.getEndOfWorkingDayNumber(dueDay);
};

/** Whether a registration (or presentation) at `doneAt` came after it was due. */
export const isRegistrationLate = (
  calendar: WorkingTimeCalendar,
  input: { receivedAt: number; doneAt: number; urgency: Urgency },
  settings: IncomingSettings = INCOMING_DEFAULT_SETTINGS,
): boolean => input.doneAt > computeRegistrationDueAt(calendar, input, settings);

/**
 * The handling deadline (a date): the one the head gives, else `defaultHandlingWorkingDays` working days
 * after the day of the direction (the day itself not counted).
 */
export const computeHandlingDueOn = (
  calendar: WorkingTimeCalendar,
  input: { directedAt: number; dueOn?: LocalDate | null | undefined },
  settings: IncomingSettings = INCOMING_DEFAULT_SETTINGS,
): LocalDate => {
  if (input.dueOn) {
    return input.dueOn;
  }
  let day = getLocalDayNumber(input.directedAt);
  for (let left = settings.defaultHandlingWorkingDays; left > 0; left--) {
    const next = calendar.findWorkingDayNumberAfter(day);
    if (next === undefined) {
      throw new RangeError('no working day after the direction in the calendar');
    }
    day = next;
  }
  return fromDayNumber(day);
};

/** Whether a handling deadline has passed at `now` (the deadline day counts until its end). */
export const isHandlingOverdue = (dueOn: LocalDate, now: number, doneAt: number | null = null): boolean =>
  getLocalDayNumber(doneAt ?? now) > toDayNumber(dueOn);

/** A scanned paper document must declare a resolution of at least MIN_SCAN_DPI (Phụ lục I). */
export const isScanResolutionAccepted = (dpi: number | null | undefined): boolean =>
  typeof dpi === 'number' && Number.isInteger(dpi) && dpi >= MIN_SCAN_DPI;
