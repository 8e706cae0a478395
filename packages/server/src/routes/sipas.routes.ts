import { AnswerValue, MAX_MARGIN_BP, MIN_MARGIN_BP, QuestionnaireDefinition } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { CITIZEN_OPTIONAL, OFFICIAL } from '../http/auth.js';
import { findRequestProvince } from '../http/request-site.js';
import { withRetryAfter } from '../http/retry-after.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { renderSipasIndexPdf } from '../reports/sipas-index-pdf.js';
import { resultsMeta } from '../usecases/par/results/results-meta.js';
import { answerSipasInvitation, describeSipasInvitation, enterSipasResponse } from '../usecases/sipas/answers.js';
import {
  closeSipasCampaign,
  createSipasCampaign,
  drawSipasSample,
  getSipasCampaign,
  listSipasCampaignsOf,
  openSipasCampaign,
  publishSipasCampaign,
  remindSipasCampaign,
} from '../usecases/sipas/campaigns.js';
import { listSipasConsentedResponsesOf } from '../usecases/sipas/consented-responses.js';
import {
  getSipasQuestionnaire,
  listSipasQuestionnaires,
  saveSipasQuestionnaire,
} from '../usecases/sipas/questionnaires.js';
import { buildSipasWorkbook } from '../usecases/sipas/sipas-workbook.js';
import { getSipasSurveyEntryForm, listSipasCampaignsForSurvey } from '../usecases/sipas/survey-entry.js';

const ProvinceCode = z.string().regex(/^\d{2}$/);
const Token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const Text = z.object({ vi: z.string(), en: z.string() });

const QuestionnaireSchema = QuestionnaireDefinition.meta({
  id: 'SipasQuestionnaireDefinition',
  description: 'A questionnaire: factors (service or policy) → criteria → questions (likert5, choices, free text)',
});

const Questionnaire = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    code: z.string(),
    version: z.number().int(),
    title: z.string(),
    definition: QuestionnaireSchema,
    isDemo: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'SipasQuestionnaire' });

const IndexSettingsSchema = z.object({
  overall: z.enum(['mean_of_factors', 'pooled']),
  parts: z.enum(['service', 'service_and_policy']),
});

const CampaignStatus = z.enum(['draft', 'sampled', 'open', 'closed', 'published']);

const Campaign = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    year: z.number().int(),
    title: z.string(),
    questionnaireId: z.uuid(),
    periodFrom: z.string(),
    periodTo: z.string(),
    marginBp: z.number().int().describe('margin of error e in basis points (500 = 5 %)'),
    status: CampaignStatus,
    statusLabel: Text,
    seed: z.string().nullable().describe('the recorded seed of the draw: the same seed reproduces the sample'),
    population: z.number().int().nullable(),
    sampleSize: z.number().int().nullable(),
    indexSettings: IndexSettingsSchema,
    isDemo: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    sampledAt: z.string().nullable(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'SipasCampaign' });

const Ratio = { numerator: z.number().int(), base: z.number().int(), percent: z.number().nullable() };
const QuestionIndex = z.object({
  key: z.string(),
  ...Ratio,
  noAnswer: z.number().int(),
  distribution: z.array(z.number().int()).length(5),
});
const SatisfactionIndex = z
  .object({
    percent: z.number().nullable(),
    numerator: z.number().int(),
    base: z.number().int(),
    rule: z.string(),
    settings: IndexSettingsSchema,
    factors: z.array(
      z.object({
        key: z.string(),
        kind: z.enum(['service', 'policy']),
        ...Ratio,
        criteria: z.array(z.object({ key: z.string(), ...Ratio, questions: z.array(QuestionIndex) })),
      }),
    ),
  })
  .meta({ id: 'SipasSatisfactionIndex' });

const UnitFigures = {
  population: z.number().int(),
  sampleSize: z.number().int(),
  responses: z.number().int(),
  online: z.number().int(),
  paper: z.number().int(),
  phone: z.number().int(),
  responseRate: z.number().nullable(),
  index: SatisfactionIndex,
  marginOfError: z.number().nullable().describe('95 % margin of error, percentage points'),
};

