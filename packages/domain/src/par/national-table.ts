/**
 * The national PAR Index table of provinces as the Ministry of Home Affairs publishes it (63 provinces until the
 * 2024 index, 34 since the 2025 merger of provinces), entered or imported by a province's organiser so that the
 * province can see itself against it ("Chỉ số CCHC tỉnh Sơn La đạt 81,93 điểm, xếp thứ 23/63"). Pure: rows in,
 * checked rows or row-by-row reasons out. An import is all or nothing: one bad row refuses the table.
 *
 * Legal base: QĐ 876/QĐ-BNV (10/11/2022) — a province's index has a maximum of 100 points, so its index in
 * percent equals its points (../shared/spec/reform-and-eoffice.md §A.1) and the rank follows the points.
 */
import { parseParPoints } from './criteria-set.js';
import { indexBpOf, rankUnits } from './scoring.js';
import type { ParPoints } from './types.js';

/** A province's maximum under QĐ 876: 100 points (hundredths). */
export const PAR_PROVINCE_MAX_POINTS: ParPoints = 10_000;

/** The sizes of the national table: 63 provinces and cities until 2024, 34 since the 2025 merger. */
export const PAR_NATIONAL_TABLE_SIZES = [63, 34] as const;

/** One row as read from a form or a spreadsheet, before checking. */
export type ParNationalRowInput = {
  /** The spreadsheet row number (or the position in the list), for the reasons. */
  row: number;
  provinceCode: unknown;
  provinceName: unknown;
  points: unknown;
  /** The published rank; when given it must be the rank its points give (ties share a rank, 1, 2, 2, 4). */
  rank?: unknown;
};

export type ParNationalRow = {
  provinceCode: string;
  provinceName: string;
  points: ParPoints;
  indexBp: number;
  rank: number;
};

export const PAR_NATIONAL_ISSUE_CODES = [
  'PROVINCE_CODE_INVALID',
  'PROVINCE_CODE_DUPLICATE',
  'PROVINCE_NAME_MISSING',
  'POINTS_INVALID',
  'POINTS_OVER_MAXIMUM',
  'RANK_INVALID',
  'RANK_MISMATCH',
  'TABLE_EMPTY',
] as const;
export type ParNationalIssueCode = (typeof PAR_NATIONAL_ISSUE_CODES)[number];

export type ParNationalIssue = {
  row: number | null;
  code: ParNationalIssueCode;
  message: { vi: string; en: string };
};

const issue = (row: number | null, code: ParNationalIssueCode, vi: string, en: string): ParNationalIssue => ({
  row,
  code,
  message: { vi, en },
});

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

/** A province code as written: "14", 14 or "4" (padded to two digits). */
const provinceCodeOf = (value: unknown): string | undefined => {
  const text = textOf(value);
  return /^\d{1,2}$/.test(text) ? text.padStart(2, '0') : undefined;
};

/**
 * Checks a national table row by row: a two-digit province code once only, a name, points between 0 and 100
 * with at most two decimals, and — when the publication gives ranks — each rank equal to the standard
 * competition rank of its points (equal points share a rank, the next skips). Ranks left out are computed.
 * Returns the rows ordered by rank, or every reason found.
 */
