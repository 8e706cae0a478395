import { AGENCY_CODE_PATTERN, AGENCY_KIND_VALUES, type AgencyKind } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, PageQuery, Problem, pageOf } from '../http/schemas.js';
import {
  createAgency,
  findAgencies,
  getAgencyChanges,
  getAgencyDetail,
  mergeAgencies,
  moveAgencyUnder,
  splitAgency,
  updateAgency,
} from '../usecases/agencies/agencies.js';

const AgencyKindSchema = z.enum(AGENCY_KIND_VALUES as [AgencyKind, ...AgencyKind[]]);
const AgencyCode = z.string().regex(AGENCY_CODE_PATTERN, { message: 'msg:AGENCY_CODE' });
const TimeOfDay = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { message: 'msg:TIME_OF_DAY' });
const Interval = z.object({ start: TimeOfDay, end: TimeOfDay });
const WorkingHours = z
  .object({
    intervals: z.array(Interval).min(1).max(6),
    seasons: z
      .array(
        z.object({
          from: z.string().regex(/^\d{2}-\d{2}$/),
          to: z.string().regex(/^\d{2}-\d{2}$/),
          intervals: z.array(Interval).min(1).max(6),
        }),
      )
      .max(4)
      .optional(),
    minutesPerWorkingDay: z.number().int().min(60).max(720).optional(),
  })
  .meta({ id: 'WorkingHours', description: 'Default 07:00–11:30 and 13:30–17:00 (8 h) when absent' });

const Agency = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: AgencyKindSchema,
    parentId: z.uuid().nullable(),
    provinceCode: z.string().nullable(),
    adminUnitLevel: z.enum(['province', 'district', 'commune']).nullable(),
    adminUnitCode: z.string().nullable(),
    workingHours: WorkingHours.nullable(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Agency' });

const AgencyAtDate = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: AgencyKindSchema,
    parentId: z.uuid().nullable(),
    provinceCode: z.string().nullable(),
    adminUnitCode: z.string().nullable(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
  })
  .meta({ id: 'AgencyAtDate' });

const Related = z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string(), effective: IsoDate });

const NewAgency = z.object({
  code: AgencyCode,
  name: z.string().trim().min(2).max(300),
  shortName: z.string().trim().min(1).max(100).optional(),
  kind: AgencyKindSchema,
  parentId: z.uuid().optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  adminUnitLevel: z.enum(['province', 'district', 'commune']).optional(),
  adminUnitCode: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional(),
  workingHours: WorkingHours.optional(),
  validFrom: IsoDate.optional(),
});

const Successor = z.union([z.object({ existingId: z.uuid() }), z.object({ create: NewAgency })]);

export const registerAgencyRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Search agencies as they were on a date (public)',
        querystring: PageQuery.extend({
          q: z.string().trim().max(100).optional(),
          parent: z.uuid().optional(),
          province: z
            .string()
            .regex(/^\d{2}$/)
            .optional(),
          kind: z
            .union([AgencyKindSchema, z.array(AgencyKindSchema)])
            .transform((v) => (Array.isArray(v) ? v : [v]))
            .optional(),
          at: IsoDate.optional(),
        }),
        response: { 200: pageOf(AgencyAtDate).extend({ at: IsoDate }), 400: Problem },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await findAgencies(ctx, request.query);
      return { items: result.items, total: result.total, page, pageSize, at: result.at };
    },
  );

  api.get(
    '/api/v1/agencies/:id',
    {
      schema: {
        tags: ['agencies'],
        summary: 'One agency with its history: versions, predecessors, successors (public)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: Agency.extend({
            versions: z.array(
              z.object({
                validFrom: IsoDate,
                validTo: IsoDate.nullable(),
                code: z.string(),
                name: z.string(),
                shortName: z.string().nullable(),
                kind: z.string(),
                parentId: z.uuid().nullable(),
                adminUnitCode: z.string().nullable(),
              }),
            ),
            predecessors: z.array(Related),
            successors: z.array(Related),
          }),
          404: Problem,
        },
      },
    },
    async (request) => getAgencyDetail(ctx, request.params.id),
  );

  api.get(
    '/api/v1/agencies/:id/changes',
    {
      config: OFFICIAL,
      schema: {
        tags: ['agencies'],
        summary: 'Who changed the agency how (officials with access to the agency)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                change: z.string(),
                effective: IsoDate,
                before: z.unknown().nullable(),
                after: z.unknown().nullable(),
                createdAt: z.date(),
                actorUsername: z.string().nullable(),
              }),
            ),
          }),
          401: Problem,
          403: Problem,
          404: Problem,
        },
      },
    },
    async (request) => ({ items: await getAgencyChanges(ctx, request.actor, request.params.id) }),
  );

  api.post(
    '/api/v1/agencies',
    {
      config: OFFICIAL,
      schema: {
        tags: ['agencies'],
        summary: 'Create an agency (under a parent, or a province-level root for province administrators)',
        body: NewAgency,
        response: { 201: Agency, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await createAgency(ctx, request.actor, request.body)),
  );

  api.patch(
    '/api/v1/agencies/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['agencies'],
        summary: 'Rename, re-code or change an agency from an effective date (guarded by version)',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          expectedVersion: z.number().int().min(1),
          effective: IsoDate.optional(),
          code: AgencyCode.optional(),
          name: z.string().trim().min(2).max(300).optional(),
          shortName: z.string().trim().min(1).max(100).nullable().optional(),
          kind: AgencyKindSchema.optional(),
          adminUnitCode: z
            .string()
            .regex(/^\d{2,5}$/)
            .nullable()
            .optional(),
          workingHours: WorkingHours.nullable().optional(),
        }),
        response: { 200: Agency, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request) => updateAgency(ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  api.post(
    '/api/v1/agencies/:id/move',
    {
      config: OFFICIAL,
      schema: {
        tags: ['agencies'],
        summary: 'Move an agency (and its sub-agencies) under another parent from a date',
        params: z.object({ id: z.uuid() }),
        body: z.object({ expectedVersion: z.number().int().min(1), parentId: z.uuid(), effective: IsoDate.optional() }),
        response: { 200: Agency, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request) => moveAgencyUnder(ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  api.post(
    '/api/v1/agencies/merge',
    {
      config: OFFICIAL,
      schema: {
        tags: ['agencies'],
        summary: 'Merge agencies into a successor (existing or new) from a date',
        description:
          'The predecessors close the day before `effective`; their sub-agencies move under the successor. ' +
          'Dossiers they received stay attributed to them, and the successor’s officials can see and act on them.',
        body: z.object({
          predecessorIds: z.array(z.uuid()).min(1).max(50),
          successor: Successor,
          effective: IsoDate,
        }),
        response: {
          200: z.object({ successor: Agency, closed: z.array(Agency) }),
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request) => mergeAgencies(ctx, request.actor, request.body),
  );

  api.post(
    '/api/v1/agencies/:id/split',
    {
      config: OFFICIAL,
      schema: {
        tags: ['agencies'],
        summary: 'Split an agency into successors (existing or new) from a date',
        params: z.object({ id: z.uuid() }),
        body: z.object({ successors: z.array(Successor).min(2).max(20), effective: IsoDate }),
        response: {
          200: z.object({ successors: z.array(Agency), closed: Agency }),
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request) => splitAgency(ctx, request.actor, { predecessorId: request.params.id, ...request.body }),
  );
};
