/**
 * Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý: the drafter's summary of a consultation on a draft, laid
 * out as an administrative document of Decree 30/2020/NĐ-CP Appendix I on A4 (pdf/layout.ts: the agency block
 * and the national motto, Times-metric serif font), then one table — STT, the agency or person who
 * commented, the article, the comment, the response (tiếp thu / giải trình) — in the draft's order, general
 * comments and those with no comment last. Equal input gives equal bytes.
 */
import type { IssuerBlock } from './form-data.js';
import { formatDateTimeVi } from './format-vi.js';
import { type Column, FormWriter } from './layout.js';

export type ConsultationSummaryTable = {
  issuer: IssuerBlock;
  generatedAt: { date: string; time: string };
  title: string;
  deadlineAt: Date;
  isFinal: boolean;
  rows: {
    index: number;
    recipientName: string;
    articleRef: string;
    body: string;
    response: string;
  }[];
  counts: { recipients: number; answered: number; agreed: number; comments: number };
};

export const CONSULTATION_SUMMARY_TITLE = 'Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý';

export const CONSULTATION_SUMMARY_COLUMNS: (Column & { width: number })[] = [
  { header: 'STT', weight: 0, minWidth: 28, align: 'center', width: 6 },
  { header: 'Cơ quan, tổ chức, cá nhân góp ý', weight: 18, width: 28 },
  { header: 'Điều, khoản', weight: 12, width: 18 },
  { header: 'Nội dung góp ý', weight: 30, width: 50 },
  { header: 'Ý kiến tiếp thu, giải trình', weight: 30, width: 50 },
];

const vietnamDateTime = (at: Date) => {
  const local = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

export const renderConsultationSummary = async (data: ConsultationSummaryTable): Promise<Buffer> => {
  const writer = await FormWriter.open('a4-portrait', {
    title: CONSULTATION_SUMMARY_TITLE,
    subject: data.title,
    issuedAt: data.generatedAt,
  });
  await writer.header(data.issuer, { date: data.generatedAt.date });
  writer.title(CONSULTATION_SUMMARY_TITLE, [`Dự thảo: ${data.title}`]);
  writer.paragraph(
    `Thời hạn góp ý: ${formatDateTimeVi(vietnamDateTime(data.deadlineAt))}. Đã lấy ý kiến ${data.counts.recipients} cơ quan, cá nhân; ${data.counts.answered} đã trả lời (${data.counts.agreed} thống nhất với dự thảo), ${data.counts.comments} ý kiến góp ý.${data.isFinal ? '' : ' (Bản tổng hợp chưa chốt.)'}`,
    { firstLineIndent: 28, gapAfter: 6 },
  );
  writer.table(
    CONSULTATION_SUMMARY_COLUMNS,
    data.rows.map((row) => [String(row.index), row.recipientName, row.articleRef, row.body, row.response]),
  );
  writer.gap(writer.scale.body);
  writer.signatures([{ title: 'Cơ quan chủ trì soạn thảo', caption: '(Ký, ghi rõ họ tên)' }]);
  return writer.finish();
};
