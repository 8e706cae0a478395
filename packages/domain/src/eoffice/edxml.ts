import { z } from 'zod';
import { AGENCY_CODE_PATTERN } from '../agencies/agency.js';
import { canReportDeliveryStatus } from './delivery-status.js';
import {
  CONFIDENTIALITIES,
  type Confidentiality,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  URGENCIES,
} from './vocabulary.js';

/**
 * The exchange package between agencies' document systems (QĐ 28/2018/QĐ-TTg on sending and receiving
 * electronic documents between state agencies; the national document axis "Trục liên thông văn bản quốc gia"
 * run by the Government Office, reached by a province through its LGSP and the NDXP).
 *
 * [RECALL] The shape follows QCVN 102:2016/BTTTT (edXML) as remembered — no copy of the standard was read:
 * an envelope whose header names the sending organ (From: its identifier code under Decision 20/2020/QĐ-TTg,
 * e.g. "000.00.00.H56", and its name), the receiving organs (To), the document code (number and notation),
 * the promulgation info (place, date), the document type, the subject (trích yếu), the signer (name,
 * position, competence), the due date, the steering flag and the other marks (urgency, confidentiality);
 * the body carries the attachments base64-encoded. Status messages (đã đến, từ chối, đã tiếp nhận, phân
 * công, đang xử lý, hoàn thành) are their own message type answering one package. The XML text itself is
 * built and parsed in the server (packages/server/src/exchange/edxml-xml.ts); this file holds the model and
 * the rules a package must meet before anything of it is stored.
 */

/** [RECALL] The edXML version motcua writes (QCVN 102:2016/BTTTT). */
export const EDXML_VERSION = '2.0';

/** The largest package motcua accepts (attachments base64-encoded): a setting's default, 30 MB. */
export const DEFAULT_EXCHANGE_PACKAGE_MAX_BYTES = 30 * 1024 * 1024;

/**
 * [RECALL] edXML status codes of the status message, in QCVN 102 order: 01 đã đến, 02 từ chối, 03 đã tiếp
 * nhận, 04 phân công, 05 đang xử lý, 06 hoàn thành.
 */
export const EDXML_STATUS_CODES: Record<DeliveryStatus, string> = {
  delivered: '01',
  refused: '02',
  received: '03',
  assigned: '04',
  in_progress: '05',
  done: '06',
};
export const deliveryStatusOfEdxmlCode = (code: string): DeliveryStatus | undefined =>
  DELIVERY_STATUSES.find((status) => EDXML_STATUS_CODES[status] === code);

const IsoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
const Instant = z.iso.datetime({ offset: true, message: 'must be an instant with its offset' });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 in lower-case hex' });
const text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);

/** An organ (cơ quan) of the exchange: its identifier code (Decision 20/2020/QĐ-TTg) and name. */
export const ExchangeOrgan = z.object({
  code: z.string().regex(AGENCY_CODE_PATTERN, { message: 'must be an identifier code such as 000.00.00.H56' }),
  name: text(300),
});
export type ExchangeOrgan = z.infer<typeof ExchangeOrgan>;

/** One attached file: the document itself (a PDF, first) and any annexes. */
export const ExchangeAttachment = z.object({
  name: text(255),
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { message: 'must be a media type such as application/pdf' }),
  sha256: Sha256,
  /** The bytes, base64 (the digest is checked against them by whoever decodes them). */
  contentBase64: z
    .string()
    .min(1, { message: 'must not be empty' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'must be base64' }),
});
export type ExchangeAttachment = z.infer<typeof ExchangeAttachment>;

