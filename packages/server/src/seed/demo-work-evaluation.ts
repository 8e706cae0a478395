/**
 * Demo: the staff evaluation of Sở Nội vụ (the demo agency of the e-office) for the last quarter (labelled demo),
 * under Decree 335/2025/NĐ-CP: the agency's rules, the quarter opened and gathered from the demo's tasks and
 * one-stop dossier steps of its officials (whatever exists: the gather works on what is there); for an official
 * the systems recorded nothing for, a few manual work items "(demo)" as a manager records work done outside
 * them; then the flow, so that one sheet stands at every status, and the decision with the "xuất sắc" quota
 * applied (who is over it is rated "hoàn thành tốt", the reason shown).
 */
import {
  findAgencyByCode,
  findAppSetting,
  findEvaluationSheet,
  findUserCredentials,
  insertAppSettingIfMissing,
  insertEvaluationItems,
  insertUser,
  insertUserRole,
  listEvaluationItems,
  listEvaluationSheetsOfPeriod,
} from '@motcua/db';
import { DEFAULT_GENERAL_CRITERIA, type EvaluationSheetStatus, toLocalDate } from '@motcua/domain';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import { changeEvaluationSheet, decidePeriod } from '../usecases/evaluation/change-evaluation.js';
import { findPeriod, openPeriod } from '../usecases/evaluation/evaluation-periods.js';
import { setEvaluationSettings } from '../usecases/evaluation/evaluation-settings.js';
import { gatherPeriodAs } from '../usecases/evaluation/gather-evaluation.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

export const DEMO_EVALUATION_MARKER = 'demo.work.evaluation';

/** The officials the evaluation demo adds to Sở Nội vụ (password: the demo password). */
export const DEMO_EVALUATION_USERS = [
  {
    username: 'tochuc.snv',
    fullName: 'Đoàn Thị Mai',
    title: 'Chuyên viên tổ chức cán bộ, Văn phòng Sở',
    role: 'personnel_officer',
  },
  { username: 'chuyenvien2.snv', fullName: 'Vũ Đức Anh', title: 'Chuyên viên Sở Nội vụ', role: 'specialist' },
  { username: 'chuyenvien3.snv', fullName: 'Ngô Thị Hạnh', title: 'Chuyên viên Sở Nội vụ', role: 'specialist' },
  { username: 'chuyenvien4.snv', fullName: 'Bùi Văn Khánh', title: 'Chuyên viên Sở Nội vụ', role: 'specialist' },
] as const;

/** The quarter before the one containing `today` (YYYY-MM-DD). */
export const lastQuarterOf = (today: string): { year: number; number: number } => {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? { year: year - 1, number: 4 } : { year, number: quarter - 1 };
};

/** Manual items "(demo)" for an official with nothing recorded: the n-th official gets a different mix. */
const demoItems = (n: number, quarterStart: string) => {
  const base = new Date(`${quarterStart}T08:00:00+07:00`).getTime();
  const day = 86_400_000;
  const titles = [
    'Báo cáo công tác tháng (demo)',
    'Tham mưu văn bản hướng dẫn (demo)',
    'Tổng hợp số liệu cải cách hành chính (demo)',
    'Kiểm tra, rà soát hồ sơ công chức (demo)',
    'Chuẩn bị nội dung hội nghị (demo)',
  ];
  return titles.map((title, i) => ({
    sourceKind: 'manual' as const,
    sourceId: null,
    stepNo: null,
    title,
    workKind: 'task',
    coefficientMilli: i === 1 ? 2000 : 1000,
    assignedAt: new Date(base + i * 14 * day),
    dueAt: new Date(base + (i * 14 + 10) * day),
    completedAt: n % 4 === 3 && i === 4 ? null : new Date(base + (i * 14 + (n % 3 === 1 && i === 2 ? 12 : 8)) * day),
    completed: !(n % 4 === 3 && i === 4),
    majorErrors: n % 5 === 4 && i === 0 ? 1 : 0,
    delays: n % 3 === 1 && i === 2 ? 1 : 0,
  }));
};

/** The general criteria scores: full marks but for the n-th official's "innovation" (a few points lower). */
const generalScores = (n: number) =>
  Object.fromEntries(
    DEFAULT_GENERAL_CRITERIA.map((c) => [c.code, c.code === 'innovation' ? c.maxPoints - (n % 3) * 100 : c.maxPoints]),
  );

