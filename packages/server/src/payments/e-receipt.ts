import { formatVnd, formatVndInWords } from '@motcua/domain';
import { formatDateTimeVi } from '../pdf/format-vi.js';
import { type Column, FormWriter } from '../pdf/layout.js';

/**
 * The electronic receipt of fees and charges (biên lai thu phí, lệ phí điện tử), paid online or at
 * the counter: who collected, who paid, for which dossier, the fee lines, the total in figures and
 * words, how and when it was paid. A4, Decree 30/2020 header, Vietnamese.
 *
 * Legal frame (recalled, not re-read here): e-receipts of fees and charges are "chứng từ" under
 * Decree 123/2020/NĐ-CP (Chapter III, contents of a receipt in Art. 32, as amended by Decree
 * 70/2025/NĐ-CP), guided since 1 June 2025 by Circular 32/2025/TT-BTC, which replaced Circular
 * 78/2021/TT-BTC; state-budget collection online follows Decree 11/2020/NĐ-CP.
 */
export type EReceiptData = {
  issuer: { parentName?: string; agencyName: string; placeName: string };
  receiptNo: string;
  /** The issuing agency's receipt series (its code), printed beside the number for counter receipts. */
  receiptSeries?: string;
  dossierCode: string;
  procedureName: string;
  payerName: string;
  payerAddress: string;
  lines: { name: string; amountVnd: number }[];
  totalVnd: number;
  paidAt: { date: string; time: string };
  method: string;
  transactionNo: string | null;
  /** The official who took the money at the counter (null online). */
  collectorName?: string | null;
  lookupUrl: string;
  sandbox: boolean;
};

const COLUMNS: Column[] = [
  { header: 'STT', weight: 8, align: 'center' },
  { header: 'Nội dung khoản nộp', weight: 62 },
  { header: 'Số tiền (đồng)', weight: 30, align: 'right' },
];

const figures = (amount: number): string => formatVnd(amount).replace(' đồng', '');

export const renderEReceipt = async (data: EReceiptData): Promise<Buffer> => {
  const writer = await FormWriter.open('a4-portrait', {
    title: `Biên lai thu phí, lệ phí – ${data.receiptNo}`,
    subject: data.procedureName,
    issuedAt: data.paidAt,
  });
  await writer.header(data.issuer, { date: data.paidAt.date, dossierCode: data.dossierCode, qrText: data.lookupUrl });
  writer.title('Biên lai thu phí, lệ phí', ['(Bản thể hiện của biên lai điện tử)']);
  const s = writer.scale;
  writer.paragraph([
    ...(data.receiptSeries
      ? [{ text: 'Ký hiệu: ' }, { text: data.receiptSeries, font: 'bold' as const }, { text: '   ' }]
      : []),
    { text: 'Số biên lai: ' },
    { text: data.receiptNo, font: 'bold' },
  ]);
  writer.paragraph([{ text: 'Tên người nộp: ' }, { text: data.payerName, font: 'bold' }]);
  writer.paragraph(`Địa chỉ: ${data.payerAddress}`);
  writer.paragraph(`Hồ sơ: ${data.dossierCode} – ${data.procedureName}`);
  writer.gap(4);
  writer.table(COLUMNS, [
    ...data.lines.map((line, index) => [String(index + 1), line.name, figures(line.amountVnd)]),
    ['', [{ text: 'Tổng cộng', font: 'bold' }], [{ text: figures(data.totalVnd), font: 'bold' }]],
  ]);
  writer.gap(4);
  writer.paragraph([{ text: 'Bằng chữ: ' }, { text: `${formatVndInWords(data.totalVnd)}.`, font: 'italic' }]);
  writer.paragraph(`Hình thức thanh toán: ${data.method}`);
  if (data.transactionNo) {
    writer.paragraph(`Mã giao dịch: ${data.transactionNo}`);
  }
  writer.paragraph(`Thời điểm thanh toán: ${formatDateTimeVi(data.paidAt)}`);
  if (data.collectorName) {
    writer.paragraph(`Người thu tiền: ${data.collectorName}`);
  }
  if (data.sandbox) {
    writer.paragraph(
      [{ text: 'Biên lai lập từ cổng thanh toán thử nghiệm (sandbox); không có giá trị thu nộp.', font: 'italic' }],
      {
        size: s.small,
      },
    );
  }
  writer.gap(8);
  writer.signatures([
    ...(data.collectorName
      ? [{ title: 'Người thu tiền', caption: '(Ký, ghi rõ họ tên)', name: data.collectorName }]
      : []),
    { title: 'Đơn vị thu', caption: '(Biên lai điện tử, không cần chữ ký)', name: data.issuer.agencyName },
  ]);
  return writer.finish();
};
