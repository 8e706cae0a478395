import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: 'nguyen.van.moi',
  fullName: 'Nguyễn Văn Mới',
  title: 'Chuyên viên',
  email: 'moi@hungyen.gov.vn',
  password: 'Mat-khau-2026-moi',
  roles: [{ agencyId: world.agencies.justice?.id, role: 'processor' }],
  ...overrides,
});

describe('officials', () => {
  it('lets an agency admin create an official who can then sign in with their roles', async () => {
    const admin = await signIn(t.app, 'qtdonvi');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser(),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'nguyen.van.moi',
      roles: [{ role: 'processor', agencyCode: '000.00.01.H31', includeSubagencies: false }],
    });
    const session = await signIn(t.app, 'nguyen.van.moi', 'Mat-khau-2026-moi');
    expect(session.csrfToken).toBeTruthy();
    // The administrator chose the password: the official changes it before anything else (migration 0058).
    const me = await t.app.inject({ url: '/api/v1/me', headers: session.headers });
    expect(me.json().mustChangePassword).toBe(true);
  });

  it('refuses a taken username (409) and a weak password (422) with Vietnamese reasons', async () => {
    const admin = await signIn(t.app, 'qtdonvi');
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser(),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('USERNAME_TAKEN');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: newUser({ username: 'yeu', password: 'abcdefghij' }),
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().detail).toBe('Mật khẩu phải có cả chữ cái và chữ số.');
  });

  it('lets only a province admin make a province admin, and only in their province', async () => {
    const agencyAdmin = await signIn(t.app, 'qtdonvi');
    const escalation = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: agencyAdmin.headers,
      payload: newUser({
        username: 'leo.thang',
        roles: [{ agencyId: world.agencies.justice?.id, role: 'province_admin' }],
      }),
    });
    expect(escalation.statusCode).toBe(403);
    expect(escalation.json().code).toBe('ROLE_OUT_OF_SCOPE');
    const provinceAdmin = await signIn(t.app, 'qttinh');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: provinceAdmin.headers,
      payload: newUser({
        username: 'qt.tinh.2',
        roles: [{ agencyId: world.agencies.province?.id, role: 'province_admin' }],
      }),
    });
    expect(ok.statusCode).toBe(201);
  });

  it('guards profile changes by version', async () => {
    const admin = await signIn(t.app, 'qtdonvi');
    const user = (
      await t.app.inject({ url: `/api/v1/users/${world.users.chuyenvien?.id}`, headers: admin.headers })
    ).json();
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { expectedVersion: user.version, title: 'Chuyên viên chính' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { expectedVersion: user.version, title: 'Khác' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lists the officials of administered agencies only, searchable without diacritics', async () => {
    const admin = await signIn(t.app, 'qtdonvi');
    const list = (await t.app.inject({ url: '/api/v1/users?q=tran%20van', headers: admin.headers })).json();
    expect(list.items.map((u: { username: string }) => u.username)).toContain('chuyenvien');
    const all = (await t.app.inject({ url: '/api/v1/users?pageSize=100', headers: admin.headers })).json();
    expect(all.items.map((u: { username: string }) => u.username)).not.toContain('xaydung');
    const foreign = await t.app.inject({ url: `/api/v1/users/${world.users.xaydung?.id}`, headers: admin.headers });
    expect(foreign.statusCode).toBe(404);
  });
});
