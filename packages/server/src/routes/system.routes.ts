import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { PROBLEM_CATALOG } from '../errors/catalog.js';
import { findProblemCodeBySlug } from '../errors/problem.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import { getQueueStatus } from '../usecases/system/queue-status.js';
import { checkReadiness } from '../usecases/system/readiness.js';
import { getReplicaReport } from '../usecases/system/replica-status.js';

export const registerSystemRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  api.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and its migrations are current',
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: z.enum(['pglite', 'postgres']),
            migrationVersion: z.number().int(),
          }),
          503: Problem,
        },
      },
    },
    async () => checkReadiness(ctx),
  );

  api.get(
    '/api/v1/system/queues',
    {
      config: OFFICIAL,
      schema: {
        tags: ['system'],
        summary: 'Background queues: jobs waiting, retrying, running, failed, and the age of the oldest waiting job',
        description: 'For the province administrator (system.read). The queues serve the whole installation.',
        response: {
          200: z.object({
            queues: z.array(
              z.object({
                name: z.enum([
                  'dossier-changed',
                  'due-recompute',
                  'form-issued',
                  'dossier-import',
                  'par-changed',
                  'par-reminders',
                  'sipas-invitations',
                  'pakn-changed',
                  'document-changed',
                  'task-warnings',
                  'catalog-pull',
                ]),
                waiting: z.number().int().nonnegative(),
                retrying: z.number().int().nonnegative(),
                active: z.number().int().nonnegative(),
                failed: z.number().int().nonnegative(),
                oldestWaitingSeconds: z.number().int().nonnegative().nullable(),
              }),
            ),
          }),
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request) => getQueueStatus(ctx, request.actor),
  );

  api.get(
    '/api/v1/system/replica',
    {
      config: OFFICIAL,
      schema: {
        tags: ['system'],
        summary: 'The reports replica (DATABASE_REPLICA_URL): reachable, streaming, seconds behind the primary',
        description:
          'For the province administrator (system.read). Reports and statistics read from the replica and show ' +
          'the data of `lagSeconds` ago; `configured: false` when reports read from the primary.',
        response: {
          200: z.object({
            configured: z.boolean(),
            replica: z
              .object({
                reachable: z.boolean(),
                inRecovery: z.boolean().nullable(),
                streaming: z.boolean().nullable(),
                lagSeconds: z.number().nonnegative().nullable(),
                replicaQueries: z.number().int().nonnegative(),
                primaryFallbacks: z.number().int().nonnegative(),
              })
              .nullable(),
          }),
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request) => getReplicaReport(ctx, request.actor),
  );

  api.get(
    '/problems/:slug',
    {
      schema: {
        tags: ['system'],
        summary: 'Describe a problem type (the `type` URI of every error answer)',
        params: z.object({ slug: z.string().max(80) }),
        response: {
          200: z.object({
            code: z.string(),
            status: z.number().int(),
            vi: z.object({ title: z.string(), detail: z.string() }),
            en: z.object({ title: z.string(), detail: z.string() }),
          }),
          404: Problem,
        },
      },
    },
    async (request) => {
      const code = findProblemCodeBySlug(request.params.slug);
      if (!code) {
        throw new AppError('NOT_FOUND', { resource: { vi: 'loại lỗi', en: 'problem type' } });
      }
      return { code, ...PROBLEM_CATALOG[code] };
    },
  );
};
