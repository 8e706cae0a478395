import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { CITIZEN_OPTIONAL, OFFICIAL } from '../http/auth.js';
import { findRequestProvince } from '../http/request-site.js';
import { withRetryAfter } from '../http/retry-after.js';
import { Problem } from '../http/schemas.js';
import { readUploadedFile, uploadBodyLimit } from '../http/uploads.js';
import {
  importCredential,
  issueTestCredential,
  listCredentials,
  revokeCredential,
  SIGNATURE_IMAGE_MAX_BYTES,
  setSignatureImage,
} from '../usecases/signing/credentials.js';
import { getPublicDocumentVerification, verifyUploadedPdf } from '../usecases/signing/public-verification.js';

const SigningCredential = z
  .object({
    id: z.uuid(),
    ownerKind: z.enum(['official', 'agency', 'test_ca', 'test_tsa', 'trusted_root']),
    agencyId: z.string().nullable(),
    userId: z.string().nullable(),
    ownerName: z.string().nullable().describe('The official’s full name or the agency’s name'),
    origin: z.enum(['test_ca', 'imported']).describe('test_ca: issued by the install’s TEST CA (no legal value)'),
    subject: z.string(),
    issuer: z.string(),
    serial: z.string(),
    certificateSha256: z.string(),
    notBefore: z.string(),
    notAfter: z.string(),
    status: z.enum(['active', 'revoked']),
    signatureImageSha256: z.string().nullable().describe('The signature (official) or seal (agency) image, PNG'),
    version: z.number().int(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({
    id: 'SigningCredential',
    description: 'A certificate motcua signs PDF documents with (its key stays in the store)',
  });

const Owner = z.discriminatedUnion('ownerKind', [
  z.object({ ownerKind: z.literal('official'), agencyId: z.uuid(), userId: z.uuid() }).strict(),
  z.object({ ownerKind: z.literal('agency'), agencyId: z.uuid() }).strict(),
]);

const Base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil((maxBytes * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'base64' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

/** Signing credentials of an agency and its officials (document.manage). */
export const registerSigningRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/signing/credentials',
    {
      config: OFFICIAL,
      schema: {
        tags: ['signing'],
        summary: 'The signing certificates of an agency and its officials, newest first; keyset-paginated',
        querystring: z.object({
          agencyId: z.uuid(),
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({ items: z.array(SigningCredential), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => listCredentials(ctx, request.actor, request.query),
  );

  api.post(
    '/api/v1/signing/credentials/test-certificate',
    {
      config: OFFICIAL,
      schema: {
        tags: ['signing'],
        summary: 'Issue a certificate of the install’s TEST CA to an official of the agency or to the agency',
        description:
          'For trials only: the test CA ("motcua TEST CA — không có giá trị pháp lý") is no certification authority; a real certificate is imported.',
        body: Owner,
        response: { 201: SigningCredential, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await issueTestCredential(ctx, request.actor, request.body)),
  );

  api.post(
    '/api/v1/signing/credentials/import',
    {
      config: OFFICIAL,
      schema: {
        tags: ['signing'],
        summary: 'Import a PKCS#12 file (.p12/.pfx) for an official of the agency or for the agency',
        body: z
          .object({
            owner: Owner,
            pkcs12Base64: Base64(64 * 1024),
            passphrase: z.string().max(200),
          })
          .strict(),
        response: { 201: SigningCredential, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await importCredential(ctx, request.actor, {
          owner: request.body.owner,
          pkcs12: Buffer.from(request.body.pkcs12Base64, 'base64'),
          passphrase: request.body.passphrase,
        }),
      ),
  );

  api.put(
    '/api/v1/signing/credentials/:id/image',
    {
      config: OFFICIAL,
      schema: {
        tags: ['signing'],
        summary: 'Set the official’s signature image or the agency’s seal image (PNG)',
        params: z.object({ id: z.uuid() }),
        body: z
          .object({ pngBase64: Base64(SIGNATURE_IMAGE_MAX_BYTES), expectedVersion: z.number().int().min(1) })
          .strict(),
        response: { 200: SigningCredential, ...errors },
      },
    },
    async (request) =>
      setSignatureImage(ctx, request.actor, {
        id: request.params.id,
        png: Buffer.from(request.body.pngBase64, 'base64'),
        expectedVersion: request.body.expectedVersion,
      }),
  );

  api.post(
    '/api/v1/signing/credentials/:id/revoke',
    {
      config: OFFICIAL,
      schema: {
        tags: ['signing'],
        summary: 'Revoke a certificate: it signs nothing more; earlier signatures stay verifiable',
        params: z.object({ id: z.uuid() }),
        body: z.object({ expectedVersion: z.number().int().min(1) }).strict(),
        response: { 200: SigningCredential, ...errors },
      },
    },
    async (request) =>
      revokeCredential(ctx, request.actor, { id: request.params.id, expectedVersion: request.body.expectedVersion }),
  );
};

const Instant = z.string().describe('ISO 8601 instant with the +07:00 offset');
const Label = z.object({ vi: z.string(), en: z.string() });

const PublicDocumentVerification = z
  .object({
    numberSymbol: z.string().nullable().describe('Số và ký hiệu, e.g. "12/QĐ-UBND"'),
    documentType: z.string(),
    documentTypeLabel: Label,
    subject: z.string().describe('Trích yếu nội dung'),
    agencyName: z.string().nullable(),
    issuedAt: Instant.nullable(),
    signatures: z.array(
      z.object({
        kind: z.enum(['signer', 'organisation']),
        certificateSubject: z.string(),
        certificateSerial: z.string(),
        signedAt: Instant,
      }),
    ),
    signedFileSha256: z.string().nullable(),
    signedFileCheck: z
      .object({ signatures: z.number().int(), allValid: z.boolean(), modifiedAfterLastSignature: z.boolean() })
      .nullable()
      .describe('motcua’s verification of the stored signed file, now'),
    isDemo: z.boolean(),
  })
  .meta({ id: 'PublicDocumentVerification', description: 'An issued official document, as its QR code shows it' });

const VerifiedPdfSignature = z.object({
  index: z.number().int(),
  subFilter: z.string().nullable(),
  byteRange: z.array(z.number().int()),
  byteRangeWellFormed: z.boolean(),
  coversWholeDocument: z.boolean(),
  digestMatches: z.boolean(),
  signatureValid: z.boolean(),
  signingCertificateBound: z.boolean(),
  certificate: z
    .object({
      subject: z.string(),
      issuer: z.string(),
      serial: z.string(),
      sha256: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
    })
    .nullable(),
  chain: z.array(z.string()),
  chainTrusted: z.boolean(),
  certificateValidAtSigningTime: z.boolean(),
  signingTime: z.string().nullable(),
  timestamp: z.object({ at: z.string(), valid: z.boolean() }).nullable(),
  valid: z.boolean(),
  problems: z.array(z.string()),
});

const UploadedPdfVerification = z
  .object({
    sha256: z.string(),
    signatures: z.array(VerifiedPdfSignature),
    modifiedAfterLastSignature: z.boolean(),
    knownAs: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('outgoing'), numberSymbol: z.string().nullable(), token: z.string().nullable() }),
        z.object({ kind: z.literal('result') }),
      ])
      .nullable()
      .describe('These exact bytes are an issued document of this system (or a one-stop result it signed)'),
  })
  .meta({ id: 'UploadedPdfVerification', description: 'motcua’s verification of the signatures of an uploaded PDF' });

const publicErrors = { 400: Problem, 404: Problem, 413: Problem, 422: Problem, 429: Problem };

/** The public verification of issued documents (in the portal's scope: the upload is multipart). */
export const registerSigningPublicRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/public/documents/verify/:token',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'Verify an issued official document by the token of its QR code: number, issuer, signatures, SHA-256',
        description: 'Confidential documents are never shown; lookups are limited per client address (429).',
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
        response: { 200: PublicDocumentVerification, ...publicErrors },
      },
    },
    async (request, reply) => {
      const provinceCode = await findRequestProvince(ctx, request);
      return withRetryAfter(reply, () =>
        getPublicDocumentVerification(ctx, { token: request.params.token, clientAddress: request.ip, provinceCode }),
      );
    },
  );

  api.post(
    '/api/v1/public/documents/verify',
    {
      config: CITIZEN_OPTIONAL,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: ['portal'],
        summary: 'Upload a PDF (multipart, field "file") and get motcua’s verification of every signature in it',
        description: 'Nothing is stored. Uploads are limited per client address (429).',
        consumes: ['multipart/form-data'],
        response: { 200: UploadedPdfVerification, ...publicErrors },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
        const provinceCode = await findRequestProvince(ctx, request);
        return verifyUploadedPdf(ctx, { pdf: file.content, clientAddress: request.ip, provinceCode });
      }),
  );
};
