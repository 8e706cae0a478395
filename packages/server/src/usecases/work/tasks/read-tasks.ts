import {
  findAgency,
  listIncomingOfficials,
  listOpenUnits,
  listScopeAgencyIds,
  listSubTasks,
  listTaskAssignees,
  listTaskExtensions,
  listTaskProgress,
  listTasks,
  listUserNames,
  listWorkEvents,
  summarizeTaskTracking,
  type TaskListView,
  type TaskRecord,
} from '@motcua/db';
import {
  type Action,
  formatInstant,
  isTaskOverdue,
  listTaskActions,
  mayReadTask,
  ROLE_DEFINITIONS,
  TASK_STATUS_LABELS,
  TASK_TRANSITIONS,
  type TaskAction,
  toInstant,
} from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { authorizeAgencyAction, holdsAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { findReadableScheduleEntry } from '../schedule/schedule-access.js';
import { getReadableTask, loadTaskActorFacts, TASK, toTaskFacts } from './task-access.js';

const instant = (date: Date | null) => (date ? formatInstant(date.getTime()) : null);

const encodeCursor = (row: TaskRecord) =>
  Buffer.from(JSON.stringify({ dueAt: row.dueAt.toISOString(), id: row.id })).toString('base64url');

const decodeCursor = (cursor: string | undefined): { dueAt: string; id: string } | undefined => {
  if (!cursor) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { dueAt?: unknown; id?: unknown };
    if (typeof parsed.dueAt === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.dueAt))) {
      return { dueAt: parsed.dueAt, id: parsed.id };
    }
  } catch {
    // fall through
  }
  throw new AppError(
    'VALIDATION_FAILED',
    {},
    { fieldProblems: [{ in: 'query', pointer: '/cursor', code: 'CURSOR', message: 'bad cursor' }] },
  );
};

/** The agencies the official's grants allowing `action` reach (with their sub-agencies where the grant says so). */
const agenciesAllowing = async (ctx: AppContext, official: OfficialActor, action: Action) =>
  listScopeAgencyIds(
    ctx.db,
    official.grants.filter((grant) => (ROLE_DEFINITIONS[grant.role].actions as readonly Action[]).includes(action)),
  );

const toListItem = (row: TaskRecord, names: Map<string, string>, unitNames: Map<string, string>, now: Date) => ({
  id: row.id,
  title: row.title,
  status: row.status,
  statusLabel: TASK_STATUS_LABELS[row.status],
  confidential: row.confidential,
  urgent: row.urgent,
  sourceKind: row.sourceKind,
  sourceId: row.sourceId,
  parentTaskId: row.parentTaskId,
  assignedBy: row.assignedBy,
  assignedByName: names.get(row.assignedBy) ?? null,
  assignedAt: formatInstant(row.assignedAt.getTime()),
  leadUserId: row.leadUserId,
  leadUserName: row.leadUserId ? (names.get(row.leadUserId) ?? null) : null,
  leadUnitId: row.leadAgencyId,
  leadUnitName: row.leadAgencyId ? (unitNames.get(row.leadAgencyId) ?? null) : null,
  dueAt: formatInstant(row.dueAt.getTime()),
  originalDueAt: formatInstant(row.originalDueAt.getTime()),
  progressPercent: row.progressPercent,
  submittedAt: instant(row.submittedAt),
  completedAt: instant(row.completedAt),
  completionClass: row.completionClass,
  returnedCount: row.returnedCount,
  workKind: row.workKind,
  overdue: isTaskOverdue({ status: row.status, dueAt: row.dueAt.getTime() }, now.getTime()),
  version: row.version,
});

const unitNamesOf = async (ctx: AppContext, ids: readonly (string | null)[]) => {
  const map = new Map<string, string>();
  for (const id of new Set(ids.filter((value): value is string => value !== null))) {
    const agency = await findAgency(ctx.db, id);
    if (agency) {
      map.set(id, agency.name);
    }
  }
  return map;
};

