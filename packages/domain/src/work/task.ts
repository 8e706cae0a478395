import { fromDayNumber, getLocalDayNumber, type LocalDate } from '../calendar/local-date.js';
import type { WorkingTimeCalendar } from '../calendar/working-time.js';
import type { TaskCompletionClass, TaskStatus } from './vocabulary.js';

/**
 * Assigned tasks (giao việc, issue 20 item 2): a leader assigns a task to an official or a unit with a lead
 * (chủ trì) and co-operators (phối hợp), a deadline on the province's working-time calendar; the lead reports
 * progress, may ask for an extension, submits the result; the assigner accepts it or returns it for rework.
 * Sources: ../shared/spec/reform-and-eoffice.md §D (task tracking of e-office systems: "theo dõi, tổng hợp việc
 * thực hiện nhiệm vụ của từng công chức"), §E (Decree 335/2025: the timeliness and quality of assigned work
 * items feed the evaluation — completion class against the deadline in force, returns counted).
 * [INF] marks a rule motcua infers where the sources fix none.
 */

type Label = { vi: string; en: string };

export const TASK_ACTIONS = [
  'dispatch',
  'start',
  'report_progress',
  'submit',
  'accept',
  'return',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'cancel',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Who may take a step: the assigner's side (task.assign), the lead, the lead or a co-operator, the lead unit's head. */
export type TaskStepTaker = 'assigner' | 'lead' | 'assignee' | 'lead_unit_head';

/** One step: the statuses it leaves from, the status it reaches ('same': the task stays where it is), who takes it. */
export type TaskTransition = {
  from: readonly TaskStatus[];
  to: TaskStatus | 'same';
  by: TaskStepTaker;
  label: Label;
};

/** The table of steps of a task. The only source of what can happen to a task and who may make it happen. */
export const TASK_TRANSITIONS: Record<TaskAction, TaskTransition> = {
  // A unit-led task is dispatched by the unit's head to one of its officials, who then leads it [INF].
  dispatch: {
    from: ['assigned'],
    to: 'same',
    by: 'lead_unit_head',
    label: { vi: 'Phân công xử lý', en: 'Dispatch to an official' },
  },
  start: { from: ['assigned'], to: 'in_progress', by: 'lead', label: { vi: 'Bắt đầu thực hiện', en: 'Start' } },
  report_progress: {
    from: ['assigned', 'in_progress', 'extension_requested'],
    to: 'same',
    by: 'assignee',
    label: { vi: 'Báo cáo tiến độ', en: 'Report progress' },
  },
  submit: {
    from: ['assigned', 'in_progress'],
    to: 'submitted',
    by: 'lead',
    label: { vi: 'Báo cáo hoàn thành', en: 'Submit the result' },
  },
  accept: { from: ['submitted'], to: 'completed', by: 'assigner', label: { vi: 'Nghiệm thu', en: 'Accept' } },
  return: {
    from: ['submitted'],
    to: 'in_progress',
    by: 'assigner',
    label: { vi: 'Trả lại để làm lại', en: 'Return for rework' },
  },
  request_extension: {
    from: ['assigned', 'in_progress'],
    to: 'extension_requested',
    by: 'lead',
    label: { vi: 'Xin gia hạn', en: 'Request an extension' },
  },
  approve_extension: {
    from: ['extension_requested'],
    to: 'in_progress',
    by: 'assigner',
    label: { vi: 'Đồng ý gia hạn', en: 'Approve the extension' },
  },
  refuse_extension: {
    from: ['extension_requested'],
    to: 'in_progress',
    by: 'assigner',
    label: { vi: 'Không đồng ý gia hạn', en: 'Refuse the extension' },
  },
  cancel: {
    from: ['assigned', 'in_progress', 'extension_requested', 'submitted'],
    to: 'cancelled',
    by: 'assigner',
    label: { vi: 'Hủy việc', en: 'Cancel' },
  },
};

/** The facts of a task the rules read. */
export type TaskFacts = {
  status: TaskStatus;
  assignedBy: string;
  leadUserId: string | null;
  leadAgencyId: string | null;
  cooperatorUserIds: readonly string[];
  confidential: boolean;
  /** The task was assigned to a unit as lead (its head dispatches it and answers for it). */
  unitLed?: boolean | undefined;
};

/** What the official is to the task. */
export type TaskActorFacts = {
  userId: string;
  /** Holds task.assign at the task's agency (a head over the unit that assigned it). */
  assignsAtAgency: boolean;
  /** Heads the unit that leads the task (task.assign at the lead unit). */
  headsLeadUnit: boolean;
  /** The agency head (reads confidential tasks). */
  headsAgency: boolean;
  /** Holds work.read at the task's agency. */
  readsAgency: boolean;
  /** Co-operates through one of their units (a unit assignee where they work). */
  inAssignedUnit: boolean;
};

export type TaskRefusal = 'TASK_STEP_NOT_ALLOWED' | 'TASK_NOT_YOURS' | 'TASK_INPUT_INVALID';

const takes = (task: TaskFacts, actor: TaskActorFacts, by: TaskStepTaker): boolean => {
  switch (by) {
    case 'assigner':
      return task.assignedBy === actor.userId || actor.assignsAtAgency;
    case 'lead':
      return task.leadUserId === actor.userId;
    case 'assignee':
      return task.leadUserId === actor.userId || task.cooperatorUserIds.includes(actor.userId) || actor.inAssignedUnit;
    case 'lead_unit_head':
      return task.leadAgencyId !== null && task.leadUserId === null && actor.headsLeadUnit;
  }
};

/** Whether the official may see the task: confidential ones only the assigner, assignees and the agency head. */
export const mayReadTask = (task: TaskFacts, actor: TaskActorFacts): boolean => {
  const involved =
    task.assignedBy === actor.userId ||
    task.leadUserId === actor.userId ||
    task.cooperatorUserIds.includes(actor.userId) ||
    actor.headsAgency ||
    (task.unitLed === true && actor.headsLeadUnit);
  if (task.confidential) {
    return involved;
  }
  return involved || actor.readsAgency || actor.headsLeadUnit || actor.inAssignedUnit || actor.assignsAtAgency;
};

/** Decides a step: the status after it, or why it is refused. */
export const decideTaskAction = (
  task: TaskFacts,
  actor: TaskActorFacts,
  action: TaskAction,
): { ok: true; to: TaskStatus } | { ok: false; refusal: TaskRefusal } => {
  const transition = TASK_TRANSITIONS[action];
  if (!transition.from.includes(task.status)) {
    return { ok: false, refusal: 'TASK_STEP_NOT_ALLOWED' };
  }
  if (action === 'dispatch' && (task.leadAgencyId === null || task.leadUserId !== null)) {
    return { ok: false, refusal: 'TASK_STEP_NOT_ALLOWED' };
  }
  if (!takes(task, actor, transition.by)) {
    return { ok: false, refusal: 'TASK_NOT_YOURS' };
  }
  return { ok: true, to: transition.to === 'same' ? task.status : transition.to };
};

/** The steps the official may take now. */
export const listTaskActions = (task: TaskFacts, actor: TaskActorFacts): TaskAction[] =>
  TASK_ACTIONS.filter((action) => decideTaskAction(task, actor, action).ok);

/**
 * The deadline of a task as an instant: the close of the working day `workingDays` working days after the day
 * it is assigned (the day itself not counted, as incoming documents' handling deadlines), or the close of a
 * date the assigner gives; a date that is a day off moves to the next working day (Civil Code 2015 Art. 148(5)).
 */
export const computeTaskDueAt = (
  calendar: WorkingTimeCalendar,
  input: { assignedAt: number; workingDays?: number | null | undefined; dueOn?: LocalDate | null | undefined },
): number => {
  if (input.dueOn) {
    const day = calendar.findWorkingDayOnOrAfter(input.dueOn);
    if (day === undefined) {
      throw new RangeError('no working day on or after the date in the calendar');
    }
    return calendar.getEndOfWorkingDay(day);
  }
  const days = input.workingDays ?? 0;
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError('a task needs a deadline: working days ≥ 1 or a date');
  }
  let day = getLocalDayNumber(input.assignedAt);
  for (let left = days; left > 0; left--) {
    const next = calendar.findWorkingDayNumberAfter(day);
    if (next === undefined) {
      throw new RangeError('no working day after the assignment in the calendar');
    }
    day = next;
  }
  return calendar.getEndOfWorkingDayNumber(day);
};

