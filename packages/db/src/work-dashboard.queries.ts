import { type RawBuilder, sql } from 'kysely';
import type { Db } from './statistics-sql.js';

/**
 * The leader's operations dashboard (issue 20 item 6): counts only, each read on an index range of one unit or
 * one official — open tasks led (task_lead_agency_idx, task_lead_user_idx), open dossiers held
 * (dossier_open_holder_idx, dossier_holder_user_idx), the officials of a unit (user_role_agency_idx), decided
 * evaluation sheets of one period (evaluation_sheet_agency_idx) — and drill-down pages in keyset order.
 */

/** The statuses of a task still to be done (domain work/vocabulary.ts OPEN_TASK_STATUSES). */
const OPEN_TASK = sql.raw("('assigned', 'in_progress', 'extension_requested', 'submitted')");
/** The statuses of an open dossier (the partial inbox indexes of migration 0016 cover exactly these). */
const OPEN_DOSSIER = sql.raw(
  "('new', 'received', 'processing', 'supplement_requested', 'financial_obligation', 'completed')",
);
/** A dossier is overdue as the inbox's box 'overdue' says (dossiers.queries.ts): its clock ran past the due instant. */
const DOSSIER_OVERDUE = sql`d.status in ('received', 'processing', 'completed') and coalesce(d.due_at, 'infinity'::timestamptz) < `;

/**
 * The open tasks of a set of units: those a unit leads itself, and those an official of a unit leads — two index
 * ranges (task_lead_agency_idx per unit, task_lead_user_idx per official) joined by a union, which also counts
 * a task led by both once. (An OR of the two would leave the planner a filter over the whole table.)
 */
const openTasksOfUnits = (units: RawBuilder<unknown>) => sql`
  select t.id, t.due_at from task t
  where t.lead_agency_id in (${units}) and t.status in ${OPEN_TASK}
  union
  select t.id, t.due_at from (select distinct r.user_id from user_role r where r.agency_id in (${units})) m
  cross join lateral (select t.id, t.due_at from task t where t.lead_user_id = m.user_id and t.status in ${OPEN_TASK}) t`;

export type DashboardUnitRow = { id: string; code: string; name: string; parentId: string | null; path: string };

/**
 * The agencies a leader heads, in tree order: the agencies of the grants, and every agency in force below those
 * whose grant reaches sub-agencies. At most `limit` (a department has tens of units, not thousands).
 */
export const listDashboardUnits = async (
  db: Db,
  input: { agencyIds: string[]; subtreeIds: string[]; limit: number },
): Promise<DashboardUnitRow[]> => {
  if (input.agencyIds.length === 0) {
    return [];
  }
  const result = await sql<DashboardUnitRow>`
    select a.id::text as id, a.code, a.name, a.parent_id::text as "parentId", a.path
    from agency a
    where a.id in (
      select unnest(${input.agencyIds}::uuid[])
      union
      select d.id from agency r join agency d on d.path like r.path || '%'
      where r.id = any(${input.subtreeIds}::uuid[]) and d.valid_to is null
    )
    order by a.path
    limit ${input.limit}
  `.execute(db);
  return result.rows;
};

export type WorkloadCounts = {
  openTasks: number;
  overdueTasks: number;
  dueThisWeek: number;
  heldDossiers: number;
  overdueDossiers: number;
};

/**
 * Per unit: the open tasks the unit leads or one of its officials leads (overdue ones and those due before the
 * week ends among them), the open dossiers the unit holds (overdue ones among them) and its officials.
 */
