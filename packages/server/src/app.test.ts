import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { bodyLimitBytes: 64 * 1024 } });
});

afterAll(async () => {
  await t?.close();
});

const expectProblem = (response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) => {
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = response.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status: response.statusCode });
  expect(typeof body.code).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.type).toBe(`/problems/${String(body.code).toLowerCase().replace(/_/g, '-')}`);
  return body;
};

describe('health', () => {
  it('/healthz answers while the process is up', async () => {
    const response = await t.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz reports the database kind and migration version', async () => {
    const response = await t.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      migrationVersion: t.ctx.state.expectedMigrationVersion,
    });
  });

  it('/readyz answers 503 when migrations are behind or the server is stopping', async () => {
    t.ctx.state.expectedMigrationVersion += 1;
    const behind = await t.app.inject({ url: '/readyz', headers: { 'accept-language': 'en' } });
    t.ctx.state.expectedMigrationVersion -= 1;
    expect(behind.statusCode).toBe(503);
    expect(expectProblem(behind).detail).toMatch(/run "motcua migrate"/);

    t.ctx.state.shuttingDown = true;
    const stopping = await t.app.inject({ url: '/readyz' });
    t.ctx.state.shuttingDown = false;
    expect(stopping.statusCode).toBe(503);
    expect(expectProblem(stopping).detail).toBe('Hệ thống đang dừng.');
  });
});

describe('error model (RFC 9457 problem+json)', () => {
  it('answers an unknown API route with a 404 problem in Vietnamese by default', async () => {
    const response = await t.app.inject({ url: '/api/v1/khong-co' });
    expect(response.statusCode).toBe(404);
    const body = expectProblem(response);
    expect(body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      title: 'Không tìm thấy địa chỉ',
      instance: '/api/v1/khong-co',
    });
    expect(response.headers['content-language']).toBe('vi');
  });

  it('switches to English with Accept-Language, honouring q-values', async () => {
    const en = await t.app.inject({
      url: '/api/v1/nothing',
      headers: { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' },
    });
    expect(expectProblem(en).title).toBe('Not found');
    const vi = await t.app.inject({ url: '/api/v1/nothing', headers: { 'accept-language': 'en;q=0.3, vi-VN' } });
    expect(expectProblem(vi).title).toBe('Không tìm thấy địa chỉ');
    const other = await t.app.inject({ url: '/api/v1/nothing', headers: { 'accept-language': 'fr-FR' } });
    expect(expectProblem(other).title).toBe('Không tìm thấy địa chỉ');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/administrative-units',
      headers: { 'content-type': 'application/json' },
      payload: '{"a": ',
    });
    expect(response.statusCode).toBe(400);
    expect(expectProblem(response).code).toBe('MALFORMED_JSON');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/administrative-units',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ filler: 'x'.repeat(100 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    const body = expectProblem(response);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.detail).toContain(String(64 * 1024));
  });

  it('lists every invalid field with a Vietnamese message', async () => {
    const response = await t.app.inject({ url: '/api/v1/administrative-units?level=tinh&pageSize=500&at=2024-13-01' });
    expect(response.statusCode).toBe(400);
    const body = expectProblem(response);
    expect(body.code).toBe('VALIDATION_FAILED');
    const errors = body.errors as { in: string; pointer: string; message: string }[];
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/at', '/level', '/pageSize']);
    expect(errors.every((e) => e.in === 'query')).toBe(true);
    expect(errors.find((e) => e.pointer === '/pageSize')?.message).toBe('Giá trị phải nhỏ hơn hoặc bằng 100.');
  });

  it('echoes a sane X-Request-Id and replaces a hostile one', async () => {
    const kept = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'a b\nc' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('describes every problem type at its type URI', async () => {
    const response = await t.app.inject({ url: '/problems/validation-failed' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      vi: { title: 'Dữ liệu không hợp lệ' },
    });
    const missing = await t.app.inject({ url: '/problems/no-such-problem' });
    expect(missing.statusCode).toBe(404);
  });

  it('does not serve the web shell when it is not built, and says how to build it', async () => {
    const response = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(503);
    expect(expectProblem(response).code).toBe('WEB_NOT_BUILT');
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document with the routes and their schemas', async () => {
    const response = await t.app.inject({ url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/api/v1/administrative-units']),
    );
    const search = doc.paths['/api/v1/administrative-units']?.get as { parameters: { name: string }[] };
    expect(search.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'level', 'parent', 'at', 'page']),
    );
  });

  it('serves the docs UI at /docs', async () => {
    const response = await t.app.inject({ url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