export const checkNationalTable = (
  inputs: readonly ParNationalRowInput[],
): { ok: true; rows: ParNationalRow[] } | { ok: false; issues: ParNationalIssue[] } => {
  const issues: ParNationalIssue[] = [];
  if (inputs.length === 0) {
    return {
      ok: false,
      issues: [issue(null, 'TABLE_EMPTY', 'Bảng không có dòng nào.', 'The table has no rows.')],
    };
  }
  const seen = new Map<string, number>();
  const parsed: Array<{ row: number; provinceCode: string; provinceName: string; points: number; rank?: number }> = [];
  for (const input of inputs) {
    const before = issues.length;
    const provinceCode = provinceCodeOf(input.provinceCode);
    if (provinceCode === undefined) {
      issues.push(
        issue(
          input.row,
          'PROVINCE_CODE_INVALID',
          `Dòng ${input.row}: mã tỉnh "${textOf(input.provinceCode)}" không phải mã hai chữ số.`,
          `Row ${input.row}: province code "${textOf(input.provinceCode)}" is not a two-digit code.`,
        ),
      );
    } else if (seen.has(provinceCode)) {
      issues.push(
        issue(
          input.row,
          'PROVINCE_CODE_DUPLICATE',
          `Dòng ${input.row}: mã tỉnh ${provinceCode} đã có ở dòng ${seen.get(provinceCode)}.`,
          `Row ${input.row}: province code ${provinceCode} is already on row ${seen.get(provinceCode)}.`,
        ),
      );
    } else {
      seen.set(provinceCode, input.row);
    }
    const provinceName = textOf(input.provinceName);
    if (provinceName.length === 0 || provinceName.length > 200) {
      issues.push(
        issue(
          input.row,
          'PROVINCE_NAME_MISSING',
          `Dòng ${input.row}: thiếu tên tỉnh, thành phố.`,
          `Row ${input.row}: the province name is missing.`,
        ),
      );
    }
    const points = parseParPoints(input.points);
    if (points === undefined) {
      issues.push(
        issue(
          input.row,
          'POINTS_INVALID',
          `Dòng ${input.row}: điểm "${textOf(input.points)}" không phải số không âm có tối đa hai chữ số thập phân.`,
          `Row ${input.row}: points "${textOf(input.points)}" are not a non-negative number with at most two decimals.`,
        ),
      );
    } else if (points > PAR_PROVINCE_MAX_POINTS) {
      issues.push(
        issue(
          input.row,
          'POINTS_OVER_MAXIMUM',
          `Dòng ${input.row}: điểm vượt quá 100.`,
          `Row ${input.row}: points above the maximum of 100.`,
        ),
      );
    }
    let rank: number | undefined;
    const rankText = textOf(input.rank);
    if (rankText !== '') {
      rank = /^\d{1,3}$/.test(rankText) && Number(rankText) >= 1 ? Number(rankText) : undefined;
      if (rank === undefined) {
        issues.push(
          issue(
            input.row,
            'RANK_INVALID',
            `Dòng ${input.row}: thứ hạng "${rankText}" không phải số nguyên dương.`,
            `Row ${input.row}: rank "${rankText}" is not a positive whole number.`,
          ),
        );
      }
    }
    if (issues.length === before && provinceCode !== undefined && points !== undefined) {
      parsed.push({ row: input.row, provinceCode, provinceName, points, ...(rank === undefined ? {} : { rank }) });
    }
  }
  if (issues.length > 0) {
    return { ok: false, issues };
  }
  const ranked = rankUnits(
    parsed.map((row) => ({ ...row, id: row.provinceCode, indexBp: indexBpOf(row.points, PAR_PROVINCE_MAX_POINTS) })),
    { key: 'points', ties: 'competition' },
  );
  for (const row of ranked) {
    const published = parsed.find((p) => p.provinceCode === row.id)?.rank;
    if (published !== undefined && published !== row.rank) {
      issues.push(
        issue(
          row.row,
          'RANK_MISMATCH',
          `Dòng ${row.row}: thứ hạng ${published} không khớp với điểm (${row.provinceName} xếp thứ ${row.rank} theo điểm).`,
          `Row ${row.row}: rank ${published} does not match the points (${row.provinceName} ranks ${row.rank} by its points).`,
        ),
      );
    }
  }
  if (issues.length > 0) {
    return { ok: false, issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  }

  return {
    ok: true,
    rows: ranked.map((row) => ({
      provinceCode: row.provinceCode,
      provinceName: row.provinceName,
      points: row.points,
      indexBp: row.indexBp ?? 0,
      rank: row.rank,
    })),
  };
};
