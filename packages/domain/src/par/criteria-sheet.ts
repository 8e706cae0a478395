/**
 * The spreadsheet layout in which provinces publish a criteria set (the appendix of the province's decision,
 * e.g. Quảng Ninh QĐ 3463/QĐ-UBND 2022, Hà Nam QĐ 1156/QĐ-UBND 2023): one row per node, columns STT/Mã | Lĩnh
 * vực/Tiêu chí/Tiêu chí thành phần | Điểm tối đa | Cách chấm điểm | Tài liệu kiểm chứng | Điều tra XHH (x) |
 * Không áp dụng cho | Số liệu từ hệ thống; a second sheet with the caps of bonus and penalty points.
 *
 * Pure: cell values in (as the workbook reader gives them), typed nodes or per-row issues out. An import is all
 * or nothing: any issue refuses the whole sheet, every bad row listed with its number and reason.
 */

import { foldVietnamese } from '../text/fold.js';
import {
  checkCriteriaTree,
  depthOfCode,
  describeCriteriaIssue,
  formatParPoints,
  kindOfDepth,
  PAR_CODE_PATTERN,
  PAR_UNIT_TAG_PATTERN,
  type ParAdjustmentCaps,
  type ParCriteriaIssue,
  type ParText,
  parentCodeOf,
  parseParPoints,
  renumberPositions,
  sortCriteria,
} from './criteria-set.js';
import { PAR_SYSTEM_MEASURES, type ParCriterion, type ParPoints, type ParSystemMeasure } from './types.js';

/** The columns of the criteria sheet, in the published order. */
export const PAR_CRITERIA_COLUMNS = [
  'code',
  'title',
  'maxPoints',
  'scoringRule',
  'evidenceRequired',
  'surveyScored',
  'notApplicableTo',
  'systemMeasure',
] as const;
export type ParCriteriaColumn = (typeof PAR_CRITERIA_COLUMNS)[number];

