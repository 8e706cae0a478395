import { LOCAL_CODE_PATTERN, PAKN_CODE_PATTERN, PaknSubmission } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { todayInVietnam } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { CITIZEN_OPTIONAL } from '../http/auth.js';
import { findPublicProvince, findRequestProvince, findSiteOfRequest, getPublicCatalog } from '../http/request-site.js';
import { withRetryAfter } from '../http/retry-after.js';
import { DossierCode, Problem } from '../http/schemas.js';
import { sendStoredFile } from '../http/stored-files.js';
import { trackPaknByCode } from '../usecases/pakn/public-pakn.js';
import { describePortalSettings } from '../usecases/portal/browse/portal-settings.js';
import {
  describeProcedureForCitizens,
  describeProcedureForm,
  getProcedureTemplate,
} from '../usecases/portal/browse/procedures.js';
import { submitPakn } from '../usecases/portal/feedback/pakn.js';
import { describeRatingCriteria } from '../usecases/portal/feedback/ratings.js';
import { trackDossier } from '../usecases/portal/tracking/track-dossier.js';
import { verifyResultDocument } from '../usecases/portal/tracking/verify-result.js';
import { contentDisposition } from '../usecases/portal/upload-checks.js';
import {
  CitizenProcedure,
  PaknReceipt,
  PaknStatusView,
  ProcedureForm,
  RatingCriteria,
  TrackedDossier,
  VerifiedDocument,
} from './portal.schemas.js';

const CatalogKey = z
  .string()
  .regex(/^(national|\d{2})$/)
  .describe('"national" or the 2-digit code of the province whose catalog');
const ProcedureCode = z.string().regex(LOCAL_CODE_PATTERN).describe('national code (1.001193) or local code');
const Sha256 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/)
  .transform((value) => value.toLowerCase());
