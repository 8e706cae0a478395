import { DossierRatingInput, PHONE_PATTERN } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { CITIZEN, CITIZEN_OPTIONAL, clearCitizenCookie, setCitizenCookie } from '../http/auth.js';
import { idempotencyOf } from '../http/idempotency-key.js';
import { findRequestProvince } from '../http/request-site.js';
import { DossierCode, FormValuesSchema, Problem } from '../http/schemas.js';
import { sendStoredFile } from '../http/stored-files.js';
import { readUploadedFile, uploadBodyLimit } from '../http/uploads.js';
import {
  finishCitizenLogin,
  LOGIN_BINDING_COOKIE,
  LOGIN_REQUEST_TTL_MS,
  startCitizenLogin,
} from '../oidc/citizen-login.js';
import {
  describeCitizen,
  loginLocalCitizen,
  logoutCitizen,
  requireCitizen,
  updateMyContact,
} from '../usecases/portal/account/citizen-session.js';
import {
  addDraftUpload,
  discardDraft,
  findDrafts,
  getCitizenUpload,
  removeUpload,
  saveDraft,
  startDraft,
  viewDraft,
} from '../usecases/portal/apply/drafts.js';
import { submitDraft } from '../usecases/portal/apply/submit.js';
import { rateDossierOnline } from '../usecases/portal/feedback/ratings.js';
import { addSupplementUpload, supplementDossier } from '../usecases/portal/my-dossiers/supplement.js';
import {
  findCitizenDossiers,
  getCitizenDocument,
  getCitizenDossierView,
  renderCitizenApplicationForm,
} from '../usecases/portal/my-dossiers/view-dossiers.js';
import { withdrawDossier } from '../usecases/portal/my-dossiers/withdraw.js';
import { getCitizenReceipt, listCitizenPayments, startPayment } from '../usecases/portal/payments/pay-fees.js';
import {
  ApplicantActionResult,
  CitizenDossier,
  CitizenDossierItem,
  DossierRatingReceipt,
  Draft,
  DraftSummary,
  StartedPayment,
  SubmitResult,
  Upload,
} from './portal.schemas.js';

/** What the citizen typed so far: anything partial, but a filled form's values keep their shape. */
const DraftData = z.looseObject({ form: FormValuesSchema.optional() });
const ComponentKey = z
  .string()
  .regex(/^[a-z0-9]+([-_][a-z0-9]+)*$/)
  .max(64)
  .describe('the key of the component the file is for');
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const uploadErrors = { ...errors, 413: Problem, 415: Problem };

const CitizenMe = z
  .object({
    id: z.uuid(),
    source: z.enum(['vneid', 'local']),
    accountKind: z.enum(['person', 'organisation']),
    fullName: z.string(),
    idNumber: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    address: z.string().nullable(),
    communeCode: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    taxCode: z.string().nullable(),
    organisationName: z.string().nullable(),
    csrfToken: z.string().describe('Send as X-CSRF-Token on POST/PUT/PATCH/DELETE with the citizen cookie'),
  })
  .meta({ id: 'CitizenMe' });

