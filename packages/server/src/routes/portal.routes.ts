import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { hashRequest } from '../usecases/dossiers/idempotency.js';
import { contentDisposition } from '../usecases/portal/upload-checks.js';
import { openStoredFile, type UploadedFile } from '../usecases/portal/uploads.js';
import { registerPortalCitizenRoutes } from './portal-citizen.routes.js';
import { registerPortalDeskRoutes } from './portal-desk.routes.js';
import { registerPortalPaymentRoutes } from './portal-payments.routes.js';
import { registerPortalPublicRoutes } from './portal-public.routes.js';

/**
 * The citizen portal's routes (dịch vụ công trực tuyến): public procedure pages, tracking and
 * verification, PAKN; citizen sign-in, drafts, uploads, online dossiers, payments, ratings; the
 * payment platform's callback and the sandbox; the desk's result uploads and ratings. Registered
 * in their own scope so that the multipart and form parsers they need apply to them only.
 */
export const registerPortalRoutes = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  const portal: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ctx.config.portal.uploadMaxBytes, files: 1, fields: 10, parts: 11, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    // The sandbox payment page posts a plain HTML form.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8192 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    registerPortalPublicRoutes(scope, ctx);
    registerPortalCitizenRoutes(scope, ctx);
    registerPortalPaymentRoutes(scope, ctx);
    registerPortalDeskRoutes(scope, ctx);
  };
  await app.register(portal);
};

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

/** Sends a stored file as a download (or inline), with its type and a safe file name. */
export const sendStoredFile = async (
  ctx: AppContext,
  reply: FastifyReply,
  file: { sha256: string; mediaType: string; fileName: string; inline?: boolean },
) => {
  const stream = await openStoredFile(ctx, file.sha256);
  return reply
    .type(file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName, file.inline))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('etag', `"${file.sha256}"`)
    .send(stream);
};

/** The Idempotency-Key of a write, with the request's fingerprint. */
export const idempotencyOf = (request: FastifyRequest) => {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) {
    return undefined;
  }
  if (key.length > 200) {
    throw new AppError('BAD_REQUEST');
  }
  return { key, requestHash: hashRequest(request.method, request.url.split('?')[0] ?? '', request.body) };
};

/** Adds Retry-After to a RATE_LIMITED answer thrown by a use-case. */
export const withRetryAfter = async <T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') {
      void reply.header('retry-after', String(error.params.retryAfter ?? 60));
    }
    throw error;
  }
};
