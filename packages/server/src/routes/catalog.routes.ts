import { Readable } from 'node:stream';
import {
  CatalogIssue,
  LOCAL_CODE_PATTERN,
  NATIONAL_CODE_PATTERN,
  OnlineLevel,
  ProcedureDuration,
  ProcedureLevel,
  ProcedureVersionContent,
} from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, PageQuery, Problem, pageOf } from '../http/schemas.js';
import { NATIONAL_CATALOG } from '../usecases/catalog/access.js';
import { streamCatalogExport } from '../usecases/catalog/export.js';
import {
  EXPORT_FORMAT,
  getCatalogImport,
  importProceduresFromBody,
  listCatalogImportReportRows,
} from '../usecases/catalog/import.js';
import {
  createDraftVersion,
  createProcedure,
  editDraftVersion,
  getProcedureDetail,
  getProcedureVersionDetail,
  publishProcedureVersion,
  setProcedureAgencies,
} from '../usecases/catalog/procedures.js';
import { findProcedures } from '../usecases/catalog/search.js';

/** The national catalog file is 8.8 MB; a province's catalog in the same format fits in 20 MB. */
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

const CatalogKey = z
  .string()
  .regex(/^(national|\d{2})$/)
  .describe('"national" or a 2-digit province code (whose catalog)');
const ProvinceCatalog = z
  .string()
  .regex(/^(national|\d{2})$/)
  .describe('the catalog to change: a 2-digit province code ("national" is import-only: 403 CATALOG_READ_ONLY)');
const ProcedureCode = z.string().regex(LOCAL_CODE_PATTERN).describe('national code (1.001193) or local code');
const NationalCode = z.string().regex(NATIONAL_CODE_PATTERN).describe('a national procedure code, e.g. 1.001193');
const VersionNo = z.coerce.number().int().min(1).max(1_000_000);
const ExpectedVersion = z.number().int().min(1).describe('the procedure’s rowVersion as last read');

const Fee = z.object({
  free: z.boolean(),
  minVnd: z.number().nullable(),
  maxVnd: z.number().nullable(),
  text: z.string().nullable(),
});

const ProcedureItem = z
  .object({
    code: z.string(),
    catalog: z.string(),
    nationalCode: z.string().nullable().describe('the national code the entry carries out (1.001193), if any'),
    name: z.string(),
    field: z.object({ name: z.string(), code: z.string().nullable() }),
    levels: z.array(ProcedureLevel),
    onlineLevel: OnlineLevel,
    canSubmitOnline: z.boolean().describe('a province’s entry with an online service (national records are not)'),
    boundaryFree: z.boolean(),
    currentVersion: z.object({ versionNo: z.number().int(), effectiveFrom: IsoDate.nullable() }).nullable(),
    duration: ProcedureDuration.nullable(),
    durationText: z.string().nullable(),
    fee: Fee,
  })
  .meta({ id: 'ProcedureListItem' });

const VersionStatus = z.enum(['draft', 'published', 'superseded']);
const VersionSource = z.enum(['import', 'manual', 'adopted']);

const ProcedureVersion = z
  .object({
    versionNo: z.number().int(),
    status: VersionStatus,
    effectiveFrom: IsoDate.nullable(),
    effectiveTo: IsoDate.nullable(),
    contentHash: z.string(),
    source: VersionSource,
    createdAt: z.date(),
    publishedAt: z.date().nullable(),
    content: ProcedureVersionContent,
  })
  .meta({ id: 'ProcedureVersion' });

/** The catalog export file: motcua's own format, imported back by POST /api/v1/procedures/imports. */
const CatalogExport = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    catalog: z.string(),
    exportedAt: z.string().describe('ISO 8601 instant (UTC)'),
    procedures: z.array(
      z.object({
        code: z.string(),
        catalog: z.string(),
        versionNo: z.number().int(),
        effectiveFrom: IsoDate.nullable(),
        contentHash: z.string(),
        content: ProcedureVersionContent,
      }),
    ),
  })
  .meta({ id: 'CatalogExport' });

