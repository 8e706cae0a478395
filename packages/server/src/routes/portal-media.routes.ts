import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { CITIZEN_OPTIONAL, OFFICIAL } from '../http/auth.js';
import { findRequestProvince } from '../http/request-site.js';
import { Problem } from '../http/schemas.js';
import { readUploadedFile } from '../http/uploads.js';
import { contentDisposition } from '../usecases/portal/upload-checks.js';
import { openStoredFile } from '../usecases/portal/uploads.js';
import { attachmentDownloadName } from '../usecases/portal-content/attachment-view.js';
import {
  addPortalAttachment,
  getPortalAttachmentForEditor,
  getPublicPortalAttachment,
  PORTAL_ATTACHMENT_MAX_BYTES,
  removePortalAttachmentOf,
} from '../usecases/portal-content/portal-attachments.js';
import {
  findServedPortalImage,
  PORTAL_IMAGE_MAX_BYTES,
  uploadPortalImage,
} from '../usecases/portal-content/portal-images.js';
import { PortalAttachment } from './portal-media.schemas.js';

const TAGS = ['portal-content'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Width = z.coerce.number().int().min(1).max(9999);
const AttachmentParams = z.object({ id: z.uuid(), position: z.coerce.number().int().min(1).max(100_000) });

const PortalImageUploaded = z
  .object({
    sha256: Sha256.describe('The original’s SHA-256: the image’s address'),
    width: z.number().int().describe('Of the largest variant (the one src serves)'),
    height: z.number().int(),
    variants: z.array(
      z.object({ width: z.number().int(), height: z.number().int(), sizeBytes: z.number().int(), src: z.string() }),
    ),
    src: z.string(),
    srcset: z.string(),
    sizes: z.string(),
  })
  .meta({
    id: 'PortalImageUploaded',
    description: 'An uploaded image: insert <img src srcset sizes alt width height>',
  });

/** A year: the served files never change under their address (content-addressed). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const sendImage = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { sha256: string; width: number | undefined },
) => {
  const served = await findServedPortalImage(ctx, { ...input, provinceCode: await findRequestProvince(ctx, request) });
  if (served === undefined) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'ảnh', en: 'image' } });
  }
  const etag = `"${served.fileSha256}"`;
  void reply
    .header('etag', etag)
    .header('cache-control', IMMUTABLE)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox");
  if (request.headers['if-none-match'] === etag) {
    return reply.code(304).send();
  }
  const stream = await openStoredFile(ctx, served.fileSha256);
  return reply.type(served.mediaType).header('content-length', served.sizeBytes).send(stream);
};

const sendAttachment = async (
  ctx: AppContext,
  reply: FastifyReply,
  file: { fileSha256: string; fileName: string; mediaType: string },
  cache: string,
) => {
  const stream = await openStoredFile(ctx, file.fileSha256);
  return reply
    .type(file.mediaType)
    .header('content-disposition', contentDisposition(attachmentDownloadName(file.fileName, file.mediaType)))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cache)
    .header('etag', `"${file.fileSha256}"`)
    .send(stream);
};

/**
 * The images and attachments of the portal's news (issue 22 item 1), in a scope of their own whose multipart
 * parser takes files up to the attachments' 20 MB (each route checks its own limit).
 */
export const registerPortalMediaRoutes = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  const plugin: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: PORTAL_ATTACHMENT_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    registerRoutes(scope, ctx);
  };
  await app.register(plugin);
};

const registerRoutes = (scope: FastifyInstance, ctx: AppContext): void => {
  const api = scope.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/portal-content/images',
    {
      config: OFFICIAL,
      bodyLimit: PORTAL_IMAGE_MAX_BYTES + 256 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Upload an image (JPEG, PNG, WebP ≤ 10 MB): upright, without metadata, 480/960/1600 px WebP',
        consumes: ['multipart/form-data'],
        response: { 201: PortalImageUploaded, 413: Problem, 415: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, PORTAL_IMAGE_MAX_BYTES);
      return reply.code(201).send(await uploadPortalImage(ctx, request.actor, file));
    },
  );

  api.post(
    '/api/v1/portal-content/items/:id/attachments',
    {
      config: OFFICIAL,
      bodyLimit: PORTAL_ATTACHMENT_MAX_BYTES + 256 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Attach a file (PDF, DOCX, XLSX, ODT ≤ 20 MB); the same bytes again answer the same attachment',
        consumes: ['multipart/form-data'],
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ title: z.string().trim().max(300).optional().describe('Default: the file name') }),
        response: { 201: PortalAttachment, 413: Problem, 415: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, PORTAL_ATTACHMENT_MAX_BYTES);
      return reply
        .code(201)
        .send(
          await addPortalAttachment(ctx, request.actor, request.params.id, { ...file, title: request.query.title }),
        );
    },
  );

  api.delete(
    '/api/v1/portal-content/items/:id/attachments/:position',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Remove an attachment (idempotent; its position is never reused)',
        params: AttachmentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removePortalAttachmentOf(ctx, request.actor, request.params.id, request.params.position);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/portal-content/items/:id/attachments/:position',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'An attachment of an item the caller may see, drafts included',
        params: AttachmentParams,
        produces: ['application/octet-stream'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) =>
      sendAttachment(
        ctx,
        reply,
        await getPortalAttachmentForEditor(ctx, request.actor, request.params.id, request.params.position),
        'private, no-store',
      ),
  );

  api.get(
    '/api/v1/public/portal-images/:sha256',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'An image of the portal’s news at its largest served width (WebP), of the request’s province',
        params: z.object({ sha256: Sha256 }),
        produces: ['image/webp'],
        response: { 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => sendImage(ctx, request, reply, { sha256: request.params.sha256, width: undefined }),
  );

  api.get(
    '/api/v1/public/portal-images/:sha256/:width',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'One width of an image of the portal’s news (WebP), of the request’s province',
        params: z.object({ sha256: Sha256, width: Width }),
        produces: ['image/webp'],
        response: { 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => sendImage(ctx, request, reply, request.params),
  );

  api.get(
    '/api/v1/public/portal-attachments/:id/:position',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'An attachment of a published, visible article of the request’s province',
        params: AttachmentParams,
        produces: ['application/octet-stream'],
        response: { 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const file = await getPublicPortalAttachment(ctx, {
        articleId: request.params.id,
        position: request.params.position,
        provinceCode: await findRequestProvince(ctx, request),
      });
      // Short: the article may be unpublished, and the attachment removed.
      return sendAttachment(ctx, reply, file, 'public, max-age=60');
    },
  );
};
