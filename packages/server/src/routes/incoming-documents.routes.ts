import { CONFIDENTIALITIES, INCOMING_ACTIONS, INCOMING_STATES, URGENCIES } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { sendStoredFile } from '../http/stored-files.js';
import { readUploadedFile, registerWithFileUpload, uploadBodyLimit } from '../http/uploads.js';
import { changeIncoming } from '../usecases/eoffice/incoming/change-incoming.js';
import {
  findIncomingInbox,
  findPendingDeliveries,
  getIncoming,
  getIncomingFile,
  getIncomingOptions,
  listRegisteringAgencies,
} from '../usecases/eoffice/incoming/read-incoming.js';
import {
  refuseDelivery,
  registerDeliveredIncoming,
  registerPaperIncoming,
  uploadIncomingScan,
} from '../usecases/eoffice/incoming/register-incoming.js';

const TAGS = ['eoffice'];
const Label = z.looseObject({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant');
const State = z.enum(INCOMING_STATES);
const Urgency = z.enum(URGENCIES);
const Confidentiality = z.enum(CONFIDENTIALITIES);
const Text = (max: number) => z.string().trim().min(1).max(max);

const IncomingListItem = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    incomingNumber: z.number().int(),
    receivedAt: Instant,
    registeredAt: Instant,
    channel: z.enum(['electronic', 'paper']),
    issuerName: z.string(),
    numberSymbol: z.string(),
    issuedOn: IsoDate,
    documentType: z.string(),
    documentTypeLabel: Label,
    subject: z.string(),
    urgency: Urgency,
    urgencyLabel: Label,
    confidentiality: Confidentiality,
    confidentialityLabel: Label,
    status: State,
    statusLabel: Label,
    dueOn: IsoDate.nullable(),
    overdue: z.boolean(),
    registeredLate: z
      .boolean()
      .describe('Registered after it was due (the same or the next working day; urgent: at once)'),
    version: z.number().int(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'IncomingListItem', description: 'A line of the incoming register (sổ đăng ký văn bản đến)' });

const IncomingDetail = IncomingListItem.extend({
  agencyId: z.uuid(),
  issuerCode: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  signerName: z.string().nullable(),
  deliveryId: z.string().nullable(),
  hasFile: z.boolean(),
  fileName: z.string().nullable(),
  scanDpi: z.number().int().nullable(),
  registeredByName: z.string().nullable(),
  registrationDueAt: Instant,
  presentedTo: z.string().nullable(),
  presentedToName: z.string().nullable(),
  presentedAt: Instant.nullable(),
  presentedLate: z.boolean().nullable(),
  directionNote: z.string().nullable(),
  directedByName: z.string().nullable(),
  directedAt: Instant.nullable(),
  completedAt: Instant.nullable(),
  returnReason: z.string().nullable(),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      role: z.enum(['lead', 'cooperate']),
      assigneeUserId: z.string().nullable(),
      assigneeName: z.string().nullable(),
      status: z.enum(['assigned', 'in_progress', 'done']),
      dueOn: IsoDate.nullable(),
      doneAt: Instant.nullable(),
    }),
  ),
  actions: z.array(z.object({ action: z.enum(INCOMING_ACTIONS), label: Label })),
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: Instant,
      action: z.string(),
      actionLabel: Label,
      actorName: z.string().nullable(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      toStatusLabel: Label.nullable(),
      note: z.string().nullable(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
  assignableOfficials: z
    .array(z.object({ userId: z.uuid(), fullName: z.string(), unitId: z.uuid() }))
    .describe('Whom the head of an assigned unit may name to handle it (the step "assign")'),
  reads: z.array(z.object({ id: z.string(), at: Instant, what: z.enum(['record', 'file']), fullName: z.string() })),
}).meta({
  id: 'IncomingDetail',
  description: 'An incoming document with its units, its hash-chained history, the steps possible now and its read log',
});