/**
 * A catalog file to import. Checked by the import itself (422 IMPORT_FILE_INVALID with the reason,
 * rejected records reported row by row), so the schema only documents the two shapes it reads.
 */
const CatalogFile = z.unknown().meta({
  id: 'CatalogFile',
  description: 'The National TTHC database format (`{ "procedures": [...] }` or a bare array) or a motcua export',
  anyOf: [
    { type: 'array', items: { type: 'object', description: 'A procedure record as the national database lists it' } },
    {
      type: 'object',
      properties: {
        format: { type: 'string', description: `"${EXPORT_FORMAT}" for a motcua export (see CatalogExport)` },
        procedures: { type: 'array', items: { type: 'object' } },
      },
      required: ['procedures'],
    },
  ],
});

const ProcedureAgency = z.object({
  agencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  role: z.enum(['receiving', 'implementing']),
});

const ProcedureDetail = z
  .object({
    catalog: z.string(),
    code: z.string(),
    nationalCode: z.string().nullable(),
    name: z.string(),
    field: z.object({ name: z.string(), code: z.string().nullable() }),
    levels: z.array(ProcedureLevel),
    onlineLevel: OnlineLevel,
    boundaryFree: z.boolean(),
    status: z.enum(['active', 'abolished']),
    rowVersion: z.number().int().describe('send it back as expectedVersion when changing the procedure'),
    currentVersionNo: z.number().int().nullable(),
    effectiveFrom: IsoDate.nullable(),
    current: ProcedureVersion.nullable(),
    versions: z.array(
      z.object({
        versionNo: z.number().int(),
        status: VersionStatus,
        effectiveFrom: IsoDate.nullable(),
        effectiveTo: IsoDate.nullable(),
        contentHash: z.string(),
        source: VersionSource,
        createdAt: z.date(),
        publishedAt: z.date().nullable(),
        createdBy: z.string().nullable(),
        publishedBy: z.string().nullable(),
      }),
    ),
    agencies: z.array(ProcedureAgency),
  })
  .meta({ id: 'ProcedureDetail' });

const VersionWithRow = ProcedureVersion.extend({ rowVersion: z.number().int() });

const ImportTotals = z.object({
  rows: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  ok: z.number().int(),
  repaired: z.number().int(),
  issues: z.array(z.object({ code: z.string(), severity: z.string(), count: z.number().int() })),
});

const ImportReport = z
  .object({
    id: z.uuid(),
    catalog: z.string(),
    fileName: z.string().nullable(),
    status: z.enum(['running', 'completed', 'failed']),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
    totals: ImportTotals,
    failure: z.string().nullable(),
  })
  .meta({ id: 'CatalogImport' });

