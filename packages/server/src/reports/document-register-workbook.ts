/**
 * The incoming or outgoing register (sổ đăng ký văn bản đến / đi, Decree 30/2020/NĐ-CP Phụ lục IV) as an
 * Excel workbook with the same columns as the PDF, streamed a page of rows at a time (landscape-book-workbook.ts).
 */
import type { Writable } from 'node:stream';
import { formatDateLongVi } from '../pdf/format-vi.js';
import { REGISTER_COLUMNS, REGISTER_TITLES } from '../pdf/render-document-register.js';
import type { DocumentRegister } from '../usecases/eoffice/registers/registers.js';
import { writeLandscapeBookWorkbook } from './landscape-book-workbook.js';

/** Writes the register to `stream` from pages of rows; resolves with the number of rows written. */
export const writeDocumentRegisterWorkbook = async (
  stream: Writable,
  register: Pick<DocumentRegister, 'kind' | 'meta' | 'agency' | 'period' | 'yearLabel'>,
  pages: AsyncIterable<{ rows: string[][] }>,
): Promise<number> =>
  writeLandscapeBookWorkbook(
    stream,
    {
      sheetName: register.kind === 'incoming' ? 'Văn bản đến' : 'Văn bản đi',
      columns: REGISTER_COLUMNS[register.kind].map((column) => ({
        header: column.header,
        width: column.width,
        align: column.align === 'center' ? 'center' : 'left',
      })),
      issuer: register.meta.issuer,
      issuerColumns: 3,
      title: `${REGISTER_TITLES[register.kind]} – ${register.yearLabel}`,
      subtitle: `${register.agency.name} — ${register.period.label}`,
      basis: `(Phụ lục IV, Nghị định 30/2020/NĐ-CP; lập ${formatDateLongVi(register.meta.generatedAt.date)})`,
      emptyText: 'Không có văn bản trong kỳ.',
    },
    pages,
  );
