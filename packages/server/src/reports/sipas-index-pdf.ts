/**
 * The SIPAS satisfaction index report (Báo cáo kết quả đo lường Chỉ số hài lòng): an A4-landscape administrative
 * document in the Decree 30/2020/NĐ-CP layout (agency block and national motto, serif). It carries the province
 * index, the index of each factor with its numerator and base, the 95 % margin of error, and one row per agency —
 * every percentage beside the counts it was computed from (method: QĐ 1001/QĐ-BNV, 11/12/2023; the index rule is
 * the one domain/sipas/satisfaction-index.ts computed and names). Drawn with the shared page layout of the printed
 * forms (pdf/layout.ts).
 */
import { formatDateShortVi } from '../pdf/format-vi.js';
import { type Cell, type Column, FormWriter } from '../pdf/layout.js';
import type { getSipasCampaign } from '../usecases/sipas/campaigns.js';
import type { ReportMeta } from './report-meta.js';

type SipasCampaignDetail = Awaited<ReturnType<typeof getSipasCampaign>>;

/** 85.3 → "85,30 %" (Vietnamese decimal comma); no data → "—". */
const formatPercentVi = (value: number | null): string =>
  value === null ? '—' : `${value.toFixed(2).replace('.', ',')} %`;

/** ±2.1 percentage points → "± 2,10 điểm %". */
const formatMarginVi = (value: number | null): string =>
  value === null ? '—' : `± ${value.toFixed(2).replace('.', ',')} điểm %`;

