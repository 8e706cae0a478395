import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { insertUserRole, leaseDueWebhookDeliveries, recordWebhookAttempt } from '@motcua/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, signIn, type World } from '../../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../../testing/test-app.js';
import { recordDossierChangeForIntegrations } from '../record-dossier-change.js';
import {
  deliverDueWebhooks,
  retryDelayMs,
  startWebhookDeliveryWorker,
  WEBHOOK_WORKER_DEFAULTS,
  type WebhookWorkerOptions,
} from './deliver-webhooks.js';
import { queuePaknWebhooks } from './fan-out.js';

// The delivery worker against a plain node:http receiver on this machine: fan-out of a dossier change to the
// province's subscribers only, retries after a 500 with backoff, giving up at the limit, two workers sharing the
// table through leases. Monday 23/11/2026, 09:00.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;
let world: World;
let receiver: Server;
let port = 0;
type Received = { path: string; headers: IncomingHttpHeaders; body: string };
let received: Received[] = [];
/** The receiver's answers, in order; the last one repeats. */
let answers: number[] = [200];
let delayMs = 0;

const OPTIONS: Partial<WebhookWorkerOptions> = {
  maxAttempts: 3,
  baseDelayMs: 60_000,
  maxDelayMs: 10 * 60_000,
  timeoutMs: 5_000,
  random: () => 0.5,
};

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      const status = answers.length > 1 ? (answers.shift() as number) : (answers[0] as number);
      setTimeout(() => response.writeHead(status).end(status === 200 ? 'ok' : 'Internal error'), delayMs);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
  t = await createTestApp({ clock, config: { webhooks: { allowPrivateHttp: true } } });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
});

afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

beforeEach(async () => {
  received = [];
  answers = [200];
  delayMs = 0;
  clock.set('2026-11-23T09:00:00+07:00');
  // Each test starts from its own deliveries: earlier ones are set aside as delivered.
  await t.database.db.updateTable('webhookDelivery').set({ state: 'delivered' }).execute();
});

const subscribe = async (who: string, provinceCode: string, path: string, events: string[]) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/integration/webhooks',
    headers: (await signIn(t.app, who)).headers,
    payload: { provinceCode, name: path, url: `http://127.0.0.1:${port}${path}`, events },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().subscription.id as string;
};

const receiveDossier = async (): Promise<{ id: string; code: string }> => {
  const desk = await signIn(t.app, 'motcua');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: desk.headers,
    payload: {
      receivingAgencyId: world.agencies.centre?.id,
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
        email: 'tuyet@example.vn',
      },
      components: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      outcome: 'receive',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
};

const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());

const deliveriesOf = (subscriptionId: string) =>
  t.database.db
    .selectFrom('webhookDelivery')
    .selectAll()
    .where('subscriptionId', '=', subscriptionId)
    .where('state', '!=', 'delivered')
    .execute();

