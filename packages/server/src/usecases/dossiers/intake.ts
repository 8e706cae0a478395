import { type AgencyRecord, type Database, findAgency, type ProcedureVersionInForce } from '@motcua/db';
import {
  type Applicant,
  buildDefaultProcess,
  buildDossierSteps,
  DOSSIER_TRANSITIONS,
  type DossierChannel,
  type DossierState,
  findDirectLegalWorkingHours,
  findMissingRequirements,
  foldVietnamese,
  formatDossierCodePrefix,
  formatInstant,
  getApplicantName,
  type ProcedureDuration,
  type ProcedureVersionContent,
  type Submitter,
  toLocalDate,
  type WorkingTimeCalendar,
} from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { authorizeAgencyAction } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors/app-error.js';
import type { Language } from '../../errors/problem.js';
import { FIELD_MESSAGES } from '../../errors/validation-messages.js';
import { openReferenceReader, type ReferenceReader } from '../reference/reference-cache.js';
import { checkFilledForm, describeFilledFormForEvent, type FilledApplicationForm } from './application-form.js';
import { decideOrThrow } from './change-dossier.js';
import { buildDossierAccess } from './dossier-access.js';
import { withIdempotentStatement } from './idempotency.js';
import { type DossierChange, type NewDossierSaved, writeNewDossier } from './persist.js';

export type ComponentInput = { key: string; originals: number; copies: number; fromData?: boolean | undefined };

export type CounterIntakeInput = {
  receivingAgencyId: string;
  procedureCode: string;
  channel: Extract<DossierChannel, 'direct' | 'postal'>;
  applicant: Applicant;
  submitter?: Submitter | undefined;
  summary?: string | undefined;
  components: ComponentInput[];
  /** What the desk decides: receive (Mẫu 01), guide the applicant to supplement (Mẫu 02), or refuse (Mẫu 03). */
  outcome: 'receive' | 'supplement' | 'refuse';
  missing?: string[] | undefined;
  reason?: string | undefined;
  /** The filled application form (eForms) when the procedure version has one; it stands for the component it replaces. */
  form?: Record<string, unknown> | undefined;
};

/** The legal time limit for the channel the dossier came in by (the direct one when the channel has none). */
export const findChannelDuration = (
  content: ProcedureVersionContent,
  channel: DossierChannel,
): ProcedureDuration | null =>
  content.channels.find((c) => c.channel === channel && c.duration)?.duration ??
  content.channels.find((c) => c.channel === 'direct' && c.duration)?.duration ??
  null;

/**
 * Completeness check against the procedure version's components (Decree 61/2018 Art. 19(2),
 * carried into Decree 118/2025): every required component to submit must be handed in, or be
 * taken from a national database where the procedure allows it (replaceable by data); a "one of"
 * group is satisfied by any one of its options.
 */
export const findMissingComponents = (
  content: ProcedureVersionContent,
  given: readonly ComponentInput[],
  filledForm?: FilledApplicationForm | undefined,
) => {
  const byKey = new Map(given.map((c) => [c.key, c]));
  return findMissingRequirements(
    content.components,
    (component) => {
      const provided = byKey.get(component.key);
      if (!provided) {
        return false;
      }
      if (provided.fromData && component.replaceableByData) {
        return true;
      }
      return provided.originals + provided.copies > 0;
    },
    // A filled application form stands for the paper form it replaces (Decree 45/2020/NĐ-CP Art. 9).
    { filledFormReplaces: filledForm ? content.applicationForm?.replacesComponent : undefined },
  );
};

/** The heading of a "one of" group, so a supplement request can name the group the desk picked. */
const findAlternativeGroupLabel = (content: ProcedureVersionContent, key: string): string | undefined => {
  const label = content.components.find((c) => c.alternativeGroup?.key === key)?.alternativeGroup?.label;
  return label === undefined ? undefined : `Một trong các giấy tờ: ${label}`;
};

