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

const id = (key: string): string => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency.id;
};

describe('reading agencies (public)', () => {
  it('searches without diacritics and by code', async () => {
    const byName = await t.app.inject({ url: '/api/v1/agencies?q=so%20tu%20phap&province=33' });
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items.map((a: { code: string }) => a.code)).toEqual(['000.00.01.H31']);
    const byCode = await t.app.inject({ url: '/api/v1/agencies?q=000.00.10.H31' });
    expect(byCode.json().items[0].name).toBe('Trung tâm Phục vụ hành chính công tỉnh Hưng Yên');
  });

  it('lists the children of an agency', async () => {
    const response = await t.app.inject({ url: `/api/v1/agencies?parent=${id('province')}&pageSize=50` });
    expect(response.json().total).toBe(4);
  });

  it('answers 404 for an unknown agency', async () => {
    const response = await t.app.inject({ url: '/api/v1/agencies/00000000-0000-4000-8000-000000000000' });
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('Không tìm thấy cơ quan được yêu cầu.');
  });
});

describe('changing agencies', () => {
  it('lets an agency admin create a division under their agency, not under another', async () => {
    const admin = await signIn(t.app, 'qtdonvi');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin.headers,
      payload: { code: '000.02.01.H31', name: 'Phòng Bổ trợ tư pháp', kind: 'division', parentId: id('justice') },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ provinceCode: '33', parentId: id('justice'), version: 1 });

    const sibling = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin.headers,
      payload: {
        code: '000.02.02.H31',
        name: 'Phòng Quản lý xây dựng',
        kind: 'division',
        parentId: id('construction'),
      },
    });
    // Another department of the same province: visible in the tree but not administered → 404, no leak.
    expect(sibling.statusCode).toBe(404);
  });

  it('refuses a duplicate code among agencies in force', async () => {
    const admin = await signIn(t.app, 'qttinh');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin.headers,
      payload: { code: '000.00.01.H31', name: 'Trùng mã', kind: 'province_department', parentId: id('province') },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('AGENCY_CODE_TAKEN');
  });

  it('renames from a date and keeps the old name for earlier dates; a stale version is refused', async () => {
    const admin = await signIn(t.app, 'qttinh');
    const before = (await t.app.inject({ url: `/api/v1/agencies/${id('construction')}` })).json();
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${id('construction')}`,
      headers: admin.headers,
      payload: { expectedVersion: before.version, effective: '2026-01-01', name: 'Sở Xây dựng và Giao thông' },
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${id('construction')}`,
      headers: admin.headers,
      payload: { expectedVersion: before.version, name: 'Tên khác' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const at2025 = await t.app.inject({ url: `/api/v1/agencies?q=so%20xay%20dung&at=2025-12-31&province=33` });
    expect(at2025.json().items[0].name).toBe('Sở Xây dựng tỉnh Hưng Yên');
    const at2026 = await t.app.inject({ url: `/api/v1/agencies?q=so%20xay%20dung&at=2026-01-02&province=33` });
    expect(at2026.json().items[0].name).toBe('Sở Xây dựng và Giao thông');

    const detail = (await t.app.inject({ url: `/api/v1/agencies/${id('construction')}` })).json();
    expect(detail.versions.map((v: { name: string; validTo: string | null }) => [v.name, v.validTo])).toEqual([
      ['Sở Xây dựng tỉnh Hưng Yên', '2025-12-31'],
      ['Sở Xây dựng và Giao thông', null],
    ]);
    const changes = await t.app.inject({
      url: `/api/v1/agencies/${id('construction')}/changes`,
      headers: admin.headers,
    });
    expect(changes.json().items.at(-1)).toMatchObject({ change: 'rename', actorUsername: 'qttinh' });
  });

  it('refuses a change dated before the last one (history is appended, not rewritten)', async () => {
    const admin = await signIn(t.app, 'qttinh');
    const current = (await t.app.inject({ url: `/api/v1/agencies/${id('construction')}` })).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${id('construction')}`,
      headers: admin.headers,
      payload: { expectedVersion: current.version, effective: '2025-08-01', name: 'Quá khứ' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('EFFECTIVE_DATE_INVALID');
  });

  it('merges a pre-2025 commune committee into a 2025 commune; the successor sees its history', async () => {
    const admin = await signIn(t.app, 'qttinh');
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin.headers,
      payload: {
        code: '000.07.40.H31',
        name: 'Ủy ban nhân dân xã Long Hưng',
        kind: 'commune_committee',
        parentId: id('province'),
        adminUnitLevel: 'commune',
        adminUnitCode: '12070',
        validFrom: '2020-01-01',
      },
    });
    expect(old.statusCode).toBe(201);
    const merged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies/merge',
      headers: admin.headers,
      payload: { predecessorIds: [old.json().id], successor: { existingId: id('commune') }, effective: '2025-07-01' },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().closed[0]).toMatchObject({ validTo: '2025-06-30' });

    const detail = (await t.app.inject({ url: `/api/v1/agencies/${id('commune')}` })).json();
    expect(detail.predecessors).toEqual([
      expect.objectContaining({ code: '000.07.40.H31', kind: 'merge', effective: '2025-07-01' }),
    ]);
    // The old commune is found at a 2025 date but not after the merger.
    const before = await t.app.inject({ url: '/api/v1/agencies?q=long%20hung&at=2025-06-30' });
    expect(before.json().total).toBe(1);
    const after = await t.app.inject({ url: '/api/v1/agencies?q=long%20hung&at=2025-07-01' });
    expect(after.json().items.map((a: { code: string }) => a.code)).not.toContain('000.07.40.H31');

    // A closed agency cannot be changed any more.
    const closed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${old.json().id}`,
      headers: admin.headers,
      payload: { expectedVersion: merged.json().closed[0].version, name: 'Muộn' },
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('AGENCY_CLOSED');
  });

  it('moves an agency with its subtree and refuses a cycle', async () => {
    const admin = await signIn(t.app, 'qttinh');
    const division = (await t.app.inject({ url: `/api/v1/agencies/${id('justiceDivision')}` })).json();
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/agencies/${id('justiceDivision')}/move`,
      headers: admin.headers,
      payload: { expectedVersion: division.version, parentId: id('centre') },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(id('centre'));
    const justice = (await t.app.inject({ url: `/api/v1/agencies/${id('justice')}` })).json();
    const cycle = await t.app.inject({
      method: 'POST',
      url: `/api/v1/agencies/${id('province')}/move`,
      headers: admin.headers,
      payload: { expectedVersion: justice.version, parentId: id('justiceDivision') },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe('AGENCY_MOVE_CYCLE');
  });

  it('splits an agency into two new ones', async () => {
    const admin = await signIn(t.app, 'qttinh');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin.headers,
      payload: {
        code: '000.00.30.H31',
        name: 'Sở Văn hóa, Thể thao và Du lịch',
        kind: 'province_department',
        parentId: id('province'),
      },
    });
    const split = await t.app.inject({
      method: 'POST',
      url: `/api/v1/agencies/${created.json().id}/split`,
      headers: admin.headers,
      payload: {
        effective: '2026-12-01',
        successors: [
          {
            create: {
              code: '000.00.31.H31',
              name: 'Sở Văn hóa và Thể thao',
              kind: 'province_department',
              parentId: id('province'),
            },
          },
          {
            create: {
              code: '000.00.32.H31',
              name: 'Sở Du lịch',
              kind: 'province_department',
              parentId: id('province'),
            },
          },
        ],
      },
    });
    expect(split.statusCode).toBe(200);
    expect(split.json().successors.map((s: { validFrom: string }) => s.validFrom)).toEqual([
      '2026-12-01',
      '2026-12-01',
    ]);
    expect(split.json().closed.validTo).toBe('2026-11-30');
  });
});

describe('agency authorisation', () => {
  it('refuses anonymous writes with 401 and foreign-province admins with 404', async () => {
    const anonymous = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${id('justice')}`,
      payload: { expectedVersion: 1, name: 'Tên mới' },
    });
    expect(anonymous.statusCode).toBe(401);
    const hanoi = await signIn(t.app, 'hanoi');
    const foreign = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${id('justice')}`,
      headers: hanoi.headers,
      payload: { expectedVersion: 1, name: 'Tên mới' },
    });
    expect(foreign.statusCode).toBe(404);
    const changes = await t.app.inject({ url: `/api/v1/agencies/${id('justice')}/changes`, headers: hanoi.headers });
    expect(changes.statusCode).toBe(404);
  });

  it('lets a receptionist read their agency history but not change it (403: visible, not allowed)', async () => {
    const receptionist = await signIn(t.app, 'tiepnhan');
    expect(
      (await t.app.inject({ url: `/api/v1/agencies/${id('justice')}/changes`, headers: receptionist.headers }))
        .statusCode,
    ).toBe(200);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${id('justice')}`,
      headers: receptionist.headers,
      payload: { expectedVersion: 1, name: 'Tên mới' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });
});
