import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** Tables of the PAR Index (migration 0018_par_index.sql). Points are integer hundredths of a point. */

export type ParUnitGroupColumn = 'department' | 'commune' | 'province';
export type ParSetStatusColumn = 'draft' | 'published' | 'frozen';
export type ParRoundStageColumn =
  | 'draft'
  | 'self_assessment'
  | 'appraisal_1'
  | 'explanation'
  | 'appraisal_2'
  | 'council'
  | 'published';
export type ParUnitStatusColumn =
  | 'self_draft'
  | 'self_submitted'
  | 'self_locked'
  | 'appraisal_1_done'
  | 'explanation_submitted'
  | 'appraisal_2_done'
  | 'finalised';
export type ParSystemMeasureColumn =
  | 'dossier_on_time_rate'
  | 'dossier_online_share'
  | 'index_766'
  | 'pakn_on_time_rate'
  | 'sipas_satisfaction'
  | 'edocument_rate'
  | 'digital_signature_rate';

/** A text[] column with a default: written as an array or left out, read as an array. */
type TextArrayWithDefault = ColumnType<string[], string[] | undefined, string[]>;

export type ParCriteriaSetTable = {
  id: Generated<string>;
  provinceCode: string;
  year: number;
  unitGroup: ParUnitGroupColumn;
  version: number;
  status: ParSetStatusColumn;
  title: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  bonusCap: Generated<number>;
  penaltyCap: Generated<number>;
  totalMax: Generated<number>;
  isDemo: Generated<boolean>;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  publishedAt: Timestamp | null;
  publishedBy: string | null;
  rowVersion: Generated<number>;
};

export type ParCriterionTable = {
  setId: string;
  code: string;
  parentCode: string | null;
  kind: 'area' | 'criterion' | 'component';
  position: number;
  title: string;
  maxPoints: number;
  scoringRule: string | null;
  evidenceRequired: string | null;
  surveyScored: Generated<boolean>;
  systemMeasure: ParSystemMeasureColumn | null;
  notApplicableTo: TextArrayWithDefault;
};

export type ParRoundTable = {
  id: Generated<string>;
  provinceCode: string;
  year: number;
  title: string;
  stage: ParRoundStageColumn;
  selfAssessmentDue: string | null;
  appraisal1Due: string | null;
  explanationDue: string | null;
  appraisal2Due: string | null;
  councilDue: string | null;
  openedAt: Timestamp | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  publishedAt: Timestamp | null;
  isDemo: Generated<boolean>;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  rowVersion: Generated<number>;
};

export type ParRoundSetTable = {
  roundId: string;
  unitGroup: ParUnitGroupColumn;
  setId: string;
};

export type ParRoundUnitTable = {
  roundId: string;
  agencyId: string;
  provinceCode: string;
  unitGroup: ParUnitGroupColumn;
  tags: TextArrayWithDefault;
  excludedCodes: TextArrayWithDefault;
  status: ParUnitStatusColumn;
  statusChangedAt: GeneratedTimestamp;
  selfSubmittedAt: Timestamp | null;
  selfLockedAt: Timestamp | null;
  selfLockedBy: string | null;
  explanationSubmittedAt: Timestamp | null;
  eventCount: Generated<number>;
  lastHash: string | null;
  rowVersion: Generated<number>;
};

export type ParAppraiserTable = {
  roundId: string;
  agencyId: string;
  userId: string;
  assignedBy: string | null;
  assignedAt: GeneratedTimestamp;
};

/** The per-stage points and notes shared by a leaf's score and a unit's bonus or penalty. */
type ParStagePoints = {
  selfPoints: number | null;
  selfNote: string | null;
  appraisal1Points: number | null;
  appraisal1Note: string | null;
  explanationNote: string | null;
  appraisal2Points: number | null;
  appraisal2Note: string | null;
  finalPoints: number | null;
  finalNote: string | null;
};

export type ParScoreTable = ParStagePoints & {
  roundId: string;
  agencyId: string;
  criterionCode: string;
  provinceCode: string;
  systemNumerator: number | null;
  systemDenominator: number | null;
  systemPoints: number | null;
  systemFormula: string | null;
  systemComputedAt: Timestamp | null;
  overrideReason: string | null;
  updatedAt: GeneratedTimestamp;
  updatedBy: string | null;
  rowVersion: Generated<number>;
};

export type ParAdjustmentTable = ParStagePoints & {
  roundId: string;
  agencyId: string;
  kind: 'bonus' | 'penalty';
  provinceCode: string;
  updatedAt: GeneratedTimestamp;
  updatedBy: string | null;
  rowVersion: Generated<number>;
};

export type ParEvidenceTable = {
  id: Generated<string>;
  roundId: string;
  agencyId: string;
  criterionCode: string;
  provinceCode: string;
  stage: 'self_assessment' | 'explanation';
  kind: 'file' | 'link';
  title: string;
  fileSha256: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  url: string | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  withdrawnAt: Timestamp | null;
  withdrawnBy: string | null;
};

export type ParScoreEventTable = {
  id: Generated<number>;
  roundId: string;
  agencyId: string;
  provinceCode: string;
  seq: number;
  criterionCode: string | null;
  action: string;
  field: string;
  points: number | null;
  note: string | null;
  detail: JSONColumnType<Record<string, unknown>, string, string> | null;
  actorUserId: string | null;
  at: Timestamp;
  prevHash: string | null;
  hash: string;
};

/** One area of a published result. */
export type ParAreaPointsJson = {
  code: string;
  title: string;
  points: number;
  applicableMax: number;
  /** null when the whole area is excluded for the unit. */
  indexBp: number | null;
};

export type ParResultTable = {
  roundId: string;
  agencyId: string;
  provinceCode: string;
  unitGroup: ParUnitGroupColumn;
  unitName: string;
  points: number;
  applicableMax: number;
  indexBp: number;
  rank: number;
  band: string | null;
  areaPoints: JSONColumnType<ParAreaPointsJson[], string, string>;
  bonusPoints: Generated<number>;
  penaltyPoints: Generated<number>;
};

/** One area of a national table row, where the publication gives it. */
export type ParNationalAreaJson = { code: string; title: string; points: number; max: number };

export type ParNationalResultTable = {
  provinceCode: string;
  year: number;
  rankedProvinceCode: string;
  rankedProvinceName: string;
  points: number;
  indexBp: number;
  rank: number;
  areaPoints: ColumnType<ParNationalAreaJson[], string | undefined, string>;
  source: string;
  enteredBy: string | null;
  enteredAt: GeneratedTimestamp;
};

export type ParTables = {
  parCriteriaSet: ParCriteriaSetTable;
  parCriterion: ParCriterionTable;
  parRound: ParRoundTable;
  parRoundSet: ParRoundSetTable;
  parRoundUnit: ParRoundUnitTable;
  parAppraiser: ParAppraiserTable;
  parScore: ParScoreTable;
  parAdjustment: ParAdjustmentTable;
  parEvidence: ParEvidenceTable;
  parScoreEvent: ParScoreEventTable;
  parResult: ParResultTable;
  parNationalResult: ParNationalResultTable;
};
