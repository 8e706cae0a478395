import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AgencyKind,
  type AgencyRecord,
  closeAgency,
  findAgency,
  findAppSetting,
  findDossierByCode,
  findProcedureVersionInForce,
  insertAgency,
  insertAgencyChange,
  insertAgencySuccession,
  insertAppSettingIfMissing,
  insertProvinceSiteIfMissing,
  insertUser,
  insertUserRole,
  REFERENCE_DATA_DIR,
  replaceVersionedAppSetting,
} from '@motcua/db';
import {
  addDays,
  foldVietnamese,
  getWeekday,
  type LocalDate,
  type OfficialRole,
  parseInstant,
  ROLE_DEFINITIONS,
  toInstant,
  toLocalDate,
} from '@motcua/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import { deriveTrackingPin, getInstallationSecret } from '../auth/installation-secret.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext, Clock } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import { performDossierAction } from '../usecases/dossiers/actions.js';
import { receiveAtCounter } from '../usecases/dossiers/intake.js';
import { loadFeeAccount } from '../usecases/fees/fee-account.js';
import { recordCounterPayment } from '../usecases/fees/record-counter-payment.js';
import { DEMO_CITIZEN, seedDemoCitizen } from '../usecases/portal/account/demo-citizen.js';
import { seedSyntheticDossiers } from '../usecases/reports/synthetic.js';
import { seedDemoSurveys } from '../usecases/sipas/demo-surveys.js';
import { seedDemoIncoming } from './demo-eoffice-incoming.js';
import { seedDemoEofficeOutgoing } from './demo-eoffice-outgoing.js';
import { seedDemoEofficeYear } from './demo-eoffice-year.js';
import { DEMO_PAKN_USERS, seedDemoPakn } from './demo-pakn.js';
import { seedParDemo } from './demo-par.js';
import { DEMO_PAR_ORGANISER, seedDemoParSets } from './demo-par-sets.js';
import { seedDemoPortalContent } from './demo-portal-content.js';
import { seedDemoProcedureDecision } from './demo-portal-decisions.js';
import { communeCommitteeCode, DEMO_AGENCY_CODES, seedDemoProcedures } from './demo-procedures.js';
import { seedDemoSigning } from './demo-signing.js';
import { seedDemoWorkConsultations } from './demo-work-consultations.js';
import { seedDemoEvaluation } from './demo-work-evaluation.js';
import { seedDemoWorkFiles } from './demo-work-files.js';
import { seedDemoWorkSchedule } from './demo-work-schedule.js';
import { seedDemoWorkTasks } from './demo-work-tasks.js';

const DEMO_KEY = 'demo.seed';
/**
 * The catch-up parts a demo seeded by an earlier release is given once each (below). Their number is written
 * with the demo, so a start on a folder that already has them all reads one setting instead of asking each part
 * (issue 16 item 4: start-up). Add one when adding a part.
 */
const DEMO_PARTS_KEY = 'demo.parts';
const DEMO_PARTS = 15;

/** The demo province: Hưng Yên (code 33 after 1 July 2025), named in the seed reports. */
export const DEMO_PROVINCE_CODE = '33';

/**
 * The demo password of every demo account. Demo only: set MOTCUA_DEMO_PASSWORD to change it and
 * never run a demo seed on a production database.
 */
export const DEFAULT_DEMO_PASSWORD = 'MotCua-2026';

export type DemoSeedResult = { seeded: boolean; printed?: string[] };

/** Synthetic past dossiers `serve --demo` and `seed demo` add so that the demo's reports are not empty. */
export const DEMO_HISTORY_DOSSIERS = 6000;

type AgencySpec = {
  key: string;
  code: string;
  name: string;
  kind: AgencyKind;
  parent?: string;
  adminUnitCode?: string;
  validFrom?: string;
};

/**
 * The province government after the 2025 reorganisation: the People's Committee, the departments
 * as consolidated in March 2025 (e.g. Nông nghiệp và Môi trường, Tài chính, Xây dựng, Nội vụ,
 * Khoa học và Công nghệ), the provincial public administration service centre, a few divisions.
 * Identifier codes follow the Decision 20/2020/QĐ-TTg pattern but are illustrative: a real
 * deployment enters the province's published codes.
 */
const PROVINCE_AGENCIES: AgencySpec[] = [
  {
    key: 'province',
    code: '000.00.00.H31',
    name: 'Ủy ban nhân dân tỉnh Hưng Yên',
    kind: 'province_committee',
    adminUnitCode: '33',
  },
  {
    key: 'centre',
    code: DEMO_AGENCY_CODES.centre,
    name: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
    kind: 'province_service_centre',
    parent: 'province',
  },
  {
    key: 'justice',
    code: DEMO_AGENCY_CODES.justice,
    name: 'Sở Tư pháp tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'construction',
    code: DEMO_AGENCY_CODES.construction,
    name: 'Sở Xây dựng tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'agriculture',
    code: DEMO_AGENCY_CODES.agricultureEnvironment,
    name: 'Sở Nông nghiệp và Môi trường tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'finance',
    code: DEMO_AGENCY_CODES.finance,
    name: 'Sở Tài chính tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'homeAffairs',
    code: DEMO_AGENCY_CODES.homeAffairs,
    name: 'Sở Nội vụ tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'health',
    code: DEMO_AGENCY_CODES.health,
    name: 'Sở Y tế tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'education',
    code: DEMO_AGENCY_CODES.education,
    name: 'Sở Giáo dục và Đào tạo tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'industry',
    code: DEMO_AGENCY_CODES.industryTrade,
    name: 'Sở Công Thương tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'culture',
    code: DEMO_AGENCY_CODES.culture,
    name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'science',
    code: DEMO_AGENCY_CODES.scienceTechnology,
    name: 'Sở Khoa học và Công nghệ tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  {
    key: 'police',
    code: DEMO_AGENCY_CODES.police,
    name: 'Công an tỉnh Hưng Yên',
    kind: 'province_department',
    parent: 'province',
  },
  { key: 'justiceCivil', code: '000.01.01.H31', name: 'Phòng Hành chính tư pháp', kind: 'division', parent: 'justice' },
  { key: 'justiceSupport', code: '000.02.01.H31', name: 'Phòng Bổ trợ tư pháp', kind: 'division', parent: 'justice' },
  {
    key: 'agricultureLand',
    code: '000.01.03.H31',
    name: 'Phòng Quản lý đất đai',
    kind: 'division',
    parent: 'agriculture',
  },
];