const RatioOrNull = z.object(Ratio).nullable();
const YearOnYearLine = {
  current: RatioOrNull,
  previous: RatioOrNull,
  difference: z.number().nullable().describe('percentage points, this year − last year'),
};
const YearOnYearComparison = z.object({
  overall: z.object({ key: z.string(), ...YearOnYearLine }),
  factors: z.array(z.object({ key: z.string(), ...YearOnYearLine })),
});
const YearOnYear = z
  .object({
    previousCampaign: z.object({
      id: z.uuid(),
      title: z.string(),
      year: z.number().int(),
      publishedAt: z.string().nullable(),
    }),
    previousRule: z.string(),
    previousFactorNames: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string() })),
    province: YearOnYearComparison.nullable(),
    agencies: z.array(z.object({ agencyId: z.uuid(), agencyName: z.string(), key: z.string(), ...YearOnYearLine })),
  })
  .meta({ id: 'SipasYearOnYear', description: 'This year beside last year: per factor and overall, counts kept' });

const CampaignDetail = z
  .object({
    campaign: Campaign,
    questionnaire: z.object({
      id: z.uuid(),
      version: z.number().int(),
      title: z.string(),
      definition: QuestionnaireSchema,
    }),
    agencies: z.array(
      z.object({
        agencyId: z.uuid(),
        agencyName: z.string(),
        level: z.string(),
        levelName: z.string(),
        ...UnitFigures,
      }),
    ),
    levels: z.array(z.object({ level: z.string(), levelName: z.string(), agencies: z.number().int(), ...UnitFigures })),
    province: z.object(UnitFigures).nullable(),
    frozen: z.boolean(),
    yearOnYear: YearOnYear.nullable().describe(
      'last year’s published figures beside this campaign’s (null when the province published none the year before)',
    ),
  })
  .meta({
    id: 'SipasCampaignDetail',
    description: 'A campaign with its sample and responses per agency, per level and for the province, and the index',
  });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const publicErrors = { 400: Problem, 404: Problem, 409: Problem, 422: Problem, 429: Problem };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Answers = z.record(z.string().max(60), AnswerValue);

