import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** Tables of the PAR Index round's reminders (migration 0020_par_round_reminders.sql). */

export type ParReminderDeadlineColumn =
  | 'selfAssessmentDue'
  | 'appraisal1Due'
  | 'explanationDue'
  | 'appraisal2Due'
  | 'councilDue';

export type ParReminderTable = {
  id: Generated<string>;
  roundId: string;
  agencyId: string;
  userId: string;
  provinceCode: string;
  deadline: ParReminderDeadlineColumn;
  dueDate: string;
  remindOn: string;
  status: 'pending' | 'sent' | 'skipped' | 'failed';
  skipReason: 'no_address' | 'channel_disabled' | null;
  createdAt: GeneratedTimestamp;
  sentAt: Timestamp | null;
};

export type ParRoundEventTable = {
  id: Generated<number>;
  roundId: string;
  provinceCode: string;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  detail: JSONColumnType<Record<string, unknown>, string, string> | null;
  actorUserId: string | null;
  at: Timestamp;
};

export type ParRoundTables = { parReminder: ParReminderTable; parRoundEvent: ParRoundEventTable };
