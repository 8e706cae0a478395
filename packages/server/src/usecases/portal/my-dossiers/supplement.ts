import { countUploads, insertUpload, listPendingDossierUploads } from '@motcua/db';
import { type ActionParams, DOSSIER_STATUSES, DOSSIER_TRANSITIONS, MAX_FILES_PER_COMPONENT } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../../calendar/calendar-service.js';
import { changeDossier } from '../../dossiers/change-dossier.js';
import { requireCitizen } from '../account/citizen-session.js';
import { describeApplicantChange, getCitizenDossier } from '../citizen-dossier.js';
import { attachUploadsToDossier, checkAndStoreFile, describeUpload, type UploadedFile } from '../uploads.js';

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
  return describeUpload(upload);
};

/**
 * Answers a supplement request online with the files uploaded for it (all pending ones unless
 * listed): the dossier's one change path (row lock, the version the citizen saw, the state
 * machine), and the files become the dossier's documents in the same transaction.
 */
export const supplementDossier = async (
  ctx: AppContext,
  actor: Actor,
  input: { code: string; expectedVersion: number; note?: string | undefined; uploadIds?: string[] | undefined },
) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, input.code);
  const { calendar } = await getAgencyWorkingCalendar(ctx, dossier.receivingAgencyId);
  const pending = await listPendingDossierUploads(ctx.db, { dossierId: dossier.id, citizenId });
  const wanted = input.uploadIds;
  const uploads = wanted ? pending.filter((u) => wanted.includes(u.id)) : pending;
  if (wanted && uploads.length !== new Set(wanted).size) {
    throw new AppError('UPLOADS_NOT_USABLE');
  }
  if (uploads.length === 0) {
    throw new AppError('SUPPLEMENT_FILES_REQUIRED');
  }
  const params: ActionParams['applicant_supplement'] = input.note ? { note: input.note } : {};
  const documents = uploads.map((u) => ({ componentKey: u.componentKey, sha256: u.fileSha256 }));
  return ctx.db.transaction().execute(async (trx) => {
    const change = await changeDossier(ctx, trx, {
      dossierId: dossier.id,
      expectedVersion: input.expectedVersion,
      action: 'applicant_supplement',
      actor: { kind: 'applicant' },
      params,
      calendar,
      note: input.note ?? null,
      payload: { channel: 'online', documents },
    });
    await attachUploadsToDossier(trx, { dossierId: dossier.id, citizenId, uploads });
    return describeApplicantChange('applicant_supplement', change);
  });
};
