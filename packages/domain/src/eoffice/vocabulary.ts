/**
 * The words of official documents (công tác văn thư, Decree 30/2020/NĐ-CP): document types and their
 * abbreviations (Phụ lục III), urgency and confidentiality marks (Art. 8, Phụ lục I), how the competent
 * person signs (Art. 13), the channels a document arrives by, and the status messages of the exchange
 * between agencies (QĐ 28/2018/QĐ-TTg; QCVN 102:2016/BTTTT). Migration 0025 stores these codes.
 */

/**
 * Types of administrative documents and their abbreviations, Decree 30/2020 Art. 7 and Phụ lục III.
 * [RECALL] The list and abbreviations follow the decree as remembered (the appendix itself was not in the
 * sources read); 'CV' (công văn) is motcua's code for the letter, which has no abbreviation in its symbol
 * ("Số: 35/UBND-VP"). Bản sao forms (SY, TS, SL) are copies and not issued through the outgoing register.
 */
export const DOCUMENT_TYPES = [
  { code: 'NQ', vi: 'Nghị quyết', en: 'Resolution' },
  { code: 'QĐ', vi: 'Quyết định', en: 'Decision' },
  { code: 'CT', vi: 'Chỉ thị', en: 'Directive' },
  { code: 'QC', vi: 'Quy chế', en: 'Regulation (statute)' },
  { code: 'QyĐ', vi: 'Quy định', en: 'Rules' },
  { code: 'TC', vi: 'Thông cáo', en: 'Communiqué' },
  { code: 'TB', vi: 'Thông báo', en: 'Notice' },
  { code: 'HD', vi: 'Hướng dẫn', en: 'Guidance' },
  { code: 'CTr', vi: 'Chương trình', en: 'Programme' },
  { code: 'KH', vi: 'Kế hoạch', en: 'Plan' },
  { code: 'PA', vi: 'Phương án', en: 'Option plan' },
  { code: 'ĐA', vi: 'Đề án', en: 'Scheme' },
  { code: 'DA', vi: 'Dự án', en: 'Project' },
  { code: 'BC', vi: 'Báo cáo', en: 'Report' },
  { code: 'BB', vi: 'Biên bản', en: 'Minutes' },
  { code: 'TTr', vi: 'Tờ trình', en: 'Submission' },
  { code: 'HĐ', vi: 'Hợp đồng', en: 'Contract' },
  { code: 'CĐ', vi: 'Công điện', en: 'Official telegram' },
  { code: 'BGN', vi: 'Bản ghi nhớ', en: 'Memorandum of understanding' },
  { code: 'BTT', vi: 'Bản thỏa thuận', en: 'Agreement' },
  { code: 'GUQ', vi: 'Giấy ủy quyền', en: 'Power of attorney' },
  { code: 'GM', vi: 'Giấy mời', en: 'Invitation' },
  { code: 'GGT', vi: 'Giấy giới thiệu', en: 'Letter of introduction' },
  { code: 'GNP', vi: 'Giấy nghỉ phép', en: 'Leave permit' },
  { code: 'PG', vi: 'Phiếu gửi', en: 'Dispatch slip' },
  { code: 'PC', vi: 'Phiếu chuyển', en: 'Transfer slip' },
  { code: 'PB', vi: 'Phiếu báo', en: 'Advice slip' },
  { code: 'CV', vi: 'Công văn', en: 'Official letter' },
] as const;
export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];
export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((type) => type.code) as readonly DocumentTypeCode[];

/** The letter (công văn): its symbol names the issuing agency and the drafting unit, not a type. */
export const LETTER_TYPE: DocumentTypeCode = 'CV';

export const isDocumentTypeCode = (value: string): value is DocumentTypeCode =>
  (DOCUMENT_TYPE_CODES as readonly string[]).includes(value);

