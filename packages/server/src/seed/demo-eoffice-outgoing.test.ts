import { insertAgency } from '@motcua/db';
import { foldVietnamese } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { seedDemoEofficeOutgoing } from './demo-eoffice-outgoing.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';
import { seedDemoSigning } from './demo-signing.js';

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T09:00:00+07:00') });
  world = await seedWorld(t);
  await insertAgency(
    t.database.db,
    {
      code: DEMO_AGENCY_CODES.homeAffairs,
      name: 'Sở Nội vụ tỉnh Hưng Yên',
      kind: 'province_department',
      parentId: world.agencies.province?.id ?? null,
      provinceCode: '33',
      adminUnitCode: null,
      adminUnitLevel: null,
      validFrom: '2025-07-01',
      searchText: foldVietnamese('Sở Nội vụ tỉnh Hưng Yên'),
    },
    world.agencies.province?.path ?? null,
  );
});

afterAll(async () => {
  await t?.close();
});

describe('the outgoing documents demo', () => {
  it('seeds a draft in review, one waiting for signature and one issued to Sở Tư pháp, once', async () => {
    await seedDemoSigning(t.ctx, { provinceCode: '33', password: 'Demo-2026' });
    expect(await seedDemoEofficeOutgoing(t.ctx, { provinceCode: '33', password: 'Demo-2026' })).toEqual({ created: 3 });
    expect(await seedDemoEofficeOutgoing(t.ctx, { provinceCode: '33', password: 'Demo-2026' })).toEqual({ created: 0 });
    const rows = await t.database.db
      .selectFrom('outgoingDocument')
      .select(['status', 'numberSymbol', 'isDemo', 'id'])
      .orderBy('createdAt')
      .orderBy('subject')
      .execute();
    expect(rows.map((row) => row.status).sort()).toEqual(['approved', 'in_review', 'issued']);
    expect(rows.every((row) => row.isDemo)).toBe(true);
    const issued = rows.find((row) => row.status === 'issued');
    expect(issued?.numberSymbol).toBe('01/SNV');
    const deliveries = await t.database.db
      .selectFrom('documentDelivery')
      .select(['recipientAgencyId', 'status'])
      .where('outgoingId', '=', issued?.id ?? '')
      .execute();
    expect(deliveries).toEqual([{ recipientAgencyId: world.agencies.justice?.id, status: 'delivered' }]);
  }, 60_000);
});
