import { type RawBuilder, sql } from 'kysely';
import { type Db, handlingAgencySql, levelSql, phaseSql, vnDay } from './statistics-sql.js';
import type { SeriesFilter } from './statistics-sums.queries.js';

export type DossierFigure =
  | 'carried_over'
  | 'received'
  | 'resolved'
  | 'resolved_early'
  | 'resolved_on_time'
  | 'resolved_late'
  | 'in_progress'
  | 'in_progress_not_due'
  | 'in_progress_overdue'
  | 'returned'
  | 'withdrawn'
  | 'stopped'
  | 'refused'
  | 'progress_counted'
  | 'progress_not_counted'
  | 'online_full_eligible'
  | 'online_full_online'
  | 'data_reuse_eligible'
  | 'data_reuse_from_data';

export type FigureDossier = {
  source: 'engine' | 'history';
  id: string;
  code: string;
  procedureCode: string | null;
  procedureName: string | null;
  agencyName: string | null;
  channel: string;
  status: string;
  receivedAt: Date | null;
  legalDueAt: Date | null;
  completedAt: Date | null;
  completionClass: string | null;
  returnedAt: Date | null;
  /** The keyset position: the receipt instant (the refusal instant for refused dossiers). */
  sortKey: Date | null;
};

/**
 * The dossiers behind one figure of a report, keyset-paginated by (received instant, code, source)
 * — the same definitions as the aggregates, applied row by row, for the agencies of the scope.
 * Each source (engine dossiers, imported history) is read in receipt order with the definitions
 * applied per row, so a page stops after `limit` matches instead of sorting the whole province.
 */
