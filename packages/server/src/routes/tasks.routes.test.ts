import { listWorkNoticesForRecord } from '@motcua/db';
import type { OfficialRole } from '@motcua/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOfficials, seedSecondJusticeDivision, seedWorld, signInEach, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { multipartFile, samplePdf } from '../usecases/portal/test-support.js';
import { runTaskWarnings } from '../usecases/work/tasks/task-warnings.js';

// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;
let secondUnitId = '';
const users: Record<string, string> = {};
const headers: Record<string, Record<string, string>> = {};

const idOf = (key: string) => world.agencies[key]?.id ?? '';

const PEOPLE: { username: string; fullName: string; agency: () => string; role: OfficialRole }[] = [
  { username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', agency: () => idOf('justice'), role: 'clerk' },
  { username: 'giamdoc', fullName: 'Trần Văn Giám Đốc', agency: () => idOf('justice'), role: 'agency_head' },
  {
    username: 'truongphong',
    fullName: 'Lê Thị Trưởng Phòng',
    agency: () => idOf('justiceDivision'),
    role: 'unit_head',
  },
  { username: 'cv1', fullName: 'Phạm Văn Một', agency: () => idOf('justiceDivision'), role: 'specialist' },
  { username: 'cv2', fullName: 'Hoàng Thị Hai', agency: () => secondUnitId, role: 'specialist' },
  { username: 'cv3', fullName: 'Đỗ Văn Ba', agency: () => idOf('justiceDivision'), role: 'specialist' },
  { username: 'vanthuxd', fullName: 'Bùi Thị Xây', agency: () => idOf('construction'), role: 'clerk' },
  { username: 'tochuc', fullName: 'Vũ Thị Tổ Chức', agency: () => idOf('justice'), role: 'personnel_officer' },
];

/** Moves the clock and signs everyone in again (a session idles out over days). */
const moveClock = async (iso: string) => {
  clock.set(iso);
  Object.assign(headers, await signInEach(t.app, PEOPLE));
};

const detail = async (who: string, id: string) => t.app.inject({ url: `/api/v1/tasks/${id}`, headers: headers[who] });

const act = async (who: string, id: string, body: Record<string, unknown>) => {
  const current = await detail(who, id);
  expect(current.statusCode, current.body).toBe(200);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/tasks/${id}/actions`,
    headers: headers[who],
    payload: { expectedVersion: current.json().version, ...body },
  });
};

const assign = async (who: string, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/tasks',
    headers: headers[who],
    payload: { agencyId: idOf('justice'), ...body },
  });

/** An incoming document registered by the clerk (a paper one, its scan uploaded first). */
const registerIncoming = async (confidentiality = 'normal') => {
  const file = multipartFile(samplePdf(`task-${confidentiality}`), 'cong-van.pdf', 'application/pdf');
  const upload = await t.app.inject({
    method: 'POST',
    url: `/api/v1/incoming-documents/scans?agencyId=${idOf('justice')}`,
    headers: { ...headers.vanthu, ...file.headers },
    payload: file.payload,
  });
  expect(upload.statusCode, upload.body).toBe(201);
  const registered = await t.app.inject({
    method: 'POST',
    url: '/api/v1/incoming-documents',
    headers: headers.vanthu,
    payload: {
      agencyId: idOf('justice'),
      receivedAt: '2026-11-23T08:30:00+07:00',
      issuerName: 'UBND tỉnh',
      numberSymbol: `55/UBND-${confidentiality}`,
      issuedOn: '2026-11-20',
      documentType: 'CV',
      subject: 'Về việc rà soát thủ tục hành chính năm 2026',
      urgency: 'normal',
      confidentiality,
      file: upload.json(),
      scanDpi: 300,
    },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  return registered.json().id as string;
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  secondUnitId = (await seedSecondJusticeDivision(t, world)).id;
  const officials = PEOPLE.map((person) => ({ ...person, agencyId: person.agency() }));
  Object.assign(users, await seedOfficials(t, officials));
  Object.assign(headers, await signInEach(t.app, PEOPLE));
});

afterAll(async () => {
  await t?.close();
});

describe('a task assigned from an incoming document, extended once, completed late', () => {
  let id = '';
  let incomingId = '';

  it('is assigned by the director from a document he may read, 3 working days on the calendar', async () => {
    await moveClock('2026-11-23T09:00:00+07:00');
    incomingId = await registerIncoming();
    const created = await assign('giamdoc', {
      title: 'Rà soát thủ tục hành chính theo Công văn 55/UBND',
      leadUserId: users.cv1,
      cooperatorUserIds: [users.cv3],
      workingDays: 3,
      sourceKind: 'incoming_document',
      sourceId: incomingId,
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    // Monday + 3 working days = Thursday 26/11, closing at 17:00.
    expect(created.json().dueAt).toBe('2026-11-26T17:00:00+07:00');
    const task = (await detail('cv1', id)).json();
    expect(task.status).toBe('assigned');
    expect(task.sourceKind).toBe('incoming_document');
    expect(task.leadUnitId).toBe(idOf('justiceDivision'));
    expect(task.assignees.map((a: { name: string }) => a.name).sort()).toEqual(['Phạm Văn Một', 'Đỗ Văn Ba']);
    expect(task.actions.map((a: { action: string }) => a.action)).toContain('start');
    const notices = await listWorkNoticesForRecord(t.database.db, id);
    expect(notices.map((n) => n.userId).sort()).toEqual([users.cv1, users.cv3].sort());
  });

  it('is refused from a document the caller may not read, and to an official of another agency', async () => {
    const other = await assign('giamdoc', {
      title: 'Không hợp lệ',
      leadUserId: users.vanthuxd,
      workingDays: 3,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('TASK_ASSIGNEE_INVALID');
    const byClerk = await assign('cv1', { title: 'Tự giao', leadUserId: users.cv3, workingDays: 2 });
    expect([403, 404]).toContain(byClerk.statusCode);
  });

  it('is started by the lead, progress reported with a file by a co-operator, not submitted by him', async () => {
    expect((await act('cv3', id, { action: 'start' })).statusCode).toBe(403);
    const started = await act('cv1', id, { action: 'start' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toBe('in_progress');
    const file = multipartFile(samplePdf('bao-cao'), 'bao-cao.pdf', 'application/pdf');
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tasks/${id}/files`,
      headers: { ...headers.cv3, ...file.headers },
      payload: file.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const reported = await act('cv3', id, {
      action: 'report_progress',
      percent: 40,
      note: 'Đã rà soát 12/30 thủ tục',
      files: [upload.json()],
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const forged = await act('cv3', id, {
      action: 'report_progress',
      percent: 50,
      files: [{ ...upload.json(), token: 'x'.repeat(43) }],
    });
    expect(forged.statusCode).toBe(422);
    const task = (await detail('giamdoc', id)).json();
    expect(task.progress[0].percent).toBe(40);
    expect(task.progress[0].files[0].fileName).toBe('bao-cao.pdf');
    const download = await t.app.inject({
      url: `/api/v1/tasks/${id}/files/${upload.json().sha256}`,
      headers: headers.giamdoc,
    });
    expect(download.statusCode).toBe(200);
    expect((await act('cv3', id, { action: 'submit' })).statusCode).toBe(403);
  });

  it('is extended once: asked by the lead, approved by the director, due_at moves, original_due_at stays', async () => {
    await moveClock('2026-11-25T10:00:00+07:00');
    const early = await act('cv1', id, {
      action: 'request_extension',
      note: 'Cần thêm thời gian',
      requestedDueOn: '2026-11-26',
    });
    expect(early.statusCode).toBe(422);
    const asked = await act('cv1', id, {
      action: 'request_extension',
      note: 'Chờ ý kiến các phòng chuyên môn',
      requestedDueOn: '2026-11-30',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('extension_requested');
    expect((await act('cv1', id, { action: 'approve_extension' })).statusCode).toBe(403);
    const approved = await act('giamdoc', id, { action: 'approve_extension', note: 'Đồng ý' });
    expect(approved.statusCode, approved.body).toBe(200);
    const task = (await detail('cv1', id)).json();
    expect(task.status).toBe('in_progress');
    expect(task.dueAt).toBe('2026-11-30T17:00:00+07:00');
    expect(task.originalDueAt).toBe('2026-11-26T17:00:00+07:00');
    expect(task.extensions[0].decision).toBe('approved');
  });

  it('warns due soon and overdue once each', async () => {
    const soon = await runTaskWarnings(t.ctx, { now: new Date('2026-11-30T10:00:00+07:00') });
    expect(soon).toBeGreaterThanOrEqual(2);
    expect(await runTaskWarnings(t.ctx, { now: new Date('2026-11-30T11:00:00+07:00') })).toBe(0);
    const late = await runTaskWarnings(t.ctx, { now: new Date('2026-12-01T08:00:00+07:00') });
    expect(late).toBeGreaterThanOrEqual(3);
    const notices = await listWorkNoticesForRecord(t.database.db, id);
    expect(notices.filter((n) => n.kind === 'task-overdue').map((n) => n.userId)).toContain(users.giamdoc);
  });

  it('is submitted late, returned once, submitted again and accepted: completed late', async () => {
    await moveClock('2026-12-01T09:00:00+07:00');
    const list = await t.app.inject({ url: '/api/v1/tasks?view=mine', headers: headers.cv1 });
    expect(list.json().items.find((item: { id: string }) => item.id === id).overdue).toBe(true);
    expect((await act('cv1', id, { action: 'submit', note: 'Đã hoàn thành' })).statusCode).toBe(200);
    expect((await act('giamdoc', id, { action: 'return' })).statusCode).toBe(422);
    const returned = await act('giamdoc', id, { action: 'return', note: 'Bổ sung số liệu' });
    expect(returned.json().status).toBe('in_progress');
    await moveClock('2026-12-01T15:00:00+07:00');
    expect((await act('cv1', id, { action: 'submit' })).statusCode).toBe(200);
    await moveClock('2026-12-02T09:00:00+07:00');
    const accepted = await act('giamdoc', id, { action: 'accept', note: 'Đạt' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const task = (await detail('giamdoc', id)).json();
    expect(task).toMatchObject({
      status: 'completed',
      completionClass: 'late',
      completedAt: '2026-12-01T15:00:00+07:00',
      dueAt: '2026-11-30T17:00:00+07:00',
      originalDueAt: '2026-11-26T17:00:00+07:00',
      returnedCount: 1,
      leadUserId: users.cv1,
      workKind: 'task',
    });
    expect(task.events.map((e: { action: string }) => e.action)).toEqual([
      'assign',
      'start',
      'report_progress',
      'request_extension',
      'approve_extension',
      'submit',
      'return',
      'submit',
      'accept',
    ]);
  });

  it('shows in the lead’s quarter evaluation: one delay and one major error, scored as Decree 335/2025 says', async () => {
    // The personnel officer opens the fourth quarter and gathers every official's work items.
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/evaluation-periods',
      headers: headers.tochuc,
      payload: { agencyId: idOf('justice'), kind: 'quarter', year: 2026, number: 4 },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const gathered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/evaluation-periods/${opened.json().id}/gather`,
      headers: headers.tochuc,
    });
    expect(gathered.statusCode, gathered.body).toBe(200);
    const mine = await t.app.inject({ url: '/api/v1/evaluation-sheets/mine', headers: headers.cv1 });
    expect(mine.statusCode, mine.body).toBe(200);
    const sheetId = mine.json().items[0].id as string;
    const sheet = (await t.app.inject({ url: `/api/v1/evaluation-sheets/${sheetId}`, headers: headers.cv1 })).json();
    const item = sheet.items.find((entry: { sourceId: string }) => entry.sourceId === id);
    // Completed after the extended deadline: one delay; returned once for rework: one major error.
    expect(item).toMatchObject({
      sourceKind: 'task',
      link: `/can-bo/cong-viec/${id}`,
      completed: true,
      delays: 1,
      majorErrors: 1,
      coefficientMilli: 1000,
    });
    const others = sheet.items.filter((entry: { sourceId: string }) => entry.sourceId !== id);
    expect(others).toEqual([]);
    // One item of coefficient 1: số lượng 1/1 = 100 %; chất lượng and tiến độ each lose 25 % of the item's points
    // (75 %); the score is their mean, 83.33 %; the task results are 83.33 % of 70 points = 58.33.
    expect(sheet.figures).toMatchObject({
      quantityPct: 10000,
      qualityPct: 7500,
      timelinessPct: 7500,
      scorePct: 8333,
      taskPoints: 5833,
    });
  });

  it('shows in the tracking view of the director: per person, unit and leader', async () => {
    const tracking = await t.app.inject({
      url: '/api/v1/tasks/tracking?from=2026-11-01&to=2026-12-31',
      headers: headers.giamdoc,
    });
    expect(tracking.statusCode, tracking.body).toBe(200);
    const body = tracking.json();
    const person = body.people.find((row: { key: string }) => row.key === users.cv1);
    expect(person).toMatchObject({ assigned: 1, completedLate: 1, completedOnTime: 0, open: 0, name: 'Phạm Văn Một' });
    expect(body.leaders.find((row: { key: string }) => row.key === users.giamdoc).completedLate).toBe(1);
    expect(body.units.find((row: { key: string }) => row.key === idOf('justiceDivision')).completedLate).toBe(1);
    expect(
      (await t.app.inject({ url: '/api/v1/tasks/tracking?from=2026-11-01&to=2026-12-31', headers: headers.cv1 }))
        .statusCode,
    ).toBe(403);
  });

  it('a unit-led task is dispatched by the unit head; a confidential one is hidden from others', async () => {
    await moveClock('2026-12-02T09:00:00+07:00');
    const created = await assign('giamdoc', {
      title: 'Báo cáo mật về công tác cán bộ',
      leadUnitId: idOf('justiceDivision'),
      confidential: true,
      dueOn: '2026-12-05',
    });
    expect(created.statusCode, created.body).toBe(201);
    // Saturday 05/12 moves to Monday 07/12.
    expect(created.json().dueAt).toBe('2026-12-07T17:00:00+07:00');
    const unitTask = created.json().id;
    expect((await detail('cv2', unitTask)).statusCode).toBe(404);
    // A colleague in the same unit is not concerned by a confidential task: it does not exist for them.
    expect((await detail('cv3', unitTask)).statusCode).toBe(404);
    const dispatched = await act('truongphong', unitTask, { action: 'dispatch', assigneeUserId: users.cv1 });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect((await detail('cv1', unitTask)).json().leadUserId).toBe(users.cv1);
    const unitList = await t.app.inject({ url: '/api/v1/tasks?view=unit', headers: headers.truongphong });
    expect(unitList.json().items.map((item: { id: string }) => item.id)).toContain(unitTask);
    const sub = await assign('giamdoc', {
      title: 'Tổng hợp số liệu',
      leadUserId: users.cv3,
      workingDays: 1,
      parentTaskId: unitTask,
    });
    expect(sub.statusCode, sub.body).toBe(201);
    expect((await detail('giamdoc', unitTask)).json().subTasks).toHaveLength(1);
  });

  it('a confidential document is no source for someone who may not read it', async () => {
    const secret = await registerIncoming('mat');
    const byUnitHead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tasks',
      headers: headers.truongphong,
      payload: {
        agencyId: idOf('justiceDivision'),
        title: 'Từ văn bản mật',
        leadUserId: users.cv1,
        workingDays: 2,
        sourceKind: 'incoming_document',
        sourceId: secret,
      },
    });
    expect(byUnitHead.statusCode).toBe(404);
  });

  it('the audit checks every work_event chain and names a tampered task', async () => {
    const before = await verifyAuditChains(t.ctx);
    expect(before.findings).toEqual([]);
    expect(before.workEvents).toBeGreaterThanOrEqual(9);
    await sql`update work_event set note = 'Sửa trái phép' where record_id = ${id} and seq = 6`.execute(t.database.db);
    const after = await verifyAuditChains(t.ctx);
    expect(after.findings).toEqual([expect.objectContaining({ dossierCode: `task:${id}`, seq: 6, kind: 'edited' })]);
  });
});

describe('a task created from a meeting (a calendar entry)', () => {
  const insertEntry = async (agencyId: string, title: string, extra: Record<string, unknown> = {}) => {
    const row = await t.database.db
      .insertInto('scheduleEntry')
      .values({
        provinceCode: '33',
        agencyId,
        scheduleKind: 'agency_leaders',
        ownerUserId: null,
        title,
        content: null,
        startsAt: new Date('2026-11-24T01:00:00Z'),
        endsAt: new Date('2026-11-24T03:00:00Z'),
        place: 'Phòng họp số 1',
        chairUserId: users.giamdoc ?? null,
        chairText: null,
        preparingAgencyId: null,
        participantsText: null,
        attachments: JSON.stringify([]),
        weekStart: '2026-11-23',
        status: 'published',
        createdBy: users.vanthu ?? '',
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  it('records the meeting as its source and names it to those who read the calendar', async () => {
    await moveClock('2026-11-24T11:00:00+07:00');
    const options = await t.app.inject({
      url: `/api/v1/schedule/options?agencyId=${idOf('justice')}`,
      headers: headers.giamdoc,
    });
    expect(options.json().agencies).toEqual([expect.objectContaining({ id: idOf('justice'), mayAssignTasks: true })]);
    const byClerk = await t.app.inject({ url: '/api/v1/schedule/options', headers: headers.vanthu });
    expect(byClerk.json().agencies).toEqual([expect.objectContaining({ mayAssignTasks: false })]);

    const entryId = await insertEntry(idOf('justice'), 'Họp giao ban tháng 11');
    const created = await assign('giamdoc', {
      title: 'Triển khai kết luận họp giao ban tháng 11',
      leadUserId: users.cv1,
      workingDays: 5,
      sourceKind: 'schedule_entry',
      sourceId: entryId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const byHead = (await detail('giamdoc', id)).json();
    expect(byHead).toMatchObject({ sourceKind: 'schedule_entry', sourceId: entryId });
    expect(byHead.sourceMeeting).toEqual({
      title: 'Họp giao ban tháng 11',
      startsAt: '2026-11-24T08:00:00+07:00',
      weekStart: '2026-11-23',
      agencyId: idOf('justice'),
    });
    // The lead (a division's specialist, not an attendee) does not read the leaders' calendar: not named to him.
    const byLead = (await detail('cv1', id)).json();
    expect(byLead.sourceKind).toBe('schedule_entry');
    expect(byLead.sourceMeeting).toBeNull();
  });

  it('is refused from an entry the assigner may not read (another agency’s, someone’s own calendar)', async () => {
    const foreign = await insertEntry(idOf('construction'), 'Họp của Sở Xây dựng', { createdBy: users.vanthuxd });
    const fromForeign = await assign('giamdoc', {
      title: 'Không hợp lệ',
      leadUserId: users.cv1,
      workingDays: 5,
      sourceKind: 'schedule_entry',
      sourceId: foreign,
    });
    expect(fromForeign.statusCode).toBe(404);
    const missing = await assign('giamdoc', {
      title: 'Không có nguồn',
      leadUserId: users.cv1,
      workingDays: 5,
      sourceKind: 'schedule_entry',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('TASK_INPUT_INVALID');
  });
});