/** Citizen sign-in and everything a signed-in citizen does on the portal. */
import { withRetryAfter } from '../http/retry-after.js';
export const registerPortalCitizenRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const secure = ctx.config.publicUrl.startsWith('https://');

  // --- sign-in ---------------------------------------------------------------------------------------

  api.get(
    '/api/v1/citizen/auth/start',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['citizen'],
        summary: 'Start signing in with VNeID / the national portal (OpenID Connect; redirects to the provider)',
        querystring: z.object({
          returnTo: z.string().max(500).optional().describe('a path of this site to come back to'),
        }),
        response: { 302: z.null().describe('To the identity provider’s sign-in page'), 404: Problem, 401: Problem },
      },
    },
    async (request, reply) => {
      const { redirectTo, binding } = await startCitizenLogin(ctx, { returnTo: request.query.returnTo });
      void reply.setCookie(LOGIN_BINDING_COOKIE, binding, {
        path: '/api/v1/citizen/auth',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: Math.floor(LOGIN_REQUEST_TTL_MS / 1000),
      });
      return reply.redirect(redirectTo, 302);
    },
  );

  api.get(
    '/api/v1/citizen/auth/callback',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['citizen'],
        summary:
          'Where the identity provider sends the citizen back (sets the citizen session, redirects to the portal)',
        querystring: z.looseObject({
          code: z.string().max(2000).optional(),
          state: z.string().max(500).optional(),
          error: z.string().max(200).optional(),
        }),
        response: {
          302: z.null().describe('To the portal page the sign-in started from, signed in'),
          400: Problem,
          401: Problem,
          404: Problem,
          422: Problem,
        },
      },
    },
    async (request, reply) => {
      const query = Object.fromEntries(
        Object.entries(request.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      const binding = request.cookies[LOGIN_BINDING_COOKIE];
      void reply.clearCookie(LOGIN_BINDING_COOKIE, {
        path: '/api/v1/citizen/auth',
        httpOnly: true,
        sameSite: 'lax',
        secure,
      });
      const result = await finishCitizenLogin(ctx, { query, binding });
      setCitizenCookie(reply, result.sessionToken, secure);
      return reply.redirect(`${ctx.config.publicUrl}${result.returnTo}`, 302);
    },
  );

  api.post(
    '/api/v1/citizen/auth/login',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['citizen'],
        summary: 'Sign in with a local citizen account (the demo account; real citizens use VNeID)',
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
        response: { 200: CitizenMe, 400: Problem, 401: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const result = await withRetryAfter(reply, () =>
        loginLocalCitizen(ctx, { ...request.body, clientAddress: request.ip }),
      );
      setCitizenCookie(reply, result.sessionToken, secure);
      return describeCitizen(ctx, result.citizenId, result.csrfToken);
    },
  );

  api.post(
    '/api/v1/citizen/auth/logout',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['citizen'],
        summary: 'Sign out of the portal',
        response: { 204: z.null(), 403: Problem },
      },
    },
    async (request, reply) => {
      await logoutCitizen(ctx, request.actor);
      clearCitizenCookie(reply, secure);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/citizen/me',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'The signed-in citizen (profile for prefilling forms) and the CSRF token',
        response: { 200: CitizenMe, 401: Problem },
      },
    },
    async (request) => {
      const citizen = requireCitizen(request.actor);
      return describeCitizen(ctx, citizen.citizenId, citizen.session.csrfToken);
    },
  );

  api.patch(
    '/api/v1/citizen/me',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Change the phone and email notifications go to',
        body: z
          .object({
            phone: z.string().trim().regex(PHONE_PATTERN, { message: 'msg:PHONE' }).nullable().optional(),
            email: z.email({ message: 'msg:EMAIL' }).max(254).nullable().optional(),
          })
          .strict(),
        response: { 200: CitizenMe, ...errors },
      },
    },
    async (request) => updateMyContact(ctx, request.actor, request.body),
  );

  // --- drafts and uploads ----------------------------------------------------------------------------

  api.post(
    '/api/v1/citizen/drafts',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Start an online application for a procedure of a province catalog (prefilled from the profile)',
        body: z.object({
          catalog: z.string().regex(/^\d{2}$/, { message: 'msg:PROVINCE_CODE' }),
          procedureCode: z.string().trim().min(3).max(64),
          data: DraftData.optional(),
        }),
        response: { 201: Draft, ...errors },
      },
    },
    async (request, reply) => {
      const siteProvinceCode = await findRequestProvince(ctx, request);
      return reply
        .code(201)
        .send(await startDraft(ctx, request.actor, { ...request.body, siteProvinceCode }, request.language));
    },
  );

  api.get(
    '/api/v1/citizen/drafts',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'The citizen’s drafts, most recently edited first',
        querystring: z.object({
          status: z.enum(['open', 'submitted']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(DraftSummary) }), 401: Problem },
      },
    },
    async (request) => ({ items: await findDrafts(ctx, request.actor, request.query) }),
  );

  api.get(
    '/api/v1/citizen/drafts/:id',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'One draft: the data, the uploads, the form and what is still missing (`problems`)',
        params: z.object({ id: z.uuid() }),
        response: { 200: Draft, ...errors },
      },
    },
    async (request) => viewDraft(ctx, request.actor, request.params.id, request.language),
  );

  api.put(
    '/api/v1/citizen/drafts/:id',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Save the application data typed so far (guarded by the draft’s version)',
        params: z.object({ id: z.uuid() }),
        body: z.object({ expectedVersion: z.number().int().min(1), data: DraftData }),
        response: { 200: Draft, ...errors },
      },
    },
    async (request) => saveDraft(ctx, request.actor, { id: request.params.id, ...request.body }, request.language),
  );

  api.delete(
    '/api/v1/citizen/drafts/:id',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Discard an open draft and its uploads',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await discardDraft(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/v1/citizen/drafts/:id/uploads',
    {
      config: CITIZEN,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: ['citizen'],
        summary: 'Upload a file for a component (multipart/form-data, one file: PDF, JPEG or PNG)',
        description:
          'The type is read from the file’s content (415 otherwise); files over the limit answer 413; every file goes ' +
          'through the scanning hook (422 when rejected) and is stored content-addressed.',
        consumes: ['multipart/form-data'],
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ component: ComponentKey }),
        response: { 201: Upload, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
      const upload = await addDraftUpload(ctx, request.actor, {
        draftId: request.params.id,
        componentKey: request.query.component,
        file,
      });
      return reply.code(201).send(upload);
    },
  );

  api.post(
    '/api/v1/citizen/drafts/:id/submit',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Submit the application: a dossier waiting for the desk (or received at once when automatic)',
        description:
          'Validates the application and the files against the procedure version in force, then creates the dossier ' +
          'through the same engine as counter intake (channel online). Send an Idempotency-Key to make retries safe.',
        params: z.object({ id: z.uuid() }),
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }).passthrough(),
        body: z.object({ expectedVersion: z.number().int().min(1) }),
        response: { 201: SubmitResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await submitDraft(
        ctx,
        request.actor,
        {
          draftId: request.params.id,
          expectedVersion: request.body.expectedVersion,
          siteProvinceCode: await findRequestProvince(ctx, request),
        },
        request.language,
        idempotencyOf(request),
      );
      if (result.replayed) {
        reply.header('idempotent-replayed', 'true');
      }
      return reply.code(result.statusCode).send(result.body);
    },
  );

  api.get(
    '/api/v1/citizen/uploads/:id',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Download a file the citizen uploaded',
        params: z.object({ id: z.uuid() }),
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
      },
    },
    async (request, reply) => {
      const upload = await getCitizenUpload(ctx, request.actor, request.params.id);
      return sendStoredFile(ctx, reply, {
        sha256: upload.fileSha256,
        mediaType: upload.mediaType,
        fileName: upload.fileName,
      });
    },
  );

  api.delete(
    '/api/v1/citizen/uploads/:id',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Remove a file not yet sent (from a draft or a supplement in preparation)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeUpload(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // --- the citizen's dossiers ------------------------------------------------------------------------

  api.get(
    '/api/v1/citizen/dossiers',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'The citizen’s dossiers, newest first (keyset pages), with the next step and whether each was rated',
        querystring: z.object({
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({ items: z.array(CitizenDossierItem), nextCursor: z.string().nullable() }),
          400: Problem,
          401: Problem,
        },
      },
    },
    async (request) =>
      findCitizenDossiers(ctx, request.actor, {
        ...request.query,
        provinceCode: await findRequestProvince(ctx, request),
      }),
  );

  api.get(
    '/api/v1/citizen/dossiers/:code',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary:
          'One of the citizen’s dossiers: progress, catalog, receiving agency, components, next step, documents and ' +
          'results, payments, rating, PIN',
        params: z.object({ code: DossierCode }),
        response: { 200: CitizenDossier, ...errors },
      },
    },
    async (request) => getCitizenDossierView(ctx, request.actor, request.params.code),
  );

  api.get(
    '/api/v1/citizen/dossiers/:code/documents/:id',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Download a document of the dossier (the files handed in; the results once ready)',
        params: z.object({ code: DossierCode, id: z.uuid() }),
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
      },
    },
    async (request, reply) => {
      const document = await getCitizenDocument(ctx, request.actor, request.params);
      return sendStoredFile(ctx, reply, {
        sha256: document.sha256,
        mediaType: document.mediaType,
        fileName: document.name,
      });
    },
  );

  api.get(
    '/api/v1/citizen/dossiers/:code/application-form.pdf',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'The filled application form (tờ khai) of one of the citizen’s dossiers, printed (PDF)',
        params: z.object({ code: DossierCode }),
        produces: ['application/pdf'],
        response: { 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const pdf = await renderCitizenApplicationForm(ctx, request.actor, request.params.code);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${request.params.code}-to-khai.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf as never);
    },
  );

  api.post(
    '/api/v1/citizen/dossiers/:code/uploads',
    {
      config: CITIZEN,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: ['citizen'],
        summary: 'Upload a file for the supplement the desk asked for (kept until the supplement is sent)',
        consumes: ['multipart/form-data'],
        params: z.object({ code: DossierCode }),
        querystring: z.object({ component: ComponentKey }),
        response: { 201: Upload, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
      const upload = await addSupplementUpload(ctx, request.actor, {
        code: request.params.code,
        componentKey: request.query.component,
        file,
      });
      return reply.code(201).send(upload);
    },
  );

  api.post(
    '/api/v1/citizen/dossiers/:code/supplement',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Answer a supplement request online (applicant_supplement) with the files uploaded for it',
        params: z.object({ code: DossierCode }),
        body: z.object({
          expectedVersion: z.number().int().min(1),
          note: z.string().trim().max(2000).optional(),
          uploadIds: z.array(z.uuid()).min(1).max(50).optional().describe('default: every file uploaded for it'),
        }),
        response: { 200: ApplicantActionResult, ...errors },
      },
    },
    async (request) => supplementDossier(ctx, request.actor, { code: request.params.code, ...request.body }),
  );

  api.post(
    '/api/v1/citizen/dossiers/:code/withdraw',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Withdraw the dossier (DVCQG status 7)',
        params: z.object({ code: DossierCode }),
        body: z.object({ expectedVersion: z.number().int().min(1), reason: z.string().trim().min(3).max(2000) }),
        response: { 200: ApplicantActionResult, ...errors },
      },
    },
    async (request) => withdrawDossier(ctx, request.actor, { code: request.params.code, ...request.body }),
  );

  api.post(
    '/api/v1/citizen/dossiers/:code/payments',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Pay the fees the dossier waits for: answers the payment platform’s URL to send the citizen to',
        params: z.object({ code: DossierCode }),
        response: { 201: StartedPayment, ...errors, 502: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await startPayment(ctx, request.actor, { code: request.params.code, clientIp: request.ip })),
  );

  api.get(
    '/api/v1/citizen/dossiers/:code/payments',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'The payments of the dossier',
        params: z.object({ code: DossierCode }),
        response: { 200: z.object({ items: z.array(StartedPayment) }), ...errors },
      },
    },
    async (request) => ({ items: await listCitizenPayments(ctx, request.actor, request.params.code) }),
  );

  api.get(
    '/api/v1/citizen/dossiers/:code/payments/:id/receipt',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'The e-receipt (PDF) of a successful payment',
        params: z.object({ code: DossierCode, id: z.uuid() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const receipt = await getCitizenReceipt(ctx, request.actor, {
        code: request.params.code,
        paymentId: request.params.id,
      });
      return sendStoredFile(ctx, reply, {
        sha256: receipt.sha256,
        mediaType: 'application/pdf',
        fileName: receipt.fileName,
      });
    },
  );

  api.post(
    '/api/v1/citizen/dossiers/:code/rating',
    {
      config: CITIZEN,
      schema: {
        tags: ['citizen'],
        summary: 'Rate the dossier once its result was returned (once per dossier)',
        params: z.object({ code: DossierCode }),
        body: DossierRatingInput,
        response: { 201: DossierRatingReceipt, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rateDossierOnline(ctx, request.actor, request.params.code, request.body)),
  );
};
