/**
 * A book of rows as an A4-landscape Excel workbook in the form registers and tracking books are kept in (Decree
 * 30/2020/NĐ-CP Phụ lục IV; Circular 01/2018/TT-VPCP Mẫu 06): the issuing agency and the national motto above a
 * title, a frozen header row repeated on every printed page, Times New Roman, page numbers in the footer. Rows are
 * written and committed a page at a time as they are read, so a year's book never sits in memory.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

/** One row's cells, in column order. */
export type BookRow = readonly (string | number)[];

export type BookColumn = { header: string; width: number; align: 'left' | 'center' };

export type LandscapeBook = {
  sheetName: string;
  columns: readonly BookColumn[];
  issuer: { parentName?: string | null; agencyName: string };
  /** The agency block spans columns 1…issuerColumns; the motto starts at column issuerColumns + 2. */
  issuerColumns: number;
  title: string;
  subtitle: string;
  /** The line under the subtitle: the legal form and when the book was made. */
  basis: string;
  /** The row written when the period has nothing. */
  emptyText: string;
};

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_ROW = 7;

const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi-VN');

/** Writes the book to `stream` from pages of rows (cells in column order); resolves with the number of rows. */
export const writeLandscapeBookWorkbook = async (
  stream: Writable,
  book: LandscapeBook,
  pages: AsyncIterable<{ rows: readonly BookRow[] }>,
): Promise<number> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'motcua';
  const { columns } = book;
  const last = columns.length;
  const sheet = workbook.addWorksheet(book.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: HEADER_ROW,
        topLeftCell: `A${HEADER_ROW + 1}`,
        activeCell: `A${HEADER_ROW + 1}`,
      },
    ],
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const text = (row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = value;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  const span = book.issuerColumns;
  if (book.issuer.parentName) {
    text(1, 1, span, upper(book.issuer.parentName), {});
    text(2, 1, span, upper(book.issuer.agencyName), { bold: true });
  } else {
    text(1, 1, span, upper(book.issuer.agencyName), { bold: true });
  }
  text(1, span + 2, last, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  text(2, span + 2, last, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  text(4, 1, last, upper(book.title), { bold: true, size: 14 });
  text(5, 1, last, book.subtitle, { italic: true });
  text(6, 1, last, book.basis, { italic: true, size: 10 });
  for (let r = 1; r < HEADER_ROW; r += 1) {
    sheet.getRow(r).commit();
  }
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = 36;
  header.commit();
  let count = 0;
  for await (const page of pages) {
    for (const row of page.rows) {
      const line = sheet.addRow([...row]);
      line.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.font = { name: FONT, size: 11 };
        cell.alignment = { horizontal: columns[column - 1]?.align ?? 'left', vertical: 'top', wrapText: true };
        cell.border = BORDER;
      });
      line.commit();
      count += 1;
    }
  }
  if (count === 0) {
    const empty = sheet.addRow(['', book.emptyText]);
    empty.getCell(2).font = { name: FONT, size: 11, italic: true };
    empty.commit();
  }
  sheet.commit();
  await workbook.commit();
  return count;
};
