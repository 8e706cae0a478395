import multipart from '@fastify/multipart';
import { COMMENT_RESPONSES, CONSULTATION_STATUSES } from '@motcua/domain';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import { readUploadedFile } from '../http/uploads.js';
import { renderConsultationSummary } from '../pdf/render-consultation-summary.js';
import { buildConsultationSummaryWorkbook } from '../reports/consultation-summary-workbook.js';
import {
  answerConsultation,
  closeConsultation,
  createConsultation,
  openConsultation,
  respondToComment,
  summariseConsultation,
  uploadConsultationDraft,
} from '../usecases/work/consultations/consultation-steps.js';
import {
  findConsultationList,
  getConsultation,
  listOutgoingConsultations,
  loadConsultationSummary,
  openConsultationDraft,
} from '../usecases/work/consultations/read-consultation.js';

const Label = z.object({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant');
const Status = z.enum(CONSULTATION_STATUSES);
const Version = z.number().int().min(1);
const Answer = z.enum(['agree', 'comments']).nullable();

const StoredDraft = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    name: z.string().min(1).max(255),
    size: z.number().int(),
    contentType: z.string().max(200),
  })
  .strict()
  .meta({ id: 'ConsultationDraftFile', description: 'An uploaded draft file (POST /api/v1/consultation-files)' });

