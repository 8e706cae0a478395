import { randomUUID } from 'node:crypto';
import type { ProcedureVersionContent } from '@motcua/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeProcedureVersions,
  findProcedure,
  findProcedureVersionInForce,
  getProcedureVersion,
  insertProcedureVersions,
  listProceduresForImport,
  type ProcedureListing,
  searchProcedures,
  updateDraftVersion,
  upsertProcedures,
} from './catalog.queries.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const content = (name: string): ProcedureVersionContent => ({
  nationalCode: '1.001193',
  name,
  field: { name: 'Hộ tịch' },
  levels: ['commune'],
  applicantTypes: [],
  components: [],
  channels: [],
  onlineLevel: 'none',
  boundaryFree: false,
  resultTypes: [],
  legalBasis: [],
  processSteps: [],
  clockOnSupplement: 'restart',
  autoAccept: false,
});

const listing = (name: string): ProcedureListing => ({
  nationalCode: '1.001193',
  name,
  fieldName: 'Hộ tịch',
  fieldCode: null,
  fieldKey: 'ho tich',
  levels: ['commune'],
  onlineLevel: 'none',
  boundaryFree: false,
  searchText: 'thu tuc dang ki khai sinh',
  nameKey: 'dang ki khai sinh',
  summary: {
    directDuration: null,
    directDurationText: null,
    fee: { free: true, minVnd: null, maxVnd: null, text: null },
  },
});

const procedureId = randomUUID();
const v1 = randomUUID();
const v2 = randomUUID();

