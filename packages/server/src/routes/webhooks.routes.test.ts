import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

// Webhook subscriptions of Hưng Yên (33), managed by its province administrator (qttinh); Hà Nội's administrator
// (hanoi) sees nothing of them and a processor of Justice is refused. Monday 23/11/2026, 09:00.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const as = async (who: string) => (await signIn(t.app, who)).headers;
const base = '/api/v1/integration/webhooks';

const create = async (who: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: base, headers: await as(who), payload: body });

const subscribe = async (name: string, url = 'https://lgsp.hungyen.gov.vn/motcua') => {
  const response = await create('qttinh', { provinceCode: '33', name, url, events: ['dossier.changed'] });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { subscription: { id: string; version: number }; secret: string };
};

describe('webhook subscriptions', () => {
  it('creates a subscription and shows its generated secret once', async () => {
    const { subscription, secret } = await subscribe('Trục LGSP');
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(subscription).toMatchObject({
      provinceCode: '33',
      name: 'Trục LGSP',
      url: 'https://lgsp.hungyen.gov.vn/motcua',
      events: ['dossier.changed'],
      active: true,
      version: 1,
      previousSecretExpiresAt: null,
      createdAt: '2026-11-23T09:00:00+07:00',
    });
    const read = await t.app.inject({ url: `${base}/${subscription.id}`, headers: await as('qttinh') });
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(secret);
    expect(read.body).not.toContain('secret"');
    const stored = await t.database.db
      .selectFrom('webhookSubscription')
      .select('secretCiphertext')
      .where('id', '=', subscription.id)
      .executeTakeFirstOrThrow();
    expect(stored.secretCiphertext).toMatch(/^v1\./);
    expect(stored.secretCiphertext).not.toContain(secret);
  });

  it('refuses metadata, link-local, public http and (by default) loopback receivers', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'https://169.254.169.254/',
      'http://example.gov.vn/hook',
      'http://10.0.0.5/hook',
      'https://127.0.0.1:8443/hook',
      'https://user:secret@example.gov.vn/hook',
    ]) {
      const response = await create('qttinh', { provinceCode: '33', name: 'x', url, events: ['pakn.changed'] });
      expect(response.statusCode, url).toBe(422);
      expect(response.json().code).toBe('WEBHOOK_URL_REJECTED');
    }
    const privateHttps = await create('qttinh', {
      provinceCode: '33',
      name: 'Máy chủ nội bộ',
      url: 'https://10.0.0.5:8443/hook',
      events: ['pakn.changed'],
    });
    expect(privateHttps.statusCode, privateHttps.body).toBe(201);
  });

  it('lists the province’s subscriptions in keyset pages; another province’s administrator sees nothing', async () => {
    await subscribe('Trang 1');
    await subscribe('Trang 2');
    const first = await t.app.inject({ url: `${base}?province=33&limit=2`, headers: await as('qttinh') });
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(2);
    const cursor = first.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await t.app.inject({
      url: `${base}?province=33&limit=50&cursor=${cursor}`,
      headers: await as('qttinh'),
    });
    const ids = [...first.json().items, ...second.json().items].map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(4);

    const foreign = await t.app.inject({ url: `${base}?province=33`, headers: await as('hanoi') });
    expect(foreign.statusCode).toBe(403);
    const own = await t.app.inject({ url: `${base}?province=01`, headers: await as('hanoi') });
    expect(own.json().items).toEqual([]);
    const byId = await t.app.inject({ url: `${base}/${ids[0]}`, headers: await as('hanoi') });
    expect(byId.statusCode).toBe(404);
    const deliveries = await t.app.inject({ url: `${base}/${ids[0]}/deliveries`, headers: await as('hanoi') });
    expect(deliveries.statusCode).toBe(404);
    const create01 = await create('hanoi', {
      provinceCode: '33',
      name: 'x',
      url: 'https://a.vn/',
      events: ['pakn.changed'],
    });
    expect(create01.statusCode).toBe(403);
  });

  it('refuses a processor of the province', async () => {
    const { subscription } = await subscribe('Cho chuyên viên');
    const list = await t.app.inject({ url: `${base}?province=33`, headers: await as('chuyenvien') });
    expect(list.statusCode).toBe(403);
    const one = await t.app.inject({ url: `${base}/${subscription.id}`, headers: await as('chuyenvien') });
    expect(one.statusCode).toBe(403);
    const created = await create('chuyenvien', {
      provinceCode: '33',
      name: 'x',
      url: 'https://a.vn/',
      events: ['pakn.changed'],
    });
    expect(created.statusCode).toBe(403);
  });

  it('pauses and resumes at the version read, refusing a stale version', async () => {
    const { subscription } = await subscribe('Tạm dừng');
    const patch = async (body: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: `${base}/${subscription.id}`, headers: await as('qttinh'), payload: body });
    const paused = await patch({ expectedVersion: 1, active: false });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ active: false, version: 2 });
    const stale = await patch({ expectedVersion: 1, active: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const resumed = await patch({ expectedVersion: 2, active: true, events: ['dossier.changed', 'pakn.changed'] });
    expect(resumed.json()).toMatchObject({ active: true, version: 3, events: ['dossier.changed', 'pakn.changed'] });
    const badUrl = await patch({ expectedVersion: 3, url: 'http://169.254.169.254/' });
    expect(badUrl.statusCode).toBe(422);
  });

  it('rotates the secret: a new one shown once, the previous one signing for 24 hours or as asked', async () => {
    const { subscription, secret } = await subscribe('Xoay khoá');
    const rotate = async (body: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `${base}/${subscription.id}/rotate-secret`,
        headers: await as('qttinh'),
        payload: body,
      });
    const rotated = await rotate({ expectedVersion: 1 });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(secret);
    expect(rotated.json().subscription).toMatchObject({
      version: 2,
      previousSecretExpiresAt: '2026-11-24T09:00:00+07:00',
    });
    const short = await rotate({ expectedVersion: 2, previousSecretValidHours: 2 });
    expect(short.json().subscription.previousSecretExpiresAt).toBe('2026-11-23T11:00:00+07:00');
    expect((await rotate({ expectedVersion: 2 })).statusCode).toBe(409);
  });

  it('deletes softly: hidden from the list and the API, kept in the table', async () => {
    const { subscription } = await subscribe('Xoá');
    const stale = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${subscription.id}?expectedVersion=5`,
      headers: await as('qttinh'),
    });
    expect(stale.statusCode).toBe(409);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${subscription.id}?expectedVersion=1`,
      headers: await as('qttinh'),
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await t.app.inject({ url: `${base}/${subscription.id}`, headers: await as('qttinh') })).statusCode).toBe(
      404,
    );
    const list = await t.app.inject({ url: `${base}?province=33&limit=100`, headers: await as('qttinh') });
    expect(list.json().items.map((s: { id: string }) => s.id)).not.toContain(subscription.id);
    const row = await t.database.db
      .selectFrom('webhookSubscription')
      .select(['active', 'deletedAt'])
      .where('id', '=', subscription.id)
      .executeTakeFirstOrThrow();
    expect(row.active).toBe(false);
    expect(row.deletedAt).not.toBeNull();
  });
});

