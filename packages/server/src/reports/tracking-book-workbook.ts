/**
 * The tracking book (sổ theo dõi hồ sơ: Circular 01/2018/TT-VPCP Mẫu 06, Mẫu 07 under Circular
 * 03/2025/TT-VPCP) as an Excel workbook, streamed: rows are written and committed page by page as
 * they are read, so a desk's year (hundreds of thousands of rows) never sits in memory.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { TrackingBookRow } from '../pdf/form-data.js';
import { formatDateLongVi } from '../pdf/format-vi.js';
import type { ReportMeta } from './report-meta.js';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const COLUMNS: { header: string; width: number; align: 'left' | 'center' }[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Mã hồ sơ', width: 28, align: 'left' },
  { header: 'Trích yếu nội dung hồ sơ', width: 36, align: 'left' },
  { header: 'Số lượng hồ sơ (bộ)', width: 9, align: 'center' },
  { header: 'Tên cá nhân, tổ chức', width: 24, align: 'left' },
  { header: 'Địa chỉ, số điện thoại', width: 32, align: 'left' },
  { header: 'Ngày, giờ nhận hồ sơ', width: 17, align: 'center' },
  { header: 'Ngày hẹn trả kết quả', width: 17, align: 'center' },
  { header: 'Ngày trả kết quả', width: 17, align: 'center' },
  { header: 'Người tiếp nhận', width: 20, align: 'left' },
  { header: 'Ghi chú', width: 18, align: 'left' },
];

const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi-VN');

/** Writes the book to `stream` from pages of rows; resolves when the file is complete. */
export const writeTrackingBookWorkbook = async (
  stream: Writable,
  meta: ReportMeta,
  book: { agencyName: string; periodLabel: string },
  pages: AsyncIterable<{ rows: TrackingBookRow[] }>,
): Promise<number> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'motcua';
  const last = COLUMNS.length;
  const headerRow = 7;
  const sheet = workbook.addWorksheet('Sổ theo dõi hồ sơ', {
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
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  const text = (row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = value;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  if (meta.issuer.parentName) {
    text(1, 1, 4, upper(meta.issuer.parentName), {});
    text(2, 1, 4, upper(meta.issuer.agencyName), { bold: true });
  } else {
    text(1, 1, 4, upper(meta.issuer.agencyName), { bold: true });
  }
  text(1, 6, last, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  text(2, 6, last, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  text(4, 1, last, 'SỔ THEO DÕI HỒ SƠ', { bold: true, size: 14 });
  text(5, 1, last, `${book.agencyName} — ${book.periodLabel}`, { italic: true });
  text(6, 1, last, `(Mẫu số 06, Thông tư 01/2018/TT-VPCP; lập ${formatDateLongVi(meta.generatedAt.date)})`, {
    italic: true,
    size: 10,
  });
  for (let r = 1; r <= 6; r += 1) {
    sheet.getRow(r).commit();
  }
  const header = sheet.getRow(headerRow);
  COLUMNS.forEach((column, index) => {
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
      const line = sheet.addRow([
        row.index,
        row.dossierCode,
        row.summary,
        row.sets,
        row.applicantName,
        row.phone ? `${row.address}${row.address ? '; ' : ''}ĐT: ${row.phone}` : row.address,
        row.receivedAt,
        row.appointment,
        row.returnedAt ?? '',
        row.receiver,
        row.note ?? '',
      ]);
      line.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.font = { name: FONT, size: 11 };
        cell.alignment = { horizontal: COLUMNS[column - 1]?.align ?? 'left', vertical: 'top', wrapText: true };
        cell.border = BORDER;
      });
      line.commit();
      count += 1;
    }
  }
  if (count === 0) {
    const empty = sheet.addRow(['', 'Không có hồ sơ tiếp nhận trong kỳ.']);
    empty.getCell(2).font = { name: FONT, size: 11, italic: true };
    empty.commit();
  }
  sheet.commit();
  await workbook.commit();
  return count;
};
