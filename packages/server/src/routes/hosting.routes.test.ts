import { applyStatisticsCells, ensureSeries, insertUser, listProvinceSiteEvents } from '@motcua/db';
import { createZeroCounters } from '@motcua/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { type Session, seedWorld, signIn, TEST_PASSWORD } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { computeProvinceSiteEventHash } from '../usecases/provinces/change-site.js';

const clock = fixedClock('2026-12-07T09:00:00+07:00');
let t: TestApp;
let hosting: Session;
let provinceAdmin: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedWorld(t);
  await insertUser(t.database.db, {
    username: 'trungtam.qt',
    fullName: 'Quản trị Trung tâm',
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(TEST_PASSWORD),
    provinceCode: null,
    now: new Date(),
    hostingAdmin: true,
  });
  hosting = await signIn(t.app, 'trungtam.qt');
  provinceAdmin = await signIn(t.app, 'qttinh');
});

afterAll(async () => {
  await t?.close();
});

const create = (session: Session | undefined, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/hosting/provinces', headers: session?.headers ?? {}, payload });

describe('hosting: provinces', () => {
  it('opens a province in one go: site, hosts, committee, centre, administrator, categories', async () => {
    const response = await create(hosting, {
      provinceCode: '31',
      hosts: ['DichVuCong.HaiPhong.gov.vn', 'haiphong.localhost:8080'],
      publicUrl: 'https://dichvucong.haiphong.gov.vn/',
      adminUsername: 'qt.haiphong',
      adminFullName: 'Phạm Văn Hải',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      provinceCode: '31',
      name: 'Thành phố Hải Phòng',
      placeName: 'Hải Phòng',
      hosts: ['dichvucong.haiphong.gov.vn', 'haiphong.localhost'],
      publicUrl: 'https://dichvucong.haiphong.gov.vn',
      committee: { code: '000.00.00.P31', name: 'Ủy ban nhân dân thành phố Hải Phòng' },
      centre: { code: '000.00.10.P31', name: 'Trung tâm Phục vụ hành chính công thành phố Hải Phòng' },
      admin: { username: 'qt.haiphong', fullName: 'Phạm Văn Hải' },
      version: 2,
    });
    expect(body.admin.oneTimePassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);

    // The administrator signs in with the one-time password and administers the new province.
    const admin = await signIn(t.app, 'qt.haiphong', body.admin.oneTimePassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: admin.headers });
    expect(me.json()).toMatchObject({
      provinceCode: '31',
      hostingAdmin: false,
      // A one-time password: changed before anything else is done (migration 0058).
      mustChangePassword: true,
      roles: [{ role: 'province_admin', agencyCode: '000.00.00.P31' }],
    });
    const users = () => t.app.inject({ url: '/api/v1/users', headers: admin.headers });
    expect((await users()).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: admin.headers,
      payload: { currentPassword: body.admin.oneTimePassword, newPassword: 'Hai-Phong-2026-qt' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await users()).statusCode).toBe(200);
    const categories = await t.database.db
      .selectFrom('portalCategory')
      .select(['slug', 'name'])
      .where('provinceCode', '=', '31')
      .orderBy('position')
      .execute();
    expect(categories).toEqual([
      { slug: 'tin-cchc', name: 'Tin cải cách hành chính' },
      { slug: 'thong-bao', name: 'Thông báo' },
      { slug: 'huong-dan', name: 'Hướng dẫn' },
    ]);
    // The creation is the first event of the site's chain, and the chain recomputes.
    const events = await listProvinceSiteEvents(t.database.db, '31');
    expect(events.map((e) => e.action)).toEqual(['created']);
    const [first] = events;
    expect(first?.hash).toBe(
      computeProvinceSiteEventHash(null, {
        provinceCode: '31',
        seq: 1,
        at: first?.at as Date,
        actorUserId: first?.actorUserId ?? null,
        action: 'created',
        payload: first?.payload ?? {},
      }),
    );
  });

  it('uses the level-1 code given and names a province "tỉnh"', async () => {
    const response = await create(hosting, {
      provinceCode: '46',
      hosts: ['hue.localhost'],
      adminUsername: 'qt.hue',
      adminFullName: 'Trần Thị Huế',
      agencyCodeSuffix: 'H46',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().committee).toMatchObject({ code: '000.00.00.H46', name: 'Ủy ban nhân dân thành phố Huế' });
    const lamDong = await create(hosting, {
      provinceCode: '68',
      hosts: ['lamdong.localhost'],
      adminUsername: 'qt.lamdong',
      adminFullName: 'Lê Văn Lâm',
    });
    expect(lamDong.statusCode, lamDong.body).toBe(201);
    expect(lamDong.json().centre.name).toBe('Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng');
  });

  it('refuses a unit not in force, a taken host, an existing province and a taken username — writing nothing', async () => {
    // Hà Nam (35) was merged into Ninh Bình on 1 July 2025.
    const old = await create(hosting, {
      provinceCode: '35',
      hosts: ['hanam.localhost'],
      adminUsername: 'qt.hanam',
      adminFullName: 'Nguyễn Hà Nam',
    });
    expect(old.statusCode).toBe(422);
    expect(old.json().code).toBe('PROVINCE_UNIT_NOT_IN_FORCE');

    const taken = await create(hosting, {
      provinceCode: '48',
      hosts: ['danang.localhost', 'haiphong.localhost'],
      adminUsername: 'qt.danang',
      adminFullName: 'Võ Văn Đà',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('HOST_NAME_TAKEN');
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/hosting/provinces/48', headers: hosting.headers });
    expect(read.statusCode).toBe(404);

    const again = await create(hosting, {
      provinceCode: '31',
      hosts: ['other.haiphong.localhost'],
      adminUsername: 'qt.haiphong2',
      adminFullName: 'Phạm Văn Hai',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PROVINCE_EXISTS');

    const username = await create(hosting, {
      provinceCode: '48',
      hosts: ['danang.localhost'],
      adminUsername: 'qttinh',
      adminFullName: 'Võ Văn Đà',
    });
    expect(username.statusCode).toBe(409);
    expect(username.json().code).toBe('USERNAME_TAKEN');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/hosting/provinces/48', headers: hosting.headers })).statusCode,
    ).toBe(404);

    const badHost = await create(hosting, {
      provinceCode: '48',
      hosts: ['not a host'],
      adminUsername: 'qt.danang',
      adminFullName: 'Võ Văn Đà',
    });
    expect(badHost.statusCode).toBe(422);
    expect(badHost.json().code).toBe('HOST_NAME_INVALID');
  });

  it('changes host names, the public address and the default, guarded by the version', async () => {
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: '/api/v1/hosting/provinces/31', headers: hosting.headers, payload });
    const hosts = await patch({ expectedVersion: 2, addHosts: ['hp.localhost'], removeHosts: ['haiphong.localhost'] });
    expect(hosts.statusCode, hosts.body).toBe(200);
    expect(hosts.json()).toMatchObject({ version: 3, hosts: ['dichvucong.haiphong.gov.vn', 'hp.localhost'] });

    const stale = await patch({ expectedVersion: 2, publicUrl: 'https://hp.gov.vn' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const url = await patch({ expectedVersion: 3, publicUrl: 'https://hp.gov.vn' });
    expect(url.json()).toMatchObject({ version: 4, publicUrl: 'https://hp.gov.vn' });
    const badUrl = await patch({ expectedVersion: 4, publicUrl: 'ftp://hp.gov.vn/x' });
    expect(badUrl.statusCode).toBe(422);

    const made = await patch({ expectedVersion: 4, isDefault: true });
    expect(made.statusCode, made.body).toBe(200);
    const detail = made.json();
    expect(detail).toMatchObject({ isDefault: true, version: 5 });
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'hosts_changed',
      'public_url_changed',
      'default_changed',
    ]);

    // A change that changes nothing writes nothing.
    const nothing = await patch({ expectedVersion: 5, addHosts: [], removeHosts: [] });
    expect(nothing.statusCode).toBe(200);
    expect(nothing.json()).toMatchObject({ version: 5 });
    expect(nothing.json().events).toHaveLength(4);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/hosting/provinces?limit=2',
      headers: hosting.headers,
    });
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.items.map((s: { provinceCode: string }) => s.provinceCode)).toEqual(['31', '46']);
    expect(page.nextCursor).toBe('46');
    const next = await t.app.inject({
      method: 'GET',
      url: `/api/v1/hosting/provinces?limit=2&cursor=${page.nextCursor}`,
      headers: hosting.headers,
    });
    expect(next.json()).toMatchObject({ items: [{ provinceCode: '68' }], nextCursor: null });
  });

  it('is the hosting centre’s alone: a province administrator is refused, an anonymous caller asked to sign in', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/hosting/provinces'],
      ['GET', '/api/v1/hosting/provinces/31'],
      ['PATCH', '/api/v1/hosting/provinces/31'],
      ['POST', '/api/v1/hosting/provinces'],
      ['GET', '/api/v1/hosting/figures?period=2026-11'],
      ['GET', '/api/v1/hosting/figures.xlsx?period=2026-11'],
    ] as const) {
      const payload =
        method === 'POST'
          ? { provinceCode: '48', hosts: ['x.localhost'], adminUsername: 'qt.x', adminFullName: 'Người Thử' }
          : method === 'PATCH'
            ? { expectedVersion: 5 }
            : undefined;
      const refused = await t.app.inject({
        method,
        url,
        headers: provinceAdmin.headers,
        ...(payload ? { payload } : {}),
      });
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
      const anonymous = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
    }
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: hosting.headers });
    expect(me.json()).toMatchObject({ hostingAdmin: true, provinceCode: null });
  });
});

