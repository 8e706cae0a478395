import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** The folder of numbered, forward-only SQL migrations (`0001_foundation.sql`, …). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

export type MigrationFile = { version: number; name: string; sql: string; checksum: string };
export type AppliedMigration = { version: number; name: string; checksum: string; appliedAt: Date };
export type MigrationStatus = {
  applied: AppliedMigration[];
  pending: MigrationFile[];
  /** Applied migrations whose file has changed since (a migration must never be edited once merged). */
  modified: { version: number; name: string }[];
  /** Applied migrations this build does not know (the database is newer than the code). */
  unknown: { version: number; name: string }[];
  isCurrent: boolean;
};

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

// One constant key for pg_advisory_lock: every process migrating the same database serialises here.
const MIGRATION_LOCK_KEY = 7_246_835_001;

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export const readMigrationFiles = (dir: string = MIGRATIONS_DIR): MigrationFile[] => {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match?.[1] || !match[2]) {
      throw new MigrationError(`Migration file name must look like 0001_some_name.sql: ${file}`);
    }
    const version = Number(match[1]);
    if (seen.has(version)) {
      throw new MigrationError(`Two migration files share version ${version}`);
    }
    seen.add(version);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    return { version, name: match[2], sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
};

const ensureMigrationTable = async (client: pg.PoolClient | pg.Pool): Promise<void> => {
  await client.query(`
    create table if not exists schema_migration (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
};

const readApplied = async (client: pg.PoolClient | pg.Pool): Promise<AppliedMigration[]> => {
  const exists = await client.query<{ exists: boolean }>(
    `select to_regclass('public.schema_migration') is not null as exists`,
  );
  if (!exists.rows[0]?.exists) {
    return [];
  }
  const result = await client.query<{ version: number; name: string; checksum: string; applied_at: Date }>(
    'select version, name, checksum, applied_at from schema_migration order by version',
  );
  return result.rows.map((row) => ({
    version: row.version,
    name: row.name,
    checksum: row.checksum,
    appliedAt: row.applied_at,
  }));
};

const compareWithFiles = (applied: AppliedMigration[], files: MigrationFile[]): MigrationStatus => {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  const appliedVersions = new Set(applied.map((row) => row.version));
  const modified = applied
    .filter((row) => {
      const file = byVersion.get(row.version);
      return file !== undefined && file.checksum !== row.checksum;
    })
    .map(({ version, name }) => ({ version, name }));
  const unknown = applied.filter((row) => !byVersion.has(row.version)).map(({ version, name }) => ({ version, name }));
  const pending = files.filter((file) => !appliedVersions.has(file.version));
  return {
    applied,
    pending,
    modified,
    unknown,
    isCurrent: pending.length === 0 && modified.length === 0 && unknown.length === 0,
  };
};

/** Compares the database with the migration files without changing anything. */
export const getMigrationStatus = async (pool: pg.Pool, dir: string = MIGRATIONS_DIR): Promise<MigrationStatus> =>
  compareWithFiles(await readApplied(pool), readMigrationFiles(dir));

/** The highest migration version applied (0 for an empty database); throws when the database cannot be reached. */
export const getSchemaVersion = async (pool: pg.Pool): Promise<number> => {
  const result = await pool.query<{ version: number | null }>('select max(version) as version from schema_migration');
  return result.rows[0]?.version ?? 0;
};

export type MigrateResult = { applied: { version: number; name: string }[]; alreadyCurrent: boolean };

const UNDEFINED_TABLE = '42P01';

/**
 * Whether the database already has exactly these migrations, read in one query without the lock: a
 * start on a current database (the usual case) does nothing more. `false` sends the caller to the
 * locked path, which applies what is pending or says what is wrong (an edited or unknown migration).
 */
const isAlreadyCurrent = async (pool: pg.Pool, files: MigrationFile[]): Promise<boolean> => {
  try {
    const result = await pool.query<{ version: number; checksum: string }>(
      'select version, checksum from schema_migration order by version',
    );
    return (
      result.rows.length === files.length &&
      result.rows.every(
        (row, index) => row.version === files[index]?.version && row.checksum === files[index]?.checksum,
      )
    );
  } catch (error) {
    // A new database has no schema_migration table yet.
    if ((error as { code?: string }).code === UNDEFINED_TABLE) {
      return false;
    }
    throw error;
  }
};

/**
 * Applies pending migrations in order, each in its own transaction, while holding a session-level
 * advisory lock so that two processes starting together cannot race: the second waits, then finds
 * nothing left to do. Refuses to run if an applied migration was edited or is unknown to this build.
 * A database that is already current is recognised by one query, without taking the lock.
 */
export const migrate = async (
  pool: pg.Pool,
  options: { dir?: string; onApplied?: (migration: { version: number; name: string }) => void } = {},
): Promise<MigrateResult> => {
  const files = readMigrationFiles(options.dir);
  if (await isAlreadyCurrent(pool, files)) {
    return { applied: [], alreadyCurrent: true };
  }
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await ensureMigrationTable(client);
      const status = compareWithFiles(await readApplied(client), files);
      if (status.modified.length > 0) {
        const list = status.modified.map((m) => `${m.version}_${m.name}`).join(', ');
        throw new MigrationError(
          `Applied migrations were modified after they ran: ${list}. Add a new migration instead.`,
        );
      }
      if (status.unknown.length > 0) {
        const list = status.unknown.map((m) => `${m.version}_${m.name}`).join(', ');
        throw new MigrationError(`The database has migrations this version does not know: ${list}. Upgrade motcua.`);
      }
      const applied: { version: number; name: string }[] = [];
      for (const file of status.pending) {
        await client.query('begin');
        try {
          await client.query(file.sql);
          await client.query('insert into schema_migration (version, name, checksum) values ($1, $2, $3)', [
            file.version,
            file.name,
            file.checksum,
          ]);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          const reason = error instanceof Error ? error.message : String(error);
          throw new MigrationError(`Migration ${file.version}_${file.name} failed: ${reason}`);
        }
        applied.push({ version: file.version, name: file.name });
        options.onApplied?.({ version: file.version, name: file.name });
      }
      return { applied, alreadyCurrent: applied.length === 0 };
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
};
