import { insertAgency } from '@motcua/db';
import { foldVietnamese } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';
import { seedDemoWorkConsultations } from './demo-work-consultations.js';

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T09:00:00+07:00') });
  world = await seedWorld(t);
  for (const [code, name] of [
    [DEMO_AGENCY_CODES.homeAffairs, 'Sở Nội vụ tỉnh Hưng Yên'],
    [DEMO_AGENCY_CODES.finance, 'Sở Tài chính tỉnh Hưng Yên'],
  ] as const) {
    await insertAgency(
      t.database.db,
      {
        code,
        name,
        kind: 'province_department',
        parentId: world.agencies.province?.id ?? null,
        provinceCode: '33',
        adminUnitCode: null,
        adminUnitLevel: null,
        validFrom: '2025-07-01',
        searchText: foldVietnamese(name),
      },
      world.agencies.province?.path ?? null,
    );
  }
});

afterAll(async () => {
  await t?.close();
});

describe('the consultations demo', () => {
  it('seeds a summarised consultation of Sở Nội vụ sent to three agencies and one still open, once', async () => {
    expect(await seedDemoWorkConsultations(t.ctx, { password: 'Demo-2026' })).toEqual({ created: 2 });
    expect(await seedDemoWorkConsultations(t.ctx, { password: 'Demo-2026' })).toEqual({ created: 0 });
    const rows = await t.database.db
      .selectFrom('consultation')
      .select(['id', 'status', 'eventCount'])
      .orderBy('createdAt')
      .execute();
    expect(rows.map((row) => row.status)).toEqual(['summarised', 'open']);
    const comments = await t.database.db
      .selectFrom('consultationComment')
      .select(['response', 'responseText'])
      .where('consultationId', '=', rows[0]?.id ?? '')
      .execute();
    expect(comments).toHaveLength(4);
    expect(comments.every((c) => c.response !== null)).toBe(true);
    const recipients = await t.database.db
      .selectFrom('consultationRecipient')
      .select('answer')
      .where('consultationId', '=', rows[1]?.id ?? '')
      .execute();
    expect(recipients.map((r) => r.answer).sort()).toEqual(['comments', null, null]);
  }, 60_000);
});