/** A result document's SHA-256, or its id (printed as a QR code on a generated result). */
const DocumentKey = z.union([Sha256, z.uuid().transform((value) => value.toLowerCase())]);
const DOCUMENT_KEY = /^([0-9a-f]{64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const errors = { 400: Problem, 404: Problem, 429: Problem };

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (title: string, body: string): string => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:"Times New Roman",serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}dt{font-weight:bold;margin-top:.6rem}dd{margin:0;word-break:break-all}.ok{color:#1a7f37}.bad{color:#b42318}</style>
</head><body>${body}</body></html>`;

/** Public endpoints of the portal: no sign-in. */
export const registerPortalPublicRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/public/settings',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'How citizens sign in, the upload limits, the payment platform and the provinces served',
        description: 'Read once by the portal’s pages: they check files against the same limits the server enforces.',
        response: {
          200: z
            .object({
              signIn: z.object({
                vneid: z.boolean().describe('sign-in through the national identity provider is configured'),
                startUrl: z.string().nullable(),
                localAccounts: z.boolean(),
              }),
              uploads: z.object({
                maxBytes: z.number().int(),
                maxFilesPerComponent: z.number().int(),
                mediaTypes: z.array(z.string()),
              }),
              payment: z.object({ provider: z.enum(['sandbox', 'dvcqg']) }),
              provinces: z.array(z.object({ code: z.string(), committeeName: z.string() })),
              site: z
                .object({
                  provinceCode: z.string(),
                  name: z.string().describe('"Tỉnh Hưng Yên"'),
                  portalName: z.string(),
                  placeName: z.string().describe('the place written on documents ("Hưng Yên")'),
                  colourPrimary: z.string().describe('#rrggbb'),
                  colourAccent: z.string().describe('#rrggbb'),
                  emblemUrl: z.string().nullable().describe('/api/v1/public/site/emblem?v=… when the site has one'),
                  contactPhone: z.string().nullable(),
                  contactAddress: z.string().nullable(),
                })
                .nullable()
                .describe('the province of the request’s host name (else the install’s default); null: none yet'),
            })
            .meta({ id: 'PortalSettings' }),
        },
      },
    },
    async (request) => describePortalSettings(ctx, await findSiteOfRequest(ctx, request)),
  );

  api.get(
    '/api/v1/public/procedures/:code',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'A procedure in plain Vietnamese: components, fees, time, where to submit, online level, legal basis',
        description: 'Search with GET /api/v1/procedures; this is the citizen’s detail page, with template downloads.',
        params: z.object({ code: ProcedureCode }),
        querystring: z.object({ catalog: CatalogKey.default('national') }),
        response: { 200: CitizenProcedure, ...errors },
      },
    },
    async (request) =>
      describeProcedureForCitizens(ctx, {
        catalog: await getPublicCatalog(ctx, request, request.query.catalog),
        code: request.params.code,
      }),
  );

  api.get(
    '/api/v1/public/procedures/:code/form',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'The online form of a procedure: JSON Schema of the application and the components to upload',
        params: z.object({ code: ProcedureCode }),
        querystring: z.object({ catalog: CatalogKey.default('national') }),
        response: { 200: ProcedureForm, ...errors },
      },
    },
    async (request) =>
      describeProcedureForm(ctx, {
        catalog: await getPublicCatalog(ctx, request, request.query.catalog),
        code: request.params.code,
      }),
  );

  api.get(
    '/api/v1/public/procedures/:code/templates/:key',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'Download the form template of a component (the uploaded official file, or a generated PDF)',
        params: z.object({
          code: ProcedureCode,
          key: z
            .string()
            .regex(/^[a-z0-9]+([-_][a-z0-9]+)*$/)
            .max(64),
        }),
        querystring: z.object({ catalog: CatalogKey.default('national') }),
        produces: [
          'application/pdf',
          'application/msword',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ],
      },
    },
    async (request, reply) => {
      const template = await getProcedureTemplate(ctx, {
        catalog: await getPublicCatalog(ctx, request, request.query.catalog),
        code: request.params.code,
        key: request.params.key,
        today: todayInVietnam(ctx.clock),
      });
      if (template.kind === 'stored') {
        return sendStoredFile(ctx, reply, { ...template, inline: false });
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(template.fileName))
        .send(template.pdf);
    },
  );

  api.get(
    '/api/v1/public/dossiers/:code',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'Track a dossier without signing in (code + last 4 digits of the ID/tax number, or the receipt PIN)',
        description:
          'Answers the status, the steps with their agencies and dates, the due instant (+07:00, with `dueProvisional`) ' +
          'and what the applicant must do next — nothing private. A missing dossier and a wrong factor give the same ' +
          '404; failed lookups are limited per client address and per code (429 with Retry-After).',
        params: z.object({ code: DossierCode }),
        querystring: z.object({
          factor: z
            .string()
            .trim()
            .regex(/^(\d{4}|\d{6})$/, { message: 'msg:TRACKING_FACTOR' })
            .describe('last 4 digits of the applicant’s ID number or tax code, or the 6-digit PIN of the receipt'),
        }),
        response: { 200: TrackedDossier, ...errors },
      },
    },
    async (request, reply) => {
      const provinceCode = await findRequestProvince(ctx, request);
      return withRetryAfter(reply, () =>
        trackDossier(ctx, {
          code: request.params.code,
          factor: request.query.factor,
          clientAddress: request.ip,
          provinceCode,
        }),
      );
    },
  );

  api.get(
    '/api/v1/public/documents/:sha256',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'Verify a result document by its SHA-256 (or its id): issuer, date, name and number (nothing private)',
        params: z.object({ sha256: DocumentKey }),
        response: { 200: VerifiedDocument, ...errors },
      },
    },
    async (request) => verifyResultDocument(ctx, request.params.sha256, await findRequestProvince(ctx, request)),
  );

  // The short page the QR code on a result points to (/v/<id> on a generated result; /v/<sha256> also works), readable on any phone.
  api.get(
    '/v/:sha256',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'Verification page of a result document (HTML; target of the QR code printed on the result)',
        params: z.object({ sha256: z.string().max(100) }),
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
      const sha = request.params.sha256.toLowerCase();
      try {
        if (!DOCUMENT_KEY.test(sha)) {
          throw new AppError('NOT_FOUND', { resource: { vi: 'văn bản', en: 'document' } });
        }
        const document = await verifyResultDocument(ctx, sha, await findRequestProvince(ctx, request));
        return page(
          'Xác thực văn bản kết quả',
          `<h1>Xác thực văn bản kết quả giải quyết thủ tục hành chính</h1>
<p class="ok">Văn bản này do cơ quan nhà nước cấp và được lưu trên hệ thống.</p>
<dl><dt>Cơ quan ban hành</dt><dd>${escapeHtml(document.issuer?.name ?? '—')}</dd>
<dt>Tên văn bản</dt><dd>${escapeHtml(document.name)}</dd>
<dt>Số, ký hiệu</dt><dd>${escapeHtml(document.documentNo ?? '—')}</dd>
<dt>Ngày cấp</dt><dd>${escapeHtml(document.issuedAt.slice(0, 10).split('-').reverse().join('/'))}</dd>
<dt>Mã băm SHA-256</dt><dd><code>${escapeHtml(document.sha256)}</code></dd></dl>
<p>Đối chiếu mã băm với tệp bạn đang có để chắc chắn văn bản không bị sửa đổi.</p>`,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') {
          return reply
            .code(404)
            .send(
              page(
                'Không tìm thấy văn bản',
                '<h1>Không tìm thấy văn bản</h1><p class="bad">Không có văn bản kết quả nào được cấp với mã này.</p>',
              ),
            );
        }
        throw error;
      }
    },
  );

  api.post(
    '/api/v1/public/pakn',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary:
          'Send feedback on a regulation or procedure (PAKN, Decree 20/2008); answers its code PAKN.yyyymmdd.nnnn',
        description:
          'Name, address and phone of the sender are required by the decree. Limited per client address. ' +
          'Without `provinceCode` the feedback goes to the province of the portal it is sent on; on a province’s own ' +
          'host name, naming another province answers 404 PROVINCE_NOT_SERVED_HERE.',
        body: PaknSubmission.extend({ provinceCode: PaknSubmission.shape.provinceCode.optional() }),
        response: { 201: PaknReceipt, 400: Problem, 403: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      // On a province's own host, a feedback addressed to another province answers 404 PROVINCE_NOT_SERVED_HERE.
      const provinceCode = await findPublicProvince(ctx, request, request.body.provinceCode);
      return reply
        .code(201)
        .send(
          await withRetryAfter(reply, () =>
            submitPakn(ctx, request.actor, { ...request.body, provinceCode, clientAddress: request.ip }),
          ),
        );
    },
  );

  api.get(
    '/api/v1/public/pakn/:code',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'Where a feedback stands, by its code; with the last 4 digits of the sender’s phone, the answer too',
        params: z.object({ code: z.string().regex(PAKN_CODE_PATTERN, { message: 'msg:PAKN_CODE' }) }),
        querystring: z.object({
          phone: z
            .string()
            .regex(/^\d{4}$/)
            .optional(),
        }),
        response: { 200: PaknStatusView, ...errors },
      },
    },
    async (request, reply) => {
      const provinceCode = await findRequestProvince(ctx, request);
      return withRetryAfter(reply, () =>
        trackPaknByCode(ctx, {
          code: request.params.code,
          phoneLast4: request.query.phone,
          clientAddress: request.ip,
          provinceCode,
        }),
      );
    },
  );

  api.get(
    '/api/v1/public/rating-criteria',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary:
          'The criteria of the per-dossier evaluation (Circular 01/2018 tool) and the labelled answers of the rating form',
        response: { 200: RatingCriteria },
      },
    },
    async () => describeRatingCriteria(),
  );
};
