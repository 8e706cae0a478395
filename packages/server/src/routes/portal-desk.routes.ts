import { DossierRatingInput, LOCAL_CODE_PATTERN } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { DossierCode, Problem } from '../http/schemas.js';
import { sendStoredFile } from '../http/stored-files.js';
import { readUploadedFile, uploadBodyLimit } from '../http/uploads.js';
import { generateResultDocument, getOfficialDocument } from '../usecases/dossiers/results.js';
import { attachOfficialDocument } from '../usecases/portal/desk/attach-document.js';
import { uploadProcedureTemplate } from '../usecases/portal/desk/procedure-templates.js';
import { recordDeskRating } from '../usecases/portal/feedback/ratings.js';
import { AttachedDocument, DossierRatingReceipt, ProcedureTemplate, ResultDocument } from './portal.schemas.js';

const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  415: Problem,
  422: Problem,
};

/** What officials do for the portal: attach result documents, record desk ratings, upload form templates. */
export const registerPortalDeskRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/dossiers/:code/documents',
    {
      config: OFFICIAL,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: ['dossiers'],
        summary:
          'Attach a file to a dossier: a result document (for `complete`, verified publicly by its hash) or a scan',
        consumes: ['multipart/form-data'],
        params: z.object({ code: DossierCode }),
        querystring: z.object({
          kind: z.enum(['result', 'component']).default('result'),
          name: z.string().trim().min(2).max(500),
          documentNo: z.string().trim().max(100).optional(),
          component: z
            .string()
            .regex(/^[a-z0-9]+([-_][a-z0-9]+)*$/)
            .max(64)
            .optional(),
        }),
        response: { 201: AttachedDocument, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
      const document = await attachOfficialDocument(ctx, request.actor, {
        code: request.params.code,
        kind: request.query.kind,
        name: request.query.name,
        documentNo: request.query.documentNo,
        componentKey: request.query.component,
        file,
      });
      return reply.code(201).send(document);
    },
  );

  api.post(
    '/api/v1/dossiers/:code/results/generate',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'Generate the result document from the result template of the dossier’s procedure version (PDF)',
        description:
          'Fills the template with the dossier’s data and its filled application form, prints it as a Decree ' +
          '30/2020 A4 document (agency, number, date, national motto, signature block, QR code of its ' +
          'verification page /v/<id>), stores it content-addressed and lists it on the dossier as a result; ' +
          'its id goes into results[].documentId of the complete action. Same rule as attaching a result ' +
          '(processors and approvers of the holding agency, or the desk, while processing or completed). 422 ' +
          'RESULT_TEMPLATE_MISSING without a template, RESULT_TEMPLATE_INCOMPLETE when a value is missing.',
        params: z.object({ code: DossierCode }),
        body: z.object({
          documentNo: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .describe('The number and symbol the agency gives the document (số, ký hiệu), e.g. "215/2026/GKS"'),
        }),
        response: { 201: ResultDocument, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await generateResultDocument(ctx, request.actor, {
          code: request.params.code,
          documentNo: request.body.documentNo,
        }),
      ),
  );

  api.get(
    '/api/v1/dossiers/:code/documents/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'Download a file of the dossier (a scan handed in, a result document): who may read the dossier',
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        params: z.object({ code: DossierCode, id: z.uuid() }),
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const document = await getOfficialDocument(ctx, request.actor, request.params);
      return sendStoredFile(ctx, reply, {
        sha256: document.sha256,
        mediaType: document.mediaType,
        fileName: document.name,
      });
    },
  );

  api.post(
    '/api/v1/dossiers/:code/rating',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'Record the rating an applicant gave at the desk (counter officers of the receiving agency)',
        params: z.object({ code: DossierCode }),
        body: DossierRatingInput,
        response: { 201: DossierRatingReceipt, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordDeskRating(ctx, request.actor, request.params.code, request.body)),
  );

  api.put(
    '/api/v1/procedures/:code/templates/:key',
    {
      config: OFFICIAL,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: ['procedures'],
        summary: 'Upload the official form template of a component (PDF, DOC or DOCX; catalog managers)',
        consumes: ['multipart/form-data'],
        params: z.object({
          code: z.string().regex(LOCAL_CODE_PATTERN),
          key: z
            .string()
            .regex(/^[a-z0-9]+([-_][a-z0-9]+)*$/)
            .max(64),
        }),
        querystring: z.object({ catalog: z.string().regex(/^\d{2}$/, { message: 'msg:PROVINCE_CODE' }) }),
        response: { 200: ProcedureTemplate, ...errors },
      },
    },
    async (request) => {
      const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
      return uploadProcedureTemplate(ctx, request.actor, {
        catalog: request.query.catalog,
        code: request.params.code,
        key: request.params.key,
        file,
      });
    },
  );
};
