/**
 * A work file handed to the archive (hồ sơ nộp lưu, Decree 30/2020/NĐ-CP Art. 29): its cover (bìa hồ sơ) and
 * its table of contents (mục lục văn bản), A4 portrait, the national motto header, serif font (layout.ts).
 *
 * [RECALL] The layout is from memory (the appendix forms were not in the sources read):
 * - bìa hồ sơ: the agency, the archival code (mã hồ sơ), the title, the dates from–to, the number of
 *   documents (số tờ/số văn bản), the retention period (thời hạn bảo quản);
 * - mục lục văn bản: STT; số, ký hiệu văn bản; ngày tháng năm văn bản; tên loại và trích yếu nội dung văn bản;
 *   tác giả văn bản; tờ số; ghi chú.
 */
import type { IssuerBlock } from './form-data.js';
import { formatDateLongVi } from './format-vi.js';
import { type Column, FormWriter, upperVi } from './layout.js';

export const WORK_FILE_INDEX_COLUMNS: Column[] = [
  { header: 'STT', weight: 4, align: 'center' },
  { header: 'Số, ký hiệu văn bản', weight: 12, align: 'center' },
  { header: 'Ngày tháng năm văn bản', weight: 10, align: 'center' },
  { header: 'Tên loại và trích yếu nội dung văn bản', weight: 30 },
  { header: 'Tác giả văn bản', weight: 14 },
  { header: 'Tờ số', weight: 6, align: 'center' },
  { header: 'Ghi chú', weight: 10 },
];

export type WorkFileCover = {
  archivalCode: string;
  code: string;
  title: string;
  /** Local dates, YYYY-MM-DD. */
  from: string;
  to: string | null;
  retention: string;
  documentCount: number;
  pageCount: number | null;
  ownerName: string;
  unitName: string;
};

export type WorkFileIndexData = {
  issuer: IssuerBlock;
  issuedAt: { date: string; time: string };
  cover: WorkFileCover;
  /** One row per item, the columns above. */
  rows: string[][];
};

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export const renderWorkFileIndex = async (data: WorkFileIndexData): Promise<Buffer> => {
  const { cover } = data;
  const writer = await FormWriter.open('a4-portrait', {
    title: `Mục lục văn bản – ${cover.code} – ${cover.title}`,
    issuedAt: data.issuedAt,
  });
  // The cover (bìa hồ sơ).
  await writer.header(data.issuer, { date: data.issuedAt.date, placeDate: false });
  writer.y = writer.top + (writer.bottom - writer.top) * 0.25;
  writer.paragraph([{ text: `Mã hồ sơ: ${cover.archivalCode}`, font: 'bold' }], {
    size: 13,
    align: 'center',
    gapAfter: 16,
  });
  writer.paragraph([{ text: upperVi('Hồ sơ'), font: 'bold' }], { size: 22, align: 'center', gapAfter: 10 });
  writer.paragraph([{ text: cover.title, font: 'bold' }], { size: 15, align: 'center', gapAfter: 24 });
  const lines: [string, string][] = [
    ['Số và ký hiệu hồ sơ', cover.code],
    ['Đơn vị, người lập hồ sơ', `${cover.unitName} – ${cover.ownerName}`],
    ['Thời gian', `Từ ngày ${dmy(cover.from)} đến ngày ${cover.to ? dmy(cover.to) : '…'}`],
    ['Số lượng văn bản', String(cover.documentCount)],
    ['Số tờ', cover.pageCount === null ? '…' : String(cover.pageCount)],
    ['Thời hạn bảo quản', cover.retention],
  ];
  for (const [label, value] of lines) {
    writer.paragraph([{ text: `${label}: ` }, { text: value, font: 'bold' }], { size: 13, indent: 40, gapAfter: 6 });
  }
  writer.newPage();
  // The table of contents (mục lục văn bản).
  writer.title('Mục lục văn bản', [`Hồ sơ ${cover.code}: ${cover.title}`]);
  writer.table(WORK_FILE_INDEX_COLUMNS, data.rows.length > 0 ? data.rows : [], { headerSize: writer.scale.table });
  if (data.rows.length === 0) {
    writer.gap(8);
    writer.paragraph([{ text: 'Hồ sơ chưa có văn bản.', font: 'italic' }], { size: 11, align: 'center' });
  }
  writer.gap(12);
  writer.paragraph(
    [
      {
        text: `Mục lục này có ${data.rows.length} văn bản. Lập ngày ${formatDateLongVi(data.issuedAt.date)}.`,
        font: 'italic',
      },
    ],
    { size: 11 },
  );
  writer.signatures([{ title: 'Người lập hồ sơ', caption: '(Ký, ghi rõ họ tên)', name: cover.ownerName }]);
  return writer.finish();
};
