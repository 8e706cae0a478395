/**
 * Statistics: the aggregates (stat_series, stat_day, stat_month, stat_year), the report queries that read
 * them, the naive queries over the raw rows (the oracle in tests and the baseline in the
 * benchmark), drill-down lists, the tracking book, lateness by step, historical imports and the
 * synthetic-data generator. The contribution rule lives in packages/domain/src/statistics
 * (contributions.ts); `applyContributionsFromSource` below is the same rule in SQL for set-based paths,
 * and tests prove both give the same aggregates.
 */
import {
  AGGREGATE_SUM_KEYS,
  type AggregatePlan,
  type AggregateSums,
  COUNTER_COLUMNS,
  type CounterValues,
  createZeroSums,
  getMonthEnd,
  getMonthStart,
  STATISTICS_COUNTERS,
  type StatisticsLevel,
} from '@motcua/domain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { DossierImportIssueJson, DossierImportTotals, StatSeriesTable } from './tables/statistics.js';

type Db = Kysely<Database> | Transaction<Database>;

const COLUMNS = STATISTICS_COUNTERS.map((counter) => COUNTER_COLUMNS[counter]);

/** The Vietnamese (UTC+7, no daylight saving) day of a timestamptz, whatever the session time zone. */
const vnDay = (expression: RawBuilder<unknown>) => sql`(timezone('UTC', ${expression}) + interval '7 hours')::date`;

// --- series -----------------------------------------------------------------------------------------

export type SeriesRef = { id: number; parentId: number | null };

/** The ids of existing series by key. */
export const findSeriesByKeys = async (db: Db, keys: readonly string[]): Promise<Map<string, SeriesRef>> => {
  const found = new Map<string, SeriesRef>();
  if (keys.length === 0) {
    return found;
  }
  const rows = await db
    .selectFrom('statSeries')
    .select(['id', 'key', 'parentId'])
    .where('key', 'in', [...new Set(keys)])
    .execute();
  for (const row of rows) {
    found.set(row.key, { id: row.id, parentId: row.parentId });
  }
  return found;
};

export type NewSeries = Omit<import('kysely').Insertable<StatSeriesTable>, 'id'>;

/**
 * Creates a series (or finds it when a concurrent transaction created it first) and returns its id.
 * The no-op update makes RETURNING give the existing row's id on conflict.
 */
