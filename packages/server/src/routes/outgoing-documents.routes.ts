import multipart from '@fastify/multipart';
import {
  CONFIDENTIALITIES,
  DELEGATION_SCOPES,
  DOCUMENT_TYPE_CODES,
  OUTGOING_STATES,
  RECIPIENT_CHANNELS,
  RECIPIENT_PURPOSES,
  SIGN_MODES,
  URGENCIES,
} from '@motcua/domain';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { readUploadedFile } from '../http/uploads.js';
import { createDelegation, listDelegations, revokeDelegationById } from '../usecases/eoffice/outgoing/delegations.js';
import {
  cancelOutgoing,
  createOutgoingDraft,
  decideOutgoingReview,
  editOutgoingDraft,
  submitOutgoing,
  uploadOutgoingVersion,
} from '../usecases/eoffice/outgoing/drafting.js';
import { PAGE_PREVIEW_SCALE, renderOutgoingPage } from '../usecases/eoffice/outgoing/page-image.js';
import { listDocumentPeople } from '../usecases/eoffice/outgoing/people.js';
import {
  decodeCursor,
  findOutgoingList,
  getOutgoing,
  openOutgoingFile,
} from '../usecases/eoffice/outgoing/read-outgoing.js';
import { issueOutgoing, sealOutgoing, signOutgoing } from '../usecases/eoffice/outgoing/signing.js';

const Label = z.object({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant');
const Status = z.enum(OUTGOING_STATES);
const Version = z.number().int().min(1);
const DocumentType = z.enum(DOCUMENT_TYPE_CODES as unknown as [string, ...string[]]);

const OutgoingListItem = z
  .object({
    id: z.string(),
    agencyId: z.string(),
    documentType: z.string(),
    subject: z.string(),
    status: Status,
    statusLabel: Label,
    urgency: z.enum(URGENCIES),
    confidentiality: z.enum(CONFIDENTIALITIES),
    isNormative: z.boolean(),
    signMode: z.enum(SIGN_MODES),
    signerName: z.string().nullable(),
    drafterName: z.string().nullable(),
    numberSymbol: z.string().nullable(),
    reviewRound: z.number().int(),
    currentVersion: z.number().int(),
    signedAt: Instant.nullable(),
    organisationSignedAt: Instant.nullable(),
    issuedAt: Instant.nullable(),
    updatedAt: Instant,
    version: z.number().int(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'OutgoingListItem', description: 'A line of the outgoing documents (văn bản đi)' });

const OutgoingDetail = OutgoingListItem.extend({
  draftingUnitId: z.string().nullable(),
  drafterUserId: z.string(),
  signerUserId: z.string().nullable(),
  signerTitle: z.string().nullable(),
  year: z.number().int().nullable(),
  number: z.number().int().nullable(),
  pageCount: z.number().int().nullable(),
  signedFileSha256: z.string().nullable(),
  verificationToken: z.string().nullable(),
  versions: z.array(
    z.object({
      versionNo: z.number().int(),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      uploadedBy: z.string().nullable(),
      uploadedAt: Instant,
      note: z.string().nullable(),
    }),
  ),
  steps: z.array(
    z.object({
      reviewRound: z.number().int(),
      stage: z.number().int(),
      reviewerUserId: z.string(),
      reviewerName: z.string().nullable(),
      substituteUserId: z.string().nullable(),
      substituteName: z.string().nullable(),
      kind: z.enum(['review', 'approve']),
      decision: z.enum(['pending', 'approved', 'returned', 'skipped']),
      decidedByName: z.string().nullable(),
      decidedAt: Instant.nullable(),
      comment: z.string().nullable(),
    }),
  ),
  myDecidableSteps: z.array(z.object({ stage: z.number().int(), reviewerUserId: z.string() })),
  recipients: z.array(
    z.object({
      position: z.number().int(),
      name: z.string(),
      channel: z.enum(RECIPIENT_CHANNELS),
      purpose: z.enum(RECIPIENT_PURPOSES),
      recipientAgencyId: z.string().nullable(),
      externalCode: z.string().nullable(),
    }),
  ),
  signatures: z.array(
    z.object({
      kind: z.enum(['signer', 'organisation']),
      certificateSubject: z.string(),
      certificateSerial: z.string(),
      signedAt: Instant,
      outputSha256: z.string(),
    }),
  ),
  deliveries: z.array(
    z.object({
      id: z.string(),
      recipientAgencyId: z.string(),
      recipientName: z.string(),
      status: z.string(),
      statusAt: Instant,
    }),
  ),
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: Instant,
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      note: z.string().nullable(),
      actorName: z.string().nullable(),
    }),
  ),
}).meta({
  id: 'OutgoingDetail',
  description: 'An outgoing document with its versions, review chain, recipients, signatures and history',
});

