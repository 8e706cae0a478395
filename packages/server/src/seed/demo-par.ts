/**
 * PAR Index demo data of the demo province (issue 17 item 7), labelled as demo everywhere (is_demo): the criteria
 * sets it needs when none is in force, two published rounds (2024 and 2025, so a unit's profile shows a trend
 * and "từ cuối bảng lên hạng II") published through the real publication use-case, and this year's round open at
 * appraisal round 1 with units at every status — appraised, locked, submitted, and late drafts — with evidence
 * files in the file store. The organiser's demo account is `noivu.cchc` (Sở Nội vụ, par_organiser).
 *
 * Seeded once per installation under its own marker (app setting `demo.par`), so an existing demo folder made
 * before the PAR Index gets it on its next start, once. The points are invented for the demonstration: they are
 * not any province's results.
 */
import { createHash } from 'node:crypto';
import {
  findAppSetting,
  findParCriteriaSetInForce,
  findParRoundOfYear,
  findUserCredentials,
  insertAppSettingIfMissing,
  insertParAdjustments,
  insertParCriteriaSetWithTree,
  insertParEvidenceRows,
  insertParRoundWithUnits,
  insertParScores,
  insertUser,
  insertUserRole,
  listProvinceAgenciesOfKinds,
} from '@motcua/db';
import { findLeaves, type ParCriterion, type ParUnitGroup, type ParUnitStatus } from '@motcua/domain';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { FormWriter } from '../pdf/layout.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import { publishParRound } from '../usecases/par/results/publish-round.js';

const PAR_DEMO_KEY = 'demo.par';
export const PAR_DEMO_ORGANISER = 'noivu.cchc';

type Node = Pick<ParCriterion, 'code' | 'title' | 'maxPoints'> &
  Partial<Pick<ParCriterion, 'surveyScored' | 'systemMeasure' | 'notApplicableTo'>>;

/**
 * The demo tree: the eight areas of QĐ 876/QĐ-BNV (names as provinces use them, spec §A.1) with a few criteria
 * each; 100 points, of which 15 from the survey. The split of points is the demo's own.
 */
