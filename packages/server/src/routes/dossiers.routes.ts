import {
  Applicant,
  DOSSIER_ACTIONS,
  DOSSIER_STATUS_VALUES,
  type DossierAction,
  parseInstant,
  Submitter,
} from '@motcua/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { formatValidationIssue } from '../errors/validation-messages.js';
import { OFFICIAL } from '../http/auth.js';
import { idempotencyOf } from '../http/idempotency-key.js';
import { DossierCode, Problem } from '../http/schemas.js';
import { listDossierActions, performDossierAction } from '../usecases/dossiers/actions.js';
import { renderOfficialApplicationForm } from '../usecases/dossiers/application-form.js';
import { DOSSIER_FORMS, type DossierFormName, renderDossierForm } from '../usecases/dossiers/forms.js';
import { receiveAtCounter } from '../usecases/dossiers/intake.js';
import {
  countInboxBoxes,
  DOSSIER_EXPORT_FORMAT,
  exportDossier,
  findInboxDossiers,
  getDossier,
  getDossierEvents,
  listDossierAssignees,
} from '../usecases/dossiers/read.js';
import {
  CounterIntakeResult,
  DossierActionResult,
  DossierEvent,
  DossierView,
  FormName,
  InboxCounts,
  InboxItem,
} from './dossiers.schemas.js';

const Reason = z.string().trim().min(3).max(2000);
const Instant = z.string().refine(
  (value) => {
    try {
      parseInstant(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'msg:INSTANT' },
);

/** The parameters of each action (validated per action; see the state-machine table for the rules). */
const ACTION_PARAMS: Record<DossierAction, ZodType> = {
  receive: z.object({}).strict(),
  request_intake_supplement: z.object({
    missing: z.array(z.string().trim().min(1).max(500)).min(1).max(50),
    reason: Reason,
  }),
  refuse: z.object({ reason: Reason }),
  applicant_supplement: z.object({ note: z.string().trim().max(2000).optional() }),
  forward: z.object({ assigneeUserId: z.uuid().optional() }),
  accept_handoff: z.object({}).strict(),
  assign: z.object({ assigneeUserId: z.uuid() }),
  complete_step: z.object({ note: z.string().trim().max(2000).optional(), assigneeUserId: z.uuid().optional() }),
  return_step: z.object({ reason: Reason }),
  request_supplement: z.object({ missing: z.array(z.string().trim().min(1).max(500)).min(1).max(50), reason: Reason }),
  request_payment: z.object({ reason: Reason, amountVnd: z.number().int().min(0).max(1e12) }),
  record_payment: z.object({
    amountVnd: z.number().int().min(0).max(1e12),
    receiptNo: z.string().trim().max(100).optional(),
  }),
  apologize: z.object({ newDueAt: Instant.transform((v) => parseInstant(v)), reason: Reason }),
  complete: z.object({ outcome: z.enum(['approved', 'rejected']), note: z.string().trim().max(2000).optional() }),
  stop: z.object({ reason: Reason }),
  withdraw: z.object({ reason: Reason }),
  return_result: z.object({ channel: z.enum(['counter', 'post', 'online']) }),
};

const parseParams = (request: FastifyRequest, action: DossierAction, value: unknown) => {
  const result = ACTION_PARAMS[action].safeParse(value ?? {});
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      in: 'body',
      pointer: `/params/${issue.path.join('/')}`.replace(/\/$/, ''),
      code: issue.code,
      message: formatValidationIssue(issue as never, request.language),
    }));
    throw new AppError('VALIDATION_FAILED', { count: errors.length }, { fieldProblems: errors });
  }
  return result.data;
};

const ComponentInput = z.object({
  key: z.string().min(1).max(100),
  originals: z.number().int().min(0).max(99),
  copies: z.number().int().min(0).max(99),
  fromData: z.boolean().optional(),
});

