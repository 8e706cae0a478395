import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import type { ScheduleAttendeeTable, ScheduleEntryTable } from './tables/work.js';

/**
 * Work calendars (lịch công tác, migration 0034): the entries of an agency's calendar by week (index
 * schedule_entry_week_idx), an official's own calendar (owned or attended), the portal's public week
 * (schedule_entry_public_idx), the attendees, the iCalendar feed tokens and the officials' notices.
 * A week is bounded (tens of entries), so its lists are read whole, in index order, capped.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type ScheduleEntryRecord = Selectable<ScheduleEntryTable>;
export type ScheduleAttendeeRecord = Selectable<ScheduleAttendeeTable>;
export type NewScheduleEntry = Omit<
  Insertable<ScheduleEntryTable>,
  'id' | 'version' | 'eventCount' | 'lastEventHash' | 'createdAt' | 'updatedAt'
>;

/** At most this many entries are read for one week of one calendar. */
export const SCHEDULE_WEEK_CAP = 500;

export const insertScheduleEntry = async (trx: Transaction<Database>, row: NewScheduleEntry) =>
  trx.insertInto('scheduleEntry').values(row).returningAll().executeTakeFirstOrThrow();

export const findScheduleEntry = async (db: Db, id: string): Promise<ScheduleEntryRecord | undefined> =>
  db.selectFrom('scheduleEntry').selectAll().where('id', '=', id).executeTakeFirst();

export const findScheduleEntryForUpdate = async (trx: Transaction<Database>, id: string) =>
  trx.selectFrom('scheduleEntry').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Writes a change when the row still has the version read; undefined when someone changed it first. */
export const updateScheduleEntryGuarded = async (
  trx: Transaction<Database>,
  input: { id: string; expectedVersion: number; patch: Updateable<ScheduleEntryTable>; now: Date },
): Promise<ScheduleEntryRecord | undefined> =>
  trx
    .updateTable('scheduleEntry')
    .set({ ...input.patch, version: sql<number>`version + 1`, updatedAt: input.now })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

/** Writes the history anchors of a new entry (its first event is written in the same transaction). */
export const setScheduleEntryAnchors = async (
  trx: Transaction<Database>,
  input: { id: string; eventCount: number; lastEventHash: string },
) => {
  await trx
    .updateTable('scheduleEntry')
    .set({ eventCount: input.eventCount, lastEventHash: input.lastEventHash })
    .where('id', '=', input.id)
    .execute();
};

/** The officials attending an entry (chair, participants), to tell them of a change. */
export const listScheduleAttendeeIds = async (db: Db, entryId: string): Promise<string[]> =>
  (await db.selectFrom('scheduleAttendee').select('userId').where('entryId', '=', entryId).execute()).map(
    (row) => row.userId,
  );

/** The leaders' and units' entries of an agency's week (not persons'), by start. */
export const listAgencyWeekEntries = async (db: Db, input: { agencyId: string; weekStart: string }) =>
  db
    .selectFrom('scheduleEntry')
    .selectAll()
    .where('agencyId', '=', input.agencyId)
    .where('weekStart', '=', input.weekStart)
    .where('scheduleKind', '<>', 'person')
    .orderBy('startsAt')
    .orderBy('id')
    .limit(SCHEDULE_WEEK_CAP)
    .execute();

/** An official's week: the entries of their own calendar and the published (or cancelled) ones they attend. */
export const listMyWeekEntries = async (db: Db, input: { userId: string; weekStart: string }) =>
  db
    .selectFrom('scheduleEntry')
    .selectAll()
    .where('weekStart', '=', input.weekStart)
    .where((eb) =>
      eb.or([
        eb('ownerUserId', '=', input.userId),
        eb.and([
          eb('status', 'in', ['published', 'cancelled']),
          eb(
            'id',
            'in',
            eb.selectFrom('scheduleAttendee').select('entryId').where('scheduleAttendee.userId', '=', input.userId),
          ),
        ]),
      ]),
    )
    .orderBy('startsAt')
    .orderBy('id')
    .limit(SCHEDULE_WEEK_CAP)
    .execute();

/** The entries of an official's iCalendar feed between two instants (owned, or attended once published). */
export const listFeedEntries = async (db: Db, input: { userId: string; from: Date; to: Date }) =>
  db
    .selectFrom('scheduleEntry')
    .selectAll()
    .where('startsAt', '>=', input.from)
    .where('startsAt', '<', input.to)
    .where((eb) =>
      eb.or([
        eb.and([eb('ownerUserId', '=', input.userId), eb('status', 'in', ['published', 'cancelled'])]),
        eb.and([
          eb('status', 'in', ['published', 'cancelled']),
          eb(
            'id',
            'in',
            eb.selectFrom('scheduleAttendee').select('entryId').where('scheduleAttendee.userId', '=', input.userId),
          ),
        ]),
      ]),
    )
    .orderBy('startsAt')
    .orderBy('id')
    .limit(2000)
    .execute();

