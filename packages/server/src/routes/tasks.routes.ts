import { COMPLETION_CLASSES, TASK_ACTIONS, TASK_PARTS, TASK_SOURCES, TASK_STATUSES } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { sendStoredFile } from '../http/stored-files.js';
import { readUploadedFile, registerWithFileUpload, uploadBodyLimit } from '../http/uploads.js';
import { changeTask, createTask } from '../usecases/work/tasks/change-task.js';
import { findTasks, getTask, getTaskOptions, getTaskTracking } from '../usecases/work/tasks/read-tasks.js';
import { getTaskFile, uploadTaskFile } from '../usecases/work/tasks/task-files.js';

const TAGS = ['work'];
const Label = z.looseObject({ vi: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 instant');
const Status = z.enum(TASK_STATUSES);

const TaskListItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: Status,
    statusLabel: Label,
    confidential: z.boolean(),
    urgent: z.boolean(),
    sourceKind: z.enum(TASK_SOURCES),
    sourceId: z.string().nullable(),
    parentTaskId: z.string().nullable(),
    assignedBy: z.uuid(),
    assignedByName: z.string().nullable(),
    assignedAt: Instant,
    leadUserId: z.string().nullable(),
    leadUserName: z.string().nullable(),
    leadUnitId: z.string().nullable(),
    leadUnitName: z.string().nullable(),
    dueAt: Instant.describe('The deadline in force (after any extension)'),
    originalDueAt: Instant.describe('The deadline as first set'),
    progressPercent: z.number().int(),
    submittedAt: Instant.nullable(),
    completedAt: Instant.nullable().describe('When the lead submitted the result that was accepted'),
    completionClass: z.enum(COMPLETION_CLASSES).nullable().describe('early | on_time | late against dueAt'),
    returnedCount: z.number().int().describe('Times the result was returned for rework'),
    workKind: z.string(),
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'TaskListItem', description: 'A task (giao việc) in a list' });

const TaskFile = z.object({
  sha256: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
});