const IncomingChanged = z
  .object({
    id: z.uuid(),
    status: State,
    version: z.number().int(),
    statusLabel: Label.optional(),
    year: z.number().int().optional(),
    incomingNumber: z.number().int().optional(),
  })
  .meta({ id: 'IncomingChanged' });

const PaperRegistration = z
  .object({
    agencyId: z.uuid(),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    issuerName: Text(300),
    issuerCode: z.string().trim().max(40).nullable().optional(),
    numberSymbol: Text(60),
    issuedOn: IsoDate,
    documentType: Text(10),
    subject: Text(2000),
    urgency: Urgency.default('normal'),
    confidentiality: Confidentiality.default('normal'),
    pageCount: z.number().int().min(1).max(100_000).nullable().optional(),
    signerName: z.string().trim().max(200).nullable().optional(),
    file: z.object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      fileName: Text(255),
      sizeBytes: z.number().int().min(1),
      token: z.string().min(1).max(100).describe('The token the scan upload answered'),
    }),
    scanDpi: z.number().int().min(1).max(2400),
  })
  .strict()
  .meta({
    id: 'IncomingPaperRegistration',
    description: 'A paper document registered by the clerk (Decree 30/2020 Art. 22), its scan uploaded first',
  });

const ActionBody = z
  .object({
    action: z.enum(INCOMING_ACTIONS),
    expectedVersion: z.number().int().min(1),
    presentTo: z.uuid().optional(),
    note: z.string().trim().max(4000).optional(),
    units: z
      .array(
        z.object({
          unitId: z.uuid(),
          role: z.enum(['lead', 'cooperate']),
          assigneeUserId: z.uuid().nullable().optional(),
        }),
      )
      .max(30)
      .optional(),
    dueOn: IsoDate.optional(),
    assigneeUserId: z.uuid().optional(),
  })
  .strict()
  .meta({
    id: 'IncomingActionInput',
    description: 'One step (present, direct, start, finish, return), guarded by the version the caller saw',
    examples: [{ action: 'present', expectedVersion: 2, presentTo: '00000000-0000-0000-0000-000000000000' }],
  });

const PendingDelivery = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    recipientAgencyId: z.uuid(),
    senderName: z.string(),
    senderCode: z.string().nullable(),
    numberSymbol: z.string(),
    issuedOn: IsoDate,
    documentType: z.string(),
    documentTypeLabel: Label,
    subject: z.string(),
    urgency: Urgency,
    urgencyLabel: Label,
    confidentiality: Confidentiality,
    confidentialityLabel: Label,
    deliveredAt: Instant,
    hasFile: z.boolean(),
  })
  .meta({ id: 'IncomingPendingDelivery', description: 'A document delivered electronically, waiting for the clerk' });

