import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { listBackupTables, qualifiedName } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { samplePdf, samplePng } from '../usecases/portal/test-support.js';
import { createBackup, restoreBackup } from './backup.js';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set (each TestApp has its own database).
let source: TestApp;
let target: TestApp;
let dir: string;
const files = [samplePdf('hồ sơ 1'), samplePng(), samplePdf('kết quả')];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
  source = await createTestApp();
  await seedWorld(source);
  for (const content of files) {
    await source.storage.put(content);
  }
  target = await createTestApp();
}, 180_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

const storageDirOf = (t: TestApp) => t.storage.dir;

describe('backup and restore', { timeout: 180_000 }, () => {
  it('round-trips the database and the file store, with counts and hashes checked', async () => {
    const out = join(dir, 'backup.motcua.gz');
    const sourceDir = storageDirOf(source);
    const targetDir = storageDirOf(target);
    expect(sourceDir && targetDir).toBeTruthy();
    const manifest = await createBackup({
      database: source.database,
      storageDir: sourceDir as string,
      out,
      motcuaVersion: '0.1.0',
    });
    expect(manifest.tables['public.app_user']).toBeGreaterThan(0);
    expect(manifest.tables['public.agency']).toBeGreaterThan(0);
    expect(Object.keys(manifest.files).sort()).toEqual(
      files.map((f) => createHash('sha256').update(f).digest('hex')).sort(),
    );

    // The target holds users already: refused without --force.
    await seedWorld(target);
    await expect(
      restoreBackup({ database: target.database, storageDir: targetDir as string, archive: out, force: false }),
    ).rejects.toThrow(/not empty/);

    const report = await restoreBackup({
      database: target.database,
      storageDir: targetDir as string,
      archive: out,
      force: true,
    });
    expect(report.files).toBe(3);
    for (const table of await listBackupTables(target.database.db)) {
      const name = qualifiedName(table);
      if (name in manifest.tables) {
        const { rows } = await target.database.pool.query(`select count(*)::int as n from ${name}`);
        expect(rows[0].n, name).toBe(manifest.tables[name]);
      }
    }
    for (const content of files) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const stream = await target.storage.open(sha256);
      expect(stream).toBeDefined();
      expect((await buffer(stream as NodeJS.ReadableStream)).equals(content)).toBe(true);
    }
    const audit = await verifyAuditChains({ db: target.database.db }, {});
    expect(audit.findings).toEqual([]);
  });

  it('refuses a damaged archive', async () => {
    const broken = join(dir, 'broken.gz');
    writeFileSync(broken, 'not gzip');
    await expect(
      restoreBackup({
        database: target.database,
        storageDir: storageDirOf(target) as string,
        archive: broken,
        force: true,
      }),
    ).rejects.toThrow();
  });
});
