import { freezeCriteriaSet, listCriteriaSets } from '@motcua/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile } from '../usecases/portal/test-support.js';

let t: TestApp;
/** A draft that stays a draft (freezing it must fail). */
let spareDraftId = '';
const sessions: Record<string, Record<string, string>> = {};
const BASE = '/api/v1/par/criteria-sets';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-23T09:00:00+07:00') });
  await seedWorld(t);
  for (const who of ['sonoivu', 'daumoicchc', 'hanoi', 'qttinh']) {
    sessions[who] = (await signIn(t.app, who)).headers;
  }
  const created = await t.app.inject({
    method: 'POST',
    url: BASE,
    headers: sessions.sonoivu,
    payload: { year: 2025, unitGroup: 'commune', title: 'Nháp' },
  });
  spareDraftId = created.json().id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const HEADER = [
  'STT',
  'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
  'Điểm tối đa',
  'Cách chấm điểm',
  'Tài liệu kiểm chứng',
  'Điều tra XHH (x)',
  'Không áp dụng cho',
  'Số liệu từ hệ thống',
];

/** A workbook as a province publishes it: a title row, the header, the tree; and the caps sheet. */
const workbook = async (rows: (string | number)[][], caps: (string | number)[][] = []): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  const sheet = book.addWorksheet('Bộ tiêu chí');
  sheet.addRows([['BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CỦA CÁC SỞ, BAN, NGÀNH'], HEADER, ...rows]);
  if (caps.length > 0) {
    book.addWorksheet('Điểm thưởng, điểm trừ').addRows([['Loại', 'Điểm tối đa'], ...caps]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
};

const GOOD_ROWS: (string | number)[][] = [
  ['I', 'Công tác chỉ đạo, điều hành CCHC', '6', '', '', '', '', ''],
  ['1.1', 'Kế hoạch CCHC năm', '2,5', 'Ban hành trước 31/12: 2,5 điểm', 'Kế hoạch', '', '', ''],
  ['1.2', 'Kết quả thực hiện kế hoạch', '3.5', '', '', '', '', ''],
  ['1.2.1', 'Hoàn thành 100% nhiệm vụ', '2', '', '', '', '', ''],
  ['1.2.2', 'Đánh giá của người dân', '1,5', '', '', 'x', '', ''],
  ['II', 'Cải cách thủ tục hành chính', '4', '', '', '', '', ''],
  ['2.1', 'Giải quyết hồ sơ đúng hạn', '4', 'Tỷ lệ đúng hạn × 4', '', '', 'no_procedures', 'dossier_on_time_rate'],
];

const importSheet = (
  who: string,
  content: Buffer,
  query = 'year=2026&unitGroup=department&title=Bộ tiêu chí sở 2026',
) => {
  const file = multipartFile(content, 'bo-tieu-chi.xlsx', XLSX);
  return t.app.inject({
    method: 'POST',
    url: `${BASE}/import?${encodeURI(query)}`,
    headers: { ...sessions[who], ...file.headers },
    payload: file.payload,
  });
};

const countSets = async () => (await listCriteriaSets(t.database.db, { provinceCode: '33', limit: 1000 })).length;

type Detail = {
  id: string;
  status: string;
  rowVersion: number;
  totalMax: number;
  bonusCap: number;
  penaltyCap: number;
  canPublish: boolean;
  issues: { code: string; nodeCode: string | null; message: { vi: string } }[];
  criteria: {
    code: string;
    maxPoints: number;
    surveyScored: boolean;
    systemMeasure: string | null;
    notApplicableTo: string[];
    isLeaf: boolean;
    title: string;
  }[];
};

describe('criteria sets from a spreadsheet', () => {
  it('refuses a bad sheet row by row and imports nothing', async () => {
    const before = await countSets();
    const response = await importSheet(
      'sonoivu',
      await workbook([
        ['1', 'Công tác chỉ đạo', '10', '', '', '', '', ''],
        ['1.1', 'Kế hoạch', '', '', '', '', '', ''],
        ['1.2', 'Báo cáo', '12', '', '', '', '', ''],
        ['1.2', 'Trùng mã', '2', '', '', '', '', ''],
      ]),
    );
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('PAR_SET_SHEET_INVALID');
    expect(problem.rows.map((r: { rowNumber: number; code: string }) => [r.rowNumber, r.code])).toEqual([
      [3, 'SUM_MISMATCH'],
      [4, 'MAX_MISSING'],
      [5, 'CHILD_OVER_PARENT'],
      [6, 'CODE_DUPLICATE'],
    ]);
    expect(problem.rows[1].message.vi).toBe('Thiếu điểm tối đa.');
    expect(await countSets()).toBe(before);
  });

  it('refuses a file that is not a workbook', async () => {
    const response = await importSheet('sonoivu', Buffer.from('STT,Tên\n1,x\n'));
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('PAR_SET_FILE_UNREADABLE');
  });

  let importedId = '';
  it('imports a good sheet as a new draft, and exporting it then importing the file gives the same tree', async () => {
    const response = await importSheet(
      'sonoivu',
      await workbook(GOOD_ROWS, [
        ['Điểm thưởng', '2'],
        ['Điểm trừ', 1.5],
      ]),
    );
    expect(response.statusCode, response.body).toBe(201);
    const set = response.json() as Detail;
    importedId = set.id;
    expect(set.status).toBe('draft');
    expect(set.totalMax).toBe(1000);
    expect([set.bonusCap, set.penaltyCap]).toEqual([200, 150]);
    expect(set.issues).toEqual([]);
    expect(set.canPublish).toBe(true);
    expect(set.criteria.map((c) => [c.code, c.maxPoints, c.isLeaf])).toEqual([
      ['1', 600, false],
      ['1.1', 250, true],
      ['1.2', 350, false],
      ['1.2.1', 200, true],
      ['1.2.2', 150, true],
      ['2', 400, false],
      ['2.1', 400, true],
    ]);
    expect(set.criteria.find((c) => c.code === '2.1')).toMatchObject({
      systemMeasure: 'dossier_on_time_rate',
      notApplicableTo: ['no_procedures'],
    });

    const exported = await t.app.inject({ url: `${BASE}/${set.id}/export.xlsx`, headers: sessions.daumoicchc });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    const again = await importSheet('sonoivu', exported.rawPayload, 'year=2027&unitGroup=department&title=Bản sao');
    expect(again.statusCode, again.body).toBe(201);
    const copy = again.json() as Detail;
    const strip = (d: Detail) => ({
      criteria: d.criteria,
      totalMax: d.totalMax,
      bonusCap: d.bonusCap,
      penaltyCap: d.penaltyCap,
    });
    expect(strip(copy)).toEqual(strip(set));
  });

  it('lets the focal officer read but not write, and hides the province from another', async () => {
    expect((await t.app.inject({ url: `${BASE}/${importedId}`, headers: sessions.daumoicchc })).statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'PATCH',
      url: `${BASE}/${importedId}`,
      headers: sessions.daumoicchc,
      payload: { expectedVersion: 1, title: 'x' },
    });
    expect(write.statusCode).toBe(403);
    expect((await t.app.inject({ url: `${BASE}/${importedId}`, headers: sessions.hanoi })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `${BASE}?province=33`, headers: sessions.qttinh })).statusCode).toBe(403);
  });
});

