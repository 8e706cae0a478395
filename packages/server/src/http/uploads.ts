import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import type { UploadedFile } from '../usecases/portal/uploads.js';
import { escapePointerToken, hasInvalidCharacter, invalidTextError } from './text-guard.js';

/** Route body limit of upload routes: the file plus room for the multipart framing. */
export const uploadBodyLimit = (ctx: AppContext): number => ctx.config.portal.uploadMaxBytes + 256 * 1024;

/**
 * What busboy (the multipart parser) says about a body it cannot read: no boundary, a part cut
 * short, a malformed part header. Its errors carry no code, only these messages.
 */
const MALFORMED_MULTIPART = /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed )/;

const malformedReasonOf = (error: unknown): string | undefined => {
  if (!(error instanceof Error) || error instanceof AppError || 'syscall' in error) {
    return undefined;
  }
  return MALFORMED_MULTIPART.test(error.message) ? error.message : undefined;
};

/**
 * Reads the one file part of a multipart/form-data request with `consume`, refusing more than
 * `maxBytes` (413 with the limit in MB), a request that carries no file (400), a body the
 * multipart parser cannot read (400 UPLOAD_MALFORMED) and a file name with a NUL or a lone
 * surrogate (400 TEXT_INVALID_CHARACTER); any other error of `consume` passes through. The file's declared type and name are not trusted for anything.
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
    if (hasInvalidCharacter(part.filename)) {
      part.file.resume();
      throw invalidTextError(request.language, [
        { in: 'body', pointer: `/${escapePointerToken(part.fieldname)}/filename` },
      ]);
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
    const reason = malformedReasonOf(error);
    if (reason !== undefined) {
      throw new AppError('UPLOAD_MALFORMED', { reason }, { cause: error });
    }
    throw error;
  }
};

/** Reads the one file of a multipart/form-data request into memory (see receiveUploadedPart). */
export const readUploadedFile = (request: FastifyRequest, maxBytes: number): Promise<UploadedFile> =>
  receiveUploadedPart(request, maxBytes, async (part) => ({ content: await part.toBuffer(), fileName: part.filename }));

/**
 * Registers an area's routes in a scope of their own with the multipart parser of a one-file upload (the
 * installation's upload size limit), so that the parser applies to that area's routes only.
 */
export const registerWithFileUpload = async (
  app: FastifyInstance,
  ctx: AppContext,
  registerRoutes: (scope: FastifyInstance, ctx: AppContext) => void,
): Promise<void> => {
  const plugin: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ctx.config.portal.uploadMaxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    registerRoutes(scope, ctx);
  };
  await app.register(plugin);
};
