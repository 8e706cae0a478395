import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOfficials, seedProcedure, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

const clock = fixedClock('2026-12-07T09:00:00+07:00');
let t: TestApp;
let world: World;
const ids: Record<string, string> = {};

/** Officials of Sở Tư pháp for the evaluation: the personnel officer, the head, the division head, two specialists. */
const PEOPLE = [
  { username: 'tochuc', fullName: 'Phan Thị Tổ Chức', agency: 'justice', role: 'personnel_officer' },
  { username: 'giamdoc', fullName: 'Trần Văn Giám Đốc', agency: 'justice', role: 'agency_head' },
  { username: 'truongphong', fullName: 'Lê Thị Trưởng Phòng', agency: 'justiceDivision', role: 'unit_head' },
  { username: 'cv1', fullName: 'Nguyễn Văn Một', agency: 'justiceDivision', role: 'specialist' },
  { username: 'cv2', fullName: 'Đinh Thị Hai', agency: 'justiceDivision', role: 'specialist' },
] as const;

const headers = async (username: string) => (await signIn(t.app, username)).headers;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  const officials = PEOPLE.map((person) => ({
    ...person,
    agencyId: world.agencies[person.agency]?.id ?? '',
    title: person.role === 'specialist' ? 'Chuyên viên' : null,
  }));
  Object.assign(ids, await seedOfficials(t, officials, { includeSubagencies: true }));
  // Four tasks cv1 leads in Q4 2026 (work_kind "report" weighs 2 under the settings below):
  // T1 task, due 10/10, done 09/10 (on time); T2 task, due 10/11, done 12/11 (late), returned once;
  // T3 report, due 01/12, done 28/11 (on time); T4 task, due 20/12, still in progress.
  const task = (title: string, workKind: string, due: string, completed: string | null, returned: number) => ({
    provinceCode: '33',
    agencyId: world.agencies.justice?.id as string,
    title,
    assignedBy: ids.giamdoc as string,
    assignedAt: at('2026-10-01T08:00:00+07:00'),
    leadUserId: ids.cv1 as string,
    dueAt: at(due),
    originalDueAt: at(due),
    status: completed ? ('completed' as const) : ('in_progress' as const),
    completedAt: completed ? at(completed) : null,
    completionClass: completed ? (completed > due ? ('late' as const) : ('on_time' as const)) : null,
    returnedCount: returned,
    workKind,
  });
  await t.database.db
    .insertInto('task')
    .values([
      task('T1 Báo cáo tháng 10', 'task', '2026-10-10T17:00:00+07:00', '2026-10-09T10:00:00+07:00', 0),
      task('T2 Dự thảo quy chế', 'task', '2026-11-10T17:00:00+07:00', '2026-11-12T10:00:00+07:00', 1),
      task('T3 Báo cáo năm', 'report', '2026-12-01T17:00:00+07:00', '2026-11-28T10:00:00+07:00', 0),
      task('T4 Kế hoạch 2027', 'task', '2026-12-20T17:00:00+07:00', null, 0),
      // Outside the quarter: not gathered.
      task('T0 Việc quý 3', 'task', '2026-09-10T17:00:00+07:00', '2026-09-09T10:00:00+07:00', 0),
    ])
    .execute();
});

afterAll(async () => {
  await t?.close();
});

const justice = () => world.agencies.justice?.id as string;

