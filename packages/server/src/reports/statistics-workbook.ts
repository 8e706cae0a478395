/**
 * The statistics report as an Excel workbook, in the layout of the periodic report on the results
 * of handling administrative procedures (Circular 01/2018/TT-VPCP reporting, carried into Circular
 * 03/2025/TT-VPCP): the agency block and the national motto (Decree 30/2020/NĐ-CP), the title, the
 * period, "Đơn vị tính", a three-level header — received (total; carried over; new online; new in
 * person or by public post), resolved (total; early; on time; late), in progress (total; within the
 * time limit; overdue) — the column-number row with the identities between columns, one row per
 * group and the total, the rates with their bases, and the signature block. A4 landscape, header
 * frozen and repeated on every printed page.
 */
import { type PercentDecimals, TIMELINESS_LABELS } from '@motcua/domain';
import type ExcelJS from 'exceljs';
import { formatDateLongVi } from '../pdf/format-vi.js';
import type { StatisticsReport } from '../usecases/reports/statistics.js';
import { formatPeriodLineVi, type ReportMeta } from './report-meta.js';

// The early / on time / late words come from the one timeliness rule (domain dossier/timeliness).
const lower = (text: string) => text.toLocaleLowerCase('vi-VN');

const FONT = 'Times New Roman';
const COUNT = '#,##0';
/** Excel number format of a percentage with one or two decimals (the report's rounding). */
const rateFormat = (decimals: PercentDecimals): string => (decimals === 1 ? '0.0' : '0.00');

const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

type Column = {
  key: string;
  header: string;
  width: number;
  value: (f: StatisticsReport['totals']) => number | null;
  rate?: boolean;
};

const pct = (value: number | null) => value;

/** The columns of the report, in order (counts, then the rates on their stated bases). */
export const STATISTICS_COLUMNS: Column[] = [
  { key: 'total', header: 'Tổng số', width: 10, value: (f) => f.totalToProcess },
  { key: 'carriedOver', header: 'Số kỳ trước chuyển qua', width: 10, value: (f) => f.carriedOver },
  { key: 'online', header: 'Trực tuyến', width: 10, value: (f) => f.receivedOnline },
  {
    key: 'directPostal',
    header: 'Trực tiếp, dịch vụ bưu chính công ích',
    width: 12,
    value: (f) => f.receivedDirect + f.receivedPostal,
  },
  { key: 'resolved', header: 'Tổng số', width: 10, value: (f) => f.resolved },
  { key: 'early', header: `Trả ${lower(TIMELINESS_LABELS.early.vi)}`, width: 10, value: (f) => f.resolvedEarly },
  { key: 'onTime', header: `Trả ${lower(TIMELINESS_LABELS.on_time.vi)}`, width: 10, value: (f) => f.resolvedOnTime },
  { key: 'late', header: `Trả ${lower(TIMELINESS_LABELS.late.vi)}`, width: 10, value: (f) => f.resolvedLate },
  { key: 'inProgress', header: 'Tổng số', width: 10, value: (f) => f.inProgress },
  { key: 'notDue', header: 'Trong hạn', width: 10, value: (f) => f.inProgressNotDue },
  { key: 'overdue', header: TIMELINESS_LABELS.overdue.vi, width: 10, value: (f) => f.inProgressOverdue },
  { key: 'returned', header: 'Đã trả kết quả', width: 10, value: (f) => f.returned },
  { key: 'withdrawn', header: 'Rút hồ sơ', width: 9, value: (f) => f.withdrawn },
  { key: 'stoppedRefused', header: 'Dừng giải quyết, từ chối', width: 10, value: (f) => f.stopped + f.refused },
  {
    key: 'earlyRate',
    header: `${TIMELINESS_LABELS.early.vi} (%)`,
    width: 9,
    value: (f) => pct(f.percentages.early.value),
    rate: true,
  },
  {
    key: 'onTimeRate',
    header: `${TIMELINESS_LABELS.on_time.vi} (%)`,
    width: 9,
    value: (f) => pct(f.percentages.onTime.value),
    rate: true,
  },
  {
    key: 'lateRate',
    header: `${TIMELINESS_LABELS.late.vi} (%)`,
    width: 9,
    value: (f) => pct(f.percentages.late.value),
    rate: true,
  },
  {
    key: 'onlineRate',
    header: 'Tiếp nhận trực tuyến (%)',
    width: 10,
    value: (f) => pct(f.percentages.online.value),
    rate: true,
  },
];

