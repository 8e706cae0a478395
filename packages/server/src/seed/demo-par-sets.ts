/**
 * PAR Index criteria sets of the demo province (Hưng Yên, 33):
 * - the national provincial structure of QĐ 876/QĐ-BNV (domain/par/national-index.ts) as a DRAFT of the
 *   'province' group: its 8 areas with their titles, and no maxima, because the per-area maxima were not found in
 *   any source read — the draft shows what is missing and the province completes it from the decision it applies
 *   (or imports the appendix); it is real structure, not demo data;
 * - DEMO sets for the departments (khối sở, ban, ngành) and the communes (khối UBND cấp xã), last year's and this
 *   year's, published with a decision labelled as demo: a plausible tree on the 8 areas, invented for the demo
 *   (titles modelled on provincial indices, maxima chosen to add up to 100), some leaves scored by the survey,
 *   some filled from motcua's own figures, some not applicable to units without administrative procedures.
 *
 * Versioned by its own marker (app setting DEMO_PAR_SETS_KEY): seedDemo calls it on every start, so a demo folder
 * seeded before the PAR Index existed receives the sets (and the Sở Nội vụ organiser) once.
 */
import {
  findAgencyByCode,
  findAppSetting,
  findCriteriaSetInForce,
  findUserCredentials,
  insertAppSettingIfMissing,
  insertCriteriaSet,
  insertUser,
  insertUserRole,
  publishCriteriaSetDraft,
  replaceCriteriaTree,
} from '@motcua/db';
import {
  checkCriteriaTree,
  PAR_NATIONAL_PROVINCIAL_INDEX,
  type ParCriterion,
  type ParSystemMeasure,
  type ParUnitGroup,
  parentCodeOf,
  ROLE_DEFINITIONS,
  renumberPositions,
} from '@motcua/domain';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

export const DEMO_PAR_SETS_KEY = 'demo.par-sets.v1';
/** The tag of units that settle no administrative procedure (VP UBND, Thanh tra…): TTHC criteria do not apply. */
export const NO_PROCEDURES_TAG = 'no_procedures';

/** The demo organiser (Sở Nội vụ), who runs the PAR Index of the demo province. */
export const DEMO_PAR_ORGANISER = {
  username: 'sonoivu',
  fullName: 'Nguyễn Văn Khánh',
  title: 'Trưởng phòng Cải cách hành chính, Sở Nội vụ',
};

/** A row of a demo tree: code, title, the leaf's maximum in points (parents are summed), flags. */
type Row = [
  code: string,
  title: string,
  points?: number,
  flags?: { survey?: true; measure?: ParSystemMeasure; notFor?: string[]; rule?: string; evidence?: string },
];

const build = (rows: readonly Row[]): ParCriterion[] => {
  const codes = new Set(rows.map(([code]) => code));
  const parents = new Set(rows.map(([code]) => parentCodeOf(code)).filter((code): code is string => code !== null));
  const nodes = rows.map(([code, title, points, flags]): ParCriterion => {
    const depth = code.split('.').length;
    if (!codes.has(code)) {
      throw new Error(code);
    }
    return {
      code,
      parentCode: parentCodeOf(code),
      kind: depth === 1 ? 'area' : depth === 2 ? 'criterion' : 'component',
      position: 0,
      title,
      maxPoints: parents.has(code) ? 0 : Math.round((points ?? 0) * 100),
      scoringRule: flags?.rule ?? null,
      evidenceRequired: flags?.evidence ?? null,
      surveyScored: flags?.survey ?? false,
      systemMeasure: flags?.measure ?? null,
      notApplicableTo: flags?.notFor ?? [],
    };
  });
  // Parents' maxima from their children, deepest first.
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  for (const node of [...nodes].sort((a, b) => b.code.split('.').length - a.code.split('.').length)) {
    const parent = node.parentCode === null ? undefined : byCode.get(node.parentCode);
    if (parent) {
      parent.maxPoints += node.maxPoints;
    }
  }
  return renumberPositions(nodes);
};

const SURVEY = { survey: true } as const;
const NO_TTHC = [NO_PROCEDURES_TAG];

