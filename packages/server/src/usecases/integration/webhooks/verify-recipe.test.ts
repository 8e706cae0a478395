import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn } from '../../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../../testing/test-app.js';
import { deliverDueWebhooks } from './deliver-webhooks.js';

/*
 * An independent receiver, written only from docs/webhooks.md "Verifying a delivery (the recipe)": plain node:http
 * and node:crypto, nothing of motcua's signer. It verifies what motcua's delivery loop really sends.
 */
type Receiver = {
  server: Server;
  url: string;
  /** Every request: its headers, raw body and the answer given. */
  log: { headers: IncomingHttpHeaders; rawBody: Buffer; status: number }[];
  /** Events processed (after deduplication on X-Motcua-Delivery). */
  processed: string[];
};

const TOLERANCE_SECONDS = 5 * 60;

const verify = (secrets: string[], headers: IncomingHttpHeaders, rawBody: Buffer, nowSeconds: number): boolean => {
  const timestamp = headers['x-motcua-timestamp'];
  const header = headers['x-motcua-signature'];
  if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp) || typeof header !== 'string') {
    return false;
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) {
    return false;
  }
  const candidates = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => Buffer.from(part.slice(3), 'hex'));
  return secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
    return candidates.some((given) => given.length === expected.length && timingSafeEqual(given, expected));
  });
};

const startReceiver = async (secrets: string[], nowSeconds: () => number): Promise<Receiver> => {
  const log: Receiver['log'] = [];
  const processed: string[] = [];
  const seen = new Set<string>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const ok = verify(secrets, request.headers, rawBody, nowSeconds());
      const status = ok ? 204 : 401;
      log.push({ headers: request.headers, rawBody, status });
      if (ok) {
        const id = String(request.headers['x-motcua-delivery']);
        if (!seen.has(id)) {
          seen.add(id);
          processed.push(id);
        }
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/motcua`, log, processed };
};

/** Sends a captured request again, as an attacker who recorded it would. */
const resend = (url: string, headers: IncomingHttpHeaders, body: Buffer): Promise<number> =>
  new Promise((resolve, reject) => {
    const forwarded: Record<string, string> = {};
    for (const name of [
      'content-type',
      'x-motcua-event',
      'x-motcua-delivery',
      'x-motcua-timestamp',
      'x-motcua-signature',
    ]) {
      forwarded[name] = String(headers[name]);
    }
    const request = httpRequest(url, { method: 'POST', headers: forwarded }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end(body);
  });

const clock = fixedClock('2026-11-23T09:00:00+07:00');
const clockSeconds = () => Math.floor(clock.now().getTime() / 1000);
let t: TestApp;
let headers: Record<string, string>;
const receivers: Receiver[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock, config: { webhooks: { allowPrivateHttp: true } } });
  await seedWorld(t);
  headers = (await signIn(t.app, 'qttinh')).headers;
});

afterAll(async () => {
  await t?.close();
  await Promise.all(receivers.map((r) => new Promise((resolve) => r.server.close(resolve))));
});

const subscribe = async (url: string) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/integration/webhooks',
    headers,
    payload: { provinceCode: '33', name: 'Bên nhận độc lập', url, events: ['dossier.changed', 'pakn.changed'] },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { subscription: { id: string; version: number }; secret: string };
};

/** An event queued for the subscription as the fan-out writes it (Vietnamese text: the body is UTF-8). */
let events = 0;
const queueEvent = async (subscriptionId: string) => {
  events += 1;
  const eventId = `dossier:00000000-0000-4000-8000-${String(events).padStart(12, '0')}:1`;
  await t.database.db
    .insertInto('webhookDelivery')
    .values({
      subscriptionId,
      provinceCode: '33',
      eventId,
      eventType: 'dossier.changed',
      payload: JSON.stringify({
        type: 'dossier.changed',
        eventId,
        dossier: { code: '000.00.20.H31-261123-0001', procedureName: 'Đăng ký khai sinh', status: 'received' },
      }),
      nextAttemptAt: clock.now(),
      createdAt: clock.now(),
    })
    .execute();
  return eventId;
};

describe('a receiver built from the documented recipe', () => {
  let receiver: Receiver;
  let subscriptionId = '';

  beforeAll(async () => {
    // The receiver learns the secret only from the creation answer, as the administrator copies it.
    const secrets: string[] = [];
    receiver = await startReceiver(secrets, clockSeconds);
    receivers.push(receiver);
    const created = await subscribe(receiver.url);
    secrets.push(created.secret);
    subscriptionId = created.subscription.id;
  });

  it('verifies real deliveries', async () => {
    const eventId = await queueEvent(subscriptionId);
    expect(await deliverDueWebhooks(t.ctx)).toMatchObject({ delivered: 1 });
    expect(receiver.log.at(-1)?.status).toBe(204);
    expect(receiver.processed).toContain(eventId);
  });

  it('rejects a captured request replayed after five minutes, and processes a fresh duplicate once', async () => {
    const captured = receiver.log.at(-1);
    if (!captured) {
      throw new Error('nothing captured');
    }
    // Within the window the same request verifies, but its delivery id was seen: processed once.
    expect(await resend(receiver.url, captured.headers, captured.rawBody)).toBe(204);
    expect(receiver.processed.filter((id) => id === captured.headers['x-motcua-delivery'])).toHaveLength(1);
    clock.set(new Date(clock.now().getTime() + 6 * 60 * 1000).toISOString());
    expect(await resend(receiver.url, captured.headers, captured.rawBody)).toBe(401);
  });

  it('rejects a tampered body', async () => {
    await queueEvent(subscriptionId);
    await deliverDueWebhooks(t.ctx);
    const captured = receiver.log.at(-1);
    if (!captured) {
      throw new Error('nothing captured');
    }
    expect(captured.status).toBe(204);
    const tampered = Buffer.from(captured.rawBody.toString('utf8').replace('"received"', '"returned"'));
    expect(tampered.equals(captured.rawBody)).toBe(false);
    expect(await resend(receiver.url, captured.headers, tampered)).toBe(401);
  });

  it('accepts both signatures during a rotation, and only the new one after the previous expires', async () => {
    const current = (await t.app.inject({ url: `/api/v1/integration/webhooks/${subscriptionId}`, headers })).json();
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/integration/webhooks/${subscriptionId}/rotate-secret`,
      headers,
      payload: { expectedVersion: current.version },
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const newSecret = rotated.json().secret as string;
    // A second receiver that already switched to the new secret only; the first still knows only the old one.
    const switched = await startReceiver([newSecret], clockSeconds);
    receivers.push(switched);

    await queueEvent(subscriptionId);
    await deliverDueWebhooks(t.ctx);
    const during = receiver.log.at(-1);
    expect(during?.status).toBe(204);
    expect(String(during?.headers['x-motcua-signature'])).toMatch(/^v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(await resend(switched.url, during?.headers ?? {}, during?.rawBody ?? Buffer.alloc(0))).toBe(204);

    // 24 hours later the previous secret no longer signs: the old-only receiver refuses, the switched one accepts.
    clock.set(new Date(clock.now().getTime() + 25 * 60 * 60 * 1000).toISOString());
    await queueEvent(subscriptionId);
    await deliverDueWebhooks(t.ctx);
    const after = receiver.log.at(-1);
    expect(String(after?.headers['x-motcua-signature'])).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(after?.status).toBe(401);
    expect(await resend(switched.url, after?.headers ?? {}, after?.rawBody ?? Buffer.alloc(0))).toBe(204);
  });
});
