import {
  findAgency,
  findCitizen,
  findCitizenDraft,
  findProcedureVersion,
  listDraftUploads,
  listProcedureAgencies,
  lockCitizenDraft,
  markDraftSubmitted,
} from '@motcua/db';
import {
  type Applicant,
  DOSSIER_STATUSES,
  formatInstant,
  getApplicantName,
  judgeReceivingOffice,
  type ProcedureVersionContent,
  Submitter,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { deriveTrackingPin, getInstallationSecret } from '../../../auth/installation-secret.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { buildProblem, type Language } from '../../../errors/problem.js';
import { fieldProblemCodeOf, formatValidationIssue } from '../../../errors/validation-messages.js';
import { describeFilledFormForEvent } from '../../dossiers/application-form.js';
import { decideOrThrow } from '../../dossiers/change-dossier.js';
import { withIdempotency } from '../../dossiers/idempotency.js';
import {
  applicantIdentifier,
  type ComponentInput,
  createDossier,
  findMissingComponents,
  loadIntakeBasis,
  planInitialState,
} from '../../dossiers/intake.js';
import { requireCitizen } from '../account/citizen-session.js';
import { attachUploadsToDossier } from '../uploads.js';
import { checkApplication, DRAFT } from './drafts.js';

/**
 * Refuses an office the law does not let receive this dossier (judgeReceivingOffice of
 * @motcua/domain: the competent level, the published receiving agencies or — boundary-free, Decree
 * 118/2025/NĐ-CP — any one-stop desk of the province at that level, and otherwise the applicant's
 * commune). The problem points at /data/receivingAgencyId, the field the wizard shows on its first step.
 */
const checkReceivingAgency = async (
  ctx: AppContext,
  input: {
    procedureId: string;
    provinceCode: string;
    content: Pick<ProcedureVersionContent, 'levels' | 'boundaryFree'>;
    agencyId: string;
    applicant: Applicant;
  },
  language: Language,
) => {
  const agency = await findAgency(ctx.db, input.agencyId);
  const listed = (await listProcedureAgencies(ctx.db, input.procedureId)).some(
    (a) => a.role === 'receiving' && a.agencyId === input.agencyId,
  );
  const verdict =
    !agency || agency.validTo !== null || agency.provinceCode !== input.provinceCode
      ? 'not_receiving'
      : judgeReceivingOffice(
          input.content,
          { agencyId: agency.id, kind: agency.kind, communeCode: agency.adminUnitCode, listed },
          input.applicant.address.communeCode,
        );
  if (verdict === 'allowed') {
    return;
  }
  const code = verdict === 'outside_boundary' ? 'OUTSIDE_ADMINISTRATIVE_BOUNDARY' : 'RECEIVING_AGENCY_NOT_ALLOWED';
  const params = { agency: agency?.name ?? { vi: 'Cơ quan đã chọn', en: 'The chosen agency' } };
  throw new AppError(code, params, {
    fieldProblems: [
      {
        in: 'body',
        pointer: '/data/receivingAgencyId',
        code,
        message: buildProblem(code, { language, params }).detail,
      },
    ],
  });
};

/**
 * Submits an online application: the same engine path as counter intake (procedure version in
 * force, completeness, routing, dossier code from the receiving agency's sequence, hash-chained
 * history, outbox) with channel 'online'. The dossier starts in status new (1, waiting for the
 * desk) with the applicant's 'submit' event; when the procedure accepts online dossiers
 * automatically, the system's 'receive' follows it and the dossier is written received (receipt,
 * appointment, clock) — one row insert with both events.
 */
export const submitDraft = async (
  ctx: AppContext,
  actor: Actor,
  input: { draftId: string; expectedVersion: number; siteProvinceCode?: string | undefined },
  language: Language,
  idempotency?: { key: string; requestHash: string },
) => {
  const { citizenId } = requireCitizen(actor);
  const draft = await findCitizenDraft(ctx.db, { id: input.draftId, citizenId });
  if (!draft) {
    throw new AppError('NOT_FOUND', { resource: DRAFT });
  }
  // A province's portal submits to that province's agencies only (the draft's province is its catalog's).
  if (input.siteProvinceCode !== undefined && draft.provinceCode !== input.siteProvinceCode) {
    throw new AppError('SUBMISSION_OTHER_PROVINCE', { province: draft.provinceCode });
  }
  // With an Idempotency-Key, a retry of a submission that went through gets the first answer back.
  if (idempotency === undefined && draft.status !== 'open') {
    throw new AppError('DRAFT_NOT_OPEN');
  }
  if (idempotency === undefined && draft.version !== input.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { current: draft.version, sent: input.expectedVersion });
  }
  const citizen = await findCitizen(ctx.db, citizenId);
  if (!citizen) {
    throw new AppError('UNAUTHENTICATED');
  }
  const formVersion = await findProcedureVersion(ctx.db, draft.procedureVersionId);
  if (!formVersion) {
    throw new AppError('NOT_FOUND', { resource: DRAFT });
  }
  const first = await checkApplication(ctx, formVersion.content, draft.data, language);
  if (!first.ok) {
    throw new AppError('APPLICATION_INVALID', { count: first.problems.length }, { fieldProblems: first.problems });
  }
  const application = first.data;
  const applicant = application.applicant;

  // Applying for oneself, or for someone else / an organisation as their representative.
  const self = applicant.kind === 'person' && citizen.idNumber !== null && applicant.idNumber === citizen.idNumber;
  let submitter: Submitter | undefined;
  if (!self) {
    if (!application.representation) {
      throw new AppError('REPRESENTATION_REQUIRED');
    }
    if (!citizen.idNumber) {
      throw new AppError('CITIZEN_IDENTITY_INCOMPLETE', { field: { vi: 'số định danh cá nhân', en: 'ID number' } });
    }
    const parsed = Submitter.safeParse({
      relation: application.representation.relation,
      fullName: citizen.fullName,
      idNumber: citizen.idNumber,
      ...(citizen.phone ? { phone: citizen.phone } : {}),
      ...(application.representation.authorisation ? { authorisation: application.representation.authorisation } : {}),
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({
        in: 'body',
        pointer: `/data/representation/${issue.path.join('/')}`,
        code: fieldProblemCodeOf(issue as unknown as { code: string }),
        message: formatValidationIssue(issue as unknown as { code: string }, language),
      }));
      throw new AppError('APPLICATION_INVALID', { count: problems.length }, { fieldProblems: problems });
    }
    submitter = parsed.data;
  }

  // What was handed in: the uploaded files per component, and components taken from national data.
  const uploads = await listDraftUploads(ctx.db, draft.id);
  const fromData = new Set(application.fromData ?? []);
  const keys = [...new Set([...uploads.map((u) => u.componentKey), ...fromData])];
  const components: ComponentInput[] = keys.map((key) => {
    const files = uploads.filter((u) => u.componentKey === key).length;
    return files > 0
      ? { key, originals: 0, copies: 1, fromData: false }
      : { key, originals: 0, copies: 0, fromData: true };
  });

  // Where it goes is checked first: an office that may not receive it is the citizen's to change.
  await checkReceivingAgency(
    ctx,
    {
      procedureId: formVersion.procedureId,
      provinceCode: draft.provinceCode,
      content: formVersion.content,
      agencyId: application.receivingAgencyId,
      applicant,
    },
    language,
  );
  const basis = await loadIntakeBasis(ctx, {
    receivingAgencyId: application.receivingAgencyId,
    procedureCode: draft.procedureCode,
    components,
  });
  const { agency, calendar, now, version } = basis;
  const content = version.content;
  if (version.id !== formVersion.id) {
    await checkReceivingAgency(
      ctx,
      { procedureId: version.procedureId, provinceCode: draft.provinceCode, content, agencyId: agency.id, applicant },
      language,
    );
  }
  if (content.onlineLevel === 'none') {
    throw new AppError('ONLINE_SUBMISSION_UNAVAILABLE', { code: draft.procedureCode });
  }
  // The filled form answers the form of the version the dossier gets (the one in force).
  let filledForm = first.form;
  if (version.id !== formVersion.id) {
    // The procedure changed since the form was opened: the application must also fit the version in force.
    const again = await checkApplication(ctx, content, draft.data, language);
    if (!again.ok) {
      throw new AppError('APPLICATION_INVALID', { count: again.problems.length }, { fieldProblems: again.problems });
    }
    filledForm = again.form;
  }
  const applicationForm =
    content.applicationForm && filledForm
      ? { formKey: content.applicationForm.key, procedureVersionId: version.id, values: filledForm }
      : undefined;
  const missing = findMissingComponents(content, components, applicationForm);
  if (missing.length > 0) {
    throw new AppError('DOSSIER_INCOMPLETE', {
      count: missing.length,
      missing: missing.map((m) => m.name.slice(0, 80)).join('; '),
    });
  }

  const initial = await planInitialState(basis, 'online', applicant);
  // A procedure the province accepts automatically is received by the system at once.
  const autoAccept = content.autoAccept
    ? decideOrThrow({
        state: initial,
        action: 'receive',
        actor: { kind: 'system' },
        params: {},
        now: now.getTime(),
        calendar,
      })
    : undefined;
  const summary = application.summary?.trim() || `${version.name} — ${getApplicantName(applicant)}`;
  const secret = await getInstallationSecret(ctx);

  const result = await withIdempotency(ctx, { scope: `citizen:${citizenId}`, ...idempotency }, async (trx) => {
    const locked = await lockCitizenDraft(trx, { id: draft.id, citizenId });
    if (locked?.status !== 'open') {
      throw new AppError('DRAFT_NOT_OPEN');
    }
    if (locked.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: locked.version, sent: input.expectedVersion });
    }
    const dossier = await createDossier(trx, {
      basis,
      channel: 'online',
      applicant,
      submitter,
      citizenId,
      summary,
      components,
      applicationForm,
      history: [
        {
          state: initial,
          event: {
            at: now,
            actorKind: 'applicant',
            actorUserId: null,
            actorRole: 'applicant',
            agencyId: agency.id,
            action: 'submit',
            fromStatus: null,
            toStatus: 'new',
            note: null,
            payload: {
              channel: 'online',
              procedureVersionId: version.id,
              procedureVersionNo: version.versionNo,
              components,
              ...describeFilledFormForEvent(applicationForm),
              identifierLast4: applicantIdentifier(applicant).slice(-4),
              resultDelivery: application.resultDelivery,
              ...(submitter ? { submitterRelation: submitter.relation } : {}),
            },
          },
        },
        ...(autoAccept
          ? [
              {
                state: autoAccept.state,
                event: {
                  at: now,
                  actorKind: 'system' as const,
                  actorUserId: null,
                  actorRole: 'system',
                  agencyId: agency.id,
                  action: 'receive',
                  fromStatus: 'new',
                  toStatus: autoAccept.toStatus,
                  note: null,
                  payload: { automatic: true, form: autoAccept.form ?? null, dueAfter: autoAccept.dueAfter },
                },
              },
            ]
          : []),
      ],
    });
    await attachUploadsToDossier(trx, { dossierId: dossier.id, citizenId, uploads });
    await markDraftSubmitted(trx, { id: draft.id, dossierId: dossier.id, now });
    return {
      statusCode: 201,
      body: {
        code: dossier.code,
        id: dossier.id,
        status: dossier.status,
        statusLabel: DOSSIER_STATUSES[dossier.status],
        receivedAt: dossier.receivedAt ? formatInstant(dossier.receivedAt.getTime()) : null,
        dueAt: dossier.dueAt ? formatInstant(dossier.dueAt.getTime()) : null,
        dueProvisional: dossier.dueProvisional,
        // The tracking PIN of the receipt, for looking the dossier up without signing in.
        trackingPin: deriveTrackingPin(secret, dossier.code),
      },
    };
  });
  return result;
};
