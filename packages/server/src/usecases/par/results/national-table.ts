/**
 * The national PAR Index table of provinces, entered row by row or imported from the Ministry's spreadsheet by
 * the province's organiser, and the province's place in it ("xếp thứ 23/63"). All or nothing: the domain checks
 * every row first (packages/domain/src/par/national-table.ts) and one bad row refuses the whole table.
 */
import { listParNationalResults, listParNationalYears, replaceParNationalResults } from '@motcua/db';
import { checkNationalTable, formatParPoints, type ParNationalIssue, type ParNationalRowInput } from '@motcua/domain';
import ExcelJS from 'exceljs';
import type { Actor } from '../../../auth/actor.js';
import { authorizeProvinceAction } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

export type ParNationalTable = {
  provinceCode: string;
  year: number;
  source: string | null;
  rows: { provinceCode: string; provinceName: string; points: number; indexBp: number; rank: number }[];
  /** The province's own row and its place, when it is in the table. */
  own: { rank: number; of: number; points: number; phrase: string } | null;
  /** Years with a table entered, newest first. */
  years: number[];
};

/** The national table of a year as the province entered it, with the province's place. Anyone may read it. */
export const getParNationalTable = async (
  ctx: AppContext,
  input: { provinceCode: string; year: number },
): Promise<ParNationalTable> => {
  const [rows, years] = await Promise.all([
    listParNationalResults(ctx.reader, input),
    listParNationalYears(ctx.reader, input.provinceCode),
  ]);
  const own = rows.find((row) => row.rankedProvinceCode === input.provinceCode);
  return {
    provinceCode: input.provinceCode,
    year: input.year,
    source: rows[0]?.source ?? null,
    rows: rows.map((row) => ({
      provinceCode: row.rankedProvinceCode,
      provinceName: row.rankedProvinceName,
      points: row.points,
      indexBp: row.indexBp,
      rank: row.rank,
    })),
    own: own
      ? {
          rank: own.rank,
          of: rows.length,
          points: own.points,
          phrase: `${own.rankedProvinceName} đạt ${formatParPoints(own.points)} điểm, xếp thứ ${own.rank}/${rows.length}`,
        }
      : null,
    years,
  };
};

/** 422 with every reason: `issues` in both languages, and as field problems (row pointers) for forms. */
const refuse = (issues: ParNationalIssue[]): never => {
  throw new AppError(
    'PAR_NATIONAL_TABLE_INVALID',
    { count: issues.length },
    {
      extensions: { issues },
      fieldProblems: issues.map((issue) => ({
        in: 'body',
        pointer: issue.row === null ? '/rows' : `/rows/${issue.row}`,
        code: issue.code,
        message: issue.message.vi,
      })),
    },
  );
};

/**
 * Saves a year's national table (replacing the one entered before) after checking every row: par.organise of the
 * province. Returns the table as saved.
 */
export const saveParNationalTable = async (
  ctx: AppContext,
  actor: Actor,
  input: { provinceCode: string; year: number; source: string; rows: ParNationalRowInput[] },
): Promise<ParNationalTable> => {
  const official = authorizeProvinceAction(actor, 'par.organise', input.provinceCode);
  const checked = checkNationalTable(input.rows);
  if (!checked.ok) {
    return refuse(checked.issues);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) =>
    replaceParNationalResults(trx, {
      provinceCode: input.provinceCode,
      year: input.year,
      rows: checked.rows.map((row) => ({
        provinceCode: input.provinceCode,
        year: input.year,
        rankedProvinceCode: row.provinceCode,
        rankedProvinceName: row.provinceName,
        points: row.points,
        indexBp: row.indexBp,
        rank: row.rank,
        areaPoints: [],
        source: input.source,
        enteredBy: official.userId,
        enteredAt: now,
      })),
    }),
  );
  return getParNationalTable(ctx, { provinceCode: input.provinceCode, year: input.year });
};

/** Column headings accepted in the Ministry's spreadsheet, folded to lower case without diacritics. */
const HEADINGS: Record<'provinceCode' | 'provinceName' | 'points' | 'rank', readonly string[]> = {
  provinceCode: ['ma tinh', 'ma', 'ma dvhc', 'province code', 'code'],
  provinceName: ['tinh, thanh pho', 'tinh/thanh pho', 'tinh', 'ten tinh', 'don vi', 'province'],
  points: ['diem', 'tong diem', 'diem dat duoc', 'chi so', 'points'],
  rank: ['xep hang', 'thu hang', 'hang', 'rank'],
};

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const cellValue = (value: ExcelJS.CellValue): unknown => {
  if (value && typeof value === 'object' && 'result' in value) {
    return value.result;
  }
  if (value && typeof value === 'object' && 'richText' in value) {
    return value.richText.map((run) => run.text).join('');
  }
  return value ?? '';
};

/**
 * Reads the national table from a workbook (.xlsx): the first sheet, the heading row is the first row naming a
 * province code, a name and the points (rank optional), every later non-empty row a province.
 */
export const readNationalWorkbook = async (content: Buffer): Promise<ParNationalRowInput[]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('PAR_NATIONAL_FILE_UNREADABLE', { reason: (error as Error).message.slice(0, 200) });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw new AppError('PAR_NATIONAL_FILE_UNREADABLE', { reason: 'no worksheet' });
  }
  let columns: Partial<Record<keyof typeof HEADINGS, number>> | undefined;
  const rows: ParNationalRowInput[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as ExcelJS.CellValue[]).map(cellValue);
    if (columns === undefined) {
      const found: Partial<Record<keyof typeof HEADINGS, number>> = {};
      values.forEach((value, index) => {
        const heading = fold(String(value ?? ''));
        for (const [key, names] of Object.entries(HEADINGS) as [keyof typeof HEADINGS, readonly string[]][]) {
          if (found[key] === undefined && names.includes(heading)) {
            found[key] = index;
          }
        }
      });
      if (found.provinceCode !== undefined && found.provinceName !== undefined && found.points !== undefined) {
        columns = found;
      }
      return;
    }
    const at = (key: keyof typeof HEADINGS) => (columns?.[key] === undefined ? '' : values[columns[key] ?? 0]);
    if ([at('provinceCode'), at('provinceName'), at('points')].every((value) => String(value ?? '').trim() === '')) {
      return;
    }
    rows.push({
      row: rowNumber,
      provinceCode: at('provinceCode'),
      provinceName: at('provinceName'),
      points: at('points'),
      rank: at('rank'),
    });
  });
  if (columns === undefined) {
    throw new AppError('PAR_NATIONAL_FILE_UNREADABLE', {
      reason: 'no heading row with "Mã tỉnh", "Tỉnh, thành phố" and "Điểm"',
    });
  }
  return rows;
};