export const countUnitWorkload = async (
  db: Db,
  input: { unitIds: string[]; now: Date; weekEnd: Date },
): Promise<(WorkloadCounts & { unitId: string; officials: number })[]> => {
  if (input.unitIds.length === 0) {
    return [];
  }
  const result = await sql<WorkloadCounts & { unitId: string; officials: number }>`
    select u.id::text as "unitId", m.officials, tk."openTasks", tk."overdueTasks", tk."dueThisWeek",
      ds."heldDossiers", ds."overdueDossiers"
    from unnest(${input.unitIds}::uuid[]) as u (id)
    cross join lateral (
      select count(distinct r.user_id)::int as officials from user_role r where r.agency_id = u.id
    ) m
    cross join lateral (
      select count(*)::int as "openTasks",
        count(*) filter (where t.due_at < ${input.now})::int as "overdueTasks",
        count(*) filter (where t.due_at >= ${input.now} and t.due_at < ${input.weekEnd})::int as "dueThisWeek"
      from (${openTasksOfUnits(sql`u.id`)}) t
    ) tk
    cross join lateral (
      select count(*)::int as "heldDossiers",
        count(*) filter (where ${DOSSIER_OVERDUE} ${input.now})::int as "overdueDossiers"
      from dossier d
      where d.holder_agency_id = u.id and d.status in ${OPEN_DOSSIER}
    ) ds
  `.execute(db);
  return result.rows;
};

/** The same figures over all the units at once (a task led by an official of two units counts once). */
export const countScopeWorkload = async (
  db: Db,
  input: { unitIds: string[]; now: Date; weekEnd: Date },
): Promise<WorkloadCounts & { officials: number }> => {
  const empty = { openTasks: 0, overdueTasks: 0, dueThisWeek: 0, heldDossiers: 0, overdueDossiers: 0, officials: 0 };
  if (input.unitIds.length === 0) {
    return empty;
  }
  const result = await sql<WorkloadCounts & { officials: number }>`
    with members as (select distinct r.user_id from user_role r where r.agency_id = any(${input.unitIds}::uuid[]))
    select (select count(*)::int from members) as officials, tk."openTasks", tk."overdueTasks", tk."dueThisWeek",
      ds."heldDossiers", ds."overdueDossiers"
    from (
      select count(*)::int as "openTasks",
        count(*) filter (where t.due_at < ${input.now})::int as "overdueTasks",
        count(*) filter (where t.due_at >= ${input.now} and t.due_at < ${input.weekEnd})::int as "dueThisWeek"
      from (${openTasksOfUnits(sql`select unnest(${input.unitIds}::uuid[])`)}) t
    ) tk, (
      select count(*)::int as "heldDossiers",
        count(*) filter (where ${DOSSIER_OVERDUE} ${input.now})::int as "overdueDossiers"
      from unnest(${input.unitIds}::uuid[]) as u (id)
      join dossier d on d.holder_agency_id = u.id and d.status in ${OPEN_DOSSIER}
    ) ds
  `.execute(db);
  return result.rows[0] ?? empty;
};

export type OfficialWorkloadRow = WorkloadCounts & {
  userId: string;
  fullName: string;
  title: string | null;
  unitId: string;
};

/**
 * Per active official of the units (at most `limit`, the most overdue first): the open tasks they lead, the
 * open dossiers they hold now. Their unit is the deepest of the units they hold a role in.
 */
export const countOfficialWorkload = async (
  db: Db,
  input: { unitIds: string[]; now: Date; weekEnd: Date; limit: number },
): Promise<OfficialWorkloadRow[]> => {
  if (input.unitIds.length === 0) {
    return [];
  }
  const result = await sql<OfficialWorkloadRow>`
    with members as (
      select distinct on (r.user_id) r.user_id, r.agency_id
      from user_role r join agency a on a.id = r.agency_id
      where r.agency_id = any(${input.unitIds}::uuid[])
      order by r.user_id, length(a.path) desc
    )
    select p.id::text as "userId", p.full_name as "fullName", p.title, m.agency_id::text as "unitId",
      tk."openTasks", tk."overdueTasks", tk."dueThisWeek", ds."heldDossiers", ds."overdueDossiers"
    from members m
    join app_user p on p.id = m.user_id and p.status = 'active'
    cross join lateral (
      select count(*)::int as "openTasks",
        count(*) filter (where t.due_at < ${input.now})::int as "overdueTasks",
        count(*) filter (where t.due_at >= ${input.now} and t.due_at < ${input.weekEnd})::int as "dueThisWeek"
      from task t where t.lead_user_id = p.id and t.status in ${OPEN_TASK}
    ) tk
    cross join lateral (
      select count(*)::int as "heldDossiers",
        count(*) filter (where ${DOSSIER_OVERDUE} ${input.now})::int as "overdueDossiers"
      from dossier d where d.holder_user_id = p.id and d.status in ${OPEN_DOSSIER}
    ) ds
    order by tk."overdueTasks" + ds."overdueDossiers" desc, tk."openTasks" + ds."heldDossiers" desc, p.full_name, p.id
    limit ${input.limit}
  `.execute(db);
  return result.rows;
};

