import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Database,
  findProcedure,
  findProcedureVersion,
  insertProcedureAgencies,
  type NewProcedureAgency,
  REFERENCE_DATA_DIR,
} from '@motcua/db';
import {
  type ChannelRule,
  findDirectLegalWorkingHours,
  type OnlineLevel,
  type ProcedureDuration,
  type ProcedureLevel,
  ProcedureVersionContent,
  type ProcessStep,
  type StepAgency,
  WORKING_HOURS_PER_DAY,
} from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';
import { type CatalogFile, parseCatalogFile, runCatalogImport } from '../usecases/catalog/import.js';
import { insertDraftProcedure, publishDraft } from '../usecases/catalog/procedures.js';
import { attachApplicationForm, findDemoApplicationForm } from './forms/index.js';
import { findDemoResultTemplate } from './forms/result-templates.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The demo province's procedure catalog: the national catalog imported as published, then about
 * fifty real procedures adopted into the province catalog (Hưng Yên, 33) at commune and province
 * level, each with an internal process template (quy trình nội bộ, Decree 118/2025/NĐ-CP Art. 8 and
 * the province's decision publishing it), receiving agencies and effect from 1 July 2025, the day
 * the two-level local government started.
 */

/** Demo agency codes (created by the demo seed of agencies). */
export const DEMO_AGENCY_CODES = {
  centre: '000.00.10.H31',
  justice: '000.00.01.H31',
  construction: '000.00.02.H31',
  agricultureEnvironment: '000.00.03.H31',
  finance: '000.00.04.H31',
  homeAffairs: '000.00.05.H31',
  health: '000.00.06.H31',
  education: '000.00.07.H31',
  industryTrade: '000.00.08.H31',
  culture: '000.00.09.H31',
  scienceTechnology: '000.00.11.H31',
  /** The provincial police, which issue judicial-record certificates since 2025 (Decision 1025/QĐ-BCA). */
  police: '000.00.12.H31',
} as const;

/** The People's Committee of the n-th commune (1…104, in the order of admin-units-2025-communes.csv). */
export const communeCommitteeCode = (n: number): string => `${String(n).padStart(3, '0')}.00.40.H31`;
const COMMUNE_COMMITTEE_CODE = /^\d{3}\.00\.40\.H31$/;

/**
 * The demo catalog is in force from 1 January 2025, so that the former wards can still receive
 * dossiers in June 2025, before the 1 July merger (the demo's reorganisation story).
 */
export const DEMO_EFFECTIVE_FROM = '2025-01-01';

/**
 * How a dossier moves: at the commune (its desk, civil-status/land officer, chairman), handed up
 * to a provincial department for the examination (liên thông between levels), at a department
 * received by the provincial centre (liên thông between agencies), or with a second department
 * consulted.
 */
type Flow = 'commune' | 'commune_to_department' | 'department' | 'department_with_partner';

type DemoSpec = {
  code: string;
  level: Extract<ProcedureLevel, 'commune' | 'province'>;
  flow: Flow;
  department?: string;
  partner?: string;
  /** Where the national data publishes no usable time limit: the limit set by law (cited where used). */
  duration?: ProcedureDuration;
  onlineLevel?: OnlineLevel;
  autoAccept?: boolean;
  boundaryFree?: boolean;
  clockOnSupplement?: 'pause' | 'restart';
};

const { justice, construction, agricultureEnvironment, finance, scienceTechnology, police } = DEMO_AGENCY_CODES;

// Certification of copies and signatures is done the same day, or the next working day when the
// request comes after 15:00 (Decree 23/2015/NĐ-CP Art. 7(1)); contracts and wills within 2 working
// days (Art. 7(3)).
const SAME_DAY_1500: ProcedureDuration = { unit: 'same_day', cutoff: '15:00' };
const TWO_WORKING_DAYS: ProcedureDuration = { unit: 'working_days', value: 2 };

// Land registration does not count the time the applicant takes to complete the dossier (Decree
// 101/2024/NĐ-CP on land registration and certificates), so a supplement pauses the clock; online
// submission is partial there (the original certificate is handed in). Elsewhere the national limits
// run from receipt of a complete dossier, so a supplement restarts the clock (the normaliser's default).
const LAND = { clockOnSupplement: 'pause', onlineLevel: 'partial' } as const;

export const DEMO_PROCEDURES: readonly DemoSpec[] = [
  // Civil status (hộ tịch) at the commune People's Committee.
  { code: '1.001193', level: 'commune', flow: 'commune' },
  { code: '1.000894', level: 'commune', flow: 'commune', onlineLevel: 'partial' },
  { code: '1.000656', level: 'commune', flow: 'commune' },
  { code: '1.001022', level: 'commune', flow: 'commune' },
  { code: '1.000689', level: 'commune', flow: 'commune' },
  { code: '1.004873', level: 'commune', flow: 'commune', autoAccept: true },
  { code: '1.004859', level: 'commune', flow: 'commune' },
  { code: '1.004884', level: 'commune', flow: 'commune' },
  { code: '1.004746', level: 'commune', flow: 'commune', onlineLevel: 'partial' },
  { code: '1.005461', level: 'commune', flow: 'commune' },
  { code: '1.004837', level: 'commune', flow: 'commune' },
  { code: '1.004845', level: 'commune', flow: 'commune' },
  { code: '2.000528', level: 'commune', flow: 'commune' },
  { code: '2.000806', level: 'commune', flow: 'commune', onlineLevel: 'partial' },
  // Copies of civil-status extracts are issued from the register at once (Law on Civil Status 2014).
  {
    code: '2.000635',
    level: 'commune',
    flow: 'commune',
    duration: SAME_DAY_1500,
    autoAccept: true,
    boundaryFree: true,
  },
  { code: '2.001255', level: 'commune', flow: 'commune' },
  // Certification (chứng thực): any commune may certify a copy or a signature, wherever one lives.
  { code: '2.000815', level: 'commune', flow: 'commune', duration: SAME_DAY_1500, boundaryFree: true },
  { code: '2.000884', level: 'commune', flow: 'commune', duration: SAME_DAY_1500, boundaryFree: true },
  { code: '2.001035', level: 'commune', flow: 'commune', duration: TWO_WORKING_DAYS },
  { code: '2.001019', level: 'commune', flow: 'commune', duration: TWO_WORKING_DAYS, boundaryFree: true },
  { code: '2.000908', level: 'commune', flow: 'commune' },
  // Household businesses and cooperatives (registered at the commune since 1 July 2025).
  {
    code: '1.001612',
    level: 'commune',
    flow: 'commune',
    // 3 working days for a household business (Decree 168/2025/NĐ-CP on business registration).
    duration: { unit: 'working_days', value: 3 },
  },
  { code: '2.000720', level: 'commune', flow: 'commune', autoAccept: true },
  { code: '1.001570', level: 'commune', flow: 'commune', autoAccept: true },
  { code: '1.001266', level: 'commune', flow: 'commune' },
  { code: '1.005280', level: 'commune', flow: 'commune' },
  // Land at the commune: the cadastral work is done by the land registration office of the
  // Department of Agriculture and Environment (liên thông between levels).
  { code: '1.013978', level: 'commune', flow: 'commune_to_department', department: agricultureEnvironment, ...LAND },
  { code: '1.012796', level: 'commune', flow: 'commune_to_department', department: agricultureEnvironment, ...LAND },
  { code: '1.012812', level: 'commune', flow: 'commune', clockOnSupplement: 'pause' },
  { code: '1.013949', level: 'commune', flow: 'commune_to_department', department: agricultureEnvironment, ...LAND },
  // Construction permits for grade III and IV works, social affairs, grassroots mediation, housing.
  { code: '1.013225', level: 'commune', flow: 'commune', onlineLevel: 'partial' },
  { code: '1.013227', level: 'commune', flow: 'commune' },
  { code: '1.011607', level: 'commune', flow: 'commune' },
  { code: '1.011609', level: 'commune', flow: 'commune' },
  { code: '1.002211', level: 'commune', flow: 'commune' },
  { code: '1.012888', level: 'commune', flow: 'commune' },
  // Medical costs of a grassroots security-force member without health insurance (Decree 40/2024/NĐ-CP).
  { code: '1.012537', level: 'commune', flow: 'commune' },
  // Province level: received by the provincial Public Administration Service Centre.
  { code: '1.012783', level: 'province', flow: 'department', department: agricultureEnvironment, ...LAND },
  { code: '1.012786', level: 'province', flow: 'department', department: agricultureEnvironment, ...LAND },
  { code: '1.012784', level: 'province', flow: 'department', department: agricultureEnvironment, ...LAND },
  { code: '1.013833', level: 'province', flow: 'department', department: agricultureEnvironment, ...LAND },
  // Land allocation: the Department of Finance fixes the land price (liên thông between agencies).
  {
    code: '1.013823',
    level: 'province',
    flow: 'department_with_partner',
    department: agricultureEnvironment,
    partner: finance,
    ...LAND,
  },
  { code: '1.013236', level: 'province', flow: 'department', department: construction, onlineLevel: 'partial' },
  { code: '1.013233', level: 'province', flow: 'department', department: construction },
  { code: '1.013237', level: 'province', flow: 'department', department: construction },
  { code: '1.007765', level: 'province', flow: 'department', department: construction },
  { code: '2.001610', level: 'province', flow: 'department', department: finance },
  { code: '2.001583', level: 'province', flow: 'department', department: finance },
  { code: '2.002043', level: 'province', flow: 'department', department: finance },
  { code: '1.013859', level: 'province', flow: 'department', department: justice },
  { code: '1.013835', level: 'province', flow: 'department', department: justice },
  { code: '2.000829', level: 'province', flow: 'department', department: justice, boundaryFree: true },
  // Judicial-record certificates: received by the centre, issued by the provincial police.
  { code: '3.000333', level: 'province', flow: 'department', department: police },
  { code: '1.004756', level: 'province', flow: 'department', department: agricultureEnvironment },
  {
    code: '1.011647',
    level: 'province',
    flow: 'department_with_partner',
    department: agricultureEnvironment,
    partner: scienceTechnology,
  },
  {
    code: '2.001576',
    level: 'province',
    flow: 'department_with_partner',
    department: scienceTechnology,
    partner: agricultureEnvironment,
  },
];

// --- process templates ------------------------------------------------------------------------------

/**
 * Working hours the internal process may use: the legal limit of the direct channel. Calendar-day
 * limits are converted at 5 working days a week (rounded down), so the template never outlasts
 * them; a same-day limit gets 3 hours (a request taken at the 15:00 cut-off is done by closing time).
 */
const processBudgetHours = (channels: readonly ChannelRule[]): number => {
  const legal = findDirectLegalWorkingHours(channels);
  if (legal !== undefined) {
    return legal;
  }
  const direct = channels.find((rule) => rule.channel === 'direct' && rule.duration !== null)?.duration;
  if (direct?.unit === 'calendar_days') {
    return Math.floor((direct.value * 5) / 7) * WORKING_HOURS_PER_DAY;
  }
  return 3;
};

const half = (hours: number): number => Math.floor(hours * 2) / 2;
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

const step = (
  key: string,
  name: string,
  role: ProcessStep['role'],
  agency: StepAgency,
  hours: number,
  handoff?: ProcessStep['handoff'],
): ProcessStep => ({
  key,
  name,
  role,
  agency,
  allotmentWorkingHours: hours,
  ...(handoff ? { handoff } : {}),
});

/**
 * The template for a flow within a budget: the desk gets a tenth of it (at most 4 working hours,
 * the usual "tiếp nhận và chuyển trong ngày"), returning the result a twentieth (at most 4 hours),
 * and the rest is shared between examination and approval — in half hours, never more than the
 * budget, so that every dossier can be on time by construction.
 */
export const buildDemoProcess = (spec: DemoSpec, budget: number): ProcessStep[] => {
  const desk = clamp(half(budget * 0.1), 0.5, 4);
  const returning = clamp(half(budget * 0.05), 0.5, 4);
  const rest = Math.max(1, budget - desk - returning);
  const receiving: StepAgency = { kind: 'receiving' };
  const fixed = (code: string | undefined): StepAgency =>
    code === undefined ? receiving : { kind: 'fixed', agencyCode: code };
  switch (spec.flow) {
    case 'commune':
      return [
        step('tiep-nhan', 'Tiếp nhận, kiểm tra hồ sơ', 'receptionist', receiving, desk),
        step('tham-dinh', 'Công chức chuyên môn thẩm định, trình ký', 'processor', receiving, half(rest * 0.7)),
        step('phe-duyet', 'Lãnh đạo Ủy ban nhân dân xã phê duyệt, ký', 'approver', receiving, half(rest * 0.3)),
        step('tra-ket-qua', 'Trả kết quả', 'result_returner', receiving, returning),
      ];
    case 'commune_to_department':
      return [
        step('tiep-nhan', 'Tiếp nhận hồ sơ tại Bộ phận Một cửa cấp xã', 'receptionist', receiving, desk),
        step(
          'tham-dinh-so',
          'Văn phòng đăng ký đất đai thẩm định, cập nhật hồ sơ địa chính',
          'processor',
          fixed(spec.department),
          half(rest * 0.6),
          'inter_level',
        ),
        step(
          'phe-duyet',
          'Chủ tịch Ủy ban nhân dân xã ký kết quả',
          'approver',
          receiving,
          half(rest * 0.4),
          'inter_level',
        ),
        step('tra-ket-qua', 'Trả kết quả', 'result_returner', receiving, returning),
      ];
    case 'department':
      return [
        step('tiep-nhan', 'Tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh', 'receptionist', receiving, desk),
        step(
          'tham-dinh',
          'Phòng chuyên môn của Sở thẩm định hồ sơ',
          'processor',
          fixed(spec.department),
          half(rest * 0.7),
          'inter_agency',
        ),
        step('phe-duyet', 'Lãnh đạo Sở phê duyệt, ký', 'approver', fixed(spec.department), half(rest * 0.3)),
        step('tra-ket-qua', 'Trả kết quả', 'result_returner', receiving, returning, 'inter_agency'),
      ];
    case 'department_with_partner':
      return [
        step('tiep-nhan', 'Tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh', 'receptionist', receiving, desk),
        step(
          'tham-dinh',
          'Sở chủ trì thẩm định hồ sơ',
          'processor',
          fixed(spec.department),
          half(rest * 0.45),
          'inter_agency',
        ),
        step('phoi-hop', 'Sở phối hợp cho ý kiến', 'processor', fixed(spec.partner), half(rest * 0.3), 'inter_agency'),
        step(
          'phe-duyet',
          'Lãnh đạo Sở chủ trì phê duyệt, ký',
          'approver',
          fixed(spec.department),
          half(rest * 0.25),
          'inter_agency',
        ),
        step('tra-ket-qua', 'Trả kết quả', 'result_returner', receiving, returning, 'inter_agency'),
      ];
  }
};

/**
 * The province's copy of a national procedure: its level, time fix, settings, process and, for the
 * procedures citizens use most, the application form (forms/), which throws if its paper component
 * is no longer in the national text.
 */
export const adaptForDemo = (national: ProcedureVersionContent, spec: DemoSpec): ProcedureVersionContent => {
  const { duration } = spec;
  const channels = duration
    ? national.channels.map((rule) => (rule.duration === null ? { ...rule, duration } : rule))
    : national.channels;
  const hasOnline = channels.some((rule) => rule.channel === 'online');
  const content: ProcedureVersionContent = {
    ...national,
    channels,
    levels: [spec.level],
    onlineLevel: hasOnline ? (spec.onlineLevel ?? national.onlineLevel) : 'none',
    boundaryFree: spec.boundaryFree ?? false,
    autoAccept: hasOnline && (spec.autoAccept ?? false),
    clockOnSupplement: spec.clockOnSupplement ?? national.clockOnSupplement,
    processSteps: buildDemoProcess(spec, processBudgetHours(channels)),
  };
  const form = findDemoApplicationForm(spec.code);
  const resultTemplate = findDemoResultTemplate(spec.code);
  const withForm = form ? attachApplicationForm(content, form) : content;
  // A programming error if it fails: the templates are built to fit the legal time, and a result
  // template names only fields of the procedure's form.
  return ProcedureVersionContent.parse(resultTemplate ? { ...withForm, resultTemplate } : withForm);
};

// --- the seed ---------------------------------------------------------------------------------------

export type DemoProceduresResult = {
  national: { rows: number; created: number; updated: number; unchanged: number; rejected: number; ms: number };
  adopted: number;
  skipped: string[];
  agencyLinks: number;
  missingAgencyCodes: string[];
  ms: number;
};

export const readNationalCatalogFile = (): CatalogFile =>
  parseCatalogFile(readFileSync(join(REFERENCE_DATA_DIR, 'tthc-catalog.json')));

/**
 * Seeds the demo catalog into `db` (a transaction, usually the demo seed's): imports the national
 * catalog, adopts DEMO_PROCEDURES into the province catalog (published from 1 July 2025) and links
 * them to their receiving agencies: every commune committee for commune procedures, the provincial
 * centre for province ones, and the implementing departments. Procedures already in the province
 * catalog are left as they are.
 */
export const seedDemoProcedures = async (
  db: Db,
  options: {
    provinceCode: string;
    agencyIdsByCode: Record<string, string>;
    actorUserId: string | null;
    now: Date;
    /** The national catalog to import (defaults to reference-data/tthc-catalog.json). */
    nationalFile?: CatalogFile;
  },
): Promise<DemoProceduresResult> => {
  const started = performance.now();
  const file = options.nationalFile ?? readNationalCatalogFile();
  const imported = await runCatalogImport(db, {
    catalog: 'national',
    file,
    fileName: 'reference-data/tthc-catalog.json',
    actorUserId: options.actorUserId,
    today: DEMO_EFFECTIVE_FROM,
    now: options.now,
  });
  const nationalMs = Math.round(performance.now() - started);

  const agencyId = (code: string): string | undefined => options.agencyIdsByCode[code];
  const communeIds = Object.entries(options.agencyIdsByCode)
    .filter(([code]) => COMMUNE_COMMITTEE_CODE.test(code))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, id]) => id);
  const missing = new Set<string>();
  const skipped: string[] = [];
  let adopted = 0;

  // One transaction per procedure (unless the caller's transaction holds everything): a crash
  // leaves whole procedures, and a re-run adopts what is missing and completes the links.
  const inTransaction = <T>(work: (trx: Db) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db) : (db as Kysely<Database>).transaction().execute(work);
  let agencyLinks = 0;
  for (const spec of DEMO_PROCEDURES) {
    await inTransaction(async (trx) => {
      let procedure = await findProcedure(trx, { catalog: options.provinceCode, code: spec.code });
      if (procedure) {
        skipped.push(spec.code);
      } else {
        const national = await findProcedure(trx, { catalog: 'national', code: spec.code });
        const nationalVersion = national?.currentVersionId
          ? await findProcedureVersion(trx, national.currentVersionId)
          : undefined;
        if (!nationalVersion) {
          skipped.push(spec.code);
          return;
        }
        const content = adaptForDemo(nationalVersion.content, spec);
        const draft = await insertDraftProcedure(trx, {
          catalog: options.provinceCode,
          code: spec.code,
          content,
          source: 'adopted',
          createdBy: options.actorUserId,
        });
        procedure = await publishDraft(trx, {
          procedure: draft.procedure,
          version: { id: draft.versionId, versionNo: 1, content },
          expectedVersion: draft.procedure.version,
          effectiveFrom: DEMO_EFFECTIVE_FROM,
          publishedBy: options.actorUserId,
          now: options.now,
        });
        adopted += 1;
      }
      const procedureId = procedure.id;
      const links: NewProcedureAgency[] = [];
      const link = (code: string, role: NewProcedureAgency['role']) => {
        const id = agencyId(code);
        if (id === undefined) {
          missing.add(code);
          return;
        }
        links.push({ procedureId, agencyId: id, role, catalog: options.provinceCode });
      };
      if (spec.level === 'commune') {
        for (const id of communeIds) {
          links.push({ procedureId, agencyId: id, role: 'receiving', catalog: options.provinceCode });
        }
      } else {
        link(DEMO_AGENCY_CODES.centre, 'receiving');
      }
      for (const code of [spec.department, spec.partner]) {
        if (code !== undefined) {
          link(code, 'implementing');
        }
      }
      await insertProcedureAgencies(trx, links);
      agencyLinks += links.length;
    });
  }

  return {
    national: {
      rows: imported.totals.rows,
      created: imported.totals.created,
      updated: imported.totals.updated,
      unchanged: imported.totals.unchanged,
      rejected: imported.totals.rejected,
      ms: nationalMs,
    },
    adopted,
    skipped,
    agencyLinks,
    missingAgencyCodes: [...missing].sort(),
    ms: Math.round(performance.now() - started),
  };
};
