import { insertUser, insertUserRole } from '@motcua/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { seedDemoWorkSchedule } from './demo-work-schedule.js';

let t: TestApp;
let world: World;
const PASSWORD = 'Demo-mat-khau-2026';

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-25T10:00:00+07:00') });
  world = await seedWorld(t);
});

afterAll(async () => {
  await t?.close();
});

it('seeds a month of the leaders’ calendar through the use-cases, once', async () => {
  // The world's Sở Tư pháp stands in for the demo's Sở Nội vụ.
  const hash = await hashPassword(PASSWORD);
  for (const [username, role] of [
    ['vanthu.snv', 'clerk'],
    ['giamdoc.snv', 'agency_head'],
    ['chuyenvien.snv', 'specialist'],
  ] as const) {
    const user = await insertUser(t.database.db, {
      username,
      fullName: username,
      title: null,
      email: null,
      phone: null,
      passwordHash: hash,
      provinceCode: '33',
      now: new Date(),
    });
    await insertUserRole(t.database.db, {
      userId: user?.id ?? '',
      agencyId: world.agencies.justice?.id ?? '',
      role,
      includeSubagencies: true,
      grantedBy: null,
    });
  }
  const agencies = { homeAffairs: world.agencies.justice };
  expect(await seedDemoWorkSchedule(t.ctx, agencies)).toBe(20);
  expect(await seedDemoWorkSchedule(t.ctx, agencies)).toBe(0);
  const director = await signIn(t.app, 'giamdoc.snv', PASSWORD);
  const statuses: string[] = [];
  for (const week of ['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']) {
    const answer = await t.app.inject({
      url: `/api/v1/schedule/agency-week?agencyId=${world.agencies.justice?.id}&week=${week}`,
      headers: director.headers,
    });
    expect(answer.json().items).toHaveLength(5);
    statuses.push(...answer.json().items.map((item: { status: string }) => item.status));
  }
  expect(statuses.filter((status) => status === 'published')).toHaveLength(18);
  expect(statuses.filter((status) => status === 'cancelled')).toHaveLength(1);
  expect(statuses.filter((status) => status === 'submitted')).toHaveLength(1);
  const portal = await t.app.inject({ url: '/api/v1/public/schedule?provinceCode=33&week=2026-11-23' });
  expect(portal.json().items).toHaveLength(3);
  const events = await t.database.db
    .selectFrom('workEvent')
    .select('recordId')
    .where('recordKind', '=', 'schedule_entry')
    .execute();
  // Created and submitted 20, approved and published 19, cancelled 1.
  expect(events.length).toBe(20 + 20 + 19 * 2 + 1);
});
