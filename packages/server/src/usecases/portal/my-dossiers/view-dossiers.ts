/**
 * My dossiers: the citizen's list of dossiers, one dossier's page (progress, components, documents,
 * payments, rating, what to do next) and its documents to download.
 */
import {
  findAgency,
  findDossierDocument,
  findDossierRating,
  getProcedureVersion,
  listCitizenDossiers,
  listDossierDocuments,
  listDossierPayments,
  listPendingDossierUploads,
} from '@motcua/db';
import {
  APPLICANT_NEXT_STEPS,
  DOSSIER_STATUSES,
  type DossierState,
  type DossierStatus,
  describeDossierComponents,
  findApplicantNextStep,
  listAvailableActions,
  SATISFACTION_LEVELS,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { deriveTrackingPin, getInstallationSecret } from '../../../auth/installation-secret.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { describeFilledApplicationForm, renderDossierApplicationForm } from '../../dossiers/application-form.js';
import { publicUrlOf } from '../../provinces/province-site.js';
import { requireCitizen } from '../account/citizen-session.js';
import { describeNextStep, describeProgress, getCitizenDossier, iso } from '../citizen-dossier.js';

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
  input: { cursor?: string | undefined; limit: number; provinceCode?: string | undefined },
) => {
  const { citizenId } = requireCitizen(actor);
  const before = decodeCursor(input.cursor);
  // A citizen's account is national; a province's portal lists only that province's dossiers.
  const rows = await listCitizenDossiers(ctx.db, {
    citizenId,
    provinceCode: input.provinceCode,
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
  const base = `/api/v1/citizen/dossiers/${encodeURIComponent(dossier.code)}`;
  const [documents, pending, payments, rating, secret, version, agency, applicationForm, publicUrl] = await Promise.all(
    [
      listDossierDocuments(ctx.db, dossier.id),
      listPendingDossierUploads(ctx.db, { dossierId: dossier.id, citizenId }),
      listDossierPayments(ctx.db, dossier.id),
      findDossierRating(ctx.db, dossier.id),
      getInstallationSecret(ctx),
      getProcedureVersion(ctx.db, dossier.procedureVersionId),
      findAgency(ctx.db, dossier.receivingAgencyId),
      describeFilledApplicationForm(ctx, dossier, `${base}/application-form.pdf`),
      // Verification pages on the public address of the dossier's own province.
      publicUrlOf(ctx, dossier.provinceCode),
    ],
  );
  const state = dossier.state as DossierState;
  const progress = await describeProgress(ctx, dossier);
  return {
    ...progress,
    procedure: { ...progress.procedure, catalog: version.catalog },
    receivingAgency: agency ? { code: agency.code, name: agency.name } : null,
    components: describeDossierComponents({
      // A filled application form stands for the component it replaces: not listed as a paper to hand in.
      asked: version.content.components.filter(
        (c) => applicationForm === null || c.key !== version.content.applicationForm?.replacesComponent,
      ),
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
        verifyUrl: d.kind === 'result' && d.fileSha256 ? `${publicUrl}/v/${d.fileSha256}` : null,
      })),
    pendingUploads: pending.map((u) => ({
      id: u.id,
      componentKey: u.componentKey,
      fileName: u.fileName,
      mediaType: u.mediaType,
      sizeBytes: u.sizeBytes,
      createdAt: iso(u.createdAt),
    })),
    applicationForm,
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

/** The printed tờ khai (PDF) of one of the citizen's dossiers; another citizen's dossier is not found. */
export const renderCitizenApplicationForm = async (ctx: AppContext, actor: Actor, code: string): Promise<Buffer> => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, code);
  return renderDossierApplicationForm(ctx, dossier);
};
