import {
  deleteUnusedFileListEntry,
  findAgency,
  findFileListEntry,
  insertFileListEntry,
  listAgenciesUnder,
  listFileListEntries,
  replaceFileList,
  updateFileListEntry,
} from '@motcua/db';
import {
  type FileListRowError,
  type FileListRowInput,
  foldVietnamese,
  formatRetention,
  validateFileListRows,
} from '@motcua/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { Actor } from '../../../auth/actor.js';
import { authorizeAgencyAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { FILE_LIST, worksWithin } from './work-file-access.js';

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * The agency's yearly file list (danh mục hồ sơ, Decree 30/2020 Art. 28 [RECALL]): read by its officials
 * (work.read), imported from a spreadsheet and edited by those who keep files for the agency
 * (workfile.manage at the agency itself: the clerk and the agency's head; a unit's specialist holds it at
 * the unit only).
 */

export const FILE_LIST_MAX_BYTES = 2 * 1024 * 1024;

const toEntry = (entry: Awaited<ReturnType<typeof listFileListEntries>>[number]) => ({
  id: entry.id,
  year: entry.year,
  code: entry.code,
  title: entry.title,
  retentionYears: entry.retentionYears,
  retentionLabel: formatRetention(entry.retentionYears),
  responsibleAgencyId: entry.responsibleAgencyId,
  responsibleAgencyName: entry.responsibleAgencyName,
});

export const getFileList = async (ctx: AppContext, actor: Actor, input: { agencyId: string; year: number }) => {
  const official = requireOfficial(actor);
  if (!(await worksWithin(ctx, official, input.agencyId))) {
    throw new AppError('NOT_FOUND', { resource: FILE_LIST });
  }
  const agency = await findAgency(ctx.db, input.agencyId);
  const units = await listAgenciesUnder(ctx.db, input.agencyId);
  return {
    agencyId: input.agencyId,
    agencyName: agency?.name ?? '',
    year: input.year,
    units: units.map((unit) => ({ id: unit.id, name: unit.name })),
    items: (await listFileListEntries(ctx.db, input.agencyId, input.year)).map(toEntry),
  };
};

/** The columns of the list as Decree 30/2020 Phụ lục V's form names them [RECALL], folded, and their keys. */
const HEADERS: Record<string, keyof Omit<FileListRowInput, 'rowNo'>> = {
  'so va ky hieu ho so': 'code',
  'so ky hieu ho so': 'code',
  'ky hieu ho so': 'code',
  'ma ho so': 'code',
  code: 'code',
  'ten de muc va tieu de ho so': 'title',
  'tieu de ho so': 'title',
  'ten ho so': 'title',
  title: 'title',
  'thoi han bao quan': 'retention',
  retention: 'retention',
  'don vi nguoi lap ho so': 'unit',
  'don vi lap ho so': 'unit',
  'nguoi lap ho so': 'unit',
  unit: 'unit',
};

type Cell = string | number | boolean | null;

const cellText = (value: ExcelJS.CellValue): Cell => {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if ('richText' in value) {
    return value.richText.map((part) => part.text).join('');
  }
  if ('result' in value) {
    const result = value.result;
    return typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' ? result : null;
  }
  if ('text' in value && typeof value.text === 'string') {
    return value.text;
  }
  return null;
};

/** The rows of a CSV (UTF-8, comma or semicolon) or an .xlsx workbook's first sheet, numbered as the file shows them. */
const readSheet = async (content: Buffer): Promise<{ rowNo: number; cells: Cell[] }[]> => {
  const isZip = content.length > 4 && content[0] === 0x50 && content[1] === 0x4b;
  if (isZip) {
    const { default: excel } = await import('exceljs');
    const workbook = new excel.Workbook();
    try {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
    } catch (error) {
      throw new AppError('WORKFILE_LIST_FILE_UNREADABLE', {}, { cause: error });
    }
    const rows: { rowNo: number; cells: Cell[] }[] = [];
    workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      rows.push({ rowNo: rowNumber, cells: (row.values as ExcelJS.CellValue[]).slice(1).map(cellText) });
    });
    return rows;
  }
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return records
      .map((cells, index) => ({ rowNo: index + 1, cells: cells as Cell[] }))
      .filter((row) => row.cells.some((cell) => String(cell ?? '').trim() !== ''));
  } catch (error) {
    throw new AppError('WORKFILE_LIST_FILE_UNREADABLE', {}, { cause: error });
  }
};

/** Finds the header row (the first whose cells name a code and a title) and maps the rows below it. */
export const readFileListSheet = async (content: Buffer): Promise<FileListRowInput[]> => {
  const rows = await readSheet(content);
  for (const [index, row] of rows.entries()) {
    const columns = new Map<keyof Omit<FileListRowInput, 'rowNo'>, number>();
    row.cells.forEach((cell, column) => {
      const key = HEADERS[foldVietnamese(String(cell ?? ''))];
      if (key && !columns.has(key)) {
        columns.set(key, column);
      }
    });
    if (columns.has('code') && columns.has('title')) {
      const at = (cells: Cell[], key: keyof Omit<FileListRowInput, 'rowNo'>) => {
        const column = columns.get(key);
        return column === undefined ? '' : String(cells[column] ?? '').trim();
      };
      return rows
        .slice(index + 1)
        .filter((data) => at(data.cells, 'code') !== '' || at(data.cells, 'title') !== '')
        .map((data) => ({
          rowNo: data.rowNo,
          code: at(data.cells, 'code'),
          title: at(data.cells, 'title'),
          retention: at(data.cells, 'retention'),
          unit: at(data.cells, 'unit'),
        }));
    }
  }
  throw new AppError('WORKFILE_LIST_FILE_UNREADABLE');
};

