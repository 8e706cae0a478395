import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Pulls of the national procedure catalog from the national public-service portal (catalog_pull_run, migration
 * 0040): one row per pull, one running per province at a time (catalog_pull_run_running_idx).
 */

export type CatalogPullRunRecord = NonNullable<Awaited<ReturnType<typeof findCatalogPullRun>>>;

const selectRun = (db: Db) =>
  db
    .selectFrom('catalogPullRun')
    .leftJoin('appUser', 'appUser.id', 'catalogPullRun.requestedBy')
    .selectAll('catalogPullRun')
    .select('appUser.fullName as requestedByName');

/**
 * Records a pull as running, unless the province has one running already (answers undefined then). With
 * `unlessStartedWithinHours` (the schedule), nothing is recorded either when a pull of the province started that
 * recently: several processes ticking the same hour pull once.
 */
export const insertCatalogPullRun = async (
  db: Db,
  input: {
    provinceCode: string;
    trigger: 'schedule' | 'manual';
    requestedBy: string | null;
    now: Date;
    unlessStartedWithinHours?: number;
  },
): Promise<{ id: string } | undefined> => {
  const recent =
    input.unlessStartedWithinHours === undefined
      ? sql`false`
      : sql`exists (select 1 from catalog_pull_run r
                     where r.province_code = ${input.provinceCode}::text
                       and r.started_at > ${input.now}::timestamptz
                                          - make_interval(hours => ${input.unlessStartedWithinHours}::int))`;
  const result = await sql<{ id: string }>`
    insert into catalog_pull_run (province_code, trigger, requested_by, started_at)
    select ${input.provinceCode}::text, ${input.trigger}::text, ${input.requestedBy}::uuid, ${input.now}::timestamptz
     where not ${recent}
    on conflict (province_code) where state = 'running' do nothing
    returning id
  `.execute(db);
  return result.rows[0];
};

export const findCatalogPullRun = async (db: Db, id: string) =>
  selectRun(db).where('catalogPullRun.id', '=', id).executeTakeFirst();

/** A province's pulls, newest first, keyset-paginated on (started_at, id) (catalog_pull_run_province_idx). */
export const listCatalogPullRuns = async (
  db: Db,
  input: { provinceCode: string; after?: { startedAt: Date; id: string } | undefined; limit: number },
) => {
  let query = selectRun(db).where('catalogPullRun.provinceCode', '=', input.provinceCode);
  const after = input.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('catalogPullRun.startedAt', 'catalogPullRun.id'), '<', eb.tuple(after.startedAt, after.id)),
    );
  }
  return query
    .orderBy('catalogPullRun.startedAt', 'desc')
    .orderBy('catalogPullRun.id', 'desc')
    .limit(input.limit)
    .execute();
};

/** Writes a running pull's progress (its summary so far). */
export const updateCatalogPullProgress = async (
  db: Db,
  input: { id: string; summary: Record<string, unknown> },
): Promise<void> => {
  await db
    .updateTable('catalogPullRun')
    .set({ summary: JSON.stringify(input.summary) })
    .where('id', '=', input.id)
    .where('state', '=', 'running')
    .execute();
};

/** Ends a running pull (completed or failed); answers false when it was not running. */
export const finishCatalogPullRun = async (
  db: Db,
  input: {
    id: string;
    state: 'completed' | 'failed';
    summary: Record<string, unknown>;
    catalogImportId: string | null;
    failure: string | null;
    now: Date;
  },
): Promise<boolean> => {
  const result = await db
    .updateTable('catalogPullRun')
    .set({
      state: input.state,
      summary: JSON.stringify(input.summary),
      catalogImportId: input.catalogImportId,
      failure: input.failure === null ? null : input.failure.slice(0, 2000),
      finishedAt: input.now,
    })
    .where('id', '=', input.id)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/**
 * Running pulls silent for longer than `olderThanMinutes` lost their process (a crash): they end as failed so
 * that the province can pull again.
 */
export const failStaleCatalogPullRuns = async (
  db: Db,
  input: { provinceCode?: string; olderThanMinutes: number; failure: string; now: Date },
): Promise<number> => {
  let query = db
    .updateTable('catalogPullRun')
    .set({ state: 'failed', failure: input.failure, finishedAt: input.now })
    .where('state', '=', 'running')
    .where(
      'startedAt',
      '<',
      sql<Date>`${input.now}::timestamptz - make_interval(mins => ${input.olderThanMinutes}::int)`,
    );
  if (input.provinceCode !== undefined) {
    query = query.where('provinceCode', '=', input.provinceCode);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
};

/** Provinces whose national-portal connection is on and asks for a scheduled catalog pull. */
export const listProvincesWithScheduledCatalogPull = async (db: Db) =>
  db
    .selectFrom('dvcqgSetting')
    .select(['provinceCode', 'catalogPullHours'])
    .where('enabled', '=', true)
    .where('catalogPullHours', 'is not', null)
    .orderBy('provinceCode')
    .execute() as Promise<{ provinceCode: string; catalogPullHours: number }[]>;