describe('deliveries, attempts and replay', () => {
  let receiver: Server;
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  let status = 500;
  let app: TestApp;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'lỗi tạm thời');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // This installation accepts receivers on its own machine (MOTCUA_WEBHOOKS_ALLOW_PRIVATE_HTTP).
    app = await createTestApp({ clock, config: { webhooks: { allowPrivateHttp: true } } });
    await seedWorld(app);
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('lists deliveries by state in keyset pages, their attempts, and replays one with the same event id', async () => {
    const headers = (await signIn(app.app, 'qttinh')).headers;
    const port = (receiver.address() as AddressInfo).port;
    const created = await app.app.inject({
      method: 'POST',
      url: base,
      headers,
      payload: { provinceCode: '33', name: 'Nhận thử', url: `http://127.0.0.1:${port}/hook`, events: ['pakn.changed'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const subscriptionId = created.json().subscription.id as string;
    // Three failed deliveries (written as the worker leaves them after its last attempt).
    for (const n of [1, 2, 3]) {
      await app.database.db
        .insertInto('webhookDelivery')
        .values({
          subscriptionId,
          provinceCode: '33',
          eventId: `pakn:00000000-0000-4000-8000-00000000000${n}:1`,
          eventType: 'pakn.changed',
          payload: JSON.stringify({ type: 'pakn.changed', n }),
          state: 'failed',
          attempts: 10,
          createdAt: new Date(Date.UTC(2026, 10, 23, n)),
        })
        .execute();
    }
    const page = await app.app.inject({ url: `${base}/${subscriptionId}/deliveries?state=failed&limit=2`, headers });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items.map((d: { eventId: string }) => d.eventId)).toEqual([
      'pakn:00000000-0000-4000-8000-000000000003:1',
      'pakn:00000000-0000-4000-8000-000000000002:1',
    ]);
    const rest = await app.app.inject({
      url: `${base}/${subscriptionId}/deliveries?state=failed&limit=2&cursor=${page.json().nextCursor}`,
      headers,
    });
    expect(rest.json()).toMatchObject({
      items: [{ eventId: 'pakn:00000000-0000-4000-8000-000000000001:1' }],
      nextCursor: null,
    });
    const delivered = await app.app.inject({ url: `${base}/${subscriptionId}/deliveries?state=delivered`, headers });
    expect(delivered.json().items).toEqual([]);

    // Replay one now: the receiver answers 200 this time.
    status = 200;
    const target = page.json().items[0];
    const replay = await app.app.inject({ method: 'POST', url: `${base}/deliveries/${target.id}/replay`, headers });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 200, replayQueued: false });
    expect(received).toHaveLength(1);
    expect(received[0]?.headers['x-motcua-delivery']).toBe(target.eventId);
    expect(received[0]?.headers['x-motcua-event']).toBe('pakn.changed');
    expect(JSON.parse(received[0]?.body ?? '{}')).toEqual({ type: 'pakn.changed', n: 3 });
    const attempts = await app.app.inject({ url: `${base}/deliveries/${target.id}/attempts`, headers });
    expect(attempts.json()).toMatchObject({
      items: [{ status: 200, error: null, replay: true, at: '2026-11-23T09:00:00+07:00' }],
      nextCursor: null,
    });

    // Bulk: the two failed ones are queued for the worker, as replays.
    const bulk = await app.app.inject({ method: 'POST', url: `${base}/${subscriptionId}/replay-failed`, headers });
    expect(bulk.json()).toEqual({ requeued: 2 });
    const pending = await app.app.inject({ url: `${base}/${subscriptionId}/deliveries?state=pending`, headers });
    expect(pending.json().items).toHaveLength(2);
    expect(pending.json().items[0]).toMatchObject({ attempts: 0, replayQueued: true });

    // Another province's administrator and a processor cannot replay or read the attempts.
    for (const who of ['hanoi', 'chuyenvien']) {
      const other = (await signIn(app.app, who)).headers;
      const refused = await app.app.inject({
        method: 'POST',
        url: `${base}/deliveries/${target.id}/replay`,
        headers: other,
      });
      expect(refused.statusCode, who).toBe(who === 'hanoi' ? 404 : 403);
      const read = await app.app.inject({ url: `${base}/deliveries/${target.id}/attempts`, headers: other });
      expect(read.statusCode, who).toBe(who === 'hanoi' ? 404 : 403);
    }
  });
});