export const ensureSeries = async (db: Db, series: NewSeries): Promise<number> => {
  const row = await db
    .insertInto('statSeries')
    .values(series)
    .onConflict((oc) => oc.column('key').doUpdateSet({ key: (eb) => eb.ref('excluded.key') }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
};

/** What a series of an engine dossier needs to know besides the dossier row. */
export type SeriesAttributes = {
  handlingAgencyKind: string | null;
  handlingAdminUnitLevel: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  fieldName: string | null;
  onlineFull: boolean;
  replaceable: boolean;
};

/**
 * The level of the handling agency and, from the procedure version the dossier was received under,
 * whether the procedure is fully online and has components replaceable by data (Decision 766).
 */
export const findSeriesAttributes = async (
  db: Db,
  input: { handlingAgencyId: string; procedureVersionId: string },
): Promise<SeriesAttributes> => {
  const result = await sql<SeriesAttributes>`
    select
      (select kind from agency where id = ${input.handlingAgencyId}::uuid) as handling_agency_kind,
      (select admin_unit_level from agency where id = ${input.handlingAgencyId}::uuid) as handling_admin_unit_level,
      pv.content ->> 'nationalCode' as procedure_code,
      pv.content ->> 'name' as procedure_name,
      pv.content -> 'field' ->> 'name' as field_name,
      coalesce(pv.content ->> 'onlineLevel' = 'full', false) as online_full,
      coalesce(jsonb_path_exists(pv.content, '$.components[*] ? (@.replaceableByData == true)'), false) as replaceable
    from procedure_version pv
    where pv.id = ${input.procedureVersionId}::uuid
  `.execute(db);
  return (
    result.rows[0] ?? {
      handlingAgencyKind: null,
      handlingAdminUnitLevel: null,
      procedureCode: null,
      procedureName: null,
      fieldName: null,
      onlineFull: false,
      replaceable: false,
    }
  );
};

// --- applying deltas (the transactional path) ---------------------------------------------------------

export type StatisticsCellRow = { seriesId: number; day: string; counts: CounterValues };

const mergeCells = (cells: readonly StatisticsCellRow[], toBucket: (day: string) => string) => {
  const merged = new Map<string, { seriesId: number; bucket: string; counts: number[] }>();
  for (const cell of cells) {
    const bucket = toBucket(cell.day);
    const key = `${cell.seriesId}|${bucket}`;
    let row = merged.get(key);
    if (!row) {
      row = { seriesId: cell.seriesId, bucket, counts: STATISTICS_COUNTERS.map(() => 0) };
      merged.set(key, row);
    }
    STATISTICS_COUNTERS.forEach((counter, index) => {
      (row as { counts: number[] }).counts[index] = (row?.counts[index] ?? 0) + cell.counts[counter];
    });
  }
  // One lock order for every transaction (series, then time), so concurrent changes never deadlock.
  return [...merged.values()].sort((a, b) => a.seriesId - b.seriesId || a.bucket.localeCompare(b.bucket));
};

const upsertCounters = async (
  trx: Db,
  table: 'stat_day' | 'stat_month' | 'stat_year',
  rows: { seriesId: number; bucket: string; counts: number[] }[],
) => {
  if (rows.length === 0) {
    return;
  }
  const timeColumn = table === 'stat_day' ? 'day' : table === 'stat_month' ? 'month' : 'year';
  const values = rows.map(
    (row) => sql`(${row.seriesId}::int, ${row.bucket}::date, ${sql.join(row.counts.map((n) => sql`${n}::int`))})`,
  );
  await sql`
    insert into ${sql.table(table)} (series_id, ${sql.raw(timeColumn)}, ${sql.raw(COLUMNS.join(', '))})
    values ${sql.join(values)}
    on conflict (series_id, ${sql.raw(timeColumn)}) do update set
      ${sql.raw(COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '))}
  `.execute(trx);
};

/** Adds counter deltas to the day, month and year aggregates, in the caller's transaction. */
export const applyStatisticsCells = async (trx: Db, cells: readonly StatisticsCellRow[]): Promise<void> => {
  if (cells.length === 0) {
    return;
  }
  await upsertCounters(
    trx,
    'stat_day',
    mergeCells(cells, (day) => day),
  );
  await upsertCounters(trx, 'stat_month', mergeCells(cells, getMonthStart));
  await upsertCounters(
    trx,
    'stat_year',
    mergeCells(cells, (day) => `${day.slice(0, 4)}-01-01`),
  );
};

// --- the contribution rule in SQL (set-based paths) ----------------------------------------------------

/**
 * Adds (sign 1) or removes (sign −1) the contributions of a set of dossiers to both grains, day
 * and month, in one statement. `source` must yield: series_id, parent_id, phase ('pending' |
 * 'open' | 'resolved' | 'withdrawn' | 'stopped' | 'refused'), received_at, legal_due_at,
 * completed_at, completion_class, returned_at, closed_at, from_data. Same rule as
 * listContributions in packages/domain/src/statistics/contributions.ts.
 */
export const applyContributionsFromSource = async (db: Db, source: RawBuilder<unknown>, sign: 1 | -1) => {
  // One projection per kind of contribution over the dossiers (all day columns computed once), then
  // summed per (series, parent, day) before being written to both grains and both time tables.
  const event = (day: string, where: string, values: Record<string, string>) =>
    `select series_id, parent_id, ${day} as day, ${COLUMNS.map((c) => `${values[c] ?? '0'} as ${c}`).join(', ')} from r0 where ${where}`;
  const events = [
    event('rd', 'rcv', { received: '1', received_from_data: 'from_data::int' }),
    event('cd', `phase = 'resolved' and cd is not null`, {
      resolved_early: `(completion_class is not distinct from 'early')::int`,
      resolved_on_time: `(completion_class is not distinct from 'on_time')::int`,
      resolved_late: `(completion_class is not distinct from 'late')::int`,
      resolved_no_deadline: '(completion_class is null)::int',
    }),
    event('td', `phase = 'resolved' and td is not null`, { returned: '1' }),
    event('xd', `phase in ('withdrawn', 'stopped', 'refused') and xd is not null`, {
      withdrawn: `(phase = 'withdrawn')::int`,
      stopped: `(phase = 'stopped')::int`,
      refused: `(phase = 'refused')::int`,
      closed_after_receipt: '(received_at is not null)::int',
    }),
    event('dd', 'od_in', { overdue_in: '1' }),
    event('ed', 'od_in and ed is not null', { overdue_out: '1' }),
  ].join('\n      union all\n      ');
  const sums = COLUMNS.map((c) => `(sum(${c}) * ${sign})::int as ${c}`).join(', ');
  const plain = COLUMNS.join(', ');
  const conflict = (table: string) => COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  await sql`
    with src as (${source}),
    days as materialized (
      select src.*,
        ${vnDay(sql`src.received_at`)} as rd,
        ${vnDay(sql`src.completed_at`)} as cd,
        ${vnDay(sql`src.returned_at`)} as td,
        ${vnDay(sql`src.closed_at`)} as xd,
        ${vnDay(sql`src.legal_due_at`)} as dd,
        (src.received_at is not null and src.phase <> 'pending') as rcv
      from src
    ),
    exits as (
      select days.*,
        case
          when phase = 'resolved' then cd
          when phase in ('withdrawn', 'stopped', 'refused') and received_at is not null then xd
        end as ed
      from days
    ),
    r0 as materialized (
      select exits.*, (rcv and legal_due_at is not null and (ed is null or ed > dd)) as od_in
      from exits
    ),
    ev as (
      ${sql.raw(events)}
    ),
    g as materialized (
      select series_id, parent_id, day, ${sql.raw(COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', '))}
      from ev group by series_id, parent_id, day
    ),
    cells as (
      select series_id as sid, day, ${sql.raw(plain)} from g
      union all
      select parent_id as sid, day, ${sql.raw(plain)} from g where parent_id is not null
    ),
    day_rows as (
      insert into stat_day (series_id, day, ${sql.raw(plain)})
      select sid, day, ${sql.raw(sums)} from cells group by sid, day
      on conflict (series_id, day) do update set ${sql.raw(conflict('stat_day'))}
      returning 1
    ),
    year_rows as (
      insert into stat_year (series_id, year, ${sql.raw(plain)})
      select sid, date_trunc('year', day)::date, ${sql.raw(sums)} from cells group by sid, date_trunc('year', day)::date
      on conflict (series_id, year) do update set ${sql.raw(conflict('stat_year'))}
      returning 1
    )
    insert into stat_month (series_id, month, ${sql.raw(plain)})
    select sid, date_trunc('month', day)::date, ${sql.raw(sums)} from cells group by sid, date_trunc('month', day)::date
    on conflict (series_id, month) do update set ${sql.raw(conflict('stat_month'))}
  `.execute(db);
};

/** The agency competent to decide an engine dossier, from its state (same rule as getHandlingAgencyId). */
const handlingAgencySql = (alias: string) =>
  sql.raw(`coalesce(
    (select (st ->> 'agencyId')::uuid from jsonb_array_elements(${alias}.state -> 'steps') with ordinality as e(st, i)
      where st ->> 'role' = 'approver' order by i desc limit 1),
    (select (st ->> 'agencyId')::uuid from jsonb_array_elements(${alias}.state -> 'steps') with ordinality as e(st, i)
      where st ->> 'role' = 'processor' order by i desc limit 1),
    ${alias}.receiving_agency_id)`);

/** The statistics phase of an engine dossier (same rule as toStatisticsFacts). */
const phaseSql = (alias: string) =>
  sql.raw(`case ${alias}.status
    when 'new' then 'pending'
    when 'supplement_requested' then case when ${alias}.received_at is null then 'pending' else 'open' end
    when 'received' then 'open' when 'processing' then 'open' when 'financial_obligation' then 'open'
    when 'completed' then 'resolved' when 'returned' then 'resolved'
    else ${alias}.status end`);

const levelSql = (alias: string) =>
  sql.raw(`case when ${alias}.kind like 'ministry%' then 'ministry'
    when ${alias}.kind like 'commune%' then 'commune'
    when ${alias}.admin_unit_level in ('district', 'commune') then ${alias}.admin_unit_level
    else 'province' end`);

/**
 * Recomputes every aggregate of a province from the raw rows (engine dossiers and imported
 * history): creates missing series, then replaces the counters. For repair after a bug, and as
 * the proof in tests that the incremental path and the set-based rule agree.
 */
export const rebuildStatistics = async (db: Kysely<Database>, input: { provinceCode: string }): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    const province = input.provinceCode;
    // Series of engine dossiers that are missing (e.g. rows written before this migration).
    await sql`
      with d as (
        select distinct dossier.province_code, ${handlingAgencySql('dossier')} as handling_agency_id,
          dossier.receiving_agency_id, dossier.procedure_version_id, dossier.channel
        from dossier where dossier.province_code = ${province}
      ),
      attrs as (
        select d.*, ${levelSql('a')} as level,
          coalesce(pv.content ->> 'onlineLevel' = 'full', false) as online_full,
          coalesce(jsonb_path_exists(pv.content, '$.components[*] ? (@.replaceableByData == true)'), false) as replaceable,
          pv.content ->> 'nationalCode' as procedure_code, pv.content ->> 'name' as procedure_name,
          pv.content -> 'field' ->> 'name' as field_name
        from d join agency a on a.id = d.handling_agency_id join procedure_version pv on pv.id = d.procedure_version_id
      ),
      parents as (
        insert into stat_series (grain, key, province_code, handling_agency_id, receiving_agency_id, level, channel, online_full, replaceable)
        select distinct 'agency', concat_ws('|', 'a', province_code, handling_agency_id, receiving_agency_id, level, channel,
            case when online_full then 'full' else '-' end, case when replaceable then 'repl' else '-' end),
          province_code, handling_agency_id, receiving_agency_id, level, channel, online_full, replaceable
        from attrs
        on conflict (key) do nothing
        returning id
      )
      select count(*) from parents
    `.execute(trx);
    await sql`
      insert into stat_series (grain, key, parent_id, province_code, handling_agency_id, receiving_agency_id, level,
        procedure_code, procedure_name, field_name, channel, online_full, replaceable)
      select distinct on (k) 'procedure', k, p.id, a.province_code, a.handling_agency_id, a.receiving_agency_id, a.level,
        a.procedure_code, a.procedure_name, a.field_name, a.channel, a.online_full, a.replaceable
      from (
        select attrs.*, concat_ws('|', 'p', province_code, handling_agency_id, receiving_agency_id, 'v:' || procedure_version_id, channel) as k
        from (
          select d.*, ${levelSql('ag')} as level,
            coalesce(pv.content ->> 'onlineLevel' = 'full', false) as online_full,
            coalesce(jsonb_path_exists(pv.content, '$.components[*] ? (@.replaceableByData == true)'), false) as replaceable,
            pv.content ->> 'nationalCode' as procedure_code, pv.content ->> 'name' as procedure_name,
            pv.content -> 'field' ->> 'name' as field_name
          from (
            select distinct dossier.province_code, ${handlingAgencySql('dossier')} as handling_agency_id,
              dossier.receiving_agency_id, dossier.procedure_version_id, dossier.channel
            from dossier where dossier.province_code = ${province}
          ) d
          join agency ag on ag.id = d.handling_agency_id join procedure_version pv on pv.id = d.procedure_version_id
        ) attrs
      ) a
      join stat_series p on p.key = concat_ws('|', 'a', a.province_code, a.handling_agency_id, a.receiving_agency_id, a.level,
        a.channel, case when a.online_full then 'full' else '-' end, case when a.replaceable then 'repl' else '-' end)
      on conflict (key) do nothing
    `.execute(trx);
    await sql`delete from stat_day where series_id in (select id from stat_series where province_code = ${province})`.execute(
      trx,
    );
    await sql`delete from stat_year where series_id in (select id from stat_series where province_code = ${province})`.execute(
      trx,
    );
    await sql`delete from stat_month where series_id in (select id from stat_series where province_code = ${province})`.execute(
      trx,
    );
    await applyContributionsFromSource(
      trx,
      sql`
        select s.id as series_id, s.parent_id, ${phaseSql('d')} as phase, d.received_at, d.legal_due_at, d.completed_at,
          d.completion_class, d.returned_at,
          case when d.status in ('withdrawn', 'stopped', 'refused') then d.updated_at end as closed_at,
          jsonb_path_exists(d.components, '$[*] ? (@.fromData == true)') as from_data
        from dossier d
        join stat_series s on s.key = concat_ws('|', 'p', d.province_code, ${handlingAgencySql('d')}, d.receiving_agency_id,
          'v:' || d.procedure_version_id, d.channel)
        where d.province_code = ${province}`,
      1,
    );
    await applyContributionsFromSource(trx, historicalSource(sql`h.province_code = ${province}`), 1);
  });
};

const historicalSource = (where: RawBuilder<unknown>) => sql`
  select h.series_id, s.parent_id,
    case h.status when 'open' then 'open' when 'completed' then 'resolved' when 'returned' then 'resolved' else h.status end as phase,
    h.received_at, h.legal_due_at, h.completed_at, h.completion_class, h.returned_at, h.closed_at, h.from_data
  from historical_dossier h join stat_series s on s.id = h.series_id
  where ${where}`;

// --- reading the aggregates ---------------------------------------------------------------------------

