import type { Writable } from 'node:stream';
import { findAgency, listPaknInbox } from '@motcua/db';
import { formatInstant, PAKN_CATEGORIES, PAKN_CHANNELS, PAKN_STATES, PAKN_TOPICS } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { holdsAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { renderPaknAnswer } from '../../pdf/render-pakn-answer.js';
import { atOf, issuerOf } from '../dossiers/forms.js';
import { publicUrlOf } from '../provinces/province-site.js';
import { getReadablePakn, PAKN, resolvePaknScope } from './pakn-access.js';
import { describePaknTimeliness, loadAgencyNames } from './pakn-view.js';

/**
 * The public page of a published answer (the QR code of the answer document points to it), on the public address
 * of the PAKN's own province.
 */
export const paknPublicUrlOf = async (ctx: AppContext, record: { provinceCode: string; code: string }) =>
  `${await publicUrlOf(ctx, record.provinceCode)}/phan-anh-kien-nghi/cong-khai/${encodeURIComponent(record.code)}`;

/**
 * The answer as a document in the Decree 30/2020 layout (pdf/render-pakn-answer.ts), once drafted: the
 * draft for the approver, the signed answer after approval (the signer's name on it). Its date is the
 * sending instant once sent, else the approval or the draft's time — equal input, equal bytes.
 */
export const renderPaknAnswerDocument = async (ctx: AppContext, actor: Actor, code: string) => {
  const { record } = await getReadablePakn(ctx, actor, code);
  if (!record.answerText || !record.agencyId) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'văn bản trả lời', en: 'answer document' } });
  }
  const agency = await findAgency(ctx.db, record.agencyId);
  if (!agency) {
    throw new AppError('NOT_FOUND', { resource: PAKN });
  }
  const issued = record.answeredAt ?? record.receivedAt;
  const pdf = await renderPaknAnswer({
    issuer: await issuerOf(ctx, agency),
    documentNo: `${record.code.slice(5)}/TL-PAKN`,
    issuedAt: atOf(issued),
    paknCode: record.code,
    senderName: record.senderName,
    regulation: record.regulation,
    answer: record.answerText,
    signer: { title: 'THỦ TRƯỞNG CƠ QUAN', ...(record.answerSigner ? { name: record.answerSigner } : {}) },
    publicUrl: await paknPublicUrlOf(ctx, record),
  });
  return { pdf, fileName: `tra-loi-${record.code}.pdf` };
};

const COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Mã PAKN', width: 20 },
  { header: 'Ngày, giờ tiếp nhận', width: 18 },
  { header: 'Hình thức tiếp nhận', width: 16 },
  { header: 'Người gửi', width: 22 },
  { header: 'Lĩnh vực', width: 26 },
  { header: 'Quy định, thủ tục được phản ánh', width: 36 },
  { header: 'Phân loại (Điều 9 NĐ 20/2008)', width: 28 },
  { header: 'Cơ quan đang xử lý', width: 28 },
  { header: 'Hạn trả lời', width: 18 },
  { header: 'Ngày trả lời', width: 18 },
  { header: 'Đúng hạn / quá hạn', width: 14 },
  { header: 'Trạng thái', width: 24 },
];

const EXPORT_PAGE = 500;

/**
 * The register (sổ theo dõi PAKN, Decree 20/2008 Art. 9) of the official's scope as an Excel workbook,
 * streamed page by page (keyset on the inbox index): a year never sits in memory.
 */
export const writePaknRegisterWorkbook = async (ctx: AppContext, actor: Actor, stream: Writable) => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'pakn.read')) {
    throw new AppError('FORBIDDEN');
  }
  const scope = await resolvePaknScope(ctx, official);
  const now = ctx.clock.now();
  return async () => {
    const { default: excel } = await import('exceljs');
    const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'motcua';
    const sheet = workbook.addWorksheet('Sổ theo dõi PAKN', {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
    const title = sheet.addRow(['SỔ THEO DÕI PHẢN ÁNH, KIẾN NGHỊ VỀ QUY ĐỊNH HÀNH CHÍNH']);
    title.font = { name: 'Times New Roman', size: 13, bold: true };
    title.commit();
    const header = sheet.addRow(COLUMNS.map((column) => column.header));
    header.font = { name: 'Times New Roman', size: 11, bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    header.commit();
    let cursor: { at: string; id: string } | undefined;
    let n = 0;
    for (;;) {
      const rows = await listPaknInbox(ctx.db, {
        ...scope,
        view: 'all',
        now,
        dueSoonUntil: now,
        cursor,
        limit: EXPORT_PAGE,
      });
      const names = await loadAgencyNames(ctx, rows);
      for (const row of rows) {
        n += 1;
        const line = sheet.addRow([
          n,
          row.code,
          formatInstant(row.receivedAt.getTime()).slice(0, 16).replace('T', ' '),
          PAKN_CHANNELS[row.channel].vi,
          row.senderName,
          PAKN_TOPICS[row.topic].vi,
          row.regulation,
          row.category ? PAKN_CATEGORIES[row.category].vi : '',
          row.agencyId ? (names.get(row.agencyId) ?? '') : '',
          row.answerDueAt ? formatInstant(row.answerDueAt.getTime()).slice(0, 16).replace('T', ' ') : '',
          row.answeredAt ? formatInstant(row.answeredAt.getTime()).slice(0, 16).replace('T', ' ') : '',
          describePaknTimeliness(row, now).label.vi,
          PAKN_STATES[row.status].vi,
        ]);
        line.font = { name: 'Times New Roman', size: 11 };
        line.alignment = { wrapText: true, vertical: 'top' };
        line.commit();
      }
      const last = rows.at(-1);
      if (rows.length < EXPORT_PAGE || !last) {
        break;
      }
      cursor = { at: last.receivedAt.toISOString(), id: last.id };
    }
    sheet.commit();
    await workbook.commit();
    return n;
  };
};
