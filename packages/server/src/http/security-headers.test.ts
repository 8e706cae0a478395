import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { contentSecurityPolicyFor, registerSecurityHeaders } from './security-headers.js';

/*
 * Issue 15, item 2: every answer carries the browser security headers. The app runs behind an https
 * public URL (so HSTS is due) with a built web client in a temporary directory; the test walks every
 * operation of the OpenAPI document, as anonymous and as a signed-in official, plus the web pages,
 * the API docs, the server-rendered pages and the 404s, and checks each answer's headers.
 */

const PUBLIC_URL = 'https://motcua.example.gov.vn';
const ANY_ID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let webDir: string;
let officialCookie: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'motcua-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(
    join(webDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body></body></html>',
  );
  writeFileSync(join(webDir, 'assets', 'index-abc.js'), 'console.log(1);');
  t = await createTestApp({ config: { publicUrl: PUBLIC_URL, webDir } });
  await seedWorld(t);
  officialCookie = (await signIn(t.app, 'tiepnhan')).cookie;
});

afterAll(async () => {
  await t?.close();
  rmSync(webDir, { recursive: true, force: true });
});

const header = (response: LightMyRequestResponse, name: string): string => String(response.headers[name] ?? '');

/** The headers every answer carries, whatever its status or content. */
const expectSecurityHeaders = (response: LightMyRequestResponse, what: string) => {
  const csp = header(response, 'content-security-policy');
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(header(response, 'x-frame-options'), what).toBe('DENY');
  expect(header(response, 'x-content-type-options'), what).toBe('nosniff');
  expect(header(response, 'referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(header(response, 'permissions-policy'), what).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  expect(header(response, 'strict-transport-security'), what).toBe('max-age=31536000; includeSubDomains');
};

/** Every operation of the OpenAPI document, its path parameters filled with a well-formed id. */
const operations = async (): Promise<{ method: string; url: string }[]> => {
  const document = (await t.app.inject({ url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, ANY_ID) })),
  );
};

describe('security headers, route by route', () => {
  it('walks every operation of the OpenAPI document, anonymous and signed in', async () => {
    const all = await operations();
    expect(all.length).toBeGreaterThan(100);
    for (const { method, url } of all) {
      for (const cookie of [undefined, officialCookie]) {
        const response = await t.app.inject({
          method: method as 'GET',
          url,
          headers: cookie ? { cookie } : {},
          // Writes without a CSRF token or a valid body are refused: nothing changes while walking.
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        const what = `${method} ${url} ${cookie ? 'signed in' : 'anonymous'} → ${response.statusCode}`;
        expectSecurityHeaders(response, what);
        expect(response.statusCode, what).toBeLessThan(500);
        // An authenticated answer is never stored; an anonymous API answer is either not stored or one a public
        // route chose to let shared caches keep for a bounded time (published notices, closed-period results).
        if (cookie) {
          expect(header(response, 'cache-control'), what).toContain('no-store');
        } else if (url.startsWith('/api/')) {
          expect(header(response, 'cache-control'), what).toMatch(/no-store|^public, max-age=\d+$/);
        }
      }
    }
  });

  it('/api/v1/me is no-store with and without a session', async () => {
    for (const headers of [{}, { cookie: officialCookie }]) {
      const response = await t.app.inject({ url: '/api/v1/me', headers });
      expectSecurityHeaders(response, '/api/v1/me');
      expect(header(response, 'cache-control')).toBe('no-store');
    }
  });

  it('a session cookie or an API token makes any answer no-store, even a public one', async () => {
    for (const headers of [
      { cookie: 'motcua_citizen=whatever' },
      { authorization: 'Bearer mct_abcdefghijklmnopqrstuvwxyz' },
    ]) {
      const response = await t.app.inject({ url: '/v/not-a-document', headers });
      expectSecurityHeaders(response, '/v/ with credentials');
      expect(header(response, 'cache-control')).toBe('no-store');
    }
    const anonymous = await t.app.inject({ url: '/v/not-a-document' });
    expect(header(anonymous, 'cache-control')).toBe('no-cache');
  });

  it('web client pages: strict policy for HTML, fingerprinted assets keep their caching', async () => {
    for (const url of ['/', '/tra-cuu-ho-so', '/can-bo/dang-nhap']) {
      const response = await t.app.inject({ url, headers: { accept: 'text/html', cookie: officialCookie } });
      expect(response.statusCode, url).toBe(200);
      expect(header(response, 'content-type'), url).toMatch(/^text\/html/);
      expectSecurityHeaders(response, url);
      const csp = header(response, 'content-security-policy');
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain(`form-action 'self' ${PUBLIC_URL}`);
      expect(csp).toContain('upgrade-insecure-requests');
    }
    for (const cookie of [undefined, officialCookie]) {
      const asset = await t.app.inject({ url: '/assets/index-abc.js', headers: cookie ? { cookie } : {} });
      expect(asset.statusCode).toBe(200);
      expectSecurityHeaders(asset, '/assets/index-abc.js');
      expect(header(asset, 'cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('the API docs, the OpenAPI document, server-rendered pages and 404s carry them too', async () => {
    const docs = await t.app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(header(docs, 'content-type')).toMatch(/^text\/html/);
    expectSecurityHeaders(docs, '/docs/');
    const initializer = await t.app.inject({ url: '/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expectSecurityHeaders(initializer, 'swagger-initializer.js');
    for (const url of ['/openapi.json', '/docs/json', '/healthz', '/v/abc', `/v/${'a'.repeat(64)}`]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBeLessThan(500);
      expectSecurityHeaders(response, url);
    }
    const unknownApi = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(unknownApi.statusCode).toBe(404);
    expectSecurityHeaders(unknownApi, 'unknown API path');
    expect(header(unknownApi, 'cache-control')).toBe('no-store');
    const unknownFile = await t.app.inject({ url: '/nothing.png' });
    expect(unknownFile.statusCode).toBe(404);
    expectSecurityHeaders(unknownFile, 'unknown file');
  });
});

describe('contentSecurityPolicyFor', () => {
  it('gives HTML the page policy and other answers the document policy', () => {
    const html = contentSecurityPolicyFor('text/html; charset=utf-8', { publicUrl: 'http://localhost:3000' });
    expect(html).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
        "form-action 'self'",
    );
    expect(contentSecurityPolicyFor('application/pdf', { publicUrl: 'http://localhost:3000' })).toBe(
      "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    );
  });

  it('sends no HSTS when the public URL is http', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, { publicUrl: 'http://localhost:3000' });
    app.get('/x', async () => ({ ok: true }));
    const response = await app.inject({ url: '/x' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(String(response.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-frame-options']).toBe('DENY');
    await app.close();
  });
});