export type StatisticsDimension =
  | 'province'
  | 'agency'
  | 'receivingAgency'
  | 'level'
  | 'channel'
  | 'procedure'
  | 'field';
export type StatisticsBucket = 'none' | 'day' | 'month' | 'quarter' | 'year';

export type SeriesFilter = {
  provinceCodes: readonly string[];
  /** Series handled or received by one of these agencies (null: every series of the provinces). */
  agencyIds: readonly string[] | null;
  levels?: readonly StatisticsLevel[] | undefined;
  channels?: readonly ('direct' | 'online' | 'postal')[] | undefined;
  procedureCodes?: readonly string[] | undefined;
  fieldNames?: readonly string[] | undefined;
};

export type StatisticsGroupRow = {
  /** Dimension values by dimension ('agency' → agency id or 'code:<code>' for unknown imported agencies). */
  keys: Partial<Record<StatisticsDimension, string | null>>;
  labels: Partial<Record<StatisticsDimension, string | null>>;
  /** Start day of the time bucket (null without time grouping). */
  bucket: string | null;
  sums: AggregateSums;
};

const DIMENSION_SQL: Record<StatisticsDimension, { key: string; label: string }> = {
  province: { key: 's.province_code', label: 's.province_code' },
  agency: {
    key: `coalesce(s.handling_agency_id::text, 'code:' || s.handling_agency_code)`,
    label: 'coalesce(ha.name, s.handling_agency_name, s.handling_agency_code)',
  },
  receivingAgency: {
    key: `coalesce(s.receiving_agency_id::text, 'code:' || coalesce(s.receiving_agency_code, s.handling_agency_code))`,
    label: 'coalesce(ra.name, s.receiving_agency_name, s.receiving_agency_code, ha.name, s.handling_agency_name)',
  },
  level: { key: 's.level', label: 's.level' },
  channel: { key: 's.channel', label: 's.channel' },
  procedure: { key: `coalesce(s.procedure_code, '')`, label: 'max(s.procedure_name)' },
  field: { key: `coalesce(s.field_name, '')`, label: 's.field_name' },
};

const seriesWhere = (filter: SeriesFilter, grain: 'agency' | 'procedure') => {
  const conditions = [sql`s.grain = ${grain}`, sql`s.province_code = any(${[...filter.provinceCodes]}::text[])`];
  if (filter.agencyIds !== null) {
    const ids = [...filter.agencyIds];
    conditions.push(sql`(s.handling_agency_id = any(${ids}::uuid[]) or s.receiving_agency_id = any(${ids}::uuid[]))`);
  }
  if (filter.levels && filter.levels.length > 0) {
    conditions.push(sql`s.level = any(${[...filter.levels]}::text[])`);
  }
  if (filter.channels && filter.channels.length > 0) {
    conditions.push(sql`s.channel = any(${[...filter.channels]}::text[])`);
  }
  if (filter.procedureCodes && filter.procedureCodes.length > 0) {
    conditions.push(sql`s.procedure_code = any(${[...filter.procedureCodes]}::text[])`);
  }
  if (filter.fieldNames && filter.fieldNames.length > 0) {
    conditions.push(sql`s.field_name = any(${[...filter.fieldNames]}::text[])`);
  }
  return sql.join(conditions, sql` and `);
};

const bucketSql = (bucket: StatisticsBucket) =>
  bucket === 'none'
    ? sql.raw('null::date')
    : bucket === 'day'
      ? sql.raw('c.d')
      : sql.raw(`date_trunc('${bucket}', c.d)::date`);

type TimeRange = { table: 'stat_year' | 'stat_month' | 'stat_day'; from: string | null; to: string };

const shiftDay = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const yearStart = (day: string) => `${day.slice(0, 4)}-01-01`;
const yearEnd = (day: string) => `${day.slice(0, 4)}-12-31`;
const monthStartOf = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * Splits [from, to] into the fewest rows to read: days up to the first month boundary, months up to
 * the first year boundary, whole years, then months and days to the end. `coarsest` caps the grain
 * (grouping by month cannot read a year row; grouping by day reads days only).
 */
const decompose = (from: string, to: string, coarsest: 'year' | 'month' | 'day'): TimeRange[] => {
  const ranges: TimeRange[] = [];
  let cursor = from;
  // Rows are keyed by their first day; consecutive rows of one table merge into one range.
  const nextKey = (table: TimeRange['table'], key: string) =>
    table === 'stat_year'
      ? `${Number(key.slice(0, 4)) + 1}-01-01`
      : table === 'stat_month'
        ? shiftDay(getMonthEnd(key), 1)
        : shiftDay(key, 1);
  const push = (table: TimeRange['table'], a: string, b: string) => {
    const last = ranges[ranges.length - 1];
    if (last && last.table === table && nextKey(table, last.to) === a) {
      last.to = b;
    } else {
      ranges.push({ table, from: a, to: b });
    }
  };
  while (cursor <= to) {
    const monthEnd = getMonthEnd(cursor);
    if (coarsest === 'year' && cursor === yearStart(cursor) && yearEnd(cursor) <= to) {
      push('stat_year', cursor, cursor);
      cursor = shiftDay(yearEnd(cursor), 1);
    } else if (coarsest !== 'day' && cursor === monthStartOf(cursor) && monthEnd <= to) {
      push('stat_month', cursor, cursor);
      cursor = shiftDay(monthEnd, 1);
    } else {
      const end = monthEnd < to ? monthEnd : to;
      push('stat_day', cursor, end);
      cursor = shiftDay(end, 1);
    }
  }
  return ranges;
};

/**
 * The time ranges a period is read from, each one primary-key range per series: everything before
 * the period (for the carried-over stock) — whole years, then the months and days of the period's
 * first year and month before it — and the period itself, decomposed the same way (years only when
 * time is not grouped finer than a year).
 */
const listTimeRanges = (plan: AggregatePlan, bucket: StatisticsBucket): TimeRange[] => {
  const ranges: TimeRange[] = [{ table: 'stat_year', from: null, to: shiftDay(yearStart(plan.from), -1) }];
  if (yearStart(plan.from) < plan.from) {
    ranges.push(...decompose(yearStart(plan.from), shiftDay(plan.from, -1), 'month'));
  }
  const coarsest = bucket === 'day' ? 'day' : bucket === 'none' || bucket === 'year' ? 'year' : 'month';
  ranges.push(...decompose(plan.from, plan.to, coarsest));
  return ranges;
};

/**
 * Sums the aggregates for a period, grouped by dimensions and optionally by time bucket. Each
 * series of the scope is read by index ranges (whole months from the month table, the rest from
 * the day table; see listTimeRanges), so a province-year reads a few rows per series whatever the
 * number of dossiers. The rows before the period (for the carried-over stock) come back in the
 * group's null bucket when time is grouped. The procedure grain is used only when a procedure or
 * field dimension or filter asks for it.
 */