/** A list of tasks (mine, assigned by me, my units'), in deadline order; confidential ones only to those concerned. */
export const findTasks = async (
  ctx: AppContext,
  actor: Actor,
  query: { view: TaskListView; status: 'open' | 'all'; cursor?: string | undefined; limit: number },
) => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'work.read')) {
    throw new AppError('FORBIDDEN');
  }
  const provinceCode = official.provinceCode ?? official.grants[0]?.provinceCode ?? '';
  const unitIds = query.view === 'unit' ? await agenciesAllowing(ctx, official, 'task.assign') : [];
  const rows = await listTasks(ctx.db, {
    view: query.view,
    provinceCode,
    userId: official.userId,
    unitIds,
    openOnly: query.status === 'open',
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  // Confidential tasks of a unit's list are shown only to those concerned (assigner, assignees, agency head).
  const assignees = await listTaskAssignees(
    ctx.db,
    page.filter((row) => row.confidential).map((row) => row.id),
  );
  const visible = [];
  for (const row of page) {
    if (row.confidential && query.view === 'unit') {
      const facts = await loadTaskActorFacts(
        ctx,
        official,
        row,
        assignees.filter((a) => a.taskId === row.id),
      );
      if (
        !mayReadTask(
          toTaskFacts(
            row,
            assignees.filter((a) => a.taskId === row.id),
          ),
          facts,
        )
      ) {
        continue;
      }
    }
    visible.push(row);
  }
  const names = await listUserNames(
    ctx.db,
    visible.flatMap((row) => [row.assignedBy, ...(row.leadUserId ? [row.leadUserId] : [])]),
  );
  const units = await unitNamesOf(
    ctx,
    visible.map((row) => row.leadAgencyId),
  );
  const now = ctx.clock.now();
  const last = page.at(-1);
  return {
    items: visible.map((row) => toListItem(row, names, units, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
};

/** A task with its assignees, progress, extensions, sub-tasks, hash-chained history and the steps possible now. */
export const getTask = async (ctx: AppContext, actor: Actor, id: string) => {
  const { task, assignees, facts } = await getReadableTask(ctx, actor, id);
  const [progress, extensions, events, subTasks] = await Promise.all([
    listTaskProgress(ctx.db, id),
    listTaskExtensions(ctx.db, id),
    listWorkEvents(ctx.db, 'task', id),
    listSubTasks(ctx.db, id),
  ]);
  const names = await listUserNames(ctx.db, [
    task.assignedBy,
    ...(task.leadUserId ? [task.leadUserId] : []),
    ...assignees.flatMap((row) => (row.userId ? [row.userId] : [])),
    ...progress.map((row) => row.userId),
    ...extensions.flatMap((row) => [row.requestedBy, ...(row.decidedBy ? [row.decidedBy] : [])]),
    ...events.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])),
    ...subTasks.flatMap((row) => [row.assignedBy, ...(row.leadUserId ? [row.leadUserId] : [])]),
  ]);
  const units = await unitNamesOf(ctx, [
    task.leadAgencyId,
    ...assignees.map((row) => row.agencyId),
    ...subTasks.map((row) => row.leadAgencyId),
  ]);
  const now = ctx.clock.now();
  // The meeting a task came from, named only to those who may read that calendar entry.
  const meeting =
    task.sourceKind === 'schedule_entry' && task.sourceId
      ? await findReadableScheduleEntry(ctx, requireOfficial(actor), task.sourceId)
      : undefined;
  const officials =
    task.leadAgencyId && facts.headsLeadUnit && !task.leadUserId
      ? await listIncomingOfficials(ctx.db, { agencyIds: [task.leadAgencyId], roles: ['specialist', 'unit_head'] })
      : [];
  return {
    ...toListItem(task, names, units, now),
    agencyId: task.agencyId,
    description: task.description,
    sourceMeeting: meeting
      ? {
          title: meeting.title,
          startsAt: formatInstant(meeting.startsAt.getTime()),
          weekStart: meeting.weekStart,
          agencyId: meeting.agencyId,
        }
      : null,
    assignees: assignees.map((row) => ({
      part: row.part,
      userId: row.userId,
      unitId: row.agencyId,
      name: row.userId ? (names.get(row.userId) ?? '') : row.agencyId ? (units.get(row.agencyId) ?? '') : '',
    })),
    progress: progress.map((row) => ({
      id: row.id,
      at: formatInstant(row.at.getTime()),
      userName: names.get(row.userId) ?? '',
      percent: row.percent,
      note: row.note,
      files: (row.attachments as { sha256: string; name: string; size: number; contentType: string }[]).map((file) => ({
        sha256: file.sha256,
        fileName: file.name,
        sizeBytes: file.size,
        mediaType: file.contentType,
      })),
    })),
    extensions: extensions.map((row) => ({
      id: row.id,
      requestedByName: names.get(row.requestedBy) ?? '',
      requestedAt: formatInstant(row.requestedAt.getTime()),
      requestedDueAt: formatInstant(row.requestedDueAt.getTime()),
      reason: row.reason,
      decision: row.decision,
      decidedByName: row.decidedBy ? (names.get(row.decidedBy) ?? null) : null,
      decidedAt: instant(row.decidedAt),
      decisionNote: row.decisionNote,
    })),
    subTasks: subTasks.map((row) => toListItem(row, names, units, now)),
    events: events.map((event) => ({
      seq: event.seq,
      at: formatInstant(event.at.getTime()),
      action: event.action,
      actionLabel:
        event.action in TASK_TRANSITIONS
          ? TASK_TRANSITIONS[event.action as TaskAction].label
          : { vi: 'Giao việc', en: 'Assigned' },
      actorName: event.actorUserId ? (names.get(event.actorUserId) ?? null) : null,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      note: event.note,
      payload: event.payload as Record<string, unknown>,
    })),
    actions: listTaskActions(toTaskFacts(task, assignees), facts).map((action) => ({
      action,
      label: TASK_TRANSITIONS[action].label,
    })),
    dispatchOfficials: officials.map((row) => ({ userId: row.userId, fullName: row.fullName })),
  };
};

/** Whom a leader may assign to at an agency: its units and their officials (the assign form). */
export const getTaskOptions = async (ctx: AppContext, actor: Actor, agencyId?: string) => {
  const official = requireOfficial(actor);
  // The agencies where the caller's own grants allow assigning (the agency they head, the unit they head).
  const own = [
    ...new Set(
      official.grants
        .filter((grant) => (ROLE_DEFINITIONS[grant.role].actions as readonly Action[]).includes('task.assign'))
        .map((grant) => grant.agencyId),
    ),
  ];
  const chosen = agencyId ?? own[0];
  if (!chosen) {
    throw new AppError('FORBIDDEN');
  }
  await authorizeAgencyAction(ctx, actor, 'task.assign', chosen, TASK);
  const agency = await findAgency(ctx.db, chosen);
  const children = await listOpenUnits(ctx.db, chosen);
  const units = [
    ...(agency ? [{ id: agency.id, name: agency.name }] : []),
    ...children.map((c) => ({ id: c.id, name: c.name })),
  ];
  const officials = await listIncomingOfficials(ctx.db, {
    agencyIds: units.map((unit) => unit.id),
    roles: ['specialist', 'unit_head', 'clerk'],
  });
  const agencies = [];
  for (const id of own) {
    const row = await findAgency(ctx.db, id);
    if (row) {
      agencies.push({ id: row.id, name: row.name });
    }
  }
  const unique = [...new Map(officials.map((row) => [row.userId, row])).values()];
  return {
    agencyId: chosen,
    agencyName: agency?.name ?? '',
    agencies,
    units,
    officials: unique.map((row) => ({ userId: row.userId, fullName: row.fullName, unitId: row.agencyId })),
  };
};

/**
 * The tracking view (theo dõi việc thực hiện nhiệm vụ của từng công chức): per person, unit and leader, the
 * tasks assigned in a period, open, overdue now, completed on time and late — of the agencies where the caller
 * assigns (a leader sees the units they head).
 */
export const getTaskTracking = async (ctx: AppContext, actor: Actor, query: { from: string; to: string }) => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'task.assign')) {
    throw new AppError('FORBIDDEN');
  }
  const agencyIds = await agenciesAllowing(ctx, official, 'task.assign');
  const from = new Date(toInstant(query.from));
  const to = new Date(toInstant(query.to) + 86_400_000);
  if (!(from < to)) {
    throw new AppError('TASK_INPUT_INVALID', { reason: 'period' });
  }
  const provinceCode = official.provinceCode ?? official.grants[0]?.provinceCode ?? '';
  const rows = await summarizeTaskTracking(ctx.db, { provinceCode, agencyIds, from, to, now: ctx.clock.now() });
  const names = await listUserNames(
    ctx.db,
    rows.filter((row) => row.by !== 'unit').map((row) => row.key),
  );
  const units = await unitNamesOf(
    ctx,
    rows.filter((row) => row.by === 'unit').map((row) => row.key),
  );
  const named = rows.map((row) => ({
    ...row,
    name: (row.by === 'unit' ? units.get(row.key) : names.get(row.key)) ?? '',
  }));
  return {
    from: query.from,
    to: query.to,
    people: named.filter((row) => row.by === 'person'),
    units: named.filter((row) => row.by === 'unit'),
    leaders: named.filter((row) => row.by === 'leader'),
  };
};
