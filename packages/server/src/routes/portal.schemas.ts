import { AGENCY_KIND_VALUES, type AgencyKind, DOSSIER_STATUS_VALUES } from '@motcua/domain';
import { z } from 'zod';
import { FilledApplicationForm, FormDefinitionSchema, FormValuesSchema } from '../http/schemas.js';

/*
 * The response contracts of the citizen portal's routes (documented in OpenAPI with these schemas;
 * the web's types are generated from them). Objects are loose: the response serializer keeps members
 * a schema does not name, so a schema documents what the answer holds without changing what is sent.
 */

const Label = z.looseObject({ vi: z.string(), en: z.string() });
const StatusLabel = z.looseObject({ vi: z.string(), en: z.string(), dvcqg: z.number().int() });
const Instant = z.string().describe('ISO 8601 instant with the +07:00 offset');
const Status = z.enum(DOSSIER_STATUS_VALUES as [string, ...string[]]);
const UploadMediaType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
const SatisfactionLevel = z.enum(['very_satisfied', 'satisfied', 'dissatisfied']);
const PaymentStatus = z.enum(['pending', 'succeeded', 'failed']);

// --- the procedure page ---------------------------------------------------------------------------------

const ProcedureComponent = z.looseObject({
  key: z.string(),
  name: z.string(),
  copies: z.string().describe('"01 bản chính và 01 bản sao"'),
  originals: z.number().int(),
  copiesCount: z.number().int(),
  required: z.boolean(),
  replaceableByData: z.boolean(),
  section: z.string().optional().describe('The heading (usually a case) the component is listed under'),
  templateName: z.string().nullable(),
  templateUrl: z.string().nullable().describe('Where to download the official template, or null'),
});

export const CitizenProcedure = z
  .looseObject({
    catalog: z.string(),
    code: z.string(),
    nationalCode: z.string().nullable(),
    name: z.string(),
    field: z.looseObject({ name: z.string(), code: z.string().nullable() }),
    levels: z.array(z.string()).describe('"Cấp tỉnh", "Cấp xã"…'),
    onlineLevel: z.looseObject({ code: z.enum(['full', 'partial', 'none']), label: Label }),
    canSubmitOnline: z.boolean(),
    boundaryFree: z.boolean(),
    boundaryNote: z.string(),
    applicants: z.array(z.string()),
    conditions: z.string().nullable(),
    steps: z.array(z.string()),
    channels: z.array(
      z.looseObject({
        channel: z.enum(['direct', 'online', 'postal']),
        label: z.string(),
        time: z.string(),
        fees: z.array(z.looseObject({ name: z.string(), amountVnd: z.number().nullable(), text: z.string() })),
        note: z.string().optional(),
      }),
    ),
    components: z.array(ProcedureComponent),
    toPresent: z.array(ProcedureComponent).describe('Papers shown at the desk, not handed in'),
    notes: z.array(z.string()),
    whereToSubmit: z.array(z.looseObject({ agencyId: z.uuid(), code: z.string(), name: z.string() })),
    competentAgency: z.string().nullable(),
    implementingAgency: z.string().nullable(),
    results: z.array(z.string()),
    legalBasis: z.array(z.looseObject({ number: z.string(), title: z.string().optional() })),
    version: z.looseObject({ no: z.number().int(), effectiveFrom: z.string().nullable() }),
    sourceUrl: z.string().nullable(),
  })
  .meta({ id: 'CitizenProcedure', description: 'A procedure as a citizen reads it (Decree 63/2010/NĐ-CP Art. 8)' });

export const ProcedureTemplate = z
  .looseObject({
    componentKey: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: Instant.nullable(),
  })
  .meta({ id: 'ProcedureTemplate' });

// --- the online form and drafts ------------------------------------------------------------------------

const FormComponent = z.looseObject({
  key: z.string(),
  name: z.string(),
  required: z.boolean(),
  originals: z.number().int(),
  copies: z.number().int(),
  templateName: z.string().nullable(),
  fromDataAllowed: z.boolean(),
  accept: z.array(UploadMediaType).readonly(),
  maxFiles: z.number().int(),
  alternativeGroup: z
    .object({ key: z.string(), label: z.string(), order: z.number().int() })
    .nullable()
    .describe('The "one of" requirement this component is an option of: any one option of a group suffices'),
});

const OnlineForm = z.looseObject({
  schema: z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) of the application'),
  applicationForm: FormDefinitionSchema.nullable().describe(
    'The application form to fill in (tờ khai as data), or null; the component it replaces is not in `components`',
  ),
  components: z.array(FormComponent),
  notes: z.array(z.string()),
});

