import { foldVietnamese } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countAdministrativeUnits,
  findAdministrativeUnit,
  listCommuneSuccessors,
  searchAdministrativeUnits,
} from './administrative-units.queries.js';
import { readAdministrativeUnits, syncAdministrativeUnits } from './reference-data.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const search = (q: string | undefined, extra: Partial<Parameters<typeof searchAdministrativeUnits>[1]> = {}) =>
  searchAdministrativeUnits(database.db, {
    foldedQuery: q === undefined ? undefined : foldVietnamese(q),
    at: '2026-11-22',
    limit: 20,
    offset: 0,
    ...extra,
  });

describe('administrative units reference data', () => {
  it('has 34 provinces and 3,321 communes from 1 July 2025, and no districts', async () => {
    expect(await countAdministrativeUnits(database.db, '2025-07-01')).toEqual({
      province: 34,
      district: 0,
      commune: 3321,
    });
    // Renames after 2025 (Đồng Nai became a city on 2026-04-30) do not change the counts.
    expect(await countAdministrativeUnits(database.db, '2026-11-22')).toEqual({
      province: 34,
      district: 0,
      commune: 3321,
    });
  });

  it('has 63 provinces, 696 districts and 10,035 communes until 30 June 2025', async () => {
    const expected = { province: 63, district: 696, commune: 10035 };
    expect(await countAdministrativeUnits(database.db, '2025-06-30')).toEqual(expected);
    expect(await countAdministrativeUnits(database.db, '2024-01-01')).toEqual(expected);
  });

  it('counts the 2025 commune types as published (2,621 xã, 687 phường, 13 đặc khu)', () => {
    const { units } = readAdministrativeUnits();
    const types = new Map<string, number>();
    for (const unit of units) {
      if (unit.level === 'commune' && unit.validFrom === '2025-07-01') {
        types.set(unit.unitType, (types.get(unit.unitType) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(types)).toEqual({ Xã: 2621, Phường: 687, 'Đặc khu': 13 });
  });

  it('keeps the old → new commune mapping', async () => {
    // Phường Phúc Xá (Ba Đình, Hà Nội) merged fully into Phường Hồng Hà.
    expect(await listCommuneSuccessors(database.db, '00001')).toEqual([
      { newCode: '00097', mergeType: 'full', effective: '2025-07-01' },
    ]);
    const count = await database.db
      .selectFrom('administrativeUnitSuccession')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBeGreaterThan(10_000);
  });

  it('dates renames: Thừa Thiên Huế before 2025, Thành phố Huế after; Đồng Nai a city from 2026-04-30', async () => {
    expect((await findAdministrativeUnit(database.db, { level: 'province', code: '46', at: '2024-01-01' }))?.name).toBe(
      'Tỉnh Thừa Thiên Huế',
    );
    expect((await findAdministrativeUnit(database.db, { level: 'province', code: '46', at: '2025-03-01' }))?.name).toBe(
      'Thành phố Huế',
    );
    const dongNaiBefore = await findAdministrativeUnit(database.db, {
      level: 'province',
      code: '75',
      at: '2026-04-29',
    });
    const dongNaiAfter = await findAdministrativeUnit(database.db, { level: 'province', code: '75', at: '2026-04-30' });
    expect(dongNaiBefore?.name).toBe('Tỉnh Đồng Nai');
    expect(dongNaiAfter).toMatchObject({ name: 'Thành phố Đồng Nai', unitType: 'Thành phố trực thuộc trung ương' });
    const locNinh = await findAdministrativeUnit(database.db, { level: 'commune', code: '25270', at: '2026-05-01' });
    expect(locNinh).toMatchObject({ name: 'Phường Lộc Ninh', unitType: 'Phường', provinceCode: '75' });
  });

  it('does not reload an already loaded data version', async () => {
    expect(await syncAdministrativeUnits(database.db)).toEqual({ loaded: false, units: 0, successions: 0 });
  });
});

describe('searchAdministrativeUnits', () => {
  it('finds Hà Nội without diacritics', async () => {
    const result = await search('ha noi', { level: 'province' });
    expect(result.items.map((u) => u.name)).toEqual(['Thành phố Hà Nội']);
    expect(result.total).toBe(1);
  });

  it('finds the pre-2025 province Thừa Thiên Huế when asked at 2024-01-01', async () => {
    const result = await search('thua thien hue', { at: '2024-01-01' });
    expect(result.items[0]).toMatchObject({ code: '46', level: 'province', name: 'Tỉnh Thừa Thiên Huế' });
    const now = await search('thua thien hue', { level: 'province' });
    expect(now.items).toEqual([]);
  });

  it('tolerates a typo through trigram similarity', async () => {
    const result = await search('hung yenn', { level: 'province' });
    expect(result.items[0]?.name).toBe('Tỉnh Hưng Yên');
  });

  it('lists the communes of a province, paginated, in code order', async () => {
    const first = await search(undefined, { level: 'commune', parentCode: '33', limit: 10 });
    const second = await search(undefined, { level: 'commune', parentCode: '33', limit: 10, offset: 10 });
    expect(first.total).toBe(104);
    expect(first.items).toHaveLength(10);
    const codes = [...first.items, ...second.items].map((u) => u.code);
    expect(new Set(codes).size).toBe(20);
    expect([...codes].sort()).toEqual(codes);
  });

  it('lists the districts of a pre-2025 province', async () => {
    const result = await search(undefined, { level: 'district', parentCode: '33', at: '2024-06-01', limit: 50 });
    expect(result.total).toBe(10);
  });
});