const TaskDetail = TaskListItem.extend({
  agencyId: z.uuid(),
  description: z.string().nullable(),
  sourceMeeting: z
    .object({ title: z.string(), startsAt: Instant, weekStart: z.string(), agencyId: z.uuid() })
    .nullable()
    .describe('The calendar entry (meeting) the task was created from, when the reader may read it'),
  assignees: z.array(
    z.object({
      part: z.enum(TASK_PARTS),
      userId: z.string().nullable(),
      unitId: z.string().nullable(),
      name: z.string(),
    }),
  ),
  progress: z.array(
    z.object({
      id: z.string(),
      at: Instant,
      userName: z.string(),
      percent: z.number().int(),
      note: z.string().nullable(),
      files: z.array(TaskFile),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.string(),
      requestedByName: z.string(),
      requestedAt: Instant,
      requestedDueAt: Instant,
      reason: z.string(),
      decision: z.enum(['approved', 'refused']).nullable(),
      decidedByName: z.string().nullable(),
      decidedAt: Instant.nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  subTasks: z.array(TaskListItem),
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: Instant,
      action: z.string(),
      actionLabel: Label,
      actorName: z.string().nullable(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
  actions: z.array(z.object({ action: z.enum(TASK_ACTIONS), label: Label })),
  dispatchOfficials: z.array(z.object({ userId: z.uuid(), fullName: z.string() })),
}).meta({
  id: 'TaskDetail',
  description: 'A task with its assignees, progress, extensions, history, steps possible now',
});

const TaskChanged = z
  .object({ id: z.uuid(), status: Status, version: z.number().int(), dueAt: Instant.optional() })
  .meta({ id: 'TaskChanged' });

const FileInput = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().min(1).max(255),
  sizeBytes: z.number().int().min(1),
  mediaType: z.string().min(1).max(200),
  token: z.string().min(1).max(100),
});

const NewTask = z
  .object({
    agencyId: z.uuid(),
    title: z.string().trim().min(1).max(500),
    description: z.string().trim().max(8000).nullable().optional(),
    confidential: z.boolean().optional(),
    urgent: z.boolean().optional(),
    leadUserId: z.uuid().nullable().optional(),
    leadUnitId: z.uuid().nullable().optional(),
    cooperatorUserIds: z.array(z.uuid()).max(50).optional(),
    cooperatorUnitIds: z.array(z.uuid()).max(50).optional(),
    workingDays: z.number().int().min(1).max(365).nullable().optional(),
    dueOn: IsoDate.nullable().optional(),
    sourceKind: z.enum(TASK_SOURCES).optional(),
    sourceId: z.uuid().nullable().optional(),
    parentTaskId: z.uuid().nullable().optional(),
    workKind: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
  .meta({
    id: 'TaskInput',
    description: 'A task to assign: a lead (official or unit), co-operators, a deadline in working days or a date',
  });

const ActionBody = z
  .object({
    action: z.enum(TASK_ACTIONS),
    expectedVersion: z.number().int().min(1),
    note: z.string().trim().max(4000).optional(),
    assigneeUserId: z.uuid().optional(),
    percent: z.number().int().min(0).max(100).optional(),
    files: z.array(FileInput).max(10).optional(),
    requestedDueOn: IsoDate.optional(),
  })
  .strict()
  .meta({ id: 'TaskActionInput', description: 'One step of a task, guarded by the version the caller saw' });

const TrackingRow = z.object({
  by: z.enum(['person', 'unit', 'leader']),
  key: z.string(),
  name: z.string(),
  assigned: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
});

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const IdParams = z.object({ id: z.uuid() });

/** Assigned tasks (giao việc, issue 20 item 2): lists, the task page, steps, progress files, tracking. */
export const registerTaskRoutes = (app: FastifyInstance, ctx: AppContext): Promise<void> =>
  registerWithFileUpload(app, ctx, registerRoutes);

const registerRoutes = (scope: FastifyInstance, ctx: AppContext): void => {
  const api = scope.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/tasks',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Tasks in deadline order: mine (lead or co-operator), assigned by me, my units’',
        querystring: z.object({
          view: z.enum(['mine', 'assigned_by_me', 'unit']).default('mine'),
          status: z.enum(['open', 'all']).default('open'),
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(TaskListItem), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (request) => findTasks(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/tasks/options',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'The units and officials a leader may assign tasks to',
        querystring: z.object({ agencyId: z.uuid().optional() }),
        response: {
          200: z
            .object({
              agencyId: z.uuid(),
              agencyName: z.string(),
              agencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
              units: z.array(z.object({ id: z.uuid(), name: z.string() })),
              officials: z.array(z.object({ userId: z.uuid(), fullName: z.string(), unitId: z.uuid() })),
            })
            .meta({ id: 'TaskOptions' }),
          ...errors,
        },
      },
    },
    async (request) => getTaskOptions(ctx, request.actor, request.query.agencyId),
  );

  api.get(
    '/api/v1/tasks/tracking',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Tracking per person, unit and leader: assigned, open, overdue, done on time, done late',
        querystring: z.object({ from: IsoDate, to: IsoDate }),
        response: {
          200: z
            .object({
              from: IsoDate,
              to: IsoDate,
              people: z.array(TrackingRow),
              units: z.array(TrackingRow),
              leaders: z.array(TrackingRow),
            })
            .meta({ id: 'TaskTracking' }),
          ...errors,
        },
      },
    },
    async (request) => getTaskTracking(ctx, request.actor, request.query),
  );

  api.post(
    '/api/v1/tasks',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Assign a task (directly, from an incoming document, a calendar entry, or as a sub-task)',
        body: NewTask,
        response: { 201: TaskChanged, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createTask(ctx, request.actor, request.body)),
  );

  api.get(
    '/api/v1/tasks/:id',
    {
      config: OFFICIAL,
      schema: { tags: TAGS, summary: 'A task', params: IdParams, response: { 200: TaskDetail, ...errors } },
    },
    async (request) => getTask(ctx, request.actor, request.params.id),
  );

  api.post(
    '/api/v1/tasks/:id/actions',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Take a step: start, report progress, submit, accept, return, extension, dispatch, cancel',
        params: IdParams,
        body: ActionBody,
        response: { 200: TaskChanged, ...errors },
      },
    },
    async (request) => changeTask(ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  api.post(
    '/api/v1/tasks/:id/files',
    {
      config: OFFICIAL,
      bodyLimit: uploadBodyLimit(ctx),
      schema: {
        tags: TAGS,
        summary: 'Upload a file for a progress report (type read from the content), named then by its token',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: {
          201: TaskFile.extend({ token: z.string() }).meta({ id: 'TaskFileUpload' }),
          413: Problem,
          415: Problem,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, ctx.config.portal.uploadMaxBytes);
      return reply.code(201).send(await uploadTaskFile(ctx, request.actor, { taskId: request.params.id, file }));
    },
  );

  api.get(
    '/api/v1/tasks/:id/files/:sha256',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'A file of a progress report',
        params: z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
        produces: ['application/octet-stream'],
        response: { 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const file = await getTaskFile(ctx, request.actor, { taskId: request.params.id, sha256: request.params.sha256 });
      return sendStoredFile(ctx, reply, file);
    },
  );
};