export const sumStatistics = async (
  db: Db,
  input: {
    plan: AggregatePlan;
    filter: SeriesFilter;
    dimensions: readonly StatisticsDimension[];
    bucket: StatisticsBucket;
  },
): Promise<StatisticsGroupRow[]> => {
  const { plan, filter, dimensions, bucket } = input;
  const needsProcedure =
    dimensions.includes('procedure') ||
    dimensions.includes('field') ||
    (filter.procedureCodes?.length ?? 0) > 0 ||
    (filter.fieldNames?.length ?? 0) > 0;
  const grain = needsProcedure ? 'procedure' : 'agency';
  const counters = sql.raw(COLUMNS.map((c) => `t.${c}`).join(', '));
  const reads = listTimeRanges(plan, bucket).map((range) => {
    const column = sql.raw(range.table === 'stat_year' ? 'year' : range.table === 'stat_month' ? 'month' : 'day');
    const lower = range.from === null ? sql`` : sql`and t.${column} >= ${range.from}::date`;
    return sql`
      select s.id as series_id, t.${column} as d, ${counters}
      from s cross join lateral (
        select * from ${sql.table(range.table)} t where t.series_id = s.id ${lower} and t.${column} <= ${range.to}::date
        -- A fence: read each series by its primary-key range instead of letting the planner flatten
        -- this into a scan of the whole table (all provinces, both grains).
        offset 0
      ) t`;
  });
  const dims = dimensions.map((dimension) => DIMENSION_SQL[dimension]);
  const groupKeys = dims.map((d, i) => `${d.key} as k${i}`);
  const groupLabels = dims.map((d, i) =>
    d.label.startsWith('max(') ? `${d.label} as l${i}` : `max(${d.label}) as l${i}`,
  );
  const groupBy = dims.map((d) => d.key);
  const from = plan.from;
  const query = sql<Record<string, unknown>>`
    with s as materialized (
      select s.id, s.province_code, s.handling_agency_id, s.handling_agency_code, s.handling_agency_name,
        s.receiving_agency_id, s.receiving_agency_code, s.receiving_agency_name, s.level, s.procedure_code,
        s.procedure_name, s.field_name, s.channel, s.online_full, s.replaceable
      from stat_series s where ${seriesWhere(filter, grain)}
    ),
    c as (${sql.join(reads, sql` union all `)}),
    per_series as (
      select c.series_id,
        case when c.d < ${from}::date then null else ${bucketSql(bucket)} end as bucket,
        sum(c.received) filter (where c.d < ${from}::date) as before_received,
        sum(c.resolved_early + c.resolved_on_time + c.resolved_late + c.resolved_no_deadline) filter (where c.d < ${from}::date) as before_resolved,
        sum(c.closed_after_receipt) filter (where c.d < ${from}::date) as before_closed_after_receipt,
        sum(c.received) filter (where c.d >= ${from}::date) as received,
        sum(c.received_from_data) filter (where c.d >= ${from}::date) as received_from_data,
        sum(c.resolved_early) filter (where c.d >= ${from}::date) as resolved_early,
        sum(c.resolved_on_time) filter (where c.d >= ${from}::date) as resolved_on_time,
        sum(c.resolved_late) filter (where c.d >= ${from}::date) as resolved_late,
        sum(c.resolved_no_deadline) filter (where c.d >= ${from}::date) as resolved_no_deadline,
        sum(c.returned) filter (where c.d >= ${from}::date) as returned,
        sum(c.withdrawn) filter (where c.d >= ${from}::date) as withdrawn,
        sum(c.stopped) filter (where c.d >= ${from}::date) as stopped,
        sum(c.refused) filter (where c.d >= ${from}::date) as refused,
        sum(c.closed_after_receipt) filter (where c.d >= ${from}::date) as closed_after_receipt,
        sum(c.overdue_in - c.overdue_out) as overdue_stock
      from c
      group by c.series_id, 2
    )
    select ${sql.raw([...groupKeys, ...groupLabels].map((x) => `${x}, `).join(''))} p.bucket,
      sum(p.before_received)::bigint as before_received,
      sum(p.before_resolved)::bigint as before_resolved,
      sum(p.before_closed_after_receipt)::bigint as before_closed_after_receipt,
      sum(p.received)::bigint as received,
      sum(p.received) filter (where s.channel = 'online')::bigint as received_online,
      sum(p.received) filter (where s.channel = 'direct')::bigint as received_direct,
      sum(p.received) filter (where s.channel = 'postal')::bigint as received_postal,
      sum(p.resolved_early)::bigint as resolved_early,
      sum(p.resolved_on_time)::bigint as resolved_on_time,
      sum(p.resolved_late)::bigint as resolved_late,
      sum(p.resolved_no_deadline)::bigint as resolved_no_deadline,
      sum(p.returned)::bigint as returned,
      sum(p.withdrawn)::bigint as withdrawn,
      sum(p.stopped)::bigint as stopped,
      sum(p.refused)::bigint as refused,
      sum(p.closed_after_receipt)::bigint as closed_after_receipt,
      sum(p.overdue_stock)::bigint as overdue_stock,
      sum(p.received) filter (where s.online_full)::bigint as full_online_eligible,
      sum(p.received) filter (where s.online_full and s.channel = 'online')::bigint as full_online_online,
      sum(p.received) filter (where s.replaceable)::bigint as replaceable_eligible,
      sum(p.received_from_data) filter (where s.replaceable)::bigint as replaceable_from_data
    from per_series p
    join s on s.id = p.series_id
    left join agency ha on ha.id = s.handling_agency_id
    left join agency ra on ra.id = s.receiving_agency_id
    group by ${sql.raw([...groupBy, 'p.bucket'].join(', '))}
  `;
  // The plan is a few thousand index lookups; its cost estimate can still pass jit_above_cost, and
  // compiling it would take longer than running it. JIT off for this statement only.
  const result = db.isTransaction
    ? await query.execute(db)
    : await (db as Kysely<Database>).transaction().execute(async (trx) => {
        await sql`set local jit = off`.execute(trx);
        return query.execute(trx);
      });
  return result.rows.map((row) => {
    const keys: StatisticsGroupRow['keys'] = {};
    const labels: StatisticsGroupRow['labels'] = {};
    dimensions.forEach((dimension, index) => {
      keys[dimension] = (row[`k${index}`] as string | null) ?? null;
      labels[dimension] = (row[`l${index}`] as string | null) ?? null;
    });
    const sums = createZeroSums();
    for (const key of AGGREGATE_SUM_KEYS) {
      sums[key] = Number(row[key] ?? 0);
    }
    return { keys, labels, bucket: (row.bucket as string | null) ?? null, sums };
  });
};

/**
 * The same sums computed straight from the raw rows — every dossier of the provinces, one by one
 * (the "naive GROUP BY"): the benchmark's baseline and the tests' oracle for the aggregates. Only
 * the dimensions a naive report would group by: none, the handling agency, level, channel.
 */
export const sumStatisticsNaive = async (
  db: Db,
  input: {
    from: string;
    to: string;
    provinceCodes: readonly string[];
    dimension: 'none' | 'agency' | 'level' | 'channel';
  },
): Promise<{ key: string | null; sums: AggregateSums }[]> => {
  const { from, to } = input;
  const key =
    input.dimension === 'none'
      ? 'null::text'
      : input.dimension === 'agency'
        ? 'handling_agency_id::text'
        : input.dimension === 'level'
          ? 'level'
          : 'channel';
  const result = await sql<Record<string, unknown>>`
    with raw as (
      select ${handlingAgencySql('d')} as handling_agency_id, d.channel, ${phaseSql('d')} as phase,
        d.received_at, d.legal_due_at, d.completed_at, d.completion_class, d.returned_at,
        case when d.status in ('withdrawn', 'stopped', 'refused') then d.updated_at end as closed_at,
        jsonb_path_exists(d.components, '$[*] ? (@.fromData == true)') as from_data,
        coalesce(pv.content ->> 'onlineLevel' = 'full', false) as online_full,
        coalesce(jsonb_path_exists(pv.content, '$.components[*] ? (@.replaceableByData == true)'), false) as replaceable
      from dossier d join procedure_version pv on pv.id = d.procedure_version_id
      where d.province_code = any(${[...input.provinceCodes]}::text[])
      union all
      select s.handling_agency_id, h.channel,
        case h.status when 'open' then 'open' when 'completed' then 'resolved' when 'returned' then 'resolved' else h.status end,
        h.received_at, h.legal_due_at, h.completed_at, h.completion_class, h.returned_at, h.closed_at, h.from_data,
        s.online_full, s.replaceable
      from historical_dossier h join stat_series s on s.id = h.series_id
      where h.province_code = any(${[...input.provinceCodes]}::text[])
    ),
    r as (
      select raw.*, ${levelSql('a')} as level,
        ${vnDay(sql`raw.received_at`)} as rd, ${vnDay(sql`raw.completed_at`)} as cd, ${vnDay(sql`raw.returned_at`)} as td,
        ${vnDay(sql`raw.closed_at`)} as xd, ${vnDay(sql`raw.legal_due_at`)} as dd,
        (raw.received_at is not null and raw.phase <> 'pending') as rcv
      from raw left join agency a on a.id = raw.handling_agency_id
    ),
    e as (
      select r.*, case when phase = 'resolved' then cd when phase in ('withdrawn', 'stopped', 'refused') and received_at is not null then xd end as ed
      from r
    )
    select ${sql.raw(key)} as key,
      count(*) filter (where rcv and rd < ${from}::date) as before_received,
      count(*) filter (where phase = 'resolved' and cd < ${from}::date) as before_resolved,
      count(*) filter (where phase in ('withdrawn', 'stopped', 'refused') and received_at is not null and xd < ${from}::date) as before_closed_after_receipt,
      count(*) filter (where rcv and rd between ${from}::date and ${to}::date) as received,
      count(*) filter (where rcv and rd between ${from}::date and ${to}::date and channel = 'online') as received_online,
      count(*) filter (where rcv and rd between ${from}::date and ${to}::date and channel = 'direct') as received_direct,
      count(*) filter (where rcv and rd between ${from}::date and ${to}::date and channel = 'postal') as received_postal,
      count(*) filter (where phase = 'resolved' and cd between ${from}::date and ${to}::date and completion_class = 'early') as resolved_early,
      count(*) filter (where phase = 'resolved' and cd between ${from}::date and ${to}::date and completion_class = 'on_time') as resolved_on_time,
      count(*) filter (where phase = 'resolved' and cd between ${from}::date and ${to}::date and completion_class = 'late') as resolved_late,
      count(*) filter (where phase = 'resolved' and cd between ${from}::date and ${to}::date and completion_class is null) as resolved_no_deadline,
      count(*) filter (where phase = 'resolved' and td between ${from}::date and ${to}::date) as returned,
      count(*) filter (where phase = 'withdrawn' and xd between ${from}::date and ${to}::date) as withdrawn,
      count(*) filter (where phase = 'stopped' and xd between ${from}::date and ${to}::date) as stopped,
      count(*) filter (where phase = 'refused' and xd between ${from}::date and ${to}::date) as refused,
      count(*) filter (where phase in ('withdrawn', 'stopped', 'refused') and received_at is not null and xd between ${from}::date and ${to}::date) as closed_after_receipt,
      count(*) filter (where rcv and legal_due_at is not null and dd <= ${to}::date and (ed is null or ed > ${to}::date)) as overdue_stock,
      count(*) filter (where rcv and rd between ${from}::date and ${to}::date and online_full) as full_online_eligible,
      count(*) filter (where rcv and rd between ${from}::date and ${to}::date and online_full and channel = 'online') as full_online_online,
      count(*) filter (where rcv and rd between ${from}::date and ${to}::date and replaceable) as replaceable_eligible,
      count(*) filter (where rcv and rd between ${from}::date and ${to}::date and replaceable and from_data) as replaceable_from_data
    from e
    group by 1
  `.execute(db);
  return result.rows.map((row) => {
    const sums = createZeroSums();
    for (const k of AGGREGATE_SUM_KEYS) {
      sums[k] = Number(row[k] ?? 0);
    }
    return { key: (row.key as string | null) ?? null, sums };
  });
};