const ImportRow = z.object({
  rowNo: z.number().int(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  normalizerStatus: z.enum(['ok', 'repaired', 'rejected']),
  versionNo: z.number().int().nullable(),
  issues: z.array(CatalogIssue),
});

const Content = z
  .record(z.string(), z.unknown())
  .describe(
    'ProcedureVersionContent (see the ProcedureVersion schema); validated as a whole → 422 PROCEDURE_CONTENT_INVALID',
  );

const writeProblems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export const registerCatalogRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Search procedures without diacritics, typo-tolerant, ranked (public)',
        description:
          'Three passes, stopping at the first with results (`match`): the phrase as typed (accent-insensitive), ' +
          'every word in any order, then similar words (typos). Without `catalog`, every catalog is searched, ' +
          'province entries first, and each procedure is listed once: a province’s published version in place ' +
          'of the national record it adopted (`total` counts procedures). `field` is a field code (G03-GD10) or a ' +
          'field name.',
        querystring: PageQuery.extend({
          q: z.string().trim().max(200).optional(),
          catalog: CatalogKey.optional(),
          level: ProcedureLevel.optional(),
          field: z.string().trim().min(1).max(200).optional(),
          agency: z.uuid().optional(),
          online: OnlineLevel.optional(),
          drafts: z
            .enum(['true', 'false'])
            .transform((value) => value === 'true')
            .optional()
            .describe('include draft-only procedures (managers of the catalog)'),
        }),
        response: {
          200: pageOf(ProcedureItem).extend({ match: z.enum(['all', 'phrase', 'words', 'similar', 'none']) }),
          400: Problem,
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await findProcedures(ctx, request.actor, request.query);
      return { ...result, page, pageSize };
    },
  );

  api.post(
    '/api/v1/procedures',
    {
      config: OFFICIAL,
      schema: {
        tags: ['procedures'],
        summary: 'Add a procedure to a province catalog: adopt a national one, or a local one (draft v1)',
        body: z
          .object({
            catalog: ProvinceCatalog,
            fromNational: NationalCode.optional(),
            content: Content.optional(),
          })
          .refine((body) => (body.fromNational === undefined) !== (body.content === undefined), {
            message: 'give exactly one of fromNational and content',
            path: ['fromNational'],
          }),
        response: { 201: ProcedureDetail, ...writeProblems },
      },
    },
    async (request, reply) => {
      const { catalog, fromNational, content } = request.body;
      const created = await createProcedure(ctx, request.actor, {
        catalog,
        fromNational,
        content,
        language: request.language,
      });
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/api/v1/procedures/export',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Export the current published versions of a catalog as JSON (streamed; re-importable)',
        querystring: z.object({ catalog: CatalogKey.default(NATIONAL_CATALOG) }),
        response: {
          200: {
            description: 'The catalog file (streamed; sent as an attachment)',
            content: { 'application/json': { schema: CatalogExport } },
          },
        },
      },
    },
    async (request, reply) => {
      const { catalog } = request.query;
      const stream = Readable.from(streamCatalogExport(ctx.db, { catalog, now: ctx.clock.now() }));
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="procedures-${catalog}.json"`)
        .send(stream as never);
    },
  );

  api.post(
    '/api/v1/procedures/imports',
    {
      config: OFFICIAL,
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['procedures'],
        summary: 'Import a catalog file (National TTHC database format or a motcua export) into a province catalog',
        description:
          'The body is the file itself: `{ "procedures": [...] }` or a bare array (up to 20 MB). Records are ' +
          'normalised; rejected ones are reported and never stop the import; importing the same file twice changes ' +
          'nothing. Imports into the caller’s province unless `catalog` is given.',
        querystring: z.object({
          catalog: ProvinceCatalog.optional(),
          fileName: z.string().trim().min(1).max(500).optional(),
        }),
        body: CatalogFile,
        response: { 201: ImportReport, 400: Problem, 401: Problem, 403: Problem, 413: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const report = await importProceduresFromBody(ctx, request.actor, {
        body: request.body,
        catalog: request.query.catalog,
        fileName: request.query.fileName,
      });
      return reply.code(201).send(report);
    },
  );

  api.get(
    '/api/v1/procedures/imports/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['procedures'],
        summary: 'An import and its totals (province administrators of its catalog)',
        params: z.object({ id: z.uuid() }),
        response: { 200: ImportReport, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => getCatalogImport(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/procedures/imports/:id/rows',
    {
      config: OFFICIAL,
      schema: {
        tags: ['procedures'],
        summary: 'Per-row report of an import: outcome and every repair or rejection reason (vi/en)',
        params: z.object({ id: z.uuid() }),
        querystring: PageQuery.extend({
          outcome: z.enum(['created', 'updated', 'unchanged', 'rejected']).optional(),
          status: z.enum(['ok', 'repaired', 'rejected']).optional(),
        }),
        response: { 200: pageOf(ImportRow), 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { page, pageSize, outcome, status } = request.query;
      const result = await listCatalogImportReportRows(ctx, request.actor, {
        id: request.params.id,
        outcome,
        status,
        page,
        pageSize,
      });
      return { items: result.items, total: result.total, page, pageSize };
    },
  );

  api.get(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags: ['procedures'],
        summary: 'A procedure: current published version (or the one in force on `at`), history, receiving agencies',
        params: z.object({ code: ProcedureCode }),
        querystring: z.object({ catalog: CatalogKey.default(NATIONAL_CATALOG), at: IsoDate.optional() }),
        response: { 200: ProcedureDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => getProcedureDetail(ctx, request.actor, { ...request.query, code: request.params.code }),
  );

  api.get(
    '/api/v1/procedures/:code/versions/:no',
    {
      schema: {
        tags: ['procedures'],
        summary: 'One version of a procedure with its content (drafts: managers of the catalog)',
        params: z.object({ code: ProcedureCode, no: VersionNo }),
        querystring: z.object({ catalog: CatalogKey.default(NATIONAL_CATALOG) }),
        response: { 200: VersionWithRow, 400: Problem, 404: Problem },
      },
    },
    async (request) =>
      getProcedureVersionDetail(ctx, request.actor, {
        catalog: request.query.catalog,
        code: request.params.code,
        versionNo: request.params.no,
      }),
  );

  api.post(
    '/api/v1/procedures/:code/versions',
    {
      config: OFFICIAL,
      schema: {
        tags: ['procedures'],
        summary: 'Start the next version as a draft (from content, from the national catalog, or a copy)',
        params: z.object({ code: ProcedureCode }),
        querystring: z.object({ catalog: ProvinceCatalog }),
        body: z.object({
          expectedVersion: ExpectedVersion,
          content: Content.optional(),
          fromNational: z.boolean().optional(),
        }),
        response: { 201: VersionWithRow, ...writeProblems },
      },
    },
    async (request, reply) => {
      const { expectedVersion, content, fromNational } = request.body;
      const created = await createDraftVersion(ctx, request.actor, {
        catalog: request.query.catalog,
        code: request.params.code,
        expectedVersion,
        fromNational,
        content,
        language: request.language,
      });
      return reply.code(201).send(created);
    },
  );

  api.put(
    '/api/v1/procedures/:code/versions/:no',
    {
      config: OFFICIAL,
      schema: {
        tags: ['procedures'],
        summary: 'Edit a draft version (a published version answers 409: it is never rewritten)',
        params: z.object({ code: ProcedureCode, no: VersionNo }),
        querystring: z.object({ catalog: ProvinceCatalog }),
        body: z.object({ expectedVersion: ExpectedVersion, content: Content }),
        response: { 200: VersionWithRow, ...writeProblems },
      },
    },
    async (request) =>
      editDraftVersion(ctx, request.actor, {
        catalog: request.query.catalog,
        code: request.params.code,
        versionNo: request.params.no,
        expectedVersion: request.body.expectedVersion,
        content: request.body.content,
        language: request.language,
      }),
  );

  api.post(
    '/api/v1/procedures/:code/versions/:no/publish',
    {
      config: OFFICIAL,
      schema: {
        tags: ['procedures'],
        summary: 'Publish a draft from a date; the previous version ends the day before',
        params: z.object({ code: ProcedureCode, no: VersionNo }),
        querystring: z.object({ catalog: ProvinceCatalog }),
        body: z.object({ expectedVersion: ExpectedVersion, effectiveFrom: IsoDate }),
        response: { 200: VersionWithRow, ...writeProblems },
      },
    },
    async (request) =>
      publishProcedureVersion(ctx, request.actor, {
        catalog: request.query.catalog,
        code: request.params.code,
        versionNo: request.params.no,
        ...request.body,
      }),
  );

  api.put(
    '/api/v1/procedures/:code/agencies',
    {
      config: OFFICIAL,
      schema: {
        tags: ['procedures'],
        summary: 'Set the agencies of the province that receive (and implement) the procedure',
        params: z.object({ code: ProcedureCode }),
        querystring: z.object({ catalog: ProvinceCatalog }),
        body: z.object({
          expectedVersion: ExpectedVersion,
          agencies: z.array(z.object({ agencyId: z.uuid(), role: z.enum(['receiving', 'implementing']) })).max(2000),
        }),
        response: {
          200: z.object({ rowVersion: z.number().int(), agencies: z.array(ProcedureAgency) }),
          ...writeProblems,
        },
      },
    },
    async (request) =>
      setProcedureAgencies(ctx, request.actor, {
        catalog: request.query.catalog,
        code: request.params.code,
        ...request.body,
      }),
  );
};