/**
 * Imports a year's list from a spreadsheet, all or nothing: every row is checked (code, title, retention,
 * the unit named among the agency's units) and, with any error, nothing is written and the errors come back
 * with their row numbers. Entries of that year not in the file are deleted, unless a work file uses them
 * (those are kept and named in the answer).
 */
export const importFileList = async (
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; year: number; content: Buffer },
): Promise<
  { ok: true; inserted: number; updated: number; kept: string[] } | { ok: false; errors: FileListRowError[] }
> => {
  await authorizeAgencyAction(ctx, actor, 'workfile.manage', input.agencyId, FILE_LIST);
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency) {
    throw new AppError('NOT_FOUND', { resource: FILE_LIST });
  }
  const units = await listAgenciesUnder(ctx.db, agency.id);
  const byName = new Map<string, string>();
  for (const unit of [agency, ...units]) {
    byName.set(foldVietnamese(unit.name), unit.id);
    if (unit.shortName) {
      byName.set(foldVietnamese(unit.shortName), unit.id);
    }
  }
  const rows = await readFileListSheet(input.content);
  const checked = validateFileListRows(rows, (name) => byName.has(foldVietnamese(name)));
  if (!checked.ok) {
    return { ok: false, errors: checked.errors };
  }
  const result = await ctx.db.transaction().execute((trx) =>
    replaceFileList(trx, {
      agencyId: agency.id,
      provinceCode: agency.provinceCode ?? '00',
      year: input.year,
      rows: checked.rows.map((row) => ({
        code: row.code,
        title: row.title,
        retentionYears: row.retentionYears,
        responsibleAgencyId: row.unit ? (byName.get(foldVietnamese(row.unit)) ?? null) : null,
      })),
    }),
  );
  return { ok: true, ...result };
};

export type FileListEntryInput = {
  code: string;
  title: string;
  retentionYears: number | null;
  responsibleAgencyId?: string | null | undefined;
};

const checkUnit = async (ctx: AppContext, agencyId: string, unitId: string | null | undefined) => {
  if (unitId && unitId !== agencyId && !(await listAgenciesUnder(ctx.db, agencyId)).some((u) => u.id === unitId)) {
    throw new AppError('WORKFILE_LIST_UNIT_INVALID');
  }
};

/** Adds one entry to a year's list. */
export const addFileListEntry = async (
  ctx: AppContext,
  actor: Actor,
  input: FileListEntryInput & { agencyId: string; year: number },
) => {
  await authorizeAgencyAction(ctx, actor, 'workfile.manage', input.agencyId, FILE_LIST);
  const agency = await findAgency(ctx.db, input.agencyId);
  await checkUnit(ctx, input.agencyId, input.responsibleAgencyId);
  try {
    const row = await insertFileListEntry(ctx.db, {
      provinceCode: agency?.provinceCode ?? '00',
      agencyId: input.agencyId,
      year: input.year,
      code: input.code.trim(),
      title: input.title.trim(),
      retentionYears: input.retentionYears,
      responsibleAgencyId: input.responsibleAgencyId ?? null,
    });
    return { id: row.id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('WORKFILE_LIST_CODE_TAKEN', { code: input.code.trim() });
    }
    throw error;
  }
};

/** Changes an entry (its code too; files already opened keep the code they took). */
export const editFileListEntry = async (ctx: AppContext, actor: Actor, id: string, input: FileListEntryInput) => {
  const entry = await findFileListEntry(ctx.db, id);
  if (!entry) {
    throw new AppError('NOT_FOUND', { resource: FILE_LIST });
  }
  await authorizeAgencyAction(ctx, actor, 'workfile.manage', entry.agencyId, FILE_LIST);
  await checkUnit(ctx, entry.agencyId, input.responsibleAgencyId);
  try {
    await updateFileListEntry(ctx.db, id, {
      code: input.code.trim(),
      title: input.title.trim(),
      retentionYears: input.retentionYears,
      responsibleAgencyId: input.responsibleAgencyId ?? null,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('WORKFILE_LIST_CODE_TAKEN', { code: input.code.trim() });
    }
    throw error;
  }
  return { id };
};

/** Deletes an entry no work file uses. */
export const removeFileListEntry = async (ctx: AppContext, actor: Actor, id: string) => {
  const entry = await findFileListEntry(ctx.db, id);
  if (!entry) {
    throw new AppError('NOT_FOUND', { resource: FILE_LIST });
  }
  await authorizeAgencyAction(ctx, actor, 'workfile.manage', entry.agencyId, FILE_LIST);
  if (!(await deleteUnusedFileListEntry(ctx.db, id))) {
    throw new AppError('WORKFILE_LIST_ENTRY_IN_USE');
  }
};
