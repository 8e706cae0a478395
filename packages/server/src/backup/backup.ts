import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import {
  type BackupSequence,
  type BackupTable,
  type DatabaseHandle,
  findMigrationLevel,
  findNonEmptyTables,
  getSchemaVersion,
  listBackupSequences,
  listBackupTables,
  qualifiedName,
  restoreTables,
  streamTableRows,
  withBackupSnapshot,
} from '@motcua/db';
import { createLocalFileStorage, type FileStorage } from '../storage/file-storage.js';

/**
 * The backup archive, format 1: a gzip-compressed sequence of JSON lines, one record per line.
 *   {"kind":"header","format":1,"motcuaVersion","migrationLevel","createdAt","database"}
 *   {"kind":"table","schema","name","columns","primaryKey"} then one {"kind":"row","data":{…}} per row
 *   {"kind":"sequences","sequences":[{"name","value"}]}
 *   {"kind":"file","sha256"} then {"kind":"chunk","data":"<base64>"} records holding its bytes
 *   {"kind":"manifest", format, motcuaVersion, migrationLevel, createdAt, tables: {name: rows}, files: {sha256: size}}
 * The manifest is the last line (counts are known once everything is written); a restore checks every
 * count and every file's SHA-256 against it and commits nothing when one differs.
 */
export const BACKUP_FORMAT = 1;
const CHUNK_BYTES = 48 * 1024;

export type BackupManifest = {
  kind: 'manifest';
  format: number;
  motcuaVersion: string;
  migrationLevel: number;
  createdAt: string;
  database: string;
  tables: Record<string, number>;
  files: Record<string, number>;
};

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** How many files the store holds. */
const countStoredFiles = async (storage: FileStorage): Promise<number> => {
  let count = 0;
  for await (const _ of storage.list()) {
    count += 1;
  }
  return count;
};

/** A stream's bytes in chunks of `size` (the last one shorter), whatever chunks the store sends. */
const rechunk = async function* (stream: Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    while (pending.length >= size) {
      yield pending.subarray(0, size);
      pending = pending.subarray(size);
    }
  }
  if (pending.length > 0) {
    yield pending;
  }
};

