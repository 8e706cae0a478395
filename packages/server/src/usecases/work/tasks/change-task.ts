import {
  type Database,
  decideTaskExtension,
  findAgencyLineage,
  findPendingTaskExtension,
  findScheduleEntryAgency,
  findTask,
  findTaskForUpdate,
  insertTask,
  insertTaskAssignees,
  insertTaskExtension,
  insertTaskLeadUser,
  insertTaskProgress,
  insertWorkNotices,
  listUserGrants,
  type TaskAssigneeRecord,
  type TaskRecord,
  updateTaskGuarded,
} from '@motcua/db';
import {
  classifyTaskCompletion,
  computeTaskDueAt,
  decideTaskAction,
  formatInstant,
  isExtensionValid,
  type LocalDate,
  TASK_STATUS_LABELS,
  TASK_TRANSITIONS,
  type TaskAction,
} from '@motcua/domain';
import type { Transaction, Updateable } from 'kysely';
import type { Actor } from '../../../auth/actor.js';
import { authorizeAgencyAction } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../../calendar/calendar-service.js';
import { getReadableIncoming } from '../../eoffice/incoming/incoming-access.js';
import { appendWorkEvent } from '../work-chain.js';
import { allowsTaskActionAt, getReadableTask, TASK, toTaskFacts } from './task-access.js';
import { checkTaskFiles, type TaskFileInput } from './task-files.js';

type Notice = { userId: string; kind: string; title: string; body: string | null };

/** Writes the notices of a change (work_notice), once per person and change, in the change's transaction. */
const writeNotices = async (
  trx: Transaction<Database>,
  task: Pick<TaskRecord, 'id' | 'provinceCode'>,
  seq: number,
  notices: readonly Notice[],
  skipUserId: string,
) => {
  const seen = new Set<string>();
  const rows = [];
  for (const notice of notices) {
    if (notice.userId === skipUserId || seen.has(notice.userId)) {
      continue;
    }
    seen.add(notice.userId);
    rows.push({
      provinceCode: task.provinceCode,
      userId: notice.userId,
      kind: notice.kind,
      recordKind: 'task',
      recordId: task.id,
      dedupeKey: `${notice.kind}:${task.id}:${seq}`,
      title: notice.title.slice(0, 300),
      body: notice.body?.slice(0, 2000) ?? null,
    });
  }
  await insertWorkNotices(trx, rows);
};

const assigneeUserIds = (task: Pick<TaskRecord, 'leadUserId'>, assignees: readonly TaskAssigneeRecord[]) => [
  ...(task.leadUserId ? [task.leadUserId] : []),
  ...assignees.flatMap((row) => (row.userId ? [row.userId] : [])),
];

/** The unit an official works in under the agency (their grant at it or at one of its sub-agencies), if any. */
const findUnitUnder = async (
  ctx: AppContext,
  userId: string,
  agencyId: string,
): Promise<{ unitId: string; handles: boolean } | null> => {
  const grants = await listUserGrants(ctx.db, userId);
  let found: { unitId: string; handles: boolean } | null = null;
  for (const grant of grants) {
    const lineage = await findAgencyLineage(ctx.db, grant.agencyId);
    if (!lineage || !(grant.agencyId === agencyId || lineage.ancestorIds.includes(agencyId))) {
      continue;
    }
    const handles = await allowsTaskActionAt(ctx, { grants }, 'task.handle', grant.agencyId);
    if (handles && (!found || grant.agencyId !== agencyId)) {
      found = { unitId: grant.agencyId, handles };
    }
  }
  return found;
};

/** A unit of the agency: the agency itself or one of its sub-agencies. */
const isUnitOf = async (ctx: AppContext, unitId: string, agencyId: string) => {
  const lineage = await findAgencyLineage(ctx.db, unitId);
  return !!lineage && (unitId === agencyId || lineage.ancestorIds.includes(agencyId));
};

export type CreateTaskInput = {
  agencyId: string;
  title: string;
  description?: string | null | undefined;
  confidential?: boolean | undefined;
  urgent?: boolean | undefined;
  leadUserId?: string | null | undefined;
  leadUnitId?: string | null | undefined;
  cooperatorUserIds?: readonly string[] | undefined;
  cooperatorUnitIds?: readonly string[] | undefined;
  workingDays?: number | null | undefined;
  dueOn?: LocalDate | null | undefined;
  sourceKind?: 'direct' | 'incoming_document' | 'schedule_entry' | undefined;
  sourceId?: string | null | undefined;
  parentTaskId?: string | null | undefined;
  workKind?: string | undefined;
};

