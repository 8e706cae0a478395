import { PassThrough } from 'node:stream';
import {
  PAKN_CODE_PATTERN,
  PaknAction,
  PaknCategory,
  PaknChannel,
  PaknState,
  PaknSubmission,
  PaknTimeLimits,
  SatisfactionLevel,
} from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { findRequestProvince, getPublicProvince } from '../http/request-site.js';
import { withRetryAfter } from '../http/retry-after.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { changePakn } from '../usecases/pakn/change-pakn.js';
import { renderPaknAnswerDocument, writePaknRegisterWorkbook } from '../usecases/pakn/pakn-documents.js';
import { getPaknSettings, setPaknSettings } from '../usecases/pakn/pakn-settings.js';
import { getPaknStatistics } from '../usecases/pakn/pakn-statistics.js';
import { getPublicPaknAnswer, listPublicPaknAnswers, ratePaknAnswer } from '../usecases/pakn/public-pakn.js';
import { findPaknInbox, getPakn } from '../usecases/pakn/read-pakn.js';
import { registerPakn } from '../usecases/pakn/register-pakn.js';

const Label = z.looseObject({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant with the +07:00 offset');
const PaknCode = z.string().regex(PAKN_CODE_PATTERN, { message: 'msg:PAKN_CODE' });
const Topic = z.enum(['conduct', 'regulation', 'proposal', 'initiative']);
const Timeliness = z.object({
  timeliness: z.enum(['early', 'on_time', 'late', 'in_time', 'overdue', 'no_deadline']),
  label: Label,
});

const PaknListItem = z
  .object({
    code: z.string(),
    status: PaknState,
    statusLabel: Label,
    channel: PaknChannel,
    kind: z.enum(['phan_anh', 'kien_nghi']),
    topic: Topic,
    topicLabel: Label,
    category: PaknCategory.nullable(),
    regulation: z.string(),
    senderName: z.string(),
    agencyId: z.string().nullable(),
    agencyName: z.string().nullable(),
    receivedAt: Instant,
    classifyDueAt: Instant.nullable(),
    answerDueAt: Instant.nullable(),
    answeredAt: Instant.nullable(),
    timeliness: Timeliness,
    isDemo: z.boolean(),
  })
  .meta({ id: 'PaknListItem', description: 'A line of the PAKN register (sổ theo dõi)' });

const PaknInbox = z
  .object({ items: z.array(PaknListItem), nextCursor: z.string().nullable() })
  .meta({ id: 'PaknInbox' });

const PaknDetail = PaknListItem.extend({
  version: z.number().int(),
  kindLabel: Label,
  channelLabel: Label,
  categoryLabel: Label.nullable(),
  procedureCode: z.string().nullable(),
  content: z.string(),
  sender: z.object({ name: z.string(), address: z.string(), phone: z.string(), email: z.string().nullable() }),
  receivingAgencyId: z.string().nullable(),
  receivingAgencyName: z.string().nullable(),
  forwardedAt: Instant.nullable(),
  publishedAt: Instant.nullable(),
  outcomeNote: z.string().nullable(),
  answerText: z.string().nullable(),
  answerSigner: z.string().nullable(),
  rating: SatisfactionLevel.nullable(),
  clockStopped: z.boolean(),
  actions: z.array(
    z.object({
      action: PaknAction,
      label: Label,
      permission: z.enum(['pakn.receive', 'pakn.handle', 'pakn.approve']),
      needsNote: z.boolean(),
    }),
  ),
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: Instant,
      action: z.string(),
      actorKind: z.string(),
      agencyName: z.string().nullable(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      toStatusLabel: Label.nullable(),
      note: z.string().nullable(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
}).meta({ id: 'PaknDetail', description: 'A PAKN with its sender, answer, hash-chained history and possible steps' });

const PaknChanged = z
  .object({ code: z.string(), status: PaknState, version: z.number().int() })
  .meta({ id: 'PaknChanged' });

const PaknRegistration = PaknSubmission.omit({ provinceCode: true })
  .extend({
    agencyId: z.uuid(),
    channel: z.enum(['counter', 'post', 'email', 'hotline']),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({
    id: 'PaknRegistration',
    description: 'A PAKN received at the counter, by post, email or hotline, logged by the receiving officer',
  });

const PaknActionBody = z
  .object({
    action: PaknAction,
    expectedVersion: z.number().int().min(1),
    category: PaknCategory.optional(),
    note: z.string().trim().max(2000).optional(),
    targetAgencyId: z.uuid().optional(),
    answer: z.string().trim().max(20_000).optional(),
  })
  .strict()
  .meta({
    id: 'PaknActionInput',
    description: 'One step of the handling (Decree 20/2008 Art. 9, 14, 15, 19), guarded by the version the caller saw',
    examples: [{ action: 'classify', expectedVersion: 1, category: 'not_competent' }],
  });

const Figures = z.object({
  received: z.number().int(),
  rejected: z.number().int(),
  forwarded: z.number().int(),
  inCompetence: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  openWithinTime: z.number().int(),
  openLate: z.number().int(),
  dissatisfiedOrLate: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
});

const PaknStatistics = z
  .object({
    period: z.object({ from: IsoDate, to: IsoDate }),
    total: Figures,
    onTimePercent: z.number().nullable(),
    satisfiedPercent: z.number().nullable(),
    byAgency: z.array(Figures.extend({ agencyId: z.string().nullable(), agencyName: z.string().nullable() })),
    byTopic: z.array(Figures.extend({ topic: Topic, topicLabel: Label })),
  })
  .meta({ id: 'PaknStatistics' });

const PaknSettings = z
  .object({
    provinceCode: z.string(),
    limits: PaknTimeLimits,
    limitsSource: z.enum(['province', 'default']),
    portalAgencyId: z.string().nullable(),
    defaults: PaknTimeLimits,
    version: z.number().int().describe('the settings’ version (0: none saved yet); a write sends it back'),
  })
  .meta({ id: 'PaknSettings', description: 'A province’s PAKN time limits (working days) and the legal defaults' });

const PublicPaknAnswer = z
  .object({
    code: z.string(),
    kind: z.enum(['phan_anh', 'kien_nghi']),
    kindLabel: Label,
    topic: Topic,
    topicLabel: Label,
    regulation: z.string(),
    procedureCode: z.string().nullable(),
    content: z.string(),
    agencyName: z.string().nullable(),
    receivedAt: Instant,
    answeredAt: Instant.nullable(),
    publishedAt: Instant.nullable(),
    answerText: z.string(),
    answerSigner: z.string().nullable(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'PublicPaknAnswer', description: 'A published answer (Decree 20/2008 Art. 19), without the sender' });

const PaknRated = z.object({ code: z.string(), rating: SatisfactionLevel, ratedAt: Instant }).meta({ id: 'PaknRated' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** PAKN handling for officials (register, inbox, steps, answer, statistics) and its public pages. */
export const registerPaknRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/pakn',
    {
      config: OFFICIAL,
      schema: {
        tags: ['pakn'],
        summary: 'The PAKN inbox of the caller’s agencies: all, open, due soon or late; keyset-paginated',
        querystring: z.object({
          view: z.enum(['all', 'open', 'due_soon', 'late']).default('all'),
          state: z
            .union([PaknState, z.array(PaknState)])
            .optional()
            .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: PaknInbox, ...errors },
      },
    },
    async (request) =>
      findPaknInbox(ctx, request.actor, {
        view: request.query.view,
        states: request.query.state,
        cursor: request.query.cursor,
        limit: request.query.limit,
      }),
  );

  api.post(
    '/api/v1/pakn',
    {
      config: OFFICIAL,
      schema: {
        tags: ['pakn'],
        summary: 'Log a PAKN received at the counter, by post, email or hotline in the agency’s register',
        body: PaknRegistration,
        response: { 201: PaknChanged, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await registerPakn(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/pakn/statistics',
    {
      config: OFFICIAL,
      schema: {
        tags: ['pakn'],
        summary: 'PAKN received, answered on time, late, forwarded — by agency and field, for a period',
        querystring: z.object({ from: IsoDate, to: IsoDate }),
        response: { 200: PaknStatistics, ...errors },
      },
    },
    async (request) => getPaknStatistics(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/pakn/register.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags: ['pakn'],
        summary: 'The PAKN register (sổ theo dõi) of the caller’s agencies as Excel, streamed',
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const stream = new PassThrough();
      const write = await writePaknRegisterWorkbook(ctx, request.actor, stream);
      write().catch((error: unknown) => {
        request.log.error({ err: error }, 'PAKN register export failed');
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="so-theo-doi-pakn.xlsx"')
        .send(stream);
    },
  );

  api.get(
    '/api/v1/pakn/settings',
    {
      config: OFFICIAL,
      schema: {
        tags: ['pakn'],
        summary: 'A province’s PAKN time limits and the agency receiving the portal’s PAKN',
        querystring: z.object({ province: z.string().regex(/^\d{2}$/) }),
        response: { 200: PaknSettings, ...errors },
      },
    },
    async (request) => getPaknSettings(ctx, request.actor, request.query.province),
  );

  api.put(
    '/api/v1/pakn/settings',
    {
      config: OFFICIAL,
      schema: {
        tags: ['pakn'],
        summary: 'Set a province’s PAKN time limits (province administrator)',
        body: z
          .object({
            provinceCode: z.string().regex(/^\d{2}$/),
            timeLimits: PaknTimeLimits,
            portalAgencyId: z.uuid().nullable(),
            expectedVersion: z.number().int().min(0),
          })
          .strict(),
        response: { 200: PaknSettings, ...errors },
      },
    },
    async (request) => setPaknSettings(ctx, request.actor, request.body),
  );

  api.get(
    '/api/v1/pakn/:code',
    {
      config: OFFICIAL,
      schema: {
        tags: ['pakn'],
        summary: 'A PAKN with its history and the steps possible now',
        params: z.object({ code: PaknCode }),
        response: { 200: PaknDetail, ...errors },
      },
    },
    async (request) => getPakn(ctx, request.actor, request.params.code),
  );

  api.post(
    '/api/v1/pakn/:code/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: ['pakn'],
        summary: 'Take a step: classify, reject, forward, accept, handle, clarify, draft, approve, send, publish…',
        description:
          'Guarded by expectedVersion (409 when someone else changed it first). The step’s permission is checked at the agency holding the PAKN.',
        params: z.object({ code: PaknCode }),
        body: PaknActionBody,
        response: { 200: PaknChanged, ...errors },
      },
    },
    async (request) => changePakn(ctx, request.actor, { code: request.params.code, ...request.body }),
  );

  api.get(
    '/api/v1/pakn/:code/answer.pdf',
    {
      config: OFFICIAL,
      schema: {
        tags: ['pakn'],
        summary: 'The answer as a document in the Decree 30/2020 layout (the draft until it is sent)',
        params: z.object({ code: PaknCode }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await renderPaknAnswerDocument(ctx, request.actor, request.params.code);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  );

  // --- public: the published answers and the sender's rating -----------------------------------------

  api.get(
    '/api/v1/public/pakn-answers',
    {
      schema: {
        tags: ['portal'],
        summary: 'The province’s published PAKN answers, newest first; search without diacritics',
        querystring: z.object({
          province: z
            .string()
            .regex(/^\d{2}$/)
            .optional()
            .describe('the 2-digit province code; absent: the province of the host'),
          q: z.string().trim().max(200).optional(),
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: {
          200: z.object({ items: z.array(PublicPaknAnswer), nextCursor: z.string().nullable() }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request) =>
      listPublicPaknAnswers(ctx, {
        provinceCode: await getPublicProvince(ctx, request, request.query.province),
        q: request.query.q,
        cursor: request.query.cursor,
        limit: request.query.limit,
      }),
  );

  api.get(
    '/api/v1/public/pakn-answers/:code',
    {
      schema: {
        tags: ['portal'],
        summary: 'One published PAKN answer',
        params: z.object({ code: PaknCode }),
        response: { 200: PublicPaknAnswer, 400: Problem, 404: Problem },
      },
    },
    async (request) => getPublicPaknAnswer(ctx, request.params.code, await findRequestProvince(ctx, request)),
  );

  api.post(
    '/api/v1/public/pakn/:code/rating',
    {
      schema: {
        tags: ['portal'],
        summary: 'The sender rates the answer, once, with the last four digits of the phone given',
        description: 'No account needed; limited per client address like the tracking.',
        params: z.object({ code: PaknCode }),
        body: z.object({ phoneLast4: z.string().regex(/^\d{4}$/), rating: SatisfactionLevel }).strict(),
        response: { 200: PaknRated, 400: Problem, 404: Problem, 409: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const provinceCode = await findRequestProvince(ctx, request);
      return withRetryAfter(reply, () =>
        ratePaknAnswer(ctx, { code: request.params.code, ...request.body, clientAddress: request.ip, provinceCode }),
      );
    },
  );
};
