import multipart from '@fastify/multipart';
import {
  CONFIDENTIALITIES,
  DEFAULT_EXCHANGE_PACKAGE_MAX_BYTES,
  DELIVERY_STATUSES,
  RECIPIENT_CHANNELS,
  RECIPIENT_PURPOSES,
  URGENCIES,
} from '@motcua/domain';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import { readUploadedFile } from '../http/uploads.js';
import { exportExchangePackage, readExportedPackage } from '../usecases/eoffice/exchange/export-package.js';
import { importExchangePackage } from '../usecases/eoffice/exchange/import-package.js';
import {
  getOutgoingExchange,
  listIssuedForExchange,
  listReceivedPackages,
  listSentDeliveries,
} from '../usecases/eoffice/exchange/sender-view.js';
import {
  exportDeliveryStatusMessages,
  importExchangeStatusMessages,
} from '../usecases/eoffice/exchange/status-messages.js';

const Label = z.looseObject({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant with the +07:00 offset');
const RecipientStatus = z.enum(['not_sent', 'sent', 'paper', ...DELIVERY_STATUSES]);
const Page = z.object({
  agencyId: z.uuid(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const StatusMessage = z.object({
  seq: z.number().int(),
  status: z.enum(DELIVERY_STATUSES),
  statusLabel: Label,
  at: Instant,
  note: z.string().nullable(),
});

const OutgoingExchange = z
  .object({
    outgoingId: z.string(),
    numberSymbol: z.string().nullable(),
    subject: z.string(),
    documentStatus: z.string(),
    issuedAt: Instant.nullable(),
    recipients: z.array(
      z.object({
        id: z.string(),
        position: z.number().int(),
        name: z.string(),
        code: z.string().nullable(),
        recipientAgencyId: z.string().nullable(),
        channel: z.enum(RECIPIENT_CHANNELS),
        purpose: z.enum(RECIPIENT_PURPOSES),
        status: RecipientStatus,
        statusLabel: Label,
        sentAt: Instant.nullable(),
        deliveryId: z.string().nullable(),
        packageId: z.string().nullable(),
        canExport: z.boolean(),
        messages: z.array(StatusMessage),
      }),
    ),
  })
  .meta({
    id: 'OutgoingExchange',
    description: 'The sender’s view of an outgoing document: each recipient and its status messages in order',
  });

const IssuedForExchange = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        numberSymbol: z.string().nullable(),
        documentType: z.string(),
        subject: z.string(),
        urgency: z.enum(URGENCIES),
        confidentiality: z.enum(CONFIDENTIALITIES),
        issuedAt: Instant.nullable(),
        recipients: z.number().int(),
        packageRecipients: z.number().int(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'IssuedForExchange' });

const SentDeliveries = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        channel: z.enum(['system', 'package']),
        outgoingId: z.string(),
        numberSymbol: z.string().nullable(),
        subject: z.string(),
        recipientName: z.string(),
        recipientCode: z.string().nullable(),
        status: RecipientStatus,
        statusLabel: Label,
        statusAt: Instant,
        sentAt: Instant,
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SentDeliveries', description: 'What an agency sent, newest first, with each last status' });

const ExportedPackage = z
  .object({
    packageId: z.string(),
    fileName: z.string(),
    sha256: z.string(),
    created: z.boolean(),
    fileUrl: z.string(),
  })
  .meta({ id: 'ExportedExchangePackage' });

const ReceivedPackages = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        senderCode: z.string().nullable(),
        senderName: z.string(),
        numberSymbol: z.string(),
        issuedOn: z.string(),
        documentType: z.string(),
        subject: z.string(),
        urgency: z.enum(URGENCIES),
        status: z.enum(DELIVERY_STATUSES),
        statusLabel: Label,
        statusAt: Instant,
        deliveredAt: Instant,
        registered: z.boolean(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ReceivedExchangePackages', description: 'Deliveries an agency received by package' });

const ImportedPackage = z
  .object({
    deliveryId: z.string(),
    created: z.boolean(),
    packageSha256: z.string(),
    documentId: z.string(),
    recipientAgencyId: z.string(),
    numberSymbol: z.string(),
    senderCode: z.string(),
    senderName: z.string(),
    subject: z.string(),
  })
  .meta({ id: 'ImportedExchangePackage' });

const ImportedStatuses = z
  .object({
    packages: z.array(
      z.object({
        packageId: z.string(),
        outgoingId: z.string(),
        recorded: z.number().int(),
        skipped: z.number().int(),
        status: z.string(),
      }),
    ),
  })
  .meta({ id: 'ImportedExchangeStatuses' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const EDXML = 'application/xml';
const MAX_BYTES = DEFAULT_EXCHANGE_PACKAGE_MAX_BYTES;

/**
 * The exchange of documents between agencies (QĐ 28/2018/QĐ-TTg; QCVN 102:2016 edXML [RECALL]) by the file
 * transport: export a package for a recipient of another system, import one received, carry the status
 * messages back, and the sender's view of each recipient's status.
 */
export const registerDocumentExchangeRoutes = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/document-exchange/outgoing',
    {
      config: OFFICIAL,
      schema: {
        tags: ['documents'],
        summary: 'The agency’s issued outgoing documents, the last changed first (keyset)',
        querystring: Page,
        response: { 200: IssuedForExchange, ...errors },
      },
    },
    async (request) => listIssuedForExchange(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/document-exchange/outgoing/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['documents'],
        summary: 'Each recipient of an outgoing document and the status messages it reported, in order',
        params: z.object({ id: z.uuid() }),
        response: { 200: OutgoingExchange, ...errors },
      },
    },
    async (request) => getOutgoingExchange(ctx, request.actor, request.params.id),
  );

  api.post(
    '/api/v1/document-exchange/outgoing/:id/recipients/:recipientId/package',
    {
      config: OFFICIAL,
      schema: {
        tags: ['documents'],
        summary: 'Export the edXML package of an issued document for a recipient of another system (idempotent)',
        description:
          'The signed PDF (or the latest draft when none) with the register’s metadata, stored and handed to the ' +
          'transport (the file transport: download it from fileUrl). Exporting again answers the same package (200).',
        params: z.object({ id: z.uuid(), recipientId: z.uuid() }),
        response: { 200: ExportedPackage, 201: ExportedPackage, ...errors },
      },
    },
    async (request, reply) => {
      const exported = await exportExchangePackage(ctx, request.actor, {
        outgoingId: request.params.id,
        recipientId: request.params.recipientId,
        language: request.language,
      });
      return reply.status(exported.created ? 201 : 200).send({
        packageId: exported.packageId,
        fileName: exported.fileName,
        sha256: exported.sha256,
        created: exported.created,
        fileUrl: `/api/v1/document-exchange/packages/${exported.packageId}/file`,
      });
    },
  );

  api.get(
    '/api/v1/document-exchange/packages/:id/file',
    {
      config: OFFICIAL,
      schema: {
        tags: ['documents'],
        summary: 'The edXML file of a package this agency exported (the same bytes each time)',
        params: z.object({ id: z.uuid() }),
        produces: [EDXML],
      },
    },
    async (request, reply) => {
      const file = await readExportedPackage(ctx, request.actor, request.params.id);
      return reply
        .type(EDXML)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );

  api.get(
    '/api/v1/document-exchange/deliveries/:id/status-messages/file',
    {
      config: OFFICIAL,
      schema: {
        tags: ['documents'],
        summary: 'The status messages of a delivery that came by package, as an edXML file for the sender’s system',
        params: z.object({ id: z.uuid() }),
        produces: [EDXML],
      },
    },
    async (request, reply) => {
      const exported = await exportDeliveryStatusMessages(ctx, request.actor, request.params.id);
      return reply
        .type(EDXML)
        .header('content-disposition', `attachment; filename="${exported.fileName}"`)
        .send(exported.content);
    },
  );

  api.get(
    '/api/v1/document-exchange/received',
    {
      config: OFFICIAL,
      schema: {
        tags: ['documents'],
        summary: 'What the agency received by package, newest first, with each status (keyset)',
        querystring: Page,
        response: { 200: ReceivedPackages, ...errors },
      },
    },
    async (request) => listReceivedPackages(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/document-exchange/sent',
    {
      config: OFFICIAL,
      schema: {
        tags: ['documents'],
        summary: 'What the agency sent (through the system and by package), newest first, with the last status',
        querystring: Page,
        response: { 200: SentDeliveries, ...errors },
      },
    },
    async (request) => listSentDeliveries(ctx, request.actor, request.query),
  );

  const uploads: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    upload.post(
      '/api/v1/document-exchange/packages/import',
      {
        config: OFFICIAL,
        bodyLimit: MAX_BYTES + 256 * 1024,
        schema: {
          tags: ['documents'],
          summary: 'Import a received edXML package (multipart, one file) as a delivery waiting for registration',
          description:
            'Checked whole before anything is stored (422 naming each field). The receiving agency is agencyId, or ' +
            'the only receiver of the package where the caller is the clerk. Importing the same package again for ' +
            'the same agency answers 200 with the same delivery (201 the first time).',
          consumes: ['multipart/form-data'],
          querystring: z.object({ agencyId: z.uuid().optional() }),
          response: { 200: ImportedPackage, 201: ImportedPackage, ...errors, 413: Problem },
        },
      },
      async (request, reply) => {
        const file = await readUploadedFile(request, MAX_BYTES);
        const imported = await importExchangePackage(ctx, request.actor, {
          content: file.content,
          agencyId: request.query.agencyId,
          language: request.language,
        });
        return reply.status(imported.created ? 201 : 200).send(imported);
      },
    );
    upload.post(
      '/api/v1/document-exchange/status-messages/import',
      {
        config: OFFICIAL,
        bodyLimit: 1024 * 1024 + 256 * 1024,
        schema: {
          tags: ['documents'],
          summary: 'Import status messages another system sent back about packages this install exported',
          description: 'Messages already recorded are skipped; a gap or a step back is refused (422). All or nothing.',
          consumes: ['multipart/form-data'],
          response: { 200: ImportedStatuses, ...errors, 413: Problem },
        },
      },
      async (request) => {
        const file = await readUploadedFile(request, 1024 * 1024);
        return importExchangeStatusMessages(ctx, request.actor, { content: file.content, language: request.language });
      },
    );
  };
  await app.register(uploads);
};
