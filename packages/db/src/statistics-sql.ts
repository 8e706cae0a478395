/**
 * The statistics rules as SQL fragments, shared by the statistics queries (aggregates, sums, drill-down,
 * imports, synthetic data). Internal to packages/db: not exported from the package.
 */
import { COUNTER_COLUMNS, STATISTICS_COUNTERS } from '@motcua/domain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** The counter columns of stat_day, stat_month and stat_year, in STATISTICS_COUNTERS order. */
export const COLUMNS = STATISTICS_COUNTERS.map((counter) => COUNTER_COLUMNS[counter]);

/** The Vietnamese (UTC+7, no daylight saving) day of a timestamptz, whatever the session time zone. */
export const vnDay = (expression: RawBuilder<unknown>) =>
  sql`(timezone('UTC', ${expression}) + interval '7 hours')::date`;

/** The agency competent to decide an engine dossier, from its state (same rule as getHandlingAgencyId). */
export const handlingAgencySql = (alias: string) =>
  sql.raw(`coalesce(
    (select (st ->> 'agencyId')::uuid from jsonb_array_elements(${alias}.state -> 'steps') with ordinality as e(st, i)
      where st ->> 'role' = 'approver' order by i desc limit 1),
    (select (st ->> 'agencyId')::uuid from jsonb_array_elements(${alias}.state -> 'steps') with ordinality as e(st, i)
      where st ->> 'role' = 'processor' order by i desc limit 1),
    ${alias}.receiving_agency_id)`);

/** The statistics phase of an engine dossier (same rule as toStatisticsFacts). */
export const phaseSql = (alias: string) =>
  sql.raw(`case ${alias}.status
    when 'new' then 'pending'
    when 'supplement_requested' then case when ${alias}.received_at is null then 'pending' else 'open' end
    when 'received' then 'open' when 'processing' then 'open' when 'financial_obligation' then 'open'
    when 'completed' then 'resolved' when 'returned' then 'resolved'
    else ${alias}.status end`);

export const levelSql = (alias: string) =>
  sql.raw(`case when ${alias}.kind like 'ministry%' then 'ministry'
    when ${alias}.kind like 'commune%' then 'commune'
    when ${alias}.admin_unit_level in ('district', 'commune') then ${alias}.admin_unit_level
    else 'province' end`);

/** The imported history as a contributions source (see applyContributionsFromSource). */
export const historicalSource = (where: RawBuilder<unknown>) => sql`
  select h.series_id, s.parent_id,
    case h.status when 'open' then 'open' when 'completed' then 'resolved' when 'returned' then 'resolved' else h.status end as phase,
    h.received_at, h.legal_due_at, h.completed_at, h.completion_class, h.returned_at, h.closed_at, h.from_data
  from historical_dossier h join stat_series s on s.id = h.series_id
  where ${where}`;