const resolveStepAgencies = async (
  reference: ReferenceReader,
  content: ProcedureVersionContent,
  channel: DossierChannel,
  receivingAgencyId: string,
  applicant: Applicant,
) => {
  const duration = findChannelDuration(content, channel);
  const legalMinutes = duration
    ? duration.unit === 'working_days'
      ? duration.value * 480
      : duration.unit === 'working_hours'
        ? duration.value * 60
        : undefined
    : undefined;
  const directHours = findDirectLegalWorkingHours(content.channels);
  const template =
    content.processSteps.length > 0
      ? content.processSteps
      : buildDefaultProcess(legalMinutes ?? (directHours === undefined ? undefined : directHours * 60));
  const resolved = new Map<string, string | undefined>();
  for (const step of template) {
    if (step.agency.kind === 'fixed' || step.agency.kind === 'province_department') {
      resolved.set(step.key, (await reference.findOpenAgencyByCode(step.agency.agencyCode))?.id);
    } else if (step.agency.kind === 'applicant_commune') {
      const commune = applicant.address.communeCode;
      resolved.set(step.key, commune ? (await reference.findCommuneCommittee(commune))?.id : undefined);
    }
  }
  const { steps, problems } = buildDossierSteps(template, (step) => resolved.get(step.key), receivingAgencyId);
  const problem = problems[0];
  if (problem) {
    const name = template.find((s) => s.key === problem.stepKey)?.name ?? problem.stepKey;
    throw new AppError('ROUTING_FAILED', { step: name });
  }
  return { steps, duration };
};

export const applicantIdentifier = (applicant: Applicant): string =>
  applicant.kind === 'person' ? applicant.idNumber : applicant.taxCode;

/** What every intake (counter, postal, online) starts from: the desk, its calendar, the procedure version in force. */
export type IntakeBasis = {
  /** The request's reader of the reference data (cached under the reference revision). */
  reference: ReferenceReader;
  agency: AgencyRecord;
  calendar: WorkingTimeCalendar;
  now: Date;
  /** The Vietnam date of `now`: the day of the dossier code and of the version in force. */
  today: string;
  version: ProcedureVersionInForce;
  /** The version's components by key. */
  known: Map<string, ProcedureVersionContent['components'][number]>;
};

/**
 * Loads the receiving agency (open), its working calendar and the procedure version in force in its
 * province's catalog today, and checks that every component handed in belongs to that version.
 */
export const loadIntakeBasis = async (
  ctx: AppContext,
  input: { receivingAgencyId: string; procedureCode: string; components: readonly { key: string }[] },
  reference?: ReferenceReader,
): Promise<IntakeBasis> => {
  const reader = reference ?? (await openReferenceReader(ctx));
  const { agency, calendar } = await reader.getAgencyCalendar(input.receivingAgencyId);
  if (agency.validTo !== null) {
    throw new AppError('AGENCY_CLOSED', { code: agency.code, validTo: agency.validTo });
  }
  const now = ctx.clock.now();
  const today = toLocalDate(now.getTime());
  const catalog = agency.provinceCode ?? 'national';
  const version = await reader.findVersionInForce({ catalog, code: input.procedureCode, at: today });
  if (!version) {
    throw new AppError('PROCEDURE_NOT_AVAILABLE', { code: input.procedureCode, date: today });
  }
  const known = new Map(version.content.components.map((c) => [c.key, c]));
  for (const component of input.components) {
    if (!known.has(component.key)) {
      throw new AppError('UNKNOWN_COMPONENT', { key: component.key });
    }
  }
  return { reference: reader, agency, calendar, now, today, version, known };
};

/** The dossier as it is before its first action: status new, its routed steps, the clock not started. */
export const planInitialState = async (
  basis: IntakeBasis,
  channel: DossierChannel,
  applicant: Applicant,
): Promise<DossierState> => {
  const content = basis.version.content;
  const { steps, duration } = await resolveStepAgencies(basis.reference, content, channel, basis.agency.id, applicant);
  return {
    status: 'new',
    supplementPhase: null,
    intakeSupplementCount: 0,
    processingSupplementCount: 0,
    apologyCount: 0,
    receivingAgencyId: basis.agency.id,
    steps,
    currentStep: null,
    clock: { rule: duration, startedAt: null, pauses: [] },
    clockOnSupplement: content.clockOnSupplement,
  };
};