/** Whether the official holds a role in one of the units (the drill-down by official stays inside the scope). */
export const isOfficialOfUnits = async (db: Db, input: { userId: string; unitIds: string[] }): Promise<boolean> => {
  const result = await sql<{ found: number }>`
    select 1 as found from user_role r
    where r.user_id = ${input.userId}::uuid and r.agency_id = any(${input.unitIds}::uuid[]) limit 1
  `.execute(db);
  return result.rows.length > 0;
};

export type DecidedPeriodRow = {
  id: string;
  agencyId: string;
  kind: 'month' | 'quarter' | 'year';
  year: number;
  number: number;
  startsOn: string;
  endsOn: string;
};

/**
 * The last period of the agencies (by its end, the shorter first) in which at least one sheet was decided.
 * Periods are few per agency (twelve months, four quarters, a year); the decided sheet is found on the index.
 */
export const findLastDecidedPeriod = async (
  db: Db,
  input: { agencyIds: string[] },
): Promise<DecidedPeriodRow | undefined> => {
  if (input.agencyIds.length === 0) {
    return undefined;
  }
  const result = await sql<DecidedPeriodRow>`
    select p.id::text as id, p.agency_id::text as "agencyId", p.kind, p.year, p.number,
      to_char(p.starts_on, 'YYYY-MM-DD') as "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn"
    from evaluation_period p
    where p.agency_id = any(${input.agencyIds}::uuid[])
      and exists (
        select 1 from evaluation_sheet s
        where s.agency_id = p.agency_id and s.period_id = p.id and s.status = 'decided'
      )
    order by p.ends_on desc, p.starts_on desc, p.id
    limit 1
  `.execute(db);
  return result.rows[0];
};

/**
 * The decided sheets of a period per unit and band, for the sheets of the units (by the sheet's unit, or every
 * sheet when the period's agency is itself one of the units). A sheet without a unit counts under the agency.
 */
export const countDecidedBands = async (
  db: Db,
  input: { periodId: string; agencyId: string; unitIds: string[] },
): Promise<{ unitId: string; band: string; sheets: number }[]> => {
  const result = await sql<{ unitId: string; band: string; sheets: number }>`
    select coalesce(s.unit_id, s.agency_id)::text as "unitId", coalesce(s.band, 'incomplete') as band,
      count(*)::int as sheets
    from evaluation_sheet s
    where s.agency_id = ${input.agencyId}::uuid and s.period_id = ${input.periodId}::uuid and s.status = 'decided'
      and (s.agency_id = any(${input.unitIds}::uuid[]) or s.unit_id = any(${input.unitIds}::uuid[]))
    group by 1, 2
  `.execute(db);
  return result.rows;
};

export type DashboardTaskRow = {
  id: string;
  title: string;
  confidential: boolean;
  status: string;
  dueAt: Date;
  progressPercent: number;
  leadName: string | null;
  leadUnitName: string | null;
};

export type DashboardTaskFilter = 'open' | 'overdue' | 'due_week';

