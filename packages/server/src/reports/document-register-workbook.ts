/**
 * The incoming or outgoing register (sổ đăng ký văn bản đến / đi, Decree 30/2020/NĐ-CP Phụ lục IV) as an
 * Excel workbook with the same columns as the PDF, streamed: rows are written and committed a page at a
 * time as they are read, so a year's register never sits in memory.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { formatDateLongVi } from '../pdf/format-vi.js';
import { REGISTER_COLUMNS, REGISTER_TITLES } from '../pdf/render-document-register.js';
import type { DocumentRegister } from '../usecases/eoffice/registers/registers.js';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi-VN');

/** Writes the register to `stream` from pages of rows; resolves with the number of rows written. */
export const writeDocumentRegisterWorkbook = async (
  stream: Writable,
  register: Pick<DocumentRegister, 'kind' | 'meta' | 'agency' | 'period' | 'yearLabel'>,
  pages: AsyncIterable<{ rows: string[][] }>,
): Promise<number> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'motcua';
  const columns = REGISTER_COLUMNS[register.kind];
  const title = REGISTER_TITLES[register.kind];
  const last = columns.length;
  const headerRow = 7;
  const sheet = workbook.addWorksheet(register.kind === 'incoming' ? 'Văn bản đến' : 'Văn bản đi', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: headerRow,
        topLeftCell: `A${headerRow + 1}`,
        activeCell: `A${headerRow + 1}`,
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
  const issuer = register.meta.issuer;
  if (issuer.parentName) {
    text(1, 1, 3, upper(issuer.parentName), {});
    text(2, 1, 3, upper(issuer.agencyName), { bold: true });
  } else {
    text(1, 1, 3, upper(issuer.agencyName), { bold: true });
  }
  text(1, 5, last, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  text(2, 5, last, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  text(4, 1, last, `${upper(title)} – ${upper(register.yearLabel)}`, { bold: true, size: 14 });
  text(5, 1, last, `${register.agency.name} — ${register.period.label}`, { italic: true });
  text(6, 1, last, `(Phụ lục IV, Nghị định 30/2020/NĐ-CP; lập ${formatDateLongVi(register.meta.generatedAt.date)})`, {
    italic: true,
    size: 10,
  });
  for (let r = 1; r <= 6; r += 1) {
    sheet.getRow(r).commit();
  }
  const header = sheet.getRow(headerRow);
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
      const line = sheet.addRow(row);
      line.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.font = { name: FONT, size: 11 };
        cell.alignment = {
          horizontal: columns[column - 1]?.align === 'center' ? 'center' : 'left',
          vertical: 'top',
          wrapText: true,
        };
        cell.border = BORDER;
      });
      line.commit();
      count += 1;
    }
  }
  if (count === 0) {
    const empty = sheet.addRow(['', 'Không có văn bản trong kỳ.']);
    empty.getCell(2).font = { name: FONT, size: 11, italic: true };
    empty.commit();
  }
  sheet.commit();
  await workbook.commit();
  return count;
};
