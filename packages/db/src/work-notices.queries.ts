import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { WorkNoticeTable } from './tables/work.js';

/**
 * An official's in-app notices (work_notice, migration 0034), written by insertWorkNotices
 * (work-events.queries.ts) from task warnings and steps, consultations, evaluation sheets and calendar
 * changes. Every query here is scoped to one user: a notice is only ever its addressee's.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type WorkNoticeRecord = Selectable<WorkNoticeTable>;

/** A notice in a list, with the week of the calendar entry it is about (null for other records). */
export type WorkNoticeListRow = WorkNoticeRecord & { scheduleWeekStart: string | null };

/**
 * A page of a user's notices, newest first, on work_notice_user_idx (user_id, created_at desc, id desc):
 * `after` is the last row of the previous page. With `unreadOnly` the same index is read and the read ones
 * are skipped (a user has a few hundred notices, most of them read).
 */
export const listWorkNoticesOfUser = async (
  db: Db,
  query: {
    userId: string;
    unreadOnly: boolean;
    after?: { createdAt: string; id: string } | undefined;
    limit: number;
  },
): Promise<WorkNoticeListRow[]> => {
  let select = db
    .selectFrom('workNotice')
    .leftJoin('scheduleEntry', (join) =>
      join.onRef('scheduleEntry.id', '=', 'workNotice.recordId').on('workNotice.recordKind', '=', 'schedule_entry'),
    )
    .selectAll('workNotice')
    .select('scheduleEntry.weekStart as scheduleWeekStart')
    .where('workNotice.userId', '=', query.userId);
  if (query.unreadOnly) {
    select = select.where('workNotice.readAt', 'is', null);
  }
  if (query.after) {
    const createdAt = new Date(query.after.createdAt);
    const id = query.after.id;
    select = select.where((eb) =>
      eb.or([
        eb('workNotice.createdAt', '<', createdAt),
        eb.and([eb('workNotice.createdAt', '=', createdAt), eb('workNotice.id', '<', id)]),
      ]),
    );
  }
  return select.orderBy('workNotice.createdAt', 'desc').orderBy('workNotice.id', 'desc').limit(query.limit).execute();
};

/** How many of a user's notices are unread (the badge in the console's header). */
export const countUnreadWorkNotices = async (db: Db, userId: string): Promise<number> => {
  const row = await db
    .selectFrom('workNotice')
    .select((eb) => eb.fn.countAll<string>().as('unread'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.unread);
};

/**
 * Marks one of the user's notices read; a notice read before keeps its first read instant (idempotent).
 * Answers nothing when the user has no such notice (another's notice is as if it did not exist).
 */
export const markWorkNoticeRead = async (
  db: Db,
  input: { userId: string; id: string; at: Date },
): Promise<{ id: string; readAt: Date } | undefined> => {
  const row = await db
    .updateTable('workNotice')
    .set({ readAt: sql<Date>`coalesce(read_at, ${input.at})` })
    .where('id', '=', input.id)
    .where('userId', '=', input.userId)
    .returning(['id', 'readAt'])
    .executeTakeFirst();
  return row?.readAt ? { id: row.id, readAt: row.readAt } : undefined;
};

/** Marks every unread notice of the user read; answers how many were unread (0 the second time). */
export const markAllWorkNoticesRead = async (db: Db, input: { userId: string; at: Date }): Promise<number> => {
  const rows = await db
    .updateTable('workNotice')
    .set({ readAt: input.at })
    .where('userId', '=', input.userId)
    .where('readAt', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
};
