/**
 * Criteria sets to and from the spreadsheet layout provinces publish (domain/par/criteria-sheet.ts): an import
 * makes a NEW draft, all or nothing — any bad row refuses the whole file with every row's number and reason
 * (422 PAR_SET_SHEET_INVALID) and nothing is written. The export writes the same layout, so exporting a set and
 * importing the file gives the same tree.
 *
 * The import runs inside the request, not on the job queue: a province's set has 100–300 rows (the national
 * index 8 areas, 37 criteria, 88 components), read and checked in milliseconds and written in two statements,
 * and the file is capped at PAR_SHEET_MAX_BYTES. A long import with progress is the dossier history import's
 * problem (usecases/reports/import-runs.ts), not this one's.
 */
import { findCriteriaTree, findNextCriteriaSetVersion, insertCriteriaSet, replaceCriteriaTree } from '@motcua/db';
import {
  PAR_SHEET_NAMES,
  type ParUnitGroup,
  parseCriteriaSheet,
  type SheetCell,
  type SheetRow,
  toCapSheetRows,
  toCriteriaSheetRows,
} from '@motcua/domain';
import type ExcelJS from 'exceljs';
import type { Actor } from '../../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import {
  type CriteriaSetDetail,
  expectedTotalOf,
  getParCriteriaSet,
  presentCriteriaSetDetail,
  provinceOfActor,
} from './criteria-sets.js';

/** The largest criteria workbook accepted (a 300-row set with long scoring rules is well under 1 MB). */
export const PAR_SHEET_MAX_BYTES = 5 * 1024 * 1024;

/** A cell's value as text or number, whatever exceljs made of it (rich text, formula result, hyperlink, date). */
const cellValueOf = (value: ExcelJS.CellValue): SheetCell => {
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

const rowsOf = (sheet: ExcelJS.Worksheet | undefined): SheetRow[] => {
  const rows: SheetRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs rows are 1-based: values[0] is empty.
    rows.push({ rowNumber, cells: values.slice(1).map(cellValueOf) });
  });
  return rows;
};

const readWorkbook = async (content: Buffer): Promise<{ criteria: SheetRow[]; caps: SheetRow[] }> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('PAR_SET_FILE_UNREADABLE', {}, { cause: error });
  }
  const sheets = workbook.worksheets;
  const criteria = workbook.getWorksheet(PAR_SHEET_NAMES.criteria) ?? sheets[0];
  if (!criteria) {
    throw new AppError('PAR_SET_FILE_UNREADABLE');
  }
  const caps = workbook.getWorksheet(PAR_SHEET_NAMES.caps) ?? sheets.find((sheet) => sheet !== criteria);
  return { criteria: rowsOf(criteria), caps: rowsOf(caps) };
};

/**
 * Imports a workbook as a new draft set of a year and unit group: every row checked, the tree checked (the
 * national set must total 100 points), nothing written unless all is well.
 */
export const importParCriteriaSet = async (
  ctx: AppContext,
  actor: Actor,
  input: { province?: string | undefined; year: number; unitGroup: ParUnitGroup; title: string; content: Buffer },
): Promise<CriteriaSetDetail> => {
  const provinceCode = input.province ?? provinceOfActor(requireOfficial(actor), 'par.organise');
  const official = authorizeProvinceAction(actor, 'par.organise', provinceCode);
  const { criteria, caps } = await readWorkbook(input.content);
  const parsed = parseCriteriaSheet(criteria, caps, { expectedTotal: expectedTotalOf(input.unitGroup) });
  if (!parsed.ok) {
    throw new AppError(
      'PAR_SET_SHEET_INVALID',
      { count: parsed.errors.length },
      { extensions: { rows: parsed.errors } },
    );
  }
  const result = await ctx.db.transaction().execute(async (trx) => {
    const version = await findNextCriteriaSetVersion(trx, {
      provinceCode,
      year: input.year,
      unitGroup: input.unitGroup,
    });
    const set = await insertCriteriaSet(trx, {
      provinceCode,
      year: input.year,
      unitGroup: input.unitGroup,
      version,
      status: 'draft',
      title: input.title,
      bonusCap: parsed.caps.bonusCap,
      penaltyCap: parsed.caps.penaltyCap,
      totalMax: parsed.totalMax,
      createdBy: official.userId,
    });
    await replaceCriteriaTree(trx, set.id, parsed.nodes);
    return { set, tree: await findCriteriaTree(trx, set.id) };
  });
  return presentCriteriaSetDetail(result.set, result.tree);
};

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };

/** Writes a set in the published layout: the criteria sheet and the caps sheet. */
export const exportParCriteriaSet = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; content: Buffer }> => {
  const detail = await getParCriteriaSet(ctx, actor, id);
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet(PAR_SHEET_NAMES.criteria, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const rows = toCriteriaSheetRows(detail.criteria);
  sheet.addRows(rows);
  sheet.columns = [10, 60, 10, 50, 40, 12, 20, 24].map((width) => ({ width }));
  // Codes are text: "3.10" must not become the number 3.1.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(3).numFmt = '0.00';
  sheet.eachRow((row, n) => {
    const depth = n === 1 ? 0 : String(row.getCell(1).value).split('.').length;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT, size: 11, bold: n === 1 || depth === 1 };
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: n === 1 ? 'center' : undefined };
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    });
  });
  const capsSheet = workbook.addWorksheet(PAR_SHEET_NAMES.caps);
  capsSheet.addRows(toCapSheetRows({ bonusCap: detail.bonusCap, penaltyCap: detail.penaltyCap }));
  capsSheet.columns = [{ width: 20 }, { width: 14 }];
  capsSheet.getRow(1).font = { name: FONT, bold: true };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const group = { department: 'so-nganh', commune: 'cap-xa', province: 'cap-tinh' }[detail.unitGroup];
  return { fileName: `bo-tieu-chi-cchc-${detail.year}-${group}-v${detail.version}.xlsx`, content: buffer };
};