/**
 * The 2025 merger story: four wards of the former Hưng Yên city (their People's Committees existed
 * until 30 June 2025) merged into the new Phường Phố Hiến on 1 July 2025 (admin-units-2025-mapping).
 */
const MERGED_WARDS: { code: string; name: string; unitCode: string }[] = [
  { code: '001.00.30.H31', name: 'Ủy ban nhân dân phường Hiến Nam', unitCode: '11953' },
  { code: '002.00.30.H31', name: 'Ủy ban nhân dân phường An Tảo', unitCode: '11956' },
  { code: '003.00.30.H31', name: 'Ủy ban nhân dân phường Lê Lợi', unitCode: '11959' },
  { code: '004.00.30.H31', name: 'Ủy ban nhân dân phường Minh Khai', unitCode: '11962' },
];
const PHO_HIEN_UNIT = '11953';

type UserSpec = {
  username: string;
  fullName: string;
  title: string;
  roles: { agency: string; role: OfficialRole }[];
};

/** One demo account per role (and a commune team), documented in README.md as demo-only. */
const DEMO_USERS: UserSpec[] = [
  {
    username: 'tiepnhan',
    fullName: 'Nguyễn Thị Hồng',
    title: 'Chuyên viên Bộ phận Một cửa',
    roles: [
      { agency: 'centre', role: 'receptionist' },
      { agency: 'centre', role: 'result_returner' },
    ],
  },
  {
    username: 'chuyenvien',
    fullName: 'Trần Văn Minh',
    title: 'Chuyên viên Phòng Hành chính tư pháp',
    roles: [{ agency: 'justice', role: 'processor' }],
  },
  {
    username: 'lanhdao',
    fullName: 'Lê Thị Thu Hà',
    title: 'Phó Giám đốc Sở Tư pháp',
    roles: [{ agency: 'justice', role: 'approver' }],
  },
  {
    username: 'trakq',
    fullName: 'Phạm Quốc Bảo',
    title: 'Cán bộ trả kết quả',
    roles: [{ agency: 'centre', role: 'result_returner' }],
  },
  {
    username: 'qtdonvi',
    fullName: 'Hoàng Văn Nam',
    title: 'Quản trị hệ thống Sở Tư pháp',
    roles: [{ agency: 'justice', role: 'agency_admin' }],
  },
  {
    username: 'qttinh',
    fullName: 'Vũ Thị Lan',
    title: 'Quản trị hệ thống cấp tỉnh',
    roles: [{ agency: 'province', role: 'province_admin' }],
  },
  {
    username: 'khaosat',
    fullName: 'Trịnh Thu Hà',
    title: 'Chuyên viên Phòng Cải cách hành chính, Sở Nội vụ',
    roles: [{ agency: 'homeAffairs', role: 'sipas_organiser' }],
  },
  {
    username: 'dieutravien',
    fullName: 'Lý Văn Dũng',
    title: 'Điều tra viên khảo sát sự hài lòng',
    roles: [{ agency: 'homeAffairs', role: 'surveyor' }],
  },
  {
    username: 'thanhtra',
    fullName: 'Đặng Minh Tuấn',
    title: 'Thanh tra viên',
    roles: [{ agency: 'province', role: 'auditor' }],
  },
  {
    username: 'xa.tiepnhan',
    fullName: 'Bùi Thị Mai',
    title: 'Công chức Một cửa phường Phố Hiến',
    roles: [
      { agency: 'phoHien', role: 'receptionist' },
      { agency: 'phoHien', role: 'result_returner' },
    ],
  },
  {
    username: 'xa.tuphap',
    fullName: 'Đỗ Văn Hùng',
    title: 'Công chức Tư pháp - Hộ tịch',
    roles: [{ agency: 'phoHien', role: 'processor' }],
  },
  {
    username: 'xa.chutich',
    fullName: 'Ngô Thị Hạnh',
    title: 'Chủ tịch UBND phường Phố Hiến',
    roles: [{ agency: 'phoHien', role: 'approver' }],
  },
  // The departments a demo procedure routes to (process templates in demo-procedures.ts): each has
  // someone to examine and someone to sign, so no handed-over dossier waits for nobody.
  {
    username: 'snnmt.chuyenvien',
    fullName: 'Trịnh Văn Khoa',
    title: 'Chuyên viên Văn phòng Đăng ký đất đai',
    roles: [{ agency: 'agriculture', role: 'processor' }],
  },
  {
    username: 'snnmt.lanhdao',
    fullName: 'Mai Thị Thanh Hương',
    title: 'Phó Giám đốc Sở Nông nghiệp và Môi trường',
    roles: [{ agency: 'agriculture', role: 'approver' }],
  },
  {
    username: 'congan.canbo',
    fullName: 'Lương Văn Quyết',
    title: 'Cán bộ Phòng Hồ sơ nghiệp vụ, Công an tỉnh',
    roles: [{ agency: 'police', role: 'processor' }],
  },
  {
    username: 'congan.lanhdao',
    fullName: 'Tạ Quang Huy',
    title: 'Phó Giám đốc Công an tỉnh',
    roles: [{ agency: 'police', role: 'approver' }],
  },
  {
    username: 'sxd.chuyenvien',
    fullName: 'Cao Thị Ngân',
    title: 'Chuyên viên Phòng Quản lý xây dựng',
    roles: [{ agency: 'construction', role: 'processor' }],
  },
  {
    username: 'sxd.lanhdao',
    fullName: 'Kiều Văn Toàn',
    title: 'Phó Giám đốc Sở Xây dựng',
    roles: [{ agency: 'construction', role: 'approver' }],
  },
  {
    username: 'stc.chuyenvien',
    fullName: 'Đinh Thị Phương',
    title: 'Chuyên viên Phòng Đăng ký kinh doanh',
    roles: [{ agency: 'finance', role: 'processor' }],
  },
  {
    username: 'stc.lanhdao',
    fullName: 'Hà Minh Đức',
    title: 'Phó Giám đốc Sở Tài chính',
    roles: [{ agency: 'finance', role: 'approver' }],
  },
  {
    username: 'skhcn.chuyenvien',
    fullName: 'Lã Thị Vân',
    title: 'Chuyên viên Sở Khoa học và Công nghệ',
    roles: [{ agency: 'science', role: 'processor' }],
  },
  {
    username: 'skhcn.lanhdao',
    fullName: 'Triệu Văn Sơn',
    title: 'Phó Giám đốc Sở Khoa học và Công nghệ',
    roles: [{ agency: 'science', role: 'approver' }],
  },
  // The former desk officer of Phường Hiến Nam (before the 2025 merger).
  {
    username: 'cu.hiennam',
    fullName: 'Nguyễn Văn Cường',
    title: 'Nguyên công chức Một cửa phường Hiến Nam',
    roles: [{ agency: 'old11953', role: 'receptionist' }],
  },
];