describe('hosting: figures across provinces', () => {
  const addCounts = async (provinceCode: string, agencyId: string, day: string, counts: Record<string, number>) => {
    const seriesId = await ensureSeries(t.database.db, {
      grain: 'agency',
      key: `test|${provinceCode}|${agencyId}`,
      parentId: null,
      provinceCode,
      handlingAgencyId: agencyId,
      handlingAgencyCode: null,
      handlingAgencyName: null,
      receivingAgencyId: agencyId,
      receivingAgencyCode: null,
      receivingAgencyName: null,
      level: 'province',
      procedureCode: null,
      procedureName: null,
      fieldName: null,
      channel: 'direct',
    });
    await applyStatisticsCells(t.database.db, [{ seriesId, day, counts: { ...createZeroCounters(), ...counts } }]);
  };

  it('reads each province’s counts from the aggregates and states every rate on its base', async () => {
    const haiPhong = (
      await t.database.db.selectFrom('agency').select('id').where('code', '=', '000.00.00.P31').executeTakeFirst()
    )?.id as string;
    // Hải Phòng in November 2026: 7 received, 4 resolved (1 early, 2 on time, 1 late), 2 overdue open.
    await addCounts('31', haiPhong, '2026-11-03', {
      received: 7,
      resolvedEarly: 1,
      resolvedOnTime: 2,
      resolvedLate: 1,
      overdueIn: 3,
      overdueOut: 1,
    });
    // In October (before the period): counts only towards the overdue stock, not towards the month's flows.
    await addCounts('31', haiPhong, '2026-10-20', { received: 5, resolvedOnTime: 5 });
    // Huế in November: 3 received, 3 resolved, all on time.
    const hue = (
      await t.database.db.selectFrom('agency').select('id').where('code', '=', '000.00.00.H46').executeTakeFirst()
    )?.id as string;
    await addCounts('46', hue, '2026-11-15', { received: 3, resolvedOnTime: 3 });

    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/hosting/figures?period=2026-11',
      headers: hosting.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const figures = response.json();
    expect(figures.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-30' });
    const byCode = Object.fromEntries(figures.provinces.map((p: { provinceCode: string }) => [p.provinceCode, p]));
    expect(byCode['31']).toEqual({
      provinceCode: '31',
      name: 'Thành phố Hải Phòng',
      received: 7,
      resolved: 4,
      resolvedEarlyOrOnTime: 3,
      resolvedLate: 1,
      onTimePercent: 75,
      overdueOpen: 2,
      paknReceived: 0,
      officials: 1,
      agencies: 2,
    });
    expect(byCode['46']).toMatchObject({ received: 3, resolved: 3, resolvedEarlyOrOnTime: 3, onTimePercent: 100 });
    expect(byCode['68']).toMatchObject({ received: 0, resolved: 0, onTimePercent: null });
    // The total's rate is recomputed from the summed counts (6 of 7), not averaged from the rates.
    expect(figures.totals).toMatchObject({ received: 10, resolved: 7, resolvedEarlyOrOnTime: 6, onTimePercent: 85.71 });

    const year = await t.app.inject({
      method: 'GET',
      url: '/api/v1/hosting/figures?period=2026',
      headers: hosting.headers,
    });
    expect(year.json().provinces[0]).toMatchObject({ provinceCode: '31', received: 12, resolved: 9 });
    const quarter = await t.app.inject({
      method: 'GET',
      url: '/api/v1/hosting/figures?period=2026-13',
      headers: hosting.headers,
    });
    expect(quarter.statusCode).toBe(422);

    const workbook = await t.app.inject({
      method: 'GET',
      url: '/api/v1/hosting/figures.xlsx?period=2026-11',
      headers: hosting.headers,
    });
    expect(workbook.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.rawPayload as never);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(4).values).toEqual([undefined, '31', 'Thành phố Hải Phòng', 7, 4, 3, 1, 0.75, 2, 0, 1, 2]);
  });
});
