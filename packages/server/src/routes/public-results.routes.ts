import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { getPublicProvince } from '../http/request-site.js';
import { Problem } from '../http/schemas.js';
import { buildServiceIndexWorkbook } from '../reports/service-index-workbook.js';
import { buildStatisticsWorkbook } from '../reports/statistics-workbook.js';
import {
  buildPublicReportMeta,
  describePublicServiceIndex,
  describePublicStatistics,
  getPublicServiceIndexReport,
  getPublicStatisticsReport,
  listPublicResultPeriods,
  writePublicStatisticsCsv,
} from '../usecases/public-results/public-results.js';
import { describePublicSipasResults } from '../usecases/public-results/public-sipas.js';

const ProvinceCode = z.string().regex(/^\d{2}$/, { message: 'msg:PROVINCE_CODE' });
const PublicPeriod = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/)
  .describe('an ended month (2026-11), quarter (2026-Q3) or year (2025)');
/** Absent: the province of the request's host (another province's code on a province's host answers 404). */
const OwnProvince = ProvinceCode.optional().describe('the 2-digit province code; absent: the province of the host');
const ResultQuery = z.object({ province: OwnProvince, period: PublicPeriod });
const Label = z.object({ vi: z.string(), en: z.string() });
const errors = { 400: Problem, 404: Problem };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Closed periods do not change: a shared cache may keep them for an hour. */
const PUBLIC_CACHE = 'public, max-age=3600';

const Rate = z.object({
  numerator: z.number().int(),
  base: z.number().int(),
  value: z.number().nullable(),
  text: z.string().describe('"92,54%"'),
  basis: z.string().describe('"4.431/4.788 (92,54%)": the rate over its base'),
});

const Figures = {
  totalToProcess: z.number().int(),
  receivedNew: z.number().int(),
  receivedOnline: z.number().int(),
  resolved: z.number().int(),
  resolvedEarly: z.number().int(),
  resolvedOnTime: z.number().int(),
  resolvedLate: z.number().int(),
  inProgress: z.number().int(),
  inProgressOverdue: z.number().int(),
  onTimeRate: Rate.describe('resolved early or on time over resolved (Decision 766)'),
  onlineRate: Rate.describe('received online over received'),
};

const PeriodOut = z.object({ value: z.string(), from: z.string(), to: z.string(), label: Label });
const ProvinceOut = z.object({ code: z.string(), name: z.string() });

const PublicStatistics = z
  .object({
    province: ProvinceOut,
    period: PeriodOut,
    totals: z.object(Figures),
    agencies: z.array(z.object({ agencyId: z.string().nullable(), name: z.string(), ...Figures })),
    notes: z.array(Label),
  })
  .meta({ id: 'PublicStatistics', description: 'On-time rates by agency for a closed period, each over its base' });

const PublicServiceIndex = z
  .object({
    province: ProvinceOut,
    period: PeriodOut,
    minDossiersToRank: z.number().int(),
    units: z.array(
      z.object({
        rank: z.number().int().nullable(),
        standing: z.enum(['ranked', 'too_few_dossiers']),
        agencyId: z.string().nullable(),
        name: z.string(),
        dossiers: z.number().int(),
        score: z.number(),
        maxAvailable: z.number(),
        percentOfAvailable: z.number().nullable(),
        basis: z.string().describe('"78,5/90 điểm (87,22%)"'),
        groups: z.array(
          z.object({ no: z.number().int(), name: z.string(), score: z.number(), maxAvailable: z.number() }),
        ),
      }),
    ),
    notHeld: z.array(z.object({ code: z.string(), name: z.string(), max: z.number() })),
    notes: z.array(Label),
  })
  .meta({
    id: 'PublicServiceIndex',
    description: 'The Decision 766 ranking of the province’s agencies for a closed period',
  });

const SipasIndex = {
  percent: z.number().nullable(),
  text: z.string(),
  basis: z.string().describe('"412/480 (85,83%)": the index over its base'),
};

const PublicSipas = z
  .object({
    province: ProvinceOut,
    campaign: z.object({ id: z.uuid(), year: z.number().int(), title: z.string(), isDemo: z.boolean() }),
    overall: z.object({ responses: z.number().int(), sampleSize: z.number().int(), ...SipasIndex }),
    agencies: z.array(
      z.object({
        agencyId: z.string(),
        name: z.string(),
        responses: z.number().int(),
        sampleSize: z.number().int(),
        ...SipasIndex,
      }),
    ),
  })
  .meta({ id: 'PublicSipas', description: 'The latest published SIPAS satisfaction survey of the province' });

const attachment = (name: string) => `attachment; filename="${name}"`;

