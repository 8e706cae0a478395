/**
 * Shapes of the citizen portal's API answers (packages/server/src/routes/portal-*.routes.ts and the
 * use-cases in packages/server/src/usecases/portal/): sign-in, online forms and drafts, the
 * citizen's dossiers, payments, tracking, result verification, ratings and PAKN.
 */
import type { Bilingual, DossierStatus } from './types';

/** GET /api/v1/public/settings: what the portal's pages need to know about this installation. */
export type PortalSettings = {
  signIn: { vneid: boolean; startUrl: string | null; localAccounts: boolean };
  uploads: { maxBytes: number; maxFilesPerComponent: number; mediaTypes: UploadMediaType[] };
  payment: { provider: 'sandbox' | 'dvcqg' };
  provinces: { code: string; committeeName: string }[];
};

export type CitizenMe = {
  id: string;
  source: 'vneid' | 'local';
  accountKind: 'person' | 'organisation';
  fullName: string;
  idNumber: string | null;
  dateOfBirth: string | null;
  address: string | null;
  communeCode: string | null;
  phone: string | null;
  email: string | null;
  taxCode: string | null;
  organisationName: string | null;
  csrfToken: string;
};

// ---- the online form (JSON Schema of the application + components to upload)

/** The part of JSON Schema (draft 2020-12) the server's form uses. */
export type JsonSchema = {
  type?: string;
  const?: unknown;
  enum?: readonly unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
};

export type UploadMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export type FormComponent = {
  key: string;
  name: string;
  required: boolean;
  originals: number;
  copies: number;
  templateName: string | null;
  fromDataAllowed: boolean;
  accept: readonly UploadMediaType[];
  maxFiles: number;
};

export type OnlineForm = { schema: JsonSchema; components: FormComponent[]; notes: string[] };

export type ReceivingAgency = { agencyId: string; code: string; name: string };

/** GET /api/v1/public/procedures/:code/form */
export type ProcedureForm = OnlineForm & {
  catalog: string;
  code: string;
  name: string;
  versionNo: number;
  canSubmitOnline: boolean;
  receivingAgencies: ReceivingAgency[];
  boundaryFree: boolean;
};

export type Representation = {
  relation: 'authorised' | 'legal_representative' | 'employee';
  authorisation?: string;
};

export type ResultDelivery = 'online' | 'counter' | 'post';

/** The applicant block of a draft (any field may still be missing). */
export type DraftApplicant = {
  kind?: 'person' | 'organisation';
  fullName?: string;
  idNumber?: string;
  dateOfBirth?: string;
  gender?: 'male' | 'female';
  name?: string;
  taxCode?: string;
  address?: { text?: string; communeCode?: string };
  phone?: string;
  email?: string;
};

/** What the citizen types into the online form (partial while it is a draft). */
export type ApplicationData = {
  applicant?: DraftApplicant;
  representation?: Representation;
  receivingAgencyId?: string;
  summary?: string;
  fromData?: string[];
  resultDelivery?: ResultDelivery;
};

export type Upload = {
  id: string;
  componentKey: string;
  fileName: string;
  mediaType: UploadMediaType;
  sizeBytes: number;
  sha256?: string;
  createdAt: string | null;
};

export type DraftProblem = { pointer: string; message: string; code?: string };

export type Draft = {
  id: string;
  status: 'open' | 'submitted';
  catalog: string;
  procedure: { code: string; name: string };
  data: ApplicationData;
  uploads: Upload[];
  problems: DraftProblem[];
  form: OnlineForm | null;
  dossierCode: string | null;
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
};

export type DraftSummary = {
  id: string;
  status: 'open' | 'submitted';
  catalog: string;
  procedure: { code: string; name: string };
  version: number;
  updatedAt: string | null;
};

export type SubmitResult = {
  code: string;
  id: string;
  status: DossierStatus;
  statusLabel: Bilingual & { dvcqg: number };
  receivedAt: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  trackingPin: string;
};

// ---- the citizen's dossiers and public tracking

export type ApplicantNextStep = 'wait_for_desk' | 'wait' | 'supplement' | 'pay' | 'collect' | 'rate' | 'none';

export type NextStep = {
  step: ApplicantNextStep;
  label: Bilingual;
  missing?: string[];
  reason?: string | null;
  requestedAt?: string | null;
  amountVnd?: number | null;
};

export type ProgressStep = {
  stepNo: number;
  name: string;
  agencyName: string | null;
  status: string;
  givenAt: string | null;
  receivedAt: string | null;
  completedAt: string | null;
  dueAt: string | null;
};

export type HistoryEntry = {
  at: string;
  action: string;
  label: Bilingual;
  byApplicant: boolean;
  agencyName: string | null;
  status: DossierStatus | null;
};

/** What the holder of the code (and the check value) may see of a dossier. */
export type DossierProgress = {
  code: string;
  status: DossierStatus;
  statusLabel: Bilingual & { dvcqg: number };
  dvcqgStatus: number;
  channel: string;
  channelLabel: Bilingual;
  procedure: { code: string; name: string };
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  completedAt: string | null;
  returnedAt: string | null;
  steps: ProgressStep[];
  history: HistoryEntry[];
  nextStep: NextStep;
};

