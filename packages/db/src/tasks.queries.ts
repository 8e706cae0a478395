import type { TaskPart, TaskStatus } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import type { TaskAssigneeTable, TaskExtensionTable, TaskProgressTable, TaskTable } from './tables/work.js';

/**
 * Assigned tasks (giao việc, migrations 0034 and 0036): the task, its assignees (the lead and co-operators,
 * officials or units), progress reports, extension requests; the lists "việc của tôi", "việc tôi giao", "của
 * đơn vị" in deadline order (keyset on due_at, id) and the tracking summary per person, unit and leader.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type TaskRecord = Selectable<TaskTable>;
export type TaskAssigneeRecord = Selectable<TaskAssigneeTable>;
export type TaskProgressRecord = Selectable<TaskProgressTable>;
export type TaskExtensionRecord = Selectable<TaskExtensionTable>;
export type NewTask = Omit<
  Insertable<TaskTable>,
  'id' | 'version' | 'eventCount' | 'lastEventHash' | 'createdAt' | 'updatedAt'
>;

const OPEN: readonly TaskStatus[] = ['assigned', 'in_progress', 'extension_requested', 'submitted'];

export const insertTask = async (trx: Transaction<Database>, row: NewTask): Promise<TaskRecord> =>
  trx.insertInto('task').values(row).returningAll().executeTakeFirstOrThrow();

export const findTask = async (db: Db, id: string): Promise<TaskRecord | undefined> =>
  db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst();

export const findTaskForUpdate = async (trx: Transaction<Database>, id: string): Promise<TaskRecord | undefined> =>
  trx.selectFrom('task').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Writes a task's change when its version is still the one read; undefined when another change came first. */
export const updateTaskGuarded = async (
  trx: Transaction<Database>,
  input: { id: string; expectedVersion: number; patch: Updateable<TaskTable>; now: Date },
): Promise<TaskRecord | undefined> =>
  trx
    .updateTable('task')
    .set({ ...input.patch, version: input.expectedVersion + 1, updatedAt: input.now })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

export const insertTaskAssignees = async (
  trx: Transaction<Database>,
  rows: readonly Insertable<TaskAssigneeTable>[],
): Promise<void> => {
  if (rows.length > 0) {
    await trx
      .insertInto('taskAssignee')
      .values([...rows])
      .execute();
  }
};

/** Names the official who leads a unit-led task (the unit head's dispatch). */
export const insertTaskLeadUser = async (
  trx: Transaction<Database>,
  input: { taskId: string; provinceCode: string; userId: string; part: TaskPart },
): Promise<void> => {
  await trx
    .insertInto('taskAssignee')
    .values({ taskId: input.taskId, provinceCode: input.provinceCode, part: input.part, userId: input.userId })
    .onConflict((oc) => oc.columns(['taskId', 'userId']).where('userId', 'is not', null).doNothing())
    .execute();
};

export const listTaskAssignees = async (db: Db, taskIds: readonly string[]): Promise<TaskAssigneeRecord[]> =>
  taskIds.length === 0
    ? []
    : db.selectFrom('taskAssignee').selectAll().where('taskId', 'in', taskIds).orderBy('part').execute();

export const insertTaskProgress = async (
  trx: Transaction<Database>,
  row: Insertable<TaskProgressTable>,
): Promise<TaskProgressRecord> => trx.insertInto('taskProgress').values(row).returningAll().executeTakeFirstOrThrow();

export const listTaskProgress = async (db: Db, taskId: string): Promise<TaskProgressRecord[]> =>
  db.selectFrom('taskProgress').selectAll().where('taskId', '=', taskId).orderBy('at').orderBy('id').execute();

export const insertTaskExtension = async (
  trx: Transaction<Database>,
  row: Insertable<TaskExtensionTable>,
): Promise<TaskExtensionRecord> => trx.insertInto('taskExtension').values(row).returningAll().executeTakeFirstOrThrow();

export const findPendingTaskExtension = async (db: Db, taskId: string): Promise<TaskExtensionRecord | undefined> =>
  db
    .selectFrom('taskExtension')
    .selectAll()
    .where('taskId', '=', taskId)
    .where('decision', 'is', null)
    .executeTakeFirst();

