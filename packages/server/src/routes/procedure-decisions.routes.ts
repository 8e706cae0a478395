import { DECISION_NUMBER_PATTERN, LOCAL_CODE_PATTERN, PROCEDURE_CHANGE_KINDS } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { findRequestProvince, getPublicCatalog, getPublicProvince } from '../http/request-site.js';
import { IsoDate, Problem } from '../http/schemas.js';
import {
  changeProcedureDecisionDraft,
  draftProcedureDecision,
  getManagedProcedureDecision,
  getPublishedProcedureDecision,
  listManagedProcedureDecisions,
  listPublishedProcedureDecisions,
  publishProcedureDecision,
} from '../usecases/portal-decisions/decisions.js';
import { listDecisionsOfProcedure, listProcedureForms } from '../usecases/portal-decisions/procedure-forms.js';

const ProvinceCode = z.string().regex(/^\d{2}$/, { message: 'msg:PROVINCE_CODE' });
const CatalogKey = z
  .string()
  .regex(/^(national|\d{2})$/)
  .describe('"national" or the 2-digit code of the province whose catalog');
const ProcedureCode = z.string().regex(LOCAL_CODE_PATTERN).describe('national code (1.001193) or local code');
const ChangeKind = z.enum(PROCEDURE_CHANGE_KINDS).describe('new (mới ban hành), amended (sửa đổi, bổ sung), abolished');
const Label = z.object({ vi: z.string(), en: z.string() });
const Cursor = z.string().max(200).optional().describe('nextCursor of the previous page');
const Limit = z.coerce.number().int().min(1).max(50).default(20);

const DecisionFields = z.object({
  number: z
    .string()
    .trim()
    .regex(DECISION_NUMBER_PATTERN, { message: 'msg:DECISION_NUMBER' })
    .describe('number and symbol as printed, e.g. 1234/QĐ-UBND'),
  signedOn: IsoDate,
  title: z.string().trim().min(1).max(1000),
  effectiveOn: IsoDate.nullable().optional(),
  signer: z.string().trim().min(1).max(200).nullable().optional(),
});

const DecisionItemBody = z.object({
  procedureCode: ProcedureCode,
  changeKind: ChangeKind,
  procedureName: z.string().trim().min(1).max(2000).optional(),
});

const DecisionItem = z.object({
  position: z.number().int(),
  catalog: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  changeKind: ChangeKind,
  changeLabel: Label,
  inCatalog: z.boolean().describe('the catalog holds the procedure (its page exists)'),
  abolished: z.boolean().describe('abolished by this decision or since: its page is kept as history'),
  versionNo: z.number().int().nullable().describe('the version the change published, where one exists'),
  pageUrl: z.string().nullable().describe('the portal page of the procedure'),
});

const ProcedureDecision = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    number: z.string(),
    signedOn: IsoDate,
    title: z.string(),
    effectiveOn: IsoDate.nullable(),
    signer: z.string().nullable(),
    importId: z.uuid().nullable(),
    status: z.enum(['draft', 'published']),
    publishedAt: z.string().nullable(),
    version: z.number().int(),
    items: z.array(DecisionItem),
  })
  .meta({ id: 'ProcedureDecision', description: 'A decision announcing changes of the province catalog' });

const DecisionSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  signedOn: IsoDate,
  title: z.string(),
  effectiveOn: IsoDate.nullable(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  counts: z.object({ new: z.number().int(), amended: z.number().int(), abolished: z.number().int() }),
});