// --- drill-down: the dossiers behind a figure ----------------------------------------------------------

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

// --- tracking book --------------------------------------------------------------------------------------

export type TrackingBookEntry = {
  source: 'engine' | 'history';
  id: string;
  code: string;
  summary: string | null;
  sets: number;
  applicantName: string | null;
  address: string | null;
  phone: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  returnedAt: Date | null;
  status: string;
  receiver: string | null;
  note: string | null;
};

/**
 * One page of the tracking book (sổ theo dõi hồ sơ, Circular 01/2018 Mẫu 06 / Circular 03/2025
 * Mẫu 07) of the receiving desks: dossiers received in the period in order of receipt, keyset-paginated
 * so a year's book is written page by page, never held whole.
 */
export const listTrackingBookPage = async (
  db: Db,
  input: {
    agencyIds: readonly string[];
    from: string;
    to: string;
    after?: { receivedAt: string; code: string; source: string } | undefined;
    limit: number;
  },
): Promise<TrackingBookEntry[]> => {
  const ids = [...input.agencyIds];
  const start = sql`(${input.from}::date::timestamp - interval '7 hours') at time zone 'UTC'`;
  const end = sql`((${input.to}::date + 1)::timestamp - interval '7 hours') at time zone 'UTC'`;
  const after = input.after;
  // Each source in receipt order (an index range of the desk), then merged: a page reads `limit`
  // rows of each, never the whole period.
  const engine = await sql<TrackingBookEntry>`
    select 'engine' as source, d.id::text as id, d.code, d.summary,
      greatest(1, coalesce((select max((c ->> 'originals')::int + (c ->> 'copies')::int) from jsonb_array_elements(d.components) c), 1)) as sets,
      d.applicant_name, d.applicant #>> '{address,text}' as address, d.applicant ->> 'phone' as phone,
      d.received_at, d.due_at, d.returned_at, d.status,
      (select u.full_name from dossier_event ev join app_user u on u.id = ev.actor_user_id
        where ev.dossier_id = d.id and ev.action = 'receive' order by ev.seq limit 1) as receiver,
      null::text as note
    from dossier d
    where d.receiving_agency_id = any(${ids}::uuid[]) and d.received_at >= ${start} and d.received_at < ${end}
      ${after ? sql`and (d.received_at, d.code, 'engine'::text) > (${after.receivedAt}::timestamptz, ${after.code}, ${after.source})` : sql``}
    order by d.received_at, d.code
    limit ${input.limit}
  `.execute(db);
  const history = await sql<TrackingBookEntry>`
    select 'history' as source, h.id::text as id, h.code, h.summary, h.sets, h.applicant_name,
      h.applicant_address as address, h.applicant_phone as phone, h.received_at, h.legal_due_at as due_at, h.returned_at,
      h.status, h.receiver, h.note
    from historical_dossier h
    where h.receiving_agency_id = any(${ids}::uuid[]) and h.received_at >= ${start} and h.received_at < ${end}
      ${after ? sql`and (h.received_at, h.code, 'history'::text) > (${after.receivedAt}::timestamptz, ${after.code}, ${after.source})` : sql``}
    order by h.received_at, h.code
    limit ${input.limit}
  `.execute(db);
  const at = (row: TrackingBookEntry) => new Date(row.receivedAt).getTime();
  return [...engine.rows, ...history.rows]
    .sort((a, b) => at(a) - at(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.source < b.source ? -1 : 1))
    .slice(0, input.limit);
};

// --- lateness attribution ---------------------------------------------------------------------------------

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

// --- historical imports ---------------------------------------------------------------------------------

export const insertDossierImport = async (
  db: Db,
  input: {
    provinceCode: string | null;
    fileName: string | null;
    actorUserId: string | null;
    now: Date;
    totals?: Partial<DossierImportTotals>;
  },
): Promise<string> => {
  const row = await db
    .insertInto('dossierImport')
    .values({
      provinceCode: input.provinceCode,
      fileName: input.fileName,
      actorUserId: input.actorUserId,
      startedAt: input.now,
      totals: JSON.stringify(input.totals ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
};

export const updateDossierImport = async (
  db: Db,
  input: { id: string; totals: DossierImportTotals; status?: 'completed' | 'failed'; failure?: string; now: Date },
): Promise<void> => {
  await db
    .updateTable('dossierImport')
    .set({
      totals: JSON.stringify(input.totals),
      heartbeatAt: sql<Date>`now()`,
      ...(input.status ? { status: input.status, finishedAt: input.now } : {}),
      ...(input.failure ? { failure: input.failure.slice(0, 1000) } : {}),
    })
    .where('id', '=', input.id)
    .execute();
};

/**
 * The progress of a running import, with its heartbeat (the database's clock, so that every instance
 * judges silence alike). A run that has finished, or that was marked interrupted, is left alone.
 */
export const updateDossierImportProgress = async (
  db: Db,
  input: { id: string; totals: DossierImportTotals },
): Promise<void> => {
  await db
    .updateTable('dossierImport')
    .set({ totals: JSON.stringify(input.totals), heartbeatAt: sql<Date>`now()` })
    .where('id', '=', input.id)
    .where('status', '=', 'running')
    .execute();
};

/**
 * Marks as failed the running imports whose heartbeat has been silent for `silentSeconds`: the
 * process running them stopped (a crash, a killed server). Answers their ids.
 */
export const failSilentDossierImports = async (
  db: Db,
  input: {
    id?: string | undefined;
    provinceCode?: string | undefined;
    silentSeconds: number;
    failure: string;
    now: Date;
  },
): Promise<string[]> => {
  let query = db
    .updateTable('dossierImport')
    .set({ status: 'failed', finishedAt: input.now, failure: input.failure.slice(0, 1000) })
    .where('status', '=', 'running')
    .where('heartbeatAt', '<', sql<Date>`now() - make_interval(secs => ${input.silentSeconds})`);
  if (input.id !== undefined) {
    query = query.where('id', '=', input.id);
  }
  if (input.provinceCode !== undefined) {
    query = query.where('provinceCode', '=', input.provinceCode);
  }
  const rows = await query.returning('id').execute();
  return rows.map((row) => row.id);
};

export const findDossierImport = async (db: Db, id: string) =>
  db
    .selectFrom('dossierImport')
    .leftJoin('appUser', 'appUser.id', 'dossierImport.actorUserId')
    .selectAll('dossierImport')
    .select('appUser.fullName as actorName')
    .where('dossierImport.id', '=', id)
    .executeTakeFirst();

/** A province's import runs, newest first, in keyset pages (after the last row's start and id). */
export const listDossierImports = async (
  db: Db,
  input: { provinceCode: string; after?: { startedAt: Date; id: string } | undefined; limit: number },
) => {
  let query = db
    .selectFrom('dossierImport')
    .leftJoin('appUser', 'appUser.id', 'dossierImport.actorUserId')
    .selectAll('dossierImport')
    .select('appUser.fullName as actorName')
    .where('dossierImport.provinceCode', '=', input.provinceCode);
  const after = input.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('dossierImport.startedAt', 'dossierImport.id'), '<', eb.tuple(after.startedAt, after.id)),
    );
  }
  return query
    .orderBy('dossierImport.startedAt', 'desc')
    .orderBy('dossierImport.id', 'desc')
    .limit(input.limit)
    .execute();
};

export const insertDossierImportIssues = async (
  db: Db,
  rows: {
    importId: string;
    rowNo: number;
    code: string | null;
    outcome: 'imported' | 'rejected';
    issues: DossierImportIssueJson[];
  }[],
): Promise<void> => {
  if (rows.length === 0) {
    return;
  }
  await db
    .insertInto('dossierImportIssue')
    .values(rows.map((row) => ({ ...row, issues: JSON.stringify(row.issues) })))
    .onConflict((oc) => oc.columns(['importId', 'rowNo']).doNothing())
    .execute();
};

