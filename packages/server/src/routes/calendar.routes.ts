import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, PageQuery, Problem } from '../http/schemas.js';
import {
  computeDueInstant,
  convertLunar,
  getCalendarHistory,
  listHolidays,
  measureWorkingTime,
  publishProvinceYear,
  setProvinceCalendarEntries,
} from '../usecases/calendar/calendar.js';
import { previewCalendarChange } from '../usecases/dossiers/due-recompute.js';

const ProvinceCode = z.string().regex(/^\d{2}$/, { message: 'msg:PROVINCE_CODE' });
const TimeOfDay = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { message: 'msg:TIME_OF_DAY' });
const DayKind = z.enum(['holiday', 'compensatory', 'swap_day_off', 'extra_day_off', 'makeup_workday']);
const Status = z.enum(['confirmed', 'rule-derived', 'proposed', 'pending-law']);
const Year = z.coerce.number().int().min(1900).max(2100);
const NonNegative = z.coerce.number().min(0).max(100_000);
const Instant = z.string().min(10).max(40).describe('ISO 8601 with offset, e.g. 2025-01-24T10:00:00+07:00');

const Rule = z.union([
  z.object({ unit: z.enum(['working_days', 'working_hours']), value: z.number(), cutoff: z.string().optional() }),
  z.object({ unit: z.literal('calendar_days'), value: z.number() }),
  z.object({ unit: z.literal('same_day'), cutoff: z.string() }),
]);

const EntriesBody = z.object({
  province: ProvinceCode,
  entries: z
    .array(
      z.union([
        z.object({
          date: IsoDate,
          kind: DayKind,
          period: z.string().trim().min(2).max(200),
          status: Status.optional(),
          source: z.string().trim().min(3).max(500),
          note: z.string().trim().max(1000).optional(),
        }),
        z.object({
          date: IsoDate,
          remove: z.literal(true),
          source: z.string().trim().min(3).max(500),
          note: z.string().trim().max(1000).optional(),
        }),
      ]),
    )
    .min(1)
    .max(60),
});