const DecisionPage = z
  .object({ items: z.array(DecisionSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'ProcedureDecisionPage' });

const ProcedureForms = z
  .object({
    catalog: z.string(),
    code: z.string(),
    name: z.string(),
    items: z.array(
      z.object({
        componentKey: z.string(),
        componentName: z.string(),
        name: z.string().describe('the form’s name (TENMAUDON)'),
        fileName: z.string().nullable(),
        fileType: z.string().nullable().describe('PDF, DOC, DOCX…'),
        sizeBytes: z.number().int().nullable(),
        url: z.string().nullable().describe('null when the catalog names the form but holds no file'),
      }),
    ),
  })
  .meta({ id: 'ProcedureForms' });

const DecisionsOfProcedure = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        signedOn: IsoDate,
        title: z.string(),
        effectiveOn: IsoDate.nullable(),
        changeKind: ChangeKind,
        changeLabel: Label,
      }),
    ),
  })
  .meta({ id: 'DecisionsOfProcedure' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const publicErrors = { 400: Problem, 404: Problem };
/** Public notices change only when an editor publishes: a short shared cache spares the database. */
const PUBLIC_CACHE = 'public, max-age=300';

/** Decisions announcing catalog changes: drafted and published by editors, read by everyone on the portal. */
export const registerProcedureDecisionRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/procedure-decisions',
    {
      config: OFFICIAL,
      schema: {
        tags: ['portal-decisions'],
        summary: 'The province’s procedure decisions, drafts and published, newest signature first (keyset)',
        description: 'For the portal editors (portal.publish) and the catalog managers (procedure.manage).',
        querystring: z.object({
          province: ProvinceCode.optional(),
          status: z.enum(['draft', 'published']).optional(),
          cursor: Cursor,
          limit: Limit,
        }),
        response: { 200: DecisionPage.extend({ provinceCode: z.string() }), ...errors },
      },
    },
    async (request) => listManagedProcedureDecisions(ctx, request.actor, request.query),
  );

  api.post(
    '/api/v1/procedure-decisions',
    {
      config: OFFICIAL,
      schema: {
        tags: ['portal-decisions'],
        summary: 'Draft a decision, with the procedures given or those a catalog import run created and updated',
        body: DecisionFields.extend({
          province: ProvinceCode.optional(),
          importId: z
            .uuid()
            .optional()
            .describe('fill the list from this import run: created → new, updated → amended'),
          items: z.array(DecisionItemBody).max(2000).optional(),
        }),
        response: { 201: ProcedureDecision, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await draftProcedureDecision(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/procedure-decisions/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['portal-decisions'],
        summary: 'One decision for its editors (a draft too)',
        params: z.object({ id: z.uuid() }),
        response: { 200: ProcedureDecision, ...errors },
      },
    },
    async (request) => getManagedProcedureDecision(ctx, request.actor, request.params.id),
  );

  api.put(
    '/api/v1/procedure-decisions/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['portal-decisions'],
        summary: 'Change a draft (its fields and, when given, its whole list) at the version read',
        params: z.object({ id: z.uuid() }),
        body: DecisionFields.extend({
          version: z.number().int().min(1),
          items: z.array(DecisionItemBody).max(2000).optional(),
        }),
        response: { 200: ProcedureDecision, ...errors },
      },
    },
    async (request) => changeProcedureDecisionDraft(ctx, request.actor, { ...request.body, id: request.params.id }),
  );

  api.post(
    '/api/v1/procedure-decisions/:id/publication',
    {
      config: OFFICIAL,
      schema: {
        tags: ['portal-decisions'],
        summary: 'Publish a draft as a public notice on the portal (422 with the reasons when it cannot be)',
        params: z.object({ id: z.uuid() }),
        body: z.object({ version: z.number().int().min(1) }),
        response: { 200: ProcedureDecision, ...errors },
      },
    },
    async (request) =>
      publishProcedureDecision(ctx, request.actor, { id: request.params.id, version: request.body.version }),
  );

  // ——— public: the portal's notices, readable without signing in ———

  api.get(
    '/api/v1/public/procedure-decisions',
    {
      schema: {
        tags: ['portal-decisions'],
        summary: 'The published procedure decisions of a province, newest signature first (keyset)',
        querystring: z.object({
          province: ProvinceCode.optional().describe('the 2-digit province code; absent: the province of the host'),
          cursor: Cursor,
          limit: Limit,
        }),
        response: { 200: DecisionPage, ...publicErrors },
      },
    },
    async (request, reply) => {
      const province = await getPublicProvince(ctx, request, request.query.province);
      void reply.header('cache-control', PUBLIC_CACHE).header('vary', 'Host');
      return listPublishedProcedureDecisions(ctx, { ...request.query, province });
    },
  );

  api.get(
    '/api/v1/public/procedure-decisions/:id',
    {
      schema: {
        tags: ['portal-decisions'],
        summary: 'A published decision with the procedures it changed, each linked to its page (404 for a draft)',
        params: z.object({ id: z.uuid() }),
        response: { 200: ProcedureDecision, ...publicErrors },
      },
    },
    async (request, reply) => {
      const decision = await getPublishedProcedureDecision(
        ctx,
        request.params.id,
        await findRequestProvince(ctx, request),
      );
      void reply.header('cache-control', PUBLIC_CACHE);
      return decision;
    },
  );

  api.get(
    '/api/v1/public/procedures/:code/decisions',
    {
      schema: {
        tags: ['portal-decisions'],
        summary: 'The published decisions that changed a procedure, newest first',
        params: z.object({ code: ProcedureCode }),
        querystring: z.object({ catalog: CatalogKey.default('national') }),
        response: { 200: DecisionsOfProcedure, ...publicErrors },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', PUBLIC_CACHE);
      return listDecisionsOfProcedure(ctx, {
        catalog: await getPublicCatalog(ctx, request, request.query.catalog),
        code: request.params.code,
      });
    },
  );

  api.get(
    '/api/v1/public/procedures/:code/forms',
    {
      schema: {
        tags: ['portal-decisions'],
        summary:
          'The forms (mẫu đơn, tờ khai) of a procedure with their names and file types; a link where a file exists',
        params: z.object({ code: ProcedureCode }),
        querystring: z.object({ catalog: CatalogKey.default('national') }),
        response: { 200: ProcedureForms, ...publicErrors },
      },
    },
    async (request, reply) => {
      const forms = await listProcedureForms(ctx, {
        catalog: await getPublicCatalog(ctx, request, request.query.catalog),
        code: request.params.code,
      });
      void reply.header('cache-control', PUBLIC_CACHE);
      return forms;
    },
  );
};