/** The portal's week of a province (or of the whole install): published entries marked public (partial index schedule_entry_public_idx). */
export const listPublicWeekEntries = async (db: Db, input: { provinceCode: string | null; weekStart: string }) =>
  db
    .selectFrom('scheduleEntry')
    .innerJoin('agency', 'agency.id', 'scheduleEntry.agencyId')
    .leftJoin('appUser as chair', 'chair.id', 'scheduleEntry.chairUserId')
    .leftJoin('agency as preparing', 'preparing.id', 'scheduleEntry.preparingAgencyId')
    .select([
      'scheduleEntry.id',
      'scheduleEntry.title',
      'scheduleEntry.startsAt',
      'scheduleEntry.endsAt',
      'scheduleEntry.allDay',
      'scheduleEntry.place',
      'scheduleEntry.chairText',
      'scheduleEntry.participantsText',
      'scheduleEntry.participantUnitIds',
      'scheduleEntry.attachments',
      'agency.name as agencyName',
      'chair.fullName as chairName',
      'preparing.name as preparingAgencyName',
    ])
    .$if(input.provinceCode !== null, (query) =>
      query.where('scheduleEntry.provinceCode', '=', input.provinceCode ?? ''),
    )
    .where('scheduleEntry.weekStart', '=', input.weekStart)
    .where('scheduleEntry.public', '=', true)
    .where('scheduleEntry.status', '=', 'published')
    .orderBy('scheduleEntry.startsAt')
    .orderBy('scheduleEntry.id')
    .limit(SCHEDULE_WEEK_CAP)
    .execute();

/** The attendees of entries, with names (for the calendar's participants column). */
export const listScheduleAttendees = async (db: Db, entryIds: readonly string[]) =>
  entryIds.length === 0
    ? []
    : db
        .selectFrom('scheduleAttendee')
        .innerJoin('appUser', 'appUser.id', 'scheduleAttendee.userId')
        .select([
          'scheduleAttendee.entryId',
          'scheduleAttendee.userId',
          'scheduleAttendee.role',
          'appUser.fullName',
          'appUser.title',
        ])
        .where('scheduleAttendee.entryId', 'in', entryIds)
        .orderBy('scheduleAttendee.entryId')
        .orderBy('scheduleAttendee.role')
        .orderBy('appUser.fullName')
        .execute();

/** Replaces an entry's attendees. */
export const replaceScheduleAttendees = async (
  trx: Transaction<Database>,
  entryId: string,
  rows: readonly Omit<Insertable<ScheduleAttendeeTable>, 'entryId'>[],
) => {
  await trx.deleteFrom('scheduleAttendee').where('entryId', '=', entryId).execute();
  if (rows.length > 0) {
    await trx
      .insertInto('scheduleAttendee')
      .values(rows.map((row) => ({ ...row, entryId })))
      .execute();
  }
};

/**
 * The entries, other than one, in which any of the officials chairs or attends at a time overlapping
 * [from, to] (for clash detection), with their officials.
 */
export const listOverlappingEntries = async (
  db: Db,
  input: { userIds: readonly string[]; from: Date; to: Date; exceptId: string | null },
) => {
  if (input.userIds.length === 0) {
    return [];
  }
  let query = db
    .selectFrom('scheduleEntry')
    .innerJoin('scheduleAttendee', 'scheduleAttendee.entryId', 'scheduleEntry.id')
    .select([
      'scheduleEntry.id',
      'scheduleEntry.title',
      'scheduleEntry.startsAt',
      'scheduleEntry.endsAt',
      'scheduleEntry.status',
      'scheduleAttendee.userId',
    ])
    .where('scheduleAttendee.userId', 'in', input.userIds)
    .where('scheduleEntry.status', '<>', 'cancelled')
    .where('scheduleEntry.startsAt', '<=', input.to)
    .where('scheduleEntry.endsAt', '>=', input.from);
  if (input.exceptId) {
    query = query.where('scheduleEntry.id', '<>', input.exceptId);
  }
  return query.orderBy('scheduleEntry.startsAt').orderBy('scheduleEntry.id').limit(200).execute();
};

/** Names of officials and agencies shown on entries. */
export const listNamesForSchedule = async (
  db: Db,
  input: { userIds: readonly string[]; agencyIds: readonly string[]; activeOnly?: boolean },
) => {
  let userQuery = db.selectFrom('appUser').select(['id', 'fullName', 'title']);
  if (input.activeOnly) {
    userQuery = userQuery.where('status', '=', 'active');
  }
  const users = input.userIds.length === 0 ? [] : await userQuery.where('id', 'in', input.userIds).execute();
  const agencies =
    input.agencyIds.length === 0
      ? []
      : await db.selectFrom('agency').select(['id', 'name']).where('id', 'in', input.agencyIds).execute();
  return { users, agencies };
};

// ---- The iCalendar feed ----------------------------------------------------------------------------------------

/** Creates or replaces an official's feed token (only its hash is kept). */
export const upsertScheduleFeedToken = async (
  db: Db,
  input: { userId: string; provinceCode: string; tokenHash: string; now: Date },
) => {
  await db
    .insertInto('scheduleFeedToken')
    .values({
      userId: input.userId,
      provinceCode: input.provinceCode,
      tokenHash: input.tokenHash,
      createdAt: input.now,
    })
    .onConflict((conflict) =>
      conflict.column('userId').doUpdateSet({ tokenHash: input.tokenHash, createdAt: input.now }),
    )
    .execute();
};

export const findScheduleFeedToken = async (db: Db, userId: string) =>
  db.selectFrom('scheduleFeedToken').selectAll().where('userId', '=', userId).executeTakeFirst();

/** The official a feed token's hash belongs to (an active account only). */
export const findFeedOwnerByTokenHash = async (db: Db, tokenHash: string) =>
  db
    .selectFrom('scheduleFeedToken')
    .innerJoin('appUser', 'appUser.id', 'scheduleFeedToken.userId')
    .select(['appUser.id as userId', 'appUser.fullName'])
    .where('scheduleFeedToken.tokenHash', '=', tokenHash)
    .where('appUser.status', '=', 'active')
    .executeTakeFirst();

// Officials' notices: insertWorkNotices (work-events.queries.ts), shared by every area of issue 20.