const IntakeBody = z
  .object({
    receivingAgencyId: z.uuid(),
    procedureCode: z.string().trim().min(3).max(64),
    channel: z.enum(['direct', 'postal']).default('direct'),
    applicant: Applicant,
    submitter: Submitter.optional(),
    summary: z.string().trim().max(1000).optional(),
    components: z.array(ComponentInput).max(200),
    outcome: z.enum(['receive', 'supplement', 'refuse']),
    missing: z.array(z.string().min(1).max(100)).max(100).optional(),
    reason: z.string().trim().max(2000).optional(),
    form: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        'The filled application form (FormValues) when the procedure version has one (applicationForm); checked ' +
          'against its definition (422 APPLICATION_INVALID with pointers /form/<key>[/<index>/<key>]). It stands ' +
          'for the component the form replaces; without it, that component must be handed in as paper.',
      ),
  })
  .meta({
    id: 'CounterIntake',
    examples: [
      {
        receivingAgencyId: '7b0f3f6e-2f3c-4f7d-9b7a-0a4e3f1d2c11',
        procedureCode: '1.001193',
        channel: 'direct',
        applicant: {
          kind: 'person',
          fullName: 'Nguyễn Văn An',
          idNumber: '033085001234',
          dateOfBirth: '1985-04-12',
          address: { text: 'Thôn Đông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
          phone: '0912345678',
        },
        components: [{ key: 'to-khai', originals: 1, copies: 0 }],
        outcome: 'receive',
      },
    ],
  });

const ActionBody = z
  .object({
    expectedVersion: z.number().int().min(1),
    params: z.record(z.string(), z.unknown()).default({}),
    note: z.string().trim().max(2000).optional(),
    results: z
      .array(
        z.object({
          name: z.string().trim().min(2).max(500),
          documentNo: z.string().trim().max(100).optional(),
          documentId: z.uuid().optional(),
        }),
      )
      .max(20)
      .optional(),
  })
  .meta({
    id: 'DossierActionRequest',
    description:
      'params depend on the action: request_supplement {missing[], reason}, request_payment {reason, amountVnd}, ' +
      'apologize {newDueAt, reason}, complete {outcome} (+ results[]), return_result {channel}, refuse/stop/withdraw/return_step {reason}, ' +
      'assign {assigneeUserId}; the others take none.',
    examples: [
      { expectedVersion: 3, params: { missing: ['Giấy chứng sinh'], reason: 'Thiếu bản chính giấy chứng sinh' } },
    ],
  });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export const registerDossierRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/dossiers',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'Counter intake: receive (Mẫu 01), guide to supplement (Mẫu 02) or refuse (Mẫu 03)',
        description:
          'Checks the components against the procedure version in force, allocates the dossier code ' +
          '<agency>-YYMMDD-NNNN atomically and computes the appointment in legal working time. Send an ' +
          'Idempotency-Key header to make retries safe.',
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }).passthrough(),
        body: IntakeBody,
        response: { 201: CounterIntakeResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await receiveAtCounter(ctx, request.actor, request.body, idempotencyOf(request), request.language);
      if (result.replayed) {
        reply.header('idempotent-replayed', 'true');
      }
      return reply.code(result.statusCode).send(result.body);
    },
  );

  api.get(
    '/api/v1/dossiers',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'The officer’s inbox (mine, my agency, due soon, overdue, all), keyset-paginated',
        querystring: z.object({
          box: z.enum(['all', 'mine', 'agency', 'due_soon', 'overdue']).default('agency'),
          status: z
            .union([
              z.enum(DOSSIER_STATUS_VALUES as [string, ...string[]]),
              z.array(z.enum(DOSSIER_STATUS_VALUES as [string, ...string[]])),
            ])
            .transform((v) => (Array.isArray(v) ? v : [v]))
            .optional(),
          procedure: z.string().max(64).optional(),
          field: z.string().max(200).optional(),
          q: z.string().trim().max(100).optional(),
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({ items: z.array(InboxItem), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) =>
      findInboxDossiers(ctx, request.actor, {
        ...request.query,
        status: request.query.status as never,
      }),
  );

  api.get(
    '/api/v1/dossiers/counts',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'How many dossiers wait in each inbox box (capped at 1,000)',
        response: { 200: InboxCounts, ...errors },
      },
    },
    async (request) => countInboxBoxes(ctx, request.actor),
  );

  api.get(
    '/api/v1/dossiers/:code/assignees',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'Officials of the holding agency the current step can be assigned to',
        params: z.object({ code: DossierCode }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                fullName: z.string(),
                title: z.string().nullable(),
                roles: z.array(z.string()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({ items: await listDossierAssignees(ctx, request.actor, request.params.code) }),
  );

  api.get(
    '/api/v1/dossiers/:code',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'One dossier with its steps, holder, due instants and documents',
        params: z.object({ code: DossierCode }),
        response: { 200: DossierView, ...errors },
      },
    },
    async (request) => getDossier(ctx, request.actor, request.params.code),
  );

  api.get(
    '/api/v1/dossiers/:code/events',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'The dossier’s history (append-only, hash-chained)',
        params: z.object({ code: DossierCode }),
        response: { 200: z.object({ items: z.array(DossierEvent) }), ...errors },
      },
    },
    async (request) => ({ items: await getDossierEvents(ctx, request.actor, request.params.code) }),
  );

  api.get(
    '/api/v1/dossiers/:code/export.json',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'The dossier as one self-contained record (hồ sơ điện tử), to archive or hand to another system',
        description:
          'The officer’s view (applicant, components, steps, documents, the filled application form with the ' +
          'definition of the dossier’s own procedure version) and its hash-chained history. Who may read the ' +
          'dossier may export it.',
        params: z.object({ code: DossierCode }),
        response: {
          200: z.object({
            format: z.literal(DOSSIER_EXPORT_FORMAT),
            exportedAt: z.string(),
            dossier: DossierView,
            events: z.array(DossierEvent),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const exported = await exportDossier(ctx, request.actor, request.params.code);
      return reply
        .header('content-disposition', `attachment; filename="${request.params.code}.json"`)
        .header('cache-control', 'private, no-store')
        .send(exported);
    },
  );

  api.get(
    '/api/v1/dossiers/:code/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'What the caller may do with the dossier now (and only that)',
        params: z.object({ code: DossierCode }),
        response: {
          200: z.object({
            version: z.number().int(),
            actions: z.array(
              z.object({
                action: z.enum(DOSSIER_ACTIONS as [DossierAction, ...DossierAction[]]),
                label: z.object({ vi: z.string(), en: z.string() }),
                form: FormName.optional(),
                actingAgencyId: z.uuid(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => listDossierActions(ctx, request.actor, request.params.code),
  );

  api.get(
    '/api/v1/dossiers/:code/forms/:file',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'A printed form of the dossier as PDF (Decree 30/2020 layout, Vietnamese)',
        description:
          'receipt.pdf (Mẫu 01, with the appointment, QR code and tracking PIN), supplement_request.pdf (Mẫu 02), ' +
          'refusal.pdf (Mẫu 03), apology.pdf (Mẫu 04), stop_notice.pdf (TT 03/2025 Mẫu 05), control_slip.pdf ' +
          '(Phiếu kiểm soát quá trình giải quyết), tracking_book.pdf (an extract of the tracking book). 404 ' +
          'FORM_NOT_AVAILABLE until the action producing the form has happened.',
        params: z.object({
          code: DossierCode,
          file: z.string().regex(new RegExp(`^(${DOSSIER_FORMS.join('|')})\\.pdf$`), { message: 'msg:FORM_FILE' }),
        }),
        produces: ['application/pdf'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const form = request.params.file.replace(/\.pdf$/, '') as DossierFormName;
      const pdf = await renderDossierForm(ctx, request.actor, request.params.code, form);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${request.params.code}-${form}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf as never);
    },
  );

  api.get(
    '/api/v1/dossiers/:code/application-form.pdf',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'The filled application form (tờ khai) of the dossier, printed as the official form (PDF)',
        description:
          'The form of the dossier’s procedure version with the values filled in online or at the counter; 404 ' +
          'when the dossier has no filled form. Who may read the dossier may print it.',
        params: z.object({ code: DossierCode }),
        produces: ['application/pdf'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const pdf = await renderOfficialApplicationForm(ctx, request.actor, request.params.code);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${request.params.code}-to-khai.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf as never);
    },
  );

  api.post(
    '/api/v1/dossiers/:code/actions/:action',
    {
      config: OFFICIAL,
      schema: {
        tags: ['dossiers'],
        summary: 'Take an action on a dossier (guarded by its version; Idempotency-Key supported)',
        params: z.object({ code: DossierCode, action: z.enum(DOSSIER_ACTIONS as [DossierAction, ...DossierAction[]]) }),
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }).passthrough(),
        body: ActionBody,
        response: { 200: DossierActionResult, ...errors },
      },
    },
    async (request, reply) => {
      const { code, action } = request.params;
      const params = parseParams(request, action, request.body.params);
      const result = await performDossierAction(
        ctx,
        request.actor,
        {
          code,
          action,
          params: params as never,
          expectedVersion: request.body.expectedVersion,
          note: request.body.note,
          results: request.body.results,
        },
        idempotencyOf(request),
      );
      if (result.replayed) {
        reply.header('idempotent-replayed', 'true');
      }
      return reply.code(result.statusCode).send(result.body);
    },
  );
};