export const ExchangeHeader = z.object({
  /** The package's own identifier (a UUID the sender chose; status messages name it). */
  documentId: z.uuid({ message: 'must be a UUID' }),
  from: ExchangeOrgan,
  to: z.array(ExchangeOrgan).min(1, { message: 'must name at least one receiving organ' }).max(500),
  /** Số, ký hiệu: "12" and "QĐ-UBND" of "12/QĐ-UBND" (a letter's notation names the agency and unit). */
  code: z.object({
    number: z.string().regex(/^[0-9]{1,10}$/, { message: 'must be the document number' }),
    notation: text(50),
  }),
  /** Địa danh and ngày ban hành (Decree 30/2020 Art. 8 [RECALL]). */
  promulgation: z.object({ place: text(100), date: IsoDate }),
  /** The type's abbreviation (Phụ lục III; "CV" for a letter); any code another system uses is kept as sent. */
  documentType: z.object({ code: text(10), name: text(100) }),
  subject: text(2000),
  signer: z.object({ name: text(200), position: text(200) }),
  dueDate: IsoDate.nullable(),
  /** Văn bản chỉ đạo, điều hành (the steering flag) [RECALL]. */
  steering: z.boolean(),
  urgency: z.enum(URGENCIES, { message: 'must be one of normal, khan, thuong_khan, hoa_toc' }),
  confidentiality: z.enum(CONFIDENTIALITIES, { message: 'must be one of normal, mat, toi_mat, tuyet_mat' }),
  sentAt: Instant,
});
export type ExchangeHeader = z.infer<typeof ExchangeHeader>;

export const ExchangePackage = z.object({
  version: z.string().min(1).max(10),
  header: ExchangeHeader,
  attachments: z.array(ExchangeAttachment).min(1, { message: 'must carry the document as an attachment' }).max(50),
});
export type ExchangePackage = z.infer<typeof ExchangePackage>;

/** One status the recipient reports back about one package (QCVN 102 status message [RECALL]). */
export const ExchangeStatusMessage = z.object({
  /** The package answered: its document id and the SHA-256 of its bytes as received. */
  responseFor: z.object({ documentId: z.uuid({ message: 'must be a UUID' }), packageSha256: Sha256 }),
  /** The organ reporting (the recipient) and the organ told (the sender of the package). */
  from: ExchangeOrgan,
  to: ExchangeOrgan,
  /** The order of this message among the recipient's messages about the package (1 = đã đến). */
  seq: z.number().int().min(1).max(1000),
  status: z.enum(DELIVERY_STATUSES, { message: 'must be a status of the exchange' }),
  at: Instant,
  note: z.string().trim().max(2000).nullable(),
});
export type ExchangeStatusMessage = z.infer<typeof ExchangeStatusMessage>;

export const ExchangeStatusBatch = z.object({
  version: z.string().min(1).max(10),
  messages: z.array(ExchangeStatusMessage).min(1, { message: 'must carry at least one status' }).max(100),
});
export type ExchangeStatusBatch = z.infer<typeof ExchangeStatusBatch>;

/** A problem of a package, where it is (a JSON pointer into the model) and what is wrong. */
export type ExchangeIssue = { pointer: string; message: string };

export type ExchangeValidation<T> = { ok: true; value: T } | { ok: false; issues: ExchangeIssue[] };

