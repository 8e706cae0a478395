import { insertUser, insertUserRole } from '@motcua/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { seedWorld, signIn, TEST_PASSWORD, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { changeParRound } from '../usecases/par/rounds/change-par-round.js';
import { runParReminders } from '../usecases/par/rounds/reminders.js';
import { multipartFile, samplePdf } from '../usecases/portal/test-support.js';
import { importDossierRecords } from '../usecases/reports/import.js';

/**
 * A whole PAR round through the API (issue 17 items 2, 3, 6): a department set imported and published, a
 * round created with deadlines on working days, units with an exclusion, an appraiser assigned; then
 * self-assessment with evidence → return and approval → appraisal 1 with the system figure → explanation →
 * appraisal 2 → the council's final points → publication through the stage path; who sees what; late units;
 * reminders; the hash-chained history checked by audit verify, and a tampered score named.
 */

const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;
const sessions: Record<string, Record<string, string>> = {};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let roundId = '';
let justice = '';
let construction = '';
const appraiserIds: Record<string, string> = {};

const call = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: sessions[who], ...(payload ? { payload } : {}) });

const unitUrl = (agencyId: string) => `/api/v1/par/rounds/${roundId}/units/${agencyId}`;

type Scorecard = {
  unit: { status: string; version: number; eventCount: number };
  can: { write: string[]; actions: string[] };
  nodes: {
    code: string;
    applicable: boolean;
    isLeaf: boolean;
    score: {
      selfPoints: number | null;
      appraisal1Points: number | null;
      appraisal2Points: number | null;
      finalPoints: number | null;
      explanationNote: string | null;
      version: number;
    } | null;
    evidence: { kind: string; title: string; url: string | null }[];
  }[];
  totals: {
    applicableMax: number;
    self: number | null;
    final: number | null;
    areas: { code: string; self: number | null }[];
  };
};

