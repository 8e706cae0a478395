import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { IsoDate, PageQuery, Problem, pageOf } from '../http/schemas.js';
import { findAdministrativeUnits } from '../usecases/reference/search-administrative-units.js';

const AdministrativeUnit = z
  .object({
    code: z.string(),
    level: z.enum(['province', 'district', 'commune']),
    name: z.string(),
    shortName: z.string().nullable(),
    unitType: z.string(),
    nameEn: z.string().nullable(),
    parentCode: z.string().nullable(),
    provinceCode: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    legalBasis: z.string().nullable(),
  })
  .meta({ id: 'AdministrativeUnit' });

export const registerReferenceRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/administrative-units',
    {
      schema: {
        tags: ['reference'],
        summary: 'Search administrative units (provinces, districts, communes) in force on a date',
        description:
          'Accent-insensitive: "ha noi" finds "Hà Nội". `at` defaults to today in Vietnam; before 2025-07-01 the ' +
          'three-level units (63 provinces, 696 districts) apply, from then on 34 provinces and 3,321 communes.',
        querystring: PageQuery.extend({
          q: z.string().trim().max(100).optional(),
          level: z.enum(['province', 'district', 'commune']).optional(),
          parent: z
            .string()
            .regex(/^\d{2,5}$/, { message: 'msg:ADMIN_UNIT_CODE' })
            .optional(),
          at: IsoDate.optional(),
        }),
        response: { 200: pageOf(AdministrativeUnit).extend({ at: IsoDate }), 400: Problem },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const result = await findAdministrativeUnits(ctx, { ...filters, page, pageSize });
      return { items: result.items, total: result.total, page, pageSize, at: result.at };
    },
  );
};
