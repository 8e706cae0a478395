import type { DeliveryStatus, DocumentKind } from '@motcua/domain';
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** Tables of the exchange by package and of document notifications (migration 0029_document_exchange.sql). */

export type ExchangePackageStatus = 'sent' | DeliveryStatus;

export type ExchangePackageTable = {
  id: string;
  provinceCode: string;
  agencyId: string;
  outgoingId: string;
  recipientId: string;
  recipientCode: string;
  recipientName: string;
  packageSha256: string;
  fileSha256: string;
  transport: Generated<string>;
  exportedAt: GeneratedTimestamp;
  exportedBy: string | null;
  status: Generated<ExchangePackageStatus>;
  statusAt: GeneratedTimestamp;
  version: Generated<number>;
};

export type ExchangePackageStatusTable = {
  packageId: string;
  seq: number;
  status: DeliveryStatus;
  at: Timestamp;
  reporterCode: string;
  note: string | null;
  importedAt: GeneratedTimestamp;
  importedBy: string | null;
};

export type DocumentNotificationTable = {
  id: Generated<string>;
  provinceCode: string;
  documentKind: DocumentKind;
  documentId: string;
  eventSeq: number;
  userId: string;
  kind: string;
  status: 'pending' | 'retrying' | 'sent' | 'failed' | 'skipped';
  skipReason: string | null;
  attempts: Generated<number>;
  lastError: string | null;
  sentAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
};

export type DocumentExchangeTables = {
  exchangePackage: ExchangePackageTable;
  exchangePackageStatus: ExchangePackageStatusTable;
  documentNotification: DocumentNotificationTable;
};
