/**
 * The leader's dashboard (issue 20 item 6) as an Excel workbook: the units, the officials and the evaluation
 * bands of the last decided period, each figure as its count, its base and its rate. A dashboard has at most a
 * few hundred rows, so the workbook is built in memory.
 */
import type ExcelJS from 'exceljs';
import type { WorkDashboard } from '../usecases/work/dashboard/work-dashboard.js';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

type Rate = { numerator: number; base: number; percent: number | null };

const rateCells = (rate: Rate) => [rate.numerator, rate.base, rate.percent === null ? '' : rate.percent / 100];

const FIGURE_HEADERS = [
  'Việc đang giao (chủ trì)',
  'Việc quá hạn',
  'trên số việc',
  'Tỷ lệ quá hạn',
  'Việc đến hạn trong tuần',
  'trên số việc',
  'Tỷ lệ',
  'Hồ sơ một cửa đang giữ',
  'Hồ sơ quá hạn',
  'trên số hồ sơ',
  'Tỷ lệ quá hạn',
];

const figureCells = (row: {
  openTasks: number;
  overdueTasks: Rate;
  dueThisWeek: Rate;
  heldDossiers: number;
  overdueDossiers: Rate;
}) => [
  row.openTasks,
  ...rateCells(row.overdueTasks),
  ...rateCells(row.dueThisWeek),
  row.heldDossiers,
  ...rateCells(row.overdueDossiers),
];

/** Writes the dashboard workbook and answers its bytes. */
export const buildWorkDashboardWorkbook = async (dashboard: WorkDashboard): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'motcua';
  const addSheet = (
    name: string,
    title: string,
    headers: string[],
    rows: (string | number)[][],
    percentCols: number[],
  ) => {
    const sheet = workbook.addWorksheet(name, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }],
    });
    sheet.mergeCells(1, 1, 1, headers.length);
    const heading = sheet.getCell(1, 1);
    heading.value = title;
    heading.font = { name: FONT, size: 14, bold: true };
    heading.alignment = { horizontal: 'center' };
    sheet.getCell(2, 1).value =
      `Lập lúc ${dashboard.generatedAt} — tuần từ ${dashboard.week.from} đến ${dashboard.week.to}`;
    sheet.getCell(2, 1).font = { name: FONT, size: 10, italic: true };
    const header = sheet.getRow(3);
    headers.forEach((text, index) => {
      const cell = header.getCell(index + 1);
      cell.value = text;
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    header.height = 48;
    for (const values of rows) {
      const line = sheet.addRow(values);
      line.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.font = { name: FONT, size: 11 };
        cell.border = BORDER;
        if (percentCols.includes(column)) {
          cell.numFmt = '0.00%';
        }
      });
    }
    sheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 40 : index === 1 && name !== 'Đơn vị' ? 30 : 14;
    });
  };
  const figurePercentCols = (offset: number) => [offset + 4, offset + 7, offset + 11];
  const totalRow = ['Tổng cộng', dashboard.totals.officials, ...figureCells(dashboard.totals)];
  addSheet(
    'Đơn vị',
    'KHỐI LƯỢNG CÔNG VIỆC THEO ĐƠN VỊ',
    ['Đơn vị', 'Số công chức', ...FIGURE_HEADERS],
    [...dashboard.units.map((u) => [`${'  '.repeat(u.depth)}${u.name}`, u.officials, ...figureCells(u)]), totalRow],
    figurePercentCols(2),
  );
  addSheet(
    'Công chức',
    'KHỐI LƯỢNG CÔNG VIỆC THEO CÔNG CHỨC',
    ['Họ và tên', 'Đơn vị', ...FIGURE_HEADERS],
    dashboard.officials.map((o) => [o.fullName, o.unitName, ...figureCells(o)]),
    figurePercentCols(2),
  );
  const evaluation = dashboard.evaluation;
  addSheet(
    'Đánh giá',
    evaluation
      ? `KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI — ${evaluation.period.label.vi.toLocaleUpperCase('vi-VN')}`
      : 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI',
    ['Mức xếp loại', 'Số người', 'trên số đã xếp loại', 'Tỷ lệ'],
    evaluation
      ? evaluation.bands.map((b) => [b.label.vi, ...rateCells(b)])
      : [['Chưa có kỳ đánh giá nào được quyết định xếp loại.']],
    [4],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
