import { SCHEDULE_ACTIONS, SCHEDULE_ENTRY_STATUSES, SCHEDULE_KINDS } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { CITIZEN_OPTIONAL, OFFICIAL } from '../http/auth.js';
import { findPublicProvince, findRequestProvince } from '../http/request-site.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { sendStoredFile } from '../http/stored-files.js';
import { readUploadedFile, registerWithFileUpload, uploadBodyLimit } from '../http/uploads.js';
import { changeScheduleEntry, createScheduleEntry } from '../usecases/work/schedule/change-schedule.js';
import {
  describeScheduleFeed,
  getScheduleEntry,
  getScheduleOptions,
  listAgencyWeek,
  listMyWeek,
  listPublicWeek,
  renderScheduleFeed,
  rotateScheduleFeed,
} from '../usecases/work/schedule/read-schedule.js';
import {
  attachScheduleFile,
  getPublicScheduleFile,
  getScheduleFile,
  removeScheduleFile,
} from '../usecases/work/schedule/schedule-files.js';

const TAGS = ['work'];
const Label = z.looseObject({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant');
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const ScheduleFile = z
  .object({
    sha256: z.string(),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    mediaType: z.string(),
  })
  .meta({ id: 'ScheduleFile', description: 'A file attached to a calendar entry (invitation, agenda, papers)' });

const ScheduleEntry = z
  .object({
    id: z.uuid(),
    agencyId: z.uuid(),
    kind: z.enum(SCHEDULE_KINDS),
    title: z.string(),
    content: z.string().nullable(),
    startsAt: Instant,
    endsAt: Instant,
    allDay: z.boolean(),
    place: z.string().nullable(),
    chairUserId: z.string().nullable(),
    chairName: z.string().nullable(),
    chairText: z.string().nullable(),
    preparingAgencyId: z.string().nullable(),
    preparingAgencyName: z.string().nullable(),
    participantsText: z.string().nullable(),
    participantUnits: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .describe('Units (phòng, ban) taking part, chosen from the agency’s tree'),
    attendees: z.array(
      z.object({ userId: z.uuid(), fullName: z.string(), role: z.enum(['chair', 'participant', 'preparer']) }),
    ),
    weekStart: IsoDate,
    status: z.enum(SCHEDULE_ENTRY_STATUSES),
    statusLabel: Label,
    public: z.boolean(),
    cancelReason: z.string().nullable(),
    files: z.array(ScheduleFile),
    version: z.number().int(),
    actions: z.array(z.object({ action: z.enum(SCHEDULE_ACTIONS), label: Label })),
  })
  .meta({ id: 'ScheduleEntry', description: 'An entry of a work calendar (lịch công tác) and the steps possible now' });

const Week = { weekStart: IsoDate, dates: z.array(IsoDate) };

const ScheduleFields = z.object({
  title: z.string().trim().min(1).max(500),
  content: OptionalText(4000),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  allDay: z.boolean().optional(),
  place: OptionalText(300),
  chairUserId: z.uuid().nullable().optional(),
  chairText: OptionalText(300),
  preparingAgencyId: z.uuid().nullable().optional(),
  participantsText: OptionalText(2000),
  participantUnitIds: z.array(z.uuid()).max(50).optional().describe('Units taking part (ids of the options’ units)'),
  attendeeUserIds: z.array(z.uuid()).max(200).optional(),
  public: z.boolean().optional(),
});

const ScheduleChanged = z
  .object({
    id: z.uuid(),
    status: z.enum(SCHEDULE_ENTRY_STATUSES),
    version: z.number().int(),
    clashes: z
      .array(z.object({ entryId: z.uuid(), title: z.string(), startsAt: Instant, userIds: z.array(z.uuid()) }))
      .describe('Other entries the same chair or attendees are in at an overlapping time (a warning)'),
  })
  .meta({ id: 'ScheduleChanged' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const IdParams = z.object({ id: z.uuid() });

// Answers with a component id are made once, at module level: made inside the register function, each app
// instance would register them again and the served OpenAPI document would differ from the generated one.
const ScheduleOptions = z
  .object({
    agencies: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        mayDraft: z.boolean(),
        mayApprove: z.boolean(),
        mayAssignTasks: z.boolean().describe('Whether the official assigns tasks there (task.assign)'),
      }),
    ),
    agencyId: z.uuid().nullable(),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    officials: z.array(
      z.object({
        userId: z.uuid(),
        fullName: z.string(),
        title: z.string().nullable(),
        unitId: z.uuid().describe('The unit (one of `units`) the official works in'),
      }),
    ),
  })
  .meta({ id: 'ScheduleOptions' });
const ScheduleAgencyWeek = z
  .object({
    agencyId: z.uuid(),
    agencyName: z.string(),
    ...Week,
    mayDraft: z.boolean(),
    mayApprove: z.boolean(),
    items: z.array(ScheduleEntry),
  })
  .meta({ id: 'ScheduleAgencyWeek' });
const ScheduleMyWeek = z.object({ ...Week, items: z.array(ScheduleEntry) }).meta({ id: 'ScheduleMyWeek' });
const ScheduleDraftInput = ScheduleFields.extend({ agencyId: z.uuid(), kind: z.enum(SCHEDULE_KINDS) })
  .strict()
  .meta({ id: 'ScheduleDraftInput' });
const ScheduleActionInput = z
  .object({
    action: z.enum(['submit', 'approve', 'publish', 'cancel']),
    expectedVersion: z.number().int().min(1),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict()
  .meta({ id: 'ScheduleActionInput' });

const FileParams = z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * Work calendars (lịch công tác, issue 20 item 1): weeks, the steps of an entry, its files, the iCalendar feed,
 * the portal's week. In their own scope, so the multipart parser of the file upload applies to them only.
 */
export const registerScheduleRoutes = (app: FastifyInstance, ctx: AppContext): Promise<void> =>
  registerWithFileUpload(app, ctx, registerRoutes);

const registerRoutes = (scope: FastifyInstance, ctx: AppContext): void => {
  const api = scope.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/schedule/options',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The agencies whose calendars the caller reads, and one agency’s units and officials for the form',
        querystring: z.object({ agencyId: z.uuid().optional() }),
        response: {
          200: ScheduleOptions,
          ...errors,
        },
      },
    },
    async (request) => getScheduleOptions(ctx, request.actor, request.query.agencyId),
  );

  api.get(
    '/api/v1/schedule/agency-week',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'A week of an agency’s calendar (leaders’ and units’), Monday to Sunday, Asia/Ho_Chi_Minh',
        querystring: z.object({ agencyId: z.uuid(), week: IsoDate.optional().describe('Any date of the week') }),
        response: {
          200: ScheduleAgencyWeek,
          ...errors,
        },
      },
    },
    async (request) => listAgencyWeek(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/schedule/my-week',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'My calendar: the entries I own and the published ones I attend, in a week',
        querystring: z.object({ week: IsoDate.optional() }),
        response: {
          200: ScheduleMyWeek,
          ...errors,
        },
      },
    },
    async (request) => listMyWeek(ctx, request.actor, request.query),
  );

  api.post(
    '/api/v1/schedule/entries',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Draft an entry on the agency leaders’, a unit’s or my own calendar',
        body: ScheduleDraftInput,
        response: { 201: ScheduleChanged, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createScheduleEntry(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/schedule/entries/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'An entry and the steps possible now',
        params: IdParams,
        response: { 200: ScheduleEntry, ...errors },
      },
    },
    async (request) => getScheduleEntry(ctx, request.actor, request.params.id),
  );

  api.put(
    '/api/v1/schedule/entries/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Edit an entry (a published one is published again and its attendees told)',
        params: IdParams,
        body: ScheduleFields.extend({ expectedVersion: z.number().int().min(1) }).strict(),
        response: { 200: ScheduleChanged, ...errors },
      },
    },
    async (request) => {
      const { expectedVersion, ...fields } = request.body;
      return changeScheduleEntry(ctx, request.actor, {
        id: request.params.id,
        action: 'update',
        expectedVersion,
        fields,
      });
    },
  );

  api.post(
    '/api/v1/schedule/entries/:id/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Take a step: submit, approve, publish, cancel (with a reason)',
        description: 'Guarded by expectedVersion (409 when someone else changed it first).',
        params: IdParams,
        body: ScheduleActionInput,
        response: { 200: ScheduleChanged, ...errors },
      },
    },
    async (request) => changeScheduleEntry(ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  api.post(
    '/api/v1/schedule/entries/:id/files',
    {
      config: OFFICIAL,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: TAGS,
        summary: 'Attach a file to an entry (PDF, JPEG, PNG, DOC, DOCX; multipart, one file) — whoever may edit it now',
        description:
          'The type is read from the content; guarded by expectedVersion (409). A published entry’s attendees are told.',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: z.object({ expectedVersion: z.coerce.number().int().min(1) }),
        response: { 201: ScheduleChanged, 413: Problem, 415: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
      const changed = await attachScheduleFile(ctx, request.actor, {
        entryId: request.params.id,
        expectedVersion: request.query.expectedVersion,
        file,
      });
      return reply.code(201).send(changed);
    },
  );

  api.delete(
    '/api/v1/schedule/entries/:id/files/:sha256',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Remove a file from an entry — whoever may edit it now; guarded by expectedVersion',
        params: FileParams,
        querystring: z.object({ expectedVersion: z.coerce.number().int().min(1) }),
        response: { 200: ScheduleChanged, ...errors },
      },
    },
    async (request) =>
      removeScheduleFile(ctx, request.actor, {
        entryId: request.params.id,
        sha256: request.params.sha256,
        expectedVersion: request.query.expectedVersion,
      }),
  );

  api.get(
    '/api/v1/schedule/entries/:id/files/:sha256',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'A file of an entry the caller may read',
        params: FileParams,
        produces: ['application/octet-stream'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const file = await getScheduleFile(ctx, request.actor, {
        entryId: request.params.id,
        sha256: request.params.sha256,
      });
      return sendStoredFile(ctx, reply, file);
    },
  );

  api.get(
    '/api/v1/public/schedule/:id/files/:sha256',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'A file of a published public entry of the portal’s calendar (404 otherwise)',
        params: FileParams,
        produces: ['application/octet-stream'],
        response: { 404: Problem },
      },
    },
    async (request, reply) => {
      const file = await getPublicScheduleFile(ctx, {
        entryId: request.params.id,
        sha256: request.params.sha256,
        provinceCode: await findRequestProvince(ctx, request),
      });
      return sendStoredFile(ctx, reply, file);
    },
  );

  api.get(
    '/api/v1/schedule/feed',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Whether I have an iCalendar feed link (the link itself is shown only when created)',
        response: {
          200: z.object({ exists: z.boolean(), createdAt: Instant.nullable() }).meta({ id: 'ScheduleFeedState' }),
          ...errors,
        },
      },
    },
    async (request) => describeScheduleFeed(ctx, request.actor),
  );

  api.post(
    '/api/v1/schedule/feed',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Create or replace my secret iCalendar feed link (the old link stops working)',
        response: {
          201: z.object({ token: z.string(), path: z.string(), createdAt: Instant }).meta({ id: 'ScheduleFeedLink' }),
          ...errors,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await rotateScheduleFeed(ctx, request.actor)),
  );

  api.get(
    '/api/v1/schedule/feed/:file',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: TAGS,
        summary:
          'My calendar as iCalendar (RFC 5545), read by calendar apps without a session: the token is the secret',
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }),
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const text = await renderScheduleFeed(ctx, request.params.file.replace(/\.ics$/, ''));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('referrer-policy', 'no-referrer')
        .send(text);
    },
  );

  api.get(
    '/api/v1/public/schedule',
    {
      config: CITIZEN_OPTIONAL,
      schema: {
        tags: ['portal'],
        summary: 'The published public entries of a week of the province’s agencies (names and titles only)',
        querystring: z.object({
          provinceCode: z
            .string()
            .regex(/^[0-9]{2}$/)
            .optional(),
          week: IsoDate.optional(),
        }),
        response: {
          200: z
            .object({
              provinceCode: z.string().nullable(),
              ...Week,
              items: z.array(
                z.object({
                  id: z.uuid(),
                  agencyName: z.string(),
                  title: z.string(),
                  startsAt: Instant,
                  endsAt: Instant,
                  allDay: z.boolean(),
                  place: z.string().nullable(),
                  chair: z.string().nullable(),
                  participants: z.string().nullable(),
                  participantUnits: z.array(z.string()).describe('Names of the units taking part'),
                  preparingAgencyName: z.string().nullable(),
                  files: z.array(ScheduleFile).describe('Downloadable at /api/v1/public/schedule/{id}/files/{sha256}'),
                }),
              ),
            })
            .meta({ id: 'PublicScheduleWeek' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request) =>
      listPublicWeek(ctx, {
        ...request.query,
        provinceCode: await findPublicProvince(ctx, request, request.query.provinceCode),
      }),
  );
};