const OutgoingChanged = z
  .object({ id: z.string(), status: Status, version: z.number().int(), numberSymbol: z.string().nullable() })
  .meta({ id: 'OutgoingChanged' });

const ChainStep = z
  .object({
    stage: z.number().int().min(1).max(30),
    reviewerUserId: z.uuid(),
    substituteUserId: z.uuid().nullable().optional(),
    kind: z.enum(['review', 'approve']),
  })
  .strict();

const Recipient = z
  .object({
    agencyId: z.uuid().optional(),
    externalCode: z.string().trim().min(1).max(40).optional(),
    name: z.string().trim().min(1).max(300).optional(),
    paper: z.boolean().optional(),
    purpose: z.enum(RECIPIENT_PURPOSES).optional(),
  })
  .strict();

const DraftFields = {
  documentType: DocumentType,
  isNormative: z.boolean().default(false),
  subject: z.string().trim().min(1).max(2000),
  urgency: z.enum(URGENCIES).default('normal'),
  confidentiality: z.enum(CONFIDENTIALITIES).default('normal'),
  signMode: z.enum(SIGN_MODES).default('direct'),
  signerUserId: z.uuid().nullable().optional(),
  signerTitle: z.string().trim().max(200).nullable().optional(),
};

const NewDraft = z
  .object({ agencyId: z.uuid(), draftingUnitId: z.uuid().nullable().optional(), ...DraftFields })
  .strict()
  .meta({ id: 'OutgoingDraftInput', description: 'A new outgoing document (dự thảo), Decree 30/2020 Art. 10' });

const EditDraft = z
  .object({
    expectedVersion: Version,
    documentType: DocumentType.optional(),
    isNormative: z.boolean().optional(),
    subject: z.string().trim().min(1).max(2000).optional(),
    urgency: z.enum(URGENCIES).optional(),
    confidentiality: z.enum(CONFIDENTIALITIES).optional(),
    signMode: z.enum(SIGN_MODES).optional(),
    signerUserId: z.uuid().nullable().optional(),
    signerTitle: z.string().trim().max(200).nullable().optional(),
    chain: z.array(ChainStep).max(30).optional(),
    recipients: z.array(Recipient).max(200).optional(),
  })
  .strict()
  .meta({ id: 'OutgoingEditInput', description: 'Edit a draft: its fields, the review chain, the recipients' });

const Point = z.object({
  page: z.number().int().min(1).max(10_000).optional(),
  x: z.number().min(0).max(2000).optional(),
  y: z.number().min(0).max(2000).optional(),
});
const SignaturePlacement = Point.extend({
  width: z.number().min(10).max(600).optional(),
  height: z.number().min(10).max(600).optional(),
}).strict();
const TextPlacement = Point.extend({ size: z.number().min(6).max(24).optional() }).strict();
const NumberTextPlacement = Point.extend({
  size: z.number().min(6).max(24).optional(),
  align: z
    .enum(['left', 'center'])
    .optional()
    .describe('center (the default): x is the centre of "Số: …" (under the agency name); left: its left edge'),
}).strict();