/** Column numbers printed under the header, with the identities official forms print there. */
const NUMBERING = [
  '(1)=(2)+(3)+(4)',
  '(2)',
  '(3)',
  '(4)',
  '(5)=(6)+(7)+(8)',
  '(6)',
  '(7)',
  '(8)',
  '(9)=(10)+(11)',
  '(10)',
  '(11)',
  '(12)',
  '(13)',
  '(14)',
  '(15)=(6)/(5)',
  '(16)=(7)/(5)',
  '(17)=(8)/(5)',
  '(18)=(3)/((3)+(4))',
];

const GROUP_HEADER: Record<string, string> = {
  agency: 'Cơ quan giải quyết',
  receivingAgency: 'Nơi tiếp nhận',
  level: 'Cấp giải quyết',
  channel: 'Hình thức nộp',
  procedure: 'Thủ tục hành chính',
  field: 'Lĩnh vực giải quyết',
  province: 'Tỉnh, thành phố',
  day: 'Ngày',
  month: 'Tháng',
  quarter: 'Quý',
  year: 'Năm',
};

const style = (
  cell: ExcelJS.Cell,
  options: {
    bold?: boolean;
    italic?: boolean;
    size?: number;
    align?: 'left' | 'center' | 'right';
    wrap?: boolean;
    border?: boolean;
  },
) => {
  cell.font = { name: FONT, size: options.size ?? 12, bold: options.bold ?? false, italic: options.italic ?? false };
  cell.alignment = { horizontal: options.align ?? 'left', vertical: 'middle', wrapText: options.wrap ?? false };
  if (options.border) {
    cell.border = BORDER;
  }
};

const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi-VN');

/**
 * Writes the national-motto header of Decree 30/2020 Appendix I over `lastColumn` columns: the
 * agency block on the left, the motto on the right, then the title and its sub-lines centred.
 */
export const writeDocumentHeader = (
  sheet: ExcelJS.Worksheet,
  meta: ReportMeta,
  lastColumn: number,
  title: string,
  subLines: string[],
): number => {
  const split = Math.max(2, Math.floor(lastColumn * 0.4));
  const merge = (row: number, from: number, to: number) => {
    if (to > from) {
      sheet.mergeCells(row, from, row, to);
    }
  };
  const left = (row: number, text: string, bold: boolean) => {
    merge(row, 1, split);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    style(cell, { bold, size: 12, align: 'center' });
  };
  const right = (row: number, text: string, bold: boolean, italic = false) => {
    merge(row, split + 1, lastColumn);
    const cell = sheet.getCell(row, split + 1);
    cell.value = text;
    style(cell, { bold, italic, size: 12, align: 'center' });
  };
  // Decree 30/2020 Appendix I: the governing body over the issuing agency; an agency without one
  // stands alone on the first line, level with the national motto.
  if (meta.issuer.parentName) {
    left(1, upper(meta.issuer.parentName), false);
    left(2, upper(meta.issuer.agencyName), true);
  } else {
    left(1, upper(meta.issuer.agencyName), true);
  }
  right(1, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true);
  right(2, 'Độc lập - Tự do - Hạnh phúc', true);
  right(3, `${meta.issuer.placeName}, ${formatDateLongVi(meta.generatedAt.date)}`, false, true);
  merge(5, 1, lastColumn);
  const titleCell = sheet.getCell(5, 1);
  titleCell.value = upper(title);
  style(titleCell, { bold: true, size: 14, align: 'center' });
  sheet.getRow(5).height = 22;
  let row = 6;
  for (const line of subLines) {
    merge(row, 1, lastColumn);
    const cell = sheet.getCell(row, 1);
    cell.value = line;
    style(cell, { italic: true, size: 12, align: 'center' });
    row += 1;
  }
  return row;
};