/**
 * Assigns a task (task.assign at the agency): its lead (an official, or a unit whose head dispatches it),
 * co-operators, the deadline on the agency's working-time calendar; from an incoming document's direction
 * (the caller must be able to read it), a calendar entry, or a parent task (a sub-task). The task, its
 * assignees, its first work event and the notices to the assignees, in one transaction.
 */
export const createTask = async (ctx: AppContext, actor: Actor, input: CreateTaskInput) => {
  const official = await authorizeAgencyAction(ctx, actor, 'task.assign', input.agencyId, TASK);
  const agency = await getAgencyWorkingCalendar(ctx, input.agencyId);
  const sourceKind = input.sourceKind ?? 'direct';
  if (sourceKind !== 'direct' && !input.sourceId) {
    throw new AppError('TASK_INPUT_INVALID', { reason: 'source' });
  }
  if (sourceKind === 'incoming_document') {
    // 404 when the caller may not read the document (a confidential one is not told to exist).
    await getReadableIncoming(ctx, actor, input.sourceId as string);
  }
  if (sourceKind === 'schedule_entry') {
    const entry = await findScheduleEntryAgency(ctx.db, input.sourceId as string);
    if (!entry || !(await allowsTaskActionAt(ctx, official, 'work.read', entry.agencyId))) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'lịch công tác', en: 'calendar entry' } });
    }
  }
  if (input.parentTaskId) {
    const parent = await findTask(ctx.db, input.parentTaskId);
    if (!parent || parent.status === 'completed' || parent.status === 'cancelled') {
      throw new AppError('TASK_INPUT_INVALID', { reason: 'parent' });
    }
    await getReadableTask(ctx, actor, parent.id);
  }
  // The lead: an official who handles tasks in a unit of the agency (the unit recorded with them), or a unit.
  let leadUserId: string | null = null;
  let leadAgencyId: string | null = null;
  if (input.leadUserId) {
    const unit = await findUnitUnder(ctx, input.leadUserId, input.agencyId);
    if (!unit) {
      throw new AppError('TASK_ASSIGNEE_INVALID');
    }
    leadUserId = input.leadUserId;
    leadAgencyId = unit.unitId;
  } else if (input.leadUnitId) {
    if (!(await isUnitOf(ctx, input.leadUnitId, input.agencyId))) {
      throw new AppError('TASK_ASSIGNEE_INVALID');
    }
    leadAgencyId = input.leadUnitId;
  } else {
    throw new AppError('TASK_ASSIGNEE_INVALID');
  }
  const coUsers = [...new Set(input.cooperatorUserIds ?? [])].filter((id) => id !== leadUserId);
  for (const userId of coUsers) {
    if (!(await findUnitUnder(ctx, userId, input.agencyId))) {
      throw new AppError('TASK_ASSIGNEE_INVALID');
    }
  }
  const coUnits = [...new Set(input.cooperatorUnitIds ?? [])].filter((id) => id !== input.leadUnitId);
  for (const unitId of coUnits) {
    if (!(await isUnitOf(ctx, unitId, input.agencyId))) {
      throw new AppError('TASK_ASSIGNEE_INVALID');
    }
  }
  const now = ctx.clock.now();
  let dueAtMs: number;
  try {
    dueAtMs = computeTaskDueAt(agency.calendar, {
      assignedAt: now.getTime(),
      workingDays: input.workingDays ?? null,
      dueOn: input.dueOn ?? null,
    });
  } catch {
    throw new AppError('TASK_DEADLINE_INVALID');
  }
  if (dueAtMs <= now.getTime()) {
    throw new AppError('TASK_DEADLINE_INVALID');
  }
  const dueAt = new Date(dueAtMs);
  const provinceCode = agency.agency.provinceCode;
  if (!provinceCode) {
    throw new AppError('TASK_ASSIGNEE_INVALID');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertTask(trx, {
      provinceCode,
      agencyId: input.agencyId,
      parentTaskId: input.parentTaskId ?? null,
      title: input.title,
      description: input.description ?? null,
      confidential: input.confidential ?? false,
      urgent: input.urgent ?? false,
      sourceKind,
      sourceId: sourceKind === 'direct' ? null : (input.sourceId ?? null),
      assignedBy: official.userId,
      assignedAt: now,
      leadUserId,
      leadAgencyId,
      dueAt,
      originalDueAt: dueAt,
      status: 'assigned',
      workKind: input.workKind ?? 'task',
    });
    await insertTaskAssignees(trx, [
      leadUserId
        ? { taskId: row.id, provinceCode, part: 'lead' as const, userId: leadUserId }
        : { taskId: row.id, provinceCode, part: 'lead' as const, agencyId: leadAgencyId },
      ...coUsers.map((userId) => ({ taskId: row.id, provinceCode, part: 'cooperate' as const, userId })),
      ...coUnits.map((agencyId) => ({ taskId: row.id, provinceCode, part: 'cooperate' as const, agencyId })),
    ]);
    const anchor = await appendWorkEvent(trx, {
      kind: 'task',
      row,
      at: now,
      actorUserId: official.userId,
      action: 'assign',
      fromStatus: null,
      toStatus: 'assigned',
      payload: {
        leadUserId,
        leadAgencyId,
        cooperatorUserIds: coUsers,
        cooperatorUnitIds: coUnits,
        dueAt: formatInstant(dueAtMs),
        workingDays: input.workingDays ?? null,
        dueOn: input.dueOn ?? null,
        sourceKind,
        sourceId: row.sourceId,
        parentTaskId: row.parentTaskId,
      },
    });
    const written = await updateTaskGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { eventCount: anchor.eventCount, lastEventHash: anchor.lastEventHash },
      now,
    });
    if (!written) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: row.version });
    }
    await writeNotices(
      trx,
      row,
      anchor.seq,
      [...(leadUserId ? [leadUserId] : []), ...coUsers].map((userId) => ({
        userId,
        kind: 'task-assigned',
        title: `Nhiệm vụ mới: ${row.title}`,
        body: `Hạn xử lý: ${formatInstant(dueAtMs)}`,
      })),
      official.userId,
    );
    return { id: written.id, status: written.status, version: written.version, dueAt: formatInstant(dueAtMs) };
  });
};

