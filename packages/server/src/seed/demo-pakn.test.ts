import { type AgencyRecord, insertUserRole } from '@motcua/db';
import { PaknState } from '@motcua/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { seedDemoPakn } from './demo-pakn.js';

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-23T09:00:00+07:00') });
  world = await seedWorld(t);
});

afterAll(async () => {
  await t?.close();
});

it('seeds a demo PAKN in every state of the handling, each with an intact history', async () => {
  const id = (username: string) => world.users[username]?.id ?? '';
  const agency = (key: string) => world.agencies[key]?.id ?? '';
  // The world's officials stand in for the demo's PAKN officials.
  for (const [username, key, role] of [
    ['tiepnhan', 'province', 'pakn_officer'],
    ['lanhdao', 'province', 'approver'],
    ['xaydung', 'construction', 'pakn_officer'],
  ] as const) {
    await insertUserRole(t.database.db, {
      userId: id(username),
      agencyId: agency(key),
      role,
      includeSubagencies: false,
      grantedBy: null,
    });
  }
  const users = new Map([
    ['pakn', id('tiepnhan')],
    ['pakn.lanhdao', id('lanhdao')],
    ['sxd.pakn', id('xaydung')],
  ]);
  const count = await seedDemoPakn(t.ctx, world.agencies as Record<string, AgencyRecord>, users);
  expect(count).toBe(12);
  const admin = await signIn(t.app, 'qttinh');
  const inbox = (await t.app.inject({ url: '/api/v1/pakn?view=all&limit=50', headers: admin.headers })).json();
  const states = new Set(inbox.items.map((item: { status: string }) => item.status));
  expect([...states].sort()).toEqual([...PaknState.options].sort());
  expect(inbox.items.every((item: { isDemo: boolean }) => item.isDemo)).toBe(true);
  const published = (await t.app.inject({ url: '/api/v1/public/pakn-answers?province=33' })).json();
  expect(published.items).toHaveLength(1);
  const audit = await verifyAuditChains({ db: t.database.db });
  expect(audit).toMatchObject({ pakn: 12, findings: [] });
});
