import {
  countUnreadWorkNotices,
  listWorkNoticesOfUser,
  markAllWorkNoticesRead,
  markWorkNoticeRead,
  type WorkNoticeListRow,
} from '@motcua/db';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';

/*
 * An official's in-app notices (issue 20): what the e-office wrote for them (task warnings and steps,
 * consultations to answer, evaluation sheets, calendar changes). A notice is only ever its addressee's:
 * every read and write here is scoped to the signed-in official, and another's notice answers 404 as if it
 * did not exist.
 */

const NOTICE = { vi: 'thông báo', en: 'notice' } as const;

const encodeCursor = (row: WorkNoticeListRow) =>
  Buffer.from(JSON.stringify({ at: row.createdAt.toISOString(), id: row.id })).toString('base64url');

const decodeCursor = (cursor: string | undefined): { createdAt: string; id: string } | undefined => {
  if (!cursor) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (
      typeof parsed.at === 'string' &&
      typeof parsed.id === 'string' &&
      /^[0-9a-f-]{36}$/.test(parsed.id) &&
      !Number.isNaN(Date.parse(parsed.at))
    ) {
      return { createdAt: parsed.at, id: parsed.id };
    }
  } catch {
    // fall through
  }
  throw new AppError(
    'VALIDATION_FAILED',
    {},
    { fieldProblems: [{ in: 'query', pointer: '/cursor', code: 'CURSOR', message: 'bad cursor' }] },
  );
};

const toNotice = (row: WorkNoticeListRow) => ({
  id: row.id,
  kind: row.kind,
  recordKind: row.recordKind,
  recordId: row.recordId,
  scheduleWeekStart: row.scheduleWeekStart,
  title: row.title,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
});

/** A page of my notices, newest first (optionally the unread ones only), and how many are unread in all. */
export const findMyWorkNotices = async (
  ctx: AppContext,
  actor: Actor,
  query: { unread: boolean; cursor?: string | undefined; limit: number },
) => {
  const official = requireOfficial(actor);
  const rows = await listWorkNoticesOfUser(ctx.db, {
    userId: official.userId,
    unreadOnly: query.unread,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toNotice),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    unreadCount: await countUnreadWorkNotices(ctx.db, official.userId),
  };
};

/** How many of my notices are unread (the console's header badge polls it). */
export const countMyUnreadWorkNotices = async (ctx: AppContext, actor: Actor) => {
  const official = requireOfficial(actor);
  return { unreadCount: await countUnreadWorkNotices(ctx.db, official.userId) };
};

/** Marks one of my notices read (again: nothing changes, the first read instant stays). */
export const markMyWorkNoticeRead = async (ctx: AppContext, actor: Actor, id: string) => {
  const official = requireOfficial(actor);
  const read = await markWorkNoticeRead(ctx.db, { userId: official.userId, id, at: ctx.clock.now() });
  if (!read) {
    throw notFound(NOTICE);
  }
  return {
    id: read.id,
    readAt: read.readAt.toISOString(),
    unreadCount: await countUnreadWorkNotices(ctx.db, official.userId),
  };
};

/** Marks all my unread notices read; answers how many were (0 when repeated). */
export const markAllMyWorkNoticesRead = async (ctx: AppContext, actor: Actor) => {
  const official = requireOfficial(actor);
  const marked = await markAllWorkNoticesRead(ctx.db, { userId: official.userId, at: ctx.clock.now() });
  return { marked, unreadCount: await countUnreadWorkNotices(ctx.db, official.userId) };
};
