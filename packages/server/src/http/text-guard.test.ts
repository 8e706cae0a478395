import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, seedWorld, signIn } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { findInvalidTextPointers, hasInvalidCharacter } from './text-guard.js';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedWorld(t);
  admin = await signIn(t.app, 'qttinh');
});

afterAll(async () => {
  await t?.close();
});

describe('hasInvalidCharacter', () => {
  it.each([
    ['a NUL', 'Nguyễn\u0000Văn', true],
    ['a lone high surrogate', 'x\uD83D', true],
    ['a lone low surrogate', '\uDE00y', true],
    ['a reversed pair', '\uDE00\uD83D', true],
    ['a proper pair (emoji)', 'Hồ sơ 😀', false],
    ['Vietnamese text', 'Phường Phố Hiến, tỉnh Hưng Yên', false],
    ['an empty string', '', false],
  ])('%s → %s', (_label, text, expected) => {
    expect(hasInvalidCharacter(text)).toBe(expected);
  });
});

describe('findInvalidTextPointers', () => {
  it('names each bad value and key by JSON pointer, escaping ~ and /', () => {
    const value = { a: ['ok', 'x\u0000'], 'b/c~': { d: '\uD800' }, ok: 1, 'k\u0000': 'v', '\uD800': 1 };
    expect(findInvalidTextPointers(value)).toEqual(['/a/1', '/b~1c~0/d', '/k\\u0000', '/\\uD800']);
  });
});

describe('the edge text check', () => {
  it('refuses a NUL in the login username without a session, naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'quan\u0000tri', password: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'TEXT_INVALID_CHARACTER',
      errors: [{ in: 'body', pointer: '/username', code: 'invalid_character' }],
    });
  });

  it('refuses a lone surrogate sent as a JSON escape, in English when asked', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"username":"a\\ud800b","password":"x"}',
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('TEXT_INVALID_CHARACTER');
    expect(body.title).toBe('Invalid character in text');
    expect(body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/username' })]);
  });

  it('refuses a NUL in a query string and in a path parameter', async () => {
    const query = await t.app.inject({ method: 'GET', url: '/api/v1/agencies?q=ph%00ong', headers: admin.headers });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/q' })]);
    const params = await t.app.inject({ method: 'GET', url: '/api/v1/agencies/a%00b', headers: admin.headers });
    expect(params.statusCode).toBe(400);
    expect(params.json().errors).toEqual([expect.objectContaining({ in: 'params', pointer: '/id' })]);
  });

  it('lets well-formed Vietnamese text and emoji through', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'Nguyễn 😀', password: 'sai-mat-khau' },
    });
    expect(response.statusCode).toBe(401);
  });
});
