/**
 * Names for the officials' console's API answers, all read from the server's contract (./contract.ts,
 * generated from /openapi.json): change the server's zod schema and these follow.
 */
import type { RequestBodyOf, ResponseOf, Schema } from './contract';

export type Bilingual = { vi: string; en: string };

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

export type Me = Schema<'Me'>;
export type RoleGrant = Me['roles'][number];
export type OfficialRole = RoleGrant['role'];

// The lists themselves are the domain's (the server validates with the same ones).
export { OFFICIAL_ROLES } from '@motcua/domain/access/permissions';

// ---- agencies and users

export type AgencyAtDate = Schema<'AgencyAtDate'>;
export type AgencyKind = AgencyAtDate['kind'];

export { AGENCY_KIND_VALUES as AGENCY_KINDS } from '@motcua/domain/agencies/agency';

export type AgencyDetail = ResponseOf<'/api/v1/agencies/{id}', 'get'>;
export type AgencyRelated = AgencyDetail['predecessors'][number];
export type AgencyChange = ResponseOf<'/api/v1/agencies/{id}/changes', 'get'>['items'][number];

export type UserSummary = Schema<'UserSummary'>;
export type User = Schema<'User'>;

// ---- calendar

export type HolidayYear = ResponseOf<'/api/v1/calendar/holidays', 'get'>;
export type DayKind = NonNullable<HolidayYear['days'][number]['kind']>;
export type DayStatus = NonNullable<HolidayYear['days'][number]['status']>;
export type CalendarEntry = RequestBodyOf<'/api/v1/calendar/entries', 'post'>['entries'][number];
export type CalendarPreview = ResponseOf<'/api/v1/calendar/entries/preview', 'post'>;
export type CalendarChange = ResponseOf<'/api/v1/calendar/changes', 'get'>['items'][number];
export type DueAnswer = ResponseOf<'/api/v1/calendar/due', 'get'>;

// ---- catalog

export type ProcedureListItem = Schema<'ProcedureListItem'>;
export type ProcedureSearch = ResponseOf<'/api/v1/procedures', 'get'>;
export type ProcedureVersion = Schema<'ProcedureVersion'>;
export type ProcedureContent = ProcedureVersion['content'];
export type ProcedureVersionWithRow = ResponseOf<'/api/v1/procedures/{code}/versions/{no}', 'get'>;
export type ProcedureDetail = Schema<'ProcedureDetail'>;
export type ProcedureLevel = ProcedureListItem['levels'][number];
export type OnlineLevel = ProcedureListItem['onlineLevel'];
export type ProcedureDuration = NonNullable<ProcedureListItem['duration']>;
export type ChannelRule = ProcedureContent['channels'][number];
export type Channel = ChannelRule['channel'];
export type Fee = ChannelRule['fees'][number];
export type FeeKind = Fee['kind'];
export type ProcedureComponent = ProcedureContent['components'][number];
export type ComponentGroup = ProcedureComponent['group'];
export type ProcessStep = ProcedureContent['processSteps'][number];
export type StepRole = ProcessStep['role'];
export type StepAgency = ProcessStep['agency'];
export type Handoff = NonNullable<ProcessStep['handoff']>;
export type VersionStatus = ProcedureVersion['status'];

// ---- administrative units

export type AdministrativeUnit = Schema<'AdministrativeUnit'>;

// ---- dossiers

export type Dossier = Schema<'Dossier'>;
export type DossierDocument = Dossier['documents'][number];
export type ResultDocument = Schema<'ResultDocument'>;
export type DossierStatus = Dossier['status'];
export type DossierStep = Dossier['steps'][number];
export type Applicant = Dossier['applicant'];
export type PersonApplicant = Extract<Applicant, { kind: 'person' }>;
export type OrganisationApplicant = Extract<Applicant, { kind: 'organisation' }>;
export type Submitter = NonNullable<Dossier['submitter']>;
export type DossierEvent = Schema<'DossierEvent'>;
export type InboxItem = Schema<'InboxItem'>;
export type Inbox = ResponseOf<'/api/v1/dossiers', 'get'>;
export type InboxBox = 'mine' | 'agency' | 'due_soon' | 'overdue' | 'all';
export type Urgency = NonNullable<InboxItem['urgency']>;
export type DossierActions = ResponseOf<'/api/v1/dossiers/{code}/actions', 'get'>;
export type AvailableAction = DossierActions['actions'][number];
export type DossierAction = AvailableAction['action'];
export type DossierForm = NonNullable<AvailableAction['form']>;
export type ActionResult = ResponseOf<'/api/v1/dossiers/{code}/actions/{action}', 'post'>;

/** Forms the server prints as PDF (the others are recorded in the history only). */
export const PRINTABLE_FORMS: readonly DossierForm[] = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology',
  'stop_notice',
  'control_slip',
];

export type Readiness = ResponseOf<'/readyz', 'get'>;
