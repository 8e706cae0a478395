import { findDossierImport, insertDossierImport } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { DossierImportInterruptedError, type ImportRecord, runDossierImport } from './import.js';

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
