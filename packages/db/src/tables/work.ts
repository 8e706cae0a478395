import type {
  CommentResponse,
  ConsultationStatus,
  EvaluationBand,
  EvaluationItemSource,
  EvaluationPeriodKind,
  EvaluationSheetStatus,
  EvaluationVeto,
  ScheduleEntryStatus,
  ScheduleKind,
  TaskCompletionClass,
  TaskPart,
  TaskSource,
  TaskStatus,
  WorkFileItemKind,
  WorkFileStatus,
  WorkRecordKind,
} from '@motcua/domain';
import type { ColumnType, Generated, GeneratedAlways, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/**
 * Tables of e-office II (migration 0034_work_and_evaluation.sql): work calendars, tasks, work files,
 * consultation on drafts, staff evaluation, their hash-chained history and the officials' in-app notices.
 * An uploaded file kept on a record is { sha256, name, size, contentType }.
 */
export type StoredFile = { sha256: string; name: string; size: number; contentType: string };
type Json<T extends object | null> = JSONColumnType<T, string | undefined, string>;

export type WorkEventTable = {
  id: GeneratedAlways<number>;
  provinceCode: string;
  recordKind: WorkRecordKind;
  recordId: string;
  seq: number;
  at: Timestamp;
  actorUserId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  payload: Json<Record<string, unknown>>;
  prevHash: string | null;
  hash: string;
};

export type WorkNoticeTable = {
  id: Generated<string>;
  provinceCode: string;
  userId: string;
  kind: string;
  recordKind: string;
  recordId: string;
  dedupeKey: string;
  title: string;
  body: string | null;
  createdAt: GeneratedTimestamp;
  readAt: Timestamp | null;
};

export type ScheduleEntryTable = {
  id: Generated<string>;
  provinceCode: string;
  agencyId: string;
  scheduleKind: ScheduleKind;
  ownerUserId: string | null;
  title: string;
  content: string | null;
  startsAt: Timestamp;
  endsAt: Timestamp;
  allDay: Generated<boolean>;
  place: string | null;
  chairUserId: string | null;
  chairText: string | null;
  preparingAgencyId: string | null;
  participantsText: string | null;
  /** Units taking part (agency ids, migration 0042); officials are in schedule_attendee. */
  participantUnitIds: ColumnType<string[], string[] | undefined, string[]>;
  attachments: Json<StoredFile[]>;
  weekStart: string;
  status: ScheduleEntryStatus;
  public: Generated<boolean>;
  cancelReason: string | null;
  createdBy: string;
  approvedBy: string | null;
  approvedAt: Timestamp | null;
  publishedAt: Timestamp | null;
  version: Generated<number>;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type ScheduleAttendeeTable = {
  entryId: string;
  userId: string;
  provinceCode: string;
  role: Generated<'chair' | 'participant' | 'preparer'>;
};

export type ScheduleFeedTokenTable = {
  userId: string;
  provinceCode: string;
  tokenHash: string;
  createdAt: GeneratedTimestamp;
};

export type TaskTable = {
  id: Generated<string>;
  provinceCode: string;
  agencyId: string;
  parentTaskId: string | null;
  title: string;
  description: string | null;
  confidential: Generated<boolean>;
  urgent: Generated<boolean>;
  sourceKind: Generated<TaskSource>;
  sourceId: string | null;
  assignedBy: string;
  assignedAt: Timestamp;
  leadUserId: string | null;
  leadAgencyId: string | null;
  dueAt: Timestamp;
  originalDueAt: Timestamp;
  status: TaskStatus;
  progressPercent: Generated<number>;
  submittedAt: Timestamp | null;
  completedAt: Timestamp | null;
  completionClass: TaskCompletionClass | null;
  returnedCount: Generated<number>;
  workKind: Generated<string>;
  version: Generated<number>;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type TaskAssigneeTable = {
  taskId: string;
  provinceCode: string;
  part: TaskPart;
  userId: string | null;
  agencyId: string | null;
};

export type TaskProgressTable = {
  id: Generated<string>;
  taskId: string;
  provinceCode: string;
  at: Timestamp;
  userId: string;
  percent: number;
  note: string | null;
  attachments: Json<StoredFile[]>;
};

export type TaskExtensionTable = {
  id: Generated<string>;
  taskId: string;
  provinceCode: string;
  requestedBy: string;
  requestedAt: Timestamp;
  requestedDueAt: Timestamp;
  reason: string;
  decision: 'approved' | 'refused' | null;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  decisionNote: string | null;
};

export type FileListEntryTable = {
  id: Generated<string>;
  provinceCode: string;
  agencyId: string;
  year: number;
  code: string;
  title: string;
  retentionYears: number | null;
  responsibleAgencyId: string | null;
};

export type WorkFileTable = {
  id: Generated<string>;
  provinceCode: string;
  agencyId: string;
  fileListEntryId: string | null;
  code: string;
  title: string;
  retentionYears: number | null;
  ownerUserId: string;
  status: WorkFileStatus;
  confidential: Generated<boolean>;
  openedAt: Timestamp;
  closedAt: Timestamp | null;
  archivedAt: Timestamp | null;
  note: string | null;
  version: Generated<number>;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  /** Accent-folded code and title (migration 0037). */
  searchText: Generated<string>;
  /** Last day to hand the closed file to the archive (migration 0037). */
  archiveDueOn: string | null;
};

export type WorkFileItemTable = {
  id: Generated<string>;
  workFileId: string;
  provinceCode: string;
  itemKind: WorkFileItemKind;
  itemId: string | null;
  note: string | null;
  attachment: Json<StoredFile | null> | null;
  position: number;
  addedBy: string;
  addedAt: Timestamp;
  removedAt: Timestamp | null;
};

export type ConsultationTable = {
  id: Generated<string>;
  provinceCode: string;
  agencyId: string;
  outgoingDocumentId: string | null;
  title: string;
  requestText: string | null;
  draft: Json<StoredFile>;
  deadlineAt: Timestamp;
  status: ConsultationStatus;
  createdBy: string;
  openedAt: Timestamp | null;
  closedAt: Timestamp | null;
  summarisedAt: Timestamp | null;
  version: Generated<number>;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type ConsultationRecipientTable = {
  id: Generated<string>;
  consultationId: string;
  provinceCode: string;
  agencyId: string | null;
  userId: string | null;
  answer: 'agree' | 'comments' | null;
  answeredBy: string | null;
  answeredAt: Timestamp | null;
};

export type ConsultationCommentTable = {
  id: Generated<string>;
  consultationId: string;
  recipientId: string;
  provinceCode: string;
  articleRef: string | null;
  articleNo: number | null;
  body: string;
  authorUserId: string;
  createdAt: Timestamp;
  response: CommentResponse | null;
  responseText: string | null;
  respondedBy: string | null;
  respondedAt: Timestamp | null;
};

/** A general criterion of the evaluation (≤ 30 points in all): code, name, maximum in hundredths. */
export type GeneralCriterion = { code: string; name: string; maxPoints: number };

export type EvaluationSettingTable = {
  agencyId: string;
  provinceCode: string;
  periodKind: Generated<'month' | 'quarter'>;
  coefficients: Json<Record<string, number>>;
  quotaPercent: Generated<number>;
  quotaPercentExcellentUnit: Generated<number>;
  generalCriteria: Json<GeneralCriterion[]>;
  /** The leader's task-score formula (migration 0039): 'three_part' (as staff) or 'six_part' [SEC]. */
  leaderFormula: Generated<'three_part' | 'six_part'>;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: GeneratedTimestamp;
};

export type EvaluationPeriodTable = {
  id: Generated<string>;
  provinceCode: string;
  agencyId: string;
  kind: EvaluationPeriodKind;
  year: number;
  number: number;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  unitBand: EvaluationBand | null;
  createdBy: string;
  createdAt: GeneratedTimestamp;
  closedAt: Timestamp | null;
};

export type EvaluationSheetTable = {
  id: Generated<string>;
  provinceCode: string;
  periodId: string;
  agencyId: string;
  userId: string;
  unitId: string | null;
  groupCode: Generated<string>;
  isLeader: Generated<boolean>;
  status: EvaluationSheetStatus;
  quantityPct: number | null;
  qualityPct: number | null;
  timelinessPct: number | null;
  taskPoints: number | null;
  generalSelf: Json<Record<string, number>>;
  generalManager: Json<Record<string, number>>;
  generalPoints: number | null;
  totalPoints: number | null;
  band: EvaluationBand | null;
  proposedBand: EvaluationBand | null;
  veto: EvaluationVeto | null;
  vetoNote: string | null;
  selfNote: string | null;
  managerNote: string | null;
  collectiveNote: string | null;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  /** The leader's parts d, đ, e in hundredths of a per cent (migration 0039). */
  leaderParts: Json<Record<string, number>>;
  version: Generated<number>;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type EvaluationItemTable = {
  id: Generated<string>;
  sheetId: string;
  provinceCode: string;
  sourceKind: EvaluationItemSource;
  sourceId: string | null;
  stepNo: number | null;
  title: string;
  workKind: string;
  coefficientMilli: number;
  assignedAt: Timestamp | null;
  dueAt: Timestamp | null;
  completedAt: Timestamp | null;
  completed: boolean;
  majorErrors: Generated<number>;
  delays: Generated<number>;
  objectiveCause: string | null;
  included: Generated<boolean>;
};

export type WorkTables = {
  workEvent: WorkEventTable;
  workNotice: WorkNoticeTable;
  scheduleEntry: ScheduleEntryTable;
  scheduleAttendee: ScheduleAttendeeTable;
  scheduleFeedToken: ScheduleFeedTokenTable;
  task: TaskTable;
  taskAssignee: TaskAssigneeTable;
  taskProgress: TaskProgressTable;
  taskExtension: TaskExtensionTable;
  fileListEntry: FileListEntryTable;
  workFile: WorkFileTable;
  workFileItem: WorkFileItemTable;
  consultation: ConsultationTable;
  consultationRecipient: ConsultationRecipientTable;
  consultationComment: ConsultationCommentTable;
  evaluationSetting: EvaluationSettingTable;
  evaluationPeriod: EvaluationPeriodTable;
  evaluationSheet: EvaluationSheetTable;
  evaluationItem: EvaluationItemTable;
};
