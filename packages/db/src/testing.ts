import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type DatabaseHandle, openDatabase, PGLITE_EXTENSIONS } from './client.js';
import { MIGRATIONS_DIR, migrate } from './migrate.js';
import { ADMINISTRATIVE_UNITS_DATA_VERSION, REFERENCE_DATA_DIR, syncAdministrativeUnits } from './reference-data.js';

/**
 * Test databases. Every test file gets a fresh, fully migrated database with the reference data:
 * - without DATABASE_URL: an in-memory PGlite restored from a template data directory;
 * - with DATABASE_URL: a PostgreSQL database created from a template database, dropped on close.
 * The template is built once per content hash of the migrations and reference data, so a test
 * run pays for migrations once, not once per file. The same PGlite template also fills the data
 * directory of a server or a command that a test starts (createPgliteDataDir).
 */

const templateHash = (): string => {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  }
  hash.update(`reference:${ADMINISTRATIVE_UNITS_DATA_VERSION}`);
  for (const file of readdirSync(REFERENCE_DATA_DIR).sort()) {
    hash.update(file).update(String(statSync(join(REFERENCE_DATA_DIR, file)).size));
  }
  return hash.digest('hex').slice(0, 16);
};

const prepareDatabase = async (handle: DatabaseHandle): Promise<void> => {
  await migrate(handle.pool);
  await syncAdministrativeUnits(handle.db);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process of this machine still runs (signal 0 checks without signalling; EPERM: it runs as another user). */
const isProcessAlive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) {
    return true; // a lock being written: its pid is not there yet
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Builds (or reuses) the PGlite template tarball and returns its path; a lock file keeps parallel
 * workers from building it twice.
 */
const ensurePgliteTemplateFile = async (): Promise<string> => {
  const dir = join(tmpdir(), 'motcua-test-templates');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-${templateHash()}.tar.gz`);
  const lock = `${file}.lock`;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (statSync(file, { throwIfNoEntry: false })) {
      return file;
    }
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      // Someone else is building it; a lock whose process is gone (a run stopped mid-build) or older than 5
      // minutes is stale.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000 || !isProcessAlive(Number(readFileSync(lock, 'utf8')))) {
          rmSync(lock, { force: true });
        }
      } catch {
        // the lock vanished meanwhile
      }
      await sleep(250);
      continue;
    }
    try {
      const handle = await openDatabase({ kind: 'pglite-memory' });
      try {
        await prepareDatabase(handle);
        const dump = await handle.pglite?.dumpDataDir('gzip');
        if (!dump) {
          throw new Error('PGlite did not produce a data directory dump');
        }
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
        renameSync(tmp, file);
      } finally {
        await handle.close();
      }
    } finally {
      rmSync(lock, { force: true });
    }
  }
  throw new Error('Timed out waiting for the PGlite test template');
};

/** The template's bytes, read once per process (a worker runs many test files). */
let templateBytes: { file: string; blob: Blob } | undefined;
const getPgliteTemplate = async (): Promise<Blob> => {
  const file = await ensurePgliteTemplateFile();
  if (templateBytes?.file !== file) {
    templateBytes = { file, blob: new Blob([readFileSync(file)]) };
  }
  return templateBytes.blob;
};

/**
 * Fills an empty PGlite data directory (what `openDatabase({ kind: 'pglite', dataDir })` opens; for
 * a server or a command, `<MOTCUA_DATA_DIR>/pglite`) with the migrated template, so that a test that
 * starts one finds its database as after a first `motcua migrate`, in about a second instead of the
 * half minute PGlite takes to create and migrate a database on disk. The dump holds the data
 * directory's files; `tar` unpacks it (PGlite's own loader, the fallback, is many times slower).
 */
export const createPgliteDataDir = async (dir: string): Promise<void> => {
  const file = await ensurePgliteTemplateFile();
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('tar', ['-xzf', file, '-C', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (statSync(join(dir, 'PG_VERSION'), { throwIfNoEntry: false })) {
      return;
    }
  } catch {
    // no usable tar on this machine
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { loadDataDir: await getPgliteTemplate(), extensions: PGLITE_EXTENSIONS });
  await pglite.close();
};

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

const withAdminClient = async <T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
};

const databaseUrlFor = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** Builds the PostgreSQL template database once per content hash, under an advisory lock. */
const ensurePostgresTemplate = async (url: string): Promise<string> => {
  const name = `motcua_tpl_${templateHash()}`;
  await withAdminClient(url, async (admin) => {
    await admin.query('select pg_advisory_lock(7246835002)');
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount) {
        return;
      }
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${quoteIdentifier(building)}`);
      await admin.query(`create database ${quoteIdentifier(building)}`);
      const handle = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url, building), maxConnections: 2 });
      try {
        await prepareDatabase(handle);
      } finally {
        await handle.close();
      }
      await admin.query(`alter database ${quoteIdentifier(building)} rename to ${quoteIdentifier(name)}`);
    } finally {
      await admin.query('select pg_advisory_unlock(7246835002)');
    }
  });
  return name;
};

export type TestDatabase = DatabaseHandle & { name: string };

/** A fresh, migrated database with reference data for one test file. Call `close()` in afterAll. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ kind: 'pglite-memory', loadDataDir: await getPgliteTemplate() });
    return { ...handle, name: 'pglite-memory' };
  }
  const template = await ensurePostgresTemplate(url);
  const name = `motcua_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(url, async (admin) => {
    // CREATE DATABASE … TEMPLATE fails while anyone is connected to the template; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${quoteIdentifier(name)} template ${quoteIdentifier(template)}`);
        return;
      } catch (error) {
        if (attempt >= 40 || (error as { code?: string }).code !== '55006') {
          throw error;
        }
        await sleep(100 + attempt * 25);
      }
    }
  });
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url, name), maxConnections: 10 });
  return {
    ...handle,
    name,
    close: async () => {
      await handle.close();
      await withAdminClient(url, (admin) =>
        admin.query(`drop database if exists ${quoteIdentifier(name)} with (force)`),
      );
    },
  };
};

/** Drops every motcua test and template database on the server (used by CI at the end of a run). */
export const dropTestDatabases = async (url: string): Promise<number> =>
  withAdminClient(url, async (admin) => {
    const result = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'motcua\\_test\\_%' or datname like 'motcua\\_tpl\\_%'`,
    );
    for (const row of result.rows) {
      await admin.query(`drop database if exists ${quoteIdentifier(row.datname)} with (force)`);
    }
    return result.rows.length;
  });

export {
  listDossierEventKeysForTest,
  listDvcqgSyncRowsForTest,
  setProcedureFieldCodeForTest,
  upsertDvcqgSettingForTest,
} from './testing-dvcqg.js';
export { insertPublishedProcedure, setDossierCodeCounter } from './testing-procedures.js';
export { linkDossiersToCitizenForTest, setOutgoingSignedFileForTest } from './testing-provinces.js';
export { findReplicaClusterObstacle, type ReplicaCluster, startReplicaCluster } from './testing-replica.js';
