/** Shapes of the API answers the web client reads (see /openapi.json and packages/server/src/routes). */

export type Bilingual = { vi: string; en: string };

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

export type OfficialRole =
  | 'receptionist'
  | 'processor'
  | 'approver'
  | 'result_returner'
  | 'agency_admin'
  | 'province_admin'
  | 'auditor';

export const OFFICIAL_ROLES: readonly OfficialRole[] = [
  'receptionist',
  'processor',
  'approver',
  'result_returner',
  'agency_admin',
  'province_admin',
  'auditor',
];

export type RoleGrant = {
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  role: OfficialRole;
  roleLabel: Bilingual;
  includeSubagencies: boolean;
};

export type Me = {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  email: string | null;
  provinceCode: string | null;
  authenticatedVia: 'session' | 'token';
  csrfToken: string | null;
  roles: RoleGrant[];
};

// ---- agencies and users

export type AgencyKind =
  | 'ministry'
  | 'ministry_unit'
  | 'province_committee'
  | 'province_department'
  | 'province_service_centre'
  | 'commune_committee'
  | 'commune_service_centre'
  | 'division'
  | 'other';

export const AGENCY_KINDS: readonly AgencyKind[] = [
  'ministry',
  'ministry_unit',
  'province_committee',
  'province_department',
  'province_service_centre',
  'commune_committee',
  'commune_service_centre',
  'division',
  'other',
];

export type AgencyAtDate = {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  parentId: string | null;
  provinceCode: string | null;
  adminUnitCode: string | null;
  validFrom: string;
  validTo: string | null;
};

export type AgencyRelated = { id: string; code: string; name: string; kind: string; effective: string };

export type AgencyDetail = AgencyAtDate & {
  adminUnitLevel: 'province' | 'district' | 'commune' | null;
  version: number;
  versions: {
    validFrom: string;
    validTo: string | null;
    code: string;
    name: string;
    shortName: string | null;
    kind: string;
    parentId: string | null;
    adminUnitCode: string | null;
  }[];
  predecessors: AgencyRelated[];
  successors: AgencyRelated[];
};

export type AgencyChange = {
  id: number;
  change: string;
  effective: string;
  before: unknown;
  after: unknown;
  createdAt: string;
  actorUsername: string | null;
};

export type UserSummary = {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  status: 'active' | 'disabled';
  provinceCode: string | null;
  version: number;
};

export type User = UserSummary & { email: string | null; phone: string | null; roles: RoleGrant[] };

// ---- calendar

export type DayKind = 'holiday' | 'compensatory' | 'swap_day_off' | 'extra_day_off' | 'makeup_workday';
export type DayStatus = 'confirmed' | 'rule-derived' | 'proposed' | 'pending-law';

export type HolidayYear = {
  year: number;
  provinceCode: string | null;
  published: boolean;
  provisional: boolean;
  days: {
    date: string;
    weekday: string;
    kind: DayKind | null;
    period: string | null;
    status: DayStatus | null;
    source: string | null;
    provisional: boolean;
  }[];
  makeupWorkdays: { date: string; period: string; status: DayStatus }[];
  breaks: { period: string; from: string; to: string; days: number; provisional: boolean }[];
};

export type CalendarEntry =
  | { date: string; kind: DayKind; period: string; status?: DayStatus; source: string; note?: string }
  | { date: string; remove: true; source: string; note?: string };

export type CalendarPreview = {
  scanned: number;
  total: number;
  moved: { code: string; before: string; after: string; deltaMinutes: number }[];
};

export type CalendarChange = {
  id: number;
  scope: string;
  date: string;
  action: 'set' | 'remove';
  kind: DayKind | null;
  period: string | null;
  status: DayStatus | null;
  source: string | null;
  note: string | null;
  createdAt: string;
  supersededAt: string | null;
  createdByUsername: string | null;
};

export type DueAnswer = { from: string; dueAt: string | null; provisional: boolean };

// ---- catalog

export type ProcedureLevel = 'ministry' | 'province' | 'commune';
export type OnlineLevel = 'full' | 'partial' | 'none';
export type Channel = 'direct' | 'online' | 'postal';

export type ProcedureDuration =
  | { unit: 'working_days' | 'working_hours'; value: number; cutoff?: string }
  | { unit: 'calendar_days'; value: number }
  | { unit: 'same_day'; cutoff: string };

export type FeeKind = 'phi' | 'le_phi' | 'other';
export type Fee = { name: string; kind: FeeKind; amountVnd: number | null; text: string; exemptions?: string };

