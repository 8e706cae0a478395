/**
 * The rules of a PAR Index criteria set (bộ tiêu chí xác định Chỉ số CCHC): the shape of its tree, what applies
 * to a unit, the caps of bonus and penalty points.
 *
 * Legal base: QĐ 876/QĐ-BNV (10/11/2022), Đề án "Xác định Chỉ số CCHC của các bộ, cơ quan ngang bộ, UBND tỉnh"
 * 2022–2030 — the index is a tree lĩnh vực (area) → tiêu chí (criterion) → tiêu chí thành phần (component), each
 * node with its điểm tối đa; a criterion without components is scored itself; the criteria measured by the
 * sociological survey are not self-assessed; the scale is 100. Provinces issue their own sets for their
 * departments and communes on the same model, and a criterion that does not concern a unit (e.g. a unit that
 * settles no administrative procedure) is not scored for it: the unit's index is its points over the maximum
 * that applies to it (Hà Nam, hướng dẫn tự đánh giá 2023; ../shared/spec/reform-and-eoffice.md §A.1, §A.3).
 *
 * Points are integer hundredths of a point (types.ts).
 */
import { PAR_NODE_KINDS, type ParCriterion, type ParNodeKind, type ParPoints } from './types.js';

/** A bilingual text. */
export type ParText = { vi: string; en: string };

/** One segment of a code: 1 to 99, no leading zero ("3", "12"). */
const SEGMENT = '[1-9][0-9]?';
/** Dotted numbering as published, one segment per level: "3" (area), "3.2" (criterion), "3.2.1" (component). */
export const PAR_CODE_PATTERN = new RegExp(`^${SEGMENT}(\\.${SEGMENT}){0,2}$`);

/** A unit tag (matched against a node's notApplicableTo), e.g. "no_procedures". */
export const PAR_UNIT_TAG_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** The tree level of a well-formed code: 1 area, 2 criterion, 3 component. */
export const depthOfCode = (code: string): number => code.split('.').length;

/** The kind a node at this depth has (QĐ 876: lĩnh vực → tiêu chí → tiêu chí thành phần). */
export const kindOfDepth = (depth: number): ParNodeKind | undefined => PAR_NODE_KINDS[depth - 1];

/** The parent code a code implies ("3.2.1" → "3.2"; an area has none). */
export const parentCodeOf = (code: string): string | null => {
  const at = code.lastIndexOf('.');
  return at < 0 ? null : code.slice(0, at);
};

/** Orders codes as published: numerically segment by segment ("3.2" < "3.10"), a parent before its children. */
export const compareCodes = (a: string, b: string): number => {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) {
      return -1;
    }
    if (y === undefined) {
      return 1;
    }
    if (x !== y) {
      return x - y;
    }
  }
  return 0;
};

/** Whether `code` is `ancestor` itself or lies under it ("3.2.1" under "3" and "3.2", not under "3.20"). */
export const isWithinCode = (code: string, ancestor: string): boolean =>
  code === ancestor || code.startsWith(`${ancestor}.`);

// ---------------------------------------------------------------------------------------------------------------
// Issues of a tree, with stable codes and their texts
// ---------------------------------------------------------------------------------------------------------------

/** Stable codes of what can be wrong in a criteria set (a tree or a spreadsheet). */
export const PAR_CRITERIA_ISSUE_CODES = [
  'EMPTY',
  'CODE_MISSING',
  'CODE_FORMAT',
  'CODE_DUPLICATE',
  'PARENT_MISSING',
  'PARENT_MISMATCH',
  'KIND_DEPTH',
  'TITLE_MISSING',
  'MAX_MISSING',
  'MAX_FORMAT',
  'LEAF_WITHOUT_MAX',
  'CHILD_OVER_PARENT',
  'SUM_MISMATCH',
  'TOTAL_MISMATCH',
  'SYSTEM_MEASURE_NOT_LEAF',
  'SURVEY_NOT_LEAF',
  'SURVEY_WITH_SYSTEM_MEASURE',
  'SYSTEM_MEASURE_UNKNOWN',
  'SURVEY_FLAG_FORMAT',
  'TAG_FORMAT',
  'TEXT_TOO_LONG',
  'CAP_KIND_UNKNOWN',
  'CAP_DUPLICATE',
  'CAP_FORMAT',
  'COLUMNS_MISSING',
] as const;
export type ParCriteriaIssueCode = (typeof PAR_CRITERIA_ISSUE_CODES)[number];

