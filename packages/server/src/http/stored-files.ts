import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.js';
import { contentDisposition, downloadFileName } from '../usecases/portal/upload-checks.js';
import { openStoredFile } from '../usecases/portal/uploads.js';

/**
 * Sends a stored file as a download (or inline), with its type and a safe file name: the user's
 * base name with the extension of the type detected from the content (never the one they wrote).
 */
export const sendStoredFile = async (
  ctx: AppContext,
  reply: FastifyReply,
  file: { sha256: string; mediaType: string; fileName: string; inline?: boolean },
) => {
  const stream = await openStoredFile(ctx, file.sha256);
  return reply
    .type(file.mediaType)
    .header('content-disposition', contentDisposition(downloadFileName(file.fileName, file.mediaType), file.inline))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('etag', `"${file.sha256}"`)
    .send(stream);
};
