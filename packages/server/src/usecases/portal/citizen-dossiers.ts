import {
  attachUploadToDossier,
  countUploads,
  findAgency,
  findDossierDocument,
  findDossierRating,
  getProcedureVersion,
  insertCitizenDossierDocument,
  insertUpload,
  listCitizenDossiers,
  listDossierDocuments,
  listDossierPayments,
  listPendingDossierUploads,
} from '@motcua/db';
import {
  type ActionParams,
  APPLICANT_NEXT_STEPS,
  DOSSIER_STATUSES,
  DOSSIER_TRANSITIONS,
  type DossierState,
  type DossierStatus,
  describeDossierComponents,
  findApplicantNextStep,
  listAvailableActions,
  MAX_FILES_PER_COMPONENT,
  SATISFACTION_LEVELS,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { deriveTrackingPin, getInstallationSecret } from '../../auth/installation-secret.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../calendar/calendar-service.js';
import { changeDossier } from '../dossiers/change-dossier.js';
import { requireCitizen } from './citizen-session.js';
import { DOSSIER, describeNextStep, describeProgress, getCitizenDossier, iso } from './common.js';
import { checkAndStoreFile, type UploadedFile } from './uploads.js';

const DOCUMENT = { vi: 'giấy tờ', en: 'document' } as const;

/** Results are the applicant's once the dossier has a result (completed) or was returned. */
const RESULT_VISIBLE: ReadonlySet<DossierStatus> = new Set(['completed', 'returned']);

const decodeCursor = (cursor: string | undefined): { createdAt: Date; id: string } | undefined => {
  if (!cursor) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { c: string; i: string };
    const createdAt = new Date(parsed.c);
    if (typeof parsed.i !== 'string' || Number.isNaN(createdAt.getTime())) {
      throw new Error('shape');
    }
    return { createdAt, id: parsed.i };
  } catch {
    throw new AppError('BAD_REQUEST');
  }
};

/**
 * The citizen's dossiers, newest first (keyset pages), each with what the applicant has to do next
 * (the step only: what a supplement or a payment asks for is on the dossier's own page) and whether
 * it has been rated.
 */
export const findCitizenDossiers = async (
  ctx: AppContext,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
) => {
  const { citizenId } = requireCitizen(actor);
  const before = decodeCursor(input.cursor);
  const rows = await listCitizenDossiers(ctx.db, {
    citizenId,
    ...(before ? { before } : {}),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const step = findApplicantNextStep(row.status, { rated: row.rated });
      return {
        code: row.code,
        status: row.status,
        statusLabel: DOSSIER_STATUSES[row.status],
        procedure: { code: row.procedureCode, name: row.procedureName },
        summary: row.summary,
        receivingAgencyName: row.receivingAgencyName,
        submittedAt: iso(row.createdAt),
        receivedAt: iso(row.receivedAt),
        dueAt: iso(row.dueAt),
        dueProvisional: row.dueProvisional,
        nextStep: { step, label: APPLICANT_NEXT_STEPS[step] },
        rated: row.rated,
      };
    }),
    nextCursor:
      rows.length > input.limit && last
        ? Buffer.from(JSON.stringify({ c: last.createdAt.toISOString(), i: last.id })).toString('base64url')
        : null,
  };
};

/**
 * One of the citizen's dossiers: progress, the procedure's catalog, the receiving agency, the
 * components (asked for and handed in), what to do next, documents, payments, rating, the tracking PIN.
 */
