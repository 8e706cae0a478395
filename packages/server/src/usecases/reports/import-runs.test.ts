import { Readable } from 'node:stream';
import { findDossierImport, insertDossierImport, listDossierImportIssues } from '@motcua/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from '../../storage/file-storage.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { DossierImportInterruptedError, type ImportRecord, runDossierImport } from './import.js';
import { runQueuedDossierImport } from './import-runs.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

const row = (n: number) => ({
  ma_ho_so: `TD-${n}`,
  ma_tinh: '33',
  co_quan: 'Sở Tư pháp',
  ngay_tiep_nhan: '02/09/2021 09:00',
  ngay_hen_tra: '10/09/2021 17:00',
});

/** Two rows, then waits for `gate` before the rest: the test looks at the run in between. */
const gated = (gate: Promise<void>, total: number) =>
  (async function* (): AsyncGenerator<ImportRecord> {
    for (let n = 1; n <= total; n++) {
      if (n === 3) {
        await gate;
      }
      yield { rowNo: n, values: row(n) };
    }
  })();

const waitFor = async (check: () => Promise<boolean>) => {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out');
};

const start = async () =>
  insertDossierImport(t.database.db, {
    provinceCode: '33',
    fileName: 'tien-do.csv',
    actorUserId: null,
    now: new Date(),
  });

describe('an import run while it runs', () => {
  it('writes the rows read so far before its first batch, and its totals at the end', async () => {
    const importId = await start();
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const done = runDossierImport(t.database.db, {
      importId,
      records: gated(gate, 5),
      provinceCode: '33',
      fileName: 'tien-do.csv',
      actorUserId: null,
      now: new Date(),
      progressIntervalMs: 5,
    });
    await waitFor(async () => (await findDossierImport(t.database.db, importId))?.totals.rows === 2);
    expect(await findDossierImport(t.database.db, importId)).toMatchObject({
      status: 'running',
      totals: { rows: 2, imported: 0 },
    });
    open();
    const report = await done;
    expect(report).toMatchObject({ id: importId, status: 'completed', totals: { rows: 5, imported: 5 } });
    expect(await findDossierImport(t.database.db, importId)).toMatchObject({
      status: 'completed',
      totals: { rows: 5, imported: 5 },
    });
  });

  it('stops between two rows when aborted, recorded as failed and interrupted', async () => {
    const importId = await start();
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const controller = new AbortController();
    const done = runDossierImport(t.database.db, {
      importId,
      records: gated(gate, 5),
      provinceCode: '33',
      fileName: 'tien-do.csv',
      actorUserId: null,
      now: new Date(),
      signal: controller.signal,
      progressIntervalMs: 5,
    });
    await waitFor(async () => (await findDossierImport(t.database.db, importId))?.totals.rows === 2);
    controller.abort();
    open();
    await expect(done).rejects.toBeInstanceOf(DossierImportInterruptedError);
    const run = await findDossierImport(t.database.db, importId);
    expect(run).toMatchObject({ status: 'failed', totals: { rows: 2 } });
    expect(JSON.parse(run?.failure ?? '{}')).toMatchObject({
      vi: expect.stringContaining('máy chủ dừng'),
      en: expect.stringContaining('server shut down'),
    });
  });
});

describe('an import run on the job queue', () => {
  // 6,000 rows (batches of 5,000), then row 1 again: a duplicate across the batches.
  const csv = [
    'ma_ho_so,ma_tinh,co_quan,ngay_tiep_nhan,ngay_hen_tra',
    ...Array.from({ length: 6000 }, (_, i) => `HANG-${i + 1},33,Sở Tư pháp,02/09/2021 09:00,10/09/2021 17:00`),
    'HANG-1,33,Sở Tư pháp,03/09/2021 09:00,10/09/2021 17:00',
  ].join('\n');

  const queue = async () => {
    const stored = await t.storage.put(Buffer.from(csv));
    return insertDossierImport(t.database.db, {
      provinceCode: '33',
      fileName: 'hang.csv',
      actorUserId: null,
      now: new Date(),
      totals: { fileBytes: stored.size, bytesRead: 0 },
      file: { sha256: stored.sha256, kind: '.csv' },
    });
  };

  const jobsOf = async (importId: string) =>
    (
      await sql<{ state: string }>`
        select state from pgboss.job where name = 'dossier-import' and data->>'importId' = ${importId}
      `.execute(t.database.db)
    ).rows.map((row) => row.state);

  it('continues after the committed batches when a stopped process gave it back, counting no row twice', async () => {
    const clean = await queue();
    await runQueuedDossierImport(t.ctx, { importId: clean });
    const expected = await findDossierImport(t.database.db, clean);
    expect(expected).toMatchObject({
      status: 'completed',
      totals: { rows: 6001, imported: 6000, rejected: 1, replaced: 0 },
    });

    const resumed = await queue();
    // The store hands out the first 5,500 lines, then waits: the first batch (5,000) commits meanwhile.
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const cut = csv.split('\n').slice(0, 5501).join('\n').length + 1;
    const gated: FileStorage = {
      ...t.storage,
      open: async () =>
        Readable.from(
          (async function* () {
            yield Buffer.from(csv.slice(0, cut));
            await gate;
            yield Buffer.from(csv.slice(cut));
          })(),
        ),
    };
    const controller = new AbortController();
    const first = runQueuedDossierImport(
      { ...t.ctx, storage: gated },
      { importId: resumed },
      { signal: controller.signal },
    );
    await waitFor(async () => ((await findDossierImport(t.database.db, resumed))?.recordsDone ?? 0) > 0);
    controller.abort();
    open();
    await first;
    const given = await findDossierImport(t.database.db, resumed);
    expect(given?.status).toBe('queued');
    expect(given?.recordsDone).toBe(5000);
    // A new job for it, ready for any process.
    expect(await jobsOf(resumed)).toEqual(['created']);

    await runQueuedDossierImport(t.ctx, { importId: resumed });
    const done = await findDossierImport(t.database.db, resumed);
    // The same figures as one uninterrupted run of the same file after the first (every row replaced once).
    expect(done).toMatchObject({
      status: 'completed',
      recordsDone: 6001,
      totals: { rows: 6001, imported: 6000, rejected: 1, replaced: 6000, created: 0 },
    });
    expect(done?.totals.warnings).toBe(expected?.totals.warnings);
    expect(done?.totals.issues).toEqual(expected?.totals.issues);
    const rejected = await listDossierImportIssues(t.database.db, {
      importId: resumed,
      outcome: 'rejected',
      afterRowNo: 0,
      limit: 10,
    });
    expect(rejected.map((row) => [row.rowNo, row.issues.map((i) => i.code).at(-1)])).toEqual([
      [6002, 'DUPLICATE_IN_FILE'],
    ]);
    const { rows: warned } = await sql<{ n: number }>`
      select count(*)::int as n from dossier_import_issue where import_id = ${resumed} and outcome = 'imported'
    `.execute(t.database.db);
    expect(warned[0]?.n).toBe(6000);

    // Delivered again (a job taken twice): nothing happens to a finished run.
    await runQueuedDossierImport(t.ctx, { importId: resumed });
    expect(await findDossierImport(t.database.db, resumed)).toMatchObject({ status: 'completed', recordsDone: 6001 });
  });
});
