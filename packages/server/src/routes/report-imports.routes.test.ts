import { findDossierImport, insertDossierImport } from '@motcua/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../jobs/jobs.js';
import { startDossierImportWorker } from '../jobs/workers.js';
import { seedWorld, signIn } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile } from '../usecases/portal/test-support.js';
import { failSilentDossierImportRuns } from '../usecases/reports/import-runs.js';

let t: TestApp;
const clock = fixedClock('2026-11-22T09:00:00+07:00');
const sessions: Record<string, Record<string, string>> = {};

const MAX_BYTES = 256 * 1024;

beforeAll(async () => {
  // A small limit, so that the 413 is cheap to provoke.
  t = await createTestApp({ clock, config: { importMaxBytes: MAX_BYTES } });
  await seedWorld(t);
  // Uploads are imported by the job queue's worker, as in a running server.
  await startDossierImportWorker(t.ctx);
  for (const who of ['qttinh', 'hanoi', 'tiepnhan', 'thanhtra']) {
    sessions[who] = (await signIn(t.app, who)).headers;
  }
});

afterAll(async () => {
  await t?.close();
});

const upload = (who: string | null, content: string | Buffer, fileName: string, query = '') => {
  const file = multipartFile(Buffer.from(content), fileName, 'text/csv');
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/reports/imports${query}`,
    headers: { ...(who ? sessions[who] : {}), ...file.headers },
    payload: file.payload,
  });
};

type Run = {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  totals: {
    rows: number;
    imported: number;
    rejected: number;
    warnings: number;
    fileBytes: number | null;
    bytesRead: number | null;
    issues: { code: string; count: number; label: { vi: string } }[];
  };
  failure: { vi: string; en: string } | null;
  rows: { rowNo: number; code: string | null; outcome: string; issues: { code: string; message: { vi: string } }[] }[];
};

/** Reads the run until it has finished, as the console does while it shows the progress bar. */
const waitForRun = async (id: string, who = 'qttinh'): Promise<Run> => {
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await t.app.inject({
      url: `/api/v1/reports/imports/${id}?outcome=rejected`,
      headers: sessions[who],
    });
    expect(response.statusCode, response.body).toBe(200);
    const run = response.json() as Run;
    if (run.status !== 'queued' && run.status !== 'running') {
      return run;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} still running`);
};

// Sở Tư pháp tỉnh Hưng Yên (the test world); September 2021.
const CSV = [
  'Mã hồ sơ,Mã cơ quan,Mã TTHC,Kênh thực hiện,Trạng thái,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ngày trả,Chủ hồ sơ',
  'LS-2109-0001,000.00.01.H31,1.001193,2,10,01/09/2021 08:30,20/09/2021 17:00,06/09/2021 10:00,07/09/2021 09:00,Nguyễn Văn An',
  'LS-2109-0002,000.00.01.H31,1.001193,Trực tiếp,9,2021-09-01T08:45:00+07:00,10/09/2021 17:00,13/09/2021 09:00,,Trần Thị Bình',
  'LS-2109-0003,000.00.01.H31,1.001193,1,9,,10/09/2021 17:00,08/09/2021 09:00,,Lê Văn Cường',
  'LS-2109-0004,000.00.01.H31,1.001193,1,4,02/09/2021 10:00,30/09/2021 17:00,,,Phạm Thị Dung',
].join('\n');

