/**
 * The appendix to the province's decision announcing the PAR Index (Phụ lục kèm theo Quyết định công bố Chỉ số
 * CCHC): an A4-landscape administrative document in the Decree 30/2020/NĐ-CP layout (agency block and national
 * motto, serif), one table per unit group — rank, unit, points per area, total, index %, band — with the header
 * repeated on every page. Drawn with the shared page layout of the printed forms (pdf/layout.ts).
 */
import { formatParIndex, formatParPoints, toRoman } from '@motcua/domain';
import { type Cell, type Column, FormWriter } from '../pdf/layout.js';
import type { ParRoundResults } from '../usecases/par/results/round-results.js';
import type { ReportMeta } from './report-meta.js';

export const renderParResultsPdf = async (results: ParRoundResults, meta: ReportMeta): Promise<Buffer> => {
  const title = `Kết quả Chỉ số cải cách hành chính năm ${results.round.year}`;
  const writer = await FormWriter.open('a4-landscape', { title, issuedAt: meta.generatedAt });
  await writer.header(meta.issuer, { date: results.round.decisionDate ?? meta.generatedAt.date });
  const decision = results.round.decisionNumber
    ? `(Kèm theo Quyết định số ${results.round.decisionNumber} ngày ${results.round.decisionDate?.split('-').reverse().join('/') ?? ''})`
    : '(Kết quả tạm tính — chưa công bố)';
  writer.title('PHỤ LỤC', [
    `KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${results.round.year}`,
    decision,
    ...(results.round.isDemo ? ['DỮ LIỆU MINH HỌA'] : []),
  ]);
  for (const group of results.groups) {
    writer.paragraph([{ text: group.label.vi, font: 'bold' }], { align: 'left' });
    const columns: Column[] = [
      { header: 'Xếp hạng', weight: 2.4, align: 'center' },
      { header: 'Đơn vị', weight: 10 },
      ...group.areas.map((area) => ({ header: `LV ${area.code}`, weight: 2.6, align: 'right' as const })),
      { header: 'Tổng điểm', weight: 3, align: 'right' },
      { header: 'Điểm tối đa', weight: 3, align: 'right' },
      { header: 'Chỉ số', weight: 3.2, align: 'right' },
      { header: 'Xếp loại', weight: 3, align: 'center' },
    ];
    const rows: Cell[][] = group.units.map((unit) => [
      toRoman(unit.rank),
      unit.unitName,
      ...group.areas.map((area) => {
        const points = unit.areas.find((a) => a.code === area.code);
        return points && points.applicableMax > 0 ? formatParPoints(points.points) : '—';
      }),
      [{ text: formatParPoints(unit.points), font: 'bold' }],
      formatParPoints(unit.applicableMax),
      formatParIndex(unit.indexBp),
      unit.band ?? '',
    ]);
    writer.table(columns, rows, { size: 8, headerSize: 7.5 });
    writer.paragraph(group.areas.map((area) => `LV ${area.code}: ${area.title}`).join('; '), {
      size: writer.scale.small,
      align: 'left',
    });
    writer.gap(6);
  }
  writer.paragraph(
    'Chỉ số = Tổng điểm / Điểm tối đa áp dụng cho đơn vị × 100 %, làm tròn đến 0,01 %; đơn vị bằng điểm xếp cùng hạng.',
    { size: writer.scale.small, align: 'left' },
  );
  return writer.finish();
};