const DEMO_TREE: Node[] = [
  { code: '1', title: 'Công tác chỉ đạo, điều hành cải cách hành chính', maxPoints: 1000 },
  { code: '1.1', title: 'Kế hoạch cải cách hành chính năm', maxPoints: 300 },
  { code: '1.1.1', title: 'Ban hành kế hoạch kịp thời', maxPoints: 150 },
  { code: '1.1.2', title: 'Mức độ hoàn thành kế hoạch', maxPoints: 150 },
  { code: '1.2', title: 'Báo cáo cải cách hành chính đầy đủ, đúng hạn', maxPoints: 200 },
  { code: '1.3', title: 'Kiểm tra công tác cải cách hành chính', maxPoints: 200 },
  { code: '1.4', title: 'Tuyên truyền cải cách hành chính', maxPoints: 300 },
  { code: '2', title: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', maxPoints: 800 },
  { code: '2.1', title: 'Tham mưu ban hành văn bản quy phạm pháp luật', maxPoints: 400 },
  { code: '2.2', title: 'Theo dõi thi hành pháp luật', maxPoints: 400 },
  { code: '3', title: 'Cải cách thủ tục hành chính', maxPoints: 2000, notApplicableTo: ['no_procedures'] },
  { code: '3.1', title: 'Công bố, công khai thủ tục hành chính', maxPoints: 600 },
  { code: '3.1.1', title: 'Công bố danh mục thủ tục hành chính đúng hạn', maxPoints: 300 },
  { code: '3.1.2', title: 'Công khai thủ tục hành chính tại Bộ phận Một cửa', maxPoints: 300 },
  {
    code: '3.2',
    title: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    maxPoints: 800,
    systemMeasure: 'dossier_on_time_rate',
  },
  { code: '3.3', title: 'Tiếp nhận, xử lý phản ánh, kiến nghị', maxPoints: 600 },
  { code: '4', title: 'Cải cách tổ chức bộ máy hành chính', maxPoints: 1000 },
  { code: '4.1', title: 'Sắp xếp tổ chức bộ máy theo quy định', maxPoints: 500 },
  { code: '4.2', title: 'Thực hiện phân cấp, ủy quyền', maxPoints: 500 },
  { code: '5', title: 'Cải cách chế độ công vụ', maxPoints: 1200 },
  { code: '5.1', title: 'Vị trí việc làm và cơ cấu ngạch công chức', maxPoints: 600 },
  { code: '5.2', title: 'Kỷ luật, kỷ cương hành chính', maxPoints: 600 },
  { code: '6', title: 'Cải cách tài chính công', maxPoints: 1000 },
  { code: '6.1', title: 'Thực hiện dự toán ngân sách', maxPoints: 500 },
  { code: '6.2', title: 'Quản lý, sử dụng tài sản công', maxPoints: 500 },
  { code: '7', title: 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số', maxPoints: 1500 },
  { code: '7.1', title: 'Xử lý văn bản điện tử, chữ ký số', maxPoints: 500 },
  {
    code: '7.2',
    title: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
    maxPoints: 500,
    systemMeasure: 'dossier_online_share',
  },
  { code: '7.3', title: 'Áp dụng Hệ thống quản lý chất lượng ISO', maxPoints: 500 },
  { code: '8', title: 'Tác động của cải cách hành chính đến người dân, tổ chức', maxPoints: 1500 },
  { code: '8.1', title: 'Mức độ hài lòng của người dân, tổ chức (SIPAS)', maxPoints: 800, surveyScored: true },
  { code: '8.2', title: 'Đánh giá của lãnh đạo, quản lý', maxPoints: 700, surveyScored: true },
];

const toCriteria = (nodes: readonly Node[]) => {
  const counters = new Map<string | null, number>();
  return nodes.map((node) => {
    const parts = node.code.split('.');
    const parentCode = parts.length === 1 ? null : parts.slice(0, -1).join('.');
    const position = counters.get(parentCode) ?? 0;
    counters.set(parentCode, position + 1);
    return {
      code: node.code,
      parentCode,
      kind: (['area', 'criterion', 'component'] as const)[parts.length - 1] ?? 'component',
      position,
      title: node.title,
      maxPoints: node.maxPoints,
      scoringRule: null,
      evidenceRequired: node.surveyScored ? null : 'Văn bản, báo cáo chứng minh kết quả thực hiện',
      surveyScored: node.surveyScored ?? false,
      systemMeasure: node.systemMeasure ?? null,
      notApplicableTo: [...(node.notApplicableTo ?? [])],
    };
  });
};

const DEMO_LEAVES = findLeaves(
  toCriteria(DEMO_TREE).map((node) => ({ ...node, scoringRule: null, evidenceRequired: null })),
);

/** A stable number in [0, 1) from a text: the demo's points are reproducible from one installation to the next. */
const unitNoise = (text: string): number => createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;

/** Points of a leaf for a unit of a given strength (share of the maximum), in quarter points. */
const pointsFor = (max: number, strength: number, key: string): number => {
  const share = Math.min(1, Math.max(0, strength + (unitNoise(key) - 0.5) * 0.16));
  return Math.min(max, Math.round((max * share) / 25) * 25);
};

/**
 * How well each demo department does each year (share of the maximum). Sở Tư pháp is last in 2024 and second in
 * 2025, behind Sở Nội vụ — the shape of the story the seed reports tell of Sở LĐTBXH in 2014–2015.
 */
const DEPARTMENT_STRENGTH: Record<string, [number, number, number]> = {
  'Sở Nội vụ': [0.86, 0.95, 0.93],
  'Sở Tư pháp': [0.6, 0.9, 0.91],
  'Sở Tài chính': [0.84, 0.84, 0.86],
  'Sở Xây dựng': [0.76, 0.77, 0.8],
  'Sở Nông nghiệp và Môi trường': [0.8, 0.8, 0.79],
  'Sở Y tế': [0.78, 0.75, 0.78],
  'Sở Giáo dục và Đào tạo': [0.82, 0.83, 0.84],
  'Sở Công Thương': [0.74, 0.78, 0.77],
  'Sở Văn hóa, Thể thao và Du lịch': [0.72, 0.74, 0.75],
  'Sở Khoa học và Công nghệ': [0.81, 0.86, 0.88],
  'Công an tỉnh': [0.83, 0.82, 0.85],
};

const strengthOf = (name: string, yearIndex: number): number => {
  const known = Object.entries(DEPARTMENT_STRENGTH).find(([prefix]) => name.startsWith(prefix));
  return known ? (known[1][yearIndex] ?? 0.8) : 0.65 + unitNoise(`${name}:${yearIndex}`) * 0.28;
};

/** Units whose criteria the organiser excluded: Công an tỉnh issues no provincial legal documents (area 2). */
const excludedFor = (name: string): string[] => (name.startsWith('Công an tỉnh') ? ['2'] : []);

const evidencePdf = async (unitName: string, year: number, title: string): Promise<Buffer> => {
  const writer = await FormWriter.open('a4-portrait', {
    title,
    issuedAt: { date: `${year}-06-30`, time: '08:00' },
  });
  await writer.header({ agencyName: unitName, placeName: 'Hưng Yên' }, { date: `${year}-06-30` });
  writer.title(title.toLocaleUpperCase('vi-VN'), ['DỮ LIỆU MINH HỌA — không phải văn bản thật']);
  writer.paragraph(
    `Tài liệu kiểm chứng minh họa của ${unitName} cho đợt xác định Chỉ số cải cách hành chính năm ${year}.`,
  );
  return writer.finish();
};

/** Seeds the PAR Index demo once (see the file comment); does nothing when already there. */
export const seedParDemo = async (
  ctx: AppContext,
  options: { provinceCode: string; password: string },
): Promise<{ seeded: boolean; printed: string[] }> => {
  if (await findAppSetting(ctx.db, PAR_DEMO_KEY)) {
    return { seeded: false, printed: [] };
  }
  const now = ctx.clock.now();
  const thisYear = Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const departments = await listProvinceAgenciesOfKinds(ctx.db, {
    provinceCode: options.provinceCode,
    kinds: ['province_department'],
  });
  const communes = await listProvinceAgenciesOfKinds(ctx.db, {
    provinceCode: options.provinceCode,
    kinds: ['commune_committee'],
  });
  const homeAffairs = departments.find((agency) => agency.name.startsWith('Sở Nội vụ'));
  if (!homeAffairs || departments.length < 2) {
    return { seeded: false, printed: [] };
  }

  // The organiser (Sở Nội vụ).
  const created = await insertUser(ctx.db, {
    username: PAR_DEMO_ORGANISER,
    fullName: 'Nguyễn Thị Thanh Huyền',
    title: 'Chuyên viên Phòng Cải cách hành chính, Sở Nội vụ',
    email: 'noivu-cchc@hungyen.demo.motcua.vn',
    phone: null,
    passwordHash: await hashPassword(options.password),
    provinceCode: options.provinceCode,
    now,
  });
  const organiserId = created?.id ?? (await findUserCredentials(ctx.db, PAR_DEMO_ORGANISER))?.id;
  if (!organiserId) {
    throw new Error('demo seed: the PAR organiser could not be created');
  }
  await insertUserRole(ctx.db, {
    userId: organiserId,
    agencyId: homeAffairs.id,
    role: 'par_organiser',
    includeSubagencies: true,
    grantedBy: null,
  });
  const organiser = await loadOfficial(ctx, organiserId, 'session');
  if (!organiser) {
    throw new Error('demo seed: the PAR organiser cannot act');
  }

  const groups: { group: ParUnitGroup; units: typeof departments }[] = [
    { group: 'department', units: departments },
    { group: 'commune', units: communes.slice(0, 12) },
  ];
  const printed: string[] = [];
  for (const [yearIndex, year] of years.entries()) {
    if (await findParRoundOfYear(ctx.db, { provinceCode: options.provinceCode, year })) {
      continue;
    }
    const open = year === thisYear;
    const sets: { unitGroup: ParUnitGroup; setId: string }[] = [];
    for (const { group, units } of groups) {
      if (units.length === 0) {
        continue;
      }
      const inForce = await findParCriteriaSetInForce(ctx.db, {
        provinceCode: options.provinceCode,
        year,
        unitGroup: group,
      });
      const setId =
        inForce?.id ??
        (await insertParCriteriaSetWithTree(ctx.db, {
          set: {
            provinceCode: options.provinceCode,
            year,
            unitGroup: group,
            version: 1,
            status: 'frozen',
            title: `Bộ tiêu chí xác định Chỉ số CCHC ${group === 'department' ? 'các sở, ban, ngành' : 'UBND cấp xã'} năm ${year} (minh họa)`,
            decisionNumber: `${group === 'department' ? 101 : 102}/QĐ-UBND (minh họa)`,
            decisionDate: `${year}-01-15`,
            bonusCap: 300,
            penaltyCap: 500,
            totalMax: 10_000,
            isDemo: true,
            publishedAt: `${year}-01-15T02:00:00Z`,
          },
          criteria: toCriteria(DEMO_TREE),
        }));
      sets.push({ unitGroup: group, setId });
    }
    const all = groups.flatMap(({ group, units }) => units.map((unit) => ({ ...unit, group })));
    // This year's round: appraisal round 1 under way — units at every status, the last few late.
    const statusOf = (index: number): ParUnitStatus =>
      !open
        ? 'finalised'
        : ((['appraisal_1_done', 'appraisal_1_done', 'self_locked', 'self_submitted', 'self_draft'] as const)[
            index % 5
          ] ?? 'self_draft');
    const roundId = await insertParRoundWithUnits(ctx.db, {
      round: {
        provinceCode: options.provinceCode,
        year,
        title: `Xác định Chỉ số cải cách hành chính năm ${year} (minh họa)`,
        stage: open ? 'appraisal_1' : 'council',
        selfAssessmentDue: `${year}-${open ? '11-20' : '11-15'}`,
        appraisal1Due: `${year}-12-15`,
        explanationDue: `${year + 1}-01-10`,
        appraisal2Due: `${year + 1}-01-25`,
        councilDue: `${year + 1}-02-15`,
        openedAt: `${year}-10-01T02:00:00Z`,
        isDemo: true,
        createdBy: organiserId,
      },
      sets,
      units: all.map((unit, index) => ({
        agencyId: unit.id,
        provinceCode: options.provinceCode,
        unitGroup: unit.group,
        tags: [],
        excludedCodes: excludedFor(unit.name),
        status: statusOf(index),
        selfSubmittedAt: statusOf(index) === 'self_draft' ? null : `${year}-11-14T03:00:00Z`,
      })),
    });
    const scores = all.flatMap((unit, index) => {
      const status = statusOf(index);
      const strength = strengthOf(unit.name, yearIndex);
      const excluded = excludedFor(unit.name);
      return DEMO_LEAVES.filter(
        (leaf) => !excluded.some((code) => leaf.code === code || leaf.code.startsWith(`${code}.`)),
      ).map((leaf) => {
        const appraised = pointsFor(leaf.maxPoints, strength, `${year}:${unit.code}:${leaf.code}`);
        // Units score themselves a little higher than the appraisers find; survey leaves are not self-scored.
        const self = leaf.surveyScored
          ? null
          : Math.min(leaf.maxPoints, appraised + 25 * Math.round(unitNoise(`s${unit.code}${leaf.code}`) * 3));
        const hasSelf = status !== 'self_draft' || unitNoise(`d${unit.code}${leaf.code}`) < 0.5;
        const hasAppraisal = !open || status === 'appraisal_1_done';
        return {
          roundId,
          agencyId: unit.id,
          criterionCode: leaf.code,
          provinceCode: options.provinceCode,
          selfPoints: hasSelf ? self : null,
          selfNote: hasSelf && self !== null ? 'Đã thực hiện đầy đủ (minh họa).' : null,
          appraisal1Points: hasAppraisal ? appraised : null,
          appraisal1Note: hasAppraisal && self !== null && self > appraised ? 'Tài liệu kiểm chứng chưa đầy đủ.' : null,
          appraisal2Points: open ? null : appraised,
          finalPoints: open ? null : appraised,
          updatedBy: organiserId,
        };
      });
    });
    await insertParScores(ctx.db, scores);
    await insertParAdjustments(
      ctx.db,
      all
        .filter((unit) => unitNoise(`b${year}${unit.code}`) < 0.3)
        .map((unit) => {
          const points = 50 * (1 + Math.floor(unitNoise(`p${year}${unit.code}`) * 4));
          return {
            roundId,
            agencyId: unit.id,
            kind: 'bonus' as const,
            provinceCode: options.provinceCode,
            selfPoints: points,
            selfNote: 'Sáng kiến cải cách hành chính được công nhận (minh họa).',
            appraisal1Points: open ? null : points,
            appraisal1Note: null,
            explanationNote: null,
            appraisal2Points: open ? null : points,
            appraisal2Note: null,
            finalPoints: open ? null : points,
            finalNote: null,
          };
        }),
    );
    // Evidence: this year's submitted units attach their CCHC plan and report to 1.1.1 and 1.2.
    if (open) {
      const evidence = [];
      for (const [index, unit] of all.entries()) {
        if (statusOf(index) === 'self_draft') {
          continue;
        }
        for (const [code, title] of [
          ['1.1.1', `Kế hoạch cải cách hành chính năm ${year}`],
          ['1.2', `Báo cáo kết quả cải cách hành chính năm ${year}`],
        ] as const) {
          const content = await evidencePdf(unit.name, year, title);
          const stored = await ctx.storage.put(content);
          evidence.push({
            roundId,
            agencyId: unit.id,
            criterionCode: code,
            provinceCode: options.provinceCode,
            stage: 'self_assessment' as const,
            kind: 'file' as const,
            title: `${title} (minh họa)`,
            fileSha256: stored.sha256,
            fileName: `${code.replace(/\./g, '-')}-tai-lieu-kiem-chung.pdf`,
            mediaType: 'application/pdf',
            sizeBytes: stored.size,
            createdBy: organiserId,
          });
        }
      }
      await insertParEvidenceRows(ctx.db, evidence);
      printed.push(`Chỉ số CCHC ${year}: đợt đang thẩm định vòng 1, ${all.length} đơn vị (dữ liệu minh họa).`);
    } else {
      const published = await publishParRound(ctx, organiser, {
        roundId,
        expectedVersion: 1,
        decisionNumber: `${200 + yearIndex}/QĐ-UBND (minh họa)`,
        decisionDate: `${year + 1}-03-20`,
      });
      printed.push(`Chỉ số CCHC ${year}: đã công bố, ${published.units} đơn vị xếp hạng (dữ liệu minh họa).`);
    }
  }
  await insertAppSettingIfMissing(ctx.db, PAR_DEMO_KEY, {
    provinceCode: options.provinceCode,
    seededAt: now.toISOString(),
  });
  return {
    seeded: true,
    printed: [...printed, `PAR Index organiser (demo-only): ${PAR_DEMO_ORGANISER} (same password).`],
  };
};