export const ProcedureForm = OnlineForm.extend({
  catalog: z.string(),
  code: z.string(),
  name: z.string(),
  versionNo: z.number().int(),
  canSubmitOnline: z.boolean(),
  receivingAgencies: z
    .array(
      z.looseObject({
        agencyId: z.uuid(),
        code: z.string(),
        name: z.string(),
        kind: z.enum(AGENCY_KIND_VALUES as [AgencyKind, ...AgencyKind[]]),
        communeCode: z.string().nullable().describe('The 2025 commune the agency serves (commune agencies)'),
        listed: z.boolean().describe('Published as a receiving agency; false: a one-stop desk of a boundary-free one'),
      }),
    )
    .describe(
      'The offices that may receive the dossier before the applicant’s residence is known; the rule ' +
        '(levels, boundaryFree, the applicant’s commune) is judgeReceivingOffice of @motcua/domain',
    ),
  levels: z.array(z.enum(['ministry', 'province', 'commune'])),
  boundaryFree: z.boolean(),
}).meta({ id: 'ProcedureForm' });

const DraftApplicant = z.looseObject({
  kind: z.enum(['person', 'organisation']).optional(),
  fullName: z.string().optional(),
  idNumber: z.string().optional(),
  dateOfBirth: z.string().optional(),
  gender: z.enum(['male', 'female']).optional(),
  name: z.string().optional(),
  taxCode: z.string().optional(),
  address: z.looseObject({ text: z.string().optional(), communeCode: z.string().optional() }).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});

export const ApplicationData = z
  .looseObject({
    applicant: DraftApplicant.optional(),
    representation: z
      .looseObject({
        relation: z.enum(['authorised', 'legal_representative', 'employee']),
        authorisation: z.string().optional(),
      })
      .optional(),
    receivingAgencyId: z.string().optional(),
    summary: z.string().optional(),
    fromData: z.array(z.string()).optional(),
    resultDelivery: z.enum(['online', 'counter', 'post']).optional(),
    form: FormValuesSchema.optional().describe(
      'The filled application form when the procedure has one (partial in a draft; problems under /data/form/…)',
    ),
  })
  .meta({ id: 'ApplicationData', description: 'What the citizen types into the online form (partial in a draft)' });

export const Upload = z
  .looseObject({
    id: z.uuid(),
    componentKey: z.string(),
    fileName: z.string(),
    mediaType: UploadMediaType,
    sizeBytes: z.number().int(),
    sha256: z.string().optional(),
    createdAt: Instant.nullable(),
  })
  .meta({ id: 'Upload' });

const DraftStatus = z.enum(['open', 'submitted']);
const ProcedureRef = z.looseObject({ code: z.string(), name: z.string() });

export const Draft = z
  .looseObject({
    id: z.uuid(),
    status: DraftStatus,
    catalog: z.string(),
    procedure: ProcedureRef,
    data: ApplicationData,
    uploads: z.array(Upload),
    problems: z.array(z.looseObject({ pointer: z.string(), message: z.string(), code: z.string().optional() })),
    form: OnlineForm.nullable(),
    dossierCode: z.string().nullable(),
    version: z.number().int(),
    createdAt: Instant.nullable(),
    updatedAt: Instant.nullable(),
  })
  .meta({ id: 'Draft' });

export const DraftSummary = z
  .looseObject({
    id: z.uuid(),
    status: DraftStatus,
    catalog: z.string(),
    procedure: ProcedureRef,
    version: z.number().int(),
    updatedAt: Instant.nullable(),
  })
  .meta({ id: 'DraftSummary' });

export const SubmitResult = z
  .looseObject({
    code: z.string(),
    id: z.uuid(),
    status: Status,
    statusLabel: StatusLabel,
    receivedAt: Instant.nullable(),
    dueAt: Instant.nullable(),
    dueProvisional: z.boolean(),
    trackingPin: z.string(),
  })
  .meta({ id: 'SubmitResult' });

// --- the citizen's dossiers and public tracking ------------------------------------------------------------

const ApplicantNextStep = z.enum(['wait_for_desk', 'wait', 'supplement', 'pay', 'collect', 'rate', 'none']);

const NextStep = z.looseObject({
  step: ApplicantNextStep,
  label: Label,
  missing: z.array(z.string()).optional(),
  reason: z.string().nullable().optional(),
  requestedAt: Instant.nullable().optional(),
  amountVnd: z.number().nullable().optional(),
});

const ProgressStep = z.looseObject({
  stepNo: z.number().int(),
  name: z.string(),
  agencyName: z.string().nullable(),
  status: z.string(),
  givenAt: Instant.nullable(),
  receivedAt: Instant.nullable(),
  completedAt: Instant.nullable(),
  dueAt: Instant.nullable(),
});

