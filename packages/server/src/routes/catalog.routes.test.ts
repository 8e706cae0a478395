import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProcedureVersionInForce, REFERENCE_DATA_DIR } from '@motcua/db';
import type { ProcedureVersionContent } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { runCatalogImport } from '../usecases/catalog/import.js';

/**
 * The catalog API on a subset of the real national catalog (civil status, certification and the
 * first records of the file); the whole file is imported in usecases/catalog/import.test.ts.
 */

const records = (
  JSON.parse(readFileSync(join(REFERENCE_DATA_DIR, 'tthc-catalog.json'), 'utf8')) as {
    procedures: { code: string; field: string }[];
  }
).procedures;
const subset = records.filter((r, index) => index < 20 || r.field === 'Hộ tịch' || r.field === 'Chứng thực');

let t: TestApp;
let world: World;
let nationalImportId: string;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t);
  const report = await runCatalogImport(t.database.db, {
    catalog: 'national',
    file: { format: 'national', records: subset },
    fileName: 'subset.json',
    actorUserId: null,
    today: '2025-07-01',
    now: new Date(),
  });
  nationalImportId = report.id;
  for (const username of ['qttinh', 'tiepnhan', 'hanoi']) {
    sessions[username] = await signIn(t.app, username);
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

type Who = 'anonymous' | 'qttinh' | 'tiepnhan' | 'hanoi';

const headersOf = (who: Who): Record<string, string> => (who === 'anonymous' ? {} : (sessions[who]?.headers ?? {}));

const call = (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: headersOf(who),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

const agencyId = (key: string): string => {
  const agency = world.agencies[key];
  if (!agency) {
    throw new Error(key);
  }
  return agency.id;
};

const rowVersionOf = async (code: string, catalog = '33'): Promise<number> =>
  (await call('qttinh', 'GET', `/api/v1/procedures/${code}?catalog=${catalog}`)).json().rowVersion as number;

describe('GET /api/v1/procedures (public search)', () => {
  it('finds "Thủ tục đăng ký khai sinh" first without diacritics', async () => {
    const response = await call('anonymous', 'GET', '/api/v1/procedures?q=dang%20ky%20khai%20sinh&catalog=national');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ match: 'phrase', page: 1, pageSize: 20 });
    expect(body.items[0]).toMatchObject({
      code: '1.001193',
      catalog: 'national',
      name: 'Thủ tục đăng ký khai sinh',
      field: { name: 'Hộ tịch', code: null },
      levels: ['commune'],
      onlineLevel: 'full',
      currentVersion: { versionNo: 1, effectiveFrom: '2025-07-01' },
      duration: { unit: 'working_days', value: 1 },
      fee: { free: true },
    });
  });

  it('finds the marriage procedures for "ket hon" and tolerates "khai snh"', async () => {
    const marriage = (await call('anonymous', 'GET', '/api/v1/procedures?q=ket%20hon')).json();
    expect(marriage.items[0].code).toBe('1.000894');
    const typo = (await call('anonymous', 'GET', '/api/v1/procedures?q=khai%20snh')).json();
    expect(typo.match).toBe('similar');
    expect(typo.items.map((i: { code: string }) => i.code)).toContain('1.001193');
  });

  it('answers 400 with field errors for bad filters', async () => {
    const response = await call('anonymous', 'GET', '/api/v1/procedures?level=district&online=maybe&agency=x');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(
      response
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/agency', '/level', '/online']);
  });
});

describe('GET /api/v1/procedures/:code and its versions (public)', () => {
  it('shows the current version, the history and the receiving agencies', async () => {
    const response = await call('anonymous', 'GET', '/api/v1/procedures/1.001193');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ catalog: 'national', code: '1.001193', currentVersionNo: 1, agencies: [] });
    expect(body.current.content.name).toBe('Thủ tục đăng ký khai sinh');
    expect(body.versions).toEqual([
      expect.objectContaining({ versionNo: 1, status: 'published', effectiveFrom: '2025-07-01', source: 'import' }),
    ]);
    const version = await call('anonymous', 'GET', '/api/v1/procedures/1.001193/versions/1');
    expect(version.json()).toMatchObject({ versionNo: 1, status: 'published', content: { nationalCode: '1.001193' } });
  });

  it('answers 404 in Vietnamese or English for an unknown procedure or version', async () => {
    const unknown = await call('anonymous', 'GET', '/api/v1/procedures/9.999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe('Không tìm thấy thủ tục hành chính được yêu cầu.');
    const english = await t.app.inject({ url: '/api/v1/procedures/9.999999', headers: { 'accept-language': 'en' } });
    expect(english.json().detail).toBe('The requested procedure was not found.');
    expect((await call('anonymous', 'GET', '/api/v1/procedures/1.001193/versions/9')).statusCode).toBe(404);
  });
});