describe('webhook delivery worker', () => {
  let dossierHook = '';
  let paknOnlyHook = '';
  let foreignHook = '';

  beforeAll(async () => {
    dossierHook = await subscribe('qttinh', '33', '/hung-yen', ['dossier.changed']);
    paknOnlyHook = await subscribe('qttinh', '33', '/hung-yen-pakn', ['pakn.changed']);
    foreignHook = await subscribe('hanoi', '01', '/ha-noi', ['dossier.changed', 'pakn.changed']);
  });

  it('queues a dossier change for the province’s dossier subscribers only, once, without personal data', async () => {
    const dossier = await receiveDossier();
    await recordDossierChangeForIntegrations(t.ctx, { dossierId: dossier.id, seq: 1, action: 'receive', toStatus: '' });
    await recordDossierChangeForIntegrations(t.ctx, { dossierId: dossier.id, seq: 1, action: 'receive', toStatus: '' });
    const queued = await t.database.db
      .selectFrom('webhookDelivery')
      .selectAll()
      .where('eventId', '=', `dossier:${dossier.id}:1`)
      .execute();
    expect(queued.map((d) => d.subscriptionId)).toEqual([dossierHook]);
    expect(await deliveriesOf(paknOnlyHook)).toEqual([]);
    expect(await deliveriesOf(foreignHook)).toEqual([]);

    const round = await deliverDueWebhooks(t.ctx, OPTIONS);
    expect(round).toEqual({ leased: 1, delivered: 1, retrying: 0, failed: 0 });
    expect(received.map((r) => r.path)).toEqual(['/hung-yen']);
    const [request] = received;
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-motcua-event': 'dossier.changed',
      'x-motcua-delivery': `dossier:${dossier.id}:1`,
      'x-motcua-timestamp': String(Date.parse('2026-11-23T09:00:00+07:00') / 1000),
    });
    expect(request?.headers['x-motcua-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    const payload = JSON.parse(request?.body ?? '{}');
    expect(payload).toMatchObject({
      type: 'dossier.changed',
      eventId: `dossier:${dossier.id}:1`,
      provinceCode: '33',
      occurredAt: '2026-11-23T09:00:00.000+07:00',
      dossier: { id: dossier.id, code: dossier.code, procedureCode: '1.001193', status: expect.any(String) },
      event: { seq: 1, action: expect.any(String), toStatus: expect.any(String) },
      agency: { id: world.agencies.centre?.id, name: world.agencies.centre?.name },
    });
    for (const personal of ['Ánh Tuyết', '033190001234', '0912345678', 'tuyet@example.vn', 'Chùa Chuông']) {
      expect(request?.body).not.toContain(personal);
    }
  });

  it('queues a PAKN change for the province’s PAKN subscribers, without the sender or the content', async () => {
    await insertUserRole(t.database.db, {
      userId: world.users.tiepnhan?.id ?? '',
      agencyId: world.agencies.justice?.id ?? '',
      role: 'pakn_officer',
      includeSubagencies: false,
      grantedBy: null,
    });
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pakn',
      headers: (await signIn(t.app, 'tiepnhan')).headers,
      payload: {
        kind: 'phan_anh',
        topic: 'regulation',
        regulation: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
        content: 'Thành phần hồ sơ yêu cầu bản sao chứng thực giấy tờ đất.',
        sender: { name: 'Trần Thị Phản Ánh', address: 'Phường Phố Hiến, tỉnh Hưng Yên', phone: '0987654321' },
        agencyId: world.agencies.justice?.id,
        channel: 'counter',
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const pakn = await t.database.db
      .selectFrom('paknFeedback')
      .select(['id', 'code'])
      .where('code', '=', registered.json().code)
      .executeTakeFirstOrThrow();
    expect(await queuePaknWebhooks(t.ctx, { paknId: pakn.id, seq: 1 })).toBe(1);
    expect(await queuePaknWebhooks(t.ctx, { paknId: pakn.id, seq: 1 })).toBe(0);
    expect(await deliverDueWebhooks(t.ctx, OPTIONS)).toMatchObject({ leased: 1, delivered: 1 });
    expect(received.map((r) => r.path)).toEqual(['/hung-yen-pakn']);
    expect(received[0]?.headers['x-motcua-event']).toBe('pakn.changed');
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
      type: 'pakn.changed',
      eventId: `pakn:${pakn.id}:1`,
      pakn: { code: pakn.code, kind: 'phan_anh', topic: 'regulation', status: 'received' },
      event: { seq: 1 },
      agency: { id: world.agencies.justice?.id },
    });
    for (const personal of ['Phản Ánh', '0987654321', 'Phố Hiến', 'chứng thực']) {
      expect(received[0]?.body).not.toContain(personal);
    }
  });

  it('retries after a 500 with exponential backoff and jitter, then delivers', async () => {
    answers = [500, 200];
    const dossier = await receiveDossier();
    await recordDossierChangeForIntegrations(t.ctx, { dossierId: dossier.id, seq: 1, action: 'receive', toStatus: '' });
    expect(await deliverDueWebhooks(t.ctx, OPTIONS)).toMatchObject({ leased: 1, retrying: 1 });
    const [waiting] = await deliveriesOf(dossierHook);
    expect(waiting).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatus: 500,
      lastError: 'HTTP 500: Internal error',
    });
    // First wait: half of one base delay fixed, half jittered (random 0.5) → 45 s.
    expect(waiting?.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 45_000);
    expect(await deliverDueWebhooks(t.ctx, OPTIONS)).toMatchObject({ leased: 0 });
    advance(45_000);
    expect(await deliverDueWebhooks(t.ctx, OPTIONS)).toMatchObject({ leased: 1, delivered: 1 });
    expect(received.map((r) => r.headers['x-motcua-delivery'])).toEqual([
      `dossier:${dossier.id}:1`,
      `dossier:${dossier.id}:1`,
    ]);
    const attempts = await t.database.db
      .selectFrom('webhookAttempt')
      .select(['status', 'replay', 'provinceCode'])
      .where('deliveryId', '=', waiting?.id ?? '')
      .orderBy('id')
      .execute();
    expect(attempts).toEqual([
      { status: 500, replay: false, provinceCode: '33' },
      { status: 200, replay: false, provinceCode: '33' },
    ]);
  });

  it('grows the wait exponentially up to the cap', () => {
    const options = { ...WEBHOOK_WORKER_DEFAULTS, baseDelayMs: 1000, maxDelayMs: 5000, random: () => 1 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, options))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(retryDelayMs(3, { ...options, random: () => 0 })).toBe(2000);
  });

  it('gives up after the limit: failed, every attempt logged', async () => {
    answers = [500];
    const dossier = await receiveDossier();
    await recordDossierChangeForIntegrations(t.ctx, { dossierId: dossier.id, seq: 1, action: 'receive', toStatus: '' });
    const outcomes = [];
    for (let round = 0; round < 4; round++) {
      outcomes.push(await deliverDueWebhooks(t.ctx, OPTIONS));
      advance(10 * 60_000);
    }
    expect(outcomes.map((o) => [o.retrying, o.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    const [failed] = await deliveriesOf(dossierHook);
    expect(failed).toMatchObject({ state: 'failed', attempts: 3, lastStatus: 500 });
    expect(received).toHaveLength(3);
  });

  it('does not follow a redirect', async () => {
    answers = [302];
    const dossier = await receiveDossier();
    await recordDossierChangeForIntegrations(t.ctx, { dossierId: dossier.id, seq: 1, action: 'receive', toStatus: '' });
    expect(await deliverDueWebhooks(t.ctx, OPTIONS)).toMatchObject({ retrying: 1 });
    const [waiting] = await deliveriesOf(dossierHook);
    expect(waiting?.lastError).toMatch(/^HTTP 302: redirect not followed/);
    expect(received).toHaveLength(1);
  });

  it('shares the table between two workers: each delivery leased and sent once', async () => {
    delayMs = 150;
    for (let n = 0; n < 4; n++) {
      const dossier = await receiveDossier();
      await recordDossierChangeForIntegrations(t.ctx, {
        dossierId: dossier.id,
        seq: 1,
        action: 'receive',
        toStatus: '',
      });
    }
    const [one, two] = await Promise.all([
      deliverDueWebhooks(t.ctx, { ...OPTIONS, batchSize: 3 }),
      deliverDueWebhooks(t.ctx, { ...OPTIONS, batchSize: 3 }),
    ]);
    expect((one?.leased ?? 0) + (two?.leased ?? 0)).toBe(4);
    expect((one?.delivered ?? 0) + (two?.delivered ?? 0)).toBe(4);
    const ids = received.map((r) => r.headers['x-motcua-delivery']);
    expect(new Set(ids).size).toBe(4);
    expect(ids).toHaveLength(4);
  });

  it('keeps a live lease from another worker; a crashed worker’s lease expires and its late result is ignored', async () => {
    const dossier = await receiveDossier();
    await recordDossierChangeForIntegrations(t.ctx, { dossierId: dossier.id, seq: 1, action: 'receive', toStatus: '' });
    const now = clock.now();
    const first = await leaseDueWebhookDeliveries(t.database.db, {
      now,
      leaseUntil: new Date(now.getTime() + 60_000),
      leaseToken: '11111111-1111-4111-8111-111111111111',
      limit: 10,
    });
    expect(first).toHaveLength(1);
    expect(await deliverDueWebhooks(t.ctx, OPTIONS)).toMatchObject({ leased: 0 });
    advance(61_000);
    expect(await deliverDueWebhooks(t.ctx, OPTIONS)).toMatchObject({ leased: 1, delivered: 1 });
    const late = await recordWebhookAttempt(t.database.db, {
      deliveryId: first[0]?.id ?? '',
      leaseToken: '11111111-1111-4111-8111-111111111111',
      status: null,
      error: 'timeout',
      durationMs: 10_000,
      replay: false,
      delivered: false,
      nextAttemptAt: clock.now(),
      now: clock.now(),
    });
    expect(late).toBe(false);
    const row = await t.database.db
      .selectFrom('webhookDelivery')
      .select(['state', 'attempts'])
      .where('id', '=', first[0]?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'delivered', attempts: 1 });
  });

  it('holds a paused subscription’s deliveries until it is resumed', async () => {
    const headers = (await signIn(t.app, 'qttinh')).headers;
    const current = (await t.app.inject({ url: `/api/v1/integration/webhooks/${dossierHook}`, headers })).json();
    const pause = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/integration/webhooks/${dossierHook}`,
      headers,
      payload: { expectedVersion: current.version, active: false },
    });
    expect(pause.statusCode).toBe(200);
    const dossier = await receiveDossier();
    await recordDossierChangeForIntegrations(t.ctx, { dossierId: dossier.id, seq: 1, action: 'receive', toStatus: '' });
    // Paused: the change is queued for it but nothing is sent until it is resumed.
    expect(await deliveriesOf(dossierHook)).toHaveLength(1);
    expect(await deliverDueWebhooks(t.ctx, OPTIONS)).toMatchObject({ leased: 0 });
    const resume = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/integration/webhooks/${dossierHook}`,
      headers,
      payload: { expectedVersion: current.version + 1, active: true },
    });
    expect(resume.statusCode).toBe(200);
    expect(await deliverDueWebhooks(t.ctx, OPTIONS)).toMatchObject({ leased: 1, delivered: 1 });
    expect(received.map((r) => r.headers['x-motcua-delivery'])).toEqual([`dossier:${dossier.id}:1`]);
  });
  it('runs as a loop started with the workers, and stops when the process stops', async () => {
    const stopping = new AbortController();
    const ctx = { ...t.ctx, jobs: { ...t.ctx.jobs, stopping: stopping.signal } };
    startWebhookDeliveryWorker(ctx, { ...OPTIONS, pollMs: 20 });
    const dossier = await receiveDossier();
    await recordDossierChangeForIntegrations(t.ctx, { dossierId: dossier.id, seq: 1, action: 'receive', toStatus: '' });
    for (let wait = 0; wait < 200 && received.length === 0; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(received.map((r) => r.headers['x-motcua-delivery'])).toEqual([`dossier:${dossier.id}:1`]);
    stopping.abort();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Stopped: a new change waits for the next process.
    const later = await receiveDossier();
    await recordDossierChangeForIntegrations(t.ctx, { dossierId: later.id, seq: 1, action: 'receive', toStatus: '' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(1);
    expect(await deliveriesOf(dossierHook)).toMatchObject([{ state: 'pending', attempts: 0 }]);
  });
});
