export {
  CatalogIssue,
  createIssue,
  getIssueSeverity,
  ISSUE_CODES,
  type IssueCode,
  IssueSeverity,
} from './catalog-issue.js';
export {
  findMissingRequirements,
  type MissingRequirement,
  type RequirementComponent,
  type RequirementOptions,
} from './completeness.js';
export {
  canonicalizeJson,
  canonicalizeProcedureContent,
  hashProcedureContent,
  hashString53,
} from './content-hash.js';
export { type ChannelsResult, normalizeChannels, parseChannel } from './normalize-channels.js';
export {
  type ComponentsResult,
  classifyComponentHeading,
  isOneOfHeading,
  isReplaceableByData,
  normalizeComponents,
} from './normalize-components.js';
export { buildChannelFees, classifyFeeKind, type FeesResult } from './normalize-fees.js';
export { type NormalizeResult, normalizeNationalRecord } from './normalize-national-record.js';
export { type ChannelTextParts, splitDescriptionPrefix, splitUnparsedChannelText } from './parse-channel-text.js';
export {
  buildDuration,
  type DurationResult,
  parseTimeNumber,
  parseTimeUnit,
  SAME_DAY_CUTOFF,
  type TimeUnitKind,
} from './parse-duration.js';
export {
  type Currency,
  type FeeColumn,
  findMoneyAmounts,
  hasUnreadableMoney,
  type MoneyMatch,
  parseAmountToken,
  parseFeeColumn,
} from './parse-money.js';
export {
  CATALOG_KEY_PATTERN,
  Channel,
  ChannelRule,
  CLOCK_TIME_PATTERN,
  Component,
  ComponentAlternativeGroup,
  ComponentGroup,
  Fee,
  FeeKind,
  FIELD_CODE_PATTERN,
  findDirectLegalWorkingHours,
  LegalBasis,
  LOCAL_CODE_PATTERN,
  NATIONAL_CODE_PATTERN,
  OnlineLevel,
  ProcedureDuration,
  ProcedureLevel,
  ProcedureVersionContent,
  ProcessStep,
  SourceUrl,
  StepAgency,
  StepRole,
  WORKING_HOURS_PER_DAY,
} from './procedure.js';
export {
  changeKindOfImportOutcome,
  DECISION_NUMBER_PATTERN,
  type DecisionProblem,
  type DecisionToPublish,
  findDecisionProblems,
  PROCEDURE_CHANGE_KINDS,
  PROCEDURE_CHANGE_LABELS,
  type ProcedureChangeKind,
} from './procedure-decision.js';
export { buildProcedureSearchText, expandSearchQuery, type SearchQuery } from './search.js';
