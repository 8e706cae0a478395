import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import { buildWorkDashboardWorkbook } from '../reports/work-dashboard-workbook.js';
import {
  getWorkDashboard,
  listWorkDashboardDossiers,
  listWorkDashboardTasks,
} from '../usecases/work/dashboard/work-dashboard.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Label = z.object({ vi: z.string(), en: z.string() });

const Figure = z
  .object({
    numerator: z.number().int(),
    base: z.number().int(),
    percent: z.number().nullable().describe('numerator / base × 100, half up to 0.01; null without a base'),
    hundredths: z.number().int().nullable(),
    text: Label.describe('"3/12 (25,00%)"'),
  })
  .meta({ id: 'WorkDashboardFigure' });

const Workload = {
  openTasks: z.number().int().describe('Open tasks led (assigned, in progress, extension requested, submitted)'),
  overdueTasks: Figure.describe('Open tasks past their deadline, over the open tasks'),
  dueThisWeek: Figure.describe('Open tasks due before the week ends (Monday 00:00, Vietnam), over the open tasks'),
  heldDossiers: z.number().int().describe('Open one-stop dossiers held now'),
  overdueDossiers: Figure.describe('Held dossiers past their due instant (the inbox’s overdue box), over the held'),
};

const BandFigure = Figure.extend({ band: z.enum(['excellent', 'good', 'complete', 'incomplete']), label: Label });

const WorkDashboard = z
  .object({
    generatedAt: z.string(),
    week: z.object({ from: z.string(), to: z.string() }),
    totals: z.object({ officials: z.number().int(), ...Workload }),
    units: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        parentId: z.string().nullable(),
        depth: z.number().int(),
        officials: z.number().int(),
        ...Workload,
      }),
    ),
    officials: z.array(
      z.object({
        userId: z.string(),
        fullName: z.string(),
        title: z.string().nullable(),
        unitId: z.string(),
        unitName: z.string(),
        ...Workload,
      }),
    ),
    officialsCapped: z.boolean(),
    evaluation: z
      .object({
        period: z.object({
          id: z.string(),
          agencyId: z.string(),
          kind: z.enum(['month', 'quarter', 'year']),
          year: z.number().int(),
          number: z.number().int(),
          startsOn: z.string(),
          endsOn: z.string(),
          label: Label,
        }),
        bands: z.array(BandFigure),
        units: z.array(z.object({ unitId: z.string(), bands: z.array(BandFigure) })),
      })
      .nullable()
      .describe('The bands of the last period whose sheets were decided; null before any'),
  })
  .meta({ id: 'WorkDashboard' });

const DrillDownQuery = z.object({
  unit: z.uuid().optional().describe('A unit of the scope (or give user)'),
  user: z.uuid().optional().describe('An official of one of the units (or give unit)'),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const DashboardTaskPage = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullable().describe('null for a confidential task'),
        confidential: z.boolean(),
        status: z.string(),
        dueAt: z.string(),
        overdue: z.boolean(),
        progressPercent: z.number().int(),
        lead: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'WorkDashboardTaskPage' });

const DashboardDossierPage = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        procedureName: z.string(),
        status: z.string(),
        dueAt: z.string().nullable(),
        overdue: z.boolean(),
        holder: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'WorkDashboardDossierPage' });

/**
 * The leader's operations dashboard (issue 20 item 6): the units a head of unit or agency heads, their workload,
 * overdue tasks and dossiers, evaluation bands; the records behind each figure; the Excel export.
 */
export const registerWorkDashboardRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['work-dashboard'];
  const UnitQuery = z.object({ unit: z.uuid().optional().describe('One unit of the scope and the units below it') });

  api.get(
    '/api/v1/work-dashboard',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary:
          'The leader’s dashboard: workload per unit and official (open tasks led, dossiers held), overdue tasks and dossiers, tasks due this week, the last decided evaluation period per band — each figure over its base',
        querystring: UnitQuery,
        response: { 200: WorkDashboard, ...errors },
      },
    },
    async (request) => getWorkDashboard(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/work-dashboard/workbook.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The dashboard as Excel: units, officials, evaluation bands (count, base, rate)',
        querystring: UnitQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const dashboard = await getWorkDashboard(ctx, request.actor, request.query);
      const bytes = await buildWorkDashboardWorkbook(dashboard);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="dieu-hanh-${dashboard.generatedAt.slice(0, 10)}.xlsx"`)
        .send(bytes);
    },
  );

  api.get(
    '/api/v1/work-dashboard/tasks',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The open tasks behind a figure of a unit or an official, by deadline (keyset)',
        querystring: DrillDownQuery.extend({ filter: z.enum(['open', 'overdue', 'due_week']).default('open') }),
        response: { 200: DashboardTaskPage, ...errors },
      },
    },
    async (request) => listWorkDashboardTasks(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/work-dashboard/dossiers',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The open one-stop dossiers behind a figure of a unit or an official, in the inbox order (keyset)',
        querystring: DrillDownQuery.extend({ filter: z.enum(['held', 'overdue']).default('held') }),
        response: { 200: DashboardDossierPage, ...errors },
      },
    },
    async (request) => listWorkDashboardDossiers(ctx, request.actor, request.query),
  );
};
