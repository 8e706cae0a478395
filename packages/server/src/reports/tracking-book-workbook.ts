/**
 * The tracking book (sổ theo dõi hồ sơ: Circular 01/2018/TT-VPCP Mẫu 06, Mẫu 07 under Circular
 * 03/2025/TT-VPCP) as an Excel workbook, streamed page by page as rows are read
 * (landscape-book-workbook.ts), so a desk's year (hundreds of thousands of rows) never sits in memory.
 */
import type { Writable } from 'node:stream';
import type { TrackingBookRow } from '../pdf/form-data.js';
import { formatDateLongVi } from '../pdf/format-vi.js';
import { type BookColumn, writeLandscapeBookWorkbook } from './landscape-book-workbook.js';
import type { ReportMeta } from './report-meta.js';

const COLUMNS: BookColumn[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Mã hồ sơ', width: 28, align: 'left' },
  { header: 'Trích yếu nội dung hồ sơ', width: 36, align: 'left' },
  { header: 'Số lượng hồ sơ (bộ)', width: 9, align: 'center' },
  { header: 'Tên cá nhân, tổ chức', width: 24, align: 'left' },
  { header: 'Địa chỉ, số điện thoại', width: 32, align: 'left' },
  { header: 'Ngày, giờ nhận hồ sơ', width: 17, align: 'center' },
  { header: 'Ngày hẹn trả kết quả', width: 17, align: 'center' },
  { header: 'Ngày trả kết quả', width: 17, align: 'center' },
  { header: 'Người tiếp nhận', width: 20, align: 'left' },
  { header: 'Ghi chú', width: 18, align: 'left' },
];

const toCells = (row: TrackingBookRow): (string | number)[] => [
  row.index,
  row.dossierCode,
  row.summary,
  row.sets,
  row.applicantName,
  row.phone ? `${row.address}${row.address ? '; ' : ''}ĐT: ${row.phone}` : row.address,
  row.receivedAt,
  row.appointment,
  row.returnedAt ?? '',
  row.receiver,
  row.note ?? '',
];

async function* toCellPages(pages: AsyncIterable<{ rows: TrackingBookRow[] }>) {
  for await (const page of pages) {
    yield { rows: page.rows.map(toCells) };
  }
}

/** Writes the book to `stream` from pages of rows; resolves when the file is complete. */
export const writeTrackingBookWorkbook = async (
  stream: Writable,
  meta: ReportMeta,
  book: { agencyName: string; periodLabel: string },
  pages: AsyncIterable<{ rows: TrackingBookRow[] }>,
): Promise<number> =>
  writeLandscapeBookWorkbook(
    stream,
    {
      sheetName: 'Sổ theo dõi hồ sơ',
      columns: COLUMNS,
      issuer: meta.issuer,
      issuerColumns: 4,
      title: 'Sổ theo dõi hồ sơ',
      subtitle: `${book.agencyName} — ${book.periodLabel}`,
      basis: `(Mẫu số 06, Thông tư 01/2018/TT-VPCP; lập ${formatDateLongVi(meta.generatedAt.date)})`,
      emptyText: 'Không có hồ sơ tiếp nhận trong kỳ.',
    },
    toCellPages(pages),
  );
