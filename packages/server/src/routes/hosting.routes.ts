import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import { buildHostingFiguresWorkbook } from '../reports/hosting-figures-workbook.js';
import { createProvince } from '../usecases/provinces/create-province.js';
import { changeHostedProvince, getHostedProvince, listHostedProvinces } from '../usecases/provinces/hosting.js';
import { getHostingFigures } from '../usecases/provinces/hosting-figures.js';

const tags = ['hosting'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

const ProvinceCode = z.string().regex(/^\d{2}$/, { message: 'msg:PROVINCE_CODE' });
const HostName = z.string().trim().min(1).max(253);

const ProvinceSite = z
  .object({
    provinceCode: z.string(),
    name: z.string(),
    portalName: z.string(),
    placeName: z.string(),
    publicUrl: z.string().nullable(),
    isDefault: z.boolean(),
    status: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'HostedProvince' });

const ProvinceDetail = ProvinceSite.extend({
  colourPrimary: z.string(),
  colourAccent: z.string(),
  hosts: z.array(z.string()),
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: z.date(),
      actorUserId: z.string().nullable(),
      action: z.string(),
      payload: z.record(z.string(), z.unknown()),
      hash: z.string(),
    }),
  ),
}).meta({ id: 'HostedProvinceDetail' });

const AgencyRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

const CreatedProvince = z
  .object({
    provinceCode: z.string(),
    name: z.string(),
    placeName: z.string(),
    hosts: z.array(z.string()),
    publicUrl: z.string().nullable(),
    committee: AgencyRef,
    centre: AgencyRef,
    admin: z.object({
      id: z.uuid(),
      username: z.string(),
      fullName: z.string(),
      oneTimePassword: z.string().describe('Shown once: only its hash is stored'),
    }),
    version: z.number().int(),
  })
  .meta({ id: 'CreatedProvince' });

const FigureRow = z.object({
  received: z.number().int(),
  resolved: z.number().int(),
  resolvedEarlyOrOnTime: z.number().int().describe('Numerator of the on-time rate; its base is `resolved`'),
  resolvedLate: z.number().int(),
  onTimePercent: z.number().nullable(),
  overdueOpen: z.number().int(),
  paknReceived: z.number().int(),
  officials: z.number().int(),
  agencies: z.number().int(),
});

const HostingFigures = z
  .object({
    period: z.object({
      value: z.string(),
      from: z.string(),
      to: z.string(),
      asOf: z.string(),
      label: z.object({ vi: z.string(), en: z.string() }),
    }),
    provinces: z.array(FigureRow.extend({ provinceCode: z.string(), name: z.string() })),
    totals: FigureRow,
    onTimeRule: z.string(),
  })
  .meta({ id: 'HostingFigures' });

const PeriodQuery = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{2})?$/, { message: 'msg:HOSTING_PERIOD' })
    .describe('A month (2026-11) or a year (2026)'),
});

/** The hosting centre's administration of the provinces on the install (issue 22 item 4). */
export const registerHostingRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/hosting/provinces',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The provinces the install serves, in code order (keyset)',
        querystring: z.object({
          cursor: ProvinceCode.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: z.object({ items: z.array(ProvinceSite), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) =>
      listHostedProvinces(ctx, request.actor, { after: request.query.cursor, limit: request.query.limit }),
  );

  api.post(
    '/api/v1/hosting/provinces',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary:
          'Open a province: its site and host names, People’s Committee, service centre, first administrator (one-time password) and portal categories',
        body: z.object({
          provinceCode: ProvinceCode,
          hosts: z.array(HostName).min(1).max(20),
          publicUrl: z.string().trim().max(300).nullable().optional(),
          adminUsername: z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^[a-z0-9._-]{3,64}$/, { message: 'msg:USERNAME' }),
          adminFullName: z.string().trim().min(2).max(200),
          agencyCodeSuffix: z
            .string()
            .regex(/^H\d{2}$/)
            .optional()
            .describe('The province’s level-1 identifier code (Decision 20/2020/QĐ-TTg), e.g. H31'),
        }),
        response: { 201: CreatedProvince, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createProvince(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/hosting/provinces/:code',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'A province’s site with its host names and its history',
        params: z.object({ code: ProvinceCode }),
        response: { 200: ProvinceDetail, ...errors },
      },
    },
    async (request) => getHostedProvince(ctx, request.actor, request.params.code),
  );

  api.patch(
    '/api/v1/hosting/provinces/:code',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Add or remove host names, set the public address, make the default site (guarded by version)',
        params: z.object({ code: ProvinceCode }),
        body: z.object({
          expectedVersion: z.number().int().min(1),
          addHosts: z.array(HostName).max(20).optional(),
          removeHosts: z.array(HostName).max(20).optional(),
          publicUrl: z.string().trim().max(300).nullable().optional(),
          isDefault: z.literal(true).optional(),
        }),
        response: { 200: ProvinceDetail, ...errors },
      },
    },
    async (request) => changeHostedProvince(ctx, request.actor, { provinceCode: request.params.code, ...request.body }),
  );

  api.get(
    '/api/v1/hosting/figures',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'Figures across provinces for a month or a year (counts with each rate’s base)',
        querystring: PeriodQuery,
        response: { 200: HostingFigures, ...errors },
      },
    },
    async (request) => getHostingFigures(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/hosting/figures.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags,
        summary: 'The figures across provinces as Excel',
        querystring: PeriodQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const figures = await getHostingFigures(ctx, request.actor, request.query);
      const bytes = await buildHostingFiguresWorkbook(figures);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="so-lieu-cac-tinh-${figures.period.value}.xlsx"`)
        .send(bytes);
    },
  );
};