describe('adopting a national procedure into the province catalog', () => {
  it.each([
    ['anonymous', 401, 'UNAUTHENTICATED'],
    ['tiepnhan', 403, 'FORBIDDEN'],
    ['hanoi', 403, 'FORBIDDEN'],
  ] as const)('refuses %s with %i', async (who, status, code) => {
    const response = await call(who, 'POST', '/api/v1/procedures', { catalog: '33', fromNational: '1.001193' });
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
  });

  it('keeps the national catalog import-only', async () => {
    const response = await call('qttinh', 'POST', '/api/v1/procedures', {
      catalog: 'national',
      fromNational: '1.001193',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CATALOG_READ_ONLY');
  });

  it('lets the province administrator adopt it as draft v1, once', async () => {
    const response = await call('qttinh', 'POST', '/api/v1/procedures', { catalog: '33', fromNational: '1.001193' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ catalog: '33', code: '1.001193', current: null, rowVersion: 1 });
    expect(response.json().versions).toEqual([
      expect.objectContaining({ versionNo: 1, status: 'draft', source: 'adopted' }),
    ]);
    const again = await call('qttinh', 'POST', '/api/v1/procedures', { catalog: '33', fromNational: '1.001193' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'PROCEDURE_ALREADY_IN_CATALOG' });
    expect(again.json().detail).toBe(
      'Thủ tục 1.001193 đã có trong danh mục 33; hãy tạo phiên bản mới thay vì thêm lại.',
    );
  });

  it('answers 422 for a code the national catalog does not have, 400 for an ambiguous body', async () => {
    const unknown = await call('qttinh', 'POST', '/api/v1/procedures', { catalog: '33', fromNational: '9.999999' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('PROCEDURE_NATIONAL_NOT_FOUND');
    const both = await call('qttinh', 'POST', '/api/v1/procedures', { catalog: '33' });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('VALIDATION_FAILED');
  });

  it('shows a draft-only procedure to its catalog’s managers only', async () => {
    expect((await call('anonymous', 'GET', '/api/v1/procedures/1.001193?catalog=33')).statusCode).toBe(404);
    expect((await call('hanoi', 'GET', '/api/v1/procedures/1.001193?catalog=33')).statusCode).toBe(404);
    expect((await call('qttinh', 'GET', '/api/v1/procedures/1.001193?catalog=33')).statusCode).toBe(200);
    expect((await call('anonymous', 'GET', '/api/v1/procedures?catalog=33')).json().total).toBe(0);
    expect((await call('qttinh', 'GET', '/api/v1/procedures?catalog=33&drafts=true')).json().total).toBe(1);
    expect((await call('anonymous', 'GET', '/api/v1/procedures?catalog=33&drafts=true')).statusCode).toBe(401);
    expect((await call('hanoi', 'GET', '/api/v1/procedures?catalog=33&drafts=true')).statusCode).toBe(403);
  });
});

describe('every write refuses callers who may not manage the province catalog', () => {
  const writes: [string, 'POST' | 'PUT', string, Record<string, unknown>][] = [
    ['add', 'POST', '/api/v1/procedures', { catalog: '33', fromNational: '1.000894' }],
    ['new version', 'POST', '/api/v1/procedures/1.001193/versions?catalog=33', { expectedVersion: 1 }],
    ['edit draft', 'PUT', '/api/v1/procedures/1.001193/versions/1?catalog=33', { expectedVersion: 1, content: {} }],
    [
      'publish',
      'POST',
      '/api/v1/procedures/1.001193/versions/1/publish?catalog=33',
      { expectedVersion: 1, effectiveFrom: '2025-07-01' },
    ],
    ['agencies', 'PUT', '/api/v1/procedures/1.001193/agencies?catalog=33', { expectedVersion: 1, agencies: [] }],
    ['import', 'POST', '/api/v1/procedures/imports?catalog=33', { procedures: [] }],
  ];
  it.each(
    writes.flatMap(([name, method, url, body]) =>
      (
        [
          ['anonymous', 401],
          ['tiepnhan', 403],
          ['hanoi', 403],
        ] as const
      ).map(([who, status]) => [name, who, status, method, url, body] as const),
    ),
  )('%s: %s → %i', async (_name, who, status, method, url, body) => {
    const response = await call(who, method, url, body);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('editing and publishing versions', () => {
  const draftContent = async (versionNo: number): Promise<ProcedureVersionContent> =>
    (await call('qttinh', 'GET', `/api/v1/procedures/1.001193/versions/${versionNo}?catalog=33`)).json().content;

  const withProcess = (content: ProcedureVersionContent, hours: number): ProcedureVersionContent => ({
    ...content,
    boundaryFree: true,
    processSteps: [
      {
        key: 'tiep-nhan',
        name: 'Tiếp nhận',
        role: 'receptionist',
        agency: { kind: 'receiving' },
        allotmentWorkingHours: 1,
      },
      {
        key: 'tham-dinh',
        name: 'Thẩm định',
        role: 'processor',
        agency: { kind: 'receiving' },
        allotmentWorkingHours: hours,
      },
      {
        key: 'tra-ket-qua',
        name: 'Trả kết quả',
        role: 'result_returner',
        agency: { kind: 'receiving' },
        allotmentWorkingHours: 1,
      },
    ],
  });

  it('edits a draft, guarded by the row version', async () => {
    const content = withProcess(await draftContent(1), 5);
    const rowVersion = await rowVersionOf('1.001193');
    const url = '/api/v1/procedures/1.001193/versions/1?catalog=33';
    expect((await call('tiepnhan', 'PUT', url, { expectedVersion: rowVersion, content })).statusCode).toBe(403);
    expect((await call('hanoi', 'PUT', url, { expectedVersion: rowVersion, content })).statusCode).toBe(403);
    expect((await call('anonymous', 'PUT', url, { expectedVersion: rowVersion, content })).statusCode).toBe(401);
    const edited = await call('qttinh', 'PUT', url, { expectedVersion: rowVersion, content });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      status: 'draft',
      rowVersion: rowVersion + 1,
      content: { boundaryFree: true },
    });
    const stale = await call('qttinh', 'PUT', url, { expectedVersion: rowVersion, content });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('answers 422 PROCEDURE_CONTENT_INVALID with every problem under /content', async () => {
    const tooLong = withProcess(await draftContent(1), 40);
    const put = async (content: unknown) =>
      call('qttinh', 'PUT', '/api/v1/procedures/1.001193/versions/1?catalog=33', {
        expectedVersion: await rowVersionOf('1.001193'),
        content,
      });
    const response = await put(tooLong);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('PROCEDURE_CONTENT_INVALID');
    expect(response.json().errors).toEqual([
      expect.objectContaining({ in: 'body', pointer: '/content/processSteps', code: 'custom' }),
    ]);
    expect(response.json().errors[0].message).toContain('legal time limit');
    const shape = await put({ ...tooLong, onlineLevel: 'sometimes', name: '' });
    expect(
      shape
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/content/name', '/content/onlineLevel']);
    expect(shape.json().detail).toBe('Nội dung thủ tục hành chính có 2 lỗi; xem danh sách errors.');
    const mismatch = await call('qttinh', 'PUT', '/api/v1/procedures/1.001193/versions/1?catalog=33', {
      expectedVersion: await rowVersionOf('1.001193'),
      content: { ...(await draftContent(1)), nationalCode: '1.000894' },
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('PROCEDURE_CODE_MISMATCH');
  });

  it('publishes the draft; a published version is never rewritten', async () => {
    const url = '/api/v1/procedures/1.001193/versions/1/publish?catalog=33';
    const body = { expectedVersion: await rowVersionOf('1.001193'), effectiveFrom: '2025-07-01' };
    expect((await call('tiepnhan', 'POST', url, body)).statusCode).toBe(403);
    const published = await call('qttinh', 'POST', url, body);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', effectiveFrom: '2025-07-01' });
    // The same publish again (a retried request) is harmless.
    expect((await call('qttinh', 'POST', url, body)).statusCode).toBe(200);
    const edit = await call('qttinh', 'PUT', '/api/v1/procedures/1.001193/versions/1?catalog=33', {
      expectedVersion: await rowVersionOf('1.001193'),
      content: await draftContent(1),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'PROCEDURE_VERSION_PUBLISHED' });
    expect(edit.json().detail).toContain('việc sửa đổi không bao giờ ghi đè một phiên bản đã công bố');
    const publicView = await call('anonymous', 'GET', '/api/v1/procedures/1.001193?catalog=33');
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json().current).toMatchObject({ versionNo: 1, content: { boundaryFree: true } });
  });

  it('starts v2 as a draft, refuses a second draft, and supersedes v1 when v2 is published', async () => {
    const url = '/api/v1/procedures/1.001193/versions?catalog=33';
    const created = await call('qttinh', 'POST', url, { expectedVersion: await rowVersionOf('1.001193') });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ versionNo: 2, status: 'draft', source: 'manual' });
    const second = await call('qttinh', 'POST', url, { expectedVersion: await rowVersionOf('1.001193') });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('PROCEDURE_DRAFT_EXISTS');

    const publish = (effectiveFrom: string) =>
      rowVersionOf('1.001193').then((expectedVersion) =>
        call('qttinh', 'POST', '/api/v1/procedures/1.001193/versions/2/publish?catalog=33', {
          expectedVersion,
          effectiveFrom,
        }),
      );
    const early = await publish('2025-06-30');
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'PROCEDURE_EFFECTIVE_DATE_INVALID' });
    expect((await publish('2026-01-01')).statusCode).toBe(200);

    const detail = (await call('anonymous', 'GET', '/api/v1/procedures/1.001193?catalog=33')).json();
    expect(
      detail.versions.map((v: { versionNo: number; status: string; effectiveTo: string | null }) => [
        v.versionNo,
        v.status,
        v.effectiveTo,
      ]),
    ).toEqual([
      [1, 'superseded', '2025-12-31'],
      [2, 'published', null],
    ]);
    const at2025 = (await call('anonymous', 'GET', '/api/v1/procedures/1.001193?catalog=33&at=2025-12-31')).json();
    expect(at2025.current.versionNo).toBe(1);
    const inForce = await findProcedureVersionInForce(t.database.db, {
      catalog: '33',
      code: '1.001193',
      at: '2026-01-01',
    });
    expect(inForce?.versionNo).toBe(2);
  });

  it('creates a local procedure from full content; a code is required', async () => {
    const content = {
      ...(await draftContent(1)),
      nationalCode: null,
      localCode: 'HY.HT.001',
      name: 'Thủ tục địa phương thử',
    };
    const created = await call('qttinh', 'POST', '/api/v1/procedures', { catalog: '33', content });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'HY.HT.001',
      versions: [expect.objectContaining({ source: 'manual' })],
    });
    const { localCode: _dropped, ...noCode } = content;
    const missing = await call('qttinh', 'POST', '/api/v1/procedures', { catalog: '33', content: noCode });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('PROCEDURE_CODE_REQUIRED');
  });
});

describe('PUT /api/v1/procedures/:code/agencies', () => {
  const url = '/api/v1/procedures/1.001193/agencies?catalog=33';

  it('sets the receiving agencies of the province; the search filters by them', async () => {
    const agencies = [
      { agencyId: agencyId('commune'), role: 'receiving' },
      { agencyId: agencyId('justice'), role: 'implementing' },
    ];
    for (const [who, status] of [
      ['anonymous', 401],
      ['tiepnhan', 403],
      ['hanoi', 403],
    ] as const) {
      expect((await call(who, 'PUT', url, { expectedVersion: 1, agencies })).statusCode).toBe(status);
    }
    const response = await call('qttinh', 'PUT', url, { expectedVersion: await rowVersionOf('1.001193'), agencies });
    expect(response.statusCode).toBe(200);
    expect(response.json().agencies.map((a: { code: string; role: string }) => [a.code, a.role])).toEqual([
      ['000.01.40.H31', 'receiving'],
      ['000.00.01.H31', 'implementing'],
    ]);
    const found = await call('anonymous', 'GET', `/api/v1/procedures?catalog=33&agency=${agencyId('commune')}`);
    expect(found.json().items.map((i: { code: string }) => i.code)).toEqual(['1.001193']);
    const none = await call('anonymous', 'GET', `/api/v1/procedures?catalog=33&agency=${agencyId('centre')}`);
    expect(none.json().total).toBe(0);
  });

  it('refuses an agency of another province', async () => {
    const response = await call('qttinh', 'PUT', url, {
      expectedVersion: await rowVersionOf('1.001193'),
      agencies: [{ agencyId: agencyId('foreignDepartment'), role: 'receiving' }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('PROCEDURE_AGENCY_INVALID');
  });
});

describe('imports through the API', () => {
  let importId: string;

  it.each([
    ['anonymous', 401],
    ['tiepnhan', 403],
  ] as const)('refuses %s with %i', async (who, status) => {
    expect((await call(who, 'POST', '/api/v1/procedures/imports', { procedures: [] })).statusCode).toBe(status);
  });

  it('refuses to import into another province’s catalog', async () => {
    const response = await call('hanoi', 'POST', '/api/v1/procedures/imports?catalog=33', { procedures: [] });
    expect(response.statusCode).toBe(403);
  });

  it('imports into the caller’s province, reporting rejected rows without stopping', async () => {
    const body = { procedures: [...records.slice(100, 105), { code: '1.x', name: 'Hỏng' }] };
    const response = await call('qttinh', 'POST', '/api/v1/procedures/imports?fileName=thu.json', body);
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({
      catalog: '33',
      fileName: 'thu.json',
      status: 'completed',
      totals: { rows: 6, created: 5, rejected: 1 },
    });
    importId = report.id;
    const rows = await call('qttinh', 'GET', `/api/v1/procedures/imports/${importId}/rows?outcome=rejected`);
    expect(rows.statusCode).toBe(200);
    expect(rows.json()).toMatchObject({ total: 1, items: [{ rowNo: 6, code: '1.x', outcome: 'rejected' }] });
    expect(rows.json().items[0].issues[0]).toMatchObject({
      code: 'CODE_MALFORMED',
      severity: 'error',
      message: { vi: expect.stringContaining('Mã thủ tục'), en: expect.stringContaining('Procedure code') },
    });
  });

  it('reads the import report: its managers yes, the same province’s receptionist 403, another province 404', async () => {
    expect((await call('qttinh', 'GET', `/api/v1/procedures/imports/${importId}`)).json().totals.created).toBe(5);
    expect((await call('tiepnhan', 'GET', `/api/v1/procedures/imports/${importId}`)).statusCode).toBe(403);
    expect((await call('hanoi', 'GET', `/api/v1/procedures/imports/${importId}`)).statusCode).toBe(404);
    expect((await call('hanoi', 'GET', `/api/v1/procedures/imports/${importId}/rows`)).statusCode).toBe(404);
    expect((await call('anonymous', 'GET', `/api/v1/procedures/imports/${importId}`)).statusCode).toBe(401);
    const unknown = await call('qttinh', 'GET', '/api/v1/procedures/imports/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    // National imports (by the operator) are readable by every province administrator.
    expect((await call('hanoi', 'GET', `/api/v1/procedures/imports/${nationalImportId}`)).statusCode).toBe(200);
    expect((await call('tiepnhan', 'GET', `/api/v1/procedures/imports/${nationalImportId}`)).statusCode).toBe(403);
  });

  it('answers 422 IMPORT_FILE_INVALID for a body that is not a catalog', async () => {
    const response = await call('qttinh', 'POST', '/api/v1/procedures/imports', { items: [] });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    expect(response.json().detail).toContain('procedures');
  });

  it('accepts a body larger than the general 1 MB limit', async () => {
    const body = { procedures: records.slice(200, 700) };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(1024 * 1024);
    const response = await call('qttinh', 'POST', '/api/v1/procedures/imports', body);
    expect(response.statusCode).toBe(201);
    expect(response.json().totals.processed).toBe(500);
  });
});

describe('GET /api/v1/procedures/export', () => {
  it('streams the current versions; importing the export back changes nothing', async () => {
    const response = await call('anonymous', 'GET', '/api/v1/procedures/export?catalog=33');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const exported = response.json();
    expect(exported).toMatchObject({ format: 'motcua.procedures.v1', catalog: '33' });
    const published = (await call('anonymous', 'GET', '/api/v1/procedures?catalog=33&pageSize=1')).json().total;
    expect(exported.procedures).toHaveLength(published);
    expect(exported.procedures.find((p: { code: string }) => p.code === '1.001193')).toMatchObject({ versionNo: 2 });
    const back = await call('qttinh', 'POST', '/api/v1/procedures/imports?catalog=33', exported);
    expect(back.json().totals).toMatchObject({ unchanged: published, created: 0, updated: 0, rejected: 0 });
  });
});
