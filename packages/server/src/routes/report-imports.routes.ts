import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import { receiveUploadedPart } from '../http/uploads.js';
import type { FileStorage } from '../storage/file-storage.js';
import {
  findImportFileExtension,
  getDossierImportReport,
  IMPORT_FILE_EXTENSIONS,
  listDossierImportRuns,
  type ReceivedImportFile,
  startDossierImport,
} from '../usecases/reports/import-runs.js';

const Text = z.object({ vi: z.string(), en: z.string() });

const DossierImportTotals = z.object({
  rows: z.number().int().describe('Rows read so far (all of them once the run has finished)'),
  imported: z.number().int(),
  created: z.number().int(),
  replaced: z.number().int().describe('Codes imported before (by an earlier file), replaced with their counts'),
  rejected: z.number().int(),
  warnings: z.number().int().describe('Rows imported with a warning'),
  issues: z.array(
    z.object({ code: z.string(), severity: z.enum(['error', 'warning']), count: z.number().int(), label: Text }),
  ),
  unknownAgencies: z.array(z.string()),
  fileBytes: z.number().int().nullable().describe('The uploaded file’s size (null: imported from the command line)'),
  bytesRead: z.number().int().nullable().describe('How much of it has been read: bytesRead/fileBytes is the progress'),
});

const DossierImportRun = z
  .object({
    id: z.uuid(),
    provinceCode: z.string().nullable(),
    fileName: z.string().nullable(),
    status: z
      .enum(['queued', 'running', 'completed', 'failed'])
      .describe('queued: waiting for a server to take it (again, after a restart, it continues where it stopped)'),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    startedBy: z.string().nullable().describe('The official who started it (null: from the command line)'),
    totals: DossierImportTotals.describe('Updated after every batch and every few seconds while it runs'),
    failure: Text.nullable().describe('Why a failed run stopped'),
  })
  .meta({ id: 'DossierImportRun' });

const DossierImportReport = DossierImportRun.extend({
  rows: z.array(
    z.object({
      rowNo: z.number().int(),
      code: z.string().nullable(),
      outcome: z.enum(['imported', 'rejected']),
      issues: z.array(
        z.object({ severity: z.enum(['error', 'warning']), field: z.string(), code: z.string(), message: Text }),
      ),
    }),
  ),
  nextAfterRow: z.number().int().nullable(),
}).meta({ id: 'DossierImportReport' });

const Province = z
  .string()
  .regex(/^\d{2}$/)
  .optional();

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };

/**
 * Streams the one file of a multipart/form-data request into the file store, refusing a file over
 * the limit (413) or of another kind (422). The kind is the extension, which is how the import reads it.
 */
const receiveImportFile = (
  request: FastifyRequest,
  storage: FileStorage,
  maxBytes: number,
): Promise<ReceivedImportFile> =>
  receiveUploadedPart(request, maxBytes, async (part) => {
    const kind = findImportFileExtension(part.filename);
    if (!kind) {
      part.file.resume();
      throw new AppError('IMPORT_FILE_TYPE', { fileName: part.filename.slice(0, 100) });
    }
    let clientError: unknown;
    part.file.on('error', (error) => {
      clientError = error;
    });
    try {
      return { ...(await storage.putStream(part.file)), kind, fileName: part.filename };
    } catch (error) {
      // A body cut short, malformed or too large is the client's (answered by receiveUploadedPart);
      // a store that cannot take the file is ours (500).
      throw clientError ?? error;
    }
  });

/**
 * Historical-dossier imports from the console: upload a file (the province administrator), follow
 * its progress, read its per-row report, list a province's runs. Registered in their own scope for
 * the multipart parser with the import's own size limit. The file goes to the file store and the run
 * to the job queue: any API process imports it (jobs/workers.ts).
 */
export const registerReportImportRoutes = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  const maxBytes = ctx.config.importMaxBytes;

  const routes: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post(
      '/api/v1/reports/imports',
      {
        config: OFFICIAL,
        // The file plus room for the multipart framing; the file's own limit answers 413 first.
        bodyLimit: maxBytes + 256 * 1024,
        schema: {
          tags: ['reports'],
          summary: 'Import historical dossiers from a file (CSV, JSON or JSON Lines; multipart/form-data, one file)',
          description:
            'Province administrators (report.import) load dossiers handled before motcua, with their own dates and ' +
            `outcomes (docs/import-format.md), into their province (or \`province\`). Accepted: ${IMPORT_FILE_EXTENSIONS.join(', ')} ` +
            `up to ${Math.round(maxBytes / 1024 / 1024)} MB (413 above). An empty or unreadable file, or one without ` +
            'a dossier code column, answers 422 and nothing is recorded. Otherwise the file is kept in the file store, ' +
            'the run is answered at once (202, Location, status queued) and imported by a background job on any ' +
            'server: follow GET /api/v1/reports/imports/{id} for its progress and its rejected rows. Rows of another ' +
            'province are rejected; re-importing a file never counts a row twice.',
          consumes: ['multipart/form-data'],
          querystring: z.object({ province: Province.describe('Default: the province the caller administers') }),
          response: { 202: DossierImportRun, ...errors, 413: Problem },
        },
      },
      async (request, reply) => {
        const run = await startDossierImport(ctx, request.actor, {
          province: request.query.province,
          receive: (storage) => receiveImportFile(request, storage, maxBytes),
        });
        return reply.code(202).header('location', `/api/v1/reports/imports/${run.id}`).send(run);
      },
    );

    api.get(
      '/api/v1/reports/imports',
      {
        config: OFFICIAL,
        schema: {
          tags: ['reports'],
          summary: 'A province’s historical-dossier imports, newest first (keyset-paginated)',
          querystring: z.object({
            province: Province.describe('Default: the province the caller reads reports of'),
            cursor: z.string().max(400).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: {
            200: z.object({ items: z.array(DossierImportRun), nextCursor: z.string().nullable() }),
            ...errors,
          },
        },
      },
      async (request) => listDossierImportRuns(ctx, request.actor, request.query),
    );

    api.get(
      '/api/v1/reports/imports/:id',
      {
        config: OFFICIAL,
        schema: {
          tags: ['reports'],
          summary:
            'A historical-dossier import: its progress and totals, and the rows rejected or imported with warnings',
          description:
            'While it runs (`status` running) the totals grow: rows read, imported, rejected. The rows come in ' +
            'row order, `limit` at a time after `afterRow` (next page: `nextAfterRow`). Province report readers and ' +
            'whoever started it.',
          params: z.object({ id: z.uuid() }),
          querystring: z.object({
            outcome: z.enum(['imported', 'rejected']).optional(),
            afterRow: z.coerce.number().int().min(0).default(0),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: DossierImportReport, ...errors },
        },
      },
      async (request) => getDossierImportReport(ctx, request.actor, { id: request.params.id, ...request.query }),
    );
  };
  await app.register(routes);
};
