/**
 * Names for the citizen portal's API answers (sign-in, online forms and drafts, the citizen's
 * dossiers, payments, tracking, result verification, ratings and PAKN), all read from the server's
 * contract (./contract.ts, generated from /openapi.json).
 */
import type { RequestBodyOf, ResponseOf, Schema } from './contract';

/**
 * The site of the request's host name (issue 22 item 4): the province's names, colours, emblem and contacts; null
 * while the install serves no province. Typed here until the settings' contract carries it (then it is the same).
 */
export type PortalSite = {
  provinceCode: string;
  name: string;
  portalName: string;
  placeName: string;
  colourPrimary: string;
  colourAccent: string;
  emblemUrl: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
};

/** GET /api/v1/public/settings: what the portal's pages need to know about this installation. */
export type PortalSettings = Schema<'PortalSettings'> & { site?: PortalSite | null };

export type CitizenMe = Schema<'CitizenMe'>;

// ---- the online form (JSON Schema of the application + components to upload)

/** The part of JSON Schema (draft 2020-12) the portal's form renderer reads (the server sends a full one). */
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

/** GET /api/v1/public/procedures/:code/form */
export type ProcedureForm = Omit<Schema<'ProcedureForm'>, 'schema'> & { schema: JsonSchema };
export type FormComponent = ProcedureForm['components'][number];
export type UploadMediaType = FormComponent['accept'][number];
export type ReceivingAgency = ProcedureForm['receivingAgencies'][number];
export type OnlineForm = Pick<ProcedureForm, 'schema' | 'applicationForm' | 'components' | 'notes'>;

/** What the citizen types into the online form (partial while it is a draft). */
export type ApplicationData = Schema<'ApplicationData'>;
export type DraftApplicant = NonNullable<ApplicationData['applicant']>;
export type Representation = NonNullable<ApplicationData['representation']>;
export type ResultDelivery = NonNullable<ApplicationData['resultDelivery']>;

export type Upload = Schema<'Upload'>;
export type Draft = Omit<Schema<'Draft'>, 'form'> & { form: OnlineForm | null };
export type DraftProblem = Draft['problems'][number];
export type DraftSummary = Schema<'DraftSummary'>;
export type SubmitResult = Schema<'SubmitResult'>;

// ---- the citizen's dossiers and public tracking

/** GET /api/v1/public/dossiers/:code */
export type TrackedDossier = Schema<'TrackedDossier'>;
/** What the holder of the code (and the check value) may see of a dossier; the citizen's view has more. */
export type DossierProgress = Omit<TrackedDossier, 'receivingAgency'>;
export type NextStep = TrackedDossier['nextStep'];
export type ApplicantNextStep = NextStep['step'];
export type ProgressStep = TrackedDossier['steps'][number];
export type HistoryEntry = TrackedDossier['history'][number];

export type CitizenDossierItem = Schema<'CitizenDossierItem'>;

/** GET /api/v1/citizen/dossiers/:code */
export type CitizenDossier = Schema<'CitizenDossier'>;
export type DossierComponent = CitizenDossier['components'][number];
export type CitizenDocument = CitizenDossier['documents'][number];
export type CitizenPayment = Schema<'CitizenPayment'>;
export type PaymentStatus = CitizenPayment['status'];
export type SatisfactionLevel = NonNullable<CitizenDossier['rating']>['overall'];

/** POST /api/v1/citizen/dossiers/:code/payments */
export type StartedPayment = Schema<'StartedPayment'>;
export type ApplicantActionResult = Schema<'ApplicantActionResult'>;

// ---- ratings

/** GET /api/v1/public/rating-criteria: the questions of the rating form and their labelled answers. */
export type RatingCriteria = Schema<'RatingCriteria'>;
export type RatingInput = RequestBodyOf<'/api/v1/citizen/dossiers/{code}/rating', 'post'>;
export type ContactAnswer = NonNullable<RatingInput['contacts']>;
export type AgencyCountAnswer = NonNullable<RatingInput['agenciesContacted']>;

// ---- result verification

export type VerifiedDocument = Schema<'VerifiedDocument'>;

// ---- PAKN (feedback on regulations, Decree 20/2008)

export type PaknSubmission = RequestBodyOf<'/api/v1/public/pakn', 'post'>;
export type PaknKind = PaknSubmission['kind'];
export type PaknTopic = PaknSubmission['topic'];
export type PaknReceipt = ResponseOf<'/api/v1/public/pakn', 'post'>;
export type PaknStatusView = Schema<'PaknStatusView'>;