const act = async (who: string, sheetId: string, body: Record<string, unknown>) => {
  const h = await headers(who);
  const current = await t.app.inject({ url: `/api/v1/evaluation-sheets/${sheetId}`, headers: h });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/evaluation-sheets/${sheetId}/actions`,
    headers: h,
    payload: { expectedVersion: current.statusCode === 200 ? current.json().sheet.version : 1, ...body },
  });
};

describe('staff evaluation (Decree 335/2025/NĐ-CP)', () => {
  let periodId = '';
  let sheetId = '';

  it('the personnel officer sets the coefficients and opens Q4 2026; others may not', async () => {
    const officer = await headers('tochuc');
    const read = await t.app.inject({ url: `/api/v1/evaluation-settings?agencyId=${justice()}`, headers: officer });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      version: 0,
      quotaPercent: 20,
      coefficients: { task: 1, dossier_step: 0.2 },
      mayChange: true,
    });
    // The head reads the rules (the settings screen shows them read-only) but may not change them.
    const byHead = await t.app.inject({
      url: `/api/v1/evaluation-settings?agencyId=${justice()}`,
      headers: await headers('giamdoc'),
    });
    expect(byHead.json()).toMatchObject({ mayChange: false, leaderFormula: 'three_part' });
    const headWrites = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/evaluation-settings',
      headers: await headers('giamdoc'),
      payload: {
        agencyId: justice(),
        expectedVersion: 0,
        periodKind: 'quarter',
        coefficients: { task: 1, dossier_step: 0.5 },
        quotaPercent: 20,
        quotaPercentExcellentUnit: 25,
        generalCriteria: read.json().generalCriteria,
        leaderFormula: 'six_part',
      },
    });
    expect(headWrites.statusCode).toBe(403);
    const settings = {
      agencyId: justice(),
      expectedVersion: 0,
      periodKind: 'quarter',
      coefficients: { task: 1, report: 2, dossier_step: 0.2 },
      quotaPercent: 20,
      quotaPercentExcellentUnit: 25,
      generalCriteria: read.json().generalCriteria,
      leaderFormula: 'three_part',
    };
    const byStaff = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/evaluation-settings',
      headers: await headers('cv1'),
      payload: settings,
    });
    // The specialist's role is in the division: the agency is outside their scope (404, no existence leak).
    expect(byStaff.statusCode).toBe(404);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/evaluation-settings',
      headers: officer,
      payload: settings,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/evaluation-settings',
      headers: officer,
      payload: settings,
    });
    expect(stale.statusCode).toBe(409);
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/evaluation-periods',
      headers: officer,
      payload: { agencyId: justice(), kind: 'quarter', year: 2026, number: 4 },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ startsOn: '2026-10-01', endsOn: '2026-12-31', status: 'open' });
    periodId = opened.json().id;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/evaluation-periods',
      headers: officer,
      payload: { agencyId: justice(), kind: 'quarter', year: 2026, number: 5 },
    });
    expect(bad.json().code).toBe('EVALUATION_PERIOD_INVALID');
  });

  it('gathers the quarter: the official’s tasks scored exactly as the decree’s formula gives', async () => {
    const gathered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/evaluation-periods/${periodId}/gather`,
      headers: await headers('tochuc'),
    });
    expect(gathered.statusCode, gathered.body).toBe(200);
    expect(gathered.json().created).toBeGreaterThanOrEqual(PEOPLE.length);
    const mine = await t.app.inject({ url: '/api/v1/evaluation-sheets/mine', headers: await headers('cv1') });
    expect(mine.statusCode, mine.body).toBe(200);
    sheetId = mine.json().items[0].id;
    const sheet = (
      await t.app.inject({ url: `/api/v1/evaluation-sheets/${sheetId}`, headers: await headers('cv1') })
    ).json();
    expect(sheet.items.map((i: { title: string }) => i.title).sort()).toEqual([
      'T1 Báo cáo tháng 10',
      'T2 Dự thảo quy chế',
      'T3 Báo cáo năm',
      'T4 Kế hoạch 2027',
    ]);
    const t2 = sheet.items.find((i: { title: string }) => i.title.startsWith('T2'));
    expect(t2).toMatchObject({
      delays: 1,
      majorErrors: 1,
      qualityPoints: 750,
      progressPoints: 750,
      link: expect.any(String),
    });
    // Assigned (converted) = 1 + 1 + 2 + 1 = 5. Quantity 4/5 = 80.00 %; quality (1 + 0.75 + 2)/5 = 75.00 %;
    // timeliness (1 + 0.75 + 2)/5 = 75.00 %; score (80 + 75 + 75)/3 = 76.666… → 76.67 %;
    // task points 76.67 × 70/100 = 53.669 → 53.67.
    expect(sheet.figures).toMatchObject({
      assignedMilli: 5000,
      quantityPct: 8000,
      qualityPct: 7500,
      timelinessPct: 7500,
      scorePct: 7667,
      taskPoints: 5367,
      noItems: false,
    });
    expect(sheet.sheet).toMatchObject({ status: 'draft', unitName: 'Phòng Hành chính tư pháp', groupCode: 'staff' });
    expect(sheet.actions).toEqual(['self_assess']);
  });

  it('an official reads their own sheet only; the unit head reads their unit’s', async () => {
    const other = await t.app.inject({ url: `/api/v1/evaluation-sheets/${sheetId}`, headers: await headers('cv2') });
    expect(other.statusCode).toBe(404);
    const head = await t.app.inject({
      url: `/api/v1/evaluation-sheets/${sheetId}`,
      headers: await headers('truongphong'),
    });
    expect(head.statusCode).toBe(200);
    const list = await t.app.inject({
      url: `/api/v1/evaluation-periods/${periodId}/sheets`,
      headers: await headers('truongphong'),
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.every((s: { unitName: string }) => s.unitName === 'Phòng Hành chính tư pháp')).toBe(true);
  });

  it('flows self-assessment → manager → collective → decision, the waiver recomputing the figures', async () => {
    const self = await act('cv1', sheetId, {
      action: 'self_assess',
      generalScores: { political: 600, ethics: 600, discipline: 600, attitude: 600, innovation: 600 },
      note: 'Hoàn thành các nhiệm vụ được giao.',
    });
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json().sheet).toMatchObject({ status: 'self_assessed', generalPoints: 3000, totalPoints: 8367 });
    // The head of the official's unit is told there is a sheet to review (work_notice, same transaction).
    const notices = await t.database.db
      .selectFrom('workNotice')
      .select(['userId', 'title'])
      .where('recordId', '=', sheetId)
      .execute();
    expect(notices).toEqual([{ userId: ids.truongphong, title: 'Phiếu đánh giá cần nhận xét' }]);
    const notMine = await act('cv2', sheetId, { action: 'review', generalScores: {} });
    expect(notMine.statusCode).toBe(404);
    const tooHigh = await act('truongphong', sheetId, { action: 'review', generalScores: { political: 700 } });
    expect(tooHigh.json().code).toBe('EVALUATION_SCORES_INVALID');
    const review = await act('truongphong', sheetId, {
      action: 'review',
      generalScores: { political: 600, ethics: 600, discipline: 600, attitude: 500, innovation: 500 },
    });
    expect(review.statusCode, review.body).toBe(200);
    // General 28.00 (the manager's) + task 53.67 = 81.67 → tốt.
    expect(review.json().sheet).toMatchObject({
      status: 'manager_reviewed',
      generalPoints: 2800,
      totalPoints: 8167,
      proposedBand: 'good',
    });
    const t2 = review.json().items.find((i: { title: string }) => i.title.startsWith('T2'));
    const waived = await act('truongphong', sheetId, {
      action: 'waive',
      itemId: t2.id,
      objectiveCause: 'Chờ ý kiến của Bộ',
    });
    expect(waived.statusCode, waived.body).toBe(200);
    // T2 keeps its full points: quality = timeliness = 4/5 = 80 %; score 80 %; task points 56.00; total 84.00.
    expect(waived.json().figures).toMatchObject({
      qualityPct: 8000,
      timelinessPct: 8000,
      scorePct: 8000,
      taskPoints: 5600,
    });
    expect(waived.json().sheet.totalPoints).toBe(8400);
    const noMinutes = await act('tochuc', sheetId, { action: 'collective' });
    expect(noMinutes.json().code).toBe('EVALUATION_NOTE_REQUIRED');
    const collective = await act('tochuc', sheetId, { action: 'collective', note: 'Biên bản họp ngày 05/01/2027' });
    expect(collective.statusCode, collective.body).toBe(200);
    const decided = await act('giamdoc', sheetId, { action: 'decide' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().sheet).toMatchObject({ status: 'decided', band: 'good' });
    expect(decided.json().history.map((e: { action: string }) => e.action)).toEqual([
      'gather',
      'self_assess',
      'review',
      'waive',
      'collective',
      'decide',
    ]);
  });

  it('exports the results (Excel, CSDL JSON and CSV)', async () => {
    const xlsx = await t.app.inject({
      url: `/api/v1/evaluation-periods/${periodId}/results.xlsx`,
      headers: await headers('tochuc'),
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const json = await t.app.inject({
      url: `/api/v1/evaluation-periods/${periodId}/csdl`,
      headers: await headers('tochuc'),
    });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json().records).toEqual([
      expect.objectContaining({
        maCanBo: 'cv1',
        tongDiem: 84,
        diemKetQuaNhiemVu: 56,
        maXepLoai: 'HTTNV',
        kyDanhGia: 'QUY',
      }),
    ]);
    const csv = await t.app.inject({
      url: `/api/v1/evaluation-periods/${periodId}/csdl.csv`,
      headers: await headers('tochuc'),
    });
    expect(csv.body).toContain('maCoQuan,tenCoQuan,maCanBo');
    const staff = await t.app.inject({
      url: `/api/v1/evaluation-periods/${periodId}/csdl`,
      headers: await headers('cv1'),
    });
    expect(staff.statusCode).toBe(404);
  });

  it('attributes a late one-stop step to the official who completed it', async () => {
    // A birth registration received at the centre on Monday 23/11/2026, handed to Justice, whose specialist
    // (chuyenvien) completes the examination step on 21/12 — far past the step's own due instant.
    clock.set('2026-11-23T09:00:00+07:00');
    const desk = await headers('motcua');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: desk,
      payload: {
        receivingAgencyId: world.agencies.centre?.id,
        procedureCode: '1.001193',
        channel: 'direct',
        applicant: {
          kind: 'person',
          fullName: 'Nguyễn Thị Ánh Tuyết',
          idNumber: '033190001234',
          dateOfBirth: '1990-05-20',
          gender: 'female',
          address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
          phone: '0912345678',
        },
        components: [
          { key: 'to-khai', originals: 1, copies: 0 },
          { key: 'giay-chung-sinh', originals: 1, copies: 0 },
        ],
        outcome: 'receive',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { code } = created.json();
    const step = async (who: string, action: string, when: string) => {
      clock.set(when);
      const h = await headers(who);
      const current = (
        await t.app.inject({ url: `/api/v1/dossiers/${code}`, headers: await headers('motcua') })
      ).json();
      const done = await t.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${code}/actions/${action}`,
        headers: h,
        payload: { expectedVersion: current.version, params: {} },
      });
      expect(done.statusCode, done.body).toBeLessThan(300);
    };
    await step('motcua', 'forward', '2026-11-23T10:00:00+07:00');
    await step('chuyenvien', 'accept_handoff', '2026-11-23T14:00:00+07:00');
    await step('chuyenvien', 'complete_step', '2026-12-21T10:00:00+07:00');
    clock.set('2026-12-22T09:00:00+07:00');
    const gathered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/evaluation-periods/${periodId}/gather`,
      headers: await headers('tochuc'),
    });
    expect(gathered.statusCode, gathered.body).toBe(200);
    const mine = (
      await t.app.inject({ url: '/api/v1/evaluation-sheets/mine', headers: await headers('chuyenvien') })
    ).json();
    const sheet = (
      await t.app.inject({ url: `/api/v1/evaluation-sheets/${mine.items[0].id}`, headers: await headers('chuyenvien') })
    ).json();
    const examined = sheet.items.filter((i: { sourceKind: string }) => i.sourceKind === 'dossier_step');
    expect(examined).toEqual([
      expect.objectContaining({
        dossierCode: code,
        delays: 1,
        completed: true,
        coefficientMilli: 200,
        link: `/can-bo/ho-so/${code}`,
      }),
    ]);
    // One step of 0.2, done late: quantity 100 %, quality 100 %, timeliness 75 % → (100 + 100 + 75)/3 = 91.67 %
    // → 64.17 task points.
    expect(sheet.figures).toMatchObject({
      quantityPct: 10_000,
      qualityPct: 10_000,
      timelinessPct: 7500,
      scorePct: 9167,
      taskPoints: 6417,
    });
    clock.set('2026-12-07T09:00:00+07:00');
  });

  it('refuses a decision over the quota, and demotes to "tốt" with the reason when asked', async () => {
    const officer = await headers('tochuc');
    const month = await t.app.inject({
      method: 'POST',
      url: '/api/v1/evaluation-periods',
      headers: officer,
      payload: { agencyId: justice(), kind: 'month', year: 2026, number: 10 },
    });
    expect(month.statusCode, month.body).toBe(201);
    const monthId = month.json().id;
    await t.app.inject({ method: 'POST', url: `/api/v1/evaluation-periods/${monthId}/gather`, headers: officer });
    const sheets = (
      await t.app.inject({ url: `/api/v1/evaluation-periods/${monthId}/sheets`, headers: officer })
    ).json();
    const cv1Sheet = sheets.items.find((s: { userId: string }) => s.userId === ids.cv1);
    // October: cv1 did T1 on time (100 % on all three: 70 points); with 30 general points, 100 → "xuất sắc".
    // Only cv1 is "tốt" or better in the staff group (the others have nothing recorded): base 1, ⌊1 × 20 %⌋ = 0 places.
    expect(cv1Sheet).toMatchObject({ taskPoints: 7000 });
    const full = { political: 600, ethics: 600, discipline: 600, attitude: 600, innovation: 600 };
    expect((await act('cv1', cv1Sheet.id, { action: 'self_assess', generalScores: full })).statusCode).toBe(200);
    expect((await act('truongphong', cv1Sheet.id, { action: 'review', generalScores: full })).statusCode).toBe(200);
    expect((await act('tochuc', cv1Sheet.id, { action: 'collective', note: 'Biên bản họp tháng 10' })).statusCode).toBe(
      200,
    );
    const quota = (await t.app.inject({ url: `/api/v1/evaluation-periods/${monthId}/quota`, headers: officer })).json();
    expect(quota.groups.find((g: { groupCode: string }) => g.groupCode === 'staff')).toMatchObject({
      base: 1,
      places: 0,
      demoted: [cv1Sheet.id],
    });
    const refused = await act('giamdoc', cv1Sheet.id, { action: 'decide' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code, refused.body).toBe('EVALUATION_QUOTA_EXCEEDED');
    expect(refused.json().detail).toContain('tối đa 0 người "hoàn thành xuất sắc" (20%)');
    const demoted = await act('giamdoc', cv1Sheet.id, { action: 'decide', demote: true });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json().sheet).toMatchObject({ totalPoints: 10_000, proposedBand: 'excellent', band: 'good' });
    expect(demoted.json().sheet.bandReason.vi).toContain('Vượt tỷ lệ');
  });

  it('derives the year from the quarters (the average of the period totals)', async () => {
    const officer = await headers('tochuc');
    const year = await t.app.inject({
      method: 'POST',
      url: '/api/v1/evaluation-periods',
      headers: officer,
      payload: { agencyId: justice(), kind: 'year', year: 2026, number: 0 },
    });
    expect(year.statusCode, year.body).toBe(201);
    expect(year.json()).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/evaluation-periods/${year.json().id}/gather`,
      headers: officer,
    });
    const sheets = (
      await t.app.inject({ url: `/api/v1/evaluation-periods/${year.json().id}/sheets`, headers: officer })
    ).json();
    // The agency tracks by quarter: cv1's only quarter sheet (Q4, 84.00) is the year's average; the October month
    // sheet (a month, not the agency's period kind) is left out.
    expect(sheets.items.find((s: { userId: string }) => s.userId === ids.cv1)).toMatchObject({
      totalPoints: 8400,
      taskPoints: 5600,
      generalPoints: 2800,
      proposedBand: 'good',
    });
  });

  it('the unit head adds a work item the systems do not record; the official may not', async () => {
    const list = (
      await t.app.inject({ url: `/api/v1/evaluation-periods/${periodId}/sheets`, headers: await headers('tochuc') })
    ).json();
    const cv2Sheet = list.items.find((s: { userId: string }) => s.userId === ids.cv2);
    expect(cv2Sheet).toMatchObject({ taskPoints: 0 });
    const item = { title: 'Trực tiếp dân định kỳ', workKind: 'report', completed: true, delays: 1 };
    const byOwner = await act('cv2', cv2Sheet.id, { action: 'add_item', item });
    expect(byOwner.statusCode).toBe(403);
    const added = await act('truongphong', cv2Sheet.id, { action: 'add_item', item });
    expect(added.statusCode, added.body).toBe(200);
    // One "report" item (coefficient 2), done with one delay: 100 / 100 / 75 % → 91.67 % → 64.17 points.
    expect(added.json().items).toEqual([
      expect.objectContaining({ sourceKind: 'manual', coefficientMilli: 2000, progressPoints: 1500 }),
    ]);
    expect(added.json().figures).toMatchObject({ timelinessPct: 7500, taskPoints: 6417 });
  });
});