export type ComponentGroup = 'submit' | 'present' | 'note';
export type ProcedureComponent = {
  key: string;
  name: string;
  group: ComponentGroup;
  originals: number;
  copies: number;
  required: boolean;
  templateName?: string;
  replaceableByData: boolean;
  section?: string;
  nameTruncated?: boolean;
};

export type ChannelRule = {
  channel: Channel;
  duration: ProcedureDuration | null;
  fees: Fee[];
  feeText?: string;
  durationText?: string;
};

export type StepRole = 'receptionist' | 'processor' | 'approver' | 'result_returner';
export type StepAgency =
  | { kind: 'receiving' }
  | { kind: 'fixed'; agencyCode: string }
  | { kind: 'applicant_commune' }
  | { kind: 'province_department'; agencyCode: string };
export type Handoff = 'internal' | 'inter_agency' | 'inter_level';

export type ProcessStep = {
  key: string;
  name: string;
  role: StepRole;
  agency: StepAgency;
  allotmentWorkingHours: number;
  handoff?: Handoff;
};

export type ProcedureContent = {
  nationalCode: string | null;
  localCode?: string;
  name: string;
  field: { name: string; code?: string };
  levels: ProcedureLevel[];
  decision?: string;
  procedureType?: string;
  applicantTypes: string[];
  competentAgency?: string;
  implementingAgency?: string;
  components: ProcedureComponent[];
  channels: ChannelRule[];
  onlineLevel: OnlineLevel;
  boundaryFree: boolean;
  resultTypes: string[];
  legalBasis: { number: string; title?: string }[];
  conditions?: string;
  processSteps: ProcessStep[];
  clockOnSupplement: 'pause' | 'restart';
  autoAccept: boolean;
  sourceUrl?: string;
};

export type ProcedureListItem = {
  code: string;
  catalog: string;
  name: string;
  field: { name: string; code: string | null };
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel;
  boundaryFree: boolean;
  currentVersion: { versionNo: number; effectiveFrom: string | null } | null;
  duration: ProcedureDuration | null;
  durationText: string | null;
  fee: { free: boolean; minVnd: number | null; maxVnd: number | null; text: string | null };
};

export type ProcedureSearch = Page<ProcedureListItem> & { match: 'all' | 'phrase' | 'words' | 'similar' | 'none' };

export type VersionStatus = 'draft' | 'published' | 'superseded';

export type ProcedureVersion = {
  versionNo: number;
  status: VersionStatus;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  contentHash: string;
  source: 'import' | 'manual' | 'adopted';
  createdAt: string;
  publishedAt: string | null;
  content: ProcedureContent;
};

export type ProcedureVersionWithRow = ProcedureVersion & { rowVersion: number };

export type ProcedureDetail = {
  catalog: string;
  code: string;
  nationalCode: string | null;
  name: string;
  field: { name: string; code: string | null };
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel;
  boundaryFree: boolean;
  status: 'active' | 'abolished';
  rowVersion: number;
  currentVersionNo: number | null;
  effectiveFrom: string | null;
  current: ProcedureVersion | null;
  versions: (Omit<ProcedureVersion, 'content'> & { createdBy: string | null; publishedBy: string | null })[];
  agencies: { agencyId: string; code: string; name: string; kind: string; role: 'receiving' | 'implementing' }[];
};

// ---- administrative units

export type AdministrativeUnit = {
  code: string;
  level: 'province' | 'district' | 'commune';
  name: string;
  shortName: string | null;
  unitType: string;
  parentCode: string | null;
  provinceCode: string;
};

// ---- dossiers

export type DossierStatus =
  | 'new'
  | 'received'
  | 'refused'
  | 'processing'
  | 'supplement_requested'
  | 'financial_obligation'
  | 'withdrawn'
  | 'stopped'
  | 'completed'
  | 'returned';

export type DossierAction =
  | 'receive'
  | 'request_intake_supplement'
  | 'refuse'
  | 'applicant_supplement'
  | 'forward'
  | 'accept_handoff'
  | 'assign'
  | 'complete_step'
  | 'return_step'
  | 'request_supplement'
  | 'request_payment'
  | 'record_payment'
  | 'apologize'
  | 'complete'
  | 'stop'
  | 'withdraw'
  | 'return_result';

export type DossierForm =
  | 'receipt'
  | 'supplement_request'
  | 'refusal'
  | 'apology'
  | 'stop_notice'
  | 'control_slip'
  | 'payment_request'
  | 'withdrawal';

