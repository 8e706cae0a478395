import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DATA_DIR } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { runCatalogImport } from '../usecases/catalog/import.js';

/**
 * The portal's search lists each procedure once (issue 13, item 5): where the province has adopted
 * a national procedure and published it, its version stands in for the national record; the total
 * counts procedures, not catalog entries. The officials' catalog (a `catalog` given) lists its own
 * entries as before.
 */

const records = (
  JSON.parse(readFileSync(join(REFERENCE_DATA_DIR, 'tthc-catalog.json'), 'utf8')) as {
    procedures: { code: string; field: string }[];
  }
).procedures;
const subset = records.filter((r) => r.field === 'Hộ tịch');

let t: TestApp;
let world: World;
let admin: Session;

type Item = { code: string; catalog: string; onlineLevel: string; canSubmitOnline: boolean; nationalCode: string };

const search = async (query: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/procedures?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json() as { items: Item[]; total: number; match: string };
};

const asAdmin = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) => {
  const response = await t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
};

/** Adopts a national procedure into catalog 33, publishes it and sets its receiving agency. */
const adopt = async (code: string, publish: boolean) => {
  await asAdmin('POST', '/api/v1/procedures', { catalog: '33', fromNational: code });
  if (!publish) {
    return;
  }
  const rowVersion = async () => (await asAdmin('GET', `/api/v1/procedures/${code}?catalog=33`)).rowVersion as number;
  await asAdmin('POST', `/api/v1/procedures/${code}/versions/1/publish?catalog=33`, {
    expectedVersion: await rowVersion(),
    effectiveFrom: '2025-07-01',
  });
  await asAdmin('PUT', `/api/v1/procedures/${code}/agencies?catalog=33`, {
    expectedVersion: await rowVersion(),
    agencies: [{ agencyId: world.agencies.commune?.id, role: 'receiving' }],
  });
};

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t);
  await runCatalogImport(t.database.db, {
    catalog: 'national',
    file: { format: 'national', records: subset },
    fileName: 'civil-status.json',
    actorUserId: null,
    today: '2025-07-01',
    now: new Date(),
  });
  admin = await signIn(t.app, 'qttinh');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const codesOf = (items: Item[]) => items.map((item) => `${item.catalog}:${item.code}`);

describe('GET /api/v1/procedures without a catalog (the portal)', () => {
  let nationalTotal = 0;
  let nationalBirth = 0;

  it('lists the national records while the province has adopted nothing', async () => {
    const all = await search('pageSize=100');
    nationalTotal = all.total;
    expect(nationalTotal).toBeGreaterThan(10);
    expect(all.items).toHaveLength(nationalTotal);
    expect(all.items.every((item) => item.catalog === 'national' && !item.canSubmitOnline)).toBe(true);
    nationalBirth = (await search('q=dang%20ky%20khai%20sinh&pageSize=100')).total;
    expect(nationalBirth).toBeGreaterThan(0);
  });

  it('lists an adopted procedure once, as the province’s version that can be submitted online', async () => {
    await adopt('1.001193', true);
    // A draft-only adoption is not public: the national record stays.
    await adopt('1.000894', false);

    const birth = await search('q=dang%20ky%20khai%20sinh&pageSize=100');
    const codes = birth.items.map((item) => item.code);
    expect(codes.filter((code) => code === '1.001193')).toHaveLength(1);
    expect(new Set(codes).size).toBe(codes.length);
    expect(birth.items[0]).toMatchObject({
      code: '1.001193',
      catalog: '33',
      nationalCode: '1.001193',
      onlineLevel: 'full',
      canSubmitOnline: true,
    });
    expect(birth.total).toBe(nationalBirth);
    expect(birth.total).toBe(birth.items.length);

    const marriage = await search('q=ket%20hon&pageSize=100');
    expect(codesOf(marriage.items)).toContain('national:1.000894');
    expect(codesOf(marriage.items)).not.toContain('33:1.000894');

    // Every page and the total count procedures, not catalog entries; typo-tolerant search too.
    const all = await search('pageSize=100');
    expect(all.total).toBe(nationalTotal);
    expect(codesOf(all.items)).toContain('33:1.001193');
    expect(codesOf(all.items)).not.toContain('national:1.001193');
    const paged = [...(await search('pageSize=7&page=1')).items];
    for (let page = 2; paged.length < nationalTotal; page++) {
      const next = await search(`pageSize=7&page=${page}`);
      expect(next.total).toBe(nationalTotal);
      expect(next.items.length).toBeGreaterThan(0);
      paged.push(...next.items);
    }
    expect(codesOf(paged)).toEqual(codesOf(all.items));
    const typo = await search('q=khai%20snh&pageSize=100');
    expect(typo.match).toBe('similar');
    expect(codesOf(typo.items)).toContain('33:1.001193');
    expect(codesOf(typo.items)).not.toContain('national:1.001193');
    expect(typo.total).toBe(typo.items.length);
  });

  it('keeps both entries in the catalogs themselves (the officials’ view)', async () => {
    const national = await search('catalog=national&q=dang%20ky%20khai%20sinh&pageSize=100');
    expect(codesOf(national.items)).toContain('national:1.001193');
    const province = await search('catalog=33&pageSize=100');
    expect(codesOf(province.items)).toEqual(['33:1.001193']);
  });
});
