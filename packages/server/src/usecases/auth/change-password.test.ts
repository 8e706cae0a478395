import { updateUserPassword } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/passwords.js';
import { type Session, seedWorld, signIn, TEST_PASSWORD, type World } from '../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.js';
import { createHostingAdmin } from '../provinces/hosting-admin.js';

let t: TestApp;
let world: World;
const clock = fixedClock();
const NEW_PASSWORD = 'Mat-khau-rieng-2027';

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const login = (username: string, password: string, ip = '10.9.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

const changePassword = (
  session: Session | { headers: Record<string, string> },
  body: { currentPassword: string; newPassword: string },
  ip = '10.9.0.1',
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    headers: session.headers,
    payload: body,
    remoteAddress: ip,
  });

const me = (session: { headers: Record<string, string> }) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });

const passwordMark = async (username: string) =>
  (
    await t.database.db
      .selectFrom('appUser')
      .select(['passwordMustChange', 'version'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).passwordMustChange;

describe('changing one’s own password (POST /api/v1/me/password)', () => {
  it('replaces the password, keeps this session and ends the official’s other sessions', async () => {
    const here = await signIn(t.app, 'chuyenvien');
    const elsewhere = await signIn(t.app, 'chuyenvien');
    const changed = await changePassword(here, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.statusCode, changed.body).toBe(204);

    expect((await login('chuyenvien', TEST_PASSWORD)).statusCode).toBe(401);
    const again = await login('chuyenvien', NEW_PASSWORD);
    expect(again.statusCode).toBe(200);
    expect(again.json().mustChangePassword).toBe(false);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect(await passwordMark('chuyenvien')).toBe(false);
  });

  it('refuses a wrong current password (403, counted toward the account’s lock) and changes nothing', async () => {
    const session = await signIn(t.app, 'thanhtra');
    const wrong = await changePassword(session, { currentPassword: 'khong-phai-2026', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'CURRENT_PASSWORD_WRONG',
      detail: 'Mật khẩu hiện tại bạn nhập không đúng.',
    });
    expect(JSON.stringify(wrong.json())).not.toContain(NEW_PASSWORD);
    // Four more wrong guesses (five in all) lock the account: a stolen session cannot try passwords unchecked.
    for (let i = 0; i < 4; i++) {
      const guess = await changePassword(
        session,
        { currentPassword: `doan-sai-${i}-2026`, newPassword: NEW_PASSWORD },
        `10.9.1.${i}`,
      );
      expect(guess.json().code).toBe('CURRENT_PASSWORD_WRONG');
    }
    const locked = await changePassword(session, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(locked.headers['retry-after']).toBeDefined();
    expect((await login('thanhtra', TEST_PASSWORD, '10.9.2.1')).json().code).toBe('ACCOUNT_LOCKED');

    clock.set('2026-11-22T09:20:00+07:00');
    expect((await login('thanhtra', TEST_PASSWORD, '10.9.2.2')).statusCode).toBe(200);
  });

  it('refuses a weak new password with the rule broken, and one equal to the current', async () => {
    const session = await signIn(t.app, 'trakq');
    const short = await changePassword(session, { currentPassword: TEST_PASSWORD, newPassword: 'Ngan-1' });
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'WEAK_PASSWORD', detail: 'Mật khẩu phải có ít nhất 10 ký tự.' });
    const withName = await changePassword(session, { currentPassword: TEST_PASSWORD, newPassword: 'trakq-2026-abc' });
    expect(withName.json()).toMatchObject({
      code: 'WEAK_PASSWORD',
      detail: 'Mật khẩu không được chứa tên đăng nhập.',
    });
    const same = await changePassword(session, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({
      code: 'PASSWORD_UNCHANGED',
      detail: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    });
    expect((await login('trakq', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an API token (403 PASSWORD_CHANGE_NEEDS_SESSION) and a caller not signed in (401)', async () => {
    const session = await signIn(t.app, 'daumoicchc');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: session.headers,
      payload: { name: 'Máy chủ báo cáo' },
    });
    expect(created.statusCode).toBe(201);
    const bearer = { headers: { authorization: `Bearer ${created.json().token}` } };
    const refused = await changePassword(bearer, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('PASSWORD_CHANGE_NEEDS_SESSION');
    const anonymous = await changePassword(
      { headers: {} },
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    );
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await changePassword(
      { headers: { cookie: session.cookie } },
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    );
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
    expect((await login('daumoicchc', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('guards the update by the row version the current password was read with', async () => {
    const userId = world.users.sonoivu?.id ?? '';
    const row = await t.database.db
      .selectFrom('appUser')
      .select(['version', 'passwordHash'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const stale = await updateUserPassword(t.database.db, {
      id: userId,
      passwordHash: await hashPassword(NEW_PASSWORD),
      mustChange: false,
      now: clock.now(),
      expectedVersion: row.version - 1,
    });
    expect(stale).toBeUndefined();
    const after = await t.database.db
      .selectFrom('appUser')
      .select(['version', 'passwordHash'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(row);
  });
});

describe('a password someone else set must be changed first', () => {
  it('holds back an official after an administrator’s reset until they change it', async () => {
    const admin = await signIn(t.app, 'qtdonvi');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${world.users.lanhdao?.id}/password`,
      headers: admin.headers,
      payload: { password: 'Cap-lai-2026-mk' },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect(await passwordMark('lanhdao')).toBe(true);

    const signedIn = await login('lanhdao', 'Cap-lai-2026-mk');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().mustChangePassword).toBe(true);
    const session = await signIn(t.app, 'lanhdao', 'Cap-lai-2026-mk');
    expect((await me(session)).json()).toMatchObject({ username: 'lanhdao', mustChangePassword: true });

    const tokens = () => t.app.inject({ method: 'GET', url: '/api/v1/me/api-tokens', headers: session.headers });
    const held = await tokens();
    expect(held.statusCode).toBe(403);
    expect(held.headers['content-type']).toContain('application/problem+json');
    expect(held.json()).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
      detail: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    });
    const inEnglish = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/api-tokens',
      headers: { ...session.headers, 'accept-language': 'en' },
    });
    expect(inEnglish.json().detail).toBe('You need to change your password before continuing.');
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: session.headers,
      payload: { name: 'Trước khi đổi mật khẩu' },
    });
    expect(write.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    // Public endpoints are not held back.
    const agencies = await t.app.inject({ url: '/api/v1/agencies?province=31', headers: session.headers });
    expect(agencies.statusCode).toBe(200);

    const changed = await changePassword(session, { currentPassword: 'Cap-lai-2026-mk', newPassword: NEW_PASSWORD });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await me(session)).json().mustChangePassword).toBe(false);
    expect((await tokens()).statusCode).toBe(200);
    expect(await passwordMark('lanhdao')).toBe(false);
  });

  it('lets an official held back sign out', async () => {
    const admin = await signIn(t.app, 'qtdonvi');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${world.users.tiepnhan?.id}/password`,
      headers: admin.headers,
      payload: { password: 'Cap-lai-2026-tn' },
    });
    const session = await signIn(t.app, 'tiepnhan', 'Cap-lai-2026-tn');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect((await me(session)).statusCode).toBe(401);
  });

  it('marks the hosting centre’s administrator created with a one-time password, not the seeded officials', async () => {
    const created = await createHostingAdmin(t.ctx, { username: 'trungtam.moi', fullName: 'Lý Văn Trung Tâm' });
    expect(await passwordMark('trungtam.moi')).toBe(true);
    const session = await signIn(t.app, 'trungtam.moi', created.oneTimePassword);
    expect((await me(session)).json().mustChangePassword).toBe(true);
    expect(await passwordMark('qttinh')).toBe(false);
  });
});
