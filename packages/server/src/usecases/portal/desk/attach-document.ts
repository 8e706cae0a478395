import { insertCitizenDossierDocument } from '@motcua/db';
import type { DossierState, OfficialRole } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { getReadableDossier } from '../../dossiers/dossier-access.js';
import { authorizeResultAttachment, describeResult } from '../../dossiers/results.js';
import { publicUrlOf } from '../../provinces/province-site.js';
import { checkAndStoreFile, type UploadedFile } from '../uploads.js';

const PROCESSING_ROLES: readonly OfficialRole[] = ['processor', 'approver'];
const DESK_ROLES: readonly OfficialRole[] = ['receptionist', 'result_returner'];

/**
 * An official attaches a file to a dossier: a result document (the signed decision, certificate… as a
 * PDF) by the agency holding the dossier while it is processed or has its result, or a scanned
 * component by the desk. The stored file's SHA-256 is what the public verification page shows; the
 * returned id goes into `results[].documentId` of the complete action.
 */
export const attachOfficialDocument = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    code: string;
    kind: 'result' | 'component';
    name: string;
    documentNo?: string | undefined;
    componentKey?: string | undefined;
    file: UploadedFile;
  },
) => {
  const { dossier, access } = await getReadableDossier(ctx, actor, input.code);
  if (input.kind === 'result') {
    authorizeResultAttachment(dossier, access);
  } else {
    const state = dossier.state as DossierState;
    const holder = state.currentStep === null ? dossier.receivingAgencyId : dossier.holderAgencyId;
    const mayProcess = access.rolesAt(holder).some((role) => PROCESSING_ROLES.includes(role));
    const atDesk = access.rolesAt(dossier.receivingAgencyId).some((role) => DESK_ROLES.includes(role));
    if (!atDesk && !mayProcess) {
      throw new AppError('FORBIDDEN');
    }
  }
  // A result is an issued document: a PDF (a scan of a component may also be a photo).
  const stored = await checkAndStoreFile(ctx, input.file, input.kind === 'result' ? ['application/pdf'] : undefined);
  const document = await ctx.db.transaction().execute((trx) =>
    insertCitizenDossierDocument(trx, {
      dossierId: dossier.id,
      kind: input.kind,
      componentKey: input.componentKey ?? null,
      name: input.name,
      documentNo: input.documentNo ?? null,
      fileSha256: stored.sha256,
      mediaType: stored.mediaType,
      sizeBytes: stored.size,
      uploadedBy: access.official.userId,
      uploadedByCitizenId: null,
    }),
  );
  return describeResult(await publicUrlOf(ctx, dossier.provinceCode), document);
};