const TEAM_SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const TEAM_GIVEN_NAMES = ['Văn Hải', 'Thị Hoa', 'Đức Long', 'Thị Lan', 'Quang Vinh', 'Thị Thảo', 'Minh Châu'];

/**
 * Every other commune of the province gets its team too (a commune procedure is received at any
 * commune, and an online dossier goes to the one the citizen picks): a civil servant at the desk
 * who also examines and returns (`xa<commune code>.congchuc`) and the chairman who signs
 * (`xa<commune code>.chutich`). Names are illustrative.
 */
export const buildCommuneTeams = (agencies: Record<string, AgencyRecord>): UserSpec[] =>
  Object.entries(agencies)
    .filter(([key, agency]) => key.startsWith('commune') && agency.adminUnitCode !== null)
    .sort(([, a], [, b]) => (a.code < b.code ? -1 : 1))
    .flatMap(([key, agency], index) => {
      const unit = agency.adminUnitCode ?? '';
      const person = (offset: number) =>
        `${TEAM_SURNAMES[(index + offset) % TEAM_SURNAMES.length]} ${TEAM_GIVEN_NAMES[(index * 3 + offset) % TEAM_GIVEN_NAMES.length]}`;
      const commune = agency.name.replace(/^Ủy ban nhân dân /, '');
      return [
        {
          username: `xa${unit}.congchuc`,
          fullName: person(0),
          title: `Công chức Văn phòng HĐND và UBND ${commune}`,
          roles: [
            { agency: key, role: 'receptionist' as const },
            { agency: key, role: 'processor' as const },
            { agency: key, role: 'result_returner' as const },
          ],
        },
        {
          username: `xa${unit}.chutich`,
          fullName: person(5),
          title: `Chủ tịch UBND ${commune}`,
          roles: [{ agency: key, role: 'approver' as const }],
        },
      ];
    });

const at = (instant: string | number): Clock => ({ now: () => new Date(instant) });

/** What a demo dossier still owes in fees and charges (0 when nothing). */
const findOwedFees = async (ctx: AppContext, code: string): Promise<number> => {
  const dossier = await findDossierByCode(ctx.db, code);
  return dossier ? (await loadFeeAccount(ctx.db, dossier)).account.owedVnd : 0;
};

/** The n-th working day (Monday to Friday) before `today`; public holidays are not skipped. */
export const findWorkingDayBefore = (today: LocalDate, workingDays: number): LocalDate => {
  let day = today;
  let left = workingDays;
  while (left > 0) {
    day = addDays(day, -1);
    const weekday = getWeekday(day);
    if (weekday !== 0 && weekday !== 6) {
      left -= 1;
    }
  }
  return day;
};

const toMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** A demo dossier worth trying on the tracking page: its code and what it shows. */
export type DemoShowcaseDossier = { code: string; label: string };

/**
 * Seeds the demo province once: agencies with history, officials, the procedure catalog (national
 * import + ~50 adopted procedures with process templates) and a handful of dossiers created
 * through the engine (so their histories are genuine hash chains). The marker is written last; a
 * crash mid-seed leaves no marker and the demo is not considered seeded.
 */
