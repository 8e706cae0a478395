/**
 * The summary of a consultation (bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý) as an Excel workbook with
 * the PDF's columns, for the drafter who edits it further.
 */
import type ExcelJS from 'exceljs';
import {
  CONSULTATION_SUMMARY_COLUMNS,
  CONSULTATION_SUMMARY_TITLE,
  type ConsultationSummaryTable,
} from '../pdf/render-consultation-summary.js';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi-VN');

export const buildConsultationSummaryWorkbook = async (data: ConsultationSummaryTable): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('Tổng hợp ý kiến', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = CONSULTATION_SUMMARY_COLUMNS.map((column) => ({ width: column.width }));
  const last = CONSULTATION_SUMMARY_COLUMNS.length;
  const text = (row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = value;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  if (data.issuer.parentName) {
    text(1, 1, 2, upper(data.issuer.parentName), {});
  }
  text(2, 1, 2, upper(data.issuer.agencyName), { bold: true });
  text(1, 3, last, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  text(2, 3, last, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  text(4, 1, last, upper(CONSULTATION_SUMMARY_TITLE), { bold: true, size: 14 });
  text(5, 1, last, `Dự thảo: ${data.title}`, { italic: true });
  const headerRow = 7;
  CONSULTATION_SUMMARY_COLUMNS.forEach((column, index) => {
    const cell = sheet.getRow(headerRow).getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  data.rows.forEach((row, r) => {
    const values = [row.index, row.recipientName, row.articleRef, row.body, row.response];
    values.forEach((value, c) => {
      const cell = sheet.getRow(headerRow + 1 + r).getCell(c + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: c === 0 ? 'center' : 'left' };
      cell.border = BORDER;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