const HistoryEntry = z.looseObject({
  at: Instant,
  action: z.string(),
  label: Label,
  byApplicant: z.boolean(),
  agencyName: z.string().nullable(),
  status: Status.nullable(),
});

const AgencyRef = z.looseObject({ code: z.string(), name: z.string() });

/** What the holder of the code (and the check value) may see of a dossier. */
const DossierProgress = z.looseObject({
  code: z.string(),
  status: Status,
  statusLabel: StatusLabel,
  dvcqgStatus: z.number().int(),
  channel: z.string(),
  channelLabel: Label,
  procedure: ProcedureRef,
  submittedAt: Instant.nullable(),
  receivedAt: Instant.nullable(),
  dueAt: Instant.nullable(),
  dueProvisional: z.boolean(),
  completedAt: Instant.nullable(),
  returnedAt: Instant.nullable(),
  timeliness: z
    .object({
      timeliness: z.enum(['early', 'on_time', 'late', 'in_time', 'overdue', 'no_deadline']),
      vi: z.string(),
      en: z.string(),
    })
    .describe('Early / on time / late once finished, within time / overdue while open (against the legal due instant)'),
  steps: z.array(ProgressStep),
  history: z.array(HistoryEntry),
  nextStep: NextStep,
});

export const TrackedDossier = DossierProgress.extend({ receivingAgency: AgencyRef.nullable() }).meta({
  id: 'TrackedDossier',
});

export const CitizenDossierItem = z
  .looseObject({
    code: z.string(),
    status: Status,
    statusLabel: StatusLabel,
    procedure: ProcedureRef,
    summary: z.string().nullable(),
    receivingAgencyName: z.string().nullable(),
    submittedAt: Instant.nullable(),
    receivedAt: Instant.nullable(),
    dueAt: Instant.nullable(),
    dueProvisional: z.boolean(),
    nextStep: z.looseObject({ step: ApplicantNextStep, label: Label }),
    rated: z.boolean(),
  })
  .meta({ id: 'CitizenDossierItem' });

export const CitizenPayment = z
  .looseObject({
    id: z.uuid(),
    reference: z.string(),
    amountVnd: z.number(),
    status: PaymentStatus,
    provider: z.string(),
    createdAt: Instant.nullable(),
    paidAt: Instant.nullable(),
    appliedToDossier: z.boolean(),
    paymentUrl: z.string().nullable(),
    receiptUrl: z.string().nullable(),
  })
  .meta({ id: 'CitizenPayment' });

export const CitizenDossier = DossierProgress.extend({
  procedure: ProcedureRef.extend({ catalog: z.string() }),
  receivingAgency: AgencyRef.nullable(),
  components: z.array(
    z.looseObject({
      key: z.string(),
      name: z.string(),
      required: z.boolean(),
      handedIn: z
        .looseObject({
          originals: z.number().int(),
          copies: z.number().int(),
          fromData: z.boolean(),
          files: z.number().int(),
        })
        .nullable(),
    }),
  ),
  summary: z.string().nullable(),
  applicantName: z.string(),
  outcome: z.enum(['approved', 'rejected']).nullable(),
  trackingPin: z.string(),
  actions: z.array(z.looseObject({ action: z.string(), label: Label })),
  documents: z.array(
    z.looseObject({
      id: z.uuid(),
      kind: z.string().describe('component or result'),
      componentKey: z.string().nullable(),
      name: z.string(),
      documentNo: z.string().nullable(),
      mediaType: z.string().nullable(),
      sizeBytes: z.number().nullable(),
      sha256: z.string().nullable(),
      createdAt: Instant.nullable(),
      downloadUrl: z.string().nullable(),
      verifyUrl: z.string().nullable(),
    }),
  ),
  pendingUploads: z.array(Upload),
  applicationForm: FilledApplicationForm.nullable().describe('The filled application form, or null'),
  payments: z.array(CitizenPayment),
  rating: z
    .looseObject({
      overall: SatisfactionLevel,
      overallLabel: Label,
      channel: z.enum(['online', 'counter']),
      createdAt: Instant.nullable(),
    })
    .nullable(),
  version: z.number().int(),
}).meta({ id: 'CitizenDossier' });

export const StartedPayment = z
  .looseObject({
    id: z.uuid(),
    reference: z.string(),
    amountVnd: z.number(),
    lines: z.array(z.looseObject({ name: z.string(), kind: z.string(), amountVnd: z.number() })),
    status: PaymentStatus,
    provider: z.string(),
    paymentUrl: z.string().nullable(),
    expiresAt: Instant.nullable(),
    paidAt: Instant.nullable(),
    appliedToDossier: z.boolean(),
  })
  .meta({ id: 'StartedPayment' });

