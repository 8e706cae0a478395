/**
 * The statistics aggregates (stat_series, stat_day, stat_month, stat_year): finding and creating series,
 * adding counter deltas in the caller's transaction, the contribution rule in SQL for set-based paths,
 * and rebuilding a province from the raw rows. The contribution rule lives in packages/domain/src/statistics
 * (contributions.ts); `applyContributionsFromSource` below is the same rule in SQL, and tests prove both
 * give the same aggregates. Reading the aggregates: statistics-sums.queries.ts.
 */
import {
  buildAgencySeriesKey,
  type CounterValues,
  getMonthStart,
  getStatisticsLevel,
  STATISTICS_COUNTERS,
} from '@motcua/domain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { COLUMNS, type Db, handlingAgencySql, historicalSource, levelSql, phaseSql, vnDay } from './statistics-sql.js';
import type { StatDeltaCell, StatDeltaSeries, StatSeriesTable } from './tables/statistics.js';

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

// --- deltas folded after commit (the intake path writes no hot row) ---------------------------------

export type NewStatisticsDelta = { provinceCode: string; series: StatDeltaSeries[]; cells: StatDeltaCell[] };

/** Appends the statistics delta of one dossier write, in the caller's transaction. */
export const insertStatisticsDelta = async (trx: Db, delta: NewStatisticsDelta): Promise<void> => {
  await trx
    .insertInto('statDelta')
    .values({
      provinceCode: delta.provinceCode,
      series: JSON.stringify(delta.series),
      cells: JSON.stringify(delta.cells),
    })
    .execute();
};

/** How many statistics deltas wait to be folded. */
export const countPendingStatisticsDeltas = async (db: Db): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('statDelta')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Creates the procedure-grain series of a delta and its agency-grain parent (the first dossier of its kind). */
const createDeltaSeries = async (trx: Db, side: StatDeltaSeries): Promise<SeriesRef> => {
  const attributes = await findSeriesAttributes(trx, {
    handlingAgencyId: side.handlingAgencyId,
    procedureVersionId: side.procedureVersionId,
  });
  const level = getStatisticsLevel({
    kind: attributes.handlingAgencyKind ?? 'other',
    adminUnitLevel: attributes.handlingAdminUnitLevel,
  });
  const common = {
    provinceCode: side.provinceCode,
    handlingAgencyId: side.handlingAgencyId,
    receivingAgencyId: side.receivingAgencyId,
    level,
    channel: side.channel,
    onlineFull: attributes.onlineFull,
    replaceable: attributes.replaceable,
  };
  const parentId = await ensureSeries(trx, {
    ...common,
    grain: 'agency',
    key: buildAgencySeriesKey({
      ...common,
      handling: { id: side.handlingAgencyId },
      receiving: { id: side.receivingAgencyId },
    }),
  });
  const id = await ensureSeries(trx, {
    ...common,
    grain: 'procedure',
    key: side.key,
    parentId,
    procedureCode: side.procedureCode,
    procedureName: side.procedureName,
    fieldName: side.fieldName,
  });
  return { id, parentId };
};

/**
 * Folds pending statistics deltas into the day, month and year cells, oldest first, in batches: each
 * batch deletes its deltas and adds them to the cells in one transaction, so a delta counts exactly
 * once whoever folds it (a concurrent fold waits on the rows, then finds them gone). Called after
 * commit by the workers and before every read of the aggregates. Returns how many deltas it folded.
 */
export const foldStatisticsDeltas = async (
  db: Db,
  options: { batchSize?: number; provinceCode?: string } = {},
): Promise<number> => {
  const batchSize = options.batchSize ?? 500;
  const foldBatch = async (trx: Transaction<Database>): Promise<number> => {
    const province = options.provinceCode;
    const { rows } = await sql<{ series: StatDeltaSeries[]; cells: StatDeltaCell[] }>`
      delete from stat_delta where id in (
        select id from stat_delta ${province === undefined ? sql`` : sql`where province_code = ${province}`}
        order by id limit ${batchSize} for update
      )
      returning series, cells
    `.execute(trx);
    if (rows.length === 0) {
      return 0;
    }
    const sides = new Map<string, StatDeltaSeries>();
    for (const row of rows) {
      for (const side of row.series) {
        sides.set(side.key, side);
      }
    }
    const cells = rows.flatMap((row) => row.cells);
    const series = await findSeriesByKeys(
      trx,
      cells.map((cell) => cell.seriesKey),
    );
    for (const key of new Set(cells.map((cell) => cell.seriesKey))) {
      const side = sides.get(key);
      if (!series.has(key) && side) {
        series.set(key, await createDeltaSeries(trx, side));
      }
    }
    await applyStatisticsCells(
      trx,
      cells.flatMap((cell) => {
        const ref = series.get(cell.seriesKey);
        if (!ref) {
          return [];
        }
        const own = { seriesId: ref.id, day: cell.day, counts: cell.counts };
        return ref.parentId === null ? [own] : [own, { ...own, seriesId: ref.parentId }];
      }),
    );
    return rows.length;
  };
  let folded = 0;
  for (;;) {
    const n = db.isTransaction
      ? await foldBatch(db as Transaction<Database>)
      : await db.transaction().execute(foldBatch);
    folded += n;
    if (n < batchSize) {
      return folded;
    }
  }
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

// --- rebuilding from the raw rows ---------------------------------------------------------------------

/**
 * Recomputes every aggregate of a province from the raw rows (engine dossiers and imported
 * history): creates missing series, then replaces the counters. For repair after a bug, and as
 * the proof in tests that the incremental path and the set-based rule agree.
 */
export const rebuildStatistics = async (db: Kysely<Database>, input: { provinceCode: string }): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    const province = input.provinceCode;
    // Pending deltas are already in the raw rows recomputed below; after the rebuild they would count twice.
    await sql`delete from stat_delta where province_code = ${province}`.execute(trx);
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