/** +2.21 → "+2,21"; −1.5 → "−1,50"; none → "—". */
const formatDifferenceVi = (value: number | null): string =>
  value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2).replace('.', ',')}`;

/** 1182 → "1.182" (Vietnamese thousands separator). */
const formatCountVi = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export const renderSipasIndexPdf = async (detail: SipasCampaignDetail, meta: ReportMeta): Promise<Buffer> => {
  const { campaign, questionnaire, province } = detail;
  const title = `Kết quả đo lường Chỉ số hài lòng năm ${campaign.year}`;
  const writer = await FormWriter.open('a4-landscape', { title, issuedAt: meta.generatedAt });
  await writer.header(meta.issuer, { date: campaign.publishedAt?.slice(0, 10) ?? meta.generatedAt.date });
  writer.title('BÁO CÁO', [
    `KẾT QUẢ ĐO LƯỜNG SỰ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC NĂM ${campaign.year}`,
    campaign.title,
    `Kỳ khảo sát: ${formatDateShortVi(campaign.periodFrom)} – ${formatDateShortVi(campaign.periodTo)} (${campaign.statusLabel.vi})`,
    ...(campaign.isDemo ? ['DỮ LIỆU MINH HỌA'] : []),
  ]);

  if (province) {
    writer.paragraph([{ text: 'I. Chỉ số hài lòng toàn tỉnh', font: 'bold' }], { align: 'left' });
    writer.paragraph(
      `Chỉ số hài lòng: ${formatPercentVi(province.index.percent)} (${formatCountVi(province.index.numerator)}/${formatCountVi(province.index.base)} ý kiến hài lòng trên ý kiến hợp lệ); ` +
        `sai số ${formatMarginVi(province.marginOfError)} (độ tin cậy 95 %). ` +
        `Số hồ sơ đã trả kết quả N = ${formatCountVi(province.population)}, cỡ mẫu n = ${formatCountVi(province.sampleSize)}, ` +
        `số phiếu thu về ${formatCountVi(province.responses)} (trực tuyến ${formatCountVi(province.online)}, phiếu giấy ${formatCountVi(province.paper)}, điện thoại ${formatCountVi(province.phone)}); ` +
        `tỷ lệ phản hồi ${formatPercentVi(province.responseRate)}.`,
      { align: 'left' },
    );
    writer.paragraph([{ text: 'II. Chỉ số theo yếu tố', font: 'bold' }], { align: 'left' });
    const factorColumns: Column[] = [
      { header: 'STT', weight: 1.2, align: 'center' },
      { header: 'Yếu tố', weight: 12 },
      { header: 'Loại', weight: 3, align: 'center' },
      { header: 'Số ý kiến hài lòng', weight: 3, align: 'right' },
      { header: 'Số ý kiến hợp lệ', weight: 3, align: 'right' },
      { header: 'Chỉ số', weight: 3, align: 'right' },
    ];
    const factorRows: Cell[][] = province.index.factors.map((factor, i) => [
      String(i + 1),
      questionnaire.definition.factors.find((f) => f.key === factor.key)?.vi ?? factor.key,
      factor.kind === 'service' ? 'Dịch vụ' : 'Chính sách',
      formatCountVi(factor.numerator),
      formatCountVi(factor.base),
      [{ text: formatPercentVi(factor.percent), font: 'bold' }],
    ]);
    writer.table(factorColumns, factorRows, { headerSize: writer.scale.table });
    writer.gap(6);
  }

  const yoy = detail.yearOnYear;
  const sections = ['I', 'II', 'III', 'IV'];
  let section = province ? 2 : 0;
  if (yoy?.province) {
    const before = yoy.previousCampaign.year;
    writer.paragraph([{ text: `${sections[section]}. So sánh với năm ${before}`, font: 'bold' }], { align: 'left' });
    section += 1;
    const nameOf = (key: string) =>
      questionnaire.definition.factors.find((f) => f.key === key)?.vi ??
      yoy.previousFactorNames.find((f) => f.key === key)?.vi ??
      key;
    const yoyColumns: Column[] = [
      { header: 'STT', weight: 1.2, align: 'center' },
      { header: 'Yếu tố', weight: 11 },
      { header: `Năm ${before}: hài lòng/hợp lệ`, weight: 3.4, align: 'right' },
      { header: `Chỉ số năm ${before}`, weight: 2.8, align: 'right' },
      { header: `Năm ${campaign.year}: hài lòng/hợp lệ`, weight: 3.4, align: 'right' },
      { header: `Chỉ số năm ${campaign.year}`, weight: 2.8, align: 'right' },
      { header: 'Tăng (+)/giảm (−), điểm %', weight: 3, align: 'right' },
    ];
    const counts = (r: { numerator: number; base: number } | null) =>
      r ? `${formatCountVi(r.numerator)}/${formatCountVi(r.base)}` : '—';
    const yoyRow = (index: string, name: string, line: (typeof yoy.province.factors)[number], bold = false): Cell[] => [
      index,
      bold ? [{ text: name, font: 'bold' }] : name,
      counts(line.previous),
      formatPercentVi(line.previous?.percent ?? null),
      counts(line.current),
      [{ text: formatPercentVi(line.current?.percent ?? null), font: 'bold' }],
      formatDifferenceVi(line.difference),
    ];
    writer.table(
      yoyColumns,
      [
        ...yoy.province.factors.map((line, i) => yoyRow(String(i + 1), nameOf(line.key), line)),
        yoyRow('', 'Chỉ số hài lòng chung', yoy.province.overall, true),
      ],
      { headerSize: writer.scale.table },
    );
    writer.paragraph(
      `Số liệu năm ${before}: ${yoy.previousCampaign.title}, đã công bố (cách tính: ${yoy.previousRule}).`,
      { size: writer.scale.small, align: 'left' },
    );
    writer.gap(6);
  }

  writer.paragraph([{ text: `${sections[section]}. Chỉ số theo cơ quan, đơn vị`, font: 'bold' }], {
    align: 'left',
  });
  const columns: Column[] = [
    { header: 'STT', weight: 1.2, align: 'center' },
    { header: 'Cơ quan, đơn vị', weight: 10 },
    { header: 'Cấp', weight: 3.5 },
    { header: 'Hồ sơ trả kết quả (N)', weight: 2.6, align: 'right' },
    { header: 'Cỡ mẫu (n)', weight: 2.2, align: 'right' },
    { header: 'Phiếu thu về', weight: 2.2, align: 'right' },
    { header: 'Tỷ lệ phản hồi', weight: 2.6, align: 'right' },
    { header: 'Ý kiến hài lòng', weight: 2.4, align: 'right' },
    { header: 'Ý kiến hợp lệ', weight: 2.4, align: 'right' },
    { header: 'Chỉ số', weight: 2.6, align: 'right' },
    { header: 'Sai số (95 %)', weight: 3.2, align: 'right' },
  ];
  const rows: Cell[][] = detail.agencies.map((agency, i) => [
    String(i + 1),
    agency.agencyName,
    agency.levelName,
    formatCountVi(agency.population),
    formatCountVi(agency.sampleSize),
    formatCountVi(agency.responses),
    formatPercentVi(agency.responseRate),
    formatCountVi(agency.index.numerator),
    formatCountVi(agency.index.base),
    [{ text: formatPercentVi(agency.index.percent), font: 'bold' }],
    formatMarginVi(agency.marginOfError),
  ]);
  writer.table(columns, rows, { size: 8.5, headerSize: 8 });
  writer.gap(6);
  const rule = province?.index.rule ?? detail.agencies[0]?.index.rule;
  writer.paragraph(
    `${rule ? `Cách tính chỉ số: ${rule}; làm tròn đến 0,01 %. ` : ''}` +
      `Sai số e = ${String(campaign.marginBp / 100).replace('.', ',')} % khi chọn mẫu; hạt giống chọn mẫu: ${campaign.seed ?? '—'}.`,
    { size: writer.scale.small, align: 'left' },
  );
  return writer.finish();
};
