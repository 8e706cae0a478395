import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import {
  countMyUnreadWorkNotices,
  findMyWorkNotices,
  markAllMyWorkNoticesRead,
  markMyWorkNoticeRead,
} from '../usecases/work/notices/work-notices.js';

const TAGS = ['work'];
const Instant = z.string().describe('ISO 8601 instant');

const WorkNotice = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('What happened: task-assigned, task-due-soon, consultation_to_answer, evaluation, …'),
    recordKind: z.string().describe('What it is about: task | schedule_entry | consultation | evaluation_sheet'),
    recordId: z.uuid(),
    scheduleWeekStart: z.string().nullable().describe('For a calendar entry, the Monday of its week (YYYY-MM-DD)'),
    title: z.string(),
    body: z.string().nullable(),
    createdAt: Instant,
    readAt: Instant.nullable(),
  })
  .meta({ id: 'WorkNotice', description: 'An in-app notice to the signed-in official (thông báo)' });

const UnreadCount = z.number().int().describe('How many of my notices are unread');
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** The signed-in official's own notices (issue 20): the list, the unread count, marking read. */
export const registerWorkNoticeRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/work/notices',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'My notices, newest first (keyset pages), with the unread count',
        querystring: z.object({
          unread: z
            .enum(['true', 'false'])
            .default('false')
            .transform((value) => value === 'true')
            .describe('Only the unread ones'),
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z
            .object({ items: z.array(WorkNotice), nextCursor: z.string().nullable(), unreadCount: UnreadCount })
            .meta({ id: 'WorkNoticePage' }),
          ...errors,
        },
      },
    },
    async (request) => findMyWorkNotices(ctx, request.actor, request.query),
  );
  api.get(
    '/api/v1/work/notices/unread-count',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'How many of my notices are unread (the console header’s badge)',
        response: { 200: z.object({ unreadCount: UnreadCount }).meta({ id: 'WorkNoticeUnread' }), ...errors },
      },
    },
    async (request) => countMyUnreadWorkNotices(ctx, request.actor),
  );
  api.post(
    '/api/v1/work/notices/read-all',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Mark all my notices read (idempotent: a second call marks none)',
        response: {
          200: z.object({ marked: z.number().int(), unreadCount: UnreadCount }).meta({ id: 'WorkNoticesMarkedRead' }),
          ...errors,
        },
      },
    },
    async (request) => markAllMyWorkNoticesRead(ctx, request.actor),
  );
  api.post(
    '/api/v1/work/notices/:id/read',
    {
      config: OFFICIAL,
      schema: {
        tags: TAGS,
        summary: 'Mark one of my notices read (idempotent: the first read instant stays)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({ id: z.uuid(), readAt: Instant, unreadCount: UnreadCount }).meta({ id: 'WorkNoticeRead' }),
          ...errors,
        },
      },
    },
    async (request) => markMyWorkNoticeRead(ctx, request.actor, request.params.id),
  );
};