export type TaskChangeInput = {
  id: string;
  action: TaskAction;
  expectedVersion: number;
  note?: string | undefined;
  /** dispatch: the official of the lead unit who leads it. */
  assigneeUserId?: string | undefined;
  /** report_progress. */
  percent?: number | undefined;
  files?: readonly TaskFileInput[] | undefined;
  /** request_extension: the deadline asked for (a date, closed at the working day's end). */
  requestedDueOn?: LocalDate | undefined;
};

/**
 * Every change of a task after its assignment: authorize (readable, else 404) → lock → check the version the
 * caller saw (409) → decide with TASK_TRANSITIONS (packages/domain/src/work/task.ts) → the row, the progress or
 * extension row, the hash-chained work event (appendWorkEvent) and the notices to the people concerned, in one
 * transaction. There is no other way a task changes.
 */
export const changeTask = async (ctx: AppContext, actor: Actor, input: TaskChangeInput) => {
  const { official, task, assignees, facts } = await getReadableTask(ctx, actor, input.id);
  const transition = TASK_TRANSITIONS[input.action];
  const note = input.note?.trim() || null;
  const now = ctx.clock.now();
  if ((input.action === 'return' || input.action === 'request_extension') && !note) {
    throw new AppError('TASK_INPUT_INVALID', { reason: 'note' });
  }
  let requestedDueAt: Date | null = null;
  if (input.action === 'request_extension') {
    if (!input.requestedDueOn) {
      throw new AppError('TASK_DEADLINE_INVALID');
    }
    const { calendar } = await getAgencyWorkingCalendar(ctx, task.agencyId);
    const due = computeTaskDueAt(calendar, { assignedAt: now.getTime(), dueOn: input.requestedDueOn });
    if (!isExtensionValid(task.dueAt.getTime(), due)) {
      throw new AppError('TASK_DEADLINE_INVALID');
    }
    requestedDueAt = new Date(due);
  }
  if (input.action === 'dispatch') {
    const unit =
      input.assigneeUserId && task.leadAgencyId
        ? await findUnitUnder(ctx, input.assigneeUserId, task.leadAgencyId)
        : null;
    if (!unit) {
      throw new AppError('TASK_ASSIGNEE_INVALID');
    }
  }
  if (input.action === 'report_progress' && (input.percent === undefined || input.percent < 0 || input.percent > 100)) {
    throw new AppError('TASK_INPUT_INVALID', { reason: 'percent' });
  }
  const files = input.files?.length ? await checkTaskFiles(ctx, task.id, input.files) : [];
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findTaskForUpdate(trx, input.id);
    if (!row) {
      throw new AppError('NOT_FOUND', { resource: TASK });
    }
    if (row.version !== input.expectedVersion || row.version !== task.version) {
      throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
    }
    const decision = decideTaskAction(toTaskFacts(row, assignees), facts, input.action);
    if (!decision.ok) {
      throw new AppError(decision.refusal, { state: TASK_STATUS_LABELS[row.status].vi, action: transition.label.vi });
    }
    const patch: Updateable<Database['task']> = { status: decision.to };
    const payload: Record<string, unknown> = {};
    const notices: Notice[] = [];
    const people = assigneeUserIds(row, assignees);
    switch (input.action) {
      case 'dispatch': {
        const userId = input.assigneeUserId as string;
        patch.leadUserId = userId;
        await insertTaskLeadUser(trx, { taskId: row.id, provinceCode: row.provinceCode, userId, part: 'lead' });
        payload.leadUserId = userId;
        notices.push({ userId, kind: 'task-assigned', title: `Nhiệm vụ mới: ${row.title}`, body: note });
        break;
      }
      case 'report_progress': {
        const percent = input.percent as number;
        await insertTaskProgress(trx, {
          taskId: row.id,
          provinceCode: row.provinceCode,
          at: now,
          userId: official.userId,
          percent,
          note,
          attachments: JSON.stringify(files),
        });
        if (official.userId === row.leadUserId || percent > row.progressPercent) {
          patch.progressPercent = percent;
        }
        if (row.status === 'assigned' && official.userId === row.leadUserId) {
          patch.status = 'in_progress';
        }
        payload.percent = percent;
        payload.files = files.map((file) => ({ sha256: file.sha256, name: file.name }));
        notices.push({
          userId: row.assignedBy,
          kind: 'task-progress',
          title: `Tiến độ ${percent}%: ${row.title}`,
          body: note,
        });
        break;
      }
      case 'submit':
        patch.submittedAt = now;
        patch.progressPercent = 100;
        notices.push({
          userId: row.assignedBy,
          kind: 'task-submitted',
          title: `Chờ nghiệm thu: ${row.title}`,
          body: note,
        });
        break;
      case 'accept': {
        const completion = classifyTaskCompletion(row.dueAt.getTime(), (row.submittedAt ?? now).getTime());
        patch.completedAt = row.submittedAt ?? now;
        patch.completionClass = completion;
        payload.completionClass = completion;
        payload.dueAt = formatInstant(row.dueAt.getTime());
        payload.completedAt = formatInstant((row.submittedAt ?? now).getTime());
        for (const userId of people) {
          notices.push({ userId, kind: 'task-completed', title: `Đã nghiệm thu: ${row.title}`, body: note });
        }
        break;
      }
      case 'return':
        patch.returnedCount = row.returnedCount + 1;
        patch.submittedAt = null;
        payload.returnedCount = row.returnedCount + 1;
        for (const userId of people) {
          notices.push({ userId, kind: 'task-returned', title: `Trả lại để làm lại: ${row.title}`, body: note });
        }
        break;
      case 'request_extension': {
        const extension = await insertTaskExtension(trx, {
          taskId: row.id,
          provinceCode: row.provinceCode,
          requestedBy: official.userId,
          requestedAt: now,
          requestedDueAt: requestedDueAt as Date,
          reason: note as string,
        });
        payload.extensionId = extension.id;
        payload.requestedDueAt = formatInstant((requestedDueAt as Date).getTime());
        notices.push({
          userId: row.assignedBy,
          kind: 'task-extension',
          title: `Xin gia hạn: ${row.title}`,
          body: note,
        });
        break;
      }
      case 'approve_extension':
      case 'refuse_extension': {
        const pending = await findPendingTaskExtension(trx, row.id);
        if (!pending) {
          throw new AppError('TASK_STEP_NOT_ALLOWED', {
            state: TASK_STATUS_LABELS[row.status].vi,
            action: transition.label.vi,
          });
        }
        const approved = input.action === 'approve_extension';
        await decideTaskExtension(trx, {
          id: pending.id,
          decision: approved ? 'approved' : 'refused',
          decidedBy: official.userId,
          decidedAt: now,
          note,
        });
        if (approved) {
          patch.dueAt = pending.requestedDueAt;
          payload.previousDueAt = formatInstant(row.dueAt.getTime());
          payload.dueAt = formatInstant(pending.requestedDueAt.getTime());
        }
        payload.extensionId = pending.id;
        for (const userId of people) {
          notices.push({
            userId,
            kind: 'task-extension-decided',
            title: `${approved ? 'Đồng ý' : 'Không đồng ý'} gia hạn: ${row.title}`,
            body: note,
          });
        }
        break;
      }
      case 'cancel':
        for (const userId of people) {
          notices.push({ userId, kind: 'task-cancelled', title: `Đã hủy nhiệm vụ: ${row.title}`, body: note });
        }
        break;
      case 'start':
        break;
    }
    const anchor = await appendWorkEvent(trx, {
      kind: 'task',
      row,
      at: now,
      actorUserId: official.userId,
      action: input.action,
      fromStatus: row.status,
      toStatus: (patch.status as string) ?? decision.to,
      note,
      payload,
    });
    const written = await updateTaskGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { ...patch, eventCount: anchor.eventCount, lastEventHash: anchor.lastEventHash },
      now,
    });
    if (!written) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: input.expectedVersion });
    }
    await writeNotices(trx, row, anchor.seq, notices, official.userId);
    return { id: written.id, status: written.status, version: written.version };
  });
};
