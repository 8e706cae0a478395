import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, TEST_PASSWORD, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let world: World;
const clock = fixedClock();

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie and returns the profile with roles and a CSRF token', async () => {
    const response = await login('tiepnhan', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'motcua_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = response.json();
    expect(body).toMatchObject({
      username: 'tiepnhan',
      fullName: 'Nguyễn Thị Tiếp Nhận',
      authenticatedVia: 'session',
      roles: [{ role: 'receptionist', agencyCode: '000.00.01.H31', roleLabel: { vi: 'Cán bộ tiếp nhận' } }],
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // The password hash and the raw session token are never in the answer.
    expect(response.body).not.toContain('argon2');
  });

  it('accepts the username in any case', async () => {
    expect((await login('TiepNhan', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown username identically', async () => {
    const wrong = await login('chuyenvien', 'sai-mat-khau-1');
    const unknown = await login('khongtontai', 'sai-mat-khau-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks a username for 15 minutes after 5 failures, even with the right password, then unlocks', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login('trakq', `sai-${i}-mat-khau`, `10.0.1.${i}`)).statusCode).toBe(401);
    }
    const locked = await login('trakq', TEST_PASSWORD, '10.0.2.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    // When to try again, in minutes and at a clock time (Vietnam time), not "900 giây".
    expect(locked.json().detail).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút, lúc 09:15.');
    clock.set('2026-11-22T09:16:00+07:00');
    expect((await login('trakq', TEST_PASSWORD, '10.0.2.1')).statusCode).toBe(200);
    clock.set('2026-11-22T09:00:00+07:00');
  });

  it('slows an address after its failed sign-ins but never stops another official’s correct password there', async () => {
    const office = '10.20.30.40';
    const answers: number[] = [];
    for (let i = 0; i < 30; i++) {
      // One person behind the centre's NAT, mistyping (several usernames, so no account lock is involved).
      answers.push((await login(`nguoi-go-sai-${i % 6}`, `sai-${i}-mat-khau`, office)).statusCode);
    }
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(answers.slice(10)).toEqual(Array(20).fill(429));
    const slowed = await login('nguoi-go-sai-9', 'van-sai-mat-khau', office);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json()).toMatchObject({ code: 'SIGN_IN_SLOWED' });
    expect(slowed.headers['retry-after']).toBe('300');
    // Another official at the same address, right password: signs in at once.
    const colleague = await login('tiepnhan', TEST_PASSWORD, office);
    expect(colleague.statusCode).toBe(200);
    expect(colleague.json().username).toBe('tiepnhan');
  });

  it('validates the body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/password', '/username']);
  });

  it('refuses a form-encoded body (only JSON is accepted, which also blocks cross-site form posts)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `username=tiepnhan&password=${TEST_PASSWORD}`,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('session', () => {
  it('GET /api/v1/me needs a session', async () => {
    const response = await t.app.inject({ url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });

  it('GET /api/v1/me returns the official behind the cookie', async () => {
    const session = await signIn(t.app, 'lanhdao');
    const response = await t.app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ username: 'lanhdao', csrfToken: session.csrfToken });
  });

  it('requires the CSRF token for writes made with the cookie', async () => {
    const session = await signIn(t.app, 'lanhdao');
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: { cookie: session.cookie },
      payload: { name: 'x' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: { cookie: session.cookie, 'x-csrf-token': 'nope' },
      payload: { name: 'x' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('logs out: the cookie stops working', async () => {
    const session = await signIn(t.app, 'chuyenvien');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it('expires after 4 idle hours', async () => {
    const session = await signIn(t.app, 'thanhtra');
    clock.set('2026-11-22T13:01:00+07:00');
    const response = await t.app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    clock.set('2026-11-22T09:00:00+07:00');
    expect(response.statusCode).toBe(401);
  });

  it('ends every session of a user an administrator disables', async () => {
    const victim = await signIn(t.app, 'hanoitn');
    const admin = await signIn(t.app, 'hanoi');
    const user = (
      await t.app.inject({ url: `/api/v1/users/${world.users.hanoitn?.id}`, headers: admin.headers })
    ).json();
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { expectedVersion: user.version, status: 'disabled' },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: victim.cookie } })).statusCode).toBe(401);
    expect((await login('hanoitn', TEST_PASSWORD)).json().code).toBe('ACCOUNT_DISABLED');
  });
});

describe('API tokens', () => {
  it('creates a token shown once, authenticates with it without CSRF, lists it without the secret, revokes it', async () => {
    const session = await signIn(t.app, 'qtdonvi');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: session.headers,
      payload: { name: 'Đồng bộ Cổng DVCQG', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^mct_/);

    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'qtdonvi', authenticatedVia: 'token', csrfToken: null });

    const list = await t.app.inject({ url: '/api/v1/me/api-tokens', headers: { authorization: `Bearer ${token}` } });
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain(token);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/api-tokens/${id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('INVALID_TOKEN');
  });

  it('answers a malformed bearer token with 401 INVALID_TOKEN', async () => {
    const response = await t.app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer abc' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('INVALID_TOKEN');
  });

  it("cannot revoke another user's token", async () => {
    const owner = await signIn(t.app, 'qttinh');
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/api-tokens',
        headers: owner.headers,
        payload: { name: 'tỉnh' },
      })
    ).json();
    const other = await signIn(t.app, 'xaydung');
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/api-tokens/${created.id}`,
      headers: other.headers,
    });
    expect(response.statusCode).toBe(404);
  });
});
