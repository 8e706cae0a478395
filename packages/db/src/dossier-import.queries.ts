import { sql } from 'kysely';
import { applyContributionsFromSource } from './statistics-aggregates.queries.js';
import { type Db, historicalSource } from './statistics-sql.js';
import type { DossierImportIssueJson, DossierImportTotals } from './tables/statistics.js';

// --- import runs and their issues ----------------------------------------------------------------------

export const insertDossierImport = async (
  db: Db,
  input: {
    provinceCode: string | null;
    fileName: string | null;
    actorUserId: string | null;
    now: Date;
    totals?: Partial<DossierImportTotals>;
    /** A file in the file store, imported by a job: the run waits as queued until a process takes it. */
    file?: { sha256: string; kind: '.csv' | '.json' | '.jsonl' | '.ndjson' };
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
      ...(input.file ? { status: 'queued' as const, fileSha256: input.file.sha256, fileKind: input.file.kind } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
};

export const updateDossierImport = async (
  db: Db,
  input: {
    id: string;
    totals: DossierImportTotals;
    status?: 'completed' | 'failed';
    failure?: string;
    now: Date;
    /** Written in a batch's transaction: the records whose outcome that batch committed. */
    recordsDone?: number;
  },
): Promise<void> => {
  await db
    .updateTable('dossierImport')
    .set({
      totals: JSON.stringify(input.totals),
      heartbeatAt: sql<Date>`now()`,
      ...(input.recordsDone !== undefined ? { recordsDone: input.recordsDone } : {}),
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
 * Takes a queued run for this process: a queued one, or a running one whose heartbeat has been silent
 * for `silentSeconds` (its process died). Answers the run, or nothing when it is finished or alive
 * elsewhere — a job delivered twice then does nothing.
 */
export const claimDossierImport = async (db: Db, input: { id: string; silentSeconds: number }) =>
  db
    .updateTable('dossierImport')
    .set({ status: 'running', heartbeatAt: sql<Date>`now()` })
    .where('id', '=', input.id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([
          eb('status', '=', 'running'),
          eb('heartbeatAt', '<', sql<Date>`now() - make_interval(secs => ${input.silentSeconds})`),
        ]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();

/** Gives a running import back to the queue (its process is shutting down); what it committed stays. */
export const requeueDossierImport = async (db: Db, input: { id: string }) => {
  await db
    .updateTable('dossierImport')
    .set({ status: 'queued', heartbeatAt: sql<Date>`now()` })
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

/** Seconds since a run's last heartbeat, by the database's clock (the clock its heartbeats are written with). */
const silentForSeconds = sql<number>`extract(epoch from now() - dossier_import.heartbeat_at)::float8`.as(
  'silentForSeconds',
);

export const findDossierImport = async (db: Db, id: string) =>
  db
    .selectFrom('dossierImport')
    .leftJoin('appUser', 'appUser.id', 'dossierImport.actorUserId')
    .selectAll('dossierImport')
    .select(['appUser.fullName as actorName', silentForSeconds])
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
    .select(['appUser.fullName as actorName', silentForSeconds])
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

// --- imported dossiers ------------------------------------------------------------------------------------

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

// --- what an import names its rows by ---------------------------------------------------------------------

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