/** Header texts written on export, and the words a header must contain to be recognised on import. */
export const PAR_CRITERIA_HEADERS: Record<ParCriteriaColumn, { header: string; matches: string[] }> = {
  code: { header: 'STT/Mã', matches: ['stt', 'ma so', 'ma'] },
  title: { header: 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', matches: ['linh vuc', 'tieu chi', 'noi dung'] },
  maxPoints: { header: 'Điểm tối đa', matches: ['diem toi da'] },
  scoringRule: { header: 'Cách chấm điểm', matches: ['cach cham', 'phuong phap cham', 'huong dan cham'] },
  evidenceRequired: { header: 'Tài liệu kiểm chứng', matches: ['tai lieu kiem chung', 'kiem chung'] },
  surveyScored: { header: 'Điều tra XHH (x)', matches: ['dieu tra', 'xhh'] },
  notApplicableTo: { header: 'Không áp dụng cho', matches: ['khong ap dung'] },
  systemMeasure: { header: 'Số liệu từ hệ thống', matches: ['so lieu tu he thong', 'he thong'] },
};

/** Columns an import cannot do without. */
const REQUIRED_COLUMNS: readonly ParCriteriaColumn[] = ['code', 'title', 'maxPoints'];

/** Sheet names written on export (the import reads the first sheet and the caps sheet by this name or second). */
export const PAR_SHEET_NAMES = { criteria: 'Bộ tiêu chí', caps: 'Điểm thưởng, điểm trừ' } as const;
export const PAR_CAPS_HEADERS = ['Loại', 'Điểm tối đa'] as const;
export const PAR_CAP_LABELS = { bonus: 'Điểm thưởng', penalty: 'Điểm trừ' } as const;

/** A spreadsheet cell as a reader gives it. */
export type SheetCell = string | number | boolean | null | undefined;

/** One row of a sheet: its number in the file (1-based) and its cells. */
export type SheetRow = { rowNumber: number; cells: readonly SheetCell[] };

/** A refused row: its number, the column concerned, the stable code and the text in both languages. */
export type ParSheetRowError = {
  rowNumber: number | null;
  column: ParCriteriaColumn | null;
  code: ParCriteriaIssue['code'];
  message: ParText;
};

/** "Điểm tối đa" → "diem toi da", "STT/Mã" → "stt ma". */
const fold = (text: string) => foldVietnamese(text);

const textOf = (cell: SheetCell): string => (cell === null || cell === undefined ? '' : String(cell).trim());

/**
 * Finds the header row (the first of the first ten rows that names the required columns) and where each column
 * is. Longer header words are tried first, so "Điểm tối đa" is not taken for "STT/Mã".
 */
export const findCriteriaHeader = (
  rows: readonly SheetRow[],
): { rowNumber: number; columns: Partial<Record<ParCriteriaColumn, number>> } | { missing: ParCriteriaColumn[] } => {
  let best: { rowNumber: number; columns: Partial<Record<ParCriteriaColumn, number>> } | undefined;
  for (const row of rows.slice(0, 10)) {
    const columns: Partial<Record<ParCriteriaColumn, number>> = {};
    const folded = row.cells.map((cell) => fold(textOf(cell)));
    // Most specific columns first: maxPoints before code (both may say "điểm"), title last.
    const order: ParCriteriaColumn[] = [
      'maxPoints',
      'evidenceRequired',
      'scoringRule',
      'surveyScored',
      'notApplicableTo',
      'systemMeasure',
      'code',
      'title',
    ];
    const taken = new Set<number>();
    for (const column of order) {
      const index = folded.findIndex(
        (text, at) =>
          !taken.has(at) &&
          text !== '' &&
          PAR_CRITERIA_HEADERS[column].matches.some((word) =>
            word.length <= 3 ? text.split(/[^a-z]+/).includes(word) : text.includes(word),
          ),
      );
      if (index >= 0) {
        columns[column] = index;
        taken.add(index);
      }
    }
    if (REQUIRED_COLUMNS.every((column) => columns[column] !== undefined)) {
      return { rowNumber: row.rowNumber, columns };
    }
    if (!best || Object.keys(columns).length > Object.keys(best.columns).length) {
      best = { rowNumber: row.rowNumber, columns };
    }
  }

  return { missing: REQUIRED_COLUMNS.filter((column) => best?.columns[column] === undefined) };
};

/** Roman numerals as some decisions number their areas (I … XX). */
const ROMAN = /^(X{0,2})(IX|IV|V?I{0,3})$/;
const romanToNumber = (text: string): number | undefined => {
  const match = ROMAN.exec(text);
  if (!match || text === '') {
    return undefined;
  }
  const tens = (match[1] ?? '').length * 10;
  const units: Record<string, number> = { '': 0, I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9 };

  return tens + (units[match[2] ?? ''] ?? 0);
};

/** A code as a sheet holds it: "3.2", "3.2." (trailing point), "III" (an area), or a number. */
const readCode = (cell: SheetCell): string => {
  const text = textOf(cell).replace(/\.$/, '');
  const roman = romanToNumber(text.toUpperCase());
  return roman !== undefined && roman > 0 ? String(roman) : text;
};

const SURVEY_YES = new Set(['x', 'có', 'co', 'yes', 'true', '1']);

const LIMITS: Partial<Record<ParCriteriaColumn, number>> = {
  title: 2000,
  scoringRule: 8000,
  evidenceRequired: 4000,
};

/** The column a tree issue points at. */
const TREE_ISSUE_COLUMNS: Partial<Record<ParCriteriaIssue['code'], ParCriteriaColumn>> = {
  CODE_FORMAT: 'code',
  CODE_DUPLICATE: 'code',
  PARENT_MISSING: 'code',
  PARENT_MISMATCH: 'code',
  KIND_DEPTH: 'code',
  MAX_FORMAT: 'maxPoints',
  LEAF_WITHOUT_MAX: 'maxPoints',
  CHILD_OVER_PARENT: 'maxPoints',
  SUM_MISMATCH: 'maxPoints',
  SYSTEM_MEASURE_NOT_LEAF: 'systemMeasure',
  SURVEY_WITH_SYSTEM_MEASURE: 'systemMeasure',
  SURVEY_NOT_LEAF: 'surveyScored',
};

/** The parsed criteria of a sheet, or every row's errors. */
export type ParCriteriaSheet =
  | { ok: true; nodes: ParCriterion[]; caps: ParAdjustmentCaps; totalMax: ParPoints }
  | { ok: false; errors: ParSheetRowError[] };

const errorOf = (
  rowNumber: number | null,
  column: ParCriteriaColumn | null,
  issue: Pick<ParCriteriaIssue, 'code' | 'params'>,
): ParSheetRowError => ({ rowNumber, column, code: issue.code, message: describeCriteriaIssue(issue) });

/**
 * Reads the caps sheet: rows "Điểm thưởng | 3" and "Điểm trừ | 2" under a header (missing rows: cap 0).
 */
export const parseAdjustmentCapRows = (
  rows: readonly SheetRow[],
): { caps: ParAdjustmentCaps; errors: ParSheetRowError[] } => {
  const caps: ParAdjustmentCaps = { bonusCap: 0, penaltyCap: 0 };
  const seen = new Set<string>();
  const errors: ParSheetRowError[] = [];
  for (const row of rows) {
    const label = fold(textOf(row.cells[0]));
    const value = row.cells[1];
    if (label === '' || label === fold(PAR_CAPS_HEADERS[0])) {
      continue;
    }
    const kind =
      label.includes('thuong') || label === 'bonus'
        ? 'bonus'
        : label.includes('tru') || label === 'penalty'
          ? 'penalty'
          : undefined;
    if (!kind) {
      errors.push(errorOf(row.rowNumber, null, { code: 'CAP_KIND_UNKNOWN', params: { value: textOf(row.cells[0]) } }));
      continue;
    }
    if (seen.has(kind)) {
      errors.push(errorOf(row.rowNumber, null, { code: 'CAP_DUPLICATE', params: { kind: PAR_CAP_LABELS[kind] } }));
      continue;
    }
    seen.add(kind);
    const points = parseParPoints(value);
    if (points === undefined) {
      errors.push(errorOf(row.rowNumber, null, { code: 'CAP_FORMAT', params: { value: textOf(value) } }));
      continue;
    }
    caps[kind === 'bonus' ? 'bonusCap' : 'penaltyCap'] = points;
  }

  return { caps, errors };
};

/**
 * Reads a criteria sheet and its caps. Every row is checked on its own (code, title, maximum in "1,5" or "1.5",
 * survey mark, tags, system measure), then the tree as a whole (duplicate codes, unknown parents, a child above
 * its parent, maxima that do not add up, the total when `expectedTotal` is given); each issue names its row.
 * Empty rows are skipped.
 */
export const parseCriteriaSheet = (
  criteriaRows: readonly SheetRow[],
  capRows: readonly SheetRow[] = [],
  options: { expectedTotal?: ParPoints } = {},
): ParCriteriaSheet => {
  const header = findCriteriaHeader(criteriaRows);
  if ('missing' in header) {
    const columns = header.missing.map((column) => PAR_CRITERIA_HEADERS[column].header).join(', ');
    return { ok: false, errors: [errorOf(null, null, { code: 'COLUMNS_MISSING', params: { columns } })] };
  }
  const errors: ParSheetRowError[] = [];
  const nodes: ParCriterion[] = [];
  const rowOfCode = new Map<string, number>();
  const cellOf = (row: SheetRow, column: ParCriteriaColumn): SheetCell => {
    const at = header.columns[column];
    return at === undefined ? null : row.cells[at];
  };
  for (const row of criteriaRows) {
    if (row.rowNumber <= header.rowNumber || row.cells.every((cell) => textOf(cell) === '')) {
      continue;
    }
    const rowErrors: ParSheetRowError[] = [];
    const fail = (column: ParCriteriaColumn | null, code: ParCriteriaIssue['code'], params = {}) =>
      rowErrors.push(errorOf(row.rowNumber, column, { code, params }));

    const code = readCode(cellOf(row, 'code'));
    if (code === '') {
      fail('code', 'CODE_MISSING');
    } else if (!PAR_CODE_PATTERN.test(code)) {
      fail('code', 'CODE_FORMAT', { value: code });
    } else if (rowOfCode.has(code)) {
      fail('code', 'CODE_DUPLICATE', { code, first: rowOfCode.get(code) ?? '' });
    }
    const title = textOf(cellOf(row, 'title'));
    if (title === '') {
      fail('title', 'TITLE_MISSING');
    }
    const maxCell = cellOf(row, 'maxPoints');
    const maxPoints = parseParPoints(maxCell);
    if (textOf(maxCell) === '') {
      fail('maxPoints', 'MAX_MISSING');
    } else if (maxPoints === undefined) {
      fail('maxPoints', 'MAX_FORMAT', { value: textOf(maxCell) });
    }
    for (const column of ['title', 'scoringRule', 'evidenceRequired'] as const) {
      const limit = LIMITS[column] ?? 0;
      if (textOf(cellOf(row, column)).length > limit) {
        fail(column, 'TEXT_TOO_LONG', { column: PAR_CRITERIA_HEADERS[column].header, limit });
      }
    }
    const surveyText = fold(textOf(cellOf(row, 'surveyScored')));
    const surveyCell = cellOf(row, 'surveyScored');
    const surveyScored = surveyCell === true || SURVEY_YES.has(surveyText);
    if (
      !surveyScored &&
      surveyText !== '' &&
      surveyCell !== false &&
      !['khong', 'no', 'false', '0'].includes(surveyText)
    ) {
      fail('surveyScored', 'SURVEY_FLAG_FORMAT', { value: textOf(surveyCell) });
    }
    const notApplicableTo = textOf(cellOf(row, 'notApplicableTo'))
      .split(/[,;\n]/)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '');
    for (const tag of notApplicableTo) {
      if (!PAR_UNIT_TAG_PATTERN.test(tag)) {
        fail('notApplicableTo', 'TAG_FORMAT', { value: tag });
      }
    }
    const measureText = textOf(cellOf(row, 'systemMeasure'));
    const systemMeasure = measureText === '' ? null : (measureText as ParSystemMeasure);
    if (systemMeasure !== null && !PAR_SYSTEM_MEASURES.includes(systemMeasure)) {
      fail('systemMeasure', 'SYSTEM_MEASURE_UNKNOWN', { value: measureText, allowed: PAR_SYSTEM_MEASURES.join(', ') });
    }
    errors.push(...rowErrors);
    if (code !== '' && PAR_CODE_PATTERN.test(code) && !rowOfCode.has(code)) {
      rowOfCode.set(code, row.rowNumber);
      const kind = kindOfDepth(depthOfCode(code)) ?? 'component';
      nodes.push({
        code,
        parentCode: parentCodeOf(code),
        kind,
        position: 0,
        title: title === '' ? code : title.slice(0, 2000),
        maxPoints: maxPoints ?? 0,
        scoringRule: textOf(cellOf(row, 'scoringRule')) || null,
        evidenceRequired: textOf(cellOf(row, 'evidenceRequired')) || null,
        surveyScored,
        systemMeasure: systemMeasure !== null && PAR_SYSTEM_MEASURES.includes(systemMeasure) ? systemMeasure : null,
        notApplicableTo: [...new Set(notApplicableTo)],
      });
    }
  }
  // The tree as a whole, on the rows that read well (a row with a bad maximum would only repeat its error).
  const badMax = new Set(errors.filter((e) => e.column === 'maxPoints').map((e) => e.rowNumber));
  const check = checkCriteriaTree(nodes, options);
  for (const issue of check.issues) {
    if (issue.code === 'LEAF_WITHOUT_MAX' && badMax.has(rowOfCode.get(issue.nodeCode ?? '') ?? -1)) {
      continue;
    }
    const rowNumber = issue.nodeCode === null ? null : (rowOfCode.get(issue.nodeCode) ?? null);
    errors.push(errorOf(rowNumber, TREE_ISSUE_COLUMNS[issue.code] ?? null, issue));
  }
  const capsRead = parseAdjustmentCapRows(capRows);
  errors.push(...capsRead.errors);
  if (errors.length > 0) {
    return {
      ok: false,
      errors: errors.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0)),
    };
  }

  return { ok: true, nodes: renumberPositions(nodes), caps: capsRead.caps, totalMax: check.totalMax };
};

