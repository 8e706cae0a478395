import { PassThrough } from 'node:stream';
import { formatPercentVi, type Percentage, type StatisticsFigures } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { renderForm } from '../pdf/render-form.js';
import { fileNamePart } from '../reports/report-meta.js';
import { buildServiceIndexWorkbook } from '../reports/service-index-workbook.js';
import { renderStatisticsPdf } from '../reports/statistics-pdf.js';
import { buildStatisticsWorkbook } from '../reports/statistics-workbook.js';
import { writeTrackingBookWorkbook } from '../reports/tracking-book-workbook.js';
import { DOSSIER_FIGURES, getLatenessReport, listReportDossiers } from '../usecases/reports/drill-down.js';
import { buildReportMeta } from '../usecases/reports/report-issuer.js';
import { resolveReportScope } from '../usecases/reports/scope.js';
import { getServiceIndexReport } from '../usecases/reports/service-index.js';
import {
  getStatisticsReport,
  roundReportPercentages,
  STATISTICS_GROUPINGS,
  type StatisticsReport,
} from '../usecases/reports/statistics.js';
import { openTrackingBook } from '../usecases/reports/tracking-book.js';
import {
  FigureDossiers,
  LatenessReport,
  ServiceIndexReport,
  StatisticsReport as StatisticsReportSchema,
  TrackingBookPage,
} from './reports.schemas.js';

/** A list given as repeated parameters or comma-separated. */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : value,
    z.array(item).max(max),
  );

const ScopeQuery = z.object({
  scope: z
    .enum(['province', 'agency', 'commune'])
    .optional()
    .describe('Default: the province for its administrator, else the caller’s agency'),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  agency: z.uuid().optional(),
  subagencies: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('With scope=agency: include sub-agencies (default true)'),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .describe('With scope=commune: the commune’s administrative-unit code'),
  levels: listOf(z.enum(['ministry', 'province', 'district', 'commune']), 4).optional(),
  channels: listOf(z.enum(['direct', 'online', 'postal']), 3).optional(),
  procedures: listOf(z.string().trim().min(1).max(64), 50).optional(),
  fields: listOf(z.string().trim().min(1).max(300), 50).optional(),
});

const PeriodQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  period: z
    .string()
    .max(20)
    .optional()
    .describe('Instead of from/to: 2026 (year), 2026-H1, 2026-Q4 (quarter) or 2026-11 (month)'),
});

const StatisticsQuery = ScopeQuery.extend(PeriodQuery.shape).extend({
  groupBy: listOf(z.enum(STATISTICS_GROUPINGS), 2)
    .optional()
    .describe(
      'Up to two of agency, receivingAgency, level, channel, procedure, field, province, day, month, quarter, year',
    ),
});

const ServiceIndexQuery = ScopeQuery.extend(PeriodQuery.shape).extend({
  level: z.enum(['agency', 'province']).default('agency'),
});

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };

type PercentageKey = keyof StatisticsFigures['percentages'];

const withText = (p: Percentage) => ({ ...p, text: formatPercentVi(p.value) });

/** Every percentage with its Vietnamese text ("98,81%") next to its numerator, base and rule. */
const presentFigures = (figures: StatisticsFigures) => ({
  ...figures,
  percentages: Object.fromEntries(Object.entries(figures.percentages).map(([key, p]) => [key, withText(p)])) as Record<
    PercentageKey,
    ReturnType<typeof withText>
  >,
});

/**
 * Group rows carry each percentage with its numerator and its base (stated next to it); the label
 * and the rule, the same for every row, are given once with the totals.
 */
const presentGroupFigures = (figures: StatisticsFigures) => ({
  ...figures,
  percentages: Object.fromEntries(
    Object.entries(figures.percentages).map(([key, p]) => [
      key,
      { value: p.value, text: formatPercentVi(p.value), numerator: p.numerator, base: p.base, baseLabel: p.baseLabel },
    ]),
  ) as Record<PercentageKey, Pick<ReturnType<typeof withText>, 'value' | 'text' | 'numerator' | 'base' | 'baseLabel'>>,
});

