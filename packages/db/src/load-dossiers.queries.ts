import { type Expression, sql } from 'kysely';
import type { Db } from './statistics-sql.js';

export type LoadAgency = { id: string; code: string };

export type LoadProcedure = { procedureId: string; versionId: string; code: string; name: string; fieldName: string };

/**
 * Load-test dossiers (the inbox benchmark, the list plan tests): `count` lean rows numbered from
 * `start`, written by one INSERT … SELECT over generate_series. They are spread over `agencies`
 * (dossier n is received at agency n mod k); a share `openShare` is open (received in the last 60
 * days, due 1–30 days after receipt, a tenth handed on to another agency), the rest returned or
 * refused over the three years before `now`. No events or statistics: they exist to be listed.
 */
export const insertLoadDossiers = async (
  db: Db,
  input: {
    provinceCode: string;
    agencies: readonly LoadAgency[];
    procedure: LoadProcedure;
    start: number;
    count: number;
    now: Date;
    openShare: number;
  },
): Promise<void> => {
  const ids = input.agencies.map((a) => a.id);
  const codes = input.agencies.map((a) => a.code);
  const end = input.start + input.count - 1;
  const p = input.procedure;
  await sql`
    insert into dossier (code, province_code, receiving_agency_id, holder_agency_id, current_step_role, current_step_due_at,
      procedure_id, procedure_version_id, procedure_code, procedure_name, field_name, channel, status, applicant_kind,
      applicant_name, applicant_search, applicant, summary, state, received_at, due_at, legal_due_at, completed_at,
      completion_class, outcome, returned_at, return_channel, created_at, updated_at)
    select
      g.receiving_code || '-' || to_char(g.received_at + interval '7 hours', 'YYMMDD') || '-' || (10000000 + g.n)::text,
      ${input.provinceCode}, g.receiving, g.holder,
      case g.status when 'processing' then 'processor' when 'received' then 'processor' when 'completed' then 'result_returner' end,
      case when g.status in ('received', 'processing') then g.due_at end,
      ${p.procedureId}::uuid, ${p.versionId}::uuid, ${p.code}, ${p.name}, ${p.fieldName}, g.channel, g.status, 'person',
      g.surname || ' Văn ' || g.given, lower(g.surname_folded || ' van ' || g.given_folded),
      jsonb_build_object('kind', 'person', 'fullName', g.surname || ' Văn ' || g.given),
      ${p.name},
      jsonb_build_object('status', g.status, 'receivingAgencyId', g.receiving, 'steps', '[]'::jsonb, 'load', true),
      case when g.status <> 'new' then g.received_at end,
      case when g.status not in ('new', 'refused') then g.due_at end,
      case when g.status not in ('new', 'refused') then g.due_at end,
      case when g.status in ('completed', 'returned') then g.due_at - interval '1 day' end,
      case when g.status in ('completed', 'returned') then 'early' end,
      case when g.status in ('completed', 'returned') then 'approved' end,
      case when g.status = 'returned' then g.due_at end,
      case when g.status = 'returned' then 'counter' end,
      g.received_at, g.received_at
    from (
      select x.*,
        case when x.open then (${ids}::uuid[])[1 + ((x.n * 7 + 3) % ${ids.length})] else x.receiving end as holder0
      from (
        select n,
          (${ids}::uuid[])[1 + (n % ${ids.length})] as receiving,
          (${codes}::text[])[1 + (n % ${ids.length})] as receiving_code,
          (hashint4(n::int) & 1048575) / 1048576.0 < ${input.openShare} as open,
          (hashint4(n::int + 1) & 2147483647) % 1000 as r,
          (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + (hashint4(n::int + 2) & 2147483647) % 8] as surname,
          (array['Nguyen','Tran','Le','Pham','Hoang','Vu','Dang','Bui'])[1 + (hashint4(n::int + 2) & 2147483647) % 8] as surname_folded,
          (array['An','Bình','Chi','Dũng','Hà','Lan','Minh','Nam','Sơn','Yến'])[1 + (hashint4(n::int + 3) & 2147483647) % 10] as given,
          (array['an','binh','chi','dung','ha','lan','minh','nam','son','yen'])[1 + (hashint4(n::int + 3) & 2147483647) % 10] as given_folded
        from generate_series(${input.start}::bigint, ${end}::bigint) as s (n)
      ) x
    ) y
    cross join lateral (
      select y.n, y.r, y.receiving, y.receiving_code, y.surname, y.surname_folded, y.given, y.given_folded,
        -- A tenth of the open dossiers is handed on to another agency of the list.
        case when y.open and y.r % 10 = 0 then y.holder0 else y.receiving end as holder,
        case when y.r % 3 = 0 then 'online' else 'direct' end as channel,
        case
          when y.open then (array['new', 'received', 'processing', 'processing', 'processing', 'supplement_requested', 'completed'])[1 + y.r % 7]
          when y.r % 50 = 0 then 'refused'
          else 'returned'
        end as status,
        case
          when y.open then ${input.now}::timestamptz - (y.r % 60) * interval '1 day' - (y.n % 480) * interval '1 minute'
          else ${input.now}::timestamptz - interval '61 days' - (y.n % 1035) * interval '1 day' - (y.n % 480) * interval '1 minute'
        end as received_at
    ) h
    cross join lateral (
      select h.*, h.received_at + (1 + h.r % 30) * interval '1 day' as due_at
    ) g
  `.execute(db);
};

/** EXPLAIN (ANALYZE, BUFFERS) of a query, as PostgreSQL's JSON plan (its top node). */
export const explainQuery = async (db: Db, query: Expression<unknown>): Promise<PlanNode> => {
  const result = await sql<{ queryPlan: unknown }>`explain (analyze, buffers, format json) ${query}`.execute(db);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  const value = row ? Object.values(row)[0] : undefined;
  const plans = (typeof value === 'string' ? JSON.parse(value) : value) as { Plan: PlanNode }[];
  const top = plans[0]?.Plan;
  if (!top) {
    throw new Error('EXPLAIN returned no plan');
  }
  return top;
};

/** EXPLAIN (ANALYZE, BUFFERS) of a query, as text (for docs/performance.md). */
export const explainQueryText = async (db: Db, query: Expression<unknown>): Promise<string> => {
  const result = await sql<Record<string, string>>`explain (analyze, buffers) ${query}`.execute(db);
  return result.rows.map((row) => Object.values(row)[0]).join('\n');
};

export type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
  [key: string]: unknown;
};
