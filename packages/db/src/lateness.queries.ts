import { sql } from 'kysely';
import type { Db } from './statistics-sql.js';

export type OverrunStepRow = {
  dossierId: string;
  code: string;
  procedureName: string;
  completionClass: string | null;
  legalDueAt: Date | null;
  completedAt: Date | null;
  stepNo: number;
  stepName: string;
  role: string;
  agencyId: string;
  agencyName: string;
  allotmentMinutes: number;
  stepDueAt: Date | null;
  stepCompletedAt: Date | null;
  overrunMinutes: number | null;
  stepStatus: string;
};

/**
 * Late dossiers of the period with the steps that overran: dossiers with a step finished in the
 * period past its own due instant (read from the overrun index of dossier_step), and open dossiers
 * past their due instant now (the active step is measured by the caller, in working time up to
 * now). Keyset-paginated by dossier code.
 */
export const listLateDossierSteps = async (
  db: Db,
  input: {
    provinceCodes: readonly string[];
    agencyIds: readonly string[] | null;
    from: string;
    to: string;
    now: Date;
    after?: { code: string } | undefined;
    limit: number;
  },
): Promise<OverrunStepRow[]> => {
  const ids = input.agencyIds === null ? null : [...input.agencyIds];
  const provinces = [...input.provinceCodes];
  const start = sql`(${input.from}::date::timestamp - interval '7 hours') at time zone 'UTC'`;
  const end = sql`((${input.to}::date + 1)::timestamp - interval '7 hours') at time zone 'UTC'`;
  const after = input.after;
  const result = await sql<OverrunStepRow>`
    with candidates as (
      select s.dossier_id as id from dossier_step s
      where s.province_code = any(${provinces}::text[]) and s.overrun_minutes > 0
        and s.completed_at >= ${start} and s.completed_at < ${end}
        and (${ids}::uuid[] is null or s.agency_id = any(${ids}::uuid[]))
      union
      select d.id from dossier d
      where d.province_code = any(${provinces}::text[])
        and d.status in ('received', 'processing', 'supplement_requested', 'financial_obligation')
        and d.due_at < ${input.now}
    ),
    late as (
      select d.id, d.code, d.procedure_name, d.completion_class, d.legal_due_at, d.completed_at
      from dossier d join candidates c on c.id = d.id
      where true ${after ? sql`and d.code > ${after.code}` : sql``}
        and (${ids}::uuid[] is null or exists (select 1 from dossier_step s where s.dossier_id = d.id and s.agency_id = any(${ids}::uuid[])))
      order by d.code
      limit ${input.limit}
    )
    select l.id as dossier_id, l.code, l.procedure_name, l.completion_class, l.legal_due_at, l.completed_at,
      s.step_no, s.name as step_name, s.role, s.agency_id, a.name as agency_name, s.allotment_minutes,
      s.due_at as step_due_at, s.completed_at as step_completed_at, s.overrun_minutes, s.status as step_status
    from late l
    join dossier_step s on s.dossier_id = l.id
    join agency a on a.id = s.agency_id
    where (s.overrun_minutes > 0) or (s.status = 'active' and s.due_at < ${input.now})
    order by l.code, s.step_no
  `.execute(db);
  return result.rows;
};

export type AgencyOverrunRow = {
  agencyId: string;
  agencyName: string;
  steps: number;
  dossiers: number;
  totalOverrunMinutes: number;
  maxOverrunMinutes: number;
};

/** Agencies by working time overrun on their steps finished in the period (largest first). */
export const sumOverrunByAgency = async (
  db: Db,
  input: {
    provinceCodes: readonly string[];
    agencyIds: readonly string[] | null;
    from: string;
    to: string;
    limit: number;
  },
): Promise<AgencyOverrunRow[]> => {
  const ids = input.agencyIds === null ? null : [...input.agencyIds];
  const start = sql`(${input.from}::date::timestamp - interval '7 hours') at time zone 'UTC'`;
  const end = sql`((${input.to}::date + 1)::timestamp - interval '7 hours') at time zone 'UTC'`;
  const result = await sql<AgencyOverrunRow>`
    select s.agency_id, a.name as agency_name, count(*)::int as steps, count(distinct s.dossier_id)::int as dossiers,
      sum(s.overrun_minutes)::bigint as total_overrun_minutes, max(s.overrun_minutes)::int as max_overrun_minutes
    from dossier_step s join agency a on a.id = s.agency_id
    where s.province_code = any(${[...input.provinceCodes]}::text[]) and s.overrun_minutes > 0
      and s.completed_at >= ${start} and s.completed_at < ${end}
      and (${ids}::uuid[] is null or s.agency_id = any(${ids}::uuid[]))
    group by s.agency_id, a.name
    order by sum(s.overrun_minutes) desc, s.agency_id
    limit ${input.limit}
  `.execute(db);
  return result.rows.map((row) => ({ ...row, totalOverrunMinutes: Number(row.totalOverrunMinutes) }));
};