const writeSignatures = (sheet: ExcelJS.Worksheet, row: number, lastColumn: number, date: string, place: string) => {
  const split = Math.max(2, Math.floor(lastColumn * 0.5));
  sheet.mergeCells(row, split + 1, row, lastColumn);
  const dateCell = sheet.getCell(row, split + 1);
  dateCell.value = `${place}, ${formatDateLongVi(date)}`;
  style(dateCell, { italic: true, align: 'center' });
  sheet.mergeCells(row + 1, 1, row + 1, split);
  sheet.mergeCells(row + 1, split + 1, row + 1, lastColumn);
  const maker = sheet.getCell(row + 1, 1);
  maker.value = 'NGƯỜI LẬP BIỂU';
  style(maker, { bold: true, align: 'center' });
  const head = sheet.getCell(row + 1, split + 1);
  head.value = 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ';
  style(head, { bold: true, align: 'center' });
  sheet.mergeCells(row + 2, 1, row + 2, split);
  sheet.mergeCells(row + 2, split + 1, row + 2, lastColumn);
  for (const column of [1, split + 1]) {
    const caption = sheet.getCell(row + 2, column);
    caption.value = column === 1 ? '(Ký, ghi rõ họ tên)' : '(Ký, ghi rõ họ tên, đóng dấu)';
    style(caption, { italic: true, align: 'center', size: 11 });
  }
};