/**
 * The province's published results on the portal, without sign-in: on-time rates by agency and the Decision 766
 * ranking, for ended months, quarters and years only (an open period answers 404 RESULT_PERIOD_NOT_PUBLIC). The
 * figures are the officials' report figures for the same period, computed by the same use-cases.
 */
export const registerPublicResultRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const withProvince = async <Q extends { province?: string | undefined }>(
    request: FastifyRequest,
    query: Q,
  ): Promise<Q & { province: string }> => ({
    ...query,
    province: await getPublicProvince(ctx, request, query.province),
  });

  api.get(
    '/api/v1/public/results/periods',
    {
      schema: {
        tags: ['public-results'],
        summary: 'The closed periods whose results the province publishes, newest first',
        querystring: z.object({ province: OwnProvince }),
        response: {
          200: z
            .object({
              province: ProvinceOut,
              rule: Label,
              periods: z.array(
                z.object({ value: z.string(), kind: z.enum(['month', 'quarter', 'year']), label: Label }),
              ),
            })
            .meta({ id: 'PublicResultPeriods' }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const periods = await listPublicResultPeriods(ctx, await withProvince(request, request.query));
      void reply.header('cache-control', 'public, max-age=300').header('vary', 'Host');
      return periods;
    },
  );

  api.get(
    '/api/v1/public/results/statistics',
    {
      schema: {
        tags: ['public-results'],
        summary: 'On-time rates by agency for a closed period, each with its numerator and base',
        querystring: ResultQuery,
        response: { 200: PublicStatistics, ...errors },
      },
    },
    async (request, reply) => {
      const data = await describePublicStatistics(ctx, await withProvince(request, request.query));
      void reply.header('cache-control', PUBLIC_CACHE).header('vary', 'Host');
      return data;
    },
  );

  api.get(
    '/api/v1/public/results/statistics.xlsx',
    {
      schema: {
        tags: ['public-results'],
        summary: 'The same figures as Excel, in the layout of the officials’ statistics report',
        querystring: ResultQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const query = await withProvince(request, request.query);
      const { report } = await getPublicStatisticsReport(ctx, query);
      const meta = await buildPublicReportMeta(ctx, query.province);
      const buffer = await buildStatisticsWorkbook(report, meta);
      return reply
        .type(XLSX)
        .header('cache-control', PUBLIC_CACHE)
        .header('vary', 'Host')
        .header('content-disposition', attachment(`ket-qua-giai-quyet-${request.query.period}.xlsx`))
        .send(buffer);
    },
  );

  api.get(
    '/api/v1/public/results/statistics.csv',
    {
      schema: {
        tags: ['public-results'],
        summary: 'The same figures as CSV (UTF-8)',
        querystring: ResultQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const data = await describePublicStatistics(ctx, await withProvince(request, request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', PUBLIC_CACHE)
        .header('vary', 'Host')
        .header('content-disposition', attachment(`ket-qua-giai-quyet-${request.query.period}.csv`))
        .send(writePublicStatisticsCsv(data));
    },
  );

  api.get(
    '/api/v1/public/results/service-index',
    {
      schema: {
        tags: ['public-results'],
        summary: 'The Decision 766 ranking of the province’s agencies for a closed period',
        querystring: ResultQuery,
        response: { 200: PublicServiceIndex, ...errors },
      },
    },
    async (request, reply) => {
      const data = await describePublicServiceIndex(ctx, await withProvince(request, request.query));
      void reply.header('cache-control', PUBLIC_CACHE).header('vary', 'Host');
      return data;
    },
  );

  api.get(
    '/api/v1/public/results/service-index.xlsx',
    {
      schema: {
        tags: ['public-results'],
        summary: 'The Decision 766 ranking as Excel, as the officials’ report exports it',
        querystring: ResultQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const query = await withProvince(request, request.query);
      const { report } = await getPublicServiceIndexReport(ctx, query);
      const meta = await buildPublicReportMeta(ctx, query.province);
      const buffer = await buildServiceIndexWorkbook(report, meta);
      return reply
        .type(XLSX)
        .header('cache-control', PUBLIC_CACHE)
        .header('vary', 'Host')
        .header('content-disposition', attachment(`chi-so-766-${request.query.period}.xlsx`))
        .send(buffer);
    },
  );

  api.get(
    '/api/v1/public/results/sipas',
    {
      schema: {
        tags: ['public-results'],
        summary:
          'The province’s latest published SIPAS satisfaction survey: the index overall and per agency (404 if none)',
        querystring: z.object({ province: OwnProvince }),
        response: { 200: PublicSipas, ...errors },
      },
    },
    async (request, reply) => {
      const data = await describePublicSipasResults(ctx, await withProvince(request, request.query));
      void reply.header('cache-control', 'public, max-age=300').header('vary', 'Host');
      return data;
    },
  );
};