export const listDossierImportIssues = async (
  db: Db,
  input: { importId: string; outcome?: 'imported' | 'rejected'; afterRowNo: number; limit: number },
) => {
  let query = db
    .selectFrom('dossierImportIssue')
    .selectAll()
    .where('importId', '=', input.importId)
    .where('rowNo', '>', input.afterRowNo);
  if (input.outcome) {
    query = query.where('outcome', '=', input.outcome);
  }
  return query.orderBy('rowNo').limit(input.limit).execute();
};

/** The codes of a batch already imported by this same run (a duplicate within one file). */
export const findCodesImportedBy = async (
  db: Db,
  input: { importId: string; provinceCode: string; codes: readonly string[] },
): Promise<Set<string>> => {
  if (input.codes.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('historicalDossier')
    .select('code')
    .where('importId', '=', input.importId)
    .where('provinceCode', '=', input.provinceCode)
    .where(sql<boolean>`code = any(${[...input.codes]}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.code));
};

export type HistoricalDossierRow = {
  provinceCode: string;
  code: string;
  seriesId: number;
  handlingAgencyId: string | null;
  receivingAgencyId: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  fieldName: string | null;
  channel: 'direct' | 'online' | 'postal';
  status: 'open' | 'completed' | 'returned' | 'withdrawn' | 'stopped' | 'refused';
  receivedAt: Date | null;
  legalDueAt: Date | null;
  completedAt: Date | null;
  completionClass: 'early' | 'on_time' | 'late' | null;
  returnedAt: Date | null;
  closedAt: Date | null;
  fromData: boolean;
  applicantName: string | null;
  applicantAddress: string | null;
  applicantPhone: string | null;
  summary: string | null;
  sets: number;
  receiver: string | null;
  note: string | null;
};

const HISTORY_COLUMNS: { name: keyof HistoricalDossierRow; type: string }[] = [
  { name: 'provinceCode', type: 'text' },
  { name: 'code', type: 'text' },
  { name: 'seriesId', type: 'int' },
  { name: 'handlingAgencyId', type: 'uuid' },
  { name: 'receivingAgencyId', type: 'uuid' },
  { name: 'procedureCode', type: 'text' },
  { name: 'procedureName', type: 'text' },
  { name: 'fieldName', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'receivedAt', type: 'timestamptz' },
  { name: 'legalDueAt', type: 'timestamptz' },
  { name: 'completedAt', type: 'timestamptz' },
  { name: 'completionClass', type: 'text' },
  { name: 'returnedAt', type: 'timestamptz' },
  { name: 'closedAt', type: 'timestamptz' },
  { name: 'fromData', type: 'boolean' },
  { name: 'applicantName', type: 'text' },
  { name: 'applicantAddress', type: 'text' },
  { name: 'applicantPhone', type: 'text' },
  { name: 'summary', type: 'text' },
  { name: 'sets', type: 'int' },
  { name: 'receiver', type: 'text' },
  { name: 'note', type: 'text' },
];

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Writes a batch of imported dossiers and their statistics in the caller's transaction: the
 * counts of rows being replaced (same province and code, from an earlier import) are removed, the
 * rows are upserted, and the counts of the batch are added — so importing a file twice changes
 * nothing. One statement per step, whatever the batch size (arrays, not one parameter per value).
 */
export const upsertHistoricalDossiers = async (
  trx: Db,
  input: { importId: string; rows: readonly HistoricalDossierRow[] },
): Promise<{ created: number; replaced: number }> => {
  if (input.rows.length === 0) {
    return { created: 0, replaced: 0 };
  }
  const provinces = input.rows.map((r) => r.provinceCode);
  const codes = input.rows.map((r) => r.code);
  const existing = await sql<{ count: number }>`
    select count(*)::int as count from historical_dossier h
    join unnest(${provinces}::text[], ${codes}::text[]) as k(p, c) on h.province_code = k.p and h.code = k.c
  `.execute(trx);
  const replaced = existing.rows[0]?.count ?? 0;
  if (replaced > 0) {
    await applyContributionsFromSource(
      trx,
      sql`${historicalSource(sql`(h.province_code, h.code) in (select * from unnest(${provinces}::text[], ${codes}::text[]))`)}`,
      -1,
    );
  }
  const arrays = HISTORY_COLUMNS.map((column) => {
    const values = input.rows.map((row) => {
      const value = row[column.name];
      return value instanceof Date ? value.toISOString() : value;
    });
    return sql`${values}::${sql.raw(column.type)}[]`;
  });
  const names = HISTORY_COLUMNS.map((c) => snake(c.name));
  await sql`
    insert into historical_dossier (import_id, ${sql.raw(names.join(', '))})
    select ${input.importId}::uuid, * from unnest(${sql.join(arrays)})
    on conflict (province_code, code) do update set import_id = excluded.import_id,
      ${sql.raw(
        names
          .filter((n) => n !== 'province_code' && n !== 'code')
          .map((n) => `${n} = excluded.${n}`)
          .join(', '),
      )}
  `.execute(trx);
  await applyContributionsFromSource(
    trx,
    historicalSource(sql`(h.province_code, h.code) in (select * from unnest(${provinces}::text[], ${codes}::text[]))`),
    1,
  );
  return { created: input.rows.length - replaced, replaced };
};

/** Agencies by code (imports name agencies by their Decision 20/2020 identifier), in force first. */
export const findAgenciesByCodes = async (db: Db, codes: readonly string[]) => {
  if (codes.length === 0) {
    return new Map<
      string,
      { id: string; name: string; kind: string; adminUnitLevel: string | null; provinceCode: string | null }
    >();
  }
  const rows = await db
    .selectFrom('agency')
    .select(['id', 'code', 'name', 'kind', 'adminUnitLevel', 'provinceCode', 'validTo'])
    .where('code', 'in', [...new Set(codes)])
    .orderBy(sql`valid_to is null`, 'asc')
    .execute();
  // Later rows win: the agency in force (valid_to null) over a closed one with the same code.
  return new Map(
    rows.map((r) => [
      r.code,
      { id: r.id, name: r.name, kind: r.kind, adminUnitLevel: r.adminUnitLevel, provinceCode: r.provinceCode },
    ]),
  );
};

/** Procedures by code in a province catalog or the national one (names, field, online level for imports). */
export const findProceduresForImport = async (db: Db, input: { provinceCode: string; codes: readonly string[] }) => {
  if (input.codes.length === 0) {
    return new Map<string, { name: string; fieldName: string; onlineFull: boolean }>();
  }
  const rows = await db
    .selectFrom('procedure')
    .select(['code', 'name', 'fieldName', 'onlineLevel', 'catalog'])
    .where('code', 'in', [...new Set(input.codes)])
    .where('catalog', 'in', [input.provinceCode, 'national'])
    .orderBy(sql`catalog = 'national'`, 'desc')
    .execute();
  // The province's own entry (read last) wins over the national one.
  return new Map(
    rows.map((r) => [r.code, { name: r.name, fieldName: r.fieldName, onlineFull: r.onlineLevel === 'full' }]),
  );
};

/** The agencies in force serving one administrative unit (a commune's People's Committee, its service centre). */
export const listAgenciesOfAdminUnit = async (db: Db, adminUnitCode: string) =>
  db
    .selectFrom('agency')
    .select(['id', 'code', 'name', 'kind', 'provinceCode'])
    .where('adminUnitCode', '=', adminUnitCode)
    .where('validTo', 'is', null)
    .orderBy('code')
    .execute();

/** The People's Committee in force of a province (the issuer of province-wide reports). */
export const findProvinceCommittee = async (db: Db, provinceCode: string) =>
  db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('provinceCode', '=', provinceCode)
    .where('kind', '=', 'province_committee')
    .where('validTo', 'is', null)
    .executeTakeFirst();

// --- synthetic data (benchmarks, demos) ------------------------------------------------------------------

export type SyntheticProcedure = {
  versionId: string;
  procedureId: string;
  code: string;
  name: string;
  fieldName: string;
  levels: string[];
  onlineFull: boolean;
  onlinePartial: boolean;
  replaceable: boolean;
  legalDays: number | null;
  approverAgencyCode: string | null;
};

/** The published procedure versions of a province catalog (else the national one), with what the generator needs. */
export const listSyntheticProcedures = async (db: Db, provinceCode: string): Promise<SyntheticProcedure[]> => {
  const result = await sql<SyntheticProcedure>`
    with versions as (
      select pv.id as version_id, p.id as procedure_id, p.code, p.name, p.field_name, p.levels, pv.content, p.catalog
      from procedure p join procedure_version pv on pv.id = p.current_version_id
      where p.catalog = ${provinceCode} and p.status = 'active'
    )
    select version_id, procedure_id, code, name, field_name, levels,
      content ->> 'onlineLevel' = 'full' as online_full,
      content ->> 'onlineLevel' = 'partial' as online_partial,
      coalesce(jsonb_path_exists(content, '$.components[*] ? (@.replaceableByData == true)'), false) as replaceable,
      (select max((c -> 'duration' ->> 'value')::numeric)::int from jsonb_array_elements(content -> 'channels') c
        where c -> 'duration' ->> 'unit' = 'working_days') as legal_days,
      (select s -> 'agency' ->> 'agencyCode' from jsonb_array_elements(content -> 'processSteps') with ordinality e(s, i)
        where s ->> 'role' = 'approver' order by i desc limit 1) as approver_agency_code
    from versions
    order by code
  `.execute(db);
  return result.rows;
};

/** The agencies in force of a province. */
export const listProvinceAgencies = async (db: Db, provinceCode: string) =>
  db
    .selectFrom('agency')
    .select(['id', 'code', 'name', 'kind', 'adminUnitLevel'])
    .where('provinceCode', '=', provinceCode)
    .where('validTo', 'is', null)
    .orderBy('code')
    .execute();

export type SeriesSpec = NewSeries & { parentKey?: string };

/** Creates many series at once (agency grain first, then procedure grain under them); returns every id by key. */
export const ensureSeriesBulk = async (db: Db, specs: readonly SeriesSpec[]): Promise<Map<string, SeriesRef>> => {
  const insert = async (rows: readonly SeriesSpec[], parents: Map<string, SeriesRef>) => {
    for (let index = 0; index < rows.length; index += 1000) {
      const chunk = rows.slice(index, index + 1000);
      await db
        .insertInto('statSeries')
        .values(
          chunk.map(({ parentKey, ...row }) => ({
            ...row,
            parentId: parentKey ? (parents.get(parentKey)?.id ?? null) : (row.parentId ?? null),
          })),
        )
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
  };
  const agencies = specs.filter((s) => s.grain === 'agency');
  await insert(agencies, new Map());
  const parents = await findSeriesByKeysChunked(
    db,
    agencies.map((s) => s.key),
  );
  const procedures = specs.filter((s) => s.grain === 'procedure');
  await insert(procedures, parents);
  const children = await findSeriesByKeysChunked(
    db,
    procedures.map((s) => s.key),
  );
  return new Map([...parents, ...children]);
};

const findSeriesByKeysChunked = async (db: Db, keys: readonly string[]) => {
  const all = new Map<string, SeriesRef>();
  for (let index = 0; index < keys.length; index += 2000) {
    for (const [key, ref] of await findSeriesByKeys(db, keys.slice(index, index + 2000))) {
      all.set(key, ref);
    }
  }
  return all;
};

export type SyntheticCombo = {
  weight: number;
  provinceCode: string;
  handlingAgencyId: string;
  receivingAgencyId: string;
  receivingAgencyCode: string;
  procedureId: string;
  versionId: string;
  procedureCode: string;
  procedureName: string;
  fieldName: string;
  legalDays: number;
  onlineShare: number;
  lateRate: number;
  replaceable: boolean;
  seriesDirect: number;
  seriesOnline: number;
  seriesPostal: number;
  parentDirect: number;
  parentOnline: number;
  parentPostal: number;
};

/**
 * Loads the generator's combinations (procedure × handling and receiving agency, with weights and
 * their series ids) into a temporary table of the pinned connection `conn`.
 */
export const loadSyntheticCombos = async (conn: Db, combos: readonly SyntheticCombo[]): Promise<void> => {
  // Room for a batch in memory: temporary tables and sorts of 100 000+ rows would otherwise spill to disk.
  await sql`set temp_buffers = '512MB'`.execute(conn).catch(() => undefined);
  await sql`set work_mem = '256MB'`.execute(conn);
  // The batch statements are large and run once: compiling them (JIT) costs more than it saves.
  await sql`set jit = off`.execute(conn).catch(() => undefined);
  await sql`drop table if exists synth_combo`.execute(conn);
  await sql`
    create temp table synth_combo (
      idx int primary key, cum double precision not null, province_code text, handling uuid, receiving uuid, receiving_code text,
      procedure_id uuid, version_id uuid, procedure_code text, procedure_name text, field_name text, legal_days int,
      online_share double precision, late_rate double precision, replaceable boolean,
      series_direct int, series_online int, series_postal int, parent_direct int, parent_online int, parent_postal int)
  `.execute(conn);
  const total = combos.reduce((sum, c) => sum + c.weight, 0);
  let running = 0;
  const rows = combos.map((c, idx) => {
    running += c.weight;
    return { ...c, idx, cum: idx === combos.length - 1 ? 1 : running / total };
  });
  for (let index = 0; index < rows.length; index += 500) {
    const chunk = rows.slice(index, index + 500);
    const values = chunk.map(
      (
        c,
      ) => sql`(${c.idx}, ${c.cum}, ${c.provinceCode}, ${c.handlingAgencyId}::uuid, ${c.receivingAgencyId}::uuid, ${c.receivingAgencyCode},
        ${c.procedureId}::uuid, ${c.versionId}::uuid, ${c.procedureCode}, ${c.procedureName}, ${c.fieldName}, ${c.legalDays},
        ${c.onlineShare}, ${c.lateRate}, ${c.replaceable}, ${c.seriesDirect}, ${c.seriesOnline}, ${c.seriesPostal},
        ${c.parentDirect}, ${c.parentOnline}, ${c.parentPostal})`,
    );
    await sql`insert into synth_combo values ${sql.join(values)}`.execute(conn);
  }
  await sql`create index on synth_combo (cum)`.execute(conn);
  await sql`analyze synth_combo`.execute(conn);
};

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu', 'Thanh', 'Kim'];
const GIVENS = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Yến',
];
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/**
 * Generates one batch of synthetic dossiers on the pinned connection `conn` (after
 * loadSyntheticCombos): draws each row's combination by weight, its receipt instant on a weekday
 * of [fromDay, toDay], channel, outcome (withdrawn, stopped, refused, resolved early / on time /
 * late by the handling agency's lateness rate, or still open), writes the dossiers (lean rows with
 * a compact engine state), the overrunning step of late ones, and their statistics with the same
 * rule as the transactional path — all in one transaction.
 */
export const generateSyntheticBatch = async (
  conn: Db,
  input: { start: number; count: number; codeOffset: number; fromDay: string; toDay: string; now: Date },
): Promise<void> => {
  const end = input.start + input.count - 1;
  const surnames = SURNAMES;
  const middles = MIDDLES;
  const givens = GIVENS;
  await sql`begin`.execute(conn);
  try {
    await sql`set local synchronous_commit = off`.execute(conn);
    await sql`drop table if exists synth_batch`.execute(conn);
    await sql`
      create temp table synth_batch as
      with draws as (
        select g.n, random() + 0 * g.n as r_combo, random() as r_day, random() as r_minute, random() as r_outcome,
          random() as r_speed, random() as r_channel, random() as r_return, random() as r_data,
          (random() * 1e6)::int as r_name
        from generate_series(${input.start}::bigint, ${end}::bigint) as g(n)
      ),
      picked as (
        select d.*, c.*
        from draws d cross join lateral (select * from synth_combo c where c.cum >= d.r_combo order by c.cum limit 1) c
      ),
      timed as (
        select p.*,
          (${input.fromDay}::date + floor(p.r_day * (${input.toDay}::date - ${input.fromDay}::date + 1))::int) as day0
        from picked p
      ),
      received as (
        select t.*,
          (case extract(isodow from day0) when 6 then day0 - 1 when 7 then day0 + 1 else day0 end) as rday
        from timed t
      ),
      clocked as (
        select r.*,
          (rday::timestamp + interval '7 hours 30 minutes' + r.r_minute * interval '9 hours') as received_local,
          (rday + (legal_days + 2 * ((legal_days + extract(isodow from rday)::int - 1) / 5)))::date as due_day
        from received r
      ),
      planned as (
        select c.*,
          ((received_local - interval '7 hours') at time zone 'UTC') as received_at,
          ((due_day::timestamp + (received_local - rday::timestamp) - interval '7 hours') at time zone 'UTC') as due_at,
          case
            when r_outcome < 0.004 then 'refused'
            when r_outcome < 0.016 then 'withdrawn'
            when r_outcome < 0.022 then 'stopped'
            when r_outcome < 0.022 + late_rate then 'late'
            when r_outcome < 0.022 + late_rate + (1 - 0.022 - late_rate) * 0.18 then 'on_time'
            else 'early'
          end as plan,
          case when r_channel < online_share then 'online' when r_channel < online_share + 0.03 then 'postal' else 'direct' end as channel
        from clocked c
      ),
      outcome as (
        select p.*,
          case p.plan
            when 'late' then p.due_at + (1 + p.r_speed * 8) * interval '1 day'
            when 'on_time' then p.due_at - p.r_speed * interval '3 hours'
            when 'early' then p.received_at + (p.due_at - p.received_at) * (0.15 + 0.6 * p.r_speed)
            else p.received_at + (p.due_at - p.received_at) * p.r_speed
          end as finish_at
        from planned p
      )
      select o.n, o.province_code, o.handling, o.receiving, o.receiving_code, o.procedure_id, o.version_id, o.procedure_code,
        o.procedure_name, o.field_name, o.legal_days, o.channel, o.replaceable, o.plan, o.received_local,
        case o.channel when 'online' then o.series_online when 'postal' then o.series_postal else o.series_direct end as series_id,
        case o.channel when 'online' then o.parent_online when 'postal' then o.parent_postal else o.parent_direct end as parent_id,
        case when o.plan = 'refused' then null else o.received_at end as received_at,
        case when o.plan = 'refused' then null else o.due_at end as legal_due_at,
        case when o.plan in ('early', 'on_time', 'late') and o.finish_at <= ${input.now} then o.finish_at end as completed_at,
        case when o.plan in ('early', 'on_time', 'late') and o.finish_at + o.r_return * interval '3 days' <= ${input.now}
          then o.finish_at + o.r_return * interval '3 days' end as returned_at,
        case when o.plan in ('refused', 'withdrawn', 'stopped') then least(o.finish_at, ${input.now}) end as closed_at,
        case
          when o.plan in ('refused', 'withdrawn', 'stopped') then o.plan
          when o.finish_at > ${input.now} then 'processing'
          when o.finish_at + o.r_return * interval '3 days' <= ${input.now} then 'returned'
          else 'completed'
        end as status,
        (o.replaceable and o.r_data < 0.6) as from_data,
        (${sql.raw(`array[${surnames.map((s) => `'${s}'`).join(',')}]`)})[1 + o.r_name % ${surnames.length}] || ' ' ||
        (${sql.raw(`array[${middles.map((s) => `'${s}'`).join(',')}]`)})[1 + (o.r_name / 13) % ${middles.length}] || ' ' ||
        (${sql.raw(`array[${givens.map((s) => `'${s}'`).join(',')}]`)})[1 + (o.r_name / 130) % ${givens.length}] as applicant_name,
        (${sql.raw(`array[${surnames.map((s) => `'${fold(s)}'`).join(',')}]`)})[1 + o.r_name % ${surnames.length}] || ' ' ||
        (${sql.raw(`array[${middles.map((s) => `'${fold(s)}'`).join(',')}]`)})[1 + (o.r_name / 13) % ${middles.length}] || ' ' ||
        (${sql.raw(`array[${givens.map((s) => `'${fold(s)}'`).join(',')}]`)})[1 + (o.r_name / 130) % ${givens.length}] as applicant_search
      from outcome o
    `.execute(conn);
    await sql`
      alter table synth_batch add column completion_class text, add column updated_at timestamptz, add column phase text
    `.execute(conn);
    await sql`
      update synth_batch set
        completion_class = case when completed_at is null then null
          when completed_at > legal_due_at then 'late'
          when ${vnDay(sql`completed_at`)} < ${vnDay(sql`legal_due_at`)} then 'early'
          else 'on_time' end,
        updated_at = coalesce(closed_at, returned_at, completed_at, received_at),
        phase = case status when 'processing' then 'open' when 'completed' then 'resolved' when 'returned' then 'resolved' else status end
    `.execute(conn);
    await sql`
      insert into dossier (code, province_code, receiving_agency_id, holder_agency_id, current_step_role, current_step_due_at,
        procedure_id, procedure_version_id, procedure_code, procedure_name, field_name, channel, status, applicant_kind,
        applicant_name, applicant_search, applicant, summary, components, state, received_at, due_at, legal_due_at,
        completed_at, completion_class, outcome, returned_at, return_channel, event_count, created_at, updated_at)
      select
        b.receiving_code || '-' || to_char(coalesce(b.received_local, ${input.now}::timestamp), 'YYMMDD') || '-' || lpad((b.n + ${input.codeOffset})::text, 8, '0'),
        b.province_code, b.receiving, case when b.status = 'processing' then b.handling else b.receiving end,
        case when b.status = 'processing' then 'approver' when b.status = 'completed' then 'result_returner' end,
        case when b.status = 'processing' then b.legal_due_at end,
        b.procedure_id, b.version_id, b.procedure_code, b.procedure_name, b.field_name, b.channel, b.status, 'person',
        b.applicant_name, b.applicant_search, jsonb_build_object('kind', 'person', 'fullName', b.applicant_name),
        left(b.procedure_name, 80),
        case when b.from_data then '[{"key":"du-lieu","name":"Giấy tờ lấy từ cơ sở dữ liệu","originals":0,"copies":0,"fromData":true}]'::jsonb else '[]'::jsonb end,
        jsonb_strip_nulls(jsonb_build_object(
          'status', b.status, 'supplementPhase', null, 'intakeSupplementCount', 0, 'processingSupplementCount', 0, 'apologyCount', 0,
          'receivingAgencyId', b.receiving,
          'steps', jsonb_build_array(
            jsonb_build_object('key', 'tiep-nhan', 'name', 'Tiếp nhận', 'role', 'receptionist', 'agencyId', b.receiving, 'allotmentMinutes', 240, 'status', 'done'),
            jsonb_build_object('key', 'xu-ly', 'name', 'Thẩm định, phê duyệt', 'role', 'approver', 'agencyId', b.handling,
              'allotmentMinutes', greatest(60, b.legal_days * 480 - 480), 'status', case when b.status = 'processing' then 'active' else 'done' end),
            jsonb_build_object('key', 'tra-ket-qua', 'name', 'Trả kết quả', 'role', 'result_returner', 'agencyId', b.receiving,
              'allotmentMinutes', 240, 'status', case when b.status = 'returned' then 'done' else 'pending' end)),
          'currentStep', case when b.status = 'processing' then 1 when b.status = 'completed' then 2 end,
          'clock', jsonb_build_object('rule', jsonb_build_object('unit', 'working_days', 'value', b.legal_days),
            'startedAt', (extract(epoch from b.received_at) * 1000)::bigint, 'pauses', '[]'::jsonb),
          'clockOnSupplement', 'pause',
          'completedAt', (extract(epoch from b.completed_at) * 1000)::bigint,
          'completionClass', b.completion_class,
          'outcome', case when b.completed_at is not null then 'approved' end,
          'returnedAt', (extract(epoch from b.returned_at) * 1000)::bigint)),
        b.received_at, b.legal_due_at, b.legal_due_at, b.completed_at, b.completion_class,
        case when b.completed_at is not null then 'approved' end, b.returned_at,
        case when b.returned_at is not null then 'counter' end, 0, coalesce(b.received_at, b.closed_at), b.updated_at
      from synth_batch b
    `.execute(conn);
    // Late dossiers: the approval step overran by the working time past the legal due instant
    // (working days of 8 hours, weekends skipped approximately).
    await sql`
      insert into dossier_step (dossier_id, step_no, key, name, role, agency_id, province_code, status, handoff,
        allotment_minutes, given_at, received_at, completed_at, due_at, overrun_minutes)
      select d.id, 1, 'xu-ly', 'Thẩm định, phê duyệt', 'approver', b.handling, b.province_code,
        case when b.completed_at is null then 'active' else 'done' end, 'inter_agency',
        greatest(60, b.legal_days * 480 - 480), b.received_at, b.received_at, b.completed_at, b.legal_due_at,
        case when b.completed_at is not null then
          greatest(1, (extract(epoch from b.completed_at - b.legal_due_at) / 86400 * 5 / 7 * 480)::int) end
      from synth_batch b join dossier d on d.code = b.receiving_code || '-' || to_char(coalesce(b.received_local, ${input.now}::timestamp), 'YYMMDD') || '-' || lpad((b.n + ${input.codeOffset})::text, 8, '0')
      where b.plan = 'late' and b.received_at is not null
    `.execute(conn);
    await applyContributionsFromSource(
      conn,
      sql`select series_id, parent_id, phase, received_at, legal_due_at, completed_at, completion_class, returned_at, closed_at, from_data from synth_batch`,
      1,
    );
    await sql`commit`.execute(conn);
  } catch (error) {
    await sql`rollback`.execute(conn);
    throw error;
  }
};

/** How many dossiers the database holds (the generator numbers its codes after them). */
export const countAllDossiers = async (db: Db): Promise<number> => {
  const result = await sql<{ count: number }>`select count(*)::bigint as count from dossier`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
};

/** Drops the generator's temporary tables from the pinned connection. */
export const dropSyntheticTables = async (conn: Db): Promise<void> => {
  await sql`drop table if exists synth_batch`.execute(conn);
  await sql`drop table if exists synth_combo`.execute(conn);
};
