import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { gunzipSync, gzipSync } from 'node:zlib';
import { listBackupTables, qualifiedName } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3FileStorage } from '../storage/s3-file-storage.js';
import { seedProcedure, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { startTestS3Server, type TestS3Server } from '../testing/s3-server.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { multipartFile, samplePdf, samplePng } from '../usecases/portal/test-support.js';
import { createBackup, restoreBackup } from './backup.js';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set (each TestApp has its own database).
// The source keeps its files on local disk, the target in an S3-compatible store: a backup moves an
// installation from one store to the other.
let s3: TestS3Server;
let source: TestApp;
let target: TestApp;
let dir: string;
let world: World;
/** Scans attached to dossiers through the API, plus one stored file no row names (kept as well). */
const scans = [samplePdf('tờ khai 1'), samplePdf('tờ khai 2'), samplePdf('tờ khai 3')];
const files = [...scans, samplePng()];
const attached: { code: string; id: string; sha256: string }[] = [];

/** An intake at the desk, forwarded and accepted by the specialist, who attaches a scan: events, jobs and a file. */
const intakeWithScan = async (scan: Buffer) => {
  const desk = await signIn(source.app, 'motcua');
  const created = await source.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: desk.headers,
    payload: {
      receivingAgencyId: world.agencies.centre?.id,
      procedureCode: '1.001193',
      applicant: {
        kind: 'person',
        fullName: 'Trần Văn Bình',
        idNumber: '033080004321',
        dateOfBirth: '1980-02-02',
        address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên' },
      },
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const code = created.json().code as string;
  const body = multipartFile(scan, 'to-khai.pdf', 'application/pdf');
  const uploaded = await source.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/documents?kind=component&component=to-khai&name=${encodeURIComponent('Tờ khai')}`,
    headers: { ...desk.headers, ...body.headers },
    payload: body.payload,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  attached.push({ code, id: uploaded.json().id, sha256: createHash('sha256').update(scan).digest('hex') });
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
  source = await createTestApp();
  world = await seedWorld(source);
  await seedProcedure(source, { catalog: '33', code: '1.001193' });
  for (const scan of scans) {
    await intakeWithScan(scan);
  }
  await source.storage.put(files[3] as Buffer);
  s3 = await startTestS3Server();
  target = await createTestApp({ storage: createS3FileStorage(s3.config) });
}, 180_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  await s3?.close();
  rmSync(dir, { recursive: true, force: true });
});

const listFiles = async (t: TestApp) => {
  const all: string[] = [];
  for await (const sha256 of t.storage.list()) {
    all.push(sha256);
  }
  return all;
};

describe('backup and restore', { timeout: 180_000 }, () => {
  it('round-trips the database and the file store, with counts and hashes checked', async () => {
    const out = join(dir, 'backup.motcua.gz');
    const manifest = await createBackup({
      database: source.database,
      storage: source.storage,
      out,
      motcuaVersion: '0.1.0',
    });
    expect(manifest.tables['public.app_user']).toBeGreaterThan(0);
    expect(manifest.tables['public.agency']).toBeGreaterThan(0);
    expect(manifest.tables['public.dossier']).toBe(3);
    expect(manifest.tables['public.dossier_event']).toBeGreaterThanOrEqual(3);
    expect(manifest.tables['pgboss.job']).toBeGreaterThan(0);
    expect(Object.keys(manifest.files).sort()).toEqual(
      files.map((f) => createHash('sha256').update(f).digest('hex')).sort(),
    );

    // The target holds users already: refused without --force.
    await seedWorld(target);
    await expect(
      restoreBackup({ database: target.database, storage: target.storage, archive: out, force: false }),
    ).rejects.toThrow(/not empty/);

    const report = await restoreBackup({
      database: target.database,
      storage: target.storage,
      archive: out,
      force: true,
    });
    expect(report.files).toBe(4);
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
    expect(audit.dossiers).toBe(3);

    // The restored install serves every attached file, byte for byte.
    const desk = await signIn(target.app, 'motcua');
    for (const document of attached) {
      const download = await target.app.inject({
        url: `/api/v1/dossiers/${document.code}/documents/${document.id}`,
        headers: desk.headers,
      });
      expect(download.statusCode, download.body).toBe(200);
      expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(document.sha256);
    }

    // Identity columns continue after the restored ids: a new intake on the target works.
    const next = await target.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: desk.headers,
      payload: {
        receivingAgencyId: world.agencies.centre?.id,
        procedureCode: '1.001193',
        applicant: {
          kind: 'person',
          fullName: 'Lê Thị Hoa',
          idNumber: '033190009876',
          dateOfBirth: '1990-03-03',
          address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên' },
        },
        components: [
          { key: 'to-khai', originals: 1, copies: 0 },
          { key: 'giay-chung-sinh', originals: 1, copies: 0 },
        ],
        outcome: 'receive',
      },
    });
    expect(next.statusCode, next.body).toBe(201);
  });

  it('refuses a damaged archive and changes nothing', async () => {
    const filesBefore = await listFiles(target);
    const broken = join(dir, 'broken.gz');
    writeFileSync(broken, 'not gzip');
    await expect(
      restoreBackup({ database: target.database, storage: target.storage, archive: broken, force: true }),
    ).rejects.toThrow();
    // A file whose bytes were altered in the archive fails its SHA-256, and the database is left as it was.
    const out = join(dir, 'tampered.gz');
    await createBackup({
      database: source.database,
      storage: source.storage,
      out,
      motcuaVersion: '0.1.0',
    });
    const lines = gunzipSync(readFileSync(out)).toString('utf8').split('\n');
    const chunk = lines.findIndex((line) => line.startsWith('{"kind":"chunk"'));
    expect(chunk).toBeGreaterThan(0);
    lines[chunk] = JSON.stringify({ kind: 'chunk', data: Buffer.from('forged').toString('base64') });
    writeFileSync(out, gzipSync(lines.join('\n')));
    const before = await target.database.pool.query('select count(*)::int as n from app_user');
    await expect(
      restoreBackup({ database: target.database, storage: target.storage, archive: out, force: true }),
    ).rejects.toThrow(/damaged/);
    const after = await target.database.pool.query('select count(*)::int as n from app_user');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect(await listFiles(target)).toEqual(filesBefore);
  });
});
