/**
 * Import + report reproduces published figures (reference-data/one-stop-stats-reference.csv): the
 * rows are synthetic, built in the documented import format (docs/import-format.md) to match a
 * published row; the statistics API must then return exactly the published totals and rates.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertAgency, insertUser, insertUserRole, listDossierImportIssues } from '@motcua/db';
import { foldVietnamese } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/passwords.js';
import { signIn, TEST_PASSWORD } from '../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../testing/test-app.js';
import { readImportFile, runDossierImport } from './import.js';

let t: TestApp;
let dir: string;

/** A province administrator of a province (pre-2025 codes: 26 Vĩnh Phúc, 68 Lâm Đồng). */
const createProvinceAdmin = async (province: string, username: string, code: string, name: string) => {
  const agency = await insertAgency(
    t.database.db,
    {
      code,
      name,
      kind: 'province_committee',
      parentId: null,
      provinceCode: province,
      adminUnitCode: null,
      adminUnitLevel: null,
      validFrom: '2019-01-01',
      searchText: foldVietnamese(name),
    },
    null,
  );
  const user = await insertUser(t.database.db, {
    username,
    fullName: `Quản trị ${name}`,
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(TEST_PASSWORD),
    provinceCode: province,
    now: new Date(),
  });
  if (!user) {
    throw new Error('user');
  }
  await insertUserRole(t.database.db, {
    userId: user.id,
    agencyId: agency.id,
    role: 'province_admin',
    includeSubagencies: true,
    grantedBy: null,
  });
};

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-23T09:00:00+07:00') });
  dir = mkdtempSync(join(tmpdir(), 'motcua-import-'));
  await createProvinceAdmin('26', 'qtvinhphuc', '000.00.00.H62', 'Ủy ban nhân dân tỉnh Vĩnh Phúc');
  await createProvinceAdmin('68', 'qtlamdong', '000.00.00.H36', 'Ủy ban nhân dân tỉnh Lâm Đồng');
}, 120_000);

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = async (username: string, query: string) => {
  const session = await signIn(t.app, username);
  const response = await t.app.inject({ url: `/api/v1/reports/statistics?${query}`, headers: session.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const importFile = async (path: string, province?: string, batchSize = 20_000) =>
  runDossierImport(t.database.db, {
    records: readImportFile(path),
    provinceCode: province,
    fileName: path,
    actorUserId: null,
    now: new Date(),
    batchSize,
  });

/** A deterministic shuffle (so carried-over and new dossiers share every outcome). */
const shuffle = <T>(items: T[], seed = 7): T[] => {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
};

describe('Vĩnh Phúc, Trung tâm PVHCC tỉnh, 09/2021 (vinhphuc.gov.vn ItemID=3158)', () => {
  it('reproduces received 4.131, carried over 2.171, total 6.302, online 1.598, 4.157 early/on time, 12 late = 99,71% / 0,29%', async () => {
    // Published: late = returned late + overdue without result (12 = 5 + 7); 90 returned/withdrawn.
    const outcomes = shuffle([
      ...Array<string>(3000).fill('early'),
      ...Array<string>(1157).fill('on_time'),
      ...Array<string>(5).fill('late'),
      ...Array<string>(7).fill('overdue'),
      ...Array<string>(90).fill('withdrawn'),
      ...Array<string>(2043).fill('open'),
    ]);
    const header =
      'Mã hồ sơ,Cơ quan giải quyết,Mã cơ quan,Nơi tiếp nhận mã,Cấp,Mã TTHC,Lĩnh vực,Kênh thực hiện,Trạng thái,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ngày trả,Ngày kết thúc,Kết quả';
    const departments = [
      ['000.00.01.H62', 'Sở Tư pháp tỉnh Vĩnh Phúc', 'Lý lịch tư pháp'],
      ['000.00.05.H62', 'Sở Tài nguyên và Môi trường tỉnh Vĩnh Phúc', 'Đất đai'],
      ['000.00.07.H62', 'Sở Kế hoạch và Đầu tư tỉnh Vĩnh Phúc', 'Thành lập và hoạt động của doanh nghiệp'],
    ] as const;
    const lines = [header];
    let online = 0;
    outcomes.forEach((outcome, i) => {
      const carried = i < 2171;
      const [agencyCode, agencyName, field] = departments[i % 3] ?? departments[0];
      // New dossiers: online for the first 1.598, then in person, a few by post.
      let channel = carried ? '1' : 'Trực tiếp';
      if (!carried && online < 1598) {
        channel = i % 2 === 0 ? '2' : 'trực tuyến';
        online += 1;
      } else if (!carried && i % 97 === 0) {
        channel = 'Bưu chính công ích';
      }
      const received = carried
        ? '25/08/2021 09:00'
        : i % 2 === 0
          ? `0${1 + (i % 3)}/09/2021 08:30`
          : `2021-09-0${1 + (i % 3)}T08:30:00+07:00`;
      let row: string[];
      switch (outcome) {
        case 'early':
          row = [
            i % 4 === 0 ? '10' : '9',
            received,
            '20/09/2021 17:00',
            '06/09/2021 10:00',
            i % 4 === 0 ? '07/09/2021 09:00' : '',
            '',
            i % 5 === 0 ? 'Trước hạn' : '',
          ];
          break;
        case 'on_time':
          row = ['Đã trả kết quả', received, '16/09/2021 17:00', '16/09/2021 10:00', '17/09/2021 08:00', '', ''];
          break;
        case 'late':
          row = ['10', received, '10/09/2021 17:00', '13/09/2021 09:00', '14/09/2021 09:00', '', 'Quá hạn'];
          break;
        case 'overdue':
          row = ['4', received, '20/09/2021 17:00', '', '', '', ''];
          break;
        case 'withdrawn':
          row = ['7', received, '20/09/2021 17:00', '', '', '15/09/2021 10:00', ''];
          break;
        default:
          row = ['Đang xử lý', received, '15/10/2021', '', '', '', ''];
      }
      const [status, ...dates] = row;
      lines.push(
        [
          `000.00.10.H62-${carried ? '210825' : '210901'}-${String(i + 1).padStart(4, '0')}`,
          agencyName,
          agencyCode,
          '000.00.10.H62',
          'tỉnh',
          '1.001193',
          field,
          channel,
          status,
          ...dates,
        ].join(','),
      );
    });
    const path = join(dir, 'vinh-phuc-2021-09.csv');
    writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
    const result = await importFile(path, '26');
    expect(result.totals).toMatchObject({ rows: 6302, imported: 6302, rejected: 0 });
    expect(result.totals.issues.map((i) => i.code)).toContain('AGENCY_NOT_IN_MOTCUA');

    const r = await report('qtvinhphuc', 'scope=province&province=26&from=2021-09-01&to=2021-09-30');
    expect(r.totals).toMatchObject({
      receivedNew: 4131,
      carriedOver: 2171,
      totalToProcess: 6302,
      receivedOnline: 1598,
      resolvedLate: 5,
      inProgressOverdue: 7,
      withdrawn: 90,
    });
    expect(r.totals.resolvedEarly + r.totals.resolvedOnTime).toBe(4157);
    // "99,71%" and "0,29%": on the base of dossiers resolved plus those overdue without a result (4.169).
    expect(r.totals.percentages.earlyOrOnTimeOfDue).toMatchObject({
      value: 99.71,
      text: '99,71%',
      numerator: 4157,
      base: 4169,
    });
    expect(r.totals.percentages.lateOfDue).toMatchObject({ value: 0.29, text: '0,29%', numerator: 12, base: 4169 });
    // Drill-down to the imported dossiers behind a figure, page by page.
    const session26 = await signIn(t.app, 'qtvinhphuc');
    const drill = async (figure: string, cursor?: string) =>
      (
        await t.app.inject({
          url: `/api/v1/reports/dossiers?scope=province&province=26&period=2021-09&figure=${figure}&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
          headers: session26.headers,
        })
      ).json();
    const overdue = await drill('in_progress_overdue');
    expect(overdue.items).toHaveLength(7);
    expect(overdue.items[0]).toMatchObject({ source: 'history', status: 'open' });
    const first = await drill('withdrawn');
    const second = await drill('withdrawn', first.nextCursor);
    expect(first.items).toHaveLength(50);
    expect(second.items).toHaveLength(40);
    expect(new Set([...first.items, ...second.items].map((d: { code: string }) => d.code)).size).toBe(90);
    // Re-importing the same file replaces the rows: the figures do not move.
    const again = await importFile(path, '26');
    expect(again.totals).toMatchObject({ imported: 6302, replaced: 6302, created: 0 });
    const r2 = await report('qtvinhphuc', 'scope=province&province=26&period=2021-09');
    expect(r2.totals).toEqual(r.totals);
    // Another province's administrator sees none of it.
    const session = await signIn(t.app, 'qtlamdong');
    const denied = await t.app.inject({
      url: '/api/v1/reports/statistics?scope=province&province=26',
      headers: session.headers,
    });
    expect(denied.statusCode).toBe(403);
  }, 120_000);
});

/**
 * Lâm Đồng, 2020-Q1, as published by level (province + district + commune = 659.245 received): each
 * level's units and how its dossiers ended.
 */
type Level = {
  level: string;
  prefix: string;
  units: number;
  carried: number;
  early: number;
  onTime: number;
  late: number;
  noDeadline: number;
  notDue: number;
  overdue: number;
  withdrawn: number;
};
const LAM_DONG_LEVELS: Level[] = [
  {
    level: 'tinh',
    prefix: 'H36',
    units: 20,
    carried: 5,
    early: 40_853,
    onTime: 10_214,
    late: 708,
    noDeadline: 0,
    notDue: 2672,
    overdue: 128,
    withdrawn: 0,
  },
  {
    level: 'huyen',
    prefix: 'H36.H',
    units: 12,
    carried: 0,
    early: 259_129,
    onTime: 64_782,
    late: 5685,
    noDeadline: 0,
    notDue: 2436,
    overdue: 969,
    withdrawn: 7059,
  },
  {
    level: 'xa',
    prefix: 'H36.X',
    units: 140,
    carried: 0,
    early: 208_488,
    onTime: 52_122,
    late: 1284,
    noDeadline: 2,
    notDue: 842,
    overdue: 125,
    withdrawn: 1747,
  },
];

/** Writes the levels' dossiers as a CSV in the import format's English column names, streamed. */
const writeLamDongCsv = async (path: string, levels: Level[]): Promise<void> => {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) {
      await once(out, 'drain');
    }
  };
  await write(
    'code,agency_code,agency_name,agency_level,procedure_code,channel,status,received_at,due_at,completed_at,closed_at\n',
  );
  const days = ['02/12/2019', '16/12/2019', '06/01/2020', '13/01/2020', '03/02/2020', '10/02/2020'];
  const later = (day: string, add: number) => {
    const [d, m, y] = day.split('/').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d + add));
    return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
  };
  let n = 0;
  for (const level of levels) {
    const emit = async (count: number, make: (day: string) => string, fixedDay?: string) => {
      let chunk = '';
      for (let i = 0; i < count; i += 1) {
        n += 1;
        const unit = (n % level.units) + 1;
        const agency =
          level.level === 'tinh'
            ? `000.00.${String(unit).padStart(2, '0')}.H36`
            : `${level.prefix}.${String(unit).padStart(3, '0')}`;
        const day = fixedDay ?? days[n % days.length] ?? '02/12/2019';
        chunk += `LD-${n},${agency},Đơn vị ${level.level} ${unit},${level.level},1.00${n % 7},${n % 9 === 0 ? '2' : '1'},${make(day)}\n`;
        if (chunk.length > 1 << 16) {
          await write(chunk);
          chunk = '';
        }
      }
      await write(chunk);
    };
    await emit(level.carried, () => '10,25/11/2019 08:00,10/12/2019 17:00,02/12/2019 09:00,', '25/11/2019');
    await emit(level.early, (day) => `10,${day} 08:00,${later(day, 10)} 17:00,${later(day, 2)} 09:00,`);
    await emit(level.onTime, (day) => `9,${day} 08:00,${later(day, 7)} 17:00,${later(day, 7)} 09:00,`);
    await emit(level.late, (day) => `10,${day} 08:00,${later(day, 5)} 17:00,${later(day, 8)} 09:00,`);
    await emit(level.noDeadline, (day) => `10,${day} 08:00,,${later(day, 3)} 09:00,`);
    await emit(level.notDue, () => '4,20/02/2020 08:00,10/03/2020 17:00,,', '20/02/2020');
    await emit(level.overdue, () => '4,03/02/2020 08:00,17/02/2020 17:00,,', '03/02/2020');
    await emit(level.withdrawn, (day) => `7,${day} 08:00,${later(day, 10)} 17:00,,${later(day, 1)} 10:00`);
  }
  out.end();
  await once(out, 'finish');
};

/** The figures the levels add up to (the published report's definitions). */
const figuresOf = (levels: Level[]) => {
  const sum = (of: (level: Level) => number) => levels.reduce((total, level) => total + of(level), 0);
  return {
    rows: sum((l) => l.carried + l.early + l.onTime + l.late + l.noDeadline + l.notDue + l.overdue + l.withdrawn),
    receivedNew: sum((l) => l.early + l.onTime + l.late + l.noDeadline + l.notDue + l.overdue + l.withdrawn),
    resolved: sum((l) => l.carried + l.early + l.onTime + l.late + l.noDeadline),
    earlyOrOnTime: sum((l) => l.carried + l.early + l.onTime),
    resolvedLate: sum((l) => l.late),
    resolvedNoDeadline: sum((l) => l.noDeadline),
    inProgress: sum((l) => l.notDue + l.overdue),
    inProgressNotDue: sum((l) => l.notDue),
    inProgressOverdue: sum((l) => l.overdue),
  };
};

const onPostgres = Boolean(process.env.DATABASE_URL);

// The published size (659.250 rows) takes minutes on PGlite: it runs on the PostgreSQL pass; the
// PGlite pass imports the same file at 1/100 scale (below) through the same import and report code.
describe.skipIf(!onPostgres)('Lâm Đồng, whole province, 2020-Q1 (01/12/2019–29/02/2020; baolamdong.vn 2993657)', () => {
  it('reproduces 659.245 received, 643.272 resolved, 635.593 early/on time, 7.677 late = 98,81% / 1,19%, 7.172 in progress (5.950 + 1.222)', async () => {
    // Published by level (province + district + commune = 659.245 received). The whole-province row
    // gives 635.593 early/on time + 7.677 late = 643.270 of 643.272 resolved: the two others are
    // resolved dossiers of procedures without a time limit (here at commune level, so the commune
    // row has 260.610 early/on time where its own published row says 260.612 — a 2-dossier gap in
    // the source itself; its 99,51% is reproduced either way).
    const path = join(dir, 'lam-dong-2020-q1.csv');
    await writeLamDongCsv(path, LAM_DONG_LEVELS);
    const result = await importFile(path, '68');
    expect(result.totals).toMatchObject({ rows: 659_250, imported: 659_250, rejected: 0 });

    const whole = await report('qtlamdong', 'scope=province&province=68&from=2019-12-01&to=2020-02-29');
    expect(whole.totals).toMatchObject({
      receivedNew: 659_245,
      resolved: 643_272,
      resolvedLate: 7677,
      resolvedNoDeadline: 2,
      inProgress: 7172,
      inProgressNotDue: 5950,
      inProgressOverdue: 1222,
    });
    expect(whole.totals.resolvedEarly + whole.totals.resolvedOnTime).toBe(635_593);
    expect(whole.totals.percentages.earlyOrOnTime).toMatchObject({
      value: 98.81,
      text: '98,81%',
      numerator: 635_593,
      base: 643_272,
    });
    expect(whole.totals.percentages.late).toMatchObject({ value: 1.19, text: '1,19%', numerator: 7677, base: 643_272 });

    const byLevel = await report('qtlamdong', 'scope=province&province=68&from=2019-12-01&to=2020-02-29&groupBy=level');
    const row = (label: string) => byLevel.groups.find((g: { label: string }) => g.label === label).figures;
    expect(row('Cấp tỉnh')).toMatchObject({
      receivedNew: 54_575,
      resolved: 51_780,
      resolvedLate: 708,
      inProgress: 2800,
      inProgressNotDue: 2672,
      inProgressOverdue: 128,
    });
    expect(row('Cấp tỉnh').percentages.earlyOrOnTime.value).toBe(98.63);
    expect(row('Cấp tỉnh').percentages.late.value).toBe(1.37);
    expect(row('Cấp huyện')).toMatchObject({
      receivedNew: 340_060,
      resolved: 329_596,
      resolvedLate: 5685,
      inProgress: 3405,
    });
    expect(row('Cấp huyện').percentages.earlyOrOnTime.value).toBe(98.28);
    expect(row('Cấp xã')).toMatchObject({ receivedNew: 264_610, resolved: 261_896 });
    expect(row('Cấp xã').percentages.earlyOrOnTime.value).toBe(99.51);
  }, 900_000);
});

describe.skipIf(onPostgres)('Lâm Đồng at 1/100 scale: the same file, levels and outcomes on PGlite', () => {
  it('counts the whole province and each level as the levels add up, over several import batches', async () => {
    const levels = LAM_DONG_LEVELS.map((level) => {
      const scaled = { ...level };
      for (const key of [
        'carried',
        'early',
        'onTime',
        'late',
        'noDeadline',
        'notDue',
        'overdue',
        'withdrawn',
      ] as const) {
        scaled[key] = level[key] === 0 ? 0 : Math.max(1, Math.round(level[key] / 100));
      }
      return scaled;
    });
    const path = join(dir, 'lam-dong-2020-q1-scaled.csv');
    await writeLamDongCsv(path, levels);
    const expected = figuresOf(levels);
    // Batches of 1.000 rows: the import commits several and carries its counts across them.
    const result = await importFile(path, '68', 1000);
    expect(result.totals).toMatchObject({ rows: expected.rows, imported: expected.rows, rejected: 0 });

    const whole = await report('qtlamdong', 'scope=province&province=68&from=2019-12-01&to=2020-02-29');
    const { rows: _rows, earlyOrOnTime, ...figures } = expected;
    expect(whole.totals).toMatchObject(figures);
    expect(whole.totals.resolvedEarly + whole.totals.resolvedOnTime).toBe(earlyOrOnTime);
    expect(whole.totals.percentages.earlyOrOnTime).toMatchObject({ numerator: earlyOrOnTime, base: expected.resolved });
    expect(whole.totals.percentages.earlyOrOnTime.value).toBeCloseTo((100 * earlyOrOnTime) / expected.resolved, 2);
    expect(whole.totals.percentages.late).toMatchObject({ numerator: expected.resolvedLate, base: expected.resolved });

    const byLevel = await report('qtlamdong', 'scope=province&province=68&from=2019-12-01&to=2020-02-29&groupBy=level');
    const labels: Record<string, string> = { tinh: 'Cấp tỉnh', huyen: 'Cấp huyện', xa: 'Cấp xã' };
    for (const level of levels) {
      const row = byLevel.groups.find((g: { label: string }) => g.label === labels[level.level])?.figures;
      const { rows: _n, earlyOrOnTime: onTime, ...own } = figuresOf([level]);
      expect(row, level.level).toMatchObject(own);
      expect(row.percentages.earlyOrOnTime.value, level.level).toBeCloseTo((100 * onTime) / own.resolved, 2);
    }
  }, 300_000);
});

describe('validation, row by row', () => {
  it('numbers CSV problem rows as a spreadsheet shows them and counts each bad value once', async () => {
    const path = join(dir, 'dong-loi.csv');
    writeFileSync(
      path,
      [
        'Mã hồ sơ;Mã cơ quan;Kênh thực hiện;Trạng thái;Ngày tiếp nhận;Ngày hẹn trả;Mã TTHC',
        'L-1;000.00.01.H62;1;4;01/09/2021 08:30;20/09/2021;1.001193',
        '',
        'L-2;000.00.01.H62;1;4;32/08/2021;20/09/2021;1.001193',
        'L-3;000.00.01.H62;1;4;"02/09/2021\n08:30";20/09/2021;1.001193',
        'L-4;000.00.01.H62;1;4;;20/09/2021;1.001193',
      ].join('\n'),
    );
    const result = await importFile(path, '26');
    expect(result.totals).toMatchObject({ rows: 4, imported: 1, rejected: 3 });
    const issues = await listDossierImportIssues(t.database.db, { importId: result.id, afterRowNo: 0, limit: 100 });
    // Header = row 1, L-1 = row 2, the empty line = row 3, L-2 = row 4, L-3 (a cell over two lines) =
    // row 5, L-4 = row 6.
    expect(issues.map((i) => [i.rowNo, i.code, i.issues.map((x) => x.code)])).toEqual([
      [4, 'L-2', ['DATE_INVALID']],
      [5, 'L-3', ['DATE_INVALID']],
      [6, 'L-4', ['RECEIVED_MISSING']],
    ]);
    // Three bad values, three problems: the unreadable dates are not also "missing".
    expect(result.totals.issues).toEqual(
      expect.arrayContaining([
        { code: 'DATE_INVALID', severity: 'error', count: 2 },
        { code: 'RECEIVED_MISSING', severity: 'error', count: 1 },
      ]),
    );
  });

  it('rejects what cannot be counted, keeps warnings, accepts Vietnamese and ISO dates and DVCQG codes', async () => {
    const path = join(dir, 'mixed.json');
    writeFileSync(
      path,
      JSON.stringify({
        dossiers: [
          {
            MaHoSo: 'X-1',
            MaDonVi: '000.00.01.H62',
            NgayTiepNhan: '20210902083000',
            NgayHenTra: '10/09/2021',
            NgayKetThucXuLy: '2021-09-08T10:00:00+07:00',
            TrangThaiHoSo: 9,
            KenhThucHien: 2,
          },
          { MaHoSo: 'X-2', MaDonVi: '000.00.01.H62', NgayTiepNhan: '31/02/2021', TrangThaiHoSo: 4 },
          {
            MaHoSo: 'X-3',
            MaDonVi: '000.00.01.H62',
            NgayTiepNhan: '02/09/2021',
            NgayKetThucXuLy: '01/09/2021',
            TrangThaiHoSo: 10,
          },
          { MaHoSo: 'X-4', NgayTiepNhan: '02/09/2021', TrangThaiHoSo: 4 },
          { MaHoSo: 'X-1', MaDonVi: '000.00.01.H62', NgayTiepNhan: '02/09/2021', TrangThaiHoSo: 4, KenhThucHien: 1 },
          {
            MaHoSo: 'X-5',
            MaDonVi: '000.00.01.H62',
            NgayTiepNhan: '02/09/2021',
            TrangThaiHoSo: 'đang xử lý',
            KenhThucHien: 'fax',
          },
          {
            MaHoSo: 'X-6',
            MaDonVi: '000.00.01.H62',
            NgayTiepNhan: '02/09/2021 14h30',
            NgayHenTra: '03/09/2021',
            TrangThaiHoSo: 4,
          },
        ],
      }),
    );
    const result = await importFile(path, '26');
    expect(result.totals).toMatchObject({ rows: 7, imported: 2, rejected: 5 });
    const issues = await listDossierImportIssues(t.database.db, { importId: result.id, afterRowNo: 0, limit: 100 });
    const byRow = new Map(issues.map((i) => [i.rowNo, i.issues.map((x) => x.code)]));
    expect(byRow.get(2)).toContain('DATE_INVALID');
    expect(byRow.get(3)).toContain('COMPLETED_BEFORE_RECEIVED');
    expect(byRow.get(4)).toContain('AGENCY_MISSING');
    expect(byRow.get(5)).toContain('DUPLICATE_IN_FILE');
    expect(byRow.get(6)).toContain('CHANNEL_INVALID');
    expect(byRow.get(7)).toContain('CHANNEL_MISSING');
    expect(issues.find((i) => i.rowNo === 7)?.outcome).toBe('imported');
    const session = await signIn(t.app, 'qtvinhphuc');
    const api = await t.app.inject({
      url: `/api/v1/reports/imports/${result.id}?outcome=rejected`,
      headers: session.headers,
    });
    expect(api.json()).toMatchObject({ status: 'completed', totals: { rejected: 5 } });
    expect(api.json().rows).toHaveLength(5);
    expect(api.json().rows[0].issues[0].message.vi).toContain('không đọc được');
  });
});
