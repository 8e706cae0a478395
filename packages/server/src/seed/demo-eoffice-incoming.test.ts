import { insertUser, insertUserRole } from '@motcua/db';
import { INCOMING_STATES } from '@motcua/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { seedDemoIncoming } from './demo-eoffice-incoming.js';

let t: TestApp;
let world: World;
const PASSWORD = 'Demo-mat-khau-2026';

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-23T15:00:00+07:00') });
  world = await seedWorld(t);
});

afterAll(async () => {
  await t?.close();
});

it('seeds incoming documents in every state through the use-cases, once, each history intact', async () => {
  // The world's Sở Tư pháp stands in for the demo's Sở Nội vụ.
  const agencies = { homeAffairs: world.agencies.justice, construction: world.agencies.construction };
  // The outgoing documents' demo may have created the director already: he is reused.
  const director = await insertUser(t.database.db, {
    username: 'giamdoc.snv',
    fullName: 'Phạm Văn Thành',
    title: 'Giám đốc Sở Nội vụ',
    email: null,
    phone: null,
    passwordHash: await hashPassword(PASSWORD),
    provinceCode: '33',
    now: new Date(),
  });
  await insertUserRole(t.database.db, {
    userId: director?.id ?? '',
    agencyId: world.agencies.justice?.id ?? '',
    role: 'agency_head',
    includeSubagencies: false,
    grantedBy: null,
  });
  expect(await seedDemoIncoming(t.ctx, agencies, PASSWORD)).toBe(13);
  expect(await seedDemoIncoming(t.ctx, agencies, PASSWORD)).toBe(0);
  const clerk = await signIn(t.app, 'vanthu.snv', PASSWORD);
  const all = (
    await t.app.inject({ url: '/api/v1/incoming-documents?view=all&limit=50', headers: clerk.headers })
  ).json();
  expect(new Set(all.items.map((item: { status: string }) => item.status))).toEqual(new Set(INCOMING_STATES));
  expect(all.items.every((item: { isDemo: boolean }) => item.isDemo)).toBe(true);
  // The confidential document is not in the clerk's list only if someone else registered it: she did.
  expect(all.items.some((item: { confidentiality: string }) => item.confidentiality === 'mat')).toBe(true);
  const pending = (await t.app.inject({ url: '/api/v1/incoming-documents/deliveries', headers: clerk.headers })).json();
  expect(pending.items).toHaveLength(2);
  const specialist = await signIn(t.app, 'chuyenvien.snv', PASSWORD);
  const mine = (
    await t.app.inject({ url: '/api/v1/incoming-documents?view=my_units', headers: specialist.headers })
  ).json();
  expect(mine.items.length).toBeGreaterThan(0);
  const head = await signIn(t.app, 'giamdoc.snv', PASSWORD);
  const done = (await t.app.inject({ url: '/api/v1/incoming-documents?view=done', headers: head.headers })).json();
  expect(done.items.length).toBeGreaterThan(0);
  const audit = await verifyAuditChains({ db: t.database.db });
  expect(audit).toMatchObject({ documents: 13, findings: [] });
});
