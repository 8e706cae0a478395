/**
 * The results of an evaluation period as the agencies file them (Excel): STT, họ và tên, chức vụ, đơn vị, điểm
 * tiêu chí chung, điểm kết quả thực hiện nhiệm vụ, tổng điểm, xếp loại (Decree 335/2025/NĐ-CP; Decree 233/2026).
 * Points are shown with two decimals (they are stored in hundredths).
 */
import type ExcelJS from 'exceljs';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export type EvaluationWorkbookRow = {
  fullName: string;
  position: string;
  unit: string;
  generalPoints: number | null;
  taskPoints: number | null;
  totalPoints: number | null;
  band: string;
  note: string;
};

export const EVALUATION_COLUMNS = [
  { title: 'STT', width: 6 },
  { title: 'Họ và tên', width: 28 },
  { title: 'Chức vụ', width: 22 },
  { title: 'Đơn vị', width: 26 },
  { title: 'Điểm tiêu chí chung (tối đa 30)', width: 14 },
  { title: 'Điểm kết quả thực hiện nhiệm vụ (tối đa 70)', width: 16 },
  { title: 'Tổng điểm', width: 10 },
  { title: 'Xếp loại', width: 26 },
  { title: 'Ghi chú', width: 30 },
] as const;

const points = (value: number | null) => (value === null ? null : value / 100);

export const buildEvaluationWorkbook = async (input: {
  agencyName: string;
  periodLabel: string;
  rows: readonly EvaluationWorkbookRow[];
}): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('Kết quả đánh giá', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = EVALUATION_COLUMNS.map((column) => ({ width: column.width }));
  const last = EVALUATION_COLUMNS.length;
  const text = (row: number, value: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = value;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  text(1, input.agencyName.normalize('NFC').toLocaleUpperCase('vi-VN'), { bold: true });
  text(2, 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC', { bold: true, size: 14 });
  text(3, input.periodLabel, { italic: true });
  const headerRow = 5;
  const header = sheet.getRow(headerRow);
  EVALUATION_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.title;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  input.rows.forEach((row, index) => {
    const values = [
      index + 1,
      row.fullName,
      row.position,
      row.unit,
      points(row.generalPoints),
      points(row.taskPoints),
      points(row.totalPoints),
      row.band,
      row.note,
    ];
    const excelRow = sheet.getRow(headerRow + 1 + index);
    values.forEach((value, column) => {
      const cell = excelRow.getCell(column + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 11 };
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        horizontal: column >= 4 && column <= 6 ? 'right' : 'left',
      };
      if (column >= 4 && column <= 6) {
        cell.numFmt = '0.00';
      }
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
