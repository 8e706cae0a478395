import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { PROBLEM_CATALOG } from '../errors/catalog.js';
import { findProblemCodeBySlug } from '../errors/problem.js';
import { Problem } from '../http/schemas.js';

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
    async () => {
      if (ctx.state.shuttingDown) {
        throw new AppError('SERVICE_NOT_READY', {
          reason: { vi: 'Hệ thống đang dừng.', en: 'The server is shutting down.' },
        });
      }
      let version: number;
      try {
        const result = await ctx.database.pool.query<{ version: number | null }>(
          'select max(version) as version from schema_migration',
        );
        version = result.rows[0]?.version ?? 0;
      } catch {
        throw new AppError('SERVICE_NOT_READY', {
          reason: { vi: 'Không kết nối được cơ sở dữ liệu.', en: 'The database cannot be reached.' },
        });
      }
      if (version !== ctx.state.expectedMigrationVersion) {
        throw new AppError('SERVICE_NOT_READY', {
          reason: {
            vi: `Cơ sở dữ liệu ở phiên bản ${version}, cần ${ctx.state.expectedMigrationVersion}; hãy chạy "motcua migrate".`,
            en: `The database is at version ${version}, expected ${ctx.state.expectedMigrationVersion}; run "motcua migrate".`,
          },
        });
      }
      return { status: 'ready' as const, database: ctx.database.kind, migrationVersion: version };
    },
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
