import { createHash } from 'node:crypto';
import type { ExchangeIssue } from '@motcua/domain';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { openStoredFile } from '../../portal/uploads.js';

export const OUTGOING_DOCUMENT = { vi: 'văn bản đi', en: 'outgoing document' };
export const OUTGOING_RECIPIENT = { vi: 'nơi nhận', en: 'recipient' };
export const DELIVERY = { vi: 'văn bản đến liên thông', en: 'delivered document' };
export const EXCHANGE_PACKAGE = { vi: 'gói tin liên thông', en: 'exchange package' };
export const RECEIVING_AGENCY = { vi: 'cơ quan nhận', en: 'receiving agency' };

export const sha256Of = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/** The bytes of a stored file (packages and documents are a few MB at most). */
export const readStoredFile = async (ctx: AppContext, sha256: string): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await openStoredFile(ctx, sha256)) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

/** The Vietnamese of the model's messages (packages/domain/src/eoffice/edxml.ts and the XML reader). */
const VI_MESSAGES: Record<string, string> = {
  'must be an identifier code such as 000.00.00.H56':
    'phải là mã định danh dạng 000.00.00.H56 (Quyết định 20/2020/QĐ-TTg)',
  'must not be empty': 'không được để trống',
  'must be a date YYYY-MM-DD': 'phải là ngày dạng YYYY-MM-DD',
  'must be an instant with its offset': 'phải là thời điểm kèm múi giờ',
  'must be a SHA-256 in lower-case hex': 'phải là mã băm SHA-256 (hệ 16, chữ thường)',
  'must be a media type such as application/pdf': 'phải là kiểu tệp, ví dụ application/pdf',
  'must be base64': 'phải mã hóa base64',
  'must be a UUID': 'phải là mã UUID',
  'must name at least one receiving organ': 'phải có ít nhất một nơi nhận',
  'must be the document number': 'phải là số của văn bản',
  'must be one of normal, khan, thuong_khan, hoa_toc': 'độ khẩn không hợp lệ',
  'must be one of normal, mat, toi_mat, tuyet_mat': 'độ mật không hợp lệ',
  'must carry the document as an attachment': 'phải kèm tệp văn bản',
  'must carry at least one status': 'phải có ít nhất một thông điệp trạng thái',
  'must be a status of the exchange': 'không phải mã trạng thái liên thông',
  'the first attachment must be the document as a PDF': 'tệp đính kèm đầu tiên phải là văn bản dạng PDF',
  'the sender cannot be a receiver': 'cơ quan gửi không thể đồng thời là nơi nhận',
  'a receiving organ is named twice': 'một nơi nhận bị ghi hai lần',
  'the due date is before the promulgation date': 'hạn xử lý sớm hơn ngày ban hành',
  'does not match the attached content': 'không khớp với nội dung tệp đính kèm',
  'the document is not a PDF file': 'văn bản không phải tệp PDF',
  'is not the organ the package was sent to': 'không phải cơ quan đã được gửi gói tin',
  'a DOCTYPE or entity declaration is not accepted': 'không chấp nhận khai báo DOCTYPE hoặc entity',
  'not an edXML envelope (edXMLEnvelope)': 'không phải gói tin edXML (thiếu edXMLEnvelope)',
};

/** A message of the model in the reader's language; zod's own messages (a missing field) read as "missing or invalid". */
export const localiseExchangeMessage = (message: string, language: 'vi' | 'en'): string => {
  if (language === 'en') {
    return message;
  }
  const xml = /^not well-formed XML \(line (\d+)\)/.exec(message);
  if (xml) {
    return `tệp không đúng cú pháp XML (dòng ${xml[1]})`;
  }
  return VI_MESSAGES[message] ?? 'thiếu hoặc không hợp lệ';
};

/** A package or status message that does not meet the model: 422 naming each field (JSON pointers into the model). */
export const invalidExchangeFile = (issues: readonly ExchangeIssue[], language: 'vi' | 'en' = 'vi'): AppError =>
  new AppError(
    'EXCHANGE_PACKAGE_INVALID',
    { count: issues.length },
    {
      fieldProblems: issues.map((issue) => ({
        in: 'package',
        pointer: issue.pointer,
        code: 'INVALID',
        message: localiseExchangeMessage(issue.message, language),
      })),
    },
  );

/** A file name of ASCII letters, digits and dashes ("12-QD-UBND-000.00.00.H26.edxml"). */
export const exchangeFileName = (numberSymbol: string, suffix: string, extension: string): string => {
  const base = `${numberSymbol}-${suffix}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base.slice(0, 120) || 'goi-tin'}.${extension}`;
};