/** One thing wrong, placed on a node (by code) or a spreadsheet row, with the values its text names. */
export type ParCriteriaIssue = {
  code: ParCriteriaIssueCode;
  /** The node concerned (null: the whole set). */
  nodeCode: string | null;
  params: Record<string, string | number>;
};

const ISSUE_TEXTS: Record<ParCriteriaIssueCode, ParText> = {
  EMPTY: { vi: 'Bộ tiêu chí chưa có lĩnh vực nào.', en: 'The criteria set has no area.' },
  CODE_MISSING: { vi: 'Thiếu mã (STT) của dòng.', en: 'The row has no code (STT).' },
  CODE_FORMAT: {
    vi: 'Mã "{value}" không đúng dạng số thứ tự 1, 1.2 hoặc 1.2.3.',
    en: 'Code "{value}" is not numbered as 1, 1.2 or 1.2.3.',
  },
  CODE_DUPLICATE: {
    vi: 'Mã {code} bị trùng (đã có ở dòng {first}).',
    en: 'Code {code} is repeated (first at {first}).',
  },
  PARENT_MISSING: {
    vi: 'Mã {code} thuộc mục {parent} nhưng không có mục {parent}.',
    en: 'Code {code} belongs under {parent}, which does not exist.',
  },
  PARENT_MISMATCH: {
    vi: 'Mục cha ghi là {given} nhưng mã {code} thuộc mục {parent}.',
    en: 'The parent is given as {given} but code {code} belongs under {parent}.',
  },
  KIND_DEPTH: {
    vi: 'Mã {code} ở cấp {depth} phải là {expected}.',
    en: 'Code {code} at level {depth} must be a {expected}.',
  },
  TITLE_MISSING: { vi: 'Thiếu tên lĩnh vực/tiêu chí.', en: 'The title is missing.' },
  MAX_MISSING: { vi: 'Thiếu điểm tối đa.', en: 'The maximum points are missing.' },
  MAX_FORMAT: {
    vi: 'Điểm tối đa "{value}" không phải số không âm có tối đa hai chữ số thập phân (ví dụ 1,5 hoặc 1.5).',
    en: 'Maximum "{value}" is not a non-negative number with at most two decimals (e.g. 1,5 or 1.5).',
  },
  LEAF_WITHOUT_MAX: {
    vi: 'Tiêu chí {code} không có tiêu chí con nên phải có điểm tối đa lớn hơn 0.',
    en: 'Criterion {code} has no children, so its maximum must be above 0.',
  },
  CHILD_OVER_PARENT: {
    vi: 'Điểm tối đa của {code} ({max}) vượt điểm tối đa của mục {parent} ({parentMax}).',
    en: 'The maximum of {code} ({max}) is above the maximum of {parent} ({parentMax}).',
  },
  SUM_MISMATCH: {
    vi: 'Điểm tối đa của {code} là {max} nhưng tổng điểm tối đa các mục con là {sum}.',
    en: 'The maximum of {code} is {max} but its children add up to {sum}.',
  },
  TOTAL_MISMATCH: {
    vi: 'Tổng điểm tối đa các lĩnh vực là {sum}, không bằng thang điểm {expected}.',
    en: 'The areas add up to {sum}, not the scale of {expected}.',
  },
  SYSTEM_MEASURE_NOT_LEAF: {
    vi: 'Số liệu từ hệ thống chỉ gắn cho tiêu chí không có tiêu chí con ({code} có tiêu chí con).',
    en: 'A system measure belongs on a leaf only ({code} has children).',
  },
  SURVEY_NOT_LEAF: {
    vi: 'Đánh dấu điều tra xã hội học cho từng tiêu chí con, không cho mục {code} có tiêu chí con.',
    en: 'Mark the survey on each child, not on {code}, which has children.',
  },
  SURVEY_WITH_SYSTEM_MEASURE: {
    vi: 'Tiêu chí {code} chấm qua điều tra xã hội học nên không lấy số liệu từ hệ thống.',
    en: 'Criterion {code} is scored by the survey, so it takes no system measure.',
  },
  SYSTEM_MEASURE_UNKNOWN: {
    vi: 'Không có số liệu hệ thống "{value}" (dùng một trong: {allowed}).',
    en: 'Unknown system measure "{value}" (use one of: {allowed}).',
  },
  SURVEY_FLAG_FORMAT: {
    vi: 'Cột điều tra xã hội học chỉ ghi "x" hoặc để trống (đang ghi "{value}").',
    en: 'The survey column takes "x" or nothing (it says "{value}").',
  },
  TAG_FORMAT: {
    vi: 'Nhãn đơn vị "{value}" không hợp lệ (chữ thường không dấu, số, gạch dưới; cách nhau bằng dấu phẩy).',
    en: 'Unit tag "{value}" is invalid (lower-case letters, digits, underscores; separated by commas).',
  },
  TEXT_TOO_LONG: {
    vi: 'Nội dung cột {column} dài quá {limit} ký tự.',
    en: 'The {column} column is longer than {limit} characters.',
  },
  CAP_KIND_UNKNOWN: {
    vi: 'Loại "{value}" không phải "Điểm thưởng" hay "Điểm trừ".',
    en: 'Kind "{value}" is neither "Điểm thưởng" (bonus) nor "Điểm trừ" (penalty).',
  },
  CAP_DUPLICATE: { vi: 'Mức tối đa của {kind} ghi hai lần.', en: 'The cap of {kind} is given twice.' },
  CAP_FORMAT: {
    vi: 'Mức tối đa "{value}" không phải số không âm có tối đa hai chữ số thập phân.',
    en: 'Cap "{value}" is not a non-negative number with at most two decimals.',
  },
  COLUMNS_MISSING: {
    vi: 'Bảng thiếu cột: {columns}. Dòng tiêu đề phải có các cột theo mẫu.',
    en: 'The sheet lacks the columns: {columns}. The header row must have the template’s columns.',
  },
};