/**
 * How a task was completed against the deadline in force (after any extension): late after the due instant;
 * early when completed on a day before the due day; on time otherwise (on the due day, by its close) [INF].
 */
export const classifyTaskCompletion = (dueAt: number, completedAt: number): TaskCompletionClass => {
  if (completedAt > dueAt) {
    return 'late';
  }
  return getLocalDayNumber(completedAt) < getLocalDayNumber(dueAt) ? 'early' : 'on_time';
};

/** Settings of the warnings: N working hours before the deadline (default 8, one working day [INF]). */
export type TaskWarningSettings = { dueSoonWorkingHours: number };
export const TASK_DEFAULT_WARNING_SETTINGS: TaskWarningSettings = { dueSoonWorkingHours: 8 };

/** The two warning instants of a deadline: due soon (N working hours before it) and overdue (the deadline). */
export const computeTaskWarningInstants = (
  calendar: WorkingTimeCalendar,
  dueAt: number,
  settings: TaskWarningSettings = TASK_DEFAULT_WARNING_SETTINGS,
): { dueSoonAt: number; overdueAt: number } => {
  // The latest instant from which N working hours remain until the deadline: search back by whole days, then
  // bisect by minutes (the calendar counts forward only).
  const wanted = settings.dueSoonWorkingHours * 60;
  if (wanted <= 0) {
    return { dueSoonAt: dueAt, overdueAt: dueAt };
  }
  let low = dueAt - 86_400_000;
  while (calendar.getWorkingMinutesBetween(low, dueAt) < wanted) {
    low -= 86_400_000;
  }
  let high = dueAt;
  // Invariant: minutes(low) ≥ wanted > minutes(high) (or high = dueAt). Resolution: one minute.
  while (high - low > 60_000) {
    const mid = Math.floor((low + high) / 2 / 60_000) * 60_000;
    if (mid <= low || mid >= high) {
      break;
    }
    if (calendar.getWorkingMinutesBetween(mid, dueAt) >= wanted) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return { dueSoonAt: low, overdueAt: dueAt };
};

/** The warning a task is in at `now`: none, due soon, or overdue (open tasks only). */
export const taskWarningAt = (
  calendar: WorkingTimeCalendar,
  task: { status: TaskStatus; dueAt: number },
  now: number,
  settings: TaskWarningSettings = TASK_DEFAULT_WARNING_SETTINGS,
): 'none' | 'due_soon' | 'overdue' => {
  if (task.status === 'completed' || task.status === 'cancelled') {
    return 'none';
  }
  if (now > task.dueAt) {
    return 'overdue';
  }
  return calendar.getWorkingMinutesBetween(now, task.dueAt) <= settings.dueSoonWorkingHours * 60 ? 'due_soon' : 'none';
};

/** Whether an open task is past its deadline at `now`. */
export const isTaskOverdue = (task: { status: TaskStatus; dueAt: number }, now: number): boolean =>
  task.status !== 'completed' && task.status !== 'cancelled' && now > task.dueAt;

/** The local date of a due instant (for display). */
export const toDueDate = (dueAt: number): LocalDate => fromDayNumber(getLocalDayNumber(dueAt));

/** Whether a requested new deadline extends the one in force (an extension must move it later). */
export const isExtensionValid = (dueAt: number, requestedDueAt: number): boolean => requestedDueAt > dueAt;