describe('a draft edited in the console, published, frozen', () => {
  let set: Detail;
  const edit = async (body: object, expectedVersion = set.rowVersion) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/${set.id}/criteria`,
      headers: sessions.sonoivu,
      payload: { expectedVersion, edit: body },
    });
    if (response.statusCode === 200) {
      set = response.json();
    }
    return response;
  };
  const fields = (title: string, maxPoints: number) => ({
    title,
    maxPoints,
    scoringRule: null,
    evidenceRequired: null,
    surveyScored: false,
    systemMeasure: null,
    notApplicableTo: [],
  });

  it('builds a national provincial set node by node, its parents summed live', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: BASE,
      headers: sessions.sonoivu,
      payload: { year: 2026, unitGroup: 'province', title: 'Chỉ số CCHC cấp tỉnh 2026' },
    });
    expect(created.statusCode).toBe(201);
    set = created.json();
    expect(set.issues.map((i) => i.code)).toEqual(['EMPTY']);
    expect((await edit({ kind: 'add', parentCode: null, fields: fields('Lĩnh vực 1', 0) })).json().editedCode).toBe(
      '1',
    );
    expect((await edit({ kind: 'add', parentCode: '1', fields: fields('Tiêu chí 1.1', 6000) })).statusCode).toBe(200);
    await edit({ kind: 'add', parentCode: null, fields: fields('Lĩnh vực 2', 0) });
    await edit({ kind: 'add', parentCode: '2', fields: fields('Khảo sát', 3000) });
    expect(set.criteria.map((c) => [c.code, c.maxPoints])).toEqual([
      ['1', 6000],
      ['1.1', 6000],
      ['2', 3000],
      ['2.1', 3000],
    ]);
    // The national index is on 100 points: 90 are refused.
    expect(set.issues.map((i) => i.code)).toEqual(['TOTAL_MISMATCH']);
    const refused = await t.app.inject({
      method: 'POST',
      url: `${BASE}/${set.id}/publish`,
      headers: sessions.sonoivu,
      payload: { expectedVersion: set.rowVersion, decisionNumber: '876/QĐ-BNV', decisionDate: '2022-11-10' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().issues[0].message.vi).toBe('Tổng điểm tối đa các lĩnh vực là 90, không bằng thang điểm 100.');
    await edit({ kind: 'update', code: '2.1', fields: { maxPoints: 4000, surveyScored: true } });
    expect(set.canPublish).toBe(true);
  });

  it('refuses a stale version and an impossible edit', async () => {
    const stale = await edit({ kind: 'delete', code: '1.1' }, set.rowVersion - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const deep = await edit({ kind: 'move', code: '1', parentCode: '2.1', index: 0 });
    expect(deep.statusCode).toBe(422);
    expect(deep.json()).toMatchObject({ code: 'PAR_SET_EDIT_REFUSED', refusal: 'TOO_DEEP' });
  });

  it('publishes with the decision, then refuses edits; a second set of the year waits as a draft', async () => {
    const published = await t.app.inject({
      method: 'POST',
      url: `${BASE}/${set.id}/publish`,
      headers: sessions.sonoivu,
      payload: { expectedVersion: set.rowVersion, decisionNumber: '12/QĐ-UBND', decisionDate: '2026-01-15' },
    });
    expect(published.statusCode, published.body).toBe(200);
    set = published.json();
    expect(set).toMatchObject({ status: 'published', totalMax: 10_000 });
    const late = await edit({ kind: 'delete', code: '1.1' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('PAR_SET_NOT_DRAFT');

    const copy = await t.app.inject({
      method: 'POST',
      url: BASE,
      headers: sessions.sonoivu,
      payload: { year: 2026, unitGroup: 'province', title: 'Bản sửa đổi', copyFromId: set.id },
    });
    expect(copy.statusCode).toBe(201);
    const draft = copy.json() as Detail & { version: number };
    expect(draft.version).toBe(2);
    expect(draft.criteria.map((c) => c.code)).toEqual(['1', '1.1', '2', '2.1']);
    const second = await t.app.inject({
      method: 'POST',
      url: `${BASE}/${draft.id}/publish`,
      headers: sessions.sonoivu,
      payload: { expectedVersion: draft.rowVersion, decisionNumber: '13/QĐ-UBND', decisionDate: '2026-02-01' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('PAR_SET_IN_FORCE');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `${BASE}/${draft.id}?expectedVersion=${draft.rowVersion}`,
      headers: sessions.sonoivu,
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ url: `${BASE}/${draft.id}`, headers: sessions.sonoivu })).statusCode).toBe(404);
  });

  it('freezes a published set in the caller’s transaction, never a draft', async () => {
    const frozen = await t.database.db.transaction().execute((trx) => freezeCriteriaSet(trx, set.id));
    expect(frozen?.status).toBe('frozen');
    const again = await t.database.db.transaction().execute((trx) => freezeCriteriaSet(trx, set.id));
    expect(again?.rowVersion).toBe(frozen?.rowVersion);
    const draft = await t.database.db.transaction().execute((trx) => freezeCriteriaSet(trx, spareDraftId));
    expect(draft).toBeUndefined();
  });

  it('lists sets newest year first in keyset pages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `${BASE}?province=33&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.app.inject({ url: query, headers: sessions.sonoivu })).json();
      seen.push(
        ...page.items.map(
          (s: { year: number; unitGroup: string; version: number }) => `${s.year} ${s.unitGroup} ${s.version}`,
        ),
      );
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => Number(b.slice(0, 4)) - Number(a.slice(0, 4)) || 0));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await countSets());
    expect((await t.app.inject({ url: `${BASE}?cursor=bad`, headers: sessions.sonoivu })).statusCode).toBe(400);
  });
});
