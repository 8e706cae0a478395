import { attachUploadToDossier, type Database, insertCitizenDossierDocument, type UploadRecord } from '@motcua/db';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { iso } from './citizen-dossier.js';
import { getPortalServices } from './services.js';
import { cleanFileName, EXTENSIONS, type SniffedType, sniffMediaType } from './upload-checks.js';

/** A file as the HTTP layer read it (already within the size limit). */
export type UploadedFile = { content: Buffer; fileName: string | undefined };

export const DOSSIER_FILE_TYPES: readonly SniffedType[] = ['application/pdf', 'image/jpeg', 'image/png'];
export const TEMPLATE_FILE_TYPES: readonly SniffedType[] = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

const ALLOWED_TEXT = (allowed: readonly SniffedType[]): string =>
  allowed.map((type) => EXTENSIONS[type].toUpperCase().replace('JPG', 'JPEG')).join(', ');

/**
 * Checks a file and stores it: the type is read from the content (the name and the declared type
 * are ignored), the scanning hook must pass it, and it is stored content-addressed.
 */
export const checkAndStoreFile = async (
  ctx: AppContext,
  file: UploadedFile,
  allowed: readonly SniffedType[] = DOSSIER_FILE_TYPES,
): Promise<{ sha256: string; size: number; mediaType: SniffedType; fileName: string }> => {
  if (file.content.length === 0) {
    throw new AppError('UPLOAD_MISSING');
  }
  const mediaType = sniffMediaType(file.content);
  if (!mediaType || !allowed.includes(mediaType)) {
    throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { allowed: ALLOWED_TEXT(allowed) });
  }
  const verdict = await getPortalServices(ctx).scanner.scan(file.content, { mediaType });
  if (!verdict.clean) {
    throw new AppError('UPLOAD_REJECTED');
  }
  const stored = await ctx.storage.put(file.content);
  return { ...stored, mediaType, fileName: cleanFileName(file.fileName, `tep-tin.${EXTENSIONS[mediaType]}`) };
};

/** Opens a stored file for download; a file missing from the store is an operator's problem (500). */
export const openStoredFile = async (ctx: AppContext, sha256: string) => {
  const stream = await ctx.storage.open(sha256);
  if (!stream) {
    throw new Error(`stored file ${sha256} is missing from the file store`);
  }
  return stream;
};

/** An uploaded file as its citizen sees it (the answer to a draft's or a supplement's upload). */
export const describeUpload = (upload: UploadRecord) => ({
  id: upload.id,
  componentKey: upload.componentKey,
  fileName: upload.fileName,
  mediaType: upload.mediaType,
  sizeBytes: upload.sizeBytes,
  sha256: upload.fileSha256,
  createdAt: iso(upload.createdAt),
});

/**
 * The citizen's uploads become the dossier's component documents, in the caller's transaction
 * (online submission and supplement): one document row each, and the upload marked as used by it.
 */
export const attachUploadsToDossier = async (
  trx: Transaction<Database>,
  input: { dossierId: string; citizenId: string; uploads: readonly UploadRecord[] },
): Promise<void> => {
  for (const upload of input.uploads) {
    const document = await insertCitizenDossierDocument(trx, {
      dossierId: input.dossierId,
      kind: 'component',
      componentKey: upload.componentKey,
      name: upload.fileName,
      documentNo: null,
      fileSha256: upload.fileSha256,
      mediaType: upload.mediaType,
      sizeBytes: upload.sizeBytes,
      uploadedBy: null,
      uploadedByCitizenId: input.citizenId,
    });
    await attachUploadToDossier(trx, { id: upload.id, dossierId: input.dossierId, documentId: document.id });
  }
};
