import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getMigrationStatus, MigrationError, migrate, readMigrationFiles } from './migrate.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const shippedFiles = (): Record<string, string> =>
  Object.fromEntries(readMigrationFiles().map((m) => [`${String(m.version).padStart(4, '0')}_${m.name}.sql`, m.sql]));

// Migrations added by the tests below, in the order they run against the same database.
const scratchMigrations = {
  '9001_scratch_a.sql': 'create table scratch_a (id int primary key);',
  '9002_scratch_b.sql': 'insert into scratch_a values (1);',
};

const scratchDir = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    writeFileSync(join(dir, name), sql);
  }
  return dir;
};

describe('migrate', () => {
  it('reports the shipped migrations as current on a test database', async () => {
    const status = await getMigrationStatus(database.pool);
    expect(status.isCurrent).toBe(true);
    expect(status.applied.map((m) => m.version)).toEqual(readMigrationFiles().map((m) => m.version));
  });

  it('does nothing when run again, and finds that out with one query, without the lock', async () => {
    const query = vi.spyOn(database.pool, 'query');
    const connect = vi.spyOn(database.pool, 'connect');
    try {
      expect(await migrate(database.pool)).toEqual({ applied: [], alreadyCurrent: true });
      expect(query).toHaveBeenCalledTimes(1);
      // Only the connection pool.query takes for itself: none is held for the advisory lock.
      expect(connect).toHaveBeenCalledTimes(1);
    } finally {
      query.mockRestore();
      connect.mockRestore();
    }
  });

  it('applies pending migrations in order and records them; concurrent runs apply each once', async () => {
    const dir = scratchDir({ ...shippedFiles(), ...scratchMigrations });
    const results = await Promise.all([migrate(database.pool, { dir }), migrate(database.pool, { dir })]);
    const applied = results.flatMap((r) => r.applied.map((m) => m.version));
    expect(applied).toEqual([9001, 9002]);
    const rows = await database.pool.query('select count(*)::int as n from scratch_a');
    expect(rows.rows[0].n).toBe(1);
  });

  it('rolls back a failing migration completely and names it', async () => {
    const dir = scratchDir({
      ...shippedFiles(),
      ...scratchMigrations,
      '9101_half_broken.sql': 'create table scratch_c (id int); select * from no_such_table;',
    });
    await expect(migrate(database.pool, { dir })).rejects.toThrow(/9101_half_broken failed/);
    const exists = await database.pool.query(`select to_regclass('public.scratch_c') is not null as exists`);
    expect(exists.rows[0].exists).toBe(false);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const shipped = readMigrationFiles();
    const first = shipped[0];
    if (!first) {
      throw new Error('no migrations');
    }
    const dir = scratchDir({
      ...shippedFiles(),
      ...scratchMigrations,
      [`${String(first.version).padStart(4, '0')}_${first.name}.sql`]: `${first.sql}\n-- edited`,
    });
    await expect(migrate(database.pool, { dir })).rejects.toBeInstanceOf(MigrationError);
    expect((await getMigrationStatus(database.pool, dir)).modified).toEqual([
      { version: first.version, name: first.name },
    ]);
  });

  it('rejects badly named migration files', () => {
    const dir = scratchDir({ 'create_things.sql': 'select 1;' });
    expect(() => readMigrationFiles(dir)).toThrow(MigrationError);
  });
});
