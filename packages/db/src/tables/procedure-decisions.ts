import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export type ProcedureDecisionStatus = 'draft' | 'published';
export type ProcedureChangeKind = 'new' | 'amended' | 'abolished';

/** A decision announcing changes of a province catalog (migration 0049). */
export type ProcedureDecisionTable = {
  id: Generated<string>;
  provinceCode: string;
  number: string;
  signedOn: string;
  title: string;
  effectiveOn: string | null;
  signer: string | null;
  importId: string | null;
  status: Generated<ProcedureDecisionStatus>;
  publishedAt: Timestamp | null;
  publishedBy: string | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  version: Generated<number>;
};

export type ProcedureDecisionItemTable = {
  decisionId: string;
  provinceCode: string;
  position: number;
  catalog: string;
  procedureCode: string;
  procedureName: string;
  changeKind: ProcedureChangeKind;
  procedureId: string | null;
  procedureVersionId: string | null;
};

export type ProcedureDecisionTables = {
  procedureDecision: ProcedureDecisionTable;
  procedureDecisionItem: ProcedureDecisionItemTable;
};