export const seedDemo = async (
  ctx: AppContext,
  options: {
    password?: string | undefined;
    publicUrl?: string | undefined;
    /** Synthetic past dossiers (from 1 January last year to 90 days ago, all closed) so the reports have something to show. */
    historyDossiers?: number | undefined;
    /** When the demo is already there, list its dossiers again (`motcua seed demo`); `serve` does not. */
    describeExisting?: boolean | undefined;
  } = {},
): Promise<DemoSeedResult> => {
  const existing = (await findAppSetting(ctx.db, DEMO_KEY)) as { showcase?: DemoShowcaseDossier[] } | undefined;
  const password = options.password ?? DEFAULT_DEMO_PASSWORD;
  if (existing) {
    const parts = (await findAppSetting(ctx.db, DEMO_PARTS_KEY)) as { parts?: number; version?: number } | undefined;
    if (parts?.parts === DEMO_PARTS && options.describeExisting === false) {
      return { seeded: false };
    }
    // The PAR Index demo has its own marker: a demo seeded before it gets it once (seed/demo-par.ts: rounds of
    // the last three years, each with the criteria sets its scores were drawn for), then the criteria-set demo
    // (the national structure; provincial sets only for a year without one in force).
    const par = await seedParDemo(ctx, { provinceCode: DEMO_PROVINCE_CODE, password });
    await seedDemoParSets(ctx, { provinceCode: DEMO_PROVINCE_CODE, password });
    // Surveys came later than the first demos: they are added once to a demo seeded before them.
    await seedDemoSurveys(ctx, DEMO_PROVINCE_CODE);
    // The e-office demo year of the Sở Nội vụ came later still: written once (seed/demo-eoffice-year.ts).
    await seedDemoEofficeYear(ctx);
    // Digital signatures (issue 19): the test CA and certificates of Sở Nội vụ and two of its officials, once.
    await seedDemoSigning(ctx, { provinceCode: DEMO_PROVINCE_CODE, password });
    // Outgoing documents (issue 19): Sở Nội vụ's drafts in review, waiting for signature, and one issued, once.
    await seedDemoEofficeOutgoing(ctx, { provinceCode: DEMO_PROVINCE_CODE, password });
    // Incoming documents at Sở Nội vụ (demo-eoffice-incoming.ts) came later too: added once.
    await seedDemoIncoming(ctx, {}, password);
    await seedDemoWorkSchedule(ctx); // issue 20: a month of the Sở Nội vụ leaders' calendar, once.
    // Tasks of Sở Nội vụ in every state (issue 20, demo-work-tasks.ts): added once.
    await seedDemoWorkTasks(ctx);
    await seedDemoWorkFiles(ctx); // Work files (issue 20) at Sở Nội vụ: the file list and four files, once.
    await seedDemoWorkConsultations(ctx, { password });
    await seedDemoEvaluation(ctx, password); // issue 20: last quarter's staff evaluation of Sở Nội vụ, once
    await seedDemoPortalContent(ctx, { provinceCode: DEMO_PROVINCE_CODE, password }); // issue 22: portal news, once
    await seedDemoProcedureDecision(ctx, DEMO_PROVINCE_CODE); // issue 22: one published procedure decision, once
    await seedDemoHostingAdmin(ctx, password); // issue 22 item 4: the hosting centre's administrator, once
    if (parts?.parts !== DEMO_PARTS) {
      await replaceVersionedAppSetting(ctx.db, DEMO_PARTS_KEY, { parts: DEMO_PARTS }, parts?.version ?? 0);
    }
    // Already there: say again which dossiers to try, with their PINs (`motcua seed demo` prints them).
    if (options.describeExisting === false) {
      return { seeded: false };
    }
    return {
      seeded: false,
      printed: [...par.printed, ...(await describeShowcase(ctx, existing.showcase ?? [], options.publicUrl))],
    };
  }
  const started = performance.now();
  const agencies = await seedAgencies(ctx);
  const communeTeams = buildCommuneTeams(agencies);
  const users = await seedUsers(ctx, agencies, password, [...DEMO_USERS, ...DEMO_PAKN_USERS, ...communeTeams]);
  const adminId = users.get('qttinh') ?? null;
  const agencyIdsByCode = Object.fromEntries(Object.values(agencies).map((a) => [a.code, a.id]));
  const procedures = await seedDemoProcedures(ctx.db, {
    provinceCode: DEMO_PROVINCE_CODE,
    agencyIdsByCode,
    actorUserId: adminId,
    now: ctx.clock.now(),
  });
  const { count: dossiers, showcase } = await seedDossiers(ctx, agencies, users);
  // PAKN in every state of the handling (Decree 20/2008), labelled demo.
  await seedDemoPakn(ctx, agencies, users);
  // The demo citizen of the portal (a local account; real citizens sign in with VNeID).
  await seedDemoCitizen(ctx.db, password);
  // PAR Index: the rounds of the last three years with the sets their scores were drawn for (demo-par.ts), then
  // the Sở Nội vụ organiser of the criteria sets and the national structure (demo-par-sets.ts).
  const par = await seedParDemo(ctx, { provinceCode: DEMO_PROVINCE_CODE, password });
  await seedDemoParSets(ctx, { provinceCode: DEMO_PROVINCE_CODE, password });
  const historyDossiers = options.historyDossiers ?? 0;
  if (historyDossiers > 0) {
    // Received up to 90 days ago: by today every one of them is closed (resolved — late ones within
    // days of their due date — withdrawn, stopped or refused), so none lands in an official's inbox.
    const now = ctx.clock.now();
    const today = toLocalDate(now.getTime());
    const year = Number(today.slice(0, 4));
    await seedSyntheticDossiers(ctx.db, {
      provinceCode: DEMO_PROVINCE_CODE,
      dossiers: historyDossiers,
      fromYear: year - 1,
      toYear: year,
      untilDay: addDays(today, -90),
      now,
    });
  }
  // SIPAS: last year's published survey and this year's in progress, sampled from the returned dossiers.
  await seedDemoSurveys(ctx, DEMO_PROVINCE_CODE, users.get('dieutravien') ?? null);
  // E-office: a year of incoming and outgoing documents of the Sở Nội vụ for its registers and rates.
  await seedDemoEofficeYear(ctx);
  // Digital signatures (issue 19): the test CA and certificates of Sở Nội vụ and two of its officials.
  await seedDemoSigning(ctx, { provinceCode: DEMO_PROVINCE_CODE, password });
  // Outgoing documents (issue 19): Sở Nội vụ's drafts in review, waiting for signature, and one issued.
  await seedDemoEofficeOutgoing(ctx, { provinceCode: DEMO_PROVINCE_CODE, password });
  // Incoming documents at Sở Nội vụ in every state of Decree 30/2020 Art. 20–24, labelled demo (after the year's
  // documents, so they continue its numbers).
  await seedDemoIncoming(ctx, agencies, password);
  await seedDemoWorkSchedule(ctx, agencies); // issue 20: a month of the Sở Nội vụ leaders' calendar.
  // Tasks of Sở Nội vụ in every state, one from a demo incoming document (issue 20, demo-work-tasks.ts).
  await seedDemoWorkTasks(ctx);
  await seedDemoWorkFiles(ctx); // Work files (issue 20) at Sở Nội vụ: the file list and four files, once.
  await seedDemoWorkConsultations(ctx, { password });
  await seedDemoEvaluation(ctx, password); // issue 20: last quarter's staff evaluation of Sở Nội vụ
  await seedDemoPortalContent(ctx, { provinceCode: DEMO_PROVINCE_CODE, password }); // issue 22: portal news and pages
  await seedDemoProcedureDecision(ctx, DEMO_PROVINCE_CODE); // issue 22: one published procedure decision
  await seedDemoHostingAdmin(ctx, password); // issue 22 item 4: the hosting centre's administrator
  await replaceVersionedAppSetting(ctx.db, DEMO_PARTS_KEY, { parts: DEMO_PARTS }, 0);
  await insertAppSettingIfMissing(ctx.db, DEMO_KEY, {
    provinceCode: DEMO_PROVINCE_CODE,
    seededAt: ctx.clock.now().toISOString(),
    showcase,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const publicUrl = toPublicUrl(options.publicUrl);
  return {
    seeded: true,
    printed: [
      `Tỉnh Hưng Yên (33): ${Object.keys(agencies).length} cơ quan, ${procedures.adopted ?? 0} thủ tục của tỉnh, ${dossiers} hồ sơ mẫu (${seconds} s).`,
      `Demo-only accounts (password "${password}"): ${[...DEMO_USERS.map((u) => u.username), DEMO_PAR_ORGANISER.username, DEMO_HOSTING_ADMIN.username].join(', ')}.`,
      `Every other commune: xa<commune code>.congchuc (desk, examination, return) and xa<commune code>.chutich (signs), e.g. ${communeTeams[0]?.username ?? ''}.`,
      `Demo citizen for the portal: ${DEMO_CITIZEN.username} (same password).`,
      ...(await describeShowcase(ctx, showcase, options.publicUrl)),
      ...par.printed,
      ...(historyDossiers > 0
        ? [
            `Reports: ${historyDossiers.toLocaleString('vi-VN')} synthetic past dossiers (demo only, not real figures) fill the dashboards.`,
          ]
        : []),
      `Open ${publicUrl}/can-bo to sign in as an official, ${publicUrl}/ for the portal.`,
    ],
  };
};

/**
 * The demo dossiers to try on the tracking page, each with its PIN. Codes carry the day they were
 * received and PINs derive from this installation's secret, so both differ between installations:
 * they are printed, not written in the README.
 */
const toPublicUrl = (url: string | undefined): string => (url ?? 'http://localhost:3000').replace(/\/+$/, '');

const describeShowcase = async (
  ctx: AppContext,
  showcase: readonly DemoShowcaseDossier[],
  publicUrl?: string,
): Promise<string[]> => {
  if (showcase.length === 0) {
    return [];
  }
  const secret = await getInstallationSecret(ctx);
  return [
    `Demo dossiers to track at ${toPublicUrl(publicUrl)}/tra-cuu-ho-so (code / PIN):`,
    ...showcase.map((d) => `  ${d.code} / ${deriveTrackingPin(secret, d.code)}  ${d.label}`),
  ];
};

/**
 * The demo's hosting-centre administrator (issue 22 item 4): opens provinces and reads figures across them, holds
 * no provincial role. The demo stays one province; opening a second one is theirs to try. Once (the username).
 */
const DEMO_HOSTING_ADMIN = { username: 'trungtam.qt', fullName: 'Quản trị Trung tâm dữ liệu' } as const;
const seedDemoHostingAdmin = async (ctx: AppContext, password: string): Promise<void> => {
  await insertUser(ctx.db, {
    username: DEMO_HOSTING_ADMIN.username,
    fullName: DEMO_HOSTING_ADMIN.fullName,
    title: null,
    email: null,
    phone: null,
    passwordHash: await hashPassword(password),
    provinceCode: null,
    hostingAdmin: true,
    now: ctx.clock.now(),
  });
};

const seedAgencies = async (ctx: AppContext): Promise<Record<string, AgencyRecord>> =>
  ctx.db.transaction().execute(async (trx) => {
    const agencies: Record<string, AgencyRecord> = {};
    const add = async (spec: AgencySpec) => {
      const parent = spec.parent ? agencies[spec.parent] : undefined;
      agencies[spec.key] = await insertAgency(
        trx,
        {
          code: spec.code,
          name: spec.name,
          kind: spec.kind,
          parentId: parent?.id ?? null,
          provinceCode: DEMO_PROVINCE_CODE,
          adminUnitLevel: spec.adminUnitCode ? (spec.adminUnitCode.length === 2 ? 'province' : 'commune') : null,
          adminUnitCode: spec.adminUnitCode ?? null,
          validFrom: spec.validFrom ?? '2025-07-01',
          searchText: foldVietnamese(`${spec.name} ${spec.code}`),
        },
        parent?.path ?? null,
      );
    };
    // The demo province is the install's default site (served on any host name no other province owns).
    await insertProvinceSiteIfMissing(trx, {
      provinceCode: DEMO_PROVINCE_CODE,
      name: 'Tỉnh Hưng Yên',
      placeName: 'Hưng Yên',
      isDefault: true,
    });
    for (const spec of PROVINCE_AGENCIES) {
      await add(spec);
    }
    // Every commune of Hưng Yên after 1 July 2025 gets its People's Committee.
    const communes = (
      parseCsv(readFileSync(join(REFERENCE_DATA_DIR, 'admin-units-2025-communes.csv'), 'utf8'), {
        columns: true,
        skip_empty_lines: true,
      }) as { province_code: string; commune_code: string; commune_name: string }[]
    ).filter((row) => row.province_code === DEMO_PROVINCE_CODE);
    for (const [index, commune] of communes.entries()) {
      const key = commune.commune_code === PHO_HIEN_UNIT ? 'phoHien' : `commune${commune.commune_code}`;
      await add({
        key,
        code: communeCommitteeCode(index + 1),
        name: `Ủy ban nhân dân ${commune.commune_name.replace(/^(Xã|Phường|Đặc khu)/, (m) => m.toLowerCase())}`,
        kind: 'commune_committee',
        parent: 'province',
        adminUnitCode: commune.commune_code,
      });
    }
    // The former wards of Hưng Yên city, in force since 2020 (merged into Phường Phố Hiến below).
    for (const ward of MERGED_WARDS) {
      await add({
        key: `old${ward.unitCode}`,
        code: ward.code,
        name: ward.name,
        kind: 'commune_committee',
        parent: 'province',
        adminUnitCode: ward.unitCode,
        validFrom: '2020-01-01',
      });
    }
    return agencies;
  });

/**
 * 1 July 2025: the former wards close on 30 June and Phường Phố Hiến succeeds them. What they
 * received stays attributed to them; Phố Hiến's officials see and act on it (agency_succession).
 */
const mergeOldWards = async (ctx: AppContext, agencies: Record<string, AgencyRecord>): Promise<void> => {
  const phoHien = agencies.phoHien;
  if (!phoHien) {
    throw new Error('demo seed: Phường Phố Hiến not found in the 2025 communes');
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const ward of MERGED_WARDS) {
      const old = agencies[`old${ward.unitCode}`];
      if (!old) {
        continue;
      }
      const current = await findAgency(trx, old.id);
      if (!current) {
        throw new Error(`demo seed: agency ${old.code} vanished`);
      }
      const closed = await closeAgency(trx, { id: old.id, expectedVersion: current.version, lastDay: '2025-06-30' });
      if (closed) {
        agencies[`old${ward.unitCode}`] = closed;
      }
      await insertAgencySuccession(trx, {
        predecessorId: old.id,
        successorId: phoHien.id,
        kind: 'merge',
        effective: '2025-07-01',
      });
      await insertAgencyChange(trx, {
        agencyId: old.id,
        change: 'merge',
        effective: '2025-07-01',
        before: { code: old.code, name: old.name },
        after: { mergedInto: phoHien.id, successorCode: phoHien.code },
        actorUserId: null,
      });
    }
  });
};