const presentStatistics = (report: StatisticsReport) => ({
  ...report,
  totals: presentFigures(report.totals),
  groups: report.groups.map((group) => ({ ...group, figures: presentGroupFigures(group.figures) })),
});

const attachment = (name: string) => `attachment; filename="${name}"`;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows per tracking-book PDF: a larger book is printed in parts (follow X-Next-Cursor). */
export const TRACKING_BOOK_PDF_ROWS = 2000;

/** The exports also offer percentages with one decimal, as provincial reports publish them. */
const StatisticsExportQuery = StatisticsQuery.extend({
  decimals: z
    .enum(['1', '2'])
    .default('2')
    .describe('decimals of the percentages: 2 (default) or 1, as published reports print them (98,5%)'),
});

export const registerReportRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/reports/statistics',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: 'Statistics of dossiers for a period and scope (received, resolved early/on time/late, in progress…)',
        description:
          'Answered from aggregates kept in the same transaction as every dossier change. Every percentage ' +
          'carries its numerator, its base (`baseLabel`) and the rule it follows. Scope: province (its ' +
          'administrator), agency (with or without sub-agencies) or commune; an agency outside the caller’s ' +
          'reach answers 404, another province 403.',
        querystring: StatisticsQuery,
        response: { 200: StatisticsReportSchema, ...errors },
      },
    },
    async (request) => presentStatistics(await getStatisticsReport(ctx, request.actor, request.query)),
  );

  const statisticsExport = async (actor: Actor, query: z.infer<typeof StatisticsExportQuery>) => {
    const { decimals, ...statisticsQuery } = query;
    const report = roundReportPercentages(
      await getStatisticsReport(ctx, actor, statisticsQuery),
      decimals === '1' ? 1 : 2,
    );
    const scope = await resolveReportScope(ctx, actor, query);
    const meta = await buildReportMeta(ctx, scope);
    const name = `thong-ke-${fileNamePart(scope.label.vi)}-${report.period.from}-${report.period.to}`;
    return { report, meta, name };
  };

  api.get(
    '/api/v1/reports/statistics.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: 'The statistics report as Excel, in the layout of the official report on handling procedures',
        querystring: StatisticsExportQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { report, meta, name } = await statisticsExport(request.actor, request.query);
      const buffer = await buildStatisticsWorkbook(report, meta, { decimals: request.query.decimals === '1' ? 1 : 2 });
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`${name}.xlsx`))
        .send(buffer);
    },
  );

  api.get(
    '/api/v1/reports/statistics.pdf',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: 'The statistics report as PDF (A4 landscape, Decree 30/2020 layout)',
        querystring: StatisticsExportQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { report, meta, name } = await statisticsExport(request.actor, request.query);
      const buffer = await renderStatisticsPdf(report, meta);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`${name}.pdf`))
        .send(buffer);
    },
  );

  api.get(
    '/api/v1/reports/service-index',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: 'Decision 766 service index per agency or province for a month, quarter or year, ranked',
        description:
          'All six groups and their indicators with the formulas of Decision 766/QĐ-TTg. Indicators motcua holds no ' +
          'data for say "chưa có dữ liệu" with why, score nothing and leave the maximum (stated per unit). Scored ' +
          'indicators link to the dossiers behind them (GET /api/v1/reports/dossiers?figure=…).',
        querystring: ServiceIndexQuery,
        response: { 200: ServiceIndexReport, ...errors },
      },
    },
    async (request) => getServiceIndexReport(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/reports/service-index.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: 'The Decision 766 service index and ranking as Excel',
        querystring: ServiceIndexQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const report = await getServiceIndexReport(ctx, request.actor, request.query);
      const scope =
        request.query.level === 'province'
          ? {
              kind: 'province' as const,
              provinceCode: report.units[0]?.id ?? request.query.province ?? '00',
              agency: null,
            }
          : await resolveReportScope(ctx, request.actor, request.query);
      const meta = await buildReportMeta(ctx, scope);
      const buffer = await buildServiceIndexWorkbook(report, meta);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`chi-so-766-${report.period.from}-${report.period.to}.xlsx`))
        .send(buffer);
    },
  );

  api.get(
    '/api/v1/reports/dossiers',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: 'Drill-down: the dossiers behind a figure or a service-index score (keyset-paginated)',
        querystring: ScopeQuery.extend(PeriodQuery.shape).extend({
          figure: z.enum(DOSSIER_FIGURES),
          cursor: z.string().max(400).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: FigureDossiers, ...errors },
      },
    },
    async (request) => listReportDossiers(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/reports/lateness',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: 'Lateness attribution: which step and agency overran, by how much working time; agencies by overrun',
        querystring: ScopeQuery.extend(PeriodQuery.shape).extend({
          cursor: z.string().max(400).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: LatenessReport, ...errors },
      },
    },
    async (request) => getLatenessReport(ctx, request.actor, request.query),
  );

  const TrackingBookQuery = PeriodQuery.extend({ agency: z.uuid(), cursor: z.string().max(400).optional() });

  api.get(
    '/api/v1/reports/tracking-book',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: 'The tracking book (sổ theo dõi hồ sơ, Mẫu 06) of a receiving desk for a period, page by page',
        querystring: TrackingBookQuery.extend({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: TrackingBookPage, ...errors },
      },
    },
    async (request) => {
      const book = await openTrackingBook(ctx, request.actor, request.query);
      const limit = request.query.limit;
      for await (const page of book.pages({ after: request.query.cursor, pageSize: limit, maxRows: limit })) {
        return { agency: book.agency, period: book.period, items: page.rows, nextCursor: page.nextCursor };
      }
      return { agency: book.agency, period: book.period, items: [], nextCursor: null };
    },
  );

  api.get(
    '/api/v1/reports/tracking-book.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: 'The tracking book as Excel, streamed page by page (any size)',
        querystring: TrackingBookQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const book = await openTrackingBook(ctx, request.actor, request.query);
      const stream = new PassThrough();
      const pages = book.pages({ after: request.query.cursor, pageSize: 1000, maxRows: Number.MAX_SAFE_INTEGER });
      writeTrackingBookWorkbook(
        stream,
        book.meta,
        { agencyName: book.agency.name, periodLabel: book.period.label },
        pages,
      ).catch((error: unknown) => {
        request.log.error({ err: error }, 'tracking book export failed');
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          attachment(`so-theo-doi-${book.agency.code}-${book.period.from}-${book.period.to}.xlsx`),
        )
        .send(stream);
    },
  );

  api.get(
    '/api/v1/reports/tracking-book.pdf',
    {
      config: OFFICIAL,
      schema: {
        tags: ['reports'],
        summary: `The tracking book as PDF (A4 landscape), ${TRACKING_BOOK_PDF_ROWS} rows per file; X-Next-Cursor gives the next part`,
        querystring: TrackingBookQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const book = await openTrackingBook(ctx, request.actor, request.query);
      const rows = [];
      let next: string | null = null;
      for await (const page of book.pages({
        after: request.query.cursor,
        pageSize: 500,
        maxRows: TRACKING_BOOK_PDF_ROWS,
      })) {
        rows.push(...page.rows);
        next = page.nextCursor;
      }
      const buffer = await renderForm({
        form: 'tracking_book',
        issuer: book.meta.issuer,
        period: book.period.label,
        rows,
        issuedAt: book.meta.generatedAt,
      });
      if (next) {
        reply.header('x-next-cursor', next);
      }
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          attachment(`so-theo-doi-${book.agency.code}-${book.period.from}-${book.period.to}.pdf`),
        )
        .send(buffer);
    },
  );
};