/** GET /api/v1/public/dossiers/:code */
export type TrackedDossier = DossierProgress & { receivingAgency: { code: string; name: string } | null };

export type CitizenDossierItem = {
  code: string;
  status: DossierStatus;
  statusLabel: Bilingual & { dvcqg: number };
  procedure: { code: string; name: string };
  summary: string | null;
  receivingAgencyName: string | null;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  /** The step only: what a supplement or a payment asks for is on the dossier's page. */
  nextStep: { step: ApplicantNextStep; label: Bilingual };
  rated: boolean;
};

/** A component of the dossier: what the procedure asks for, and what the applicant handed in. */
export type DossierComponent = {
  key: string;
  name: string;
  required: boolean;
  handedIn: { originals: number; copies: number; fromData: boolean; files: number } | null;
};

export type CitizenDocument = {
  id: string;
  kind: 'component' | 'result' | string;
  componentKey: string | null;
  name: string;
  documentNo: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  createdAt: string | null;
  downloadUrl: string | null;
  verifyUrl: string | null;
};

export type PaymentStatus = 'pending' | 'succeeded' | 'failed';

export type CitizenPayment = {
  id: string;
  reference: string;
  amountVnd: number;
  status: PaymentStatus;
  provider: string;
  createdAt: string | null;
  paidAt: string | null;
  appliedToDossier: boolean;
  paymentUrl: string | null;
  receiptUrl: string | null;
};

export type SatisfactionLevel = 'very_satisfied' | 'satisfied' | 'dissatisfied';

/** GET /api/v1/citizen/dossiers/:code */
export type CitizenDossier = Omit<DossierProgress, 'procedure'> & {
  procedure: { code: string; name: string; catalog: string };
  receivingAgency: { code: string; name: string } | null;
  components: DossierComponent[];
  summary: string | null;
  applicantName: string;
  outcome: 'approved' | 'rejected' | null;
  trackingPin: string;
  actions: { action: string; label: Bilingual }[];
  documents: CitizenDocument[];
  pendingUploads: Upload[];
  payments: CitizenPayment[];
  rating: {
    overall: SatisfactionLevel;
    overallLabel: Bilingual;
    channel: 'online' | 'counter';
    createdAt: string | null;
  } | null;
  version: number;
};

/** POST /api/v1/citizen/dossiers/:code/payments */
export type StartedPayment = {
  id: string;
  reference: string;
  amountVnd: number;
  lines: { name: string; kind: string; amountVnd: number }[];
  status: PaymentStatus;
  provider: string;
  paymentUrl: string | null;
  expiresAt: string | null;
  paidAt: string | null;
  appliedToDossier: boolean;
};

export type ApplicantActionResult = {
  code: string;
  action: string;
  label: Bilingual;
  fromStatus: DossierStatus;
  toStatus: DossierStatus;
  version: number;
};

// ---- ratings

export type ContactAnswer = 'none' | 'once' | 'more';
export type AgencyCountAnswer = 'one' | 'two' | 'more';

type Answer = { score: number; vi: string; en: string };

/** GET /api/v1/public/rating-criteria: the questions of the rating form and their labelled answers. */
export type RatingCriteria = {
  levels: Record<SatisfactionLevel, Answer>;
  answers: { contacts: Record<ContactAnswer, Answer>; agenciesContacted: Record<AgencyCountAnswer, Answer> };
  criteria: { index: number; key: string; source: 'applicant' | 'computed'; vi: string; en: string }[];
};

export type RatingInput = {
  overall: SatisfactionLevel;
  easeOfUse: SatisfactionLevel;
  staffAttitude?: SatisfactionLevel;
  contacts?: ContactAnswer;
  agenciesContacted?: AgencyCountAnswer;
  comment?: string;
};

// ---- result verification

export type VerifiedDocument = {
  valid: boolean;
  sha256: string;
  name: string;
  documentNo: string | null;
  issuer: { code: string | null; name: string } | null;
  issuedAt: string;
  mediaType: string | null;
  sizeBytes: number | null;
};

// ---- PAKN (feedback on regulations, Decree 20/2008)

export type PaknKind = 'phan_anh' | 'kien_nghi';
export type PaknTopic = 'conduct' | 'regulation' | 'proposal' | 'initiative';

export type PaknSubmission = {
  provinceCode: string;
  kind: PaknKind;
  topic: PaknTopic;
  regulation: string;
  procedureCode?: string;
  content: string;
  sender: { name: string; address: string; phone: string; email?: string };
};

export type PaknReceipt = { code: string; status: string; statusLabel: Bilingual; receivedAt: string };

export type PaknStatusView = {
  code: string;
  provinceCode: string;
  kind: PaknKind;
  kindLabel: Bilingual;
  topic: PaknTopic;
  topicLabel: Bilingual;
  regulation: string;
  procedureCode: string | null;
  status: string;
  statusLabel: Bilingual;
  receivedAt: string;
};
