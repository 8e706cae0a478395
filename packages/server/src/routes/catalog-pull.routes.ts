import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import {
  getCatalogPull,
  listCatalogPulls,
  requestCatalogPull,
} from '../usecases/integration/catalog-pull/catalog-pulls.js';

const CatalogPullChange = z.object({
  code: z.string().describe('The national procedure code (MATTHC)'),
  name: z.string().nullable(),
  kind: z
    .enum(['created', 'updated', 'abolished', 'failed'])
    .describe(
      'created / updated: a new published version in the province catalog; abolished: the portal lists it with ' +
        'TRANGTHAI ≠ 1 (not imported: a province administrator ends it); failed: it could not be read or imported',
    ),
  fields: z
    .array(z.string())
    .optional()
    .describe('updated: the fields of the procedure content that changed (name, channels, components, …)'),
  inCatalog: z.boolean().optional().describe('abolished: whether the province catalog holds the procedure'),
  reason: z.string().optional().describe('failed: the portal’s answer, the invalid field or the import’s reason'),
});

const CatalogPullRun = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    trigger: z.enum(['schedule', 'manual']),
    state: z.enum(['running', 'completed', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    requestedBy: z.string().nullable().describe('The official who asked for it (null: the schedule)'),
    catalogImportId: z
      .uuid()
      .nullable()
      .describe('The catalog import it ran (its per-row report: GET /api/v1/procedures/imports/{id})'),
    summary: z
      .object({
        listed: z.number().int().describe('Procedures LayDanhSachTTHC listed'),
        fetched: z.number().int().describe('Procedures LayThuTuc answered with a valid record'),
        created: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
        abolished: z.number().int(),
        failed: z.number().int(),
        changes: z.array(CatalogPullChange).describe('Every procedure created, updated, abolished or failed'),
      })
      .describe('Grows while the pull runs'),
    failure: z.string().nullable().describe('Why a failed pull stopped (e.g. the portal could not be listed)'),
  })
  .meta({ id: 'CatalogPullRun' });

const Province = z
  .string()
  .regex(/^\d{2}$/)
  .optional();

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/**
 * Pulls of the national procedure catalog from the national public-service portal (issue 21 item 4): start one
 * (integration.manage), follow it and read its change report, list a province's pulls (integration.read).
 */
export const registerCatalogPullRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/integration/catalog-pulls',
    {
      config: OFFICIAL,
      schema: {
        tags: ['integration'],
        summary: 'Pull the national procedure catalog from the national public-service portal now',
        description:
          'Province administrators (integration.manage) fetch the procedures their national-portal connection ' +
          'lists (LayDanhSachTTHC, then LayThuTuc for each) and feed the published ones to the catalog import into ' +
          'the province catalog; the run is answered at once (202, Location, state running) and done by a ' +
          'background job: follow GET /api/v1/integration/catalog-pulls/{id}. One pull runs per province at a time ' +
          '(409 CATALOG_PULL_RUNNING); an incomplete connection answers 422 CATALOG_PULL_NOT_CONFIGURED.',
        querystring: z.object({ province: Province.describe('Default: the province the caller administers') }),
        response: { 202: CatalogPullRun, ...errors, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const run = await requestCatalogPull(ctx, request.actor, { province: request.query.province });
      return reply.code(202).header('location', `/api/v1/integration/catalog-pulls/${run.id}`).send(run);
    },
  );

  api.get(
    '/api/v1/integration/catalog-pulls',
    {
      config: OFFICIAL,
      schema: {
        tags: ['integration'],
        summary: 'A province’s catalog pulls, newest first (keyset-paginated)',
        querystring: z.object({
          province: Province.describe('Default: the province the caller reads the integration of'),
          cursor: z.string().max(400).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({ items: z.array(CatalogPullRun), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => listCatalogPulls(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/integration/catalog-pulls/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['integration'],
        summary: 'A catalog pull: its progress and its report of what changed',
        params: z.object({ id: z.uuid() }),
        response: { 200: CatalogPullRun, ...errors },
      },
    },
    async (request) => getCatalogPull(ctx, request.actor, request.params.id),
  );
};