/** Writes a line and waits when the compressor is full, so nothing accumulates in memory. */
const createLineWriter = (stream: NodeJS.WritableStream) => async (line: string) => {
  if (!stream.write(`${line}\n`)) {
    await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
};

/**
 * Writes a backup of the database and the file store to `out` (through a temporary file, renamed when
 * complete). The database is read in one REPEATABLE READ snapshot; the files are listed after the
 * snapshot is taken, so every file a row of the snapshot names is in the archive.
 */
export const createBackup = async (options: {
  database: DatabaseHandle;
  storage: FileStorage;
  out: string;
  motcuaVersion: string;
  now?: () => Date;
}): Promise<BackupManifest> => {
  const { database, storage, out } = options;
  const temp = `${out}.${process.pid}.partial`;
  const gzip = createGzip();
  const file = createWriteStream(temp);
  gzip.pipe(file);
  const write = createLineWriter(gzip);
  try {
    const manifest = await withBackupSnapshot(database.db, async (trx) => {
      const migrationLevel = await findMigrationLevel(trx);
      const createdAt = (options.now?.() ?? new Date()).toISOString();
      const header = {
        format: BACKUP_FORMAT,
        motcuaVersion: options.motcuaVersion,
        migrationLevel,
        createdAt,
        database: database.kind,
      };
      await write(JSON.stringify({ kind: 'header', ...header }));
      const tables: Record<string, number> = {};
      for (const table of await listBackupTables(trx)) {
        await write(JSON.stringify({ kind: 'table', ...table }));
        let count = 0;
        for await (const rows of streamTableRows(trx, table)) {
          for (const row of rows) {
            await write(`{"kind":"row","data":${row}}`);
          }
          count += rows.length;
        }
        tables[qualifiedName(table)] = count;
      }
      await write(JSON.stringify({ kind: 'sequences', sequences: await listBackupSequences(trx) }));
      const files: Record<string, number> = {};
      for await (const sha256 of storage.list()) {
        const stream = await storage.open(sha256);
        if (!stream) {
          throw new BackupError(`stored file ${sha256} disappeared from the file store during the backup`);
        }
        await write(JSON.stringify({ kind: 'file', sha256 }));
        const hash = createHash('sha256');
        let size = 0;
        for await (const bytes of rechunk(stream, CHUNK_BYTES)) {
          hash.update(bytes);
          size += bytes.length;
          await write(JSON.stringify({ kind: 'chunk', data: bytes.toString('base64') }));
        }
        // A damaged file in the store fails the backup instead of being archived under a hash it no longer has.
        if (hash.digest('hex') !== sha256) {
          throw new BackupError(`stored file ${sha256} does not match its SHA-256: the file store is damaged`);
        }
        files[sha256] = size;
      }
      const manifest: BackupManifest = { kind: 'manifest', ...header, tables, files };
      await write(JSON.stringify(manifest));
      return manifest;
    });
    gzip.end();
    await finished(file);
    await rename(temp, out);
    return manifest;
  } catch (error) {
    gzip.destroy();
    file.destroy();
    await rm(temp, { force: true });
    throw error;
  }
};

type Record_ =
  | ({ kind: 'header' } & Omit<BackupManifest, 'kind' | 'tables' | 'files'>)
  | ({ kind: 'table' } & BackupTable)
  | { kind: 'row'; data: unknown }
  | { kind: 'sequences'; sequences: BackupSequence[] }
  | { kind: 'file'; sha256: string }
  | { kind: 'chunk'; data: string }
  | BackupManifest;

const readRecords = async function* (archive: string): AsyncGenerator<{ record: Record_; line: string }> {
  const lines = createInterface({ input: createReadStream(archive).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length > 0) {
      yield { record: JSON.parse(line) as Record_, line };
    }
  }
};

export type RestoreReport = { manifest: BackupManifest; tables: number; rows: number; files: number };

/**
 * Restores an archive into a database migrated to the archive's level and an empty file store; refuses
 * a target that holds data unless `force`. The database is loaded in one transaction that commits only
 * when every table's row count and every file's SHA-256 match the manifest.
 */
export const restoreBackup = async (options: {
  database: DatabaseHandle;
  storage: FileStorage;
  archive: string;
  force: boolean;
}): Promise<RestoreReport> => {
  const { database, storage, archive } = options;
  const records = readRecords(archive);
  const first = await records.next();
  if (first.done || first.value.record.kind !== 'header') {
    throw new BackupError(`${archive} is not a motcua backup (no header record)`);
  }
  const header = first.value.record;
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupError(`${archive} has backup format ${header.format}; this motcua reads format ${BACKUP_FORMAT}`);
  }
  const level = await getSchemaVersion(database.pool);
  if (level !== header.migrationLevel) {
    throw new BackupError(
      `the backup is at migration ${header.migrationLevel} but the target database is at ${level}; ` +
        'restore with the motcua version that made the backup, then upgrade',
    );
  }
  if (!options.force) {
    const nonEmpty = await findNonEmptyTables(database.db);
    const files = await countStoredFiles(storage);
    if (nonEmpty.length > 0 || files > 0) {
      throw new BackupError(
        `the target is not empty (${[...nonEmpty.slice(0, 5), ...(files > 0 ? [`${files} stored files`] : [])].join(', ')}); ` +
          'restore into an empty database and file store, or pass --force to replace what is there',
      );
    }
  }
  const tables = await listBackupTables(database.db);
  // Files are unpacked into a local staging directory and put into the store only after the
  // database commits, so a failed restore leaves the file store as it was.
  const staging = await mkdtemp(join(tmpdir(), 'motcua-restore-'));
  const staged = createLocalFileStorage(staging);
  const counted = { tables: {} as Record<string, number>, files: {} as Record<string, number> };
  let manifest: BackupManifest | undefined;
  try {
    await restoreTables(database.db, tables, async ({ insert, setSequences }) => {
      let table: BackupTable | undefined;
      let batch: string[] = [];
      let file: { sha256: string; chunks: Buffer[] } | undefined;
      const flushRows = async () => {
        if (table && batch.length > 0) {
          const name = qualifiedName(table);
          counted.tables[name] = (counted.tables[name] ?? 0) + (await insert(table, batch));
        }
        batch = [];
      };
      const flushFile = async () => {
        if (file) {
          const stored = await staged.put(Buffer.concat(file.chunks));
          if (stored.sha256 !== file.sha256) {
            throw new BackupError(
              `file ${file.sha256} in the archive is damaged (its content hashes to ${stored.sha256})`,
            );
          }
          counted.files[file.sha256] = stored.size;
        }
        file = undefined;
      };
      for await (const { record, line } of records) {
        if (record.kind !== 'row') {
          await flushRows();
        }
        if (record.kind !== 'chunk') {
          await flushFile();
        }
        switch (record.kind) {
          case 'table': {
            const target = tables.find((t) => t.schema === record.schema && t.name === record.name);
            if (!target) {
              throw new BackupError(`the target database has no table ${record.schema}.${record.name}`);
            }
            table = target;
            counted.tables[qualifiedName(target)] = 0;
            break;
          }
          case 'row':
            // The row's JSON as written, without re-serialising it: `{"kind":"row","data":` is 21 characters.
            batch.push(line.slice(21, -1));
            if (batch.length >= 500) {
              await flushRows();
            }
            break;
          case 'sequences':
            await setSequences(record.sequences);
            break;
          case 'file':
            file = { sha256: record.sha256, chunks: [] };
            break;
          case 'chunk':
            file?.chunks.push(Buffer.from(record.data, 'base64'));
            break;
          case 'manifest':
            manifest = record;
            break;
          default:
            throw new BackupError(`unexpected record "${record.kind}" in the archive`);
        }
      }
      if (!manifest) {
        throw new BackupError(`${archive} is truncated: it has no manifest`);
      }
      for (const [name, rows] of Object.entries(manifest.tables)) {
        if (counted.tables[name] !== rows) {
          throw new BackupError(`table ${name}: the manifest says ${rows} rows, ${counted.tables[name] ?? 0} restored`);
        }
      }
      for (const [sha256, size] of Object.entries(manifest.files)) {
        if (counted.files[sha256] !== size) {
          throw new BackupError(`file ${sha256} named by the manifest was not restored intact`);
        }
      }
    });
    for (const sha256 of Object.keys(counted.files)) {
      const stream = await staged.open(sha256);
      if (!stream || (await storage.putStream(stream)).sha256 !== sha256) {
        throw new BackupError(`file ${sha256} could not be written to the file store (${storage.location})`);
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (!manifest) {
    throw new BackupError(`${archive} has no manifest`);
  }
  return {
    manifest,
    tables: Object.keys(manifest.tables).length,
    rows: Object.values(manifest.tables).reduce((sum, n) => sum + n, 0),
    files: Object.keys(manifest.files).length,
  };
};
