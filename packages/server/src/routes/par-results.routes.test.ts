import { insertAgency, insertUser, insertUserRole } from '@motcua/db';
import { foldVietnamese } from '@motcua/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { seedWorld, signIn, TEST_PASSWORD, type World } from '../testing/fixtures.js';
import { seedTestParRound } from '../testing/par-rounds.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { multipartFile } from '../usecases/portal/test-support.js';

let t: TestApp;
let world: World;
const ids: Record<string, string> = {};
let round2014 = '';
let round2015 = '';
let openRound = '';

const headersOf = async (who: string) => (await signIn(t.app, who)).headers;

/** Leaf points of a unit totalling `total` hundredths over the four leaves (20, 20, 30, 30 points). */
const spread = (a: number, b: number, c: number, d: number) => ({ '1.1': a, '1.2': b, '3.1': c, '3.2': d });

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-23T09:00:00+07:00') });
  world = await seedWorld(t);
  const province = world.agencies.province;
  for (const [index, [key, name]] of (
    [
      ['office', 'Văn phòng UBND tỉnh'],
      ['labour', 'Sở Lao động, Thương binh và Xã hội'],
      ['health', 'Sở Y tế'],
    ] as const
  ).entries()) {
    const agency = await insertAgency(
      t.database.db,
      {
        code: `000.9${index}.00.H31`,
        name,
        kind: 'province_department',
        parentId: province?.id ?? null,
        provinceCode: '33',
        adminUnitCode: null,
        adminUnitLevel: null,
        validFrom: '2025-07-01',
        searchText: foldVietnamese(name),
      },
      province?.path ?? null,
    );
    ids[key] = agency.id;
  }
  ids.justice = world.agencies.justice?.id ?? '';
  ids.construction = world.agencies.construction?.id ?? '';
  // The organiser (Sở Nội vụ's role, held here at the province's committee).
  const organiser = await insertUser(t.database.db, {
    username: 'cchc',
    fullName: 'Tổ chức Chỉ số CCHC',
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(TEST_PASSWORD),
    provinceCode: '33',
    now: new Date(),
  });
  await insertUserRole(t.database.db, {
    userId: organiser?.id ?? '',
    agencyId: province?.id ?? '',
    role: 'par_organiser',
    includeSubagencies: true,
    grantedBy: null,
  });

  // 2014: Sở LĐTBXH last of five.
  round2014 = await seedTestParRound(t, {
    provinceCode: '33',
    year: 2014,
    units: [
      { agencyId: ids.office ?? '', points: spread(2000, 2000, 2500, 2500) },
      { agencyId: ids.justice, points: spread(1800, 1800, 2400, 2400) },
      { agencyId: ids.construction, points: spread(1700, 1700, 2300, 2300) },
      { agencyId: ids.health ?? '', points: spread(1600, 1600, 2200, 2200) },
      { agencyId: ids.labour ?? '', points: spread(1500, 1500, 2000, 2000) },
    ],
  });
  // 2015: "Sở LĐTBXH … 88,78 điểm, xếp hạng II trong khối, chỉ đứng sau Văn phòng UBND tỉnh (90,44 điểm)";
  // Sở Tư pháp and Sở Xây dựng tie at 80,00 % (Xây dựng without area 3: 32 of 40 points), Sở Y tế fifth.
  round2015 = await seedTestParRound(t, {
    provinceCode: '33',
    year: 2015,
    units: [
      { agencyId: ids.office ?? '', points: spread(2000, 1900, 2644, 2500) },
      { agencyId: ids.labour ?? '', points: spread(1900, 1978, 2400, 2500), bonus: 100 },
      { agencyId: ids.justice, points: spread(2000, 2000, 2000, 2000) },
      { agencyId: ids.construction, excludedCodes: ['3'], points: spread(1600, 1600, 3000, 3000) },
      { agencyId: ids.health ?? '', points: spread(1500, 1500, 2000, 2000) },
    ],
  });
  openRound = await seedTestParRound(t, {
    provinceCode: '33',
    year: 2026,
    stage: 'appraisal_1',
    units: [{ agencyId: ids.justice, points: spread(1000, 1000, 1000, 1000) }],
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const publish = async (id: string, body: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/par/results/rounds/${id}/publication`,
    headers: await headersOf('cchc'),
    payload: body,
  });

describe('PAR Index results', () => {
  it('shows a round before publication to the organiser only, computed from the scores so far', async () => {
    const organiser = await t.app.inject({
      url: `/api/v1/par/results/rounds/${round2015}`,
      headers: await headersOf('cchc'),
    });
    expect(organiser.statusCode, organiser.body).toBe(200);
    expect(organiser.json().published).toBe(false);
    const approver = await t.app.inject({
      url: `/api/v1/par/results/rounds/${round2015}`,
      headers: await headersOf('lanhdao'),
    });
    expect(approver.statusCode).toBe(403);
    const anonymous = await t.app.inject({ url: '/api/v1/public/par/results?province=33&year=2015' });
    expect(anonymous.statusCode).toBe(404);
  });

  it('publishes after the council, idempotently, and refuses another decision or a round not at the council', async () => {
    const first = await publish(round2014, {
      expectedVersion: 1,
      decisionNumber: '150/QĐ-UBND',
      decisionDate: '2015-03-02',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ units: 5, replayed: false, round: { stage: 'published', version: 2 } });
    const again = await publish(round2014, {
      expectedVersion: 1,
      decisionNumber: '150/QĐ-UBND',
      decisionDate: '2015-03-02',
    });
    expect(again.json()).toMatchObject({ replayed: true });
    const other = await publish(round2014, {
      expectedVersion: 2,
      decisionNumber: '151/QĐ-UBND',
      decisionDate: '2015-03-02',
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('PAR_ROUND_ALREADY_PUBLISHED');
    const stale = await publish(round2015, {
      expectedVersion: 3,
      decisionNumber: '160/QĐ-UBND',
      decisionDate: '2016-02-24',
    });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const early = await publish(openRound, {
      expectedVersion: 1,
      decisionNumber: '1/QĐ-UBND',
      decisionDate: '2027-03-01',
    });
    expect(early.json().code).toBe('PAR_ROUND_NOT_AT_COUNCIL');
    const ok = await publish(round2015, {
      expectedVersion: 1,
      decisionNumber: '160/QĐ-UBND',
      decisionDate: '2016-02-24',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('reproduces the published ranking: 90,44 ⇒ I, 88,78 ⇒ II "từ cuối bảng", a tie at 80 % and the skip', async () => {
    const response = await t.app.inject({ url: '/api/v1/public/par/results?province=33&year=2015' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.round).toMatchObject({ year: 2015, decisionNumber: '160/QĐ-UBND', stage: 'published' });
    const units = body.groups[0].units as {
      unitName: string;
      points: number;
      applicableMax: number;
      indexBp: number;
      rank: number;
      band: string;
      bonusPoints: number;
      change: { rankPhrase: { vi: string } };
    }[];
    expect(units.map((u) => [u.unitName, u.points, u.applicableMax, u.indexBp, u.rank])).toEqual([
      ['Văn phòng UBND tỉnh', 9044, 10_000, 9044, 1],
      ['Sở Lao động, Thương binh và Xã hội', 8878, 10_000, 8878, 2],
      ['Sở Tư pháp tỉnh Hưng Yên', 8000, 10_000, 8000, 3],
      [world.agencies.construction?.name, 3200, 4000, 8000, 3],
      ['Sở Y tế', 7000, 10_000, 7000, 5],
    ]);
    // 87,78 of the leaves + 1 bonus point.
    expect(units[1]?.bonusPoints).toBe(100);
    expect(units[1]?.change.rankPhrase.vi).toBe('Từ cuối bảng lên hạng II');
    expect(units[0]?.change.rankPhrase.vi).toBe('Giữ nguyên hạng I');
    expect(units.map((u) => u.band)).toEqual(['Tốt', 'Tốt', 'Tốt', 'Tốt', 'Khá']);
    const profile = await t.app.inject({ url: `/api/v1/public/par/units/${ids.labour}` });
    expect(
      profile.json().years.map((y: { year: number; rank: number; groupSize: number }) => [y.year, y.rank, y.groupSize]),
    ).toEqual([
      [2015, 2, 5],
      [2014, 5, 5],
    ]);
  });

  it('exports the summary table (Excel) and the appendix (PDF)', async () => {
    const xlsx = await t.app.inject({ url: '/api/v1/public/par/results/summary.xlsx?province=33&year=2015' });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell(4, 1).value).toBe('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2015');
    expect(sheet?.getRow(9).values).toEqual([
      undefined,
      2,
      'Sở Lao động, Thương binh và Xã hội',
      38.78,
      49,
      88.78,
      100,
      88.78,
      'II',
      'Tốt',
      'Từ cuối bảng lên hạng II',
    ]);
    const pdf = await t.app.inject({
      url: `/api/v1/par/results/rounds/${round2015}/appendix.pdf`,
      headers: await headersOf('lanhdao'),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the organiser the progress of an open round, late units marked', async () => {
    const response = await t.app.inject({
      url: `/api/v1/par/results/rounds/${openRound}/progress`,
      headers: await headersOf('cchc'),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().units).toEqual([
      expect.objectContaining({
        agencyId: ids.justice,
        status: 'self_draft',
        late: true,
        scoredLeaves: 4,
        applicableLeaves: 4,
      }),
    ]);
  });

  it('takes the national table all or nothing, row by row, and places the province in it', async () => {
    const headers = await headersOf('cchc');
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/par/results/national/2023',
      headers,
      payload: {
        source: 'Bộ Nội vụ, 2024',
        rows: [
          { provinceCode: '14', provinceName: 'Sơn La', points: '81,93', rank: 1 },
          { provinceCode: '14', provinceName: 'Sơn La', points: '120' },
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual([
      [2, 'PROVINCE_CODE_DUPLICATE'],
      [2, 'POINTS_OVER_MAXIMUM'],
    ]);
    const none = await t.app.inject({ url: '/api/v1/public/par/national?province=33&year=2023' });
    expect(none.json().rows).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Xếp hạng');
    sheet.addRow(['CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC TỈNH']);
    sheet.addRow(['Xếp hạng', 'Mã tỉnh', 'Tỉnh, thành phố', 'Điểm']);
    sheet.addRow([1, '22', 'Quảng Ninh', 91.5]);
    sheet.addRow([2, '33', 'Hưng Yên', 85]);
    sheet.addRow([2, '01', 'Hà Nội', '85,00']);
    sheet.addRow([4, '14', 'Sơn La', 81.93]);
    const file = multipartFile(
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'xep-hang-2023.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/par/results/national/2023/import',
      headers: { ...headers, ...file.headers },
      payload: file.payload,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().own).toEqual({ rank: 2, of: 4, points: 8500, phrase: 'Hưng Yên đạt 85 điểm, xếp thứ 2/4' });
    expect(
      imported.json().rows.map((r: { provinceCode: string; rank: number }) => `${r.provinceCode}:${r.rank}`),
    ).toEqual(['22:1', '01:2', '33:2', '14:4']);
  });
});