/** Forms the server prints as PDF (the others are recorded in the history only). */
export const PRINTABLE_FORMS: readonly DossierForm[] = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology',
  'stop_notice',
  'control_slip',
];

export type Urgency = 'overdue' | 'due_soon' | 'normal';

export type InboxBox = 'mine' | 'agency' | 'due_soon' | 'overdue' | 'all';

export type InboxItem = {
  code: string;
  status: DossierStatus;
  statusLabel: Bilingual & { dvcqg: number };
  channel: Channel;
  procedureCode: string;
  procedureName: string;
  fieldName: string | null;
  applicantName: string;
  summary: string | null;
  holderAgencyId: string;
  holderAgencyName: string | null;
  holderUserId: string | null;
  currentStepRole: StepRole | null;
  receivedAt: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  remainingWorkingMinutes: number | null;
  urgency: Urgency | null;
  version: number;
};

export type Inbox = { items: InboxItem[]; nextCursor: string | null };

export type PersonApplicant = {
  kind: 'person';
  fullName: string;
  idNumber: string;
  dateOfBirth: string;
  gender?: 'male' | 'female';
  address: { text: string; communeCode?: string };
  phone?: string;
  email?: string;
};

export type OrganisationApplicant = {
  kind: 'organisation';
  name: string;
  taxCode: string;
  address: { text: string; communeCode?: string };
  phone?: string;
  email?: string;
};

export type Applicant = PersonApplicant | OrganisationApplicant;

export type Submitter = {
  relation: 'authorised' | 'legal_representative' | 'employee';
  fullName: string;
  idNumber: string;
  phone?: string;
  authorisation?: string;
};

export type DossierStep = {
  stepNo: number;
  key: string;
  name: string;
  role: StepRole;
  roleLabel: Bilingual;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  status: string;
  handoff: Handoff | null;
  allotmentMinutes: number | null;
  givenAt: string | null;
  receivedAt: string | null;
  completedAt: string | null;
  dueAt: string | null;
  overrunMinutes: number | null;
};

export type Dossier = {
  id: string;
  code: string;
  status: DossierStatus;
  statusLabel: Bilingual & { dvcqg: number };
  dvcqgStatus: number;
  channel: Channel;
  channelLabel: Bilingual;
  procedure: { id: string; versionId: string; code: string; name: string };
  fieldName: string | null;
  summary: string | null;
  applicant: Applicant;
  submitter: Submitter | null;
  components: { key: string; originals: number; copies: number; fromData?: boolean; name?: string }[];
  receivingAgency: { id: string; code: string; name: string } | null;
  holder: {
    agencyId: string;
    agencyName: string | null;
    userId: string | null;
    stepKey: string | null;
    stepName: string | null;
    role: StepRole | null;
    stepDueAt: string | null;
    waitingForHandoff: boolean;
  };
  receivedAt: string | null;
  dueAt: string | null;
  legalDueAt: string | null;
  dueProvisional: boolean;
  remainingWorkingMinutes: number | null;
  rescheduled: boolean;
  completedAt: string | null;
  completionClass: 'early' | 'on_time' | 'late' | null;
  outcome: 'approved' | 'rejected' | null;
  returnedAt: string | null;
  returnChannel: 'counter' | 'post' | 'online' | null;
  supplementPhase: 'intake' | 'processing' | null;
  steps: DossierStep[];
  documents: {
    id: string;
    kind: string;
    componentKey: string | null;
    name: string;
    documentNo: string | null;
    sha256: string | null;
    mediaType: string | null;
    sizeBytes: number | null;
    createdAt: string | null;
  }[];
  version: number;
};

export type DossierEvent = {
  seq: number;
  at: string;
  actorKind: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  agencyId: string | null;
  agencyName: string | null;
  action: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus | null;
  note: string | null;
  payload: { form?: DossierForm | null; params?: Record<string, unknown>; results?: { name: string }[] } | null;
};

export type AvailableAction = { action: DossierAction; label: Bilingual; form?: DossierForm; actingAgencyId: string };

export type DossierActions = { version: number; actions: AvailableAction[] };

export type ActionResult = {
  code: string;
  action: DossierAction;
  label: Bilingual;
  fromStatus: DossierStatus;
  toStatus: DossierStatus;
  version: number;
  form: DossierForm | null;
};

export type Readiness = { status: 'ready'; database: 'pglite' | 'postgres'; migrationVersion: number };
