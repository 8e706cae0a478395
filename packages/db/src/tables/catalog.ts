import type { CatalogIssue, OnlineLevel, ProcedureLevel, ProcedureVersionContent } from '@motcua/domain';
import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** 'national' or a 2-digit province code: whose catalog an entry belongs to. */
export type CatalogKey = string;

export type ProcedureStatus = 'active' | 'abolished';
export type ProcedureVersionStatus = 'draft' | 'published' | 'superseded';
export type ProcedureVersionSource = 'import' | 'manual' | 'adopted';
export type ProcedureAgencyRole = 'receiving' | 'implementing';
export type CatalogImportStatus = 'running' | 'completed' | 'failed';
export type CatalogImportOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';
export type NormalizerStatus = 'ok' | 'repaired' | 'rejected';

/** What a result list shows without reading the content: the direct-channel time limit and fees. */
export type ProcedureSummary = {
  /** The time limit of the in-person channel (the longest when several cases are published). */
  directDuration: ProcedureVersionContent['channels'][number]['duration'];
  /** The limit as published, e.g. "15 Ngày làm việc". */
  directDurationText: string | null;
  fee: {
    /** No fee on any direct-channel rule, or every fee is 0 đ. */
    free: boolean;
    /** Smallest and largest known amounts in đồng (null when no amount is known). */
    minVnd: number | null;
    maxVnd: number | null;
    /** The first published fee text, shortened. */
    text: string | null;
  };
};

export type CatalogImportTotals = {
  rows: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  ok: number;
  repaired: number;
  /**
   * How many rows carried each issue code, most frequent first. A list rather than an object keyed
   * by code: CamelCasePlugin would rewrite upper-case keys with underscores on the way out.
   */
  issues: { code: string; severity: CatalogIssue['severity']; count: number }[];
};

export type ProcedureTable = {
  id: string;
  catalog: CatalogKey;
  code: string;
  nationalCode: string | null;
  name: string;
  fieldName: string;
  fieldCode: string | null;
  fieldKey: string;
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel;
  boundaryFree: boolean;
  searchText: string;
  nameKey: string;
  summary: JSONColumnType<ProcedureSummary, string, string>;
  currentVersionId: string | null;
  currentVersionNo: number | null;
  effectiveFrom: string | null;
  status: Generated<ProcedureStatus>;
  version: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type ProcedureVersionTable = {
  id: string;
  procedureId: string;
  catalog: CatalogKey;
  versionNo: number;
  status: ProcedureVersionStatus;
  content: JSONColumnType<ProcedureVersionContent, string, string>;
  contentHash: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: ProcedureVersionSource;
  importId: string | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  publishedBy: string | null;
  publishedAt: Timestamp | null;
};

export type ProcedureAgencyTable = {
  procedureId: string;
  agencyId: string;
  role: ProcedureAgencyRole;
  catalog: string;
  createdAt: GeneratedTimestamp;
};

export type CatalogImportTable = {
  id: string;
  catalog: CatalogKey;
  fileName: string | null;
  actorUserId: string | null;
  startedAt: GeneratedTimestamp;
  finishedAt: Timestamp | null;
  status: CatalogImportStatus;
  totals: JSONColumnType<CatalogImportTotals, string, string>;
  failure: string | null;
};

export type CatalogImportRowTable = {
  importId: string;
  rowNo: number;
  catalog: CatalogKey;
  code: string | null;
  name: string | null;
  outcome: CatalogImportOutcome;
  normalizerStatus: NormalizerStatus;
  versionNo: number | null;
  issues: JSONColumnType<CatalogIssue[], string, string>;
};

export type CatalogTables = {
  procedure: ProcedureTable;
  procedureVersion: ProcedureVersionTable;
  procedureAgency: ProcedureAgencyTable;
  catalogImport: CatalogImportTable;
  catalogImportRow: CatalogImportRowTable;
};
