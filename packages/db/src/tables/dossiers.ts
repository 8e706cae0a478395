import type { DossierChannel, DossierState, DossierStatus } from '@motcua/domain';
import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export type DossierComponentJson = { key: string; name: string; originals: number; copies: number; fromData: boolean };

export type DossierTable = {
  id: Generated<string>;
  code: string;
  provinceCode: string;
  receivingAgencyId: string;
  holderAgencyId: string;
  holderUserId: string | null;
  currentStepRole: string | null;
  currentStepDueAt: Timestamp | null;
  procedureId: string;
  procedureVersionId: string;
  procedureCode: string;
  procedureName: string;
  fieldName: string;
  channel: DossierChannel;
  status: DossierStatus;
  applicantKind: 'person' | 'organisation';
  applicantName: string;
  applicantSearch: string;
  applicant: JSONColumnType<Record<string, unknown>, string, string>;
  submitter: JSONColumnType<Record<string, unknown>, string | null, string | null> | null;
  summary: string;
  components: JSONColumnType<DossierComponentJson[], string, string>;
  state: JSONColumnType<DossierState, string, string>;
  receivedAt: Timestamp | null;
  dueAt: Timestamp | null;
  legalDueAt: Timestamp | null;
  dueProvisional: Generated<boolean>;
  completedAt: Timestamp | null;
  completionClass: 'early' | 'on_time' | 'late' | null;
  outcome: 'approved' | 'rejected' | null;
  returnedAt: Timestamp | null;
  returnChannel: 'counter' | 'post' | 'online' | null;
  eventCount: Generated<number>;
  lastEventHash: string | null;
  version: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type DossierStepTable = {
  dossierId: string;
  stepNo: number;
  key: string;
  name: string;
  role: 'receptionist' | 'processor' | 'approver' | 'result_returner';
  agencyId: string;
  provinceCode: string;
  assigneeUserId: string | null;
  status: 'pending' | 'active' | 'done';
  handoff: 'internal' | 'inter_agency' | 'inter_level' | null;
  allotmentMinutes: number;
  givenAt: Timestamp | null;
  receivedAt: Timestamp | null;
  completedAt: Timestamp | null;
  dueAt: Timestamp | null;
  overrunMinutes: number | null;
  /** 0013: the officials of the hand-over into this step and who finished it. */
  givenByUserId: string | null;
  receivedByUserId: string | null;
  completedByUserId: string | null;
};

export type DossierEventTable = {
  id: Generated<number>;
  dossierId: string;
  seq: number;
  at: Timestamp;
  actorKind: 'official' | 'applicant' | 'system';
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

export type DossierCodeCounterTable = { agencyId: string; day: string; lastSeq: number };

export type DossierDocumentTable = {
  id: Generated<string>;
  dossierId: string;
  kind: 'component' | 'result';
  componentKey: string | null;
  name: string;
  documentNo: string | null;
  fileSha256: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  uploadedBy: string | null;
  /** uploaded by an official or a citizen, or generated from the procedure version's result template. */
  origin: Generated<'uploaded' | 'generated'>;
  /** When the stored file was signed digitally (null until e-signing of results exists). */
  signedAt: Generated<Date | null>;
  createdAt: GeneratedTimestamp;
};

export type IdempotencyKeyTable = {
  scope: string;
  key: string;
  requestHash: string;
  statusCode: number | null;
  response: JSONColumnType<object, string | null, string | null> | null;
  createdAt: GeneratedTimestamp;
};

/** The filled application form of a dossier (0010): written once with the dossier, never updated. */
export type DossierApplicationFormTable = {
  dossierId: string;
  provinceCode: string;
  procedureVersionId: string;
  formKey: string;
  /** FormValues (@motcua/domain eforms), pruned of hidden and empty fields. */
  formValues: JSONColumnType<Record<string, unknown>, string, string>;
  createdAt: GeneratedTimestamp;
};

export type DossierTables = {
  dossier: DossierTable;
  dossierStep: DossierStepTable;
  dossierEvent: DossierEventTable;
  dossierCodeCounter: DossierCodeCounterTable;
  dossierDocument: DossierDocumentTable;
  dossierApplicationForm: DossierApplicationFormTable;
  idempotencyKey: IdempotencyKeyTable;
};
