import type { CounterValues } from '@motcua/domain';
import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export type StatSeriesTable = {
  id: Generated<number>;
  grain: 'procedure' | 'agency';
  key: string;
  parentId: number | null;
  provinceCode: string;
  handlingAgencyId: string | null;
  handlingAgencyCode: string | null;
  handlingAgencyName: string | null;
  receivingAgencyId: string | null;
  receivingAgencyCode: string | null;
  receivingAgencyName: string | null;
  level: 'ministry' | 'province' | 'district' | 'commune';
  procedureCode: string | null;
  procedureName: string | null;
  fieldName: string | null;
  channel: 'direct' | 'online' | 'postal';
  onlineFull: Generated<boolean>;
  replaceable: Generated<boolean>;
};

type CounterColumns = {
  received: Generated<number>;
  receivedFromData: Generated<number>;
  resolvedEarly: Generated<number>;
  resolvedOnTime: Generated<number>;
  resolvedLate: Generated<number>;
  resolvedNoDeadline: Generated<number>;
  returned: Generated<number>;
  withdrawn: Generated<number>;
  stopped: Generated<number>;
  refused: Generated<number>;
  closedAfterReceipt: Generated<number>;
  overdueIn: Generated<number>;
  overdueOut: Generated<number>;
};

export type StatDayTable = CounterColumns & { seriesId: number; day: string };
export type StatMonthTable = CounterColumns & { seriesId: number; month: string };
export type StatYearTable = CounterColumns & { seriesId: number; year: string };

export type DossierImportTotals = {
  rows: number;
  imported: number;
  created: number;
  replaced: number;
  rejected: number;
  warnings: number;
  issues: { code: string; severity: 'error' | 'warning'; count: number }[];
  /** Agency codes of the file that motcua does not know (first 200). */
  unknownAgencies?: string[];
  /** The size of the file and how much of it has been read (a progress bar; imports of an uploaded file). */
  fileBytes?: number;
  bytesRead?: number;
  /** Rows per agency code motcua does not know, so far (kept with each batch, so a resumed run counts on). */
  agencyMisses?: Record<string, number>;
};

export type DossierImportTable = {
  id: Generated<string>;
  provinceCode: string | null;
  fileName: string | null;
  actorUserId: string | null;
  startedAt: GeneratedTimestamp;
  finishedAt: Timestamp | null;
  status: Generated<'queued' | 'running' | 'completed' | 'failed'>;
  totals: JSONColumnType<Partial<DossierImportTotals>, string | undefined, string>;
  failure: string | null;
  /** Last sign of life of a running import (its progress is written with it). */
  heartbeatAt: GeneratedTimestamp;
  /** The uploaded file in the file store (null: imported from the command line). */
  fileSha256: string | null;
  fileKind: '.csv' | '.json' | '.jsonl' | '.ndjson' | null;
  /** Records of the file whose outcome is committed; a resumed run skips them. */
  recordsDone: Generated<number>;
};

export type DossierImportIssueJson = {
  severity: 'error' | 'warning';
  field: string;
  code: string;
  message: { vi: string; en: string };
};

export type DossierImportIssueTable = {
  importId: string;
  rowNo: number;
  code: string | null;
  outcome: 'imported' | 'rejected';
  issues: JSONColumnType<DossierImportIssueJson[], string, string>;
};

export type HistoricalDossierTable = {
  id: Generated<number>;
  provinceCode: string;
  code: string;
  importId: string;
  seriesId: number;
  handlingAgencyId: string | null;
  receivingAgencyId: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  fieldName: string | null;
  channel: 'direct' | 'online' | 'postal';
  status: 'open' | 'completed' | 'returned' | 'withdrawn' | 'stopped' | 'refused';
  receivedAt: Timestamp | null;
  legalDueAt: Timestamp | null;
  completedAt: Timestamp | null;
  completionClass: 'early' | 'on_time' | 'late' | null;
  returnedAt: Timestamp | null;
  closedAt: Timestamp | null;
  fromData: Generated<boolean>;
  applicantName: string | null;
  applicantAddress: string | null;
  applicantPhone: string | null;
  summary: string | null;
  sets: Generated<number>;
  receiver: string | null;
  note: string | null;
};

/** A procedure-grain series as a dossier describes it: what the fold needs to create it the first time. */
export type StatDeltaSeries = {
  key: string;
  provinceCode: string;
  handlingAgencyId: string;
  receivingAgencyId: string;
  procedureVersionId: string;
  procedureCode: string;
  procedureName: string;
  fieldName: string;
  channel: 'direct' | 'online' | 'postal';
};

/** What one write adds to one series on one day (negative counts take back). */
export type StatDeltaCell = { seriesKey: string; day: string; counts: CounterValues };

export type StatDeltaTable = {
  id: Generated<number>;
  provinceCode: string;
  series: JSONColumnType<StatDeltaSeries[], string, string>;
  cells: JSONColumnType<StatDeltaCell[], string, string>;
  createdAt: GeneratedTimestamp;
};

export type ReferenceRevisionTable = {
  id: Generated<boolean>;
  revision: Generated<number>;
};

export type StatisticsTables = {
  statSeries: StatSeriesTable;
  statDelta: StatDeltaTable;
  referenceRevision: ReferenceRevisionTable;
  statDay: StatDayTable;
  statMonth: StatMonthTable;
  statYear: StatYearTable;
  dossierImport: DossierImportTable;
  dossierImportIssue: DossierImportIssueTable;
  historicalDossier: HistoricalDossierTable;
};
