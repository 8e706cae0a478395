import {
  DOSSIER_ACTIONS,
  DOSSIER_STATUS_VALUES,
  type DossierAction,
  type DossierForm,
  type DossierStatus,
} from '@motcua/domain';
import { z } from 'zod';
import { FilledApplicationForm } from '../http/schemas.js';

/** The response contracts of the dossier routes (documented in OpenAPI with these schemas). */

const Label = z.object({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant with the +07:00 offset');
const Status = z.enum(DOSSIER_STATUS_VALUES as [string, ...string[]]);

/** The forms an action produces (Circular 01/2018 as renumbered by Circular 03/2025). */
export const FormName = z.enum([
  'receipt',
  'supplement_request',
  'refusal',
  'apology',
  'stop_notice',
  'control_slip',
  'payment_request',
  'withdrawal',
] as const satisfies readonly DossierForm[]);

const Address = z.looseObject({ text: z.string(), communeCode: z.string().optional() });
const Contact = { phone: z.string().optional(), email: z.string().optional() };

/** The applicant as stored with the dossier (a person or an organisation). */
const ApplicantView = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('person'),
    fullName: z.string(),
    idNumber: z.string(),
    dateOfBirth: z.string(),
    gender: z.enum(['male', 'female']).optional(),
    address: Address,
    ...Contact,
  }),
  z.looseObject({
    kind: z.literal('organisation'),
    name: z.string(),
    taxCode: z.string(),
    address: Address,
    ...Contact,
  }),
]);

const SubmitterView = z.looseObject({
  relation: z.enum(['authorised', 'legal_representative', 'employee']),
  fullName: z.string(),
  idNumber: z.string(),
  phone: z.string().optional(),
  authorisation: z.string().optional(),
});

/** Early / on time / late, or within time / overdue while open: the words of @motcua/domain timeliness. */
export const Timeliness = z.object({
  timeliness: z.enum(['early', 'on_time', 'late', 'in_time', 'overdue', 'no_deadline']),
  vi: z.string(),
  en: z.string(),
});

export const DossierStep = z.object({
  stepNo: z.number().int(),
  key: z.string(),
  name: z.string(),
  role: z.string(),
  roleLabel: Label,
  agencyId: z.uuid(),
  agencyCode: z.string(),
  agencyName: z.string(),
  assigneeUserId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(['pending', 'active', 'done']),
  handoff: z.string().nullable(),
  allotmentMinutes: z.number().int(),
  givenAt: Instant.nullable(),
  receivedAt: Instant.nullable(),
  completedAt: Instant.nullable(),
  dueAt: Instant.nullable(),
  overrunMinutes: z.number().int().nullable(),
  /** "Người giao": the official who handed the dossier over to this step (null when the applicant did). */
  givenByName: z.string().nullable(),
  /** "Người nhận": the official who took it at this step. */
  receivedByName: z.string().nullable(),
  /** "Người thực hiện": the official who finished this step. */
  completedByName: z.string().nullable(),
  /** Early / on time / late (finished) or within time / overdue (open), against the step's own due instant. */
  timeliness: Timeliness,
});