const seedUsers = async (
  ctx: AppContext,
  agencies: Record<string, AgencyRecord>,
  password: string,
  specs: readonly UserSpec[],
): Promise<Map<string, string>> => {
  const hash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const spec of specs) {
      const first = agencies[spec.roles[0]?.agency ?? ''];
      const inserted = await insertUser(trx, {
        username: spec.username,
        fullName: spec.fullName,
        title: spec.title,
        email: `${spec.username.replace('.', '-')}@hungyen.demo.motcua.vn`,
        phone: null,
        passwordHash: hash,
        provinceCode: first?.provinceCode ?? DEMO_PROVINCE_CODE,
        now: ctx.clock.now(),
      });
      if (!inserted) {
        continue;
      }
      ids.set(spec.username, inserted.id);
      for (const role of spec.roles) {
        const agency = agencies[role.agency];
        if (agency) {
          await insertUserRole(trx, {
            userId: inserted.id,
            agencyId: agency.id,
            role: role.role,
            includeSubagencies: ROLE_DEFINITIONS[role.role].defaultIncludeSubagencies,
            grantedBy: null,
          });
        }
      }
    }
    return ids;
  });
};

const DEMO_APPLICANTS = [
  {
    fullName: 'Nguyễn Văn An',
    idNumber: '033085001234',
    dateOfBirth: '1985-04-12',
    gender: 'male',
    phone: '0912345678',
  },
  {
    fullName: 'Trần Thị Bích Ngọc',
    idNumber: '033192004567',
    dateOfBirth: '1992-09-03',
    gender: 'female',
    phone: '0987654321',
  },
  {
    fullName: 'Lê Hoàng Phúc',
    idNumber: '034078009876',
    dateOfBirth: '1978-01-25',
    gender: 'male',
    phone: '0904112233',
  },
  {
    fullName: 'Phạm Thị Thu Trang',
    idNumber: '033199002468',
    dateOfBirth: '1999-12-30',
    gender: 'female',
    phone: '0977001122',
  },
  {
    fullName: 'Vũ Đức Thắng',
    idNumber: '033088007531',
    dateOfBirth: '1988-07-14',
    gender: 'male',
    phone: '0936223344',
  },
  {
    fullName: 'Đặng Thị Hải Yến',
    idNumber: '034195003579',
    dateOfBirth: '1995-03-08',
    gender: 'female',
    phone: '0868556677',
  },
] as const;

