import { upsertProcedureTemplate } from '@motcua/db';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { authorizeCatalogWrite } from '../../catalog/access.js';
import { loadPublishedProcedure } from '../browse/procedures.js';
import { iso } from '../citizen-dossier.js';
import type { UploadedFile } from '../uploads.js';
import { checkAndStoreFile, TEMPLATE_FILE_TYPES } from '../uploads.js';

/** A province's catalog manager uploads the official template of a component (PDF, DOC or DOCX). */
export const uploadProcedureTemplate = async (
  ctx: AppContext,
  actor: Actor,
  input: { catalog: string; code: string; key: string; file: UploadedFile },
) => {
  const official = authorizeCatalogWrite(actor, input.catalog);
  const { procedure, content } = await loadPublishedProcedure(ctx, input);
  if (!content.components.some((c) => c.key === input.key)) {
    throw new AppError('UNKNOWN_COMPONENT', { key: input.key });
  }
  const stored = await checkAndStoreFile(ctx, input.file, TEMPLATE_FILE_TYPES);
  const template = await upsertProcedureTemplate(ctx.db, {
    procedureId: procedure.id,
    componentKey: input.key,
    fileName: stored.fileName,
    fileSha256: stored.sha256,
    mediaType: stored.mediaType,
    sizeBytes: stored.size,
    uploadedBy: official.userId,
    now: ctx.clock.now(),
  });
  return {
    componentKey: template.componentKey,
    fileName: template.fileName,
    mediaType: template.mediaType,
    sizeBytes: template.sizeBytes,
    sha256: template.fileSha256,
    createdAt: iso(template.createdAt),
  };
};
