/**
 * Reading the statistics aggregates (the report figures), and the same sums computed naively from the raw
 * rows (the oracle in tests and the baseline in the benchmark).
 */
import {
  AGGREGATE_SUM_KEYS,
  type AggregatePlan,
  type AggregateSums,
  createZeroSums,
  getMonthEnd,
  type StatisticsLevel,
} from '@motcua/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import { COLUMNS, type Db, handlingAgencySql, levelSql, phaseSql, vnDay } from './statistics-sql.js';

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