export const listFigureDossiers = async (
  db: Db,
  input: {
    figure: DossierFigure;
    from: string;
    to: string;
    filter: SeriesFilter;
    after?: { receivedAt: string; code: string; source: string } | undefined;
    limit: number;
  },
): Promise<FigureDossier[]> => {
  const { from, to, filter } = input;
  const scopeIds = filter.agencyIds === null ? null : [...filter.agencyIds];
  const F = sql`${from}::date`;
  const T = sql`${to}::date`;
  const open = sql`rcv and rd <= ${T} and (ed is null or ed > ${T})`;
  const overdue = sql`legal_due_at is not null and dd <= ${T}`;
  const receivedIn = sql`rcv and rd between ${F} and ${T}`;
  const resolvedIn = sql`phase = 'resolved' and cd between ${F} and ${T}`;
  const predicates: Record<DossierFigure, RawBuilder<unknown>> = {
    carried_over: sql`rcv and rd < ${F} and (ed is null or ed >= ${F})`,
    received: receivedIn,
    resolved: resolvedIn,
    resolved_early: sql`${resolvedIn} and completion_class = 'early'`,
    resolved_on_time: sql`${resolvedIn} and completion_class = 'on_time'`,
    resolved_late: sql`${resolvedIn} and completion_class = 'late'`,
    in_progress: open,
    in_progress_not_due: sql`${open} and not (${overdue})`,
    in_progress_overdue: sql`${open} and ${overdue}`,
    returned: sql`phase = 'resolved' and td between ${F} and ${T}`,
    withdrawn: sql`phase = 'withdrawn' and xd between ${F} and ${T}`,
    stopped: sql`phase = 'stopped' and xd between ${F} and ${T}`,
    refused: sql`phase = 'refused' and xd between ${F} and ${T}`,
    progress_counted: sql`((${resolvedIn} and completion_class in ('early', 'on_time')) or (${open} and not (${overdue})))`,
    progress_not_counted: sql`((${resolvedIn} and (completion_class is null or completion_class = 'late')) or (${open} and ${overdue}))`,
    online_full_eligible: sql`${receivedIn} and online_full`,
    online_full_online: sql`${receivedIn} and online_full and channel = 'online'`,
    data_reuse_eligible: sql`${receivedIn} and replaceable`,
    data_reuse_from_data: sql`${receivedIn} and replaceable and from_data`,
  };
  // Refused dossiers were never received: they are ordered by when they were refused.
  const refused = input.figure === 'refused';
  // Every figure but "refused" needs a receipt no later than the period's end (an index range).
  const receivedBefore = sql`((${to}::date + 1)::timestamp - interval '7 hours') at time zone 'UTC'`;
  const where = sql`
    (${predicates[input.figure]})
    and (cardinality(${[...(filter.levels ?? [])]}::text[]) = 0 or level = any(${[...(filter.levels ?? [])]}::text[]))
    and (cardinality(${[...(filter.channels ?? [])]}::text[]) = 0 or channel = any(${[...(filter.channels ?? [])]}::text[]))
    and (cardinality(${[...(filter.procedureCodes ?? [])]}::text[]) = 0 or procedure_code = any(${[...(filter.procedureCodes ?? [])]}::text[]))
    and (cardinality(${[...(filter.fieldNames ?? [])]}::text[]) = 0 or field_name = any(${[...(filter.fieldNames ?? [])]}::text[]))
    and (${scopeIds}::uuid[] is null or handling_agency_id = any(${scopeIds}::uuid[]) or receiving_agency_id = any(${scopeIds}::uuid[]))`;
  const after = input.after;
  const page = (key: RawBuilder<unknown>, source: 'engine' | 'history', code: RawBuilder<unknown>) =>
    after
      ? sql`and (${key}, ${code}, ${source}::text) > (${after.receivedAt}::timestamptz, ${after.code}, ${after.source})`
      : sql``;
  const engineKey = refused ? sql`coalesce(d.received_at, d.updated_at)` : sql`d.received_at`;
  const engine = await sql<FigureDossier>`
    select 'engine' as source, d.id::text as id, d.code, d.procedure_code, d.procedure_name, ag.name as agency_name,
      d.channel, d.status, d.received_at, d.legal_due_at, d.completed_at, d.completion_class, d.returned_at,
      ${engineKey} as sort_key
    from dossier d
    join procedure_version pv on pv.id = d.procedure_version_id
    cross join lateral (
      select ${handlingAgencySql('d')} as handling_agency_id, ${phaseSql('d')} as phase,
        case when d.status in ('withdrawn', 'stopped', 'refused') then d.updated_at end as closed_at,
        jsonb_path_exists(d.components, '$[*] ? (@.fromData == true)') as from_data,
        coalesce(pv.content ->> 'onlineLevel' = 'full', false) as online_full,
        coalesce(jsonb_path_exists(pv.content, '$.components[*] ? (@.replaceableByData == true)'), false) as replaceable
    ) a
    left join agency ag on ag.id = a.handling_agency_id
    cross join lateral (
      select ${levelSql('ag')} as level,
        ${vnDay(sql`d.received_at`)} as rd, ${vnDay(sql`d.completed_at`)} as cd, ${vnDay(sql`d.returned_at`)} as td,
        ${vnDay(sql`a.closed_at`)} as xd, ${vnDay(sql`d.legal_due_at`)} as dd,
        (d.received_at is not null and a.phase <> 'pending') as rcv,
        case when a.phase = 'resolved' then ${vnDay(sql`d.completed_at`)}
          when a.phase in ('withdrawn', 'stopped', 'refused') and d.received_at is not null then ${vnDay(sql`a.closed_at`)} end as ed
    ) b
    where d.province_code = any(${[...filter.provinceCodes]}::text[])
      ${refused ? sql`` : sql`and d.received_at < ${receivedBefore}`}
      and ${where}
      ${page(engineKey, 'engine', sql`d.code`)}
    order by ${engineKey}, d.code
    limit ${input.limit}
  `.execute(db);
  const historyKey = refused ? sql`coalesce(h.received_at, h.closed_at)` : sql`h.received_at`;
  const history = await sql<FigureDossier>`
    select 'history' as source, h.id::text as id, h.code, h.procedure_code, h.procedure_name,
      coalesce(ag.name, s.handling_agency_name) as agency_name, h.channel, h.status, h.received_at, h.legal_due_at,
      h.completed_at, h.completion_class, h.returned_at, ${historyKey} as sort_key
    from historical_dossier h
    cross join lateral (
      select s.online_full, s.replaceable, s.level, s.handling_agency_name,
        case h.status when 'open' then 'open' when 'completed' then 'resolved' when 'returned' then 'resolved' else h.status end as phase
      from stat_series s where s.id = h.series_id
    ) s
    left join agency ag on ag.id = h.handling_agency_id
    cross join lateral (
      select ${vnDay(sql`h.received_at`)} as rd, ${vnDay(sql`h.completed_at`)} as cd, ${vnDay(sql`h.returned_at`)} as td,
        ${vnDay(sql`h.closed_at`)} as xd, ${vnDay(sql`h.legal_due_at`)} as dd,
        (h.received_at is not null) as rcv,
        case when s.phase = 'resolved' then ${vnDay(sql`h.completed_at`)}
          when s.phase in ('withdrawn', 'stopped', 'refused') and h.received_at is not null then ${vnDay(sql`h.closed_at`)} end as ed
    ) b
    where h.province_code = any(${[...filter.provinceCodes]}::text[])
      ${refused ? sql`` : sql`and h.received_at < ${receivedBefore}`}
      and ${where}
      ${page(historyKey, 'history', sql`h.code`)}
    order by ${historyKey}, h.code
    limit ${input.limit}
  `.execute(db);
  const key = (row: FigureDossier) => new Date(row.sortKey ?? row.receivedAt ?? 0).getTime();
  return [...engine.rows, ...history.rows]
    .sort((a, b) => key(a) - key(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.source < b.source ? -1 : 1))
    .slice(0, input.limit);
};