describe('historical-dossier imports from the console', () => {
  it('imports an uploaded CSV on the job queue, with its progress, totals and rejected rows', async () => {
    const started = await upload('qttinh', CSV, 'ho-so-2021-09.csv');
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id as string;
    expect(started.headers.location).toBe(`/api/v1/reports/imports/${id}`);
    expect(started.json()).toMatchObject({
      status: 'queued',
      provinceCode: '33',
      fileName: 'ho-so-2021-09.csv',
      startedBy: 'Vũ Thị Quản Trị Tỉnh',
    });

    const run = await waitForRun(id);
    expect(run.status).toBe('completed');
    expect(run.failure).toBeNull();
    expect(run.totals).toMatchObject({ rows: 4, imported: 3, rejected: 1 });
    // The progress bar's measure: the whole file has been read.
    expect(started.json().totals).toMatchObject({ fileBytes: Buffer.byteLength(CSV), bytesRead: 0 });
    expect(run.totals).toMatchObject({ fileBytes: Buffer.byteLength(CSV), bytesRead: Buffer.byteLength(CSV) });
    // Row 4 as a spreadsheet shows the file (the header is row 1).
    expect(run.rows).toEqual([expect.objectContaining({ rowNo: 4, code: 'LS-2109-0003', outcome: 'rejected' })]);
    expect(run.rows[0]?.issues.map((i) => i.code)).toEqual(['RECEIVED_MISSING']);
    expect(run.rows[0]?.issues[0]?.message.vi).toBe('Thiếu ngày tiếp nhận.');
    expect(run.totals.issues).toContainEqual(
      expect.objectContaining({
        code: 'RECEIVED_MISSING',
        count: 1,
        label: expect.objectContaining({ vi: 'Thiếu ngày tiếp nhận' }),
      }),
    );

    // The province's report for the month counts them at once.
    const report = await t.app.inject({
      url: '/api/v1/reports/statistics?scope=province&period=2021-09',
      headers: sessions.qttinh,
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().totals).toMatchObject({ receivedNew: 3, resolved: 2, resolvedEarly: 1, resolvedLate: 1 });

    // Listed first among the province's runs; re-importing the same file changes no figure.
    clock.set('2026-11-22T09:05:00+07:00');
    const again = await upload('qttinh', CSV, 'ho-so-2021-09.csv', '?province=33');
    expect(again.statusCode).toBe(202);
    const second = await waitForRun(again.json().id);
    expect(second.totals).toMatchObject({ imported: 3, rejected: 1, replaced: 3 });
    const after = await t.app.inject({
      url: '/api/v1/reports/statistics?scope=province&period=2021-09',
      headers: sessions.qttinh,
    });
    expect(after.json().totals).toMatchObject({ receivedNew: 3, resolved: 2 });
    const list = await t.app.inject({ url: '/api/v1/reports/imports?limit=1', headers: sessions.qttinh });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((r: Run) => r.id)).toEqual([again.json().id]);
    const next = await t.app.inject({
      url: `/api/v1/reports/imports?limit=1&cursor=${list.json().nextCursor}`,
      headers: sessions.qttinh,
    });
    expect(next.json().items.map((r: Run) => r.id)).toEqual([id]);
  });

  it('rejects the rows of another province (JSON Lines)', async () => {
    const lines = [
      {
        MaHoSo: 'LS-JL-1',
        MaDonVi: '000.00.01.H31',
        KenhThucHien: 2,
        TrangThaiHoSo: 4,
        NgayTiepNhan: '20210903090000',
      },
      {
        MaHoSo: 'LS-JL-2',
        ma_tinh: '01',
        co_quan: 'Sở Tư pháp',
        KenhThucHien: 2,
        TrangThaiHoSo: 4,
        NgayTiepNhan: '20210903090000',
      },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const started = await upload('qttinh', lines, 'lich-su.jsonl');
    expect(started.statusCode, started.body).toBe(202);
    const run = await waitForRun(started.json().id);
    expect(run.totals).toMatchObject({ rows: 2, imported: 1, rejected: 1 });
    expect(run.rows[0]?.issues.map((i) => i.code)).toContain('PROVINCE_OTHER');
  });

  it('lets only the province administrator start an import, into their own province', async () => {
    expect((await upload(null, CSV, 'a.csv')).statusCode).toBe(401);
    expect((await upload('tiepnhan', CSV, 'a.csv')).statusCode).toBe(403);
    // The auditor reads reports but may not write into them.
    expect((await upload('thanhtra', CSV, 'a.csv')).statusCode).toBe(403);
    expect((await upload('hanoi', CSV, 'a.csv', '?province=33')).statusCode).toBe(403);
    expect((await upload('qttinh', CSV, 'a.csv', '?province=01')).statusCode).toBe(403);

    const mine = await upload('qttinh', CSV, 'a.csv');
    await waitForRun(mine.json().id);
    const foreign = await t.app.inject({ url: `/api/v1/reports/imports/${mine.json().id}`, headers: sessions.hanoi });
    expect(foreign.statusCode).toBe(403);
    const receptionist = await t.app.inject({
      url: `/api/v1/reports/imports/${mine.json().id}`,
      headers: sessions.tiepnhan,
    });
    expect(receptionist.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/reports/imports', headers: sessions.tiepnhan })).statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/v1/reports/imports?province=33', headers: sessions.hanoi })).statusCode,
    ).toBe(403);
    // Hà Nội's administrator sees Hà Nội's runs (none), not Hưng Yên's.
    const own = await t.app.inject({ url: '/api/v1/reports/imports', headers: sessions.hanoi });
    expect(own.json().items).toEqual([]);
  });

  it('answers a file it cannot import with a problem in Vietnamese and English, and records nothing', async () => {
    const before = (await t.app.inject({ url: '/api/v1/reports/imports?limit=100', headers: sessions.qttinh })).json()
      .items.length;
    const cases: [string | Buffer, string, number, string][] = [
      ['%PDF-1.4', 'to-khai.pdf', 422, 'IMPORT_FILE_TYPE'],
      ['', 'trong.csv', 422, 'IMPORT_FILE_EMPTY'],
      ['Mã hồ sơ,Ngày tiếp nhận\n', 'chi-co-tieu-de.csv', 422, 'IMPORT_FILE_EMPTY'],
      ['STT,Ngày tiếp nhận\n1,01/09/2021\n', 'thieu-ma.csv', 422, 'IMPORT_FILE_NO_CODE_COLUMN'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), 'excel.csv', 422, 'IMPORT_FILE_UNREADABLE'],
      [Buffer.from('Mã hồ sơ,Cơ quan\nHS-1,Sở Tư pháp\n', 'latin1'), 'cp1258.csv', 422, 'IMPORT_FILE_UNREADABLE'],
      ['Mã hồ sơ,Cơ quan\n"HS-1,Sở Tư pháp\n', 'ngoac-kep.csv', 422, 'IMPORT_FILE_UNREADABLE'],
      ['[{"code": "HS-1",', 'hong.json', 422, 'IMPORT_FILE_UNREADABLE'],
      ['không phải json\n', 'hong.jsonl', 422, 'IMPORT_FILE_UNREADABLE'],
      ['a'.repeat(MAX_BYTES + 10), 'lon.csv', 413, 'UPLOAD_TOO_LARGE'],
    ];
    for (const [content, fileName, status, code] of cases) {
      const response = await upload('qttinh', content, fileName);
      expect(response.statusCode, `${fileName}: ${response.body}`).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code, fileName).toBe(code);
      expect(response.json().title.length).toBeGreaterThan(0);
    }
    const emptyFile = multipartFile(Buffer.from(''), 'trong.csv', 'text/csv');
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/imports',
      headers: { ...sessions.qttinh, 'accept-language': 'en', ...emptyFile.headers },
      payload: emptyFile.payload,
    });
    expect(english.json()).toMatchObject({ code: 'IMPORT_FILE_EMPTY', title: 'No dossiers in the file' });
    // A body cut short (the connection dropped mid-upload): the client's problem, not a 500.
    const cut = multipartFile(Buffer.from(CSV), 'dut-quang.csv', 'text/csv');
    const truncated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/imports',
      headers: { ...sessions.qttinh, ...cut.headers },
      payload: cut.payload.subarray(0, cut.payload.length - 30),
    });
    expect(truncated.statusCode, truncated.body).toBe(400);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/imports',
      headers: { ...sessions.qttinh, 'accept-language': 'en' },
      payload: { code: 'HS-1' },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ code: 'UPLOAD_MISSING', title: 'No file' });
    const empty = await upload('qttinh', '', 'trong.csv');
    expect(empty.json().title).toBe('Tệp không có hồ sơ nào');
    const after = (await t.app.inject({ url: '/api/v1/reports/imports?limit=100', headers: sessions.qttinh })).json()
      .items.length;
    expect(after).toBe(before);
  });

  it('shows a run whose process stopped as interrupted, not running forever', async () => {
    const id = await insertDossierImport(t.database.db, {
      provinceCode: '33',
      fileName: 'bi-ngat.csv',
      actorUserId: null,
      now: new Date(),
    });
    const fresh = await t.app.inject({ url: `/api/v1/reports/imports/${id}`, headers: sessions.qttinh });
    expect(fresh.json().status).toBe('running');
    await sql`update dossier_import set heartbeat_at = now() - interval '6 minutes' where id = ${id}`.execute(
      t.database.db,
    );
    const silent = await t.app.inject({ url: `/api/v1/reports/imports/${id}`, headers: sessions.qttinh });
    expect(silent.json()).toMatchObject({ status: 'failed', failure: { vi: expect.stringContaining('gián đoạn') } });
    const listed = await t.app.inject({ url: '/api/v1/reports/imports?limit=100', headers: sessions.qttinh });
    expect(listed.json().items.find((run: { id: string }) => run.id === id)).toMatchObject({ status: 'failed' });
    // Reading wrote nothing: the worker's tick records it.
    expect((await findDossierImport(t.database.db, id))?.status).toBe('running');
    expect(await failSilentDossierImportRuns(t.ctx)).toContain(id);
    expect(await findDossierImport(t.database.db, id)).toMatchObject({
      status: 'failed',
      failure: expect.stringContaining('gián đoạn'),
    });
    const recorded = await t.app.inject({ url: `/api/v1/reports/imports/${id}`, headers: sessions.qttinh });
    expect(recorded.json()).toMatchObject({ status: 'failed', failure: { vi: expect.stringContaining('gián đoạn') } });
  });

  // Last: it stops the app's job queue.
  it('gives a run back to the queue when its process stops, and another process finishes it', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `LS-TAT-${i},000.00.01.H31,2,4,03/09/2021 09:00,30/09/2021 17:00`,
    );
    const content = ['Mã hồ sơ,Mã cơ quan,Kênh thực hiện,Trạng thái,Ngày tiếp nhận,Ngày hẹn trả', ...rows].join('\n');
    const started = await upload('qttinh', content, 'lon.csv');
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id as string;
    // This process stops its workers: the run waits in the queue (taken or not, it is not lost).
    await t.jobs.stop();
    const stopped = await findDossierImport(t.database.db, id);
    expect(stopped?.status).toBe('queued');
    expect(stopped?.finishedAt).toBeNull();
    // Another process on the same database and file store takes it up and finishes it.
    const jobs = await startJobs(t.database);
    try {
      await startDossierImportWorker({ ...t.ctx, jobs });
      const run = await waitForRun(id);
      expect(run.status).toBe('completed');
      expect(run.totals).toMatchObject({ rows: 3000, imported: 3000, rejected: 0 });
      const { rows: statistics } = await sql<{ n: number }>`
        select count(*)::int as n from historical_dossier where import_id = ${id}
      `.execute(t.database.db);
      expect(statistics[0]?.n).toBe(3000);
    } finally {
      await jobs.stop();
    }
  });
});