export const getCitizenDossierView = async (ctx: AppContext, actor: Actor, code: string) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, code);
  const [documents, pending, payments, rating, secret, version, agency] = await Promise.all([
    listDossierDocuments(ctx.db, dossier.id),
    listPendingDossierUploads(ctx.db, { dossierId: dossier.id, citizenId }),
    listDossierPayments(ctx.db, dossier.id),
    findDossierRating(ctx.db, dossier.id),
    getInstallationSecret(ctx),
    getProcedureVersion(ctx.db, dossier.procedureVersionId),
    findAgency(ctx.db, dossier.receivingAgencyId),
  ]);
  const state = dossier.state as DossierState;
  const base = `/api/v1/citizen/dossiers/${encodeURIComponent(dossier.code)}`;
  const progress = await describeProgress(ctx, dossier);
  return {
    ...progress,
    procedure: { ...progress.procedure, catalog: version.catalog },
    receivingAgency: agency ? { code: agency.code, name: agency.name } : null,
    components: describeDossierComponents({
      asked: version.content.components,
      recorded: dossier.components,
      fileKeys: documents.filter((d) => d.kind === 'component').map((d) => d.componentKey),
    }),
    summary: dossier.summary,
    applicantName: dossier.applicantName,
    outcome: dossier.outcome,
    trackingPin: deriveTrackingPin(secret, dossier.code),
    nextStep: await describeNextStep(ctx, dossier, { rated: rating !== undefined }),
    actions: listAvailableActions(state, { kind: 'applicant' }).map((a) => ({ action: a.action, label: a.label })),
    documents: documents
      .filter((d) => d.kind === 'component' || RESULT_VISIBLE.has(dossier.status))
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        componentKey: d.componentKey,
        name: d.name,
        documentNo: d.documentNo,
        mediaType: d.mediaType,
        sizeBytes: d.sizeBytes,
        sha256: d.fileSha256,
        createdAt: iso(d.createdAt),
        downloadUrl: d.fileSha256 ? `${base}/documents/${d.id}` : null,
        verifyUrl: d.kind === 'result' && d.fileSha256 ? `${ctx.config.publicUrl}/v/${d.fileSha256}` : null,
      })),
    pendingUploads: pending.map((u) => ({
      id: u.id,
      componentKey: u.componentKey,
      fileName: u.fileName,
      mediaType: u.mediaType,
      sizeBytes: u.sizeBytes,
      createdAt: iso(u.createdAt),
    })),
    payments: payments.map((p) => ({
      id: p.id,
      reference: p.reference,
      amountVnd: p.amountVnd,
      status: p.status,
      provider: p.provider,
      createdAt: iso(p.createdAt),
      paidAt: iso(p.paidAt),
      appliedToDossier: p.appliedToDossier,
      paymentUrl: p.status === 'pending' ? p.paymentUrl : null,
      receiptUrl: p.status === 'succeeded' ? `${base}/payments/${p.id}/receipt` : null,
    })),
    rating: rating
      ? {
          overall: rating.overall,
          overallLabel: SATISFACTION_LEVELS[rating.overall],
          channel: rating.channel,
          createdAt: iso(rating.createdAt),
        }
      : null,
    version: dossier.version,
  };
};

/** A document of the citizen's dossier to download (results only once the result is ready). */
export const getCitizenDocument = async (ctx: AppContext, actor: Actor, input: { code: string; id: string }) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, input.code);
  const document = await findDossierDocument(ctx.db, { dossierId: dossier.id, id: input.id });
  if (
    !document?.fileSha256 ||
    !document.mediaType ||
    (document.kind === 'result' && !RESULT_VISIBLE.has(dossier.status))
  ) {
    throw new AppError('NOT_FOUND', { resource: DOCUMENT });
  }
  return { sha256: document.fileSha256, mediaType: document.mediaType, name: document.name };
};

/** A file for the supplement the desk asked for (kept pending until the supplement is sent). */
export const addSupplementUpload = async (
  ctx: AppContext,
  actor: Actor,
  input: { code: string; componentKey: string; file: UploadedFile },
) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, input.code);
  if (dossier.status !== 'supplement_requested') {
    throw new AppError('ACTION_NOT_ALLOWED', {
      action: DOSSIER_TRANSITIONS.applicant_supplement.label,
      status: DOSSIER_STATUSES[dossier.status],
    });
  }
  if (!/^[a-z0-9]+([-_][a-z0-9]+)*$/.test(input.componentKey) || input.componentKey.length > 64) {
    throw new AppError('UNKNOWN_COMPONENT', { key: input.componentKey.slice(0, 64) });
  }
  const pending = await countUploads(ctx.db, {
    dossierId: dossier.id,
    pendingOnly: true,
    componentKey: input.componentKey,
  });
  if (pending >= MAX_FILES_PER_COMPONENT) {
    throw new AppError('UPLOAD_LIMIT_REACHED', { max: MAX_FILES_PER_COMPONENT });
  }
  const stored = await checkAndStoreFile(ctx, input.file);
  const upload = await insertUpload(ctx.db, {
    citizenId,
    draftId: null,
    dossierId: dossier.id,
    componentKey: input.componentKey,
    fileName: stored.fileName,
    fileSha256: stored.sha256,
    mediaType: stored.mediaType as 'application/pdf' | 'image/jpeg' | 'image/png',
    sizeBytes: stored.size,
    now: ctx.clock.now(),
  });
  return {
    id: upload.id,
    componentKey: upload.componentKey,
    fileName: upload.fileName,
    mediaType: upload.mediaType,
    sizeBytes: upload.sizeBytes,
    sha256: upload.fileSha256,
    createdAt: iso(upload.createdAt),
  };
};

