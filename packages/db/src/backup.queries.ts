import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * The SQL of `motcua backup` and `motcua restore`. Rows travel as the text of `to_jsonb(row)` and come
 * back through `jsonb_populate_recordset`, so every column type (dates, arrays, bytea, jsonb, numeric)
 * round-trips through PostgreSQL's own input and output functions, identically on PGlite.
 *
 * What is backed up: every table of the `public` schema (ours) and `pgboss.job`, the outbox — the jobs
 * written in the same transactions as the dossier changes they follow, so a restore still sends the
 * notifications and issues the documents of changes committed just before the backup. pg-boss's other
 * tables (queue, version, schedule, subscription) are its bookkeeping that `startJobs` recreates, and
 * `pgboss.archive` is finished-job history it prunes itself.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type BackupTable = { schema: string; name: string; columns: string[]; primaryKey: string[] };
export type BackupSequence = { name: string; value: number | null };

/**
 * Tables filled by `motcua migrate` itself (migrations, administrative units, and in app_setting the
 * reference-data versions): a freshly migrated database has rows there and is still empty.
 */
const TABLES_FILLED_BY_MIGRATE = new Set([
  'public.schema_migration',
  'public.app_setting',
  'public.administrative_unit',
  'public.administrative_unit_succession',
  'public.reference_revision',
]);

export const qualifiedName = (table: { schema: string; name: string }) => `${table.schema}.${table.name}`;

/** The tables a backup holds, with their stored (not generated) columns and primary key, in name order. */
export const listBackupTables = async (db: Db): Promise<BackupTable[]> => {
  const result = await sql<{ schema: string; name: string; columns: string[]; primaryKey: string[] | null }>`
    select n.nspname as schema, c.relname as name,
      array(select a.attname::text from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
            order by a.attnum) as columns,
      (select array_agg(a.attname::text order by k.ord)
         from pg_constraint p
         cross join unnest(p.conkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where p.conrelid = c.oid and p.contype = 'p') as primary_key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and not c.relispartition
      and (n.nspname = 'public' or (n.nspname = 'pgboss' and c.relname = 'job'))
    order by n.nspname, c.relname`.execute(db);
  return result.rows.map((row) => ({ ...row, primaryKey: row.primaryKey ?? [] }));
};

/** The highest applied migration, read in the caller's transaction. */
export const findMigrationLevel = async (db: Db): Promise<number> => {
  const result = await sql<{ version: number | null }>`select max(version) as version from schema_migration`.execute(
    db,
  );
  return result.rows[0]?.version ?? 0;
};

/** The sequences of the public schema with their current value (null when never used). */
export const listBackupSequences = async (db: Db): Promise<BackupSequence[]> => {
  const result = await sql<BackupSequence>`
    select schemaname || '.' || sequencename as name, last_value as value
    from pg_sequences where schemaname = 'public' order by 1`.execute(db);
  return result.rows.map((row) => ({ name: row.name, value: row.value === null ? null : Number(row.value) }));
};

/**
 * Runs `work` in one read-only REPEATABLE READ transaction: everything it reads is one snapshot. The
 * snapshot is taken by the first statement, before `work` starts, so files listed afterwards include
 * every file the snapshot references (a file is stored before the row that names it commits).
 */
export const withBackupSnapshot = async <T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>) =>
  db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`select 1`.execute(trx);
      return work(trx);
    });

/**
 * Streams a table's rows as JSON text, in primary-key order, a batch at a time through a cursor (never
 * the whole table in memory). Must run inside a transaction.
 */
export async function* streamTableRows(
  trx: Transaction<Database>,
  table: BackupTable,
  batchSize = 500,
): AsyncGenerator<string[]> {
  const order =
    table.primaryKey.length > 0
      ? sql` order by ${sql.join(table.primaryKey.map((column) => sql.ref(`t.${column}`)))}`
      : sql``;
  await sql`declare motcua_backup_rows no scroll cursor for
    select to_jsonb(t)::text as row from ${sql.table(qualifiedName(table))} as t${order}`.execute(trx);
  try {
    for (;;) {
      const batch = await sql<{ row: string }>`fetch ${sql.raw(String(batchSize))} from motcua_backup_rows`.execute(
        trx,
      );
      if (batch.rows.length === 0) {
        return;
      }
      yield batch.rows.map((r) => r.row);
    }
  } finally {
    await sql`close motcua_backup_rows`.execute(trx);
  }
}

