/**
 * Sổ đăng ký văn bản đến / đi (Decree 30/2020/NĐ-CP Art. 16(1), 22(2), Phụ lục IV), A4 landscape: a cover
 * (the agency, the register's name, the year and the period), then the table, its header row repeated on every
 * page, pages numbered from the second (Phụ lục I). Rows arrive a page of the register at a time, so a
 * year's register is drawn as it is read.
 *
 * [RECALL] The columns of Phụ lục IV are from memory (the appendix was not in the sources read):
 * - văn bản đến: ngày đến; số đến; tác giả (cơ quan ban hành); số, ký hiệu; ngày tháng; tên loại và trích
 *   yếu nội dung; đơn vị hoặc người nhận; ký nhận; ghi chú;
 * - văn bản đi: số, ký hiệu văn bản; ngày tháng văn bản; tên loại và trích yếu nội dung; người ký; nơi nhận;
 *   đơn vị, người nhận bản lưu; số lượng bản; ngày chuyển; ký nhận; ghi chú.
 */
import type { DocumentKind } from '@motcua/domain';
import type { IssuerBlock } from './form-data.js';
import { formatDateLongVi } from './format-vi.js';
import { type Column, FormWriter, upperVi } from './layout.js';

export type RegisterColumn = Column & { width: number };

export const REGISTER_TITLES: Record<DocumentKind, string> = {
  incoming: 'Sổ đăng ký văn bản đến',
  outgoing: 'Sổ đăng ký văn bản đi',
};

/** Columns as printed (PDF weight, Excel width). */
export const REGISTER_COLUMNS: Record<DocumentKind, RegisterColumn[]> = {
  incoming: [
    { header: 'Ngày đến', weight: 7, width: 12, align: 'center' },
    { header: 'Số đến', weight: 5, width: 8, align: 'center' },
    { header: 'Tác giả', weight: 14, width: 26 },
    { header: 'Số, ký hiệu', weight: 10, width: 16, align: 'center' },
    { header: 'Ngày tháng', weight: 7, width: 12, align: 'center' },
    { header: 'Tên loại và trích yếu nội dung', weight: 28, width: 48 },
    { header: 'Đơn vị hoặc người nhận', weight: 13, width: 24 },
    { header: 'Ký nhận', weight: 6, width: 10 },
    { header: 'Ghi chú', weight: 10, width: 18 },
  ],
  outgoing: [
    { header: 'Số, ký hiệu văn bản', weight: 10, width: 16, align: 'center' },
    { header: 'Ngày tháng văn bản', weight: 7, width: 12, align: 'center' },
    { header: 'Tên loại và trích yếu nội dung văn bản', weight: 25, width: 44 },
    { header: 'Người ký', weight: 10, width: 20 },
    { header: 'Nơi nhận văn bản', weight: 15, width: 30 },
    { header: 'Đơn vị, người nhận bản lưu', weight: 11, width: 22 },
    { header: 'Số lượng bản', weight: 5, width: 8, align: 'center' },
    { header: 'Ngày chuyển', weight: 7, width: 12, align: 'center' },
    { header: 'Ký nhận', weight: 5, width: 10 },
    { header: 'Ghi chú', weight: 9, width: 18 },
  ],
};

export type RegisterDocumentData = {
  kind: DocumentKind;
  issuer: IssuerBlock;
  /** "Năm 2026" or "Năm 2025 – 2026". */
  yearLabel: string;
  /** "Từ ngày 01/01/2026 đến ngày 31/12/2026". */
  periodLabel: string;
  issuedAt: { date: string; time: string };
  /** Pages of printed rows (one string per column), in register order. */
  pages: AsyncIterable<string[][]>;
};

/** Draws the register; resolves with the PDF and the number of rows written. */
export const renderDocumentRegister = async (data: RegisterDocumentData): Promise<{ pdf: Buffer; rows: number }> => {
  const title = REGISTER_TITLES[data.kind];
  const writer = await FormWriter.open('a4-landscape', {
    title: `${title} – ${data.issuer.agencyName} – ${data.yearLabel}`,
    issuedAt: data.issuedAt,
  });
  // The cover (bìa sổ): the agency at the top, the register's name, the year and the period in the middle.
  await writer.header(data.issuer, { date: data.issuedAt.date, placeDate: false });
  writer.y = writer.top + (writer.bottom - writer.top) * 0.32;
  writer.paragraph([{ text: upperVi(title), font: 'bold' }], { size: 28, align: 'center', gapAfter: 18 });
  writer.paragraph([{ text: upperVi(data.yearLabel), font: 'bold' }], { size: 18, align: 'center', gapAfter: 10 });
  writer.paragraph([{ text: data.periodLabel, font: 'italic' }], { size: 13, align: 'center', gapAfter: 6 });
  writer.paragraph([{ text: `Lập ngày ${formatDateLongVi(data.issuedAt.date)}`, font: 'italic' }], {
    size: 11,
    align: 'center',
  });
  writer.newPage();
  writer.title(title, [`${data.issuer.agencyName} – ${data.periodLabel}`]);
  const table = writer.beginTable(REGISTER_COLUMNS[data.kind], { headerSize: writer.scale.table });
  let rows = 0;
  for await (const page of data.pages) {
    table.add(page);
    rows += page.length;
  }
  if (rows === 0) {
    table.add([]);
    writer.gap(8);
    writer.paragraph([{ text: 'Không có văn bản trong kỳ.', font: 'italic' }], { size: 11, align: 'center' });
  }
  return { pdf: await writer.finish(), rows };
};