/** The Vietnamese and English text of an issue, its placeholders filled. */
export const describeCriteriaIssue = (issue: Pick<ParCriteriaIssue, 'code' | 'params'>): ParText => {
  const fill = (template: string) =>
    template.replaceAll(/\{(\w+)\}/g, (whole, name: string) =>
      issue.params[name] === undefined ? whole : String(issue.params[name]),
    );
  const text = ISSUE_TEXTS[issue.code];
  return { vi: fill(text.vi), en: fill(text.en) };
};

// ---------------------------------------------------------------------------------------------------------------
// Points as written by people: "1,5" (Vietnamese decimal comma) or "1.5"
// ---------------------------------------------------------------------------------------------------------------

/** Writes hundredths as a Vietnamese number: 150 → "1,5", 1000 → "10", 8878 → "88,78". */
export const formatParPoints = (points: ParPoints): string => {
  const sign = points < 0 ? '-' : '';
  const abs = Math.abs(points);
  const whole = Math.trunc(abs / 100);
  const cents = abs % 100;
  if (cents === 0) {
    return `${sign}${whole}`;
  }
  const decimals = String(cents).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole},${decimals}`;
};

/**
 * Reads points as a spreadsheet cell holds them: a number, or a text with a decimal comma ("1,5") or point
 * ("1.5"), at most two decimals, not negative. Thousands separators are refused: no maximum reaches 1 000.
 * Returns hundredths, or undefined when the value is not such a number.
 */
export const parseParPoints = (value: unknown): ParPoints | undefined => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      return undefined;
    }
    const hundredths = Math.round(value * 100);
    return Math.abs(hundredths - value * 100) < 1e-6 ? hundredths : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const whole = Number(match[1]);
  const decimals = (match[2] ?? '').padEnd(2, '0');

  return whole * 100 + Number(decimals);
};

// ---------------------------------------------------------------------------------------------------------------
// The tree
// ---------------------------------------------------------------------------------------------------------------

/** What validating a tree tells: its total and its issues (none: the tree can be published). */
export type CriteriaTreeCheck = {
  issues: ParCriteriaIssue[];
  /** Sum of the areas' maxima (hundredths). */
  totalMax: ParPoints;
  /** Codes of the nodes without children (the scored ones). */
  leafCodes: string[];
};

/**
 * Checks a criteria tree: codes well-formed and unique; every node's parent exists and is its code prefix; the
 * kind follows the depth (1 area, 2 criterion, 3 component); every leaf has a maximum above 0; no child above
 * its parent and every parent's maximum equal to the sum of its children's (QĐ 876: điểm tối đa of a criterion is
 * the sum of its components'); survey and system measures only on leaves, never both on one; the areas add up
 * to `expectedTotal` when given (the scale, 100 points for the national index).
 */
export const checkCriteriaTree = (
  nodes: readonly ParCriterion[],
  options: { expectedTotal?: ParPoints } = {},
): CriteriaTreeCheck => {
  const issues: ParCriteriaIssue[] = [];
  const byCode = new Map<string, ParCriterion>();
  const children = new Map<string, ParCriterion[]>();
  for (const node of nodes) {
    if (!PAR_CODE_PATTERN.test(node.code)) {
      issues.push({ code: 'CODE_FORMAT', nodeCode: node.code, params: { value: node.code } });
      continue;
    }
    if (byCode.has(node.code)) {
      issues.push({ code: 'CODE_DUPLICATE', nodeCode: node.code, params: { code: node.code, first: node.code } });
      continue;
    }
    byCode.set(node.code, node);
  }
  for (const node of byCode.values()) {
    const parent = parentCodeOf(node.code);
    const depth = depthOfCode(node.code);
    const expected = kindOfDepth(depth);
    if (expected !== node.kind) {
      issues.push({
        code: 'KIND_DEPTH',
        nodeCode: node.code,
        params: { code: node.code, depth, expected: expected ?? '-' },
      });
    }
    if (node.parentCode !== parent) {
      issues.push({
        code: 'PARENT_MISMATCH',
        nodeCode: node.code,
        params: { code: node.code, given: node.parentCode ?? '-', parent: parent ?? '-' },
      });
    }
    if (parent !== null) {
      if (!byCode.has(parent)) {
        issues.push({ code: 'PARENT_MISSING', nodeCode: node.code, params: { code: node.code, parent } });
      } else {
        children.set(parent, [...(children.get(parent) ?? []), node]);
      }
    }
    if (node.maxPoints < 0 || !Number.isInteger(node.maxPoints)) {
      issues.push({ code: 'MAX_FORMAT', nodeCode: node.code, params: { value: node.maxPoints } });
    }
  }
  const leafCodes: string[] = [];
  for (const node of byCode.values()) {
    const kids = children.get(node.code) ?? [];
    if (kids.length === 0) {
      leafCodes.push(node.code);
      if (node.maxPoints <= 0) {
        issues.push({ code: 'LEAF_WITHOUT_MAX', nodeCode: node.code, params: { code: node.code } });
      }
      if (node.surveyScored && node.systemMeasure !== null) {
        issues.push({ code: 'SURVEY_WITH_SYSTEM_MEASURE', nodeCode: node.code, params: { code: node.code } });
      }
      continue;
    }
    if (node.systemMeasure !== null) {
      issues.push({ code: 'SYSTEM_MEASURE_NOT_LEAF', nodeCode: node.code, params: { code: node.code } });
    }
    if (node.surveyScored) {
      issues.push({ code: 'SURVEY_NOT_LEAF', nodeCode: node.code, params: { code: node.code } });
    }
    for (const kid of kids) {
      if (kid.maxPoints > node.maxPoints) {
        issues.push({
          code: 'CHILD_OVER_PARENT',
          nodeCode: kid.code,
          params: {
            code: kid.code,
            max: formatParPoints(kid.maxPoints),
            parent: node.code,
            parentMax: formatParPoints(node.maxPoints),
          },
        });
      }
    }
    const sum = kids.reduce((total, kid) => total + kid.maxPoints, 0);
    if (sum !== node.maxPoints) {
      issues.push({
        code: 'SUM_MISMATCH',
        nodeCode: node.code,
        params: { code: node.code, max: formatParPoints(node.maxPoints), sum: formatParPoints(sum) },
      });
    }
  }
  const areas = [...byCode.values()].filter((node) => parentCodeOf(node.code) === null);
  const totalMax = areas.reduce((total, area) => total + area.maxPoints, 0);
  if (areas.length === 0) {
    issues.push({ code: 'EMPTY', nodeCode: null, params: {} });
  } else if (options.expectedTotal !== undefined && totalMax !== options.expectedTotal) {
    issues.push({
      code: 'TOTAL_MISMATCH',
      nodeCode: null,
      params: { sum: formatParPoints(totalMax), expected: formatParPoints(options.expectedTotal) },
    });
  }

  return { issues, totalMax, leafCodes: leafCodes.sort(compareCodes) };
};

/** The nodes in published order: by code, numerically (a parent before its children). */
export const sortCriteria = <T extends Pick<ParCriterion, 'code'>>(nodes: readonly T[]): T[] =>
  [...nodes].sort((a, b) => compareCodes(a.code, b.code));

/** One area of a unit's applicable tree. */
export type ApplicableArea = {
  code: string;
  title: string;
  /** The area's maximum in the set. */
  maxPoints: ParPoints;
  /** What of it applies to the unit (the leaves that apply). */
  applicableMax: ParPoints;
};

/** What of a set applies to one unit. */
export type ApplicableCriteria = {
  /** The leaves the unit is scored on, in published order. */
  leaves: ParCriterion[];
  /** Leaves that do not apply to it (by a tag or by the organiser's exclusion). */
  excludedLeafCodes: string[];
  areas: ApplicableArea[];
  /** The set's total maximum. */
  totalMax: ParPoints;
  /** The unit's maximum: the sum of the applicable leaves; its index is its points over this. */
  applicableMax: ParPoints;
};

/**
 * The leaves that apply to a unit and its applicable maximum, per area and in total. A leaf does not apply when
 * it or one of its ancestors lists one of the unit's tags in notApplicableTo, or when it lies under one of
 * `excludedCodes` (a leaf or a whole subtree the organiser excluded for this unit). The unit's maximum shrinks
 * by what does not apply; its index is points over that maximum (Hà Nam 2023 guide: units without
 * administrative procedures are not scored on those criteria).
 */
export const computeApplicableLeaves = (
  tree: readonly ParCriterion[],
  unitTags: readonly string[],
  excludedCodes: readonly string[],
): ApplicableCriteria => {
  const tags = new Set(unitTags);
  const byCode = new Map(tree.map((node) => [node.code, node]));
  const hasChildren = new Set(tree.map((node) => node.parentCode).filter((code): code is string => code !== null));
  const isExcluded = (node: ParCriterion): boolean => {
    for (let code: string | null = node.code; code !== null; code = parentCodeOf(code)) {
      const at = byCode.get(code);
      if (at?.notApplicableTo.some((tag) => tags.has(tag))) {
        return true;
      }
    }
    return excludedCodes.some((excluded) => isWithinCode(node.code, excluded));
  };
  const leaves: ParCriterion[] = [];
  const excludedLeafCodes: string[] = [];
  const applicableByArea = new Map<string, ParPoints>();
  for (const node of sortCriteria(tree)) {
    if (hasChildren.has(node.code)) {
      continue;
    }
    if (isExcluded(node)) {
      excludedLeafCodes.push(node.code);
      continue;
    }
    leaves.push(node);
    const area = node.code.split('.')[0] ?? node.code;
    applicableByArea.set(area, (applicableByArea.get(area) ?? 0) + node.maxPoints);
  }
  const areas = sortCriteria(tree.filter((node) => node.parentCode === null)).map((area) => ({
    code: area.code,
    title: area.title,
    maxPoints: area.maxPoints,
    applicableMax: applicableByArea.get(area.code) ?? 0,
  }));

  return {
    leaves,
    excludedLeafCodes,
    areas,
    totalMax: areas.reduce((total, area) => total + area.maxPoints, 0),
    applicableMax: areas.reduce((total, area) => total + area.applicableMax, 0),
  };
};

/** The caps of a set's bonus (điểm thưởng) and penalty (điểm trừ) points, hundredths. */
export type ParAdjustmentCaps = { bonusCap: ParPoints; penaltyCap: ParPoints };

/**
 * A unit's bonus and penalty points held to the set's caps: a province's decision caps what a unit can gain or
 * lose beyond its criteria (e.g. "điểm thưởng tối đa 3 điểm"). Negative entries count as 0.
 */
export const capAdjustments = (
  entered: { bonus: ParPoints; penalty: ParPoints },
  caps: ParAdjustmentCaps,
): { bonus: ParPoints; penalty: ParPoints; bonusCapped: boolean; penaltyCapped: boolean } => {
  const bonus = Math.max(0, entered.bonus);
  const penalty = Math.max(0, entered.penalty);

  return {
    bonus: Math.min(bonus, caps.bonusCap),
    penalty: Math.min(penalty, caps.penaltyCap),
    bonusCapped: bonus > caps.bonusCap,
    penaltyCapped: penalty > caps.penaltyCap,
  };
};

/** Orders siblings' positions 0, 1, 2… by code, as a set is published; returns new nodes. */
export const renumberPositions = (nodes: readonly ParCriterion[]): ParCriterion[] => {
  const next = new Map<string, number>();

  return sortCriteria(nodes).map((node) => {
    const key = node.parentCode ?? '';
    const position = next.get(key) ?? 0;
    next.set(key, position + 1);
    return { ...node, position };
  });
};