export const DossierView = z
  .looseObject({
    id: z.uuid(),
    code: z.string(),
    status: Status,
    statusLabel: z.looseObject({ vi: z.string(), en: z.string(), dvcqg: z.number().int() }),
    dvcqgStatus: z.number().int().min(1).max(10),
    channel: z.enum(['direct', 'online', 'postal']),
    channelLabel: z.looseObject({ vi: z.string(), en: z.string() }),
    procedure: z.object({ id: z.uuid(), versionId: z.uuid(), code: z.string(), name: z.string() }),
    fieldName: z.string(),
    summary: z.string(),
    applicant: ApplicantView,
    submitter: SubmitterView.nullable(),
    components: z.array(
      z.object({ key: z.string(), name: z.string(), originals: z.number(), copies: z.number(), fromData: z.boolean() }),
    ),
    receivingAgency: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    holder: z.object({
      agencyId: z.uuid(),
      agencyName: z.string().nullable(),
      userId: z.uuid().nullable(),
      userName: z.string().nullable(),
      stepKey: z.string().nullable(),
      stepName: z.string().nullable(),
      role: z.string().nullable(),
      stepDueAt: Instant.nullable(),
      waitingForHandoff: z.boolean(),
    }),
    receivedAt: Instant.nullable(),
    dueAt: Instant.nullable().describe('The appointment the applicant holds (after an apology, the new one)'),
    legalDueAt: Instant.nullable().describe('The legal due instant: pauses applied, apology not'),
    dueProvisional: z.boolean(),
    remainingWorkingMinutes: z.number().int().nullable(),
    workingDayMinutes: z.number().int(),
    rescheduled: z.boolean(),
    completedAt: Instant.nullable(),
    completionClass: z.enum(['early', 'on_time', 'late']).nullable(),
    timeliness: Timeliness.describe(
      'Against the legal due instant: finished early / on time / late, or open within time / overdue',
    ),
    outcome: z.enum(['approved', 'rejected']).nullable(),
    returnedAt: Instant.nullable(),
    returnChannel: z.enum(['counter', 'post', 'online']).nullable(),
    supplementPhase: z.enum(['intake', 'processing']).nullable(),
    steps: z.array(DossierStep),
    documents: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(['component', 'result']),
        componentKey: z.string().nullable(),
        name: z.string(),
        documentNo: z.string().nullable(),
        sha256: z.string().nullable(),
        mediaType: z.string().nullable(),
        sizeBytes: z.number().nullable(),
        createdAt: Instant.nullable(),
        origin: z.enum(['uploaded', 'generated']),
        downloadUrl: z.string().nullable().describe('Where an official downloads the stored file'),
        verifyUrl: z.string().nullable().describe('The public verification page of a result file'),
      }),
    ),
    resultTemplate: z
      .object({ key: z.string(), title: z.string() })
      .nullable()
      .describe('The result template of the dossier’s procedure version (POST …/results/generate), or null'),
    applicationForm: FilledApplicationForm.nullable().describe(
      'The filled application form (definition of the dossier’s procedure version, values, PDF), or null',
    ),
    version: z.number().int(),
  })
  .meta({ id: 'Dossier' });

export const InboxItem = z
  .object({
    code: z.string(),
    status: Status,
    statusLabel: z.looseObject({ vi: z.string(), en: z.string() }),
    channel: z.enum(['direct', 'online', 'postal']),
    procedureCode: z.string(),
    procedureName: z.string(),
    fieldName: z.string(),
    applicantName: z.string(),
    summary: z.string(),
    holderAgencyId: z.uuid(),
    holderAgencyName: z.string(),
    holderUserId: z.uuid().nullable(),
    currentStepRole: z.string().nullable(),
    receivedAt: Instant.nullable(),
    dueAt: Instant.nullable(),
    dueProvisional: z.boolean(),
    remainingWorkingMinutes: z.number().int().nullable(),
    urgency: z.enum(['overdue', 'due_soon', 'normal']).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'InboxItem' });

export const DossierEvent = z
  .object({
    seq: z.number().int(),
    at: Instant,
    actorKind: z.enum(['official', 'applicant', 'system']),
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    agencyId: z.uuid().nullable(),
    agencyName: z.string().nullable(),
    action: z.string(),
    fromStatus: Status.nullable(),
    toStatus: Status,
    note: z.string().nullable(),
    payload: z.looseObject({
      form: FormName.nullable().optional(),
      params: z.record(z.string(), z.unknown()).optional(),
      results: z.array(z.looseObject({ name: z.string() })).optional(),
    }),
    hash: z.string(),
  })
  .meta({ id: 'DossierEvent' });

const Action = z.enum(DOSSIER_ACTIONS as [DossierAction, ...DossierAction[]]);
const DossierStatusName = z.enum(DOSSIER_STATUS_VALUES as [DossierStatus, ...DossierStatus[]]);

/** What an action answers: the dossier's new status and version, and the form it issued. */
export const DossierActionResult = z
  .object({
    code: z.string(),
    action: Action,
    label: Label,
    fromStatus: DossierStatusName,
    toStatus: DossierStatusName,
    version: z.number().int().describe('Send it as expectedVersion with the next action'),
    form: FormName.nullable().describe('The form the action issued (GET …/forms/{form}.pdf), or null'),
  })
  .meta({ id: 'DossierActionResult' });

/** What counter intake answers: the created dossier, as an action answers. */
export const CounterIntakeResult = z
  .object({
    id: z.uuid(),
    code: z.string(),
    action: z.enum(['receive', 'request_intake_supplement', 'refuse'] as const satisfies readonly DossierAction[]),
    label: Label,
    status: DossierStatusName,
    dueAt: Instant.nullable().describe('The appointment (due instant) of a received dossier; null otherwise'),
    version: z.number().int().describe('Send it as expectedVersion with the first action'),
    form: FormName.nullable().describe('The form issued at intake: receipt, supplement_request or refusal'),
  })
  .meta({ id: 'CounterIntakeResult' });

export const InboxCounts = z.object({
  mine: z.number().int(),
  agency: z.number().int(),
  due_soon: z.number().int(),
  overdue: z.number().int(),
});