export const registerCalendarRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Days off of a year (official schedule, or the Labour Code rules when none is published)',
        querystring: z.object({ year: Year, province: ProvinceCode.optional() }),
        response: {
          200: z.object({
            year: z.number().int(),
            provinceCode: z.string().nullable(),
            published: z.boolean(),
            provisional: z.boolean(),
            days: z.array(
              z.object({
                date: IsoDate,
                weekday: z.string(),
                kind: DayKind.nullable(),
                period: z.string().nullable(),
                status: Status.nullable(),
                source: z.string().nullable(),
                provisional: z.boolean(),
              }),
            ),
            makeupWorkdays: z.array(z.object({ date: IsoDate, period: z.string(), status: Status })),
            breaks: z.array(
              z.object({
                period: z.string(),
                from: IsoDate,
                to: IsoDate,
                days: z.number().int(),
                provisional: z.boolean(),
              }),
            ),
          }),
          400: Problem,
        },
      },
    },
    async (request) => listHolidays(ctx, { year: request.query.year, provinceCode: request.query.province }),
  );

  api.get(
    '/api/v1/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Due instant of a legal time limit counted from an instant, in working time',
        description:
          'Give exactly one of workingDays (1 day = 8 working hours from the instant), workingHours, calendarDays ' +
          '(never ending on a day off) or sameDayCutoff (HH:MM). `cutoff` applies to working days/hours: a receipt ' +
          'after it counts from the next working day. `agency` uses that agency’s hours and province calendar.',
        querystring: z.object({
          from: Instant,
          workingDays: NonNegative.optional(),
          workingHours: NonNegative.optional(),
          calendarDays: z.coerce.number().int().min(0).max(100_000).optional(),
          sameDayCutoff: TimeOfDay.optional(),
          cutoff: TimeOfDay.optional(),
          agency: z.uuid().optional(),
          province: ProvinceCode.optional(),
        }),
        response: {
          200: z.object({ from: z.string(), rule: Rule, dueAt: z.string().nullable(), provisional: z.boolean() }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request) => {
      const { agency, province, ...rest } = request.query;
      return computeDueInstant(ctx, { ...rest, agencyId: agency, provinceCode: province });
    },
  );

  api.get(
    '/api/v1/calendar/between',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Working time between two instants',
        querystring: z.object({
          from: Instant,
          to: Instant,
          agency: z.uuid().optional(),
          province: ProvinceCode.optional(),
        }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            workingMinutes: z.number(),
            workingHours: z.number(),
            workingDays: z.number(),
            provisional: z.boolean(),
            classificationIfDueAtFrom: z.enum(['early', 'on_time', 'late']).nullable(),
          }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request) =>
      measureWorkingTime(ctx, {
        from: request.query.from,
        to: request.query.to,
        agencyId: request.query.agency,
        provinceCode: request.query.province,
      }),
  );

  api.get(
    '/api/v1/calendar/lunar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Convert a Gregorian date to the Vietnamese lunar calendar (date=) or back (lunar=YYYY-MM-DD, leap=)',
        querystring: z.object({
          date: IsoDate.optional(),
          lunar: z.string().max(10).optional(),
          leap: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: {
          200: z.object({
            date: IsoDate,
            lunar: z.object({ year: z.number(), month: z.number(), day: z.number(), leap: z.boolean() }),
            canChi: z.string(),
            monthLength: z.number(),
            leapMonthOfYear: z.number().nullable(),
          }),
          400: Problem,
        },
      },
    },
    async (request) => convertLunar(request.query),
  );

  api.get(
    '/api/v1/calendar/changes',
    {
      config: OFFICIAL,
      schema: {
        tags: ['calendar'],
        summary: 'History of a province’s day-off changes: who set or removed which day, when',
        querystring: PageQuery.extend({ province: ProvinceCode, year: Year.optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                scope: z.string(),
                date: IsoDate,
                action: z.enum(['set', 'remove']),
                kind: DayKind.nullable(),
                period: z.string().nullable(),
                status: Status.nullable(),
                source: z.string().nullable(),
                note: z.string().nullable(),
                createdAt: z.date(),
                supersededAt: z.date().nullable(),
                createdByUsername: z.string().nullable(),
              }),
            ),
          }),
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request) => ({
      items: await getCalendarHistory(ctx, request.actor, {
        provinceCode: request.query.province,
        year: request.query.year,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
    }),
  );

  api.post(
    '/api/v1/calendar/entries',
    {
      config: OFFICIAL,
      schema: {
        tags: ['calendar'],
        summary: 'Add, change or cancel days off for a province (province administrators)',
        body: EntriesBody,
        response: { 201: z.object({ ids: z.array(z.number().int()) }), 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await setProvinceCalendarEntries(ctx, request.actor, {
          provinceCode: request.body.province,
          entries: request.body.entries,
        }),
      ),
  );

  api.post(
    '/api/v1/calendar/entries/preview',
    {
      config: OFFICIAL,
      schema: {
        tags: ['calendar'],
        summary: 'Preview which open dossiers’ appointments would move if these day-off entries were applied',
        body: EntriesBody,
        response: {
          200: z.object({
            scanned: z.number().int(),
            total: z.number().int(),
            moved: z.array(
              z.object({ code: z.string(), before: z.string(), after: z.string(), deltaMinutes: z.number().int() }),
            ),
          }),
          400: Problem,
          401: Problem,
          403: Problem,
        },
      },
    },
    async (request) =>
      previewCalendarChange(ctx, request.actor, { provinceCode: request.body.province, entries: request.body.entries }),
  );

  api.post(
    '/api/v1/calendar/published-years',
    {
      config: OFFICIAL,
      schema: {
        tags: ['calendar'],
        summary: 'Declare a year’s official schedule entered for a province (stops the Labour Code fallback)',
        body: z.object({
          province: ProvinceCode,
          year: z.number().int().min(1900).max(2100),
          source: z.string().min(3).max(500),
        }),
        response: { 204: z.null(), 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      await publishProvinceYear(ctx, request.actor, {
        provinceCode: request.body.province,
        year: request.body.year,
        source: request.body.source,
      });
      return reply.code(204).send(null);
    },
  );
};
