import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';
import type { PaknStatusColumn } from './pakn.js';

/** Tables of the citizen portal (migration 0006_portal.sql). */

export type CitizenSource = 'vneid' | 'local';

export type CitizenTable = {
  id: Generated<string>;
  source: CitizenSource;
  issuer: string;
  subject: string;
  username: string | null;
  passwordHash: string | null;
  accountKind: Generated<'person' | 'organisation'>;
  idNumber: string | null;
  fullName: string;
  dateOfBirth: string | null;
  address: string | null;
  communeCode: string | null;
  phone: string | null;
  email: string | null;
  taxCode: string | null;
  organisationName: string | null;
  assurance: string | null;
  status: Generated<'active' | 'disabled'>;
  lastLoginAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type CitizenSessionTable = {
  tokenHash: string;
  citizenId: string;
  csrfToken: string;
  createdAt: GeneratedTimestamp;
  lastSeenAt: GeneratedTimestamp;
  idleExpiresAt: Timestamp;
  expiresAt: Timestamp;
};

export type CitizenAuthRequestTable = {
  stateHash: string;
  browserHash: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: GeneratedTimestamp;
  expiresAt: Timestamp;
};

export type DossierDraftTable = {
  id: Generated<string>;
  citizenId: string;
  provinceCode: string;
  procedureId: string;
  procedureVersionId: string;
  procedureCode: string;
  procedureName: string;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  status: Generated<'open' | 'submitted'>;
  dossierId: string | null;
  version: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type UploadMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export type PortalUploadTable = {
  id: Generated<string>;
  citizenId: string;
  draftId: string | null;
  dossierId: string | null;
  componentKey: string;
  fileName: string;
  fileSha256: string;
  mediaType: UploadMediaType;
  sizeBytes: number;
  documentId: string | null;
  createdAt: GeneratedTimestamp;
};

export type PaymentStatus = 'pending' | 'succeeded' | 'failed';
export type PaymentProviderName = 'sandbox' | 'dvcqg';
export type PaymentFeeLineJson = { name: string; kind: 'phi' | 'le_phi' | 'other'; amountVnd: number };

export type PaymentTable = {
  id: Generated<string>;
  reference: string;
  dossierId: string;
  provinceCode: string;
  citizenId: string | null;
  requestSeq: number;
  provider: PaymentProviderName;
  // bigint columns come back as strings from pg; amounts fit in a JS number (< 2^53).
  amountVnd: number;
  feeLines: JSONColumnType<PaymentFeeLineJson[], string, string>;
  status: Generated<PaymentStatus>;
  initMessage: JSONColumnType<Record<string, unknown>, string, string>;
  paymentUrl: string | null;
  expiresAt: Timestamp;
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: Timestamp | null;
  appliedToDossier: Generated<boolean>;
  receiptSha256: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type PaymentCallbackOutcome =
  | 'applied'
  | 'recorded_failure'
  | 'duplicate'
  | 'bad_checksum'
  | 'unknown_reference'
  | 'amount_mismatch';

export type PaymentCallbackTable = {
  id: Generated<number>;
  paymentId: string | null;
  reference: string | null;
  receivedAt: GeneratedTimestamp;
  checksumValid: boolean;
  resultCode: string | null;
  outcome: PaymentCallbackOutcome;
  message: JSONColumnType<Record<string, unknown>, string, string>;
};

export type NotificationKind = 'receipt' | 'supplement_request' | 'payment_request' | 'apology' | 'result_ready';
export type NotificationChannel = 'email' | 'sms';
export type NotificationStatus = 'pending' | 'sent' | 'retrying' | 'failed' | 'skipped';

export type NotificationTable = {
  id: Generated<string>;
  dossierId: string;
  provinceCode: string;
  eventSeq: number;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipientMasked: string | null;
  status: NotificationStatus;
  skipReason: 'no_address' | 'channel_disabled' | null;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: GeneratedTimestamp;
  lastAttemptAt: Timestamp | null;
  sentAt: Timestamp | null;
};

export type NotificationAttemptTable = {
  id: Generated<number>;
  notificationId: string;
  at: Timestamp;
  outcome: 'sent' | 'failed';
  error: string | null;
};

export type SatisfactionColumn = 'very_satisfied' | 'satisfied' | 'dissatisfied';

export type DossierRatingTable = {
  id: Generated<string>;
  dossierId: string;
  provinceCode: string;
  receivingAgencyId: string;
  procedureId: string;
  channel: 'online' | 'counter';
  citizenId: string | null;
  recordedBy: string | null;
  overall: SatisfactionColumn;
  easeOfUse: SatisfactionColumn;
  staffAttitude: SatisfactionColumn | null;
  contacts: 'none' | 'once' | 'more' | null;
  agenciesContacted: 'one' | 'two' | 'more' | null;
  scores: JSONColumnType<Record<string, number>, string, string>;
  comment: string | null;
  createdAt: GeneratedTimestamp;
};

export type PaknFeedbackTable = {
  id: Generated<string>;
  code: string;
  provinceCode: string;
  kind: 'phan_anh' | 'kien_nghi';
  topic: 'conduct' | 'regulation' | 'proposal' | 'initiative';
  regulation: string;
  procedureCode: string | null;
  content: string;
  senderName: string;
  senderAddress: string;
  senderPhone: string;
  senderEmail: string | null;
  citizenId: string | null;
  status: Generated<PaknStatusColumn>;
  receivedAt: GeneratedTimestamp;
};

export type PaknCodeCounterTable = { day: string; lastSeq: number };

export type ProcedureTemplateTable = {
  procedureId: string;
  componentKey: string;
  fileName: string;
  fileSha256: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: string | null;
  createdAt: GeneratedTimestamp;
};

/**
 * Columns 0006 adds to tables of other areas. Database is an intersection of the areas' table maps,
 * so these merge into the `dossier` and `dossierDocument` types Kysely sees (nullable, hence
 * optional on insert) without touching the dossier engine's own types.
 */
type PortalColumnsOfOtherTables = {
  dossier: { citizenId: string | null };
  dossierDocument: { uploadedByCitizenId: string | null };
};

export type PortalTables = PortalColumnsOfOtherTables & {
  citizen: CitizenTable;
  citizenSession: CitizenSessionTable;
  citizenAuthRequest: CitizenAuthRequestTable;
  dossierDraft: DossierDraftTable;
  portalUpload: PortalUploadTable;
  payment: PaymentTable;
  paymentCallback: PaymentCallbackTable;
  notification: NotificationTable;
  notificationAttempt: NotificationAttemptTable;
  dossierRating: DossierRatingTable;
  paknFeedback: PaknFeedbackTable;
  paknCodeCounter: PaknCodeCounterTable;
  procedureTemplate: ProcedureTemplateTable;
};