/**
 * The rows of a set as the sheet writes them (header first): codes as text, maxima as numbers of points (1.5),
 * "x" for survey-scored, tags comma-separated. Reading them back with parseCriteriaSheet gives the same tree.
 */
export const toCriteriaSheetRows = (nodes: readonly ParCriterion[]): Array<Array<string | number>> => [
  PAR_CRITERIA_COLUMNS.map((column) => PAR_CRITERIA_HEADERS[column].header),
  ...sortCriteria(nodes).map((node) => [
    node.code,
    node.title,
    node.maxPoints / 100,
    node.scoringRule ?? '',
    node.evidenceRequired ?? '',
    node.surveyScored ? 'x' : '',
    node.notApplicableTo.join(', '),
    node.systemMeasure ?? '',
  ]),
];

/** The caps sheet's rows (header first). */
export const toCapSheetRows = (caps: ParAdjustmentCaps): Array<Array<string | number>> => [
  [...PAR_CAPS_HEADERS],
  [PAR_CAP_LABELS.bonus, caps.bonusCap / 100],
  [PAR_CAP_LABELS.penalty, caps.penaltyCap / 100],
];

/** Points of a node for a screen: "1,5 điểm". */
export const describeMaxPoints = (points: ParPoints): string => `${formatParPoints(points)} điểm`;
