import { insertUser, insertUserRole } from '@motcua/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { seedProcedure, seedWorld, signIn, TEST_PASSWORD, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

// Wednesday 25/11/2026, 09:00 in Vietnam: the week runs to Monday 30/11 00:00.
const clock = fixedClock('2026-11-25T09:00:00+07:00');
let t: TestApp;
let world: World;

const idOf = (key: string) => world.agencies[key]?.id ?? '';
const userOf = (name: string) => world.users[name]?.id ?? '';

const addOfficial = async (username: string, fullName: string, grants: { agency: string; role: string }[]) => {
  const user = await insertUser(t.database.db, {
    username,
    fullName,
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(TEST_PASSWORD),
    provinceCode: '33',
    now: new Date(),
  });
  for (const grant of grants) {
    await insertUserRole(t.database.db, {
      userId: user?.id ?? '',
      agencyId: idOf(grant.agency),
      role: grant.role as 'unit_head',
      includeSubagencies: grant.role !== 'specialist',
      grantedBy: null,
    });
  }
  world.users[username] = { id: user?.id ?? '', username };
};

let taskNo = 0;
const addTask = async (input: {
  lead: string;
  due: string;
  status?: string;
  confidential?: boolean;
  unit?: string;
}) => {
  taskNo += 1;
  await t.database.db
    .insertInto('task')
    .values({
      provinceCode: '33',
      agencyId: idOf('justice'),
      title: `Nhiệm vụ thử ${taskNo}`,
      confidential: input.confidential ?? false,
      assignedBy: userOf('giamdoc.test'),
      assignedAt: new Date('2026-11-02T02:00:00Z'),
      leadUserId: input.unit ? null : userOf(input.lead),
      leadAgencyId: input.unit ? idOf(input.unit) : null,
      dueAt: new Date(input.due),
      originalDueAt: new Date(input.due),
      status: (input.status ?? 'in_progress') as 'in_progress',
    } as never)
    .execute();
};