/**
 * Writes a new dossier in ONE statement (writeNewDossier): the row in its final state with its first events
 * (one insert, no insert-then-update), steps, statistics delta and outbox jobs, and its code from the receiving
 * agency's daily sequence — in the caller's transaction (taken last before COMMIT), or on its own when it is the
 * request's only write (atomic by itself). Shared by counter and online intake.
 * `history` is what happened to it on the way in, in order (its first event has fromStatus null).
 */
export const createDossier = async (
  trx: Kysely<Database> | Transaction<Database>,
  input: {
    basis: IntakeBasis;
    channel: DossierChannel;
    applicant: Applicant;
    submitter?: Submitter | undefined;
    /** The citizen whose online account the dossier belongs to. */
    citizenId?: string | undefined;
    summary: string;
    components: readonly ComponentInput[];
    history: readonly [DossierChange, ...DossierChange[]];
    applicationForm?: FilledApplicationForm | undefined;
  },
): Promise<NewDossierSaved> => {
  const { basis } = input;
  const { agency, version, known } = basis;
  const applicantName = getApplicantName(input.applicant);
  return writeNewDossier(trx, {
    calendar: basis.calendar,
    history: input.history,
    applicationForm: input.applicationForm,
    code: { agencyId: agency.id, day: basis.today, prefix: formatDossierCodePrefix(agency.code, basis.today) },
    facts: {
      provinceCode: agency.provinceCode ?? '00',
      receivingAgencyId: agency.id,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      procedureCode: version.code,
      procedureName: version.name,
      fieldName: version.content.field.name,
      channel: input.channel,
      applicantKind: input.applicant.kind,
      applicantName,
      applicantSearch: foldVietnamese(applicantName),
      applicant: JSON.stringify(input.applicant),
      submitter: input.submitter ? JSON.stringify(input.submitter) : null,
      citizenId: input.citizenId ?? null,
      summary: input.summary,
      components: JSON.stringify(
        input.components.map((c) => ({
          key: c.key,
          name: known.get(c.key)?.name ?? c.key,
          originals: c.originals,
          copies: c.copies,
          fromData: c.fromData ?? false,
        })),
      ),
    },
  });
};

/**
 * The application form the desk filled in with the applicant, checked like the online one (the schema
 * built from the version's definition, communes in force): the values to store, or a 422 with pointers
 * under /form. A procedure version without a form takes none.
 */
const checkCounterForm = async (
  ctx: AppContext,
  basis: IntakeBasis,
  values: Record<string, unknown> | undefined,
  language: Language,
): Promise<FilledApplicationForm | undefined> => {
  if (values === undefined) {
    return undefined;
  }
  const definition = basis.version.content.applicationForm;
  if (!definition) {
    const message = FIELD_MESSAGES.NO_APPLICATION_FORM?.[language] ?? 'NO_APPLICATION_FORM';
    throw new AppError(
      'APPLICATION_INVALID',
      { count: 1 },
      {
        fieldProblems: [{ in: 'body', pointer: '/form', code: 'NO_APPLICATION_FORM', message }],
      },
    );
  }
  const checked = await checkFilledForm(ctx.db, { definition, values, today: basis.today, base: '/form', language });
  if (!checked.ok) {
    throw new AppError('APPLICATION_INVALID', { count: checked.problems.length }, { fieldProblems: checked.problems });
  }
  return { formKey: definition.key, procedureVersionId: basis.version.id, values: checked.values };
};

/**
 * Intake at the one-stop counter (or of a postal dossier): completeness check against the
 * procedure version in force, then exactly one of receipt with appointment (Mẫu 01), written
 * supplement guidance (Mẫu 02) or refusal with reasons (Mẫu 03). The dossier code is allocated
 * atomically per agency per day, gap-free, in the transaction's last statement. Reference data comes
 * from the request's cached reader (one revision read). Dossier row, first event, step rows and outbox job are written
 * in one transaction. Answers with the created dossier as the actions do: code, status, due instant
 * (null unless received), version and the form to print.
 */