const scorecard = async (who: string, agencyId: string): Promise<Scorecard> => {
  const response = await call(who, 'GET', `${unitUrl(agencyId)}/scorecard`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const leafVersion = async (who: string, agencyId: string, code: string) =>
  (await scorecard(who, agencyId)).nodes.find((n) => n.code === code)?.score?.version ?? null;

const score = async (
  who: string,
  agencyId: string,
  code: string,
  body: { field: string; points?: number | null; note?: string; acceptSystem?: boolean; overrideReason?: string },
) =>
  call(who, 'PUT', `${unitUrl(agencyId)}/scores/${code}`, {
    ...body,
    expectedVersion: await leafVersion('sonoivu', agencyId, code),
  });

const act = async (who: string, agencyId: string, action: string, reason?: string) => {
  const version = (await scorecard('sonoivu', agencyId)).unit.version;
  return call(who, 'POST', `${unitUrl(agencyId)}/actions`, { action, expectedVersion: version, reason });
};

const advance = async (action: string) => {
  const round = (await call('sonoivu', 'GET', `/api/v1/par/rounds/${roundId}`)).json();
  return call('sonoivu', 'POST', `/api/v1/par/rounds/${roundId}/advance`, { action, expectedVersion: round.version });
};

/** Sessions expire with the clock: sign everyone in again after moving it. */
const signInAll = async () => {
  for (const who of ['sonoivu', 'daumoicchc', 'lanhdao', 'thamdinh', 'thamdinhkhac', 'hanoi', 'tiepnhan']) {
    sessions[who] = (await signIn(t.app, who)).headers;
  }
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  justice = world.agencies.justice?.id ?? '';
  construction = world.agencies.construction?.id ?? '';
  const hash = await hashPassword(TEST_PASSWORD);
  for (const username of ['thamdinh', 'thamdinhkhac']) {
    const user = await insertUser(t.database.db, {
      username,
      fullName: `Thẩm định ${username}`,
      title: null,
      email: null,
      phone: null,
      passwordHash: hash,
      provinceCode: '33',
      now: new Date(),
    });
    appraiserIds[username] = user?.id ?? '';
    await insertUserRole(t.database.db, {
      userId: user?.id ?? '',
      agencyId: world.agencies.province?.id ?? '',
      role: 'par_appraiser',
      includeSubagencies: false,
      grantedBy: null,
    });
  }
  await signInAll();
  // The department set of 2026: 100 points, a survey leaf and a leaf motcua measures (not for units without
  // procedures).
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book
    .addWorksheet('Bộ tiêu chí')
    .addRows([
      ['BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CỦA CÁC SỞ, BAN, NGÀNH'],
      [
        'STT',
        'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
        'Điểm tối đa',
        'Cách chấm điểm',
        'Tài liệu kiểm chứng',
        'Điều tra XHH (x)',
        'Không áp dụng cho',
        'Số liệu từ hệ thống',
      ],
      ['1', 'Công tác chỉ đạo, điều hành', '40', '', '', '', '', ''],
      ['1.1', 'Kế hoạch CCHC năm', '20', 'Ban hành đúng hạn: 20 điểm', 'Kế hoạch', '', '', ''],
      ['1.2', 'Giải quyết hồ sơ đúng hạn', '20', '', '', '', 'no_procedures', 'dossier_on_time_rate'],
      ['2', 'Sự hài lòng', '60', '', '', '', '', ''],
      ['2.1', 'Đánh giá của người dân', '30', '', '', 'x', '', ''],
      ['2.2', 'Cải cách tổ chức bộ máy', '30', '', '', '', '', ''],
    ]);
  const file = multipartFile(Buffer.from(await book.xlsx.writeBuffer()), 'bo-tieu-chi.xlsx', XLSX);
  const imported = await t.app.inject({
    method: 'POST',
    url: `/api/v1/par/criteria-sets/import?${encodeURI('year=2026&unitGroup=department&title=Bộ tiêu chí sở 2026')}`,
    headers: { ...sessions.sonoivu, ...file.headers },
    payload: file.payload,
  });
  expect(imported.statusCode, imported.body).toBe(201);
  const set = imported.json();
  const published = await call('sonoivu', 'POST', `/api/v1/par/criteria-sets/${set.id}/publish`, {
    expectedVersion: set.rowVersion,
    decisionNumber: '15/QĐ-UBND',
    decisionDate: '2026-01-20',
  });
  expect(published.statusCode, published.body).toBe(200);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('a PAR round from creation to publication', () => {
  it('creates the round of the year with deadlines on working days only', async () => {
    const body = { provinceCode: '33', year: 2026, title: 'Xác định Chỉ số CCHC năm 2026' };
    const sunday = await call('sonoivu', 'POST', '/api/v1/par/rounds', {
      ...body,
      deadlines: { selfAssessmentDue: '2026-12-06' },
    });
    expect(sunday.statusCode).toBe(422);
    expect(sunday.json()).toMatchObject({ code: 'PAR_DEADLINE_NOT_WORKING_DAY' });
    expect((await call('daumoicchc', 'POST', '/api/v1/par/rounds', body)).statusCode).toBe(403);
    const created = await call('sonoivu', 'POST', '/api/v1/par/rounds', {
      ...body,
      deadlines: {
        selfAssessmentDue: '2026-12-10',
        appraisal1Due: '2026-12-15',
        explanationDue: '2026-12-18',
        appraisal2Due: '2026-12-23',
        councilDue: '2026-12-28',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    roundId = created.json().id;
    expect(created.json()).toMatchObject({ stage: 'draft', progress: { self_draft: 2 } });
    expect((await call('sonoivu', 'POST', '/api/v1/par/rounds', body)).json().code).toBe('PAR_ROUND_EXISTS');
  });

  it('sets a unit’s tags, assigns an appraiser, opens the round and freezes the set', async () => {
    const units = (await call('sonoivu', 'GET', `/api/v1/par/rounds/${roundId}/units`)).json().items;
    const unit = units.find((u: { agencyId: string }) => u.agencyId === construction);
    const tagged = await call('sonoivu', 'PUT', `${unitUrl(construction)}/applicability`, {
      expectedVersion: unit.version,
      tags: ['no_procedures'],
      excludedCodes: [],
    });
    expect(tagged.statusCode, tagged.body).toBe(200);
    const appraiser = world.users.lanhdao?.id ?? '';
    expect(
      (
        await call('sonoivu', 'POST', `/api/v1/par/rounds/${roundId}/appraisers`, {
          agencyId: justice,
          userId: appraiser,
        })
      ).json().code,
    ).toBe('PAR_APPRAISER_NOT_ELIGIBLE');
    // The organiser finds the province's PAR appraisers by name, accents or not; nobody else may look.
    const found = await call(
      'sonoivu',
      'GET',
      `/api/v1/par/rounds/${roundId}/appraiser-candidates?q=THAM%20DINH%20thamdinhk`,
    );
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toEqual({
      items: [
        {
          userId: appraiserIds.thamdinhkhac,
          username: 'thamdinhkhac',
          fullName: 'Thẩm định thamdinhkhac',
          title: null,
        },
      ],
      nextAfter: null,
    });
    const firstPage = (
      await call('sonoivu', 'GET', `/api/v1/par/rounds/${roundId}/appraiser-candidates?limit=1`)
    ).json();
    expect(firstPage).toMatchObject({ items: [{ username: 'thamdinh' }], nextAfter: 'thamdinh' });
    const secondPage = await call(
      'sonoivu',
      'GET',
      `/api/v1/par/rounds/${roundId}/appraiser-candidates?limit=1&after=thamdinh`,
    );
    expect(secondPage.json()).toMatchObject({ items: [{ username: 'thamdinhkhac' }], nextAfter: null });
    expect((await call('daumoicchc', 'GET', `/api/v1/par/rounds/${roundId}/appraiser-candidates`)).statusCode).toBe(
      403,
    );
    const thamdinh = appraiserIds.thamdinh;
    const assigned = await call('sonoivu', 'POST', `/api/v1/par/rounds/${roundId}/appraisers`, {
      agencyId: justice,
      userId: thamdinh,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().items).toHaveLength(1);
    const opened = await advance('open');
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ stage: 'self_assessment', sets: [{ status: 'frozen' }] });
  });

  it('lets each official see only the units in their scope (404 for the others)', async () => {
    expect((await call('daumoicchc', 'GET', `${unitUrl(justice)}/scorecard`)).statusCode).toBe(200);
    expect((await call('lanhdao', 'GET', `${unitUrl(justice)}/scorecard`)).statusCode).toBe(200);
    expect((await call('thamdinh', 'GET', `${unitUrl(justice)}/scorecard`)).statusCode).toBe(200);
    expect((await call('daumoicchc', 'GET', `${unitUrl(construction)}/scorecard`)).statusCode).toBe(404);
    expect((await call('thamdinh', 'GET', `${unitUrl(construction)}/scorecard`)).statusCode).toBe(404);
    expect((await call('thamdinhkhac', 'GET', `${unitUrl(justice)}/scorecard`)).statusCode).toBe(404);
    expect((await call('hanoi', 'GET', `${unitUrl(justice)}/scorecard`)).statusCode).toBe(404);
    expect((await call('tiepnhan', 'GET', `${unitUrl(justice)}/scorecard`)).statusCode).toBe(404);
    const seen = (await call('daumoicchc', 'GET', `/api/v1/par/rounds/${roundId}/units`)).json().items;
    expect(seen.map((u: { agencyId: string }) => u.agencyId)).toEqual([justice]);
    expect(
      (await call('sonoivu', 'GET', `${unitUrl(construction)}/scorecard`))
        .json()
        .nodes.find((n: { code: string }) => n.code === '1.2').applicable,
    ).toBe(false);
  });

  it('reminds the unit 3 working days before the self-assessment is due, once', async () => {
    expect(await runParReminders(t.ctx, { today: '2026-12-04' })).toEqual({ created: 0 });
    expect((await runParReminders(t.ctx, { today: '2026-12-07' })).created).toBe(2);
    expect(await runParReminders(t.ctx, { today: '2026-12-08' })).toEqual({ created: 0 });
    const mine = (await call('daumoicchc', 'GET', '/api/v1/par/reminders')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({
        deadline: 'selfAssessmentDue',
        dueDate: '2026-12-10',
        remindOn: '2026-12-07',
        status: 'skipped',
      }),
    ]);
  });

  it('takes the self-assessment with notes and evidence, within the rules', async () => {
    const ok = await score('daumoicchc', justice, '1.1', {
      field: 'self',
      points: 2000,
      note: 'Kế hoạch số 12/KH-STP',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await score('daumoicchc', justice, '1.2', { field: 'self', points: 2001 })).json().code).toBe(
      'PAR_POINTS_OUT_OF_RANGE',
    );
    expect((await score('daumoicchc', justice, '2.1', { field: 'self', points: 100 })).json().code).toBe(
      'PAR_SURVEY_SCORED',
    );
    expect((await score('daumoicchc', justice, '1', { field: 'self', points: 100 })).json().code).toBe(
      'PAR_NOT_A_LEAF',
    );
    expect((await score('thamdinh', justice, '1.1', { field: 'appraisal_1', points: 100 })).json().code).toBe(
      'PAR_WRONG_ROUND_STAGE',
    );
    const stale = await call('daumoicchc', 'PUT', `${unitUrl(justice)}/scores/1.1`, {
      field: 'self',
      points: 1900,
      expectedVersion: null,
    });
    expect(stale.statusCode).toBe(409);
    await score('daumoicchc', justice, '1.2', { field: 'self', points: 1800 });
    await score('daumoicchc', justice, '2.2', { field: 'self', points: 2500 });
    const link = await call('daumoicchc', 'POST', `${unitUrl(justice)}/evidence/links`, {
      code: '1.2',
      title: 'Báo cáo tình hình giải quyết hồ sơ',
      url: '/console/reports/statistics?period=2026',
    });
    expect(link.statusCode, link.body).toBe(201);
    const pdf = multipartFile(samplePdf('ke-hoach'), 'ke-hoach.pdf', 'application/pdf');
    const file = await t.app.inject({
      method: 'POST',
      url: `${unitUrl(justice)}/evidence/files?code=1.1&title=${encodeURIComponent('Kế hoạch CCHC 2026')}`,
      headers: { ...sessions.daumoicchc, ...pdf.headers },
      payload: pdf.payload,
    });
    expect(file.statusCode, file.body).toBe(201);
    const card = await scorecard('lanhdao', justice);
    expect(card.totals).toMatchObject({ applicableMax: 10_000, self: 6300 });
    const evidence = card.nodes.find((n) => n.code === '1.1')?.evidence ?? [];
    expect(evidence).toEqual([expect.objectContaining({ kind: 'file', title: 'Kế hoạch CCHC 2026' })]);
    const download = await t.app.inject({ url: evidence[0]?.url ?? '', headers: sessions.thamdinh });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
  });

  it('goes to the head, who returns it with a reason and then approves it; the organiser locks the late unit', async () => {
    expect((await act('lanhdao', justice, 'submit_self')).json().code).toBe('PAR_UNIT_ACTION_NOT_ALLOWED');
    expect((await act('daumoicchc', justice, 'submit_self')).json()).toMatchObject({ status: 'self_submitted' });
    const jobs = await sql<{ n: string }>`select count(*) as n from pgboss.job where name = 'par-changed'`.execute(
      t.database.db,
    );
    expect(Number(jobs.rows[0]?.n)).toBeGreaterThan(0);
    expect((await act('lanhdao', justice, 'return_self')).json().code).toBe('PAR_REASON_REQUIRED');
    expect(
      (await act('lanhdao', justice, 'return_self', 'Bổ sung tài liệu kiểm chứng tiêu chí 1.2')).json(),
    ).toMatchObject({
      status: 'self_draft',
    });
    await act('daumoicchc', justice, 'submit_self');
    expect((await act('lanhdao', justice, 'approve_self')).json()).toMatchObject({ status: 'self_locked' });
    expect((await score('daumoicchc', justice, '1.1', { field: 'self', points: 0 })).json().code).toBe(
      'PAR_UNIT_STATUS_INVALID',
    );
    expect((await advance('start_appraisal_1')).json()).toMatchObject({ code: 'PAR_ROUND_PRECONDITION', pending: 1 });
    clock.set('2026-12-11T08:00:00+07:00');
    await signInAll();
    const late = (await call('sonoivu', 'GET', `/api/v1/par/rounds/${roundId}/units?late=true`)).json().items;
    expect(late.map((u: { agencyId: string; late: string[] }) => [u.agencyId, u.late])).toEqual([
      [construction, ['selfAssessmentDue']],
    ]);
    expect((await act('sonoivu', construction, 'lock_late', 'Quá hạn tự đánh giá')).json()).toMatchObject({
      status: 'self_locked',
    });
    expect((await advance('start_appraisal_1')).json()).toMatchObject({ stage: 'appraisal_1' });
  });

  it('appraises with the system figure of the unit’s dossiers: accepted, or overridden with a reason', async () => {
    const none = await call('thamdinh', 'POST', `${unitUrl(justice)}/system-figures`);
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json().items).toEqual([
      expect.objectContaining({ code: '1.2', measure: 'dossier_on_time_rate', available: false }),
    ]);
    // Four of Justice's dossiers of 2026 settled, three on time: 3/4 of 20 points = 15.
    await importDossierRecords(t.database.db, {
      items: [1, 2, 3, 4].map((n) => ({
        ma_ho_so: `STP-2026-${n}`,
        ma_tinh: '33',
        ma_co_quan: '000.00.01.H31',
        co_quan: 'Sở Tư pháp tỉnh Hưng Yên',
        ngay_tiep_nhan: '2026-03-02 09:00',
        ngay_hen_tra: '2026-03-09 17:00',
        ngay_co_ket_qua: n === 4 ? '2026-03-12 10:00' : '2026-03-05 10:00',
      })),
      provinceCode: '33',
      fileName: 'ho-so-2026.json',
      actorUserId: null,
      now: clock.now(),
    });
    const figures = await call('thamdinh', 'POST', `${unitUrl(justice)}/system-figures`);
    expect(figures.json().items).toEqual([
      expect.objectContaining({
        code: '1.2',
        available: true,
        numerator: 3,
        denominator: 4,
        points: 1500,
        drillDown: expect.arrayContaining([
          expect.stringContaining('/api/v1/reports/dossiers?figure=resolved_on_time'),
        ]),
      }),
    ]);
    const accepted = await score('thamdinh', justice, '1.2', { field: 'appraisal_1', acceptSystem: true });
    expect(accepted.json()).toMatchObject({ appraisal1Points: 1500, overrideReason: null, system: { points: 1500 } });
    expect((await score('thamdinh', justice, '1.2', { field: 'appraisal_1', points: 1800 })).json().code).toBe(
      'PAR_REASON_REQUIRED',
    );
    const overridden = await score('thamdinh', justice, '1.2', {
      field: 'appraisal_1',
      points: 1800,
      overrideReason: 'Hồ sơ trễ hạn do lỗi liên thông, đã xác minh',
    });
    expect(overridden.json()).toMatchObject({ appraisal1Points: 1800, system: { points: 1500 } });
    expect((await call('daumoicchc', 'POST', `${unitUrl(justice)}/system-figures`)).json().code).toBe(
      'PAR_UNIT_ACTION_NOT_ALLOWED',
    );
    expect((await score('thamdinh', justice, '1.1', { field: 'appraisal_1', acceptSystem: true })).json().code).toBe(
      'PAR_NO_SYSTEM_FIGURE',
    );
    await score('thamdinh', justice, '1.1', { field: 'appraisal_1', points: 1500, note: 'Ban hành chậm' });
    expect((await act('thamdinh', justice, 'complete_appraisal_1')).json().code).toBe('PAR_POINTS_REQUIRED');
    await score('thamdinh', justice, '2.2', { field: 'appraisal_1', points: 2000 });
    await score('thamdinh', justice, '2.1', { field: 'appraisal_1', points: 2700, note: 'Kết quả điều tra XHH' });
    expect((await act('thamdinh', justice, 'complete_appraisal_1')).json()).toMatchObject({
      status: 'appraisal_1_done',
    });
    expect((await score('sonoivu', construction, '1.2', { field: 'appraisal_1', points: 0 })).json().code).toBe(
      'PAR_CRITERION_NOT_APPLICABLE',
    );
    await score('sonoivu', construction, '1.1', { field: 'appraisal_1', points: 1000 });
    await score('sonoivu', construction, '2.2', { field: 'appraisal_1', points: 1000 });
    expect((await act('sonoivu', construction, 'complete_appraisal_1')).json()).toMatchObject({
      status: 'appraisal_1_done',
    });
    expect((await scorecard('sonoivu', construction)).totals.applicableMax).toBe(8000);
  });

  it('takes the explanation with new evidence, then the second appraisal', async () => {
    expect((await advance('start_explanation')).json()).toMatchObject({ stage: 'explanation' });
    const note = await score('daumoicchc', justice, '1.1', {
      field: 'explanation',
      note: 'Kế hoạch ban hành 28/12/2025',
    });
    expect(note.statusCode, note.body).toBe(200);
    const link = await call('daumoicchc', 'POST', `${unitUrl(justice)}/evidence/links`, {
      code: '1.1',
      title: 'Văn bản ban hành kế hoạch',
      url: 'https://hungyen.gov.vn/van-ban/12-kh-stp',
    });
    expect(link.statusCode, link.body).toBe(201);
    expect((await act('daumoicchc', justice, 'submit_explanation')).json()).toMatchObject({
      status: 'explanation_submitted',
    });
    expect((await advance('start_appraisal_2')).json()).toMatchObject({ stage: 'appraisal_2' });
    await score('thamdinh', justice, '1.1', { field: 'appraisal_2', points: 2000, note: 'Chấp nhận giải trình' });
    expect((await act('thamdinh', justice, 'complete_appraisal_2')).json()).toMatchObject({
      status: 'appraisal_2_done',
    });
    expect((await act('sonoivu', construction, 'complete_appraisal_2')).json()).toMatchObject({
      status: 'appraisal_2_done',
    });
  });

  it('finalises by the last appraisal and publishes only when every unit is final', async () => {
    expect((await advance('start_council')).json()).toMatchObject({ stage: 'council' });
    await expect(
      t.database.db
        .transaction()
        .execute((trx) =>
          changeParRound(t.ctx, trx, { roundId, action: 'publish', actorUserId: null, at: clock.now() }),
        ),
    ).rejects.toMatchObject({ code: 'PAR_ROUND_PRECONDITION' });
    expect((await act('sonoivu', justice, 'finalise')).json()).toMatchObject({ status: 'finalised' });
    expect((await act('sonoivu', construction, 'finalise')).json()).toMatchObject({ status: 'finalised' });
    const card = await scorecard('daumoicchc', justice);
    // 1.1 from appraisal 2 (20), 1.2 and 2.2 and 2.1 from appraisal 1 (18 + 20 + 27).
    expect(card.totals.final).toBe(8500);
    const published = await t.database.db.transaction().execute((trx) =>
      changeParRound(t.ctx, trx, {
        roundId,
        action: 'publish',
        actorUserId: null,
        at: clock.now(),
        set: { decisionNumber: '99/QĐ-UBND', decisionDate: '2027-01-15', publishedAt: clock.now() },
      }),
    );
    expect(published.stage).toBe('published');
  });

  it('keeps every change in the unit’s hash-chained history, and audit verify names a tampered score', async () => {
    const history = (await call('lanhdao', 'GET', `${unitUrl(justice)}/history?code=1.1`)).json().items;
    expect(history.map((e: { field: string; points: number | null }) => [e.field, e.points])).toEqual([
      ['self', 2000],
      ['evidence', null],
      ['appraisal_1', 1500],
      ['explanation', null],
      ['evidence', null],
      ['appraisal_2', 2000],
      ['final', 2000],
    ]);
    expect(history[0]).toMatchObject({ field: 'self', actorName: 'Mai Thị Đầu Mối' });
    const clean = await verifyAuditChains(t.ctx);
    expect(clean.par).toMatchObject({ units: 2, findings: [] });
    await expect(
      sql`update par_score_event set points = 2000 where field = 'appraisal_1'`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await t.database.db.transaction().execute(async (trx) => {
      await sql`alter table par_score_event disable trigger par_score_event_no_update`.execute(trx);
      await sql`update par_score_event set points = 2000 where field = 'appraisal_1' and criterion_code = '1.1' and agency_id = ${justice}`.execute(
        trx,
      );
      await sql`alter table par_score_event enable trigger par_score_event_no_update`.execute(trx);
    });
    const tampered = await verifyAuditChains(t.ctx);
    expect(tampered.par?.findings).toEqual([
      expect.objectContaining({ kind: 'edited', criterionCode: '1.1', unit: 'PAR 2026 000.00.01.H31' }),
    ]);
  });
});