/** Urgency marks (độ khẩn, Art. 8; Phụ lục I): "Hỏa tốc", "Thượng khẩn", "Khẩn" are handled at once (Art. 4(1)(c)). */
export const URGENCIES = ['normal', 'khan', 'thuong_khan', 'hoa_toc'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, { vi: string; en: string }> = {
  normal: { vi: 'Thường', en: 'Normal' },
  khan: { vi: 'Khẩn', en: 'Urgent' },
  thuong_khan: { vi: 'Thượng khẩn', en: 'Very urgent' },
  hoa_toc: { vi: 'Hỏa tốc', en: 'Flash' },
};
/** Whether a document with this urgency is registered, presented and issued at once rather than the same day. */
export const isUrgent = (urgency: Urgency): boolean => urgency !== 'normal';

/** Confidentiality (độ mật; the Law on Protection of State Secrets 2018): "Mật", "Tối mật", "Tuyệt mật". */
export const CONFIDENTIALITIES = ['normal', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];
export const CONFIDENTIALITY_LABELS: Record<Confidentiality, { vi: string; en: string }> = {
  normal: { vi: 'Thường', en: 'Not classified' },
  mat: { vi: 'Mật', en: 'Confidential' },
  toi_mat: { vi: 'Tối mật', en: 'Secret' },
  tuyet_mat: { vi: 'Tuyệt mật', en: 'Top secret' },
};
/** A confidential document is seen only by those it is assigned to, and every read is logged. */
export const isConfidential = (confidentiality: Confidentiality): boolean => confidentiality !== 'normal';

/**
 * How the competent person signs (Decree 30/2020 Art. 13(1); Phụ lục I): the prefix printed above the
 * signer's title in the signature block.
 */
export const SIGN_MODES = ['direct', 'tm', 'kt', 'tl', 'tuq'] as const;
export type SignMode = (typeof SIGN_MODES)[number];
export const SIGN_MODE_PREFIXES: Record<SignMode, string | null> = {
  direct: null,
  tm: 'TM.',
  kt: 'KT.',
  tl: 'TL.',
  tuq: 'TUQ.',
};
export const SIGN_MODE_LABELS: Record<SignMode, { vi: string; en: string }> = {
  direct: { vi: 'Ký trực tiếp', en: 'Signs in own right' },
  tm: { vi: 'Thay mặt (TM.)', en: 'On behalf of the collective body (TM.)' },
  kt: { vi: 'Ký thay (KT.)', en: 'Signs for the head (KT.)' },
  tl: { vi: 'Thừa lệnh (TL.)', en: 'By order (TL.)' },
  tuq: { vi: 'Thừa ủy quyền (TUQ.)', en: 'By authorisation (TUQ.)' },
};

/** How an incoming document reached the agency. */
export const INCOMING_CHANNELS = ['electronic', 'paper'] as const;
export type IncomingChannel = (typeof INCOMING_CHANNELS)[number];

/** Scanned paper documents are digitised in colour at 200 dpi or more (Decree 30/2020 Phụ lục I). */
export const MIN_SCAN_DPI = 200;

/** States of an incoming document (Decree 30/2020 Art. 22–24): registered → presented → directed → in progress → done; or returned. */
export const INCOMING_STATES = ['registered', 'presented', 'directed', 'in_progress', 'done', 'returned'] as const;
export type IncomingState = (typeof INCOMING_STATES)[number];

/** States of an outgoing document (Art. 10–19): draft → in review → approved → signed → issued; returned to the drafter; cancelled. */
export const OUTGOING_STATES = ['draft', 'in_review', 'returned', 'approved', 'signed', 'issued', 'cancelled'] as const;
export type OutgoingState = (typeof OUTGOING_STATES)[number];

/** Where an outgoing document goes (nơi nhận). */
export const RECIPIENT_CHANNELS = ['system', 'package', 'paper'] as const;
export type RecipientChannel = (typeof RECIPIENT_CHANNELS)[number];
export const RECIPIENT_PURPOSES = ['action', 'information', 'report', 'archive'] as const;
export type RecipientPurpose = (typeof RECIPIENT_PURPOSES)[number];

/**
 * Status messages between agencies (QCVN 102:2016/BTTTT [RECALL]: đã đến, từ chối, đã tiếp nhận, phân công,
 * đang xử lý, hoàn thành), in the order they normally follow.
 */
export const DELIVERY_STATUSES = ['delivered', 'received', 'refused', 'assigned', 'in_progress', 'done'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, { vi: string; en: string }> = {
  delivered: { vi: 'Đã đến', en: 'Delivered' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  refused: { vi: 'Từ chối', en: 'Refused' },
  assigned: { vi: 'Phân công', en: 'Assigned' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
};

/** Scopes of a delegation (ủy quyền): sign in another's place, approve in the chain, direct incoming documents. */
export const DELEGATION_SCOPES = ['sign', 'approve', 'direct'] as const;
export type DelegationScope = (typeof DELEGATION_SCOPES)[number];

/** The two kinds of documents whose history is hash-chained in document_event. */
export const DOCUMENT_KINDS = ['incoming', 'outgoing'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
