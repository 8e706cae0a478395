import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../jobs/jobs.js';
import { seedWorld, signIn } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedWorld(t);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/system/queues', () => {
  it('shows the province administrator each queue’s depth and the age of its oldest waiting job', async () => {
    for (let seq = 1; seq <= 3; seq++) {
      await t.jobs.boss.send(QUEUES.dossierChanged, { dossierId: 'x', seq, action: 'receive', toStatus: 'received' });
    }
    const admin = await signIn(t.app, 'qttinh');
    const response = await t.app.inject({ url: '/api/v1/system/queues', headers: admin.headers });
    expect(response.statusCode).toBe(200);
    const { queues } = response.json() as {
      queues: { name: string; waiting: number; active: number; oldestWaitingSeconds: number | null }[];
    };
    expect(queues.map((q) => q.name).sort()).toEqual([
      'catalog-pull',
      'document-changed',
      'dossier-changed',
      'dossier-import',
      'due-recompute',
      'form-issued',
      'pakn-changed',
      'par-changed',
      'par-reminders',
      'sipas-invitations',
      'task-warnings',
    ]);
    const notifications = queues.find((q) => q.name === 'dossier-changed');
    expect(notifications).toMatchObject({ waiting: 3, active: 0, failed: 0, retrying: 0 });
    expect(notifications?.oldestWaitingSeconds).toBeGreaterThanOrEqual(0);
    expect(queues.find((q) => q.name === 'due-recompute')).toMatchObject({ waiting: 0, oldestWaitingSeconds: null });
  });

  it('is refused to a receptionist and to anonymous callers', async () => {
    const desk = await signIn(t.app, 'tiepnhan');
    expect((await t.app.inject({ url: '/api/v1/system/queues', headers: desk.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/system/queues' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/system/replica', () => {
  it('says that no replica is configured: reports read from the primary', async () => {
    const admin = await signIn(t.app, 'qttinh');
    const response = await t.app.inject({ url: '/api/v1/system/replica', headers: admin.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ configured: false, replica: null });
    expect(t.ctx.reader).toBe(t.ctx.db);
  });

  it('is refused to a receptionist and to anonymous callers', async () => {
    const desk = await signIn(t.app, 'tiepnhan');
    expect((await t.app.inject({ url: '/api/v1/system/replica', headers: desk.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/system/replica' })).statusCode).toBe(401);
  });
});