export const ApplicantActionResult = z
  .looseObject({
    code: z.string(),
    action: z.string(),
    label: Label,
    fromStatus: Status,
    toStatus: Status,
    version: z.number().int(),
  })
  .meta({ id: 'ApplicantActionResult' });

// --- ratings, verification, PAKN -------------------------------------------------------------------------------

const Answer = z.looseObject({ score: z.number(), vi: z.string(), en: z.string() });

export const RatingCriteria = z
  .looseObject({
    levels: z.looseObject({ very_satisfied: Answer, satisfied: Answer, dissatisfied: Answer }),
    answers: z.looseObject({
      contacts: z.looseObject({ none: Answer, once: Answer, more: Answer }),
      agenciesContacted: z.looseObject({ one: Answer, two: Answer, more: Answer }),
    }),
    criteria: z
      .array(
        z.looseObject({
          index: z.number().int(),
          key: z.string(),
          source: z.enum(['applicant', 'computed']),
          vi: z.string(),
          en: z.string(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'RatingCriteria' });

/** A file attached to a dossier by an official or generated from the result template. */
export const ResultDocument = z
  .object({
    id: z.uuid(),
    kind: z.enum(['component', 'result']),
    name: z.string(),
    documentNo: z.string().nullable(),
    sha256: z.string().nullable().describe('SHA-256 of the stored bytes: what the verification page shows'),
    mediaType: z.string().nullable(),
    sizeBytes: z.number().nullable(),
    origin: z.enum(['uploaded', 'generated']),
    createdAt: Instant.nullable(),
    verifyUrl: z.string().nullable().describe('The public verification page (the QR code of a generated result)'),
  })
  .meta({ id: 'ResultDocument' });

export const DossierRatingReceipt = z
  .looseObject({
    dossierCode: z.string(),
    overall: SatisfactionLevel,
    overallLabel: Answer,
    scores: z.record(z.string(), z.number()).describe('Points by criterion number of the scoring tool'),
    channel: z.enum(['online', 'counter']),
    createdAt: Instant,
  })
  .meta({ id: 'DossierRatingReceipt' });

export const AttachedDocument = z
  .looseObject({
    id: z.uuid().describe('Give it as results[].documentId of the complete action'),
    kind: z.enum(['result', 'component']),
    name: z.string(),
    documentNo: z.string().nullable(),
    sha256: z.string().nullable(),
    mediaType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    createdAt: Instant.nullable(),
    verifyUrl: z.string().nullable().describe('The public verification page of a result document'),
  })
  .meta({ id: 'AttachedDocument' });

export const VerifiedDocument = z
  .looseObject({
    valid: z.boolean(),
    sha256: z.string(),
    name: z.string(),
    documentNo: z.string().nullable(),
    issuer: z.looseObject({ code: z.string().nullable(), name: z.string() }).nullable(),
    issuedAt: Instant,
    mediaType: z.string().nullable(),
    sizeBytes: z.number().nullable(),
    id: z.uuid().describe('The document’s id: what the QR code of a generated result points to (/v/<id>)'),
    origin: z
      .enum(['uploaded', 'generated'])
      .describe('uploaded by the agency, or generated from the result template of the procedure version'),
    signedAt: Instant.nullable().describe('When the stored file was signed digitally; null while results are unsigned'),
  })
  .meta({ id: 'VerifiedDocument' });

const PaknKind = z.enum(['phan_anh', 'kien_nghi']);
const PaknTopic = z.enum(['conduct', 'regulation', 'proposal', 'initiative']);

export const PaknReceipt = z
  .looseObject({ code: z.string(), status: z.string(), statusLabel: Label, receivedAt: Instant })
  .meta({ id: 'PaknReceipt' });

export const PaknStatusView = z
  .looseObject({
    code: z.string(),
    provinceCode: z.string(),
    kind: PaknKind,
    kindLabel: Label,
    topic: PaknTopic,
    topicLabel: Label,
    regulation: z.string(),
    procedureCode: z.string().nullable(),
    status: z.string(),
    statusLabel: Label,
    receivedAt: Instant,
    agencyName: z.string().nullable(),
    answerDueAt: Instant.nullable(),
    answeredAt: Instant.nullable(),
    timeliness: z.object({ timeliness: z.string(), label: Label }),
    published: z.boolean(),
    /** The answer: for the sender (phone digits given) once sent, for anyone once published. */
    answerText: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    rating: z.enum(['very_satisfied', 'satisfied', 'dissatisfied']).nullable(),
    canRate: z.boolean(),
  })
  .meta({ id: 'PaknStatusView' });
