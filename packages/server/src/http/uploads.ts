import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import type { UploadedFile } from '../usecases/portal/uploads.js';

/** Route body limit of upload routes: the file plus room for the multipart framing. */
export const uploadBodyLimit = (ctx: AppContext): number => ctx.config.portal.uploadMaxBytes + 256 * 1024;

/**
 * Reads the one file part of a multipart/form-data request with `consume`, refusing more than
 * `maxBytes` (413 with the limit in MB) and a request that carries no file (400); any other error
 * of `consume` passes through. The file's declared type and name are not trusted for anything.
 */
export const receiveUploadedPart = async <T>(
  request: FastifyRequest,
  maxBytes: number,
  consume: (part: MultipartFile) => Promise<T>,
): Promise<T> => {
  if (!request.isMultipart()) {
    throw new AppError('UPLOAD_MISSING');
  }
  const tooLarge = () => new AppError('UPLOAD_TOO_LARGE', { limitMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 });
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) {
      throw new AppError('UPLOAD_MISSING');
    }
    const result = await consume(part);
    if (part.file.truncated) {
      throw tooLarge();
    }
    return result;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw tooLarge();
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_NO_FORM_DATA') {
      throw new AppError('UPLOAD_MISSING');
    }
    throw error;
  }
};

/** Reads the one file of a multipart/form-data request into memory (see receiveUploadedPart). */
export const readUploadedFile = (request: FastifyRequest, maxBytes: number): Promise<UploadedFile> =>
  receiveUploadedPart(request, maxBytes, async (part) => ({ content: await part.toBuffer(), fileName: part.filename }));
