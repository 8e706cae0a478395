/**
 * The statistics report as a PDF: an A4-landscape administrative document (Decree 30/2020/NĐ-CP
 * Appendix I: agency block and national motto, Liberation Serif — Times New Roman metrics with
 * every Vietnamese letter), the title and period, the table of the periodic report on handling
 * procedures with its header repeated on every page, the rates with their bases, and signatures.
 * Drawn with the shared page layout of the printed forms (pdf/layout.ts).
 */
import { formatPercentVi, TIMELINESS_LABELS } from '@motcua/domain';
import { type Cell, type Column, FormWriter } from '../pdf/layout.js';
import type { StatisticsReport } from '../usecases/reports/statistics.js';
import type { ReportMeta } from './report-meta.js';
import { STATISTICS_COLUMNS } from './statistics-workbook.js';

// The early / on time / late words come from the one timeliness rule (domain dossier/timeliness).
const lower = (text: string) => text.toLocaleLowerCase('vi-VN');

const SHORT_HEADERS: Record<string, string> = {
  total: 'Tổng số hồ sơ nhận (1)',
  carriedOver: 'Kỳ trước chuyển qua (2)',
  online: 'Mới nhận trực tuyến (3)',
  directPostal: 'Mới nhận trực tiếp, bưu chính (4)',
  resolved: 'Đã giải quyết (5)',
  early: `${TIMELINESS_LABELS.early.vi} (6)`,
  onTime: `${TIMELINESS_LABELS.on_time.vi} (7)`,
  late: `${TIMELINESS_LABELS.late.vi} (8)`,
  inProgress: 'Đang giải quyết (9)',
  notDue: `${TIMELINESS_LABELS.in_time.vi} (10)`,
  overdue: `${TIMELINESS_LABELS.overdue.vi} (11)`,
  returned: 'Đã trả KQ (12)',
  withdrawn: 'Rút (13)',
  stoppedRefused: 'Dừng, từ chối (14)',
  earlyRate: `% ${lower(TIMELINESS_LABELS.early.vi)} (6)/(5)`,
  onTimeRate: `% ${lower(TIMELINESS_LABELS.on_time.vi)} (7)/(5)`,
  lateRate: `% ${lower(TIMELINESS_LABELS.late.vi)} (8)/(5)`,
  onlineRate: '% trực tuyến (3)/((3)+(4))',
};

const count = (value: number | null) => (value === null ? '' : value.toLocaleString('vi-VN'));
const rate = (value: number | null) =>
  value === null ? '—' : value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

export const renderStatisticsPdf = async (report: StatisticsReport, meta: ReportMeta): Promise<Buffer> => {
  const writer = await FormWriter.open('a4-landscape', { title: report.title.vi, issuedAt: meta.generatedAt });
  await writer.header(meta.issuer, { date: meta.generatedAt.date });
  writer.title(report.title.vi, [
    `Kỳ báo cáo: ${report.period.label.vi}`,
    `Phạm vi: ${report.scope.label.vi}`,
    `Số hồ sơ đang giải quyết tính đến hết ngày ${report.period.asOf.split('-').reverse().join('/')}`,
  ]);
  writer.paragraph('Đơn vị tính: Số hồ sơ TTHC', { align: 'right', size: writer.scale.small });
  const columns: Column[] = [
    { header: 'STT', weight: 2.2, align: 'center' },
    { header: 'Nội dung', weight: 11 },
    ...STATISTICS_COLUMNS.map((column) => ({
      header: SHORT_HEADERS[column.key] ?? column.header,
      weight: column.rate ? 3.6 : 4,
      align: 'right' as const,
    })),
  ];
  const line = (index: string, label: string, figures: StatisticsReport['totals'], bold: boolean): Cell[] => [
    index,
    bold ? [{ text: label, font: 'bold' }] : label,
    ...STATISTICS_COLUMNS.map((column): Cell => {
      const value = column.value(figures);
      const text = column.rate ? rate(value) : count(value);
      return bold ? [{ text, font: 'bold' }] : text;
    }),
  ];
  const rows: Cell[][] = report.groups.map((group, index) =>
    line(
      String(index + 1),
      group.bucket && group.label !== group.bucket.label.vi ? `${group.label} — ${group.bucket.label.vi}` : group.label,
      group.figures,
      false,
    ),
  );
  rows.push(line('', report.groups.length > 0 ? 'Tổng cộng' : report.scope.label.vi, report.totals, true));
  writer.table(columns, rows, { size: 7.5, headerSize: 7 });
  writer.gap(6);
  writer.paragraph([{ text: 'Tỷ lệ và căn cứ tính', font: 'bold' }], { size: writer.scale.small });
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
    writer.paragraph(
      `- ${item.label.vi}: ${formatPercentVi(item.value)} = ${count(item.numerator)}/${count(item.base)} (${item.baseLabel.vi}).`,
      { size: writer.scale.small, align: 'left' },
    );
  }
  for (const note of report.notes) {
    writer.paragraph(`- ${note.vi}`, { size: writer.scale.small });
  }
  writer.gap(8);
  writer.signatures([
    { title: 'Người lập biểu', caption: '(Ký, ghi rõ họ tên)' },
    { title: 'Thủ trưởng cơ quan, đơn vị', caption: '(Ký, ghi rõ họ tên, đóng dấu)' },
  ]);
  return writer.finish();
};