export const seedDemoEvaluation = async (ctx: AppContext, password: string): Promise<number> => {
  if (await findAppSetting(ctx.db, DEMO_EVALUATION_MARKER)) {
    return 0;
  }
  const homeAffairs = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs);
  const head = await findUserCredentials(ctx.db, 'giamdoc.snv');
  if (!homeAffairs?.provinceCode || !head) {
    return 0;
  }
  const hash = await hashPassword(password);
  const ids = new Map<string, string>();
  for (const spec of DEMO_EVALUATION_USERS) {
    const id =
      (await findUserCredentials(ctx.db, spec.username))?.id ??
      (
        await insertUser(ctx.db, {
          username: spec.username,
          fullName: spec.fullName,
          title: spec.title,
          email: `${spec.username.replace('.', '-')}@hungyen.demo.motcua.vn`,
          phone: null,
          passwordHash: hash,
          provinceCode: homeAffairs.provinceCode,
          now: ctx.clock.now(),
        })
      )?.id;
    if (!id) {
      return 0;
    }
    ids.set(spec.username, id);
    await insertUserRole(ctx.db, {
      userId: id,
      agencyId: homeAffairs.id,
      role: spec.role,
      includeSubagencies: spec.role === 'personnel_officer',
      grantedBy: null,
    });
  }
  const actor = async (userId: string) => {
    const official = await loadOfficial(ctx, userId, 'session');
    if (!official) {
      throw new Error(`demo official ${userId} is missing`);
    }
    return official;
  };
  const officer = await actor(ids.get('tochuc.snv') ?? '');
  const director = await actor(head.id);
  await setEvaluationSettings(ctx, officer, {
    agencyId: homeAffairs.id,
    expectedVersion: 0,
    periodKind: 'quarter',
    coefficients: { task: 1, dossier_step: 0.2 },
    quotaPercent: 20,
    quotaPercentExcellentUnit: 25,
    generalCriteria: DEFAULT_GENERAL_CRITERIA.map((c) => ({ ...c })),
    leaderFormula: 'three_part',
  });
  const quarter = lastQuarterOf(toLocalDate(ctx.clock.now().getTime()));
  if (!(await findPeriod(ctx, homeAffairs.id, 'quarter', quarter.year, quarter.number))) {
    await openPeriod(ctx, officer, { agencyId: homeAffairs.id, kind: 'quarter', ...quarter });
  }
  const period = await findPeriod(ctx, homeAffairs.id, 'quarter', quarter.year, quarter.number);
  if (!period) {
    return 0;
  }
  await gatherPeriodAs(ctx, officer.userId, period);
  // Officials with nothing gathered get the manual items "(demo)"; the gather again computes their figures.
  const sheets = await listEvaluationSheetsOfPeriod(ctx.db, period.id);
  let n = 0;
  for (const sheet of sheets) {
    if ((await listEvaluationItems(ctx.db, sheet.id)).length === 0) {
      await insertEvaluationItems(
        ctx.db,
        demoItems(n, String(period.startsOn)).map((item) => ({
          ...item,
          sheetId: sheet.id,
          provinceCode: sheet.provinceCode,
        })),
      );
    }
    n += 1;
  }
  await gatherPeriodAs(ctx, officer.userId, period);
  // One sheet at every status; the rest decided, the quota applied by the head's decision of the period.
  const ordered = (await listEvaluationSheetsOfPeriod(ctx.db, period.id))
    .filter((s) => s.userId !== director.userId)
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  const targets: EvaluationSheetStatus[] = ['draft', 'self_assessed', 'manager_reviewed'];
  const steps: { status: EvaluationSheetStatus; run: (id: string, i: number) => Promise<unknown> }[] = [
    {
      status: 'self_assessed',
      run: async (id, i) => {
        const sheet = await findEvaluationSheet(ctx.db, id);
        return changeEvaluationSheet(ctx, await actor(sheet?.userId ?? ''), {
          id,
          action: 'self_assess',
          expectedVersion: sheet?.version ?? 0,
          generalScores: generalScores(i),
          note: 'Tự đánh giá: hoàn thành các nhiệm vụ được giao trong quý (demo).',
        });
      },
    },
    {
      status: 'manager_reviewed',
      run: async (id, i) =>
        changeEvaluationSheet(ctx, director, {
          id,
          action: 'review',
          expectedVersion: (await findEvaluationSheet(ctx.db, id))?.version ?? 0,
          generalScores: generalScores(i + 1),
          note: 'Nhận xét của lãnh đạo: đồng ý với kết quả tự đánh giá (demo).',
        }),
    },
    {
      status: 'collective_reviewed',
      run: async (id) =>
        changeEvaluationSheet(ctx, officer, {
          id,
          action: 'collective',
          expectedVersion: (await findEvaluationSheet(ctx.db, id))?.version ?? 0,
          note: 'Biên bản họp tập thể lãnh đạo, công chức Sở ngày đầu quý (demo).',
        }),
    },
  ];
  // The fourth sheet is reviewed collectively after the decision, so that it waits for one.
  const late = ordered[3];
  for (const [i, sheet] of ordered.entries()) {
    const target = sheet === late ? 'manager_reviewed' : (targets[i] ?? 'collective_reviewed');
    for (const step of steps) {
      if (target === 'draft' || (step.status !== 'self_assessed' && target === 'self_assessed')) {
        break;
      }
      await step.run(sheet.id, i);
      if (step.status === target) {
        break;
      }
    }
  }
  // The head decides every sheet reviewed collectively: the quota per group, the rest rated "tốt".
  const decided = await decidePeriod(ctx, director, period.id);
  if (late) {
    await steps[2]?.run(late.id, 3);
  }
  await insertAppSettingIfMissing(ctx.db, DEMO_EVALUATION_MARKER, {
    seededAt: ctx.clock.now().toISOString(),
    periodId: period.id,
    sheets: ordered.length + 1,
    decided: decided.decided,
  });
  return ordered.length + 1;
};