const SignBody = z
  .object({
    expectedVersion: Version,
    placement: z
      .object({
        number: NumberTextPlacement.optional(),
        placeDate: TextPlacement.optional(),
        signature: SignaturePlacement.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({
    id: 'OutgoingSignInput',
    description:
      'Where "Số: …", the place and date, and the signature go (PDF points from the bottom-left; defaults follow the Decree 30 A4 layout)',
  });

const Delegation = z
  .object({
    id: z.string(),
    agencyId: z.string(),
    fromUserId: z.string(),
    fromName: z.string(),
    toUserId: z.string(),
    toName: z.string(),
    scope: z.enum(DELEGATION_SCOPES),
    validFrom: IsoDate,
    validTo: IsoDate,
    reason: z.string(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'DocumentDelegation', description: 'A delegation (ủy quyền, Decree 30/2020 Art. 13)' });

const Person = z.object({ userId: z.string(), fullName: z.string(), role: z.string(), agencyId: z.string() });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem, 503: Problem };
const IdParams = z.object({ id: z.uuid() });

const changed = (row: {
  id: string;
  status: (typeof OUTGOING_STATES)[number];
  version: number;
  numberSymbol: string | null;
}) => ({
  id: row.id,
  status: row.status,
  version: row.version,
  numberSymbol: row.numberSymbol,
});

type DelegationRow = Awaited<ReturnType<typeof listDelegations>>['rows'][number];
const toDelegation = (row: Omit<DelegationRow, 'fromName' | 'toName'> & { fromName?: string; toName?: string }) => ({
  id: row.id,
  agencyId: row.agencyId,
  fromUserId: row.fromUserId,
  fromName: row.fromName ?? '',
  toUserId: row.toUserId,
  toName: row.toName ?? '',
  scope: row.scope,
  validFrom: row.validFrom,
  validTo: row.validTo,
  reason: row.reason,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const UPLOAD_MAX = 20 * 1024 * 1024;

/** Outgoing documents (văn bản đi, Decree 30/2020 Art. 10–19): drafting, review, signing, sealing, issuing. */
export const registerOutgoingDocumentRoutes = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/outgoing-documents',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'A list of outgoing documents: my drafts, waiting for my review, my signature, the seal; issued',
        querystring: z.object({
          view: z.enum(['my_drafts', 'my_review', 'waiting_signature', 'waiting_seal', 'issued']).default('my_drafts'),
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(OutgoingListItem), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => findOutgoingList(ctx, request.actor, request.query),
  );

  api.post(
    '/api/v1/outgoing-documents',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Start a draft (document.draft at the drafting unit)',
        body: NewDraft,
        response: { 201: OutgoingChanged, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        changed(
          await createOutgoingDraft(ctx, request.actor, {
            ...request.body,
            documentType: request.body.documentType as (typeof DOCUMENT_TYPE_CODES)[number],
          }),
        ),
      ),
  );

  api.get(
    '/api/v1/outgoing-documents/people',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Officials with a document role at an agency (to choose reviewers, substitutes, the signer)',
        querystring: z.object({ agencyId: z.uuid() }),
        response: { 200: z.object({ items: z.array(Person) }), ...errors },
      },
    },
    async (request) => ({ items: await listDocumentPeople(ctx, request.actor, request.query.agencyId) }),
  );

  api.get(
    '/api/v1/outgoing-documents/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'An outgoing document with its versions, chain, recipients, signatures and history',
        params: IdParams,
        response: { 200: OutgoingDetail, ...errors },
      },
    },
    async (request) => getOutgoing(ctx, request.actor, request.params.id),
  );

  api.patch(
    '/api/v1/outgoing-documents/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Edit a draft: fields, signer and sign mode, the review chain (stages × reviewers), the recipients',
        params: IdParams,
        body: EditDraft,
        response: { 200: OutgoingChanged, ...errors },
      },
    },
    async (request) =>
      changed(
        await editOutgoingDraft(ctx, request.actor, {
          id: request.params.id,
          ...request.body,
          documentType: request.body.documentType as (typeof DOCUMENT_TYPE_CODES)[number] | undefined,
        }),
      ),
  );

  const Expected = z.object({ expectedVersion: Version }).strict();

  api.post(
    '/api/v1/outgoing-documents/:id/submit',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Submit the draft for review (a new round after a return)',
        params: IdParams,
        body: Expected,
        response: { 200: OutgoingChanged, ...errors },
      },
    },
    async (request) => changed(await submitOutgoing(ctx, request.actor, { id: request.params.id, ...request.body })),
  );

  api.post(
    '/api/v1/outgoing-documents/:id/review',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Approve or return (with a comment) a step of the current stage, as reviewer, substitute or delegate',
        params: IdParams,
        body: z
          .object({
            expectedVersion: Version,
            decision: z.enum(['approved', 'returned']),
            reviewerUserId: z.uuid().optional(),
            comment: z.string().trim().max(4000).optional(),
          })
          .strict(),
        response: { 200: OutgoingChanged, ...errors },
      },
    },
    async (request) =>
      changed(await decideOutgoingReview(ctx, request.actor, { id: request.params.id, ...request.body })),
  );

  api.post(
    '/api/v1/outgoing-documents/:id/sign',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'The signer signs the approved PDF: the number is taken and stamped, then the signature applied',
        params: IdParams,
        body: SignBody,
        response: { 200: OutgoingChanged, ...errors },
      },
    },
    async (request) => changed(await signOutgoing(ctx, request.actor, { id: request.params.id, ...request.body })),
  );

  api.post(
    '/api/v1/outgoing-documents/:id/seal',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'The clerk applies the organisation’s digital signature',
        params: IdParams,
        body: z.object({ expectedVersion: Version, placement: SignaturePlacement.optional() }).strict(),
        response: { 200: OutgoingChanged, ...errors },
      },
    },
    async (request) => changed(await sealOutgoing(ctx, request.actor, { id: request.params.id, ...request.body })),
  );

  api.post(
    '/api/v1/outgoing-documents/:id/issue',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Issue the signed and sealed document: recipients of this install receive it at once',
        params: IdParams,
        body: Expected,
        response: { 200: OutgoingChanged, ...errors },
      },
    },
    async (request) => changed(await issueOutgoing(ctx, request.actor, { id: request.params.id, ...request.body })),
  );

  api.post(
    '/api/v1/outgoing-documents/:id/cancel',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Cancel a document not yet signed',
        params: IdParams,
        body: z.object({ expectedVersion: Version, reason: z.string().trim().max(2000).optional() }).strict(),
        response: { 200: OutgoingChanged, ...errors },
      },
    },
    async (request) => changed(await cancelOutgoing(ctx, request.actor, { id: request.params.id, ...request.body })),
  );

  api.get(
    '/api/v1/outgoing-documents/:id/file',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'The signed PDF (or a draft version with ?version=)',
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const file = await openOutgoingFile(ctx, request.actor, {
        id: request.params.id,
        versionNo: request.query.version,
      });
      return reply
        .type(file.mediaType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.stream);
    },
  );

  api.get(
    '/api/v1/outgoing-documents/:id/page-image',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: `One page of a PDF version as a PNG at ${PAGE_PREVIEW_SCALE} px per PDF point (the signer's position picker)`,
        params: IdParams,
        querystring: z.object({
          version: z.coerce.number().int().min(1),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
        }),
        produces: ['image/png'],
      },
    },
    async (request, reply) => {
      const image = await renderOutgoingPage(ctx, request.actor, {
        id: request.params.id,
        versionNo: request.query.version,
        page: request.query.page,
      });
      return reply
        .type('image/png')
        .header('cache-control', 'private, max-age=300')
        .header('x-page-count', String(image.pageCount))
        .send(image.png);
    },
  );

  const uploadScope: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: UPLOAD_MAX, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/outgoing-documents/:id/versions',
      {
        config: OFFICIAL,
        bodyLimit: UPLOAD_MAX + 256 * 1024,
        schema: {
          tags: ['eoffice'],
          summary: 'Upload a new version of the draft (DOCX or PDF; multipart, one file); versions are kept',
          consumes: ['multipart/form-data'],
          params: IdParams,
          querystring: z.object({
            expectedVersion: z.coerce.number().int().min(1),
            note: z.string().max(2000).optional(),
          }),
          response: { 200: OutgoingChanged, ...errors, 413: Problem },
        },
      },
      async (request) => {
        const file = await readUploadedFile(request, UPLOAD_MAX);
        return changed(
          await uploadOutgoingVersion(ctx, request.actor, {
            id: request.params.id,
            expectedVersion: request.query.expectedVersion,
            content: file.content,
            fileName: file.fileName ?? 'du-thao',
            note: request.query.note,
          }),
        );
      },
    );
  };
  await app.register(uploadScope);

  // --- delegations (ủy quyền) ----------------------------------------------------------------------

  api.get(
    '/api/v1/document-delegations',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Delegations of the caller’s agencies still running, latest end first',
        querystring: z.object({
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: z.object({ items: z.array(Delegation), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const page = await listDelegations(ctx, request.actor, {
        cursor: decodeCursor(request.query.cursor),
        limit: request.query.limit,
      });
      const last = page.rows.at(-1);
      return {
        items: page.rows.map(toDelegation),
        nextCursor:
          page.hasMore && last
            ? Buffer.from(JSON.stringify({ at: `${last.validTo}T00:00:00Z`, id: last.id })).toString('base64url')
            : null,
      };
    },
  );

  api.post(
    '/api/v1/document-delegations',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Delegate signing, approving or directing to another official between two dates',
        body: z
          .object({
            agencyId: z.uuid(),
            fromUserId: z.uuid(),
            toUserId: z.uuid(),
            scope: z.enum(DELEGATION_SCOPES),
            validFrom: IsoDate,
            validTo: IsoDate,
            reason: z.string().trim().min(1).max(500),
          })
          .strict(),
        response: { 201: Delegation, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toDelegation(await createDelegation(ctx, request.actor, request.body))),
  );

  api.post(
    '/api/v1/document-delegations/:id/revoke',
    {
      config: OFFICIAL,
      schema: {
        tags: ['eoffice'],
        summary: 'Revoke a delegation (once; the record stays)',
        params: IdParams,
        response: { 200: Delegation, ...errors },
      },
    },
    async (request) => toDelegation(await revokeDelegationById(ctx, request.actor, request.params.id)),
  );
};