const ConsultationListItem = z
  .object({
    id: z.string(),
    title: z.string(),
    agencyId: z.string(),
    agencyName: z.string(),
    status: Status,
    statusLabel: Label,
    deadlineAt: Instant,
    recipientCount: z.number().int(),
    answeredCount: z.number().int(),
    outgoingDocumentId: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ConsultationListItem', description: 'A consultation on a draft (lấy ý kiến dự thảo)' });

const ConsultationDetail = z
  .object({
    id: z.string(),
    agencyId: z.string(),
    agencyName: z.string(),
    title: z.string(),
    requestText: z.string().nullable(),
    outgoingDocumentId: z.string().nullable(),
    draft: z.object({ name: z.string(), size: z.number(), contentType: z.string() }),
    deadlineAt: Instant,
    status: Status,
    statusLabel: Label,
    createdBy: z.string(),
    createdByName: z.string().nullable(),
    openedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    summarisedAt: Instant.nullable(),
    version: z.number().int(),
    canManage: z.boolean(),
    answerFor: z.array(z.object({ id: z.string(), name: z.string(), answer: Answer })),
    recipients: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['agency', 'official']),
        agencyId: z.string().nullable(),
        userId: z.string().nullable(),
        name: z.string(),
        answer: Answer,
        answeredAt: Instant.nullable(),
        answeredByName: z.string().nullable(),
      }),
    ),
    comments: z.array(
      z.object({
        id: z.string(),
        recipientId: z.string(),
        recipientName: z.string(),
        articleRef: z.string().nullable(),
        articleNo: z.number().int().nullable(),
        body: z.string(),
        authorName: z.string(),
        createdAt: Instant,
        response: z.enum(COMMENT_RESPONSES).nullable(),
        responseLabel: Label.nullable(),
        responseText: z.string().nullable(),
        respondedByName: z.string().nullable(),
      }),
    ),
    summary: z.object({
      isComplete: z.boolean(),
      unanswered: z.number().int(),
      counts: z.object({
        recipients: z.number().int(),
        answered: z.number().int(),
        agreed: z.number().int(),
        comments: z.number().int(),
      }),
    }),
    events: z.array(
      z.object({
        seq: z.number().int(),
        at: Instant,
        action: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string().nullable(),
        actorName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ConsultationDetail', description: 'A consultation with its recipients, comments and responses' });

const ConsultationChanged = z
  .object({ id: z.string(), status: Status, version: z.number().int() })
  .meta({ id: 'ConsultationChanged' });

const NewConsultation = z
  .object({
    agencyId: z.uuid(),
    title: z.string().trim().min(1).max(500),
    requestText: z.string().trim().max(4000).nullable().optional(),
    deadlineAt: z.iso.datetime({ offset: true }),
    outgoingDocumentId: z.uuid().nullable().optional(),
    draftFile: StoredDraft.optional(),
    recipients: z
      .array(z.object({ agencyId: z.uuid().optional(), userId: z.uuid().optional() }).strict())
      .min(1)
      .max(200),
  })
  .strict()
  .meta({
    id: 'ConsultationInput',
    description: 'A new consultation: the draft (an outgoing document draft or an uploaded file), recipients, deadline',
  });

const AnswerBody = z
  .object({
    recipientId: z.uuid().optional(),
    agree: z.boolean(),
    comments: z
      .array(
        z
          .object({
            articleRef: z.string().trim().max(100).nullable().optional(),
            body: z.string().trim().min(1).max(8000),
          })
          .strict(),
      )
      .max(200)
      .default([]),
  })
  .strict()
  .meta({
    id: 'ConsultationAnswerInput',
    description: 'Agree with the draft (no comment), or comments per article ("khoản 2 Điều 3") or general',
  });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const IdParams = z.object({ id: z.uuid() });
const Expected = z.object({ expectedVersion: Version }).strict();
const changed = (row: { id: string; status: (typeof CONSULTATION_STATUSES)[number]; version: number }) => ({
  id: row.id,
  status: row.status,
  version: row.version,
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_MAX = 20 * 1024 * 1024;

/** Consultations on drafts (lấy ý kiến dự thảo, issue 20 item 4). */
export const registerConsultationRoutes = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/consultations',
    {
      config: OFFICIAL,
      schema: {
        tags: ['work'],
        summary: 'Consultations I (or the agencies I head) sent, or those I answer for, nearest deadline first',
        querystring: z.object({
          view: z.enum(['sent', 'to_answer']).default('sent'),
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({ items: z.array(ConsultationListItem), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => findConsultationList(ctx, request.actor, request.query),
  );

  api.post(
    '/api/v1/consultations',
    {
      config: OFFICIAL,
      schema: {
        tags: ['work'],
        summary: 'Create a consultation (draft) from an outgoing document draft or an uploaded file',
        body: NewConsultation,
        response: { 201: ConsultationChanged, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        changed(
          await createConsultation(ctx, request.actor, {
            ...request.body,
            deadlineAt: new Date(request.body.deadlineAt),
          }),
        ),
      ),
  );

  api.get(
    '/api/v1/consultations/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['work'],
        summary: 'A consultation: recipients and who answered, comments per article, responses, history',
        params: IdParams,
        response: { 200: ConsultationDetail, ...errors },
      },
    },
    async (request) => getConsultation(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/consultations/:id/draft',
    {
      config: OFFICIAL,
      schema: {
        tags: ['work'],
        summary: 'The draft file sent for comments',
        params: IdParams,
        produces: [
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.oasis.opendocument.text',
          'application/msword',
        ],
      },
    },
    async (request, reply) => {
      const file = await openConsultationDraft(ctx, request.actor, request.params.id);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.stream);
    },
  );

  const step = (path: string, summary: string, run: typeof openConsultation) =>
    api.post(
      `/api/v1/consultations/:id/${path}`,
      {
        config: OFFICIAL,
        schema: {
          tags: ['work'],
          summary,
          params: IdParams,
          body: Expected,
          response: { 200: ConsultationChanged, ...errors },
        },
      },
      async (request) => changed(await run(ctx, request.actor, { id: request.params.id, ...request.body })),
    );
  step('open', 'Send the draft for comments: recipients get a notice', openConsultation);
  step('close', 'End the consultation (before the deadline)', closeConsultation);
  step('summarise', 'Finalise the summary table (every comment answered)', summariseConsultation);

  api.post(
    '/api/v1/consultations/:id/answers',
    {
      config: OFFICIAL,
      schema: {
        tags: ['work'],
        summary:
          'Answer for my agency or myself: agree, or comments per article or general (once, before the deadline)',
        params: IdParams,
        body: AnswerBody,
        response: { 200: ConsultationChanged, ...errors },
      },
    },
    async (request) =>
      changed(await answerConsultation(ctx, request.actor, { id: request.params.id, ...request.body })),
  );

  api.post(
    '/api/v1/consultations/:id/comments/:commentId/response',
    {
      config: OFFICIAL,
      schema: {
        tags: ['work'],
        summary: 'The drafter’s response to a comment: tiếp thu, tiếp thu một phần or giải trình',
        params: z.object({ id: z.uuid(), commentId: z.uuid() }),
        body: z
          .object({
            expectedVersion: Version,
            response: z.enum(COMMENT_RESPONSES),
            responseText: z.string().trim().max(8000).nullable().optional(),
          })
          .strict(),
        response: { 200: ConsultationChanged, ...errors },
      },
    },
    async (request) =>
      changed(
        await respondToComment(ctx, request.actor, {
          id: request.params.id,
          commentId: request.params.commentId,
          ...request.body,
        }),
      ),
  );

  api.get(
    '/api/v1/consultations/:id/summary.pdf',
    {
      config: OFFICIAL,
      schema: {
        tags: ['work'],
        summary: 'Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý (PDF, Decree 30/2020 layout)',
        params: IdParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await renderConsultationSummary(await loadConsultationSummary(ctx, request.actor, request.params.id));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="tong-hop-y-kien-${request.params.id.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );

  api.get(
    '/api/v1/consultations/:id/summary.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags: ['work'],
        summary: 'The summary table as an Excel workbook',
        params: IdParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const workbook = await buildConsultationSummaryWorkbook(
        await loadConsultationSummary(ctx, request.actor, request.params.id),
      );
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="tong-hop-y-kien-${request.params.id.slice(0, 8)}.xlsx"`)
        .send(workbook);
    },
  );

  api.get(
    '/api/v1/outgoing-documents/:id/consultations',
    {
      config: OFFICIAL,
      schema: {
        tags: ['work'],
        summary: 'The consultations on an outgoing draft (their summaries go with it to approval)',
        params: IdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                status: Status,
                deadlineAt: Instant,
                summarisedAt: Instant.nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({ items: await listOutgoingConsultations(ctx, request.actor, request.params.id) }),
  );

  const uploadScope: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: UPLOAD_MAX, files: 1, fields: 2, parts: 3, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/consultation-files',
      {
        config: OFFICIAL,
        bodyLimit: UPLOAD_MAX + 256 * 1024,
        schema: {
          tags: ['work'],
          summary: 'Upload a draft file for a consultation (PDF, DOCX, ODT, DOC; multipart, one file)',
          consumes: ['multipart/form-data'],
          response: { 201: StoredDraft, ...errors, 413: Problem },
        },
      },
      async (request, reply) => {
        const file = await readUploadedFile(request, UPLOAD_MAX);
        return reply.code(201).send(
          await uploadConsultationDraft(ctx, request.actor, {
            content: file.content,
            fileName: file.fileName ?? 'du-thao',
          }),
        );
      },
    );
  };
  await app.register(uploadScope);
};