const pointerOf = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '/' : `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

const validate = <T>(schema: z.ZodType<T>, input: unknown): ExchangeValidation<T> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    return { ok: true, value: parsed.data };
  }
  return { ok: false, issues: parsed.error.issues.map((i) => ({ pointer: pointerOf(i.path), message: i.message })) };
};

/**
 * Checks a package parsed from another system: the model's shape, the organ codes, and the rules beyond the
 * shape — the first attachment is the document, a PDF (Decree 30/2020 Art. 11: documents exchanged
 * electronically are PDF [RECALL]); the sender is not among the receivers; receivers are named once.
 */
export const validateExchangePackage = (input: unknown): ExchangeValidation<ExchangePackage> => {
  const result = validate(ExchangePackage, input);
  if (!result.ok) {
    return result;
  }
  const { header, attachments } = result.value;
  const issues: ExchangeIssue[] = [];
  if (attachments[0]?.mediaType.toLowerCase() !== 'application/pdf') {
    issues.push({ pointer: '/attachments/0/mediaType', message: 'the first attachment must be the document as a PDF' });
  }
  const seen = new Set<string>();
  header.to.forEach((organ, index) => {
    if (organ.code === header.from.code) {
      issues.push({ pointer: `/header/to/${index}/code`, message: 'the sender cannot be a receiver' });
    }
    if (seen.has(organ.code)) {
      issues.push({ pointer: `/header/to/${index}/code`, message: 'a receiving organ is named twice' });
    }
    seen.add(organ.code);
  });
  if (header.dueDate !== null && header.dueDate < header.promulgation.date) {
    issues.push({ pointer: '/header/dueDate', message: 'the due date is before the promulgation date' });
  }
  return issues.length > 0 ? { ok: false, issues } : result;
};

export const validateExchangeStatusBatch = (input: unknown): ExchangeValidation<ExchangeStatusBatch> =>
  validate(ExchangeStatusBatch, input);

/**
 * State secrets do not travel over the exchange: documents marked Mật, Tối mật or Tuyệt mật go by the
 * confidential channel (Law on Protection of State Secrets 2018 Art. 5(7) forbids transmitting them over
 * networks without the cipher of the Government Cipher Committee [RECALL]).
 */
export const canExchangeElectronically = (confidentiality: Confidentiality): boolean => confidentiality === 'normal';

/**
 * Splits a number/symbol "12/QĐ-UBND" into the edXML code's number and notation, and joins them back.
 * A number/symbol without a slash has no number (undefined).
 */
export const splitNumberSymbol = (numberSymbol: string): { number: string; notation: string } | undefined => {
  const match = /^([0-9]{1,10})\/(.+)$/.exec(numberSymbol.trim());
  return match?.[1] && match[2] ? { number: match[1], notation: match[2] } : undefined;
};
export const joinNumberSymbol = (code: { number: string; notation: string }): string =>
  `${code.number}/${code.notation}`;

/**
 * Which of the status messages of a batch the sender records, given the statuses it already holds for the
 * package (by seq): a seq already recorded is skipped (importing the same file twice changes nothing); a
 * new one must follow the last status by the exchange's order (canReportDeliveryStatus) and its seq must be
 * the next; the first message of a package is 'delivered' (seq 1). Returns the messages to record in order,
 * or the first problem.
 */
export const planStatusImport = (
  known: readonly { seq: number; status: DeliveryStatus }[],
  incoming: readonly { seq: number; status: DeliveryStatus }[],
): { ok: true; record: number[] } | { ok: false; index: number; reason: 'gap' | 'order' | 'conflict' } => {
  const bySeq = new Map(known.map((m) => [m.seq, m.status]));
  let last = known.reduce<{ seq: number; status: DeliveryStatus } | null>(
    (acc, m) => (acc === null || m.seq > acc.seq ? m : acc),
    null,
  );
  const record: number[] = [];
  const sorted = incoming.map((m, index) => ({ ...m, index })).sort((a, b) => a.seq - b.seq);
  for (const message of sorted) {
    const existing = bySeq.get(message.seq);
    if (existing !== undefined) {
      if (existing !== message.status) {
        return { ok: false, index: message.index, reason: 'conflict' };
      }
      continue;
    }
    const expectedSeq = (last?.seq ?? 0) + 1;
    if (message.seq !== expectedSeq) {
      return { ok: false, index: message.index, reason: 'gap' };
    }
    const allowed =
      last === null ? message.status === 'delivered' : canReportDeliveryStatus(last.status, message.status);
    if (!allowed) {
      return { ok: false, index: message.index, reason: 'order' };
    }
    bySeq.set(message.seq, message.status);
    last = { seq: message.seq, status: message.status };
    record.push(message.index);
  }
  return { ok: true, record };
};