/**
 * A page of the open tasks behind a figure, by deadline then id (keyset): those a unit leads or its officials
 * lead, or those one official leads.
 */
export const listDashboardTasks = async (
  db: Db,
  input: {
    unitId?: string | undefined;
    userId?: string | undefined;
    filter: DashboardTaskFilter;
    now: Date;
    weekEnd: Date;
    after?: { at: string; id: string } | undefined;
    limit: number;
  },
): Promise<DashboardTaskRow[]> => {
  const filter =
    input.filter === 'overdue'
      ? sql`and t.due_at < ${input.now}`
      : input.filter === 'due_week'
        ? sql`and t.due_at >= ${input.now} and t.due_at < ${input.weekEnd}`
        : sql``;
  const after = input.after
    ? sql`and (t.due_at, t.id) > (${input.after.at}::timestamptz, ${input.after.id}::uuid)`
    : sql``;
  // One index range per leader (the unit itself, each of its officials), each stopped after `limit`, merged:
  // the first `limit` of the union are among the first `limit` of each part (as the inbox reads, dossiers.queries.ts).
  const part = (lead: RawBuilder<unknown>) => sql`
    select t.id, t.due_at from task t
    where ${lead} and t.status in ${OPEN_TASK} ${filter} ${after}
    order by t.due_at, t.id
    limit ${input.limit}`;
  const candidates = input.userId
    ? part(sql`t.lead_user_id = ${input.userId}::uuid`)
    : sql`(${part(sql`t.lead_agency_id = ${input.unitId ?? null}::uuid`)})
      union
      select p.id, p.due_at from (select distinct r.user_id from user_role r where r.agency_id = ${input.unitId ?? null}::uuid) m
      cross join lateral (${part(sql`t.lead_user_id = m.user_id`)}) p`;
  const result = await sql<DashboardTaskRow>`
    select t.id::text as id, t.title, t.confidential, t.status, t.due_at as "dueAt",
      t.progress_percent as "progressPercent", u.full_name as "leadName", a.name as "leadUnitName"
    from (${candidates}) c
    join task t on t.id = c.id
    left join app_user u on u.id = t.lead_user_id
    left join agency a on a.id = t.lead_agency_id
    order by t.due_at, t.id
    limit ${input.limit}
  `.execute(db);
  return result.rows;
};

export type DashboardDossierRow = {
  id: string;
  code: string;
  procedureName: string;
  status: string;
  dueAt: Date | null;
  holderName: string | null;
};

export type DashboardDossierFilter = 'held' | 'overdue';

/** A page of the open dossiers behind a figure (held by a unit or an official), in the inbox's order (keyset). */
export const listDashboardDossiers = async (
  db: Db,
  input: {
    unitId?: string | undefined;
    userId?: string | undefined;
    filter: DashboardDossierFilter;
    now: Date;
    after?: { at: string; id: string } | undefined;
    limit: number;
  },
): Promise<DashboardDossierRow[]> => {
  const who = input.userId
    ? sql`d.holder_user_id = ${input.userId}::uuid`
    : sql`d.holder_agency_id = ${input.unitId ?? null}::uuid`;
  const filter = input.filter === 'overdue' ? sql`and ${DOSSIER_OVERDUE} ${input.now}` : sql``;
  const key = sql`coalesce(d.due_at, 'infinity'::timestamptz)`;
  const after = input.after
    ? sql`and (${key}, d.id) > (${input.after.at}::timestamptz, ${input.after.id}::uuid)`
    : sql``;
  const result = await sql<DashboardDossierRow>`
    select d.id::text as id, d.code, d.procedure_name as "procedureName", d.status, d.due_at as "dueAt",
      u.full_name as "holderName"
    from dossier d
    left join app_user u on u.id = d.holder_user_id
    where d.status in ${OPEN_DOSSIER} and ${who} ${filter} ${after}
    order by ${key}, d.id
    limit ${input.limit}
  `.execute(db);
  return result.rows;
};
