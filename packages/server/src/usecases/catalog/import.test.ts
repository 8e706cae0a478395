import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  findProcedure,
  findProcedureVersionInForce,
  listCatalogImportRows,
  listProcedureVersions,
  REFERENCE_DATA_DIR,
} from '@motcua/db';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { normalizeNationalRecord } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { streamCatalogExport } from './export.js';
import {
  type CatalogFile,
  CatalogFileError,
  type CatalogImportProgress,
  parseCatalogFile,
  readCatalogFile,
  runCatalogImport,
} from './import.js';
import { buildSearchQuery, toSearchKey } from './procedure-listing.js';
import { findProcedures } from './search.js';

/**
 * The real national catalog (2,642 records, 8.8 MB) imported into a test database: the one test
 * file that imports the whole file (the demo seed test does too); the API tests use subsets.
 */

const fileBytes = readFileSync(join(REFERENCE_DATA_DIR, 'tthc-catalog.json'));
const rawRecords = (JSON.parse(fileBytes.toString('utf8')) as { procedures: Record<string, unknown>[] }).procedures;

let database: TestDatabase;
let ctx: AppContext;
let firstTotals: Awaited<ReturnType<typeof runCatalogImport>>;
const progress: CatalogImportProgress[] = [];
let firstMs = 0;

const importFile = (file: CatalogFile, today: string, catalog = 'national') =>
  runCatalogImport(database.db, {
    catalog,
    file,
    fileName: 'tthc-catalog.json',
    actorUserId: null,
    today,
    now: new Date(),
  });

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db } as AppContext;
  const started = performance.now();
  firstTotals = await runCatalogImport(database.db, {
    catalog: 'national',
    file: parseCatalogFile(fileBytes),
    fileName: 'tthc-catalog.json',
    actorUserId: null,
    today: '2026-01-01',
    now: new Date(),
    onProgress: (p) => progress.push(p),
  });
  firstMs = Math.round(performance.now() - started);
  console.info(`national catalog import: ${firstMs} ms (${database.kind})`);
}, 180_000);

afterAll(async () => {
  await database?.close();
});

const search = async (q: string, extra: Record<string, unknown> = {}) =>
  findProcedures(ctx, ANONYMOUS, { q, catalog: 'national', page: 1, pageSize: 10, ...extra });

describe('importing the real national catalog', () => {
  it('creates every record the normaliser accepts, with the same ok/repaired/rejected counts', () => {
    const expected = { ok: 0, repaired: 0, rejected: 0 };
    for (const record of rawRecords) {
      expected[normalizeNationalRecord(record).status] += 1;
    }
    expect(firstTotals.status).toBe('completed');
    expect(firstTotals.totals).toMatchObject({
      rows: 2642,
      processed: 2642,
      created: 2642 - expected.rejected,
      updated: 0,
      unchanged: 0,
      rejected: expected.rejected,
      ok: expected.ok,
      repaired: expected.repaired,
    });
    expect(firstTotals.totals.issues.find((i) => i.code === 'TIME_UNIT_MISSING_ASSUMED_WORKING_DAYS')).toMatchObject({
      severity: 'warning',
    });
  });

  it('reports progress after every batch', () => {
    expect(progress.length).toBe(Math.ceil(2642 / 250));
    expect(progress.at(-1)).toMatchObject({ rows: 2642, processed: 2642 });
    expect(progress.map((p) => p.processed)).toEqual([...progress.map((p) => p.processed)].sort((a, b) => a - b));
  });

  it('keeps a per-row report with the normaliser’s repairs in Vietnamese and English', async () => {
    const repaired = await listCatalogImportRows(database.db, {
      importId: firstTotals.id,
      normalizerStatus: 'repaired',
      limit: 5,
      offset: 0,
    });
    expect(repaired.total).toBe(firstTotals.totals.repaired);
    const row = repaired.items[0];
    expect(row?.outcome).toBe('created');
    expect(
      row?.issues.some((i) => i.severity === 'warning' && i.message.vi.length > 0 && i.message.en.length > 0),
    ).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    const again = await importFile(parseCatalogFile(fileBytes), '2026-02-01');
    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 2642, rejected: 0 });
    const birth = await findProcedure(database.db, { catalog: 'national', code: '1.001193' });
    expect(birth).toMatchObject({ currentVersionNo: 1, effectiveFrom: '2026-01-01', version: 1 });
  });
});

