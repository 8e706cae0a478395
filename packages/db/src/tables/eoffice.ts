import type {
  Confidentiality,
  DelegationScope,
  DeliveryStatus,
  DocumentKind,
  IncomingChannel,
  IncomingState,
  OutgoingState,
  RecipientChannel,
  RecipientPurpose,
  SignMode,
  Urgency,
} from '@motcua/domain';
import type { Generated, GeneratedAlways, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** Tables of official documents, incoming and outgoing (migration 0025_eoffice_documents.sql). */

export type DocumentDelegationTable = {
  id: Generated<string>;
  provinceCode: string;
  agencyId: string;
  fromUserId: string;
  toUserId: string;
  scope: DelegationScope;
  validFrom: string;
  validTo: string;
  reason: string;
  createdBy: string;
  createdAt: GeneratedTimestamp;
  revokedAt: Timestamp | null;
};

export type DocumentNumberCounterTable = {
  agencyId: string;
  year: number;
  sequence: string;
  provinceCode: string;
  lastNumber: number;
};

export type IncomingDocumentTable = {
  id: Generated<string>;
  provinceCode: string;
  agencyId: string;
  year: number;
  incomingNumber: number;
  /** 'incoming' or 'incoming_secret', generated from the confidentiality (migration 0026). */
  numberSequence: GeneratedAlways<'incoming' | 'incoming_secret'>;
  receivedAt: Timestamp;
  registeredAt: GeneratedTimestamp;
  registeredBy: string | null;
  channel: IncomingChannel;
  deliveryId: string | null;
  issuerName: string;
  issuerCode: string | null;
  numberSymbol: string;
  issuedOn: string;
  documentType: string;
  subject: string;
  urgency: Generated<Urgency>;
  confidentiality: Generated<Confidentiality>;
  pageCount: number | null;
  signerName: string | null;
  fileSha256: string | null;
  fileName: string | null;
  fileMediaType: string | null;
  fileSizeBytes: number | null;
  scanDpi: number | null;
  status: IncomingState;
  presentedTo: string | null;
  presentedAt: Timestamp | null;
  directionNote: string | null;
  directedBy: string | null;
  directedAt: Timestamp | null;
  leadUnitId: string | null;
  dueOn: string | null;
  completedAt: Timestamp | null;
  returnReason: string | null;
  searchText: Generated<string>;
  version: Generated<number>;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  isDemo: Generated<boolean>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type IncomingAssignmentTable = {
  incomingId: string;
  unitId: string;
  role: 'lead' | 'cooperate';
  assigneeUserId: string | null;
  status: Generated<'assigned' | 'in_progress' | 'done'>;
  dueOn: string | null;
  note: string | null;
  assignedAt: GeneratedTimestamp;
  doneAt: Timestamp | null;
};

export type OutgoingDocumentTable = {
  id: Generated<string>;
  provinceCode: string;
  agencyId: string;
  draftingUnitId: string | null;
  drafterUserId: string;
  documentType: string;
  isNormative: Generated<boolean>;
  subject: string;
  urgency: Generated<Urgency>;
  confidentiality: Generated<Confidentiality>;
  status: OutgoingState;
  signMode: Generated<SignMode>;
  signerUserId: string | null;
  signerTitle: string | null;
  reviewRound: Generated<number>;
  currentVersion: Generated<number>;
  year: number | null;
  numberSequence: string | null;
  number: number | null;
  numberSymbol: string | null;
  signedAt: Timestamp | null;
  organisationSignedAt: Timestamp | null;
  issuedAt: Timestamp | null;
  pageCount: number | null;
  signedFileSha256: string | null;
  verificationToken: string | null;
  searchText: Generated<string>;
  version: Generated<number>;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  isDemo: Generated<boolean>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type OutgoingDraftVersionTable = {
  outgoingId: string;
  versionNo: number;
  fileSha256: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: GeneratedTimestamp;
  note: string | null;
};

export type OutgoingReviewStepTable = {
  outgoingId: string;
  reviewRound: number;
  stage: number;
  reviewerUserId: string;
  substituteUserId: string | null;
  kind: 'review' | 'approve';
  decision: Generated<'pending' | 'approved' | 'returned' | 'skipped'>;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  comment: string | null;
};

export type OutgoingRecipientTable = {
  id: Generated<string>;
  outgoingId: string;
  position: number;
  recipientAgencyId: string | null;
  externalCode: string | null;
  name: string;
  channel: RecipientChannel;
  purpose: Generated<RecipientPurpose>;
};

export type DocumentDeliveryTable = {
  id: Generated<string>;
  provinceCode: string;
  recipientAgencyId: string;
  outgoingId: string | null;
  senderAgencyId: string | null;
  senderCode: string | null;
  senderName: string;
  packageSha256: string | null;
  numberSymbol: string;
  issuedOn: string;
  documentType: string;
  subject: string;
  urgency: Generated<Urgency>;
  confidentiality: Generated<Confidentiality>;
  signerName: string | null;
  fileSha256: string | null;
  deliveredAt: GeneratedTimestamp;
  status: Generated<DeliveryStatus>;
  statusAt: GeneratedTimestamp;
  refusalReason: string | null;
  incomingId: string | null;
  version: Generated<number>;
};

export type DocumentStatusMessageTable = {
  deliveryId: string;
  seq: number;
  status: DeliveryStatus;
  at: GeneratedTimestamp;
  actorUserId: string | null;
  note: string | null;
};

export type DocumentSignatureTable = {
  id: Generated<string>;
  provinceCode: string;
  outgoingId: string | null;
  dossierId: string | null;
  kind: 'signer' | 'organisation';
  signerUserId: string | null;
  agencyId: string;
  certificateSubject: string;
  certificateSerial: string;
  certificateSha256: string;
  signedAt: Timestamp;
  inputSha256: string;
  outputSha256: string;
};

export type DocumentEventTable = {
  id: Generated<number>;
  documentKind: DocumentKind;
  documentId: string;
  seq: number;
  at: Timestamp;
  actorKind: 'official' | 'system';
  actorUserId: string | null;
  actorRole: string | null;
  agencyId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  prevHash: string | null;
  hash: string;
};

export type DocumentReadTable = {
  id: Generated<number>;
  documentKind: DocumentKind;
  documentId: string;
  userId: string;
  at: GeneratedTimestamp;
  what: 'record' | 'file';
};

export type EofficeTables = {
  documentDelegation: DocumentDelegationTable;
  documentNumberCounter: DocumentNumberCounterTable;
  incomingDocument: IncomingDocumentTable;
  incomingAssignment: IncomingAssignmentTable;
  outgoingDocument: OutgoingDocumentTable;
  outgoingDraftVersion: OutgoingDraftVersionTable;
  outgoingReviewStep: OutgoingReviewStepTable;
  outgoingRecipient: OutgoingRecipientTable;
  documentDelivery: DocumentDeliveryTable;
  documentStatusMessage: DocumentStatusMessageTable;
  documentSignature: DocumentSignatureTable;
  documentEvent: DocumentEventTable;
  documentRead: DocumentReadTable;
};
