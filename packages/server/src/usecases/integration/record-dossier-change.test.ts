import { findDvcqgSync } from '@motcua/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, type World } from '../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.js';
import { createDossierDriver, saveDvcqgConnection } from './dvcqg/testing.js';
import { recordDossierChangeForIntegrations } from './record-dossier-change.js';

let t: TestApp;
let world: World;
const clock = fixedClock('2026-11-23T09:00:00+07:00');

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
});

afterAll(async () => {
  await t?.close();
});

const job = (dossierId: string, seq: number) => ({ dossierId, seq, action: 'x', toStatus: 'processing' });

describe('recordDossierChangeForIntegrations (the dossier-changed job)', () => {
  it('marks nothing while the province has not switched the sync on', async () => {
    const driver = createDossierDriver(t, clock, { centre: world.agencies.centre?.id ?? '' });
    clock.set('2026-11-23T09:00:00+07:00');
    const { id } = await driver.intake();
    await recordDossierChangeForIntegrations(t.ctx, job(id, 1));
    expect(await findDvcqgSync(t.ctx.db, id)).toBeUndefined();
    await saveDvcqgConnection(t.ctx, {
      provinceCode: '33',
      endpointUrl: 'http://127.0.0.1:9/api',
      authUrl: 'http://127.0.0.1:9/auth',
      enabled: false,
    });
    await recordDossierChangeForIntegrations(t.ctx, job(id, 1));
    expect(await findDvcqgSync(t.ctx.db, id)).toBeUndefined();
  });

  it('targets the newest event, idempotently and whatever order the jobs run in', async () => {
    await saveDvcqgConnection(t.ctx, {
      provinceCode: '33',
      endpointUrl: 'http://127.0.0.1:9/api',
      authUrl: 'http://127.0.0.1:9/auth',
    });
    const driver = createDossierDriver(t, clock, { centre: world.agencies.centre?.id ?? '' });
    clock.set('2026-11-23T09:00:00+07:00');
    const { id, code } = await driver.intake();
    clock.set('2026-11-23T10:00:00+07:00');
    await driver.act('motcua', code, 'forward');
    await recordDossierChangeForIntegrations(t.ctx, job(id, 2));
    await recordDossierChangeForIntegrations(t.ctx, job(id, 1));
    await recordDossierChangeForIntegrations(t.ctx, job(id, 2));
    expect(await findDvcqgSync(t.ctx.db, id)).toMatchObject({
      provinceCode: '33',
      targetSeq: 2,
      deliveredSeq: 0,
      state: 'pending',
      pendingSince: new Date('2026-11-23T10:00:00+07:00'),
    });
    // A seq the dossier does not have marks nothing.
    await recordDossierChangeForIntegrations(t.ctx, job(id, 9));
    expect((await findDvcqgSync(t.ctx.db, id))?.targetSeq).toBe(2);
  });

  it('makes a synced row pending again, due now, and leaves a parked row parked', async () => {
    const driver = createDossierDriver(t, clock, { centre: world.agencies.centre?.id ?? '' });
    clock.set('2026-11-23T09:00:00+07:00');
    const { id, code } = await driver.intake();
    await recordDossierChangeForIntegrations(t.ctx, job(id, 1));
    await sql`update dvcqg_sync set delivered_seq = 1, state = 'synced', pending_since = null,
      next_attempt_at = now() + interval '1 hour' where dossier_id = ${id}`.execute(t.ctx.db);
    clock.set('2026-11-23T10:00:00+07:00');
    await driver.act('motcua', code, 'forward');
    await recordDossierChangeForIntegrations(t.ctx, job(id, 2));
    const pending = await findDvcqgSync(t.ctx.db, id);
    expect(pending).toMatchObject({ state: 'pending', targetSeq: 2, deliveredSeq: 1 });
    expect(pending?.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    await sql`update dvcqg_sync set state = 'parked' where dossier_id = ${id}`.execute(t.ctx.db);
    clock.set('2026-11-23T11:00:00+07:00');
    await driver.act('motcua', code, 'withdraw', { reason: 'Người nộp xin rút' });
    await recordDossierChangeForIntegrations(t.ctx, job(id, 3));
    expect(await findDvcqgSync(t.ctx.db, id)).toMatchObject({ state: 'parked', targetSeq: 3, deliveredSeq: 1 });
  });
});