const IncomingOptions = z
  .object({
    agencyId: z.uuid(),
    agencyName: z.string(),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    heads: z.array(z.object({ userId: z.uuid(), fullName: z.string(), title: z.string().nullable() })),
    officials: z.array(z.object({ userId: z.uuid(), fullName: z.string(), role: z.string(), unitId: z.uuid() })),
  })
  .meta({ id: 'IncomingOptions' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const IdParams = z.object({ id: z.uuid() });
const CursorQuery = {
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

/**
 * Incoming documents (văn bản đến, Decree 30/2020 Art. 20–24): register, inboxes, steps, files. In their own
 * scope, so the multipart parser of the scan upload applies to them only.
 */
export const registerIncomingDocumentRoutes = (app: FastifyInstance, ctx: AppContext): Promise<void> =>
  registerWithFileUpload(app, ctx, registerRoutes);

const registerRoutes = (scope: FastifyInstance, ctx: AppContext): void => {
  const api = scope.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/incoming-documents',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'An inbox of incoming documents: registered today, to present, to direct, my units, done, all',
        querystring: z.object({
          view: z.enum(['registered_today', 'to_present', 'to_direct', 'my_units', 'done', 'all']).default('all'),
          q: z.string().trim().max(200).optional(),
          ...CursorQuery,
        }),
        response: { 200: z.object({ items: z.array(IncomingListItem), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => findIncomingInbox(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/incoming-documents/agencies',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The agencies where the caller registers incoming documents (clerk)',
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }), ...errors },
      },
    },
    async (request) => ({ items: await listRegisteringAgencies(ctx, request.actor) }),
  );

  api.get(
    '/api/v1/incoming-documents/options',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The units, heads and officials of an agency, for presenting and directing',
        querystring: z.object({ agencyId: z.uuid() }),
        response: { 200: IncomingOptions, ...errors },
      },
    },
    async (request) => getIncomingOptions(ctx, request.actor, request.query.agencyId),
  );

  api.post(
    '/api/v1/incoming-documents/scans',
    {
      config: OFFICIAL,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: TAGS,
        summary: 'Upload the scanned PDF of a paper document before registering it (type read from the content)',
        consumes: ['multipart/form-data'],
        querystring: z.object({ agencyId: z.uuid() }),
        response: {
          201: z
            .object({
              sha256: z.string(),
              fileName: z.string(),
              sizeBytes: z.number().int(),
              mediaType: z.string(),
              token: z.string(),
            })
            .meta({ id: 'IncomingScan' }),
          413: Problem,
          415: Problem,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
      return reply
        .code(201)
        .send(await uploadIncomingScan(ctx, request.actor, { agencyId: request.query.agencyId, file }));
    },
  );

  api.post(
    '/api/v1/incoming-documents',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Register a paper document in the incoming register (number taken gap-free)',
        body: PaperRegistration,
        response: { 201: IncomingChanged, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await registerPaperIncoming(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/incoming-documents/deliveries',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Documents delivered electronically to the caller’s agencies and waiting for the clerk',
        querystring: z.object(CursorQuery),
        response: { 200: z.object({ items: z.array(PendingDelivery), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => findPendingDeliveries(ctx, request.actor, request.query),
  );

  api.post(
    '/api/v1/incoming-documents/deliveries/:id/register',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Register a delivered document (fields copied, file kept; "received" reported to the sender)',
        params: IdParams,
        body: z.object({ expectedVersion: z.number().int().min(1) }).strict(),
        response: { 201: IncomingChanged, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await registerDeliveredIncoming(ctx, request.actor, {
          deliveryId: request.params.id,
          expectedVersion: request.body.expectedVersion,
        }),
      ),
  );

  api.post(
    '/api/v1/incoming-documents/deliveries/:id/refuse',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Return a delivered document to its sender with the reason (Decree 30/2020 Art. 21(2)(b))',
        params: IdParams,
        body: z.object({ expectedVersion: z.number().int().min(1), reason: Text(2000) }).strict(),
        response: {
          200: z.object({ id: z.uuid(), status: z.literal('refused'), version: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) =>
      refuseDelivery(ctx, request.actor, {
        deliveryId: request.params.id,
        expectedVersion: request.body.expectedVersion,
        reason: request.body.reason,
      }),
  );

  api.get(
    '/api/v1/incoming-documents/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'An incoming document with its history and the steps possible now (a confidential read is logged)',
        params: IdParams,
        response: { 200: IncomingDetail, ...errors },
      },
    },
    async (request) => getIncoming(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/incoming-documents/:id/file',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The document’s PDF (a confidential read is logged)',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const file = await getIncomingFile(ctx, request.actor, request.params.id);
      return sendStoredFile(ctx, reply, { ...file, inline: true });
    },
  );

  api.post(
    '/api/v1/incoming-documents/:id/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Take a step: present, direct (units, deadline), assign an official, start, finish, return',
        description: 'Guarded by expectedVersion (409 when someone else changed it first).',
        params: IdParams,
        body: ActionBody,
        response: { 200: IncomingChanged, ...errors },
      },
    },
    async (request) => changeIncoming(ctx, request.actor, { id: request.params.id, ...request.body }),
  );
};