type ApplicantActionInput = { code: string; expectedVersion: number; note?: string | undefined };

/**
 * An action of the applicant on their dossier through the engine: answering a supplement request
 * (applicant_supplement, with the files uploaded for it) or withdrawing. Same guards as the desk's
 * actions: the dossier's version and row lock, the state machine's table.
 */
const performApplicantAction = async (
  ctx: AppContext,
  actor: Actor,
  input: ApplicantActionInput & { action: 'applicant_supplement' | 'withdraw'; params: Record<string, unknown> },
  options: { attachPending?: readonly string[] | undefined } = {},
) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, input.code);
  const { calendar } = await getAgencyWorkingCalendar(ctx, dossier.receivingAgencyId);
  let uploads: Awaited<ReturnType<typeof listPendingDossierUploads>> = [];
  if (input.action === 'applicant_supplement') {
    const pending = await listPendingDossierUploads(ctx.db, { dossierId: dossier.id, citizenId });
    const wanted = options.attachPending;
    uploads = wanted ? pending.filter((u) => wanted.includes(u.id)) : pending;
    if (wanted && uploads.length !== new Set(wanted).size) {
      throw new AppError('UPLOADS_NOT_USABLE');
    }
    if (uploads.length === 0) {
      throw new AppError('SUPPLEMENT_FILES_REQUIRED');
    }
  }
  const documents = uploads.map((u) => ({ componentKey: u.componentKey, sha256: u.fileSha256 }));
  return ctx.db.transaction().execute(async (trx) => {
    const { dossier: saved, decision } = await changeDossier(ctx, trx, {
      dossierId: dossier.id,
      expectedVersion: input.expectedVersion,
      action: input.action,
      actor: { kind: 'applicant' },
      params: input.params as never,
      calendar,
      note: input.note ?? null,
      payload: { channel: 'online', ...(documents.length > 0 ? { documents } : {}) },
    });
    // The files the supplement sends become the dossier's documents, in the same transaction.
    for (const upload of uploads) {
      const document = await insertCitizenDossierDocument(trx, {
        dossierId: dossier.id,
        kind: 'component',
        componentKey: upload.componentKey,
        name: upload.fileName,
        documentNo: null,
        fileSha256: upload.fileSha256,
        mediaType: upload.mediaType,
        sizeBytes: upload.sizeBytes,
        uploadedBy: null,
        uploadedByCitizenId: citizenId,
      });
      await attachUploadToDossier(trx, { id: upload.id, dossierId: dossier.id, documentId: document.id });
    }
    return {
      code: saved.code,
      action: input.action,
      label: DOSSIER_TRANSITIONS[input.action].label,
      fromStatus: decision.fromStatus,
      toStatus: decision.toStatus,
      version: saved.version,
    };
  });
};

/** Answers a supplement request online with the files uploaded for it (all pending ones unless listed). */
export const supplementDossier = async (
  ctx: AppContext,
  actor: Actor,
  input: ApplicantActionInput & { uploadIds?: string[] | undefined },
) => {
  const params: ActionParams['applicant_supplement'] = input.note ? { note: input.note } : {};
  return performApplicantAction(
    ctx,
    actor,
    { ...input, action: 'applicant_supplement', params },
    {
      attachPending: input.uploadIds,
    },
  );
};

/** Withdraws the dossier at the applicant's request (DVCQG status 7). */
export const withdrawDossier = async (
  ctx: AppContext,
  actor: Actor,
  input: ApplicantActionInput & { reason: string },
) =>
  performApplicantAction(ctx, actor, {
    ...input,
    note: input.reason,
    action: 'withdraw',
    params: { reason: input.reason },
  });