export const decideTaskExtension = async (
  trx: Transaction<Database>,
  input: { id: string; decision: 'approved' | 'refused'; decidedBy: string; decidedAt: Date; note: string | null },
): Promise<void> => {
  await trx
    .updateTable('taskExtension')
    .set({
      decision: input.decision,
      decidedBy: input.decidedBy,
      decidedAt: input.decidedAt,
      decisionNote: input.note,
    })
    .where('id', '=', input.id)
    .where('decision', 'is', null)
    .execute();
};

export const listTaskExtensions = async (db: Db, taskId: string): Promise<TaskExtensionRecord[]> =>
  db
    .selectFrom('taskExtension')
    .selectAll()
    .where('taskId', '=', taskId)
    .orderBy('requestedAt')
    .orderBy('id')
    .execute();

export const listSubTasks = async (db: Db, parentId: string): Promise<TaskRecord[]> =>
  db
    .selectFrom('task')
    .selectAll()
    .where('parentTaskId', '=', parentId)
    .orderBy('dueAt')
    .orderBy('id')
    .limit(200)
    .execute();

/** The tasks made from a source (an incoming document, a calendar entry), for its page. */
export const listTasksFromSource = async (db: Db, sourceId: string): Promise<TaskRecord[]> =>
  db
    .selectFrom('task')
    .selectAll()
    .where('sourceId', '=', sourceId)
    .orderBy('dueAt')
    .orderBy('id')
    .limit(100)
    .execute();

export type TaskListView = 'mine' | 'assigned_by_me' | 'unit';
export type TaskListQuery = {
  view: TaskListView;
  provinceCode: string;
  userId: string;
  /** 'unit': the units whose tasks the caller sees (the units they head or work in). */
  unitIds: readonly string[];
  /** Open only (default), or all. */
  openOnly: boolean;
  after?: { dueAt: string; id: string } | undefined;
  limit: number;
};

/**
 * A list in deadline order (keyset on due_at, id): mine (lead or co-operator: the caller's assignee rows),
 * assigned by me (task_assigned_by_idx), my units' (units assigned, or the unit leading).
 */
export const listTasks = async (db: Db, query: TaskListQuery): Promise<TaskRecord[]> => {
  let select = db.selectFrom('task').selectAll('task').where('task.provinceCode', '=', query.provinceCode);
  if (query.view === 'mine') {
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('taskAssignee')
          .select(sql`1`.as('one'))
          .whereRef('taskAssignee.taskId', '=', 'task.id')
          .where('taskAssignee.userId', '=', query.userId),
      ),
    );
  } else if (query.view === 'assigned_by_me') {
    select = select.where('task.assignedBy', '=', query.userId);
  } else {
    if (query.unitIds.length === 0) {
      return [];
    }
    select = select.where((eb) =>
      eb.or([
        eb('task.leadAgencyId', 'in', query.unitIds),
        eb.exists(
          eb
            .selectFrom('taskAssignee')
            .select(sql`1`.as('one'))
            .whereRef('taskAssignee.taskId', '=', 'task.id')
            .where('taskAssignee.agencyId', 'in', query.unitIds),
        ),
      ]),
    );
  }
  if (query.openOnly) {
    select = select.where('task.status', 'in', OPEN);
  }
  if (query.after) {
    const after = query.after;
    select = select.where((eb) =>
      eb.or([
        eb('task.dueAt', '>', new Date(after.dueAt)),
        eb.and([eb('task.dueAt', '=', new Date(after.dueAt)), eb('task.id', '>', after.id)]),
      ]),
    );
  }
  return select.orderBy('task.dueAt').orderBy('task.id').limit(query.limit).execute();
};

/** The open tasks of a province due before an instant (the warnings job; task_open_due_idx). */
export const listOpenTasksDueBefore = async (db: Db, provinceCode: string, before: Date, limit = 5000) =>
  db
    .selectFrom('task')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('status', 'in', OPEN)
    .where('dueAt', '<', before)
    .orderBy('dueAt')
    .orderBy('id')
    .limit(limit)
    .execute();

export type TaskTrackingRow = {
  by: 'person' | 'unit' | 'leader';
  key: string;
  assigned: number;
  open: number;
  overdue: number;
  completedOnTime: number;
  completedLate: number;
};

