/**
 * Sổ theo dõi hồ sơ: Circular 01/2018/TT-VPCP Mẫu 06 (Mẫu 07 under Circular 03/2025), A4 landscape.
 * One row per dossier with the columns the real registers carry (code, summary, sets, owner,
 * address and phone, received, appointment, returned, receiving officer, notes). The header row is
 * repeated on every page so a torn-out page still reads.
 */
import type { TrackingBookFormData, TrackingBookRow } from './form-data.js';
import { count2 } from './form-parts.js';
import { type Cell, type Column, FormWriter } from './layout.js';

export const TRACKING_BOOK_TITLE = 'Sổ theo dõi hồ sơ';

const COLUMNS: Column[] = [
  { header: 'STT', weight: 4, align: 'center' },
  { header: 'Mã hồ sơ', weight: 15 },
  { header: 'Trích yếu nội dung hồ sơ', weight: 17 },
  { header: 'Số lượng hồ sơ (bộ)', weight: 6, align: 'center' },
  { header: 'Tên cá nhân, tổ chức', weight: 11 },
  { header: 'Địa chỉ, số điện thoại', weight: 13 },
  { header: 'Ngày, giờ nhận hồ sơ', weight: 8, align: 'center' },
  { header: 'Ngày hẹn trả kết quả', weight: 8, align: 'center' },
  { header: 'Ngày trả kết quả', weight: 8, align: 'center' },
  { header: 'Người tiếp nhận', weight: 10 },
  { header: 'Ghi chú', weight: 7 },
];

const toCells = (row: TrackingBookRow): Cell[] => [
  String(row.index),
  row.dossierCode,
  row.summary,
  count2(row.sets),
  [{ text: row.applicantName, font: 'bold' }],
  row.phone ? [{ text: row.address }, { text: `ĐT: ${row.phone}` }] : row.address,
  row.receivedAt,
  row.appointment,
  row.returnedAt ?? '',
  row.receiver,
  row.note ?? '',
];

export const renderTrackingBook = async (data: TrackingBookFormData): Promise<Buffer> => {
  const writer = await FormWriter.open('a4-landscape', {
    title: `${TRACKING_BOOK_TITLE} – ${data.period}`,
    issuedAt: data.issuedAt,
  });
  // A register is not a dated letter: the header carries the agency and the motto, not a place and date.
  await writer.header(data.issuer, { date: data.issuedAt.date, placeDate: false });
  writer.title(TRACKING_BOOK_TITLE, [data.period]);
  // The dossier code column is as wide as the longest code: a code broken over two lines misreads.
  const size = writer.scale.table;
  const codeWidth = Math.max(0, ...data.rows.map((row) => writer.widthOf(row.dossierCode, 'regular', size)));
  const columns = COLUMNS.map((column) =>
    column.header === 'Mã hồ sơ' ? { ...column, weight: 0, minWidth: Math.max(codeWidth + 8, 80) } : column,
  );
  writer.table(columns, data.rows.map(toCells), { headerSize: size });
  return writer.finish();
};
