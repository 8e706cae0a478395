import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { CITIZEN_OPTIONAL, OFFICIAL } from '../http/auth.js';
import { findSiteOfRequest } from '../http/request-site.js';
import { Problem } from '../http/schemas.js';
import { readUploadedFile, registerWithFileUpload } from '../http/uploads.js';
import { openStoredFile } from '../usecases/portal/uploads.js';
import {
  changeProvinceBranding,
  EMBLEM_MAX_BYTES,
  type EmblemFile,
  emblemOf,
  getProvinceEmblemForOfficial,
  getProvinceSiteForOfficial,
  removeProvinceEmblem,
  replaceProvinceEmblem,
} from '../usecases/provinces/site-branding.js';

const TAGS = ['province-sites'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const Colour = z
  .string()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/)
  .describe('#rrggbb (or #rgb); stored lower case');
const ProvinceQuery = z.object({
  province: z
    .string()
    .regex(/^[0-9]{2}$/)
    .optional()
    .describe('A province the caller holds a role in; default: the caller’s own'),
});
const VersionedProvinceQuery = ProvinceQuery.extend({ expectedVersion: z.coerce.number().int().min(1) });

const ProvinceSiteView = z
  .object({
    provinceCode: z.string(),
    name: z.string(),
    portalName: z.string(),
    placeName: z.string(),
    colourPrimary: z.string(),
    colourAccent: z.string(),
    contactPhone: z.string().nullable(),
    contactAddress: z.string().nullable(),
    emblemUrl: z.string().nullable().describe('The emblem for the console (this API, signed in); null = none'),
    emblemMediaType: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
    mayEdit: z.boolean().describe('The caller is the province administrator (site.manage)'),
    minHeaderContrast: z.number().describe('The least contrast of white text on the primary colour (WCAG AA)'),
  })
  .meta({ id: 'ProvinceSiteView', description: 'How a province presents its portal: names, colours, emblem' });

const BrandingInput = z.object({
  name: z.string().trim().min(1).max(200).describe('The province as printed ("Tỉnh Hưng Yên")'),
  portalName: z.string().trim().min(1).max(200).describe('Shown before the name ("Cổng Dịch vụ công")'),
  placeName: z.string().trim().min(1).max(100).describe('Địa danh of the province’s documents'),
  colourPrimary: Colour,
  colourAccent: Colour,
  contactPhone: z.string().trim().max(50).nullable().optional(),
  contactAddress: z.string().trim().max(500).nullable().optional(),
  expectedVersion: z.number().int().min(1),
});

/** Sends a site's emblem: its stored type, the SHA-256 as ETag (304 when the browser has it), cached as asked. */
const sendEmblem = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  emblem: EmblemFile,
  cacheControl: string,
) => {
  const etag = `"${emblem.sha256}"`;
  void reply.header('etag', etag).header('cache-control', cacheControl).header('x-content-type-options', 'nosniff');
  if (request.headers['if-none-match'] === etag) {
    return reply.code(304).send();
  }
  return reply.type(emblem.mediaType).send(await openStoredFile(ctx, emblem.sha256));
};

/**
 * A province's own portal (issue 22 item 4): the province administrator sets its names, colours, contacts and
 * emblem; every official of the province reads them; the public emblem of the request's site. In a scope of their
 * own, so the multipart parser of the emblem upload applies to them only.
 */
export const registerProvinceSiteRoutes = (app: FastifyInstance, ctx: AppContext): Promise<void> =>
  registerWithFileUpload(app, ctx, registerRoutes);

const registerRoutes = (scope: FastifyInstance, ctx: AppContext): void => {
  const api = scope.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/province-site',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The caller’s province site (names, colours, emblem, contacts); any official of the province',
        querystring: ProvinceQuery,
        response: { 200: ProvinceSiteView, ...errors },
      },
    },
    async (request) => getProvinceSiteForOfficial(ctx, request.actor, request.query),
  );

  api.put(
    '/api/v1/province-site',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary:
          'Set the province’s portal branding (province administrator); the primary colour must carry white text',
        querystring: ProvinceQuery,
        body: BrandingInput,
        response: { 200: ProvinceSiteView, ...errors },
      },
    },
    async (request) =>
      changeProvinceBranding(ctx, request.actor, { ...request.body, province: request.query.province }),
  );

  api.get(
    '/api/v1/province-site/emblem',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The emblem of the caller’s province, for the console (`v` is ignored)',
        querystring: ProvinceQuery.extend({ v: z.string().max(64).optional() }),
        produces: ['image/png', 'image/jpeg', 'image/webp'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const emblem = await getProvinceEmblemForOfficial(ctx, request.actor, { province: request.query.province });
      return sendEmblem(ctx, request, reply, emblem, 'private, max-age=300');
    },
  );

  api.post(
    '/api/v1/province-site/emblem',
    {
      config: OFFICIAL,
      bodyLimit: EMBLEM_MAX_BYTES + 256 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Upload the province’s emblem: PNG, JPEG or WebP (read from the bytes), at most 512 KB',
        consumes: ['multipart/form-data'],
        querystring: VersionedProvinceQuery,
        response: { 200: ProvinceSiteView, 413: Problem, 415: Problem, ...errors },
      },
    },
    async (request) => {
      const file = await readUploadedFile(request, EMBLEM_MAX_BYTES);
      return replaceProvinceEmblem(ctx, request.actor, { ...request.query, file });
    },
  );

  api.delete(
    '/api/v1/province-site/emblem',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Remove the province’s emblem (the install’s default mark shows again)',
        querystring: VersionedProvinceQuery,
        response: { 200: ProvinceSiteView, ...errors },
      },
    },
    async (request) => removeProvinceEmblem(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/public/site/emblem',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'The emblem of the site the request’s host name belongs to (ETag = SHA-256; `v` is ignored)',
        querystring: z.object({ v: z.string().max(64).optional() }),
        produces: ['image/png', 'image/jpeg', 'image/webp'],
        response: { 404: Problem },
      },
    },
    async (request, reply) => {
      const emblem = emblemOf(await findSiteOfRequest(ctx, request));
      // A versioned address (the portal's, ?v=<hash>) never changes its bytes; the bare one is revalidated soon.
      const cache = request.query.v === undefined ? 'public, max-age=300' : 'public, max-age=31536000, immutable';
      return sendEmblem(ctx, request, reply, emblem, cache);
    },
  );
};