/**
 * The tracking summary (theo dõi việc thực hiện nhiệm vụ) of the tasks of some agencies, per person who leads,
 * per unit that leads and per leader who assigned, in ONE aggregate (grouping sets): assigned in the period,
 * open now, overdue now, completed in the period on time (early or on time) and late.
 */
export const summarizeTaskTracking = async (
  db: Db,
  input: { provinceCode: string; agencyIds: readonly string[]; from: Date; to: Date; now: Date },
): Promise<TaskTrackingRow[]> => {
  if (input.agencyIds.length === 0) {
    return [];
  }
  const result = await sql<{
    person: string | null;
    unit: string | null;
    leader: string | null;
    gperson: number;
    gunit: number;
    assigned: string | number;
    open: string | number;
    overdue: string | number;
    ontime: string | number;
    late: string | number;
  }>`
    select t.lead_user_id as person, t.lead_agency_id as unit, t.assigned_by as leader,
      grouping(t.lead_user_id) as gperson, grouping(t.lead_agency_id) as gunit,
      count(*) filter (where t.assigned_at >= ${input.from} and t.assigned_at < ${input.to}) as assigned,
      count(*) filter (where t.status in ('assigned', 'in_progress', 'extension_requested', 'submitted')) as open,
      count(*) filter (where t.status in ('assigned', 'in_progress', 'extension_requested', 'submitted')
        and t.due_at < ${input.now}) as overdue,
      count(*) filter (where t.status = 'completed' and t.completed_at >= ${input.from} and t.completed_at < ${input.to}
        and t.completion_class in ('early', 'on_time')) as ontime,
      count(*) filter (where t.status = 'completed' and t.completed_at >= ${input.from} and t.completed_at < ${input.to}
        and t.completion_class = 'late') as late
    from task t
    where t.province_code = ${input.provinceCode}
      and t.agency_id in (${sql.join(input.agencyIds.map((id) => sql`${id}`))})
      and t.status <> 'cancelled'
      and t.assigned_at < ${input.to}
      and (t.completed_at is null or t.completed_at >= ${input.from})
    group by grouping sets ((t.lead_user_id), (t.lead_agency_id), (t.assigned_by))
    order by 4, 5, 1, 2, 3
  `.execute(db);
  const rows: TaskTrackingRow[] = [];
  for (const row of result.rows) {
    const by = Number(row.gperson) === 0 ? 'person' : Number(row.gunit) === 0 ? 'unit' : 'leader';
    const key = by === 'person' ? row.person : by === 'unit' ? row.unit : row.leader;
    if (!key) {
      continue;
    }
    rows.push({
      by,
      key,
      assigned: Number(row.assigned),
      open: Number(row.open),
      overdue: Number(row.overdue),
      completedOnTime: Number(row.ontime),
      completedLate: Number(row.late),
    });
  }
  return rows;
};

export const listWorkNoticesForRecord = async (db: Db, recordId: string) =>
  db.selectFrom('workNotice').selectAll().where('recordId', '=', recordId).orderBy('createdAt').orderBy('id').execute();

/** The provinces that have open tasks (the warnings job runs province by province). */
export const listProvincesWithOpenTasks = async (db: Db): Promise<string[]> =>
  (
    await db
      .selectFrom('task')
      .select('provinceCode')
      .distinct()
      .where('status', 'in', OPEN)
      .orderBy('provinceCode')
      .execute()
  ).map((row) => row.provinceCode);

/** The agency of a calendar entry (a task made from a meeting must come from an entry the caller may read). */
export const findScheduleEntryAgency = async (db: Db, id: string) =>
  db.selectFrom('scheduleEntry').select(['id', 'agencyId']).where('id', '=', id).executeTakeFirst();

/** A demo incoming document of an agency being handled (the demo task made from its direction). */
export const findDemoIncomingBeingHandled = async (db: Db, agencyId: string) =>
  db
    .selectFrom('incomingDocument')
    .select(['id', 'subject'])
    .where('agencyId', '=', agencyId)
    .where('isDemo', '=', true)
    .where('status', 'in', ['directed', 'in_progress'])
    .orderBy('registeredAt', 'desc')
    .orderBy('id')
    .executeTakeFirst();