describe('searching the imported catalog', () => {
  const codes = (items: { code: string }[]) => items.map((i) => i.code);

  it('finds "Thủ tục đăng ký khai sinh" first for "dang ky khai sinh", and on the first page for "khai sinh"', async () => {
    const full = await search('dang ky khai sinh');
    expect(full.match).toBe('phrase');
    expect(full.items[0]).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh' });
    expect(codes((await search('khai sinh')).items)).toContain('1.001193');
    expect(codes((await search('ĐĂNG KÝ KHAI SINH')).items)[0]).toBe('1.001193');
  });

  it('finds the marriage procedures for "ket hon"', async () => {
    const result = await search('ket hon');
    expect(result.items[0]).toMatchObject({ code: '1.000894', name: 'Thủ tục đăng ký kết hôn' });
    expect(result.items.every((i) => i.name.toLowerCase().includes('kết hôn'))).toBe(true);
  });

  it('tolerates typos and the i/y spelling variants', async () => {
    const variant = await search('dang ki khai sinh');
    expect(variant.items[0]?.code).toBe('1.001193');
    const typo = await search('khai snh');
    expect(typo.match).toBe('similar');
    expect(codes(typo.items)).toContain('1.001193');
    expect(toSearchKey('dang ky quy dinh ky thuat my thuat')).toBe('dang ki qui dinh ki thuat mi thuat');
    expect(toSearchKey('tuy huy may y te')).toBe('tuy huy may y te');
  });

  it('matches all words in any order when the phrase is not there', async () => {
    const result = await search('luu dong khai sinh');
    expect(result.match).toBe('words');
    expect(codes(result.items)[0]).toBe('1.003583');
  });

  it('finds a procedure by its code, with or without the dot', async () => {
    expect(codes((await search('1.001193')).items)).toEqual(['1.001193']);
    expect(codes((await search('1001193')).items)).toEqual(['1.001193']);
  });

  it('filters by level, field (name or code), online level, and pages', async () => {
    const civil = await findProcedures(ctx, ANONYMOUS, {
      catalog: 'national',
      field: 'ho tich',
      level: 'commune',
      page: 1,
      pageSize: 100,
    });
    expect(civil.total).toBeGreaterThan(30);
    expect(civil.items.every((i) => i.field.name === 'Hộ tịch' && i.levels.includes('commune'))).toBe(true);
    const none = await findProcedures(ctx, ANONYMOUS, { catalog: 'national', online: 'none', page: 1, pageSize: 5 });
    expect(none.items.every((i) => i.onlineLevel === 'none')).toBe(true);
    const page2 = await findProcedures(ctx, ANONYMOUS, { q: 'dang ky', catalog: 'national', page: 2, pageSize: 10 });
    const page1 = await findProcedures(ctx, ANONYMOUS, { q: 'dang ky', catalog: 'national', page: 1, pageSize: 10 });
    expect(page2.total).toBe(page1.total);
    expect(codes(page2.items).some((c) => codes(page1.items).includes(c))).toBe(false);
  });

  it('shows the direct-channel time limit and fee summary', async () => {
    const item = (await search('dang ky khai sinh')).items[0];
    expect(item).toMatchObject({
      duration: { unit: 'working_days', value: 1 },
      fee: { free: true },
      currentVersion: { versionNo: 1, effectiveFrom: '2026-01-01' },
    });
  });

  it('splits a query into a phrase and distinct words', () => {
    expect(buildSearchQuery('  Đăng KÝ  đăng ký ')).toEqual({ phrase: 'dang ki dang ki', tokens: ['dang', 'ki'] });
  });
});

