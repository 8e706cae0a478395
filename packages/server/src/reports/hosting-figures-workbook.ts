/**
 * The hosting centre's figures across provinces (issue 22 item 4) as an Excel workbook: one row per province and
 * a total, each rate beside its numerator and base so that it can be recomputed from the counts. At most a
 * hundred rows, built in memory.
 */
import type ExcelJS from 'exceljs';
import type { HostingFigures, ProvinceFigures } from '../usecases/provinces/hosting-figures.js';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const HEADERS = [
  'Mã tỉnh',
  'Tỉnh, thành phố',
  'Hồ sơ tiếp nhận',
  'Hồ sơ đã giải quyết',
  'Giải quyết trước hạn, đúng hạn',
  'Giải quyết quá hạn',
  'Tỷ lệ đúng hạn',
  'Hồ sơ quá hạn chưa giải quyết',
  'Phản ánh, kiến nghị tiếp nhận',
  'Số cán bộ, công chức',
  'Số cơ quan, đơn vị',
];
const PERCENT_COLUMN = 7;

const cells = (row: Omit<ProvinceFigures, 'provinceCode' | 'name'>) => [
  row.received,
  row.resolved,
  row.resolvedEarlyOrOnTime,
  row.resolvedLate,
  row.onTimePercent === null ? '' : row.onTimePercent / 100,
  row.overdueOpen,
  row.paknReceived,
  row.officials,
  row.agencies,
];

/** Writes the figures workbook and answers its bytes. */
export const buildHostingFiguresWorkbook = async (figures: HostingFigures): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('Số liệu các tỉnh', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }],
  });
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  const heading = sheet.getCell(1, 1);
  heading.value = `SỐ LIỆU CÁC TỈNH, THÀNH PHỐ — ${figures.period.label.vi.toLocaleUpperCase('vi-VN')}`;
  heading.font = { name: FONT, size: 14, bold: true };
  heading.alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).value =
    `Từ ${figures.period.from} đến ${figures.period.to}; số hồ sơ quá hạn tính đến ngày ${figures.period.asOf}`;
  sheet.getCell(2, 1).font = { name: FONT, size: 10, italic: true };
  const header = sheet.getRow(3);
  HEADERS.forEach((text, index) => {
    const cell = header.getCell(index + 1);
    cell.value = text;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = 48;
  const rows = [
    ...figures.provinces.map((p) => [p.provinceCode, p.name, ...cells(p)]),
    ['', 'Tổng cộng', ...cells(figures.totals)],
  ];
  for (const values of rows) {
    const line = sheet.addRow(values);
    line.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.font = { name: FONT, size: 11, bold: values[1] === 'Tổng cộng' && values[0] === '' };
      cell.border = BORDER;
      if (column === PERCENT_COLUMN) {
        cell.numFmt = '0.00%';
      }
    });
  }
  const note = sheet.addRow([`Tỷ lệ đúng hạn: ${figures.onTimeRule}`]);
  note.getCell(1).font = { name: FONT, size: 10, italic: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 10 : index === 1 ? 32 : 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
