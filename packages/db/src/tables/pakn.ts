import type { PaknCategory, PaknChannel, PaknState } from '@motcua/domain';
import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** Tables and columns of PAKN handling (migration 0024_pakn_handling.sql). */

export type PaknPauseJson = { start: number; end?: number };

/** Columns 0024 adds to the register (pakn_feedback of 0006); they merge into its type. */
type PaknHandlingColumns = {
  channel: Generated<PaknChannel>;
  receivingAgencyId: string | null;
  agencyId: string | null;
  receivedBy: string | null;
  category: PaknCategory | null;
  version: Generated<number>;
  classifyDueAt: Timestamp | null;
  answerClockStart: Timestamp | null;
  pauses: JSONColumnType<PaknPauseJson[], string | undefined, string>;
  answerDueAt: Timestamp | null;
  classifiedAt: Timestamp | null;
  forwardedAt: Timestamp | null;
  answeredAt: Timestamp | null;
  publishedAt: Timestamp | null;
  outcomeNote: string | null;
  answerText: string | null;
  answerSigner: string | null;
  rating: 'very_satisfied' | 'satisfied' | 'dissatisfied' | null;
  ratedAt: Timestamp | null;
  searchText: Generated<string>;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  isDemo: Generated<boolean>;
};

export type PaknStatusColumn = PaknState;

export type PaknEventTable = {
  id: Generated<number>;
  paknId: string;
  seq: number;
  at: Timestamp;
  actorKind: 'official' | 'sender' | 'system';
  actorUserId: string | null;
  actorRole: string | null;
  agencyId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  prevHash: string | null;
  hash: string;
};

export type PaknSettingTable = {
  provinceCode: string;
  timeLimits: JSONColumnType<object, string, string>;
  portalAgencyId: string | null;
  updatedBy: string | null;
  updatedAt: GeneratedTimestamp;
  rowVersion: Generated<number>;
};

export type PaknNotificationTable = {
  id: Generated<string>;
  paknId: string;
  provinceCode: string;
  eventSeq: number;
  kind: 'clarification_request' | 'answer' | 'rejection';
  channel: 'email' | 'sms';
  recipientMasked: string | null;
  status: 'pending' | 'sent' | 'retrying' | 'failed' | 'skipped';
  skipReason: 'no_address' | 'channel_disabled' | null;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: GeneratedTimestamp;
  sentAt: Timestamp | null;
};

export type PaknTables = {
  paknFeedback: PaknHandlingColumns;
  paknEvent: PaknEventTable;
  paknSetting: PaknSettingTable;
  paknNotification: PaknNotificationTable;
};