/** Demo set for departments: 8 areas, 100 points, 25 of them from the survey. Invented for the demo. */
export const DEMO_DEPARTMENT_CRITERIA = build([
  ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính'],
  ['1.1', 'Kế hoạch cải cách hành chính năm'],
  [
    '1.1.1',
    'Ban hành kế hoạch CCHC năm đúng thời hạn',
    1.5,
    { rule: 'Ban hành trước ngày 31/12 năm trước: 1,5 điểm; chậm: 0 điểm.', evidence: 'Kế hoạch CCHC năm của đơn vị' },
  ],
  [
    '1.1.2',
    'Mức độ hoàn thành kế hoạch CCHC',
    1.5,
    { rule: 'Hoàn thành 100%: 1,5 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm.' },
  ],
  ['1.2', 'Thực hiện chế độ báo cáo CCHC định kỳ', 2, { evidence: 'Báo cáo quý, 6 tháng, năm' }],
  ['1.3', 'Kiểm tra công tác cải cách hành chính'],
  ['1.3.1', 'Tỷ lệ đơn vị trực thuộc được kiểm tra trong năm', 1],
  ['1.3.2', 'Xử lý các vấn đề phát hiện qua kiểm tra', 1],
  ['1.4', 'Công tác thông tin, tuyên truyền cải cách hành chính', 2],
  ['1.5', 'Sáng kiến, giải pháp mới trong cải cách hành chính', 1],
  ['1.6', 'Đánh giá của lãnh đạo tỉnh về công tác chỉ đạo, điều hành CCHC của đơn vị', 2, SURVEY],
  ['2', 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật'],
  ['2.1', 'Tham mưu ban hành văn bản quy phạm pháp luật'],
  ['2.1.1', 'Thực hiện kế hoạch xây dựng văn bản QPPL được giao', 2],
  ['2.1.2', 'Chất lượng văn bản QPPL do đơn vị tham mưu', 2, SURVEY],
  ['2.2', 'Rà soát, kiểm tra, xử lý văn bản QPPL', 3],
  ['2.3', 'Theo dõi tình hình thi hành pháp luật trong lĩnh vực quản lý', 3],
  ['3', 'Cải cách thủ tục hành chính'],
  ['3.1', 'Rà soát, đơn giản hóa thủ tục hành chính', 3, { notFor: NO_TTHC }],
  ['3.2', 'Công bố, công khai thủ tục hành chính', 3, { notFor: NO_TTHC }],
  ['3.3', 'Kết quả giải quyết thủ tục hành chính', undefined, { notFor: NO_TTHC }],
  [
    '3.3.1',
    'Tỷ lệ hồ sơ giải quyết đúng hạn',
    4,
    { measure: 'dossier_on_time_rate', rule: 'Điểm = tỷ lệ hồ sơ đúng hạn × 4.' },
  ],
  [
    '3.3.2',
    'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
    3,
    { measure: 'dossier_online_share', rule: 'Điểm = tỷ lệ hồ sơ trực tuyến × 3.' },
  ],
  ['3.3.3', 'Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)', 3, { measure: 'index_766' }],
  ['3.4', 'Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính', 2],
  [
    '3.5',
    'Mức độ hài lòng của người dân, tổ chức khi giải quyết thủ tục hành chính',
    2,
    { survey: true, notFor: NO_TTHC },
  ],
  ['4', 'Cải cách tổ chức bộ máy hành chính nhà nước'],
  ['4.1', 'Thực hiện quy định về chức năng, nhiệm vụ, tổ chức bộ máy', 3],
  ['4.2', 'Quản lý, sử dụng biên chế được giao', 3],
  ['4.3', 'Thực hiện phân cấp, ủy quyền quản lý nhà nước', 2, SURVEY],
  ['5', 'Cải cách chế độ công vụ'],
  ['5.1', 'Xác định và thực hiện vị trí việc làm', 3],
  ['5.2', 'Tuyển dụng, bố trí, sử dụng công chức, viên chức', 3],
  ['5.3', 'Kỷ luật, kỷ cương hành chính'],
  ['5.3.1', 'Thực hiện quy định về kỷ luật, kỷ cương hành chính', 2],
  ['5.3.2', 'Đánh giá của người dân về thái độ, tác phong của công chức', 2, SURVEY],
  ['5.4', 'Đào tạo, bồi dưỡng cán bộ, công chức, viên chức', 2],
  ['6', 'Cải cách tài chính công'],
  ['6.1', 'Quản lý, sử dụng ngân sách nhà nước được giao', 3],
  ['6.2', 'Thực hiện cơ chế tự chủ của đơn vị sự nghiệp công lập', 3],
  ['6.3', 'Quản lý, sử dụng tài sản công', 2],
  ['7', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số'],
  ['7.1', 'Ứng dụng công nghệ thông tin trong quản lý văn bản'],
  ['7.1.1', 'Tỷ lệ văn bản điện tử gửi, nhận qua mạng', 2, { measure: 'edocument_rate' }],
  ['7.1.2', 'Tỷ lệ văn bản điện tử được ký số', 2, { measure: 'digital_signature_rate' }],
  ['7.2', 'Cung cấp dịch vụ công trực tuyến', undefined, { notFor: NO_TTHC }],
  ['7.2.1', 'Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình', 3],
  ['7.2.2', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 3],
  ['7.3', 'Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015', 3],
  ['7.4', 'Bảo đảm an toàn thông tin mạng', 2],
  ['7.5', 'Mức độ hài lòng về dịch vụ công trực tuyến của đơn vị', 3, SURVEY],
  ['8', 'Tác động của cải cách hành chính'],
  ['8.1', 'Tác động đến chất lượng thể chế trong lĩnh vực quản lý', 3, SURVEY],
  ['8.2', 'Tác động đến hiệu lực, hiệu quả quản lý hành chính', 3, SURVEY],
  ['8.3', 'Tác động đến chất lượng phục vụ người dân, doanh nghiệp', 3, SURVEY],
  ['8.4', 'Tác động đến phát triển của ngành, lĩnh vực', 3, SURVEY],
]);

/** Demo set for communes: 8 areas, 100 points, 31 of them from the survey. Invented for the demo. */
export const DEMO_COMMUNE_CRITERIA = build([
  ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính'],
  ['1.1', 'Kế hoạch cải cách hành chính năm của UBND xã', 3],
  ['1.2', 'Thực hiện chế độ báo cáo CCHC', 2],
  ['1.3', 'Tuyên truyền cải cách hành chính đến người dân', 2],
  ['1.4', 'Đánh giá của người dân về sự chỉ đạo của Chủ tịch UBND xã', 3, SURVEY],
  ['2', 'Xây dựng và thi hành pháp luật tại xã'],
  ['2.1', 'Ban hành văn bản đúng thẩm quyền, thể thức', 4],
  ['2.2', 'Phổ biến, giáo dục pháp luật, hòa giải ở cơ sở', 4],
  ['3', 'Cải cách thủ tục hành chính'],
  ['3.1', 'Công khai thủ tục hành chính tại Bộ phận Một cửa', 4],
  ['3.2', 'Kết quả giải quyết thủ tục hành chính'],
  ['3.2.1', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 5, { measure: 'dossier_on_time_rate' }],
  ['3.2.2', 'Tỷ lệ hồ sơ tiếp nhận trực tuyến', 4, { measure: 'dossier_online_share' }],
  ['3.2.3', 'Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)', 3, { measure: 'index_766' }],
  ['3.3', 'Xin lỗi người dân khi giải quyết hồ sơ trễ hạn', 2],
  ['3.4', 'Mức độ hài lòng của người dân khi giải quyết thủ tục hành chính', 6, SURVEY],
  ['4', 'Tổ chức bộ máy'],
  ['4.1', 'Ban hành và thực hiện quy chế làm việc của UBND xã', 3],
  ['4.2', 'Bố trí công chức theo vị trí việc làm', 3],
  ['5', 'Chế độ công vụ'],
  ['5.1', 'Kỷ luật, kỷ cương hành chính', 4],
  ['5.2', 'Đào tạo, bồi dưỡng cán bộ, công chức xã', 3],
  ['5.3', 'Thái độ của cán bộ, công chức khi tiếp dân', 5, SURVEY],
  ['6', 'Tài chính công'],
  ['6.1', 'Lập, chấp hành dự toán, quyết toán ngân sách xã', 4],
  ['6.2', 'Công khai tài chính, ngân sách xã', 4],
  ['7', 'Chính quyền số'],
  ['7.1', 'Văn bản điện tử và chữ ký số'],
  ['7.1.1', 'Tỷ lệ văn bản điện tử gửi, nhận qua mạng', 3, { measure: 'edocument_rate' }],
  ['7.1.2', 'Tỷ lệ văn bản điện tử được ký số', 3, { measure: 'digital_signature_rate' }],
  ['7.2', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 6],
  ['7.3', 'Thanh toán trực tuyến phí, lệ phí', 3],
  ['7.4', 'Mức độ hài lòng về dịch vụ công trực tuyến', 3, SURVEY],
  ['8', 'Tác động của cải cách hành chính'],
  ['8.1', 'Tác động đến an ninh, trật tự và đời sống người dân', 7, SURVEY],
  ['8.2', 'Tác động đến phát triển kinh tế - xã hội của xã', 7, SURVEY],
]);

/** The national structure as a draft: the 8 areas and no maxima (see the module comment). */
export const buildNationalStructureDraft = (): ParCriterion[] =>
  PAR_NATIONAL_PROVINCIAL_INDEX.areas.map((area, position) => ({
    code: area.code,
    parentCode: null,
    kind: 'area',
    position,
    title: area.title,
    maxPoints: 0,
    scoringRule: null,
    evidenceRequired: null,
    surveyScored: false,
    systemMeasure: null,
    notApplicableTo: [],
  }));

const DEMO_SETS: { unitGroup: ParUnitGroup; tree: ParCriterion[]; label: string; caps: [number, number] }[] = [
  { unitGroup: 'department', tree: DEMO_DEPARTMENT_CRITERIA, label: 'các sở, ban, ngành', caps: [200, 300] },
  { unitGroup: 'commune', tree: DEMO_COMMUNE_CRITERIA, label: 'UBND các xã, phường', caps: [200, 300] },
];

/** Makes sure the demo organiser exists (a demo folder seeded earlier has none). */
const ensureOrganiser = async (ctx: AppContext, password: string): Promise<string | null> => {
  const existing = await findUserCredentials(ctx.db, DEMO_PAR_ORGANISER.username);
  if (existing) {
    return existing.id;
  }
  const homeAffairs = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs);
  if (!homeAffairs) {
    return null;
  }
  const hash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertUser(trx, {
      ...DEMO_PAR_ORGANISER,
      email: 'sonoivu@hungyen.demo.motcua.vn',
      phone: null,
      passwordHash: hash,
      provinceCode: homeAffairs.provinceCode,
      now: ctx.clock.now(),
    });
    if (!inserted) {
      return null;
    }
    await insertUserRole(trx, {
      userId: inserted.id,
      agencyId: homeAffairs.id,
      role: 'par_organiser',
      includeSubagencies: ROLE_DEFINITIONS.par_organiser.defaultIncludeSubagencies,
      grantedBy: null,
    });
    return inserted.id;
  });
};