/** Builds the workbook (a report is small: one row per group). */
export const buildStatisticsWorkbook = async (
  report: StatisticsReport,
  meta: ReportMeta,
  /** The decimals the report's percentages were rounded to (roundReportPercentages). */
  { decimals }: { decimals: PercentDecimals } = { decimals: 2 },
): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'motcua';
  workbook.created = new Date(`${meta.generatedAt.date}T${meta.generatedAt.time}:00+07:00`);
  workbook.title = report.title.vi;
  const columns = STATISTICS_COLUMNS;
  const first = 3; // A: STT, B: group label
  const last = first + columns.length - 1;
  const sheet = workbook.addWorksheet('Báo cáo', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
  });
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 34;
  columns.forEach((column, index) => {
    sheet.getColumn(first + index).width = column.width;
  });

  const groupNames = report.groupBy.map((g) => GROUP_HEADER[g] ?? g);
  const subLines = [
    `Kỳ báo cáo: ${report.period.label.vi}${report.period.label.vi.startsWith('Từ') ? '' : ` (${formatPeriodLineVi(report.period.from, report.period.to).toLowerCase()})`}`,
    `Phạm vi: ${report.scope.label.vi}`,
    `Số hồ sơ đang giải quyết tính đến hết ngày ${report.period.asOf.split('-').reverse().join('/')}`,
  ];
  let row = writeDocumentHeader(sheet, meta, last, report.title.vi, subLines);
  sheet.mergeCells(row, last - 3, row, last);
  const unit = sheet.getCell(row, last - 3);
  unit.value = 'Đơn vị tính: Số hồ sơ TTHC';
  style(unit, { italic: true, align: 'right', size: 11 });
  row += 1;

  // Three header rows.
  const h1 = row;
  const h2 = row + 1;
  const h3 = row + 2;
  const head = (r1: number, c1: number, r2: number, c2: number, text: string) => {
    if (r2 > r1 || c2 > c1) {
      sheet.mergeCells(r1, c1, r2, c2);
    }
    const cell = sheet.getCell(r1, c1);
    cell.value = text;
    for (let r = r1; r <= r2; r += 1) {
      for (let c = c1; c <= c2; c += 1) {
        style(sheet.getCell(r, c), { bold: true, size: 11, align: 'center', wrap: true, border: true });
      }
    }
  };
  const col = (key: string) => first + columns.findIndex((c) => c.key === key);
  head(h1, 1, h3, 1, 'STT');
  head(h1, 2, h3, 2, groupNames.length > 0 ? groupNames.join(' / ') : 'Nội dung');
  head(h1, col('total'), h1, col('directPostal'), 'Số hồ sơ nhận giải quyết');
  head(h2, col('total'), h3, col('total'), 'Tổng số');
  head(h2, col('carriedOver'), h3, col('carriedOver'), 'Số kỳ trước chuyển qua');
  head(h2, col('online'), h2, col('directPostal'), 'Số mới tiếp nhận');
  head(h3, col('online'), h3, col('online'), 'Trực tuyến');
  head(h3, col('directPostal'), h3, col('directPostal'), 'Trực tiếp, dịch vụ bưu chính công ích');
  head(h1, col('resolved'), h1, col('overdue'), 'Kết quả giải quyết');
  head(h2, col('resolved'), h2, col('late'), 'Số hồ sơ đã giải quyết');
  head(h3, col('resolved'), h3, col('resolved'), 'Tổng số');
  head(h3, col('early'), h3, col('early'), `Trả ${lower(TIMELINESS_LABELS.early.vi)}`);
  head(h3, col('onTime'), h3, col('onTime'), `Trả ${lower(TIMELINESS_LABELS.on_time.vi)}`);
  head(h3, col('late'), h3, col('late'), `Trả ${lower(TIMELINESS_LABELS.late.vi)}`);
  head(h2, col('inProgress'), h2, col('overdue'), 'Số hồ sơ đang giải quyết');
  head(h3, col('inProgress'), h3, col('inProgress'), 'Tổng số');
  head(h3, col('notDue'), h3, col('notDue'), 'Trong hạn');
  head(h3, col('overdue'), h3, col('overdue'), TIMELINESS_LABELS.overdue.vi);
  head(h1, col('returned'), h1, col('stoppedRefused'), 'Kết quả khác trong kỳ');
  head(h2, col('returned'), h3, col('returned'), 'Đã trả kết quả');
  head(h2, col('withdrawn'), h3, col('withdrawn'), 'Rút hồ sơ');
  head(h2, col('stoppedRefused'), h3, col('stoppedRefused'), 'Dừng giải quyết, từ chối');
  head(h1, col('earlyRate'), h1, col('onlineRate'), 'Tỷ lệ (%)');
  head(h2, col('earlyRate'), h2, col('lateRate'), 'Trên tổng số hồ sơ đã giải quyết');
  head(h3, col('earlyRate'), h3, col('earlyRate'), TIMELINESS_LABELS.early.vi);
  head(h3, col('onTimeRate'), h3, col('onTimeRate'), TIMELINESS_LABELS.on_time.vi);
  head(h3, col('lateRate'), h3, col('lateRate'), TIMELINESS_LABELS.late.vi);
  head(h2, col('onlineRate'), h3, col('onlineRate'), 'Tiếp nhận trực tuyến trên số mới tiếp nhận');
  sheet.getRow(h1).height = 30;
  sheet.getRow(h2).height = 30;
  sheet.getRow(h3).height = 48;
  row = h3 + 1;
  const numbering = sheet.getRow(row);
  numbering.getCell(1).value = '(A)';
  numbering.getCell(2).value = '(B)';
  NUMBERING.forEach((text, index) => {
    numbering.getCell(first + index).value = text;
  });
  for (let c = 1; c <= last; c += 1) {
    style(numbering.getCell(c), { italic: true, size: 9, align: 'center', wrap: true, border: true });
  }
  numbering.height = 24;
  const headerBottom = row;
  row += 1;

  const writeLine = (index: string, label: string, figures: StatisticsReport['totals'], bold: boolean) => {
    const line = sheet.getRow(row);
    line.getCell(1).value = index;
    line.getCell(2).value = label;
    style(line.getCell(1), { bold, size: 11, align: 'center', border: true });
    style(line.getCell(2), { bold, size: 11, align: 'left', wrap: true, border: true });
    columns.forEach((column, i) => {
      const cell = line.getCell(first + i);
      cell.value = column.value(figures);
      style(cell, { bold, size: 11, align: 'right', border: true });
      cell.numFmt = column.rate ? rateFormat(decimals) : COUNT;
    });
    row += 1;
  };
  report.groups.forEach((group, index) => {
    const label =
      group.bucket && group.label !== group.bucket.label.vi ? `${group.label} — ${group.bucket.label.vi}` : group.label;
    writeLine(String(index + 1), label, group.figures, false);
  });
  if (!report.groups.some((g) => g.bucket !== null)) {
    writeLine('', report.groups.length > 0 ? 'Tổng cộng' : report.scope.label.vi, report.totals, true);
  } else {
    writeLine('', `Tổng cộng (${report.period.label.vi})`, report.totals, true);
  }

  // The rates with their bases and the rules they follow.
  row += 1;
  const note = (text: string, bold = false) => {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    style(cell, { bold, italic: !bold, size: 11, align: 'left', wrap: true });
    sheet.getRow(row).height = Math.min(60, 15 * Math.ceil(text.length / 190));
    row += 1;
  };
  note('Ghi chú — tỷ lệ và căn cứ tính:', true);
  const p = report.totals.percentages;
  for (const item of [
    p.earlyOrOnTime,
    p.early,
    p.onTime,
    p.late,
    p.earlyOrOnTimeOfDue,
    p.lateOfDue,
    p.online,
    p.progress766,
  ]) {
    const value = item.value === null ? 'không tính (mẫu số bằng 0)' : `${item.value.toLocaleString('vi-VN')}%`;
    note(
      `- ${item.label.vi}: ${value} = ${item.numerator.toLocaleString('vi-VN')} / ${item.base.toLocaleString('vi-VN')} (${item.baseLabel.vi}).`,
    );
  }
  if (report.totals.resolvedNoDeadline > 0) {
    note(
      `- Trong số đã giải quyết có ${report.totals.resolvedNoDeadline.toLocaleString('vi-VN')} hồ sơ của thủ tục không quy định thời hạn (không xếp trước hạn, đúng hạn, quá hạn).`,
    );
  }
  for (const text of report.notes) {
    note(`- ${text.vi}`);
  }
  row += 1;
  writeSignatures(sheet, row, last, meta.generatedAt.date, meta.issuer.placeName);

  sheet.views = [
    {
      state: 'frozen',
      xSplit: 2,
      ySplit: headerBottom,
      topLeftCell: `C${headerBottom + 1}`,
      activeCell: `C${headerBottom + 1}`,
    },
  ];
  sheet.pageSetup.printTitlesRow = `${h1}:${headerBottom}`;

  // A second sheet with the rates in full (numerator, base, rule), for whoever checks the numbers.
  const rates = workbook.addWorksheet('Tỷ lệ và căn cứ', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  rates.columns = [
    { header: 'Tỷ lệ', key: 'label', width: 48 },
    { header: 'Giá trị (%)', key: 'value', width: 12 },
    { header: 'Tử số', key: 'numerator', width: 12 },
    { header: 'Mẫu số', key: 'base', width: 12 },
    { header: 'Mẫu số là', key: 'baseLabel', width: 48 },
    { header: 'Căn cứ', key: 'rule', width: 90 },
  ];
  for (const item of Object.values(p)) {
    rates.addRow({
      label: item.label.vi,
      value: item.value,
      numerator: item.numerator,
      base: item.base,
      baseLabel: item.baseLabel.vi,
      rule: item.rule,
    });
  }
  rates.getRow(1).font = { name: FONT, bold: true };
  rates.eachRow((r, n) => {
    r.eachCell((cell, c) => {
      cell.font = { name: FONT, size: 11, bold: n === 1 };
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
      if (n > 1 && c === 2) {
        cell.numFmt = rateFormat(decimals);
      } else if (n > 1 && (c === 3 || c === 4)) {
        cell.numFmt = COUNT;
      }
    });
  });
  rates.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