describe('versions from re-imports', () => {
  it('publishes a changed record as a new version; the old one ends the day before; dates pick the right one', async () => {
    const changed = rawRecords
      .filter((r) => r.code === '1.000894')
      .map((r) => ({ ...r, name: 'Thủ tục đăng ký kết hôn (sửa đổi)' }));
    const result = await importFile({ format: 'national', records: changed }, '2026-03-01');
    expect(result.totals).toMatchObject({ updated: 1 });
    const procedure = await findProcedure(database.db, { catalog: 'national', code: '1.000894' });
    const versions = await listProcedureVersions(database.db, procedure?.id ?? '');
    expect(versions.map((v) => [v.versionNo, v.status, v.effectiveFrom, v.effectiveTo])).toEqual([
      [1, 'superseded', '2026-01-01', '2026-02-28'],
      [2, 'published', '2026-03-01', null],
    ]);
    const before = await findProcedureVersionInForce(database.db, {
      catalog: 'national',
      code: '1.000894',
      at: '2026-02-28',
    });
    const after = await findProcedureVersionInForce(database.db, {
      catalog: 'national',
      code: '1.000894',
      at: '2026-03-01',
    });
    expect(before?.versionNo).toBe(1);
    expect(after?.versionNo).toBe(2);
    expect(after?.content.name).toBe('Thủ tục đăng ký kết hôn (sửa đổi)');
    expect(
      await findProcedureVersionInForce(database.db, { catalog: 'national', code: '1.000894', at: '2025-12-31' }),
    ).toBeUndefined();
  });
});

describe('bad input', () => {
  it('reports rejected and duplicate rows without stopping the file', async () => {
    const good = rawRecords.find((r) => r.code === '1.001193');
    const result = await importFile(
      { format: 'national', records: [good, { code: 'x', name: '' }, 42, good, { name: 'Thủ tục không mã' }] },
      '2026-04-01',
      '01',
    );
    expect(result.status).toBe('completed');
    expect(result.totals).toMatchObject({ rows: 5, created: 1, rejected: 4 });
    const rows = await listCatalogImportRows(database.db, { importId: result.id, limit: 10, offset: 0 });
    expect(rows.items.map((r) => [r.rowNo, r.outcome, r.issues.at(-1)?.code])).toEqual([
      [1, 'created', 'ONLINE_LEVEL_ASSUMED_FULL'],
      [2, 'rejected', 'MISSING_NAME'],
      [3, 'rejected', 'RECORD_NOT_OBJECT'],
      [4, 'rejected', 'DUPLICATE_IN_FILE'],
      [5, 'rejected', 'CODE_REQUIRED_FOR_IMPORT'],
    ]);
    expect(rows.items[3]?.issues.at(-1)?.message.vi).toContain('dòng 1');
  });

  it('reads gzip files and bare arrays, and refuses what is not a catalog', () => {
    expect(parseCatalogFile(gzipSync(Buffer.from('[{"code":"1.001193"}]')))).toEqual({
      format: 'national',
      records: [{ code: '1.001193' }],
    });
    expect(() => parseCatalogFile(Buffer.from('{"procedures": ['))).toThrow(CatalogFileError);
    expect(() => readCatalogFile({ items: [] })).toThrow(/procedures/);
    expect(() => readCatalogFile({ format: 'other', procedures: [] })).toThrow(/not supported/);
  });
});

describe('export', () => {
  it('streams the current versions as JSON that imports back unchanged (same hashes)', async () => {
    let text = '';
    let chunks = 0;
    for await (const chunk of streamCatalogExport(database.db, {
      catalog: 'national',
      now: new Date(),
      pageSize: 500,
    })) {
      text += chunk;
      chunks += 1;
    }
    expect(chunks).toBeGreaterThan(5);
    const file = readCatalogFile(JSON.parse(text));
    expect(file.format).toBe('motcua');
    expect(file.records).toHaveLength(2642);
    const back = await importFile(file, '2026-05-01');
    expect(back.totals).toMatchObject({ unchanged: 2642, created: 0, updated: 0, rejected: 0 });
    const other = await importFile({ format: 'motcua', records: file.records.slice(0, 20) }, '2026-05-01', '02');
    expect(other.totals).toMatchObject({ created: 20 });
    const [source, copy] = await Promise.all([
      findProcedure(database.db, { catalog: 'national', code: '1.000005' }),
      findProcedure(database.db, { catalog: '02', code: '1.000005' }),
    ]);
    const hashes = await Promise.all(
      [source, copy].map(async (p) => (await listProcedureVersions(database.db, p?.id ?? '')).at(-1)?.contentHash),
    );
    expect(hashes[0]).toBeDefined();
    expect(hashes[1]).toBe(hashes[0]);
  });
});