/**
 * Seeds the demo province's criteria sets once (see the module comment): this year's and last year's published
 * demo sets for departments and communes, and the national structure as a draft. Returns whether it seeded.
 */
export const seedDemoParSets = async (
  ctx: AppContext,
  options: { provinceCode: string; password: string },
): Promise<boolean> => {
  if (await findAppSetting(ctx.db, DEMO_PAR_SETS_KEY)) {
    return false;
  }
  const organiserId = await ensureOrganiser(ctx, options.password);
  const now = ctx.clock.now();
  const year = Number(now.toISOString().slice(0, 4));
  for (const demo of DEMO_SETS) {
    const check = checkCriteriaTree(demo.tree, { expectedTotal: PAR_NATIONAL_PROVINCIAL_INDEX.scale });
    if (check.issues.length > 0) {
      throw new Error(`demo ${demo.unitGroup} set: ${check.issues.map((i) => i.code).join(', ')}`);
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const setYear of [year - 1, year]) {
      for (const demo of DEMO_SETS) {
        const key = { provinceCode: options.provinceCode, year: setYear, unitGroup: demo.unitGroup };
        if (await findCriteriaSetInForce(trx, key)) {
          continue;
        }
        const set = await insertCriteriaSet(trx, {
          ...key,
          version: 1,
          status: 'draft',
          title: `[Demo] Bộ tiêu chí xác định Chỉ số CCHC của ${demo.label} năm ${setYear}`,
          bonusCap: demo.caps[0],
          penaltyCap: demo.caps[1],
          totalMax: PAR_NATIONAL_PROVINCIAL_INDEX.scale,
          isDemo: true,
          createdBy: organiserId,
        });
        await replaceCriteriaTree(trx, set.id, demo.tree);
        await publishCriteriaSetDraft(trx, {
          id: set.id,
          expectedVersion: set.rowVersion,
          decisionNumber: `DEMO-${setYear}/QĐ-UBND`,
          decisionDate: `${setYear}-01-15`,
          totalMax: PAR_NATIONAL_PROVINCIAL_INDEX.scale,
          publishedBy: organiserId,
        });
      }
    }
    const national = await insertCriteriaSet(trx, {
      provinceCode: options.provinceCode,
      year,
      unitGroup: 'province',
      version: 1,
      status: 'draft',
      title: `Chỉ số CCHC cấp tỉnh năm ${year} theo QĐ 876/QĐ-BNV — khung 8 lĩnh vực, cần nhập điểm tối đa từ quyết định`,
      totalMax: 0,
      createdBy: organiserId,
    });
    await replaceCriteriaTree(trx, national.id, buildNationalStructureDraft());
    await insertAppSettingIfMissing(trx, DEMO_PAR_SETS_KEY, { seededAt: now.toISOString() });
  });
  return true;
};