export const receiveAtCounter = async (
  ctx: AppContext,
  actor: Actor,
  input: CounterIntakeInput,
  idempotency?: { key: string; requestHash: string },
  language: Language = 'vi',
) => {
  const reference = await openReferenceReader(ctx, actor);
  const official = await authorizeAgencyAction(
    ctx,
    actor,
    'dossier.receive',
    input.receivingAgencyId,
    { vi: 'cơ quan', en: 'agency' },
    reference.findLineage,
  );
  const basis = await loadIntakeBasis(ctx, input, reference);
  const { agency, calendar, now, version, known } = basis;
  const content = version.content;
  const applicationForm = await checkCounterForm(ctx, basis, input.form, language);
  const missing = findMissingComponents(content, input.components, applicationForm);
  if (input.outcome === 'receive' && missing.length > 0) {
    throw new AppError('DOSSIER_INCOMPLETE', {
      count: missing.length,
      missing: missing.map((m) => m.name.slice(0, 80)).join('; '),
    });
  }
  const missingNames =
    input.outcome === 'supplement'
      ? input.missing && input.missing.length > 0
        ? input.missing.map((key) => known.get(key)?.name ?? findAlternativeGroupLabel(content, key) ?? key)
        : missing.map((m) => m.name)
      : [];
  if (input.outcome === 'supplement' && missingNames.length === 0) {
    throw new AppError('NOTHING_MISSING');
  }
  if ((input.outcome === 'supplement' || input.outcome === 'refuse') && !input.reason?.trim()) {
    throw new AppError('REASON_REQUIRED');
  }

  const initial = await planInitialState(basis, input.channel, input.applicant);
  const access = await buildDossierAccess(ctx, official, [agency.id], reference.findLineage);
  const action: 'receive' | 'request_intake_supplement' | 'refuse' =
    input.outcome === 'receive' ? 'receive' : input.outcome === 'supplement' ? 'request_intake_supplement' : 'refuse';
  const params =
    action === 'receive'
      ? {}
      : action === 'request_intake_supplement'
        ? { missing: missingNames, reason: input.reason ?? '' }
        : { reason: input.reason ?? '' };
  const decision = decideOrThrow({
    state: initial,
    action,
    actor: { kind: 'official', userId: official.userId, rolesAt: access.rolesAt },
    params: params as never,
    now: now.getTime(),
    calendar,
  });
  const applicantName = getApplicantName(input.applicant);
  const summary = input.summary?.trim() || `${version.name} — ${applicantName}`;

  return withIdempotentStatement(ctx, { scope: `user:${official.userId}`, ...idempotency }, async (db) => {
    // One statement (createDossier): without a key it runs outside a transaction, atomic by itself.
    const saved = await createDossier(db, {
      basis,
      channel: input.channel,
      applicant: input.applicant,
      submitter: input.submitter,
      summary,
      components: input.components,
      applicationForm,
      history: [
        {
          state: decision.state,
          event: {
            at: now,
            actorKind: 'official',
            actorUserId: official.userId,
            actorRole: decision.actedAs,
            agencyId: agency.id,
            action,
            fromStatus: null,
            toStatus: decision.toStatus,
            note: input.reason ?? null,
            payload: {
              channel: input.channel,
              procedureVersionId: version.id,
              procedureVersionNo: version.versionNo,
              components: input.components,
              ...describeFilledFormForEvent(applicationForm),
              ...(missingNames.length > 0 ? { missing: missingNames } : {}),
              identifierLast4: applicantIdentifier(input.applicant).slice(-4),
              form: decision.form ?? null,
              dueAfter: decision.dueAfter,
            },
          },
        },
      ],
    });
    return {
      statusCode: 201,
      body: {
        code: saved.code,
        id: saved.id,
        action,
        label: DOSSIER_TRANSITIONS[action].label,
        status: decision.toStatus,
        dueAt: saved.dueAt ? formatInstant(saved.dueAt.getTime()) : null,
        version: saved.version,
        form: decision.form ?? null,
      },
    };
  });
};

/** The receiving agency of a dossier, for places that need its name and parent. */
export const getReceivingAgency = async (ctx: AppContext, id: string) => {
  const agency = await findAgency(ctx.db, id);
  if (!agency) {
    throw notFound({ vi: 'cơ quan', en: 'agency' });
  }
  return agency;
};