describe('procedure versions', () => {
  it('stores a procedure with a published version and finds the version in force by date', async () => {
    await database.db.transaction().execute(async (trx) => {
      await upsertProcedures(trx, [
        {
          id: procedureId,
          catalog: 'national',
          code: '1.001193',
          ...listing('Thủ tục đăng ký khai sinh'),
          current: { currentVersionId: v1, currentVersionNo: 1, effectiveFrom: '2025-07-01' },
        },
      ]);
      await insertProcedureVersions(trx, [
        {
          id: v1,
          procedureId,
          catalog: 'national',
          versionNo: 1,
          status: 'published',
          content: content('Thủ tục đăng ký khai sinh'),
          contentHash: '0000000000000a',
          effectiveFrom: '2025-07-01',
          source: 'import',
          importId: null,
          createdBy: null,
          publishedBy: null,
          publishedAt: new Date(),
        },
      ]);
    });
    const procedure = await findProcedure(database.db, { catalog: 'national', code: '1.001193' });
    expect(procedure).toMatchObject({ levels: ['commune'], currentVersionNo: 1, version: 1 });
    const inForce = await findProcedureVersionInForce(database.db, {
      catalog: 'national',
      code: '1.001193',
      at: '2025-07-01',
    });
    expect(inForce).toMatchObject({ id: v1, versionNo: 1, content: { name: 'Thủ tục đăng ký khai sinh' } });
    expect(
      await findProcedureVersionInForce(database.db, { catalog: 'national', code: '1.001193', at: '2025-06-30' }),
    ).toBeUndefined();
    await expect(getProcedureVersion(database.db, randomUUID())).rejects.toThrow(/does not exist/);
  });

  it('refuses to change or delete a published version in the database itself', async () => {
    await expect(
      sql`update procedure_version set content = '{}'::jsonb where id = ${v1}`.execute(database.db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from procedure_version where id = ${v1}`.execute(database.db)).rejects.toThrow(
      /cannot be deleted/,
    );
    expect(
      await updateDraftVersion(database.db, { id: v1, content: content('x'), contentHash: '0000000000000b' }),
    ).toBeUndefined();
  });

  it('supersedes a version on the day before the next takes effect; the upsert bumps the row version', async () => {
    await database.db.transaction().execute(async (trx) => {
      const [target] = await listProceduresForImport(trx, { catalog: 'national', codes: ['1.001193'] });
      expect(target).toMatchObject({ currentHash: '0000000000000a', maxVersionNo: 1 });
      await upsertProcedures(trx, [
        {
          id: randomUUID(),
          catalog: 'national',
          code: '1.001193',
          ...listing('Thủ tục đăng ký khai sinh (mới)'),
          current: { currentVersionId: v2, currentVersionNo: 2, effectiveFrom: '2026-01-01' },
        },
      ]);
      await insertProcedureVersions(trx, [
        {
          id: v2,
          procedureId,
          catalog: 'national',
          versionNo: 2,
          status: 'published',
          content: content('Thủ tục đăng ký khai sinh (mới)'),
          contentHash: '0000000000000c',
          effectiveFrom: '2026-01-01',
          source: 'import',
          importId: null,
          createdBy: null,
          publishedBy: null,
          publishedAt: new Date(),
        },
      ]);
      await closeProcedureVersions(trx, [{ id: v1, effectiveTo: '2025-12-31' }]);
    });
    const at = (date: string) =>
      findProcedureVersionInForce(database.db, { catalog: 'national', code: '1.001193', at: date });
    expect((await at('2025-12-31'))?.id).toBe(v1);
    expect((await at('2026-01-01'))?.id).toBe(v2);
    expect(await findProcedure(database.db, { catalog: 'national', code: '1.001193' })).toMatchObject({
      id: procedureId,
      version: 2,
      name: 'Thủ tục đăng ký khai sinh (mới)',
    });
    // Closing is the one change a published version accepts, and only once.
    await expect(
      sql`update procedure_version set effective_to = '2025-11-30' where id = ${v1}`.execute(database.db),
    ).rejects.toThrow(/cannot be changed/);
  });
});

describe('procedure search, one entry per procedure', () => {
  const provinceId = randomUUID();
  const provinceVersion = randomUUID();
  const find = (onePerProcedure: boolean) =>
    searchProcedures(database.db, {
      query: { phrase: 'khai sinh', tokens: ['khai', 'sinh'] },
      onePerProcedure,
      limit: 10,
      offset: 0,
    });
  const entries = (result: Awaited<ReturnType<typeof find>>) =>
    result.items.map((item) => `${item.catalog}:${item.code}`);

  it('lists the national record while the province’s adoption is only a draft', async () => {
    await upsertProcedures(database.db, [
      { id: provinceId, catalog: '33', code: '1.001193', ...listing('Thủ tục đăng ký khai sinh'), current: null },
    ]);
    const result = await find(true);
    expect(entries(result)).toEqual(['national:1.001193']);
    expect(result.total).toBe(1);
  });

  it('lists the province’s published version in its place, and counts it once', async () => {
    await database.db.transaction().execute(async (trx) => {
      await upsertProcedures(trx, [
        {
          id: provinceId,
          catalog: '33',
          code: '1.001193',
          ...listing('Thủ tục đăng ký khai sinh'),
          current: { currentVersionId: provinceVersion, currentVersionNo: 1, effectiveFrom: '2026-01-01' },
        },
      ]);
      await insertProcedureVersions(trx, [
        {
          id: provinceVersion,
          procedureId: provinceId,
          catalog: '33',
          versionNo: 1,
          status: 'published',
          content: content('Thủ tục đăng ký khai sinh'),
          contentHash: '0000000000000d',
          effectiveFrom: '2026-01-01',
          source: 'adopted',
          importId: null,
          createdBy: null,
          publishedBy: null,
          publishedAt: new Date(),
        },
      ]);
    });
    const portal = await find(true);
    expect(entries(portal)).toEqual(['33:1.001193']);
    expect(portal).toMatchObject({ total: 1, match: 'phrase' });
    expect(portal.items[0]?.nationalCode).toBe('1.001193');
    // Every catalog entry when asked for (the officials' catalogs).
    const every = await find(false);
    expect(entries(every)).toEqual(['33:1.001193', 'national:1.001193']);
    expect(every.total).toBe(2);
  });
});