const intake = async (headers: Record<string, string>) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers,
    payload: {
      receivingAgencyId: idOf('justice'),
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
  expect(response.statusCode, response.body).toBe(201);
  return response.json().code as string;
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  await addOfficial('giamdoc.test', 'Trần Văn Giám Đốc', [{ agency: 'justice', role: 'agency_head' }]);
  await addOfficial('truongphong.test', 'Lê Thị Trưởng Phòng', [{ agency: 'justiceDivision', role: 'unit_head' }]);
  await addOfficial('chuyenvien.test', 'Hoàng Văn Chuyên Viên', [{ agency: 'justiceDivision', role: 'specialist' }]);
  await addOfficial('xaydung.test', 'Đỗ Văn Xây Dựng', [{ agency: 'construction', role: 'agency_head' }]);
  // The specialist leads three open tasks: one overdue, one due this Friday, one next month; one done.
  await addTask({ lead: 'chuyenvien.test', due: '2026-11-20T10:00:00Z' });
  await addTask({ lead: 'chuyenvien.test', due: '2026-11-27T10:00:00Z', confidential: true });
  await addTask({ lead: 'chuyenvien.test', due: '2026-12-20T10:00:00Z', status: 'assigned' });
  await addTask({ lead: 'chuyenvien.test', due: '2026-11-01T10:00:00Z', status: 'completed' });
  // The division leads one overdue task itself; the agency's head one due next week.
  await addTask({ lead: '', unit: 'justiceDivision', due: '2026-11-24T01:00:00Z' });
  await addTask({ lead: 'giamdoc.test', due: '2026-12-01T03:00:00Z' });
  // Two dossiers held by the division's specialist, one of them past its due instant.
  const desk = (await signIn(t.app, 'tiepnhan')).headers;
  const codes = [await intake(desk), await intake(desk)];
  for (const [index, code] of codes.entries()) {
    await t.database.db
      .updateTable('dossier')
      .set({
        holderAgencyId: idOf('justiceDivision'),
        holderUserId: userOf('chuyenvien.test'),
        status: 'processing',
        dueAt: new Date(index === 0 ? '2026-11-24T09:00:00Z' : '2026-12-04T09:00:00Z'),
      })
      .where('code', '=', code)
      .execute();
  }
  // Quarter III decided: one excellent, two good, one complete in the division; a month still open.
  const period = await t.database.db
    .insertInto('evaluationPeriod')
    .values({
      provinceCode: '33',
      agencyId: idOf('justice'),
      kind: 'quarter',
      year: 2026,
      number: 3,
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
      status: 'closed',
      createdBy: userOf('giamdoc.test'),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const bands = ['excellent', 'good', 'good', 'complete'];
  for (const [index, band] of bands.entries()) {
    const who = index === 0 ? 'chuyenvien.test' : `canbo${index}.test`;
    if (index > 0) {
      await addOfficial(who, `Cán Bộ Số ${index}`, [{ agency: 'justiceDivision', role: 'specialist' }]);
    }
    await t.database.db
      .insertInto('evaluationSheet')
      .values({
        provinceCode: '33',
        periodId: period.id,
        agencyId: idOf('justice'),
        userId: userOf(who),
        unitId: idOf('justiceDivision'),
        status: 'decided',
        band,
        totalPoints: 8000,
      } as never)
      .execute();
  }
});

afterAll(async () => {
  await t?.close();
});

const get = async (username: string, url: string) =>
  t.app.inject({ url, headers: (await signIn(t.app, username)).headers });

describe('the leader dashboard', () => {
  it('gives the agency head every unit below, each figure with its base', async () => {
    const response = await get('giamdoc.test', '/api/v1/work-dashboard');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.units.map((u: { name: string; depth: number }) => [u.name, u.depth])).toEqual([
      ['Sở Tư pháp tỉnh Hưng Yên', 0],
      ['Phòng Hành chính tư pháp', 1],
    ]);
    const division = body.units[1];
    // Open tasks led by the division or its officials: 3 of the specialist + 1 of the division.
    expect(division.openTasks).toBe(4);
    expect(division.overdueTasks.text.vi).toBe('2/4 (50,00%)');
    expect(division.dueThisWeek.text.vi).toBe('1/4 (25,00%)');
    expect(division.heldDossiers).toBe(2);
    expect(division.overdueDossiers.text.vi).toBe('1/2 (50,00%)');
    // Totals count each task once: + the head's own task.
    expect(body.totals.openTasks).toBe(5);
    expect(body.totals.overdueTasks.numerator).toBe(2);
    const specialist = body.officials.find((o: { fullName: string }) => o.fullName === 'Hoàng Văn Chuyên Viên');
    expect(specialist).toMatchObject({ openTasks: 3, heldDossiers: 2, unitName: 'Phòng Hành chính tư pháp' });
    expect(specialist.overdueTasks.text.vi).toBe('1/3 (33,33%)');
    // The most overdue official comes first.
    expect(body.officials[0].fullName).toBe('Hoàng Văn Chuyên Viên');
    expect(body.evaluation.period.label.vi).toBe('Quý III/2026');
    expect(body.evaluation.bands.map((b: { band: string; text: { vi: string } }) => `${b.band} ${b.text.vi}`)).toEqual([
      'excellent 1/4 (25,00%)',
      'good 2/4 (50,00%)',
      'complete 1/4 (25,00%)',
      'incomplete 0/4 (0,00%)',
    ]);
  });

  it('gives the unit head their unit only and refuses the rest', async () => {
    const response = await get('truongphong.test', '/api/v1/work-dashboard');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().units.map((u: { name: string }) => u.name)).toEqual(['Phòng Hành chính tư pháp']);
    expect(response.json().totals.openTasks).toBe(4);
    expect((await get('truongphong.test', `/api/v1/work-dashboard?unit=${idOf('justice')}`)).statusCode).toBe(404);
    expect((await get('chuyenvien.test', '/api/v1/work-dashboard')).statusCode).toBe(403);
    expect((await get('xaydung.test', `/api/v1/work-dashboard?unit=${idOf('justiceDivision')}`)).statusCode).toBe(404);
    expect(
      (await get('xaydung.test', `/api/v1/work-dashboard/tasks?user=${userOf('chuyenvien.test')}`)).statusCode,
    ).toBe(404);
  });

  it('opens the records behind a figure, a page at a time, a confidential task without its title', async () => {
    const overdue = await get(
      'giamdoc.test',
      `/api/v1/work-dashboard/tasks?unit=${idOf('justiceDivision')}&filter=overdue&limit=1`,
    );
    expect(overdue.statusCode, overdue.body).toBe(200);
    const first = overdue.json();
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ title: 'Nhiệm vụ thử 1', overdue: true, lead: 'Hoàng Văn Chuyên Viên' });
    const second = (
      await get(
        'giamdoc.test',
        `/api/v1/work-dashboard/tasks?unit=${idOf('justiceDivision')}&filter=overdue&limit=1&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['Nhiệm vụ thử 5']);
    expect(second.nextCursor).toBeNull();
    const week = (
      await get('giamdoc.test', `/api/v1/work-dashboard/tasks?user=${userOf('chuyenvien.test')}&filter=due_week`)
    ).json();
    expect(week.items).toEqual([expect.objectContaining({ title: null, confidential: true })]);
    const dossiers = (
      await get('giamdoc.test', `/api/v1/work-dashboard/dossiers?unit=${idOf('justiceDivision')}&filter=overdue`)
    ).json();
    expect(dossiers.items).toHaveLength(1);
    expect(dossiers.items[0]).toMatchObject({ overdue: true, holder: 'Hoàng Văn Chuyên Viên' });
    expect((await get('giamdoc.test', '/api/v1/work-dashboard/tasks')).statusCode).toBe(400);
  });

  it('exports the dashboard as Excel', async () => {
    const response = await get('giamdoc.test', '/api/v1/work-dashboard/workbook.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const units = workbook.getWorksheet('Đơn vị');
    const division = units?.getRow(5);
    expect(division?.getCell(1).value).toBe('  Phòng Hành chính tư pháp');
    expect(division?.getCell(3).value).toBe(4);
    expect(division?.getCell(4).value).toBe(2);
    expect(division?.getCell(6).value).toBe(0.5);
    const bands = workbook.getWorksheet('Đánh giá');
    expect(bands?.getRow(4).getCell(1).value).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(bands?.getRow(4).getCell(2).value).toBe(1);
  });
});