/** Row counts of the tables that hold data of users (everything `motcua migrate` does not fill itself). */
export const findNonEmptyTables = async (db: Db): Promise<string[]> => {
  const nonEmpty: string[] = [];
  for (const table of await listBackupTables(db)) {
    if (TABLES_FILLED_BY_MIGRATE.has(qualifiedName(table))) {
      continue;
    }
    const result = await sql<{ one: number }>`select 1 as one from ${sql.table(qualifiedName(table))} limit 1`.execute(
      db,
    );
    if (result.rows.length > 0) {
      nonEmpty.push(qualifiedName(table));
    }
  }
  return nonEmpty;
};

type ForeignKey = { table: string; name: string; definition: string };

/**
 * Loads a backup in one transaction, as pg_restore does: the foreign keys among the restored tables are
 * dropped, user triggers (the append-only guard of the dossier history) disabled, every table emptied,
 * the rows inserted, then the keys re-created — which checks every reference — and the triggers enabled.
 * `load` receives an insert function and must feed it every row; returns what `load` returns.
 */
export const restoreTables = async <T>(
  db: Kysely<Database>,
  tables: BackupTable[],
  load: (loader: {
    insert: (table: BackupTable, rowsJson: string[]) => Promise<number>;
    setSequences: (sequences: BackupSequence[]) => Promise<void>;
  }) => Promise<T>,
): Promise<T> =>
  db.transaction().execute(async (trx) => {
    const names = tables.map(qualifiedName);
    const foreignKeys = (
      await sql<ForeignKey>`
        select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
        from pg_constraint c
        where c.contype = 'f' and c.conparentid = 0
          and (c.conrelid::regclass::text = any(${names}) or c.confrelid::regclass::text = any(${names})
            or ('public.' || c.conrelid::regclass::text) = any(${names})
            or ('public.' || c.confrelid::regclass::text) = any(${names}))`.execute(trx)
    ).rows;
    for (const fk of foreignKeys) {
      await sql`alter table ${sql.raw(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(trx);
    }
    for (const name of names) {
      await sql`alter table ${sql.table(name)} disable trigger user`.execute(trx);
    }
    await sql`truncate ${sql.join(names.map((name) => sql.table(name)))}`.execute(trx);
    const insert = async (table: BackupTable, rowsJson: string[]) => {
      if (rowsJson.length === 0) {
        return 0;
      }
      const columns = sql.join(table.columns.map((column) => sql.id(column)));
      const inserted = await sql`
        insert into ${sql.table(qualifiedName(table))} (${columns}) overriding system value
        select ${columns} from jsonb_populate_recordset(null::${sql.table(qualifiedName(table))}, ${`[${rowsJson.join(',')}]`}::jsonb)`.execute(
        trx,
      );
      return Number(inserted.numAffectedRows ?? 0);
    };
    const result = await load({ insert, setSequences: (sequences) => restoreSequences(trx, sequences) });
    for (const fk of foreignKeys) {
      await sql`alter table ${sql.raw(fk.table)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(
        trx,
      );
    }
    for (const name of names) {
      await sql`alter table ${sql.table(name)} enable trigger user`.execute(trx);
    }
    // The reference data changed wholesale: a new revision, so no process keeps what it cached (migration 0014).
    await sql`update reference_revision
      set revision = greatest(revision + 1, (extract(epoch from clock_timestamp()) * 1000)::bigint)`.execute(trx);
    return result;
  });

/** Sets the sequences back to the values they had at the backup (identity columns continue after the restored ids). */
export const restoreSequences = async (db: Db, sequences: BackupSequence[]): Promise<void> => {
  for (const sequence of sequences) {
    if (sequence.value === null) {
      await sql`alter sequence ${sql.table(sequence.name)} restart`.execute(db);
    } else {
      await sql`select setval(${sequence.name}::regclass, ${sequence.value})`.execute(db);
    }
  }
};