type Step = {
  action: Parameters<typeof performDossierAction>[2]['action'];
  by: string;
  at: string | number;
  params?: object;
  results?: { name: string; documentNo?: string }[];
};

/**
 * A few dossiers in every state, created and moved through the real use-cases with the clock set
 * to each moment, so that their events, hash chains, steps and statistics are genuine.
 */
const seedDossiers = async (
  ctx: AppContext,
  agencies: Record<string, AgencyRecord>,
  users: Map<string, string>,
): Promise<{ count: number; showcase: DemoShowcaseDossier[] }> => {
  const officials = new Map<string, Awaited<ReturnType<typeof loadOfficial>>>();
  const actor = async (username: string) => {
    const id = users.get(username);
    if (id === undefined) {
      throw new Error(`demo seed: no official ${username}`);
    }
    const official = officials.get(username) ?? (await loadOfficial(ctx, id, 'session'));
    if (!official) {
      throw new Error(`demo seed: official ${username} cannot act`);
    }
    officials.set(username, official);
    return official;
  };
  let count = 0;
  const showcase: DemoShowcaseDossier[] = [];
  const create = async (input: {
    agency: string;
    procedure: string;
    by: string;
    at: string | number;
    applicant: number;
    outcome?: 'receive' | 'supplement' | 'refuse';
    /** Listed at start (with its tracking PIN) for trying the tracking page. */
    label?: string;
    steps?: Step[];
  }) => {
    const agency = agencies[input.agency];
    if (!agency) {
      return;
    }
    const version = await findProcedureVersionInForce(ctx.db, {
      catalog: DEMO_PROVINCE_CODE,
      code: input.procedure,
      at: toLocalDate(typeof input.at === 'number' ? input.at : parseInstant(input.at)),
    });
    if (!version) {
      return;
    }
    const person = DEMO_APPLICANTS[input.applicant % DEMO_APPLICANTS.length] ?? DEMO_APPLICANTS[0];
    const outcome = input.outcome ?? 'receive';
    const required = version.content.components.filter((c) => c.group === 'submit' && c.required);
    // Of a "one of" requirement the applicant hands in one option: the first the text lists.
    const plain = required.filter((c) => c.alternativeGroup === undefined);
    const firstOptions = required.filter(
      (c) =>
        c.alternativeGroup !== undefined &&
        c === required.find((other) => other.alternativeGroup?.key === c.alternativeGroup?.key),
    );
    const handedIn = [...(outcome === 'receive' ? plain : plain.slice(1)), ...firstOptions];
    const components = handedIn.map((c) => ({
      key: c.key,
      originals: Math.max(c.originals, c.copies === 0 ? 1 : 0),
      copies: c.copies,
      fromData: c.replaceableByData,
    }));
    const created = await receiveAtCounter({ ...ctx, clock: at(input.at) }, await actor(input.by), {
      receivingAgencyId: agency.id,
      procedureCode: input.procedure,
      channel: 'direct',
      applicant: {
        kind: 'person',
        fullName: person.fullName,
        idNumber: person.idNumber,
        dateOfBirth: person.dateOfBirth,
        gender: person.gender,
        address: {
          text: `Tổ dân phố số ${input.applicant + 2}, phường Phố Hiến, tỉnh Hưng Yên`,
          communeCode: PHO_HIEN_UNIT,
        },
        phone: person.phone,
      },
      components,
      outcome,
      ...(outcome === 'supplement' && required[0]
        ? { missing: [required[0].key], reason: `Thiếu ${required[0].name.slice(0, 120)}` }
        : {}),
      ...(outcome === 'refuse' ? { reason: 'Không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận' } : {}),
    });
    count += 1;
    if (input.label) {
      showcase.push({ code: created.body.code, label: input.label });
    }
    const handle = { code: created.body.code, version: created.body.version };
    if (outcome === 'receive') {
      // The desk collects the published fees at intake, in cash, and gives the biên lai (as a counter does).
      const owed = await findOwedFees(ctx, created.body.code);
      if (owed > 0) {
        const paid = await recordCounterPayment({ ...ctx, clock: at(input.at) }, await actor(input.by), {
          code: handle.code,
          expectedVersion: handle.version,
          amountVnd: owed,
          method: 'cash',
        });
        handle.version = paid.body.version;
      }
    }
    await continueDossier(handle, input.steps ?? []);
    return handle;
  };
  const continueDossier = async (handle: { code: string; version: number }, steps: Step[]) => {
    for (const step of steps) {
      const result = await performDossierAction({ ...ctx, clock: at(step.at) }, await actor(step.by), {
        code: handle.code,
        action: step.action,
        params: (step.params ?? {}) as never,
        expectedVersion: handle.version,
        ...(step.results ? { results: step.results } : {}),
      });
      handle.version = result.body.version;
    }
  };

  const khaiSinh = '1.001193';
  // Before the merger: Phường Hiến Nam receives a birth registration on 25 June 2025 …
  const historic = await create({
    agency: 'old11953',
    procedure: khaiSinh,
    by: 'cu.hiennam',
    at: '2025-06-25T09:00:00+07:00',
    applicant: 5,
    steps: [{ action: 'forward', by: 'cu.hiennam', at: '2025-06-25T09:30:00+07:00' }],
  });
  // … the ward is merged into Phường Phố Hiến on 1 July, and Phố Hiến's officials finish it.
  await mergeOldWards(ctx, agencies);
  if (historic) {
    await continueDossier(historic, [
      { action: 'complete_step', by: 'xa.tuphap', at: '2025-07-01T09:00:00+07:00' },
      {
        action: 'complete',
        by: 'xa.chutich',
        at: '2025-07-01T15:00:00+07:00',
        params: { outcome: 'approved' },
        results: [{ name: 'Giấy khai sinh (bản chính)', documentNo: '01/2025' }],
      },
      { action: 'return_result', by: 'xa.tiepnhan', at: '2025-07-02T08:30:00+07:00', params: { channel: 'counter' } },
    ]);
  }

  // The live dossiers are dated relative to the day of the seed, so that a demo started on any day
  // shows what a province sees: some not yet due, some due within days, some overdue, and finished
  // ones returned early, on time and late.
  const today = toLocalDate(ctx.clock.now().getTime());
  const day = (workingDaysAgo: number, time: string): number =>
    toInstant(findWorkingDayBefore(today, workingDaysAgo), toMinutes(time));
  const hours = (instant: number, count: number): number => instant + count * 3_600_000;
  const dueOf = async (code: string): Promise<number> => {
    const dossier = await findDossierByCode(ctx.db, code);
    if (!dossier?.dueAt) {
      throw new Error(`demo seed: dossier ${code} has no due date`);
    }
    return new Date(dossier.dueAt).getTime();
  };
  const notaryCard = '1.013859';
  const notaryOffice = '1.013835';
  const judicialRecord = '3.000333';
  const landRegistration = '1.013978';
  const approvedResult = (name: string, documentNo: string) => ({
    action: 'complete' as const,
    params: { outcome: 'approved' },
    results: [{ name, documentNo }],
  });

  // Phường Phố Hiến: a birth registration returned early (the same day), one in progress, one
  // waiting for a supplement at the desk, and a land registration at the Department of
  // Agriculture and Environment's land registration office (liên thông between levels).
  const early = day(12, '08:15');
  await create({
    agency: 'phoHien',
    procedure: khaiSinh,
    by: 'xa.tiepnhan',
    at: early,
    applicant: 0,
    label: 'khai sinh, trả kết quả trước hạn',
    steps: [
      { action: 'forward', by: 'xa.tiepnhan', at: hours(early, 0.25) },
      { action: 'complete_step', by: 'xa.tuphap', at: hours(early, 1.75) },
      { ...approvedResult('Giấy khai sinh (bản chính)', '215/2026'), by: 'xa.chutich', at: hours(early, 5.75) },
      { action: 'return_result', by: 'xa.tiepnhan', at: hours(early, 7.25), params: { channel: 'counter' } },
    ],
  });
  const inProgress = day(1, '09:40');
  await create({
    agency: 'phoHien',
    procedure: khaiSinh,
    by: 'xa.tiepnhan',
    at: inProgress,
    applicant: 1,
    steps: [{ action: 'forward', by: 'xa.tiepnhan', at: hours(inProgress, 0.25) }],
  });
  await create({
    agency: 'phoHien',
    procedure: khaiSinh,
    by: 'xa.tiepnhan',
    at: day(1, '15:10'),
    applicant: 2,
    outcome: 'supplement',
    label: 'khai sinh, chờ bổ sung',
  });
  const land = day(4, '08:45');
  await create({
    agency: 'phoHien',
    procedure: landRegistration,
    by: 'xa.tiepnhan',
    at: land,
    applicant: 4,
    label: 'đăng ký đất đai, đang xử lý tại Sở Nông nghiệp và Môi trường, chưa đến hạn',
    steps: [
      { action: 'forward', by: 'xa.tiepnhan', at: hours(land, 1) },
      { action: 'accept_handoff', by: 'snnmt.chuyenvien', at: hours(land, 5) },
    ],
  });

  // The provincial centre: department procedures (liên thông between agencies).
  const record = day(6, '09:00');
  await create({
    agency: 'centre',
    procedure: judicialRecord,
    by: 'tiepnhan',
    at: record,
    applicant: 3,
    label: 'lý lịch tư pháp, tại Công an tỉnh, sắp đến hạn',
    steps: [
      { action: 'forward', by: 'tiepnhan', at: hours(record, 1) },
      { action: 'accept_handoff', by: 'congan.canbo', at: hours(record, 5) },
    ],
  });
  const overdue = day(9, '09:00');
  await create({
    agency: 'centre',
    procedure: notaryCard,
    by: 'tiepnhan',
    at: overdue,
    applicant: 4,
    label: 'thẻ công chứng viên, quá hạn tại Sở Tư pháp',
    steps: [
      { action: 'forward', by: 'tiepnhan', at: hours(overdue, 1) },
      { action: 'accept_handoff', by: 'chuyenvien', at: hours(overdue, 5) },
    ],
  });
  const notDue = day(2, '10:00');
  await create({
    agency: 'centre',
    procedure: notaryOffice,
    by: 'tiepnhan',
    at: notDue,
    applicant: 5,
    steps: [
      { action: 'forward', by: 'tiepnhan', at: hours(notDue, 1) },
      { action: 'accept_handoff', by: 'chuyenvien', at: hours(notDue, 4) },
    ],
  });
  // Finished and returned: on the due day (on time) and two working days after it (late).
  const finishAt = async (
    procedure: string,
    workingDaysAgo: number,
    applicant: number,
    label: string,
    finish: (due: number) => number,
  ) => {
    const received = day(workingDaysAgo, '09:00');
    const handle = await create({
      agency: 'centre',
      procedure,
      by: 'tiepnhan',
      at: received,
      applicant,
      label,
      steps: [
        { action: 'forward', by: 'tiepnhan', at: hours(received, 1) },
        { action: 'accept_handoff', by: 'chuyenvien', at: hours(received, 4) },
        { action: 'complete_step', by: 'chuyenvien', at: hours(received, 24) },
      ],
    });
    if (!handle) {
      return;
    }
    const completed = finish(await dueOf(handle.code));
    await continueDossier(handle, [
      {
        ...approvedResult('Quyết định của Giám đốc Sở Tư pháp', `${applicant}${workingDaysAgo}/QĐ-STP`),
        by: 'lanhdao',
        at: completed,
      },
      { action: 'return_result', by: 'tiepnhan', at: hours(completed, 20), params: { channel: 'counter' } },
    ]);
  };
  await finishAt(notaryOffice, 25, 0, 'đăng ký văn phòng công chứng, trả đúng hạn', (due) => due);
  await finishAt(notaryCard, 30, 1, 'thẻ công chứng viên, trả trễ hạn', (due) => hours(due, 48));
  return { count, showcase };
};