/** SIPAS satisfaction surveys: questionnaires, campaigns, answers, the index. */
export const registerSipasRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/sipas/questionnaires',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'The latest version of each questionnaire of the province, and the national default',
        querystring: z.object({ provinceCode: ProvinceCode }),
        response: {
          200: z.object({ items: z.array(Questionnaire), defaultDefinition: QuestionnaireSchema }),
          ...errors,
        },
      },
    },
    async (request) => listSipasQuestionnaires(ctx, request.actor, request.query.provinceCode),
  );

  api.post(
    '/api/v1/sipas/questionnaires',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'Save a questionnaire as the next version of its family (saved versions never change)',
        body: z.object({
          provinceCode: ProvinceCode,
          code: z.string().regex(/^[a-z][a-z0-9_-]{0,59}$/, { message: 'msg:SIPAS_KEY' }),
          definition: QuestionnaireSchema,
          expectedVersion: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('the latest version the designer started from (0: a new questionnaire); stale → 409'),
        }),
        response: { 201: Questionnaire, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await saveSipasQuestionnaire(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/sipas/questionnaires/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'One saved version of a questionnaire',
        params: z.object({ id: z.uuid() }),
        response: { 200: Questionnaire, ...errors },
      },
    },
    async (request) => getSipasQuestionnaire(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/sipas/campaigns',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'The survey campaigns of a province, newest first (keyset pages)',
        querystring: z.object({
          provinceCode: ProvinceCode,
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(300).optional(),
        }),
        response: { 200: z.object({ items: z.array(Campaign), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => listSipasCampaignsOf(ctx, request.actor, request.query),
  );

  api.post(
    '/api/v1/sipas/campaigns',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'Create a survey campaign (draft): period, margin of error, questionnaire',
        description:
          'The population is the dossiers returned in the period (by receiving agency); the sample size is ' +
          'n = ⌈N/(1+N·e²)⌉ with e = marginBp / 10 000 (5 % by default). Without questionnaireId the ' +
          'province’s default questionnaire (the five service factors) is used.',
        body: z.object({
          provinceCode: ProvinceCode,
          year: z.number().int().min(2000).max(2999),
          title: z.string().trim().min(1).max(500),
          periodFrom: IsoDate,
          periodTo: IsoDate,
          marginBp: z.number().int().min(MIN_MARGIN_BP).max(MAX_MARGIN_BP).optional(),
          questionnaireId: z.uuid().optional(),
          indexSettings: IndexSettingsSchema.optional(),
        }),
        response: { 201: Campaign, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createSipasCampaign(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/sipas/campaigns/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'A campaign: progress per agency against its sample, and the satisfaction index',
        description:
          'Readers of one agency see their agencies only (the level and province figures are left out). ' +
          'Responses are anonymous: nothing here names a dossier or an applicant.',
        params: z.object({ id: z.uuid() }),
        response: { 200: CampaignDetail, ...errors },
      },
    },
    async (request) => getSipasCampaign(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/sipas/campaigns/:id/report.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'The campaign’s progress and index as Excel (per agency, level, factor and question)',
        params: z.object({ id: z.uuid() }),
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const detail = await getSipasCampaign(ctx, request.actor, request.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="khao-sat-sipas-${detail.campaign.year}.xlsx"`)
        .send(await buildSipasWorkbook(detail));
    },
  );

  api.get(
    '/api/v1/sipas/campaigns/:id/report.pdf',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'The campaign’s index report as PDF (Decree 30/2020 layout): province, factors, agencies',
        description:
          'The same access as the Excel export: readers of one agency get their agencies only (no province ' +
          'or factor section). Every percentage is printed beside its numerator and base, with the margin of error.',
        params: z.object({ id: z.uuid() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const detail = await getSipasCampaign(ctx, request.actor, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="chi-so-hai-long-${detail.campaign.year}.pdf"`)
        .send(await renderSipasIndexPdf(detail, await resultsMeta(ctx, detail.campaign.provinceCode)));
    },
  );

  api.post(
    '/api/v1/sipas/campaigns/:id/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'Move the campaign on: draw the sample, open, remind, close, publish',
        description:
          'Guarded by the campaign version the organiser saw (409 when it moved on). draw_sample freezes the ' +
          'sample with its seed (the one given, or a new random one, recorded); open sends the invitations ' +
          'by email/SMS after the commit; remind sends them again to those who have not answered; publish ' +
          'freezes the index.',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          action: z.enum(['draw_sample', 'open', 'remind', 'close', 'publish']),
          expectedVersion: z.number().int().min(1),
          seed: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 200: Campaign, ...errors },
      },
    },
    async (request) => {
      const { action, ...input } = request.body;
      const target = { id: request.params.id, ...input };
      switch (action) {
        case 'draw_sample':
          return drawSipasSample(ctx, request.actor, target);
        case 'open':
          return openSipasCampaign(ctx, request.actor, target);
        case 'remind':
          return remindSipasCampaign(ctx, request.actor, target);
        case 'close':
          return closeSipasCampaign(ctx, request.actor, target);
        case 'publish':
          return publishSipasCampaign(ctx, request.actor, target);
      }
    },
  );

  api.post(
    '/api/v1/sipas/campaigns/:id/responses',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'A surveyor enters an answer collected on paper or by phone (marked as such)',
        description:
          'With the invitation code printed on the paper form, that invitation is used too (a later online ' +
          'answer is refused).',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          agencyId: z.uuid(),
          mode: z.enum(['paper', 'phone']),
          answers: Answers,
          invitationToken: Token.optional(),
        }),
        response: { 201: z.object({ received: z.literal(true), mode: z.enum(['paper', 'phone']) }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await enterSipasResponse(ctx, request.actor, { campaignId: request.params.id, ...request.body })),
  );

  api.get(
    '/api/v1/sipas/campaigns/:id/consented-responses',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'The answers whose respondents agreed to be identified, with their contact (keyset-paginated)',
        description:
          'Every other answer is anonymous and appears in the counts only. Readers of one agency get their ' +
          'agencies’ answers.',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(100).optional(),
        }),
        response: {
          200: z
            .object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  agencyId: z.uuid(),
                  agencyName: z.string(),
                  mode: z.enum(['online', 'paper', 'phone']),
                  answeredOn: z.string(),
                  contact: z.object({ name: z.string(), phone: z.string().optional(), email: z.string().optional() }),
                  answers: z.array(z.object({ key: z.string(), question: z.string(), answer: z.string() })),
                }),
              ),
              nextCursor: z.string().nullable(),
            })
            .meta({ id: 'SipasConsentedResponses' }),
          ...errors,
        },
      },
    },
    async (request) =>
      listSipasConsentedResponsesOf(ctx, request.actor, {
        id: request.params.id,
        limit: request.query.limit,
        cursor: request.query.cursor,
      }),
  );

  api.get(
    '/api/v1/sipas/survey/campaigns',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'The campaigns taking answers, for a surveyor entering paper and phone answers (sipas.survey)',
        querystring: z.object({ provinceCode: ProvinceCode }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                title: z.string(),
                year: z.number().int(),
                periodFrom: z.string(),
                periodTo: z.string(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => listSipasCampaignsForSurvey(ctx, request.actor, request.query.provinceCode),
  );

  api.get(
    '/api/v1/sipas/survey/campaigns/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['sipas'],
        summary: 'A campaign’s entry form for a surveyor: its questionnaire and the agencies of its sample',
        description: 'No figures: a surveyor enters answers, it does not read the index.',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z
            .object({
              campaign: z.object({ id: z.uuid(), title: z.string(), year: z.number().int(), status: CampaignStatus }),
              acceptsAnswers: z.boolean(),
              questionnaire: QuestionnaireSchema,
              scale: z.object({ levels: z.record(z.string(), Text), noAnswer: Text }),
              agencies: z.array(z.object({ agencyId: z.uuid(), agencyName: z.string() })),
            })
            .meta({ id: 'SipasSurveyEntryForm' }),
          ...errors,
        },
      },
    },
    async (request) => getSipasSurveyEntryForm(ctx, request.actor, request.params.id),
  );

  api.get(
    '/api/v1/public/sipas/invitations/:token',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'The survey an invitation link opens (no account): the agency rated and the questions',
        description: 'Rate-limited per client address. Never shows the dossier or the applicant.',
        params: z.object({ token: Token }),
        response: {
          200: z
            .object({
              campaignTitle: z.string(),
              agencyName: z.string(),
              state: z.enum(['open', 'answered', 'closed']),
              questionnaire: QuestionnaireSchema,
              scale: z.object({ levels: z.record(z.string(), Text), noAnswer: Text }),
            })
            .meta({ id: 'SipasInvitationView' }),
          ...publicErrors,
        },
      },
    },
    async (request, reply) => {
      const provinceCode = await findRequestProvince(ctx, request);
      return withRetryAfter(reply, () =>
        describeSipasInvitation(ctx, { token: request.params.token, clientAddress: request.ip, provinceCode }),
      );
    },
  );

  api.post(
    '/api/v1/public/sipas/invitations/:token/answers',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'Answer the survey once (no account); a second answer with the same link is refused',
        description:
          'The answer is stored without any link to the invitation, the dossier or the person (anonymous to ' +
          'officials). 409 SIPAS_ALREADY_ANSWERED for a used link; rate-limited per client address.',
        params: z.object({ token: Token }),
        body: z.object({
          answers: Answers,
          contact: z
            .object({
              name: z.string().max(200),
              phone: z.string().max(30).optional(),
              email: z.string().max(200).optional(),
            })
            .strict()
            .optional()
            .describe(
              'only when the respondent agrees to be identified to the organiser and contacted (opt-in); ' +
                'without it the answer is anonymous',
            ),
        }),
        response: { 201: z.object({ received: z.literal(true) }), ...publicErrors },
      },
    },
    async (request, reply) => {
      const provinceCode = await findRequestProvince(ctx, request);
      return reply.code(201).send(
        await withRetryAfter(reply, () =>
          answerSipasInvitation(ctx, {
            token: request.params.token,
            answers: request.body.answers,
            clientAddress: request.ip,
            contact: request.body.contact,
            provinceCode,
          }),
        ),
      );
    },
  );
};
