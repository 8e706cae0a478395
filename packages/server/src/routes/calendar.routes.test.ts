import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

describe('GET /api/v1/calendar/due', () => {
  it('counts 1 working day across Tết 2025 (the issue example)', async () => {
    const response = await get('/api/v1/calendar/due?from=2025-01-24T10:00:00%2B07:00&workingDays=1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      from: '2025-01-24T10:00:00+07:00',
      rule: { unit: 'working_days', value: 1 },
      dueAt: '2025-02-03T10:00:00+07:00',
      provisional: false,
    });
  });

  it('accepts UTC input and answers in +07:00; flags a due date in 2027 as provisional', async () => {
    const response = await get('/api/v1/calendar/due?from=2026-12-31T03:00:00Z&workingDays=3');
    expect(response.json()).toMatchObject({ from: '2026-12-31T10:00:00+07:00', provisional: true });
    expect(response.json().dueAt).toMatch(/^2027-01-0\dT10:00:00\+07:00$/);
  });

  it('supports working hours, calendar days and the same-day cut-off', async () => {
    const hours = await get('/api/v1/calendar/due?from=2026-11-20T16:00:00%2B07:00&workingHours=2');
    expect(hours.json().dueAt).toBe('2026-11-23T08:00:00+07:00');
    const days = await get('/api/v1/calendar/due?from=2026-11-19T10:00:00%2B07:00&calendarDays=2');
    // 19/11 + 2 days = Sat 21/11 → the next working day, Mon 23/11, at close of business.
    expect(days.json().dueAt).toBe('2026-11-23T17:00:00+07:00');
    const before = await get('/api/v1/calendar/due?from=2026-11-20T14:59:00%2B07:00&sameDayCutoff=15:00');
    expect(before.json().dueAt).toBe('2026-11-20T17:00:00+07:00');
    const after = await get('/api/v1/calendar/due?from=2026-11-20T15:01:00%2B07:00&sameDayCutoff=15:00');
    expect(after.json().dueAt).toBe('2026-11-23T17:00:00+07:00');
  });

  it.each([
    ['from=2025-02-30T10:00:00%2B07:00&workingDays=1', 'CALENDAR_INVALID_INSTANT'],
    ['from=2025-01-24T10:00:00&workingDays=1', 'CALENDAR_INVALID_INSTANT'],
    ['from=2025-01-24T10:00:00%2B7&workingDays=1', 'CALENDAR_INVALID_INSTANT'],
    ['from=2101-01-01T10:00:00%2B07:00&workingDays=1', 'CALENDAR_OUT_OF_RANGE'],
    ['from=2025-01-24T10:00:00%2B07:00&workingDays=-1', 'VALIDATION_FAILED'],
    ['from=2025-01-24T10:00:00%2B07:00', 'CALENDAR_DURATION_REQUIRED'],
    ['from=2025-01-24T10:00:00%2B07:00&workingDays=1&calendarDays=2', 'CALENDAR_DURATION_REQUIRED'],
  ])('answers %s with a 400 %s', async (query, code) => {
    const response = await get(`/api/v1/calendar/due?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe(code);
    expect(response.json().title.length).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/calendar/holidays and lunar', () => {
  it('lists the official 2026 days off with the National Day proposal flagged provisional', async () => {
    const response = await get('/api/v1/calendar/holidays?year=2026');
    const body = response.json();
    expect(body).toMatchObject({ year: 2026, published: true });
    const tet = body.breaks.find((b: { period: string }) => b.period.startsWith('Tết Âm lịch'));
    expect(tet).toMatchObject({ from: '2026-02-14', to: '2026-02-22', days: 9 });
    const nationalDay = body.days.find((d: { date: string }) => d.date === '2026-09-02');
    expect(nationalDay).toMatchObject({ status: 'proposed', provisional: true });
    expect(body.makeupWorkdays.map((d: { date: string }) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    // 24/11/2026 (pending law) is not a day off.
    expect(body.days.some((d: { date: string }) => d.date === '2026-11-24')).toBe(false);
  });

  it('falls back to the Labour Code rules for 2027, provisionally', async () => {
    const body = (await get('/api/v1/calendar/holidays?year=2027')).json();
    expect(body).toMatchObject({ published: false, provisional: true });
    expect(body.days.some((d: { date: string; kind: string }) => d.date === '2027-01-01' && d.kind === 'holiday')).toBe(
      true,
    );
  });

  it('converts 2026-02-17 to 1/1 Bính Ngọ and back', async () => {
    const to = (await get('/api/v1/calendar/lunar?date=2026-02-17')).json();
    expect(to).toMatchObject({ lunar: { year: 2026, month: 1, day: 1, leap: false }, canChi: 'Bính Ngọ' });
    const back = (await get('/api/v1/calendar/lunar?lunar=2026-01-01')).json();
    expect(back.date).toBe('2026-02-17');
  });
});

describe('province day-off administration', () => {
  it('lets the province administrator add a one-off day off that moves due dates, with history', async () => {
    const admin = await signIn(t.app, 'qttinh');
    const before = (
      await get('/api/v1/calendar/due?from=2026-12-03T10:00:00%2B07:00&workingDays=1&province=33')
    ).json();
    expect(before.dueAt).toBe('2026-12-04T10:00:00+07:00');
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/entries',
      headers: admin.headers,
      payload: {
        province: '33',
        entries: [
          {
            date: '2026-12-04',
            kind: 'extra_day_off',
            period: 'Nghỉ kỷ niệm ngày thành lập tỉnh',
            source: 'Quyết định số 99/QĐ-UBND (giả định cho thử nghiệm)',
          },
        ],
      },
    });
    expect(added.statusCode).toBe(201);
    const after = (await get('/api/v1/calendar/due?from=2026-12-03T10:00:00%2B07:00&workingDays=1&province=33')).json();
    expect(after.dueAt).toBe('2026-12-07T10:00:00+07:00');
    // Another province is not affected.
    const other = (await get('/api/v1/calendar/due?from=2026-12-03T10:00:00%2B07:00&workingDays=1&province=01')).json();
    expect(other.dueAt).toBe('2026-12-04T10:00:00+07:00');
    // Agencies of the province use it too.
    const viaAgency = (
      await get(
        `/api/v1/calendar/due?from=2026-12-03T10:00:00%2B07:00&workingDays=1&agency=${world.agencies.justice?.id}`,
      )
    ).json();
    expect(viaAgency.dueAt).toBe('2026-12-07T10:00:00+07:00');

    const cancelled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/entries',
      headers: admin.headers,
      payload: {
        province: '33',
        entries: [{ date: '2026-12-04', remove: true, source: 'Hủy theo Quyết định 100/QĐ-UBND' }],
      },
    });
    expect(cancelled.statusCode).toBe(201);
    const restored = (
      await get('/api/v1/calendar/due?from=2026-12-03T10:00:00%2B07:00&workingDays=1&province=33')
    ).json();
    expect(restored.dueAt).toBe('2026-12-04T10:00:00+07:00');

    const history = await get('/api/v1/calendar/changes?province=33', admin.headers);
    expect(history.statusCode).toBe(200);
    const items = history.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['remove', 'set']);
    expect(items[1]).toMatchObject({ createdByUsername: 'qttinh', supersededAt: expect.any(String) });
  });

  it('refuses other provinces’ administrators (403), other roles (403) and anonymous callers (401)', async () => {
    const payload = {
      province: '33',
      entries: [{ date: '2026-12-10', kind: 'extra_day_off', period: 'Thử', source: 'Không có căn cứ' }],
    };
    const hanoi = await signIn(t.app, 'hanoi');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/entries',
      headers: hanoi.headers,
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    const receptionist = await signIn(t.app, 'tiepnhan');
    const role = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/entries',
      headers: receptionist.headers,
      payload,
    });
    expect(role.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/entries', payload });
    expect(anonymous.statusCode).toBe(401);
    const history = await get('/api/v1/calendar/changes?province=33', hanoi.headers);
    expect(history.statusCode).toBe(403);
  });
});
