import type { DayKind, ScheduleStatus } from '@motcua/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export const NATIONAL_SCOPE = 'VN';

export type CalendarEntryRecord = {
  id: number;
  scope: string;
  date: string;
  action: 'set' | 'remove';
  kind: DayKind | null;
  period: string | null;
  status: ScheduleStatus | null;
  source: string | null;
  note: string | null;
  createdAt: Date;
  supersededAt: Date | null;
  createdByUsername: string | null;
};

/** The revisions of the national scope and a province scope (0 when never changed). */
export const findCalendarRevisions = async (db: Db, scopes: string[]): Promise<Record<string, number>> => {
  const rows = await db
    .selectFrom('calendarRevision')
    .select(['scope', 'revision'])
    .where('scope', 'in', scopes)
    .execute();
  const result: Record<string, number> = Object.fromEntries(scopes.map((s) => [s, 0]));
  for (const row of rows) {
    result[row.scope] = row.revision;
  }
  return result;
};

/** Active (not superseded) entries of the given scopes, national first, then in the order entered. */
export const listActiveCalendarEntries = async (db: Db, scopes: string[]) =>
  db
    .selectFrom('calendarEntry')
    .select(['id', 'scope', 'date', 'action', 'kind', 'period', 'status', 'source', 'note'])
    .where('scope', 'in', scopes)
    .where('supersededAt', 'is', null)
    .orderBy(sql`case when scope = ${NATIONAL_SCOPE} then 0 else 1 end`)
    .orderBy('id')
    .execute();

export const listPublishedYears = async (db: Db, scopes: string[]): Promise<number[]> =>
  (await db.selectFrom('calendarPublishedYear').select('year').where('scope', 'in', scopes).distinct().execute()).map(
    (r) => r.year,
  );

/** Every entry ever made for a scope (the history: who set or removed which day, when). */
export const listCalendarHistory = async (
  db: Db,
  input: { scope: string; year?: number; limit: number; offset: number },
): Promise<CalendarEntryRecord[]> => {
  let query = db
    .selectFrom('calendarEntry')
    .leftJoin('appUser', 'appUser.id', 'calendarEntry.createdBy')
    .select([
      'calendarEntry.id',
      'calendarEntry.scope',
      'calendarEntry.date',
      'calendarEntry.action',
      'calendarEntry.kind',
      'calendarEntry.period',
      'calendarEntry.status',
      'calendarEntry.source',
      'calendarEntry.note',
      'calendarEntry.createdAt',
      'calendarEntry.supersededAt',
      'appUser.username as createdByUsername',
    ])
    .where('calendarEntry.scope', '=', input.scope);
  if (input.year !== undefined) {
    query = query
      .where('calendarEntry.date', '>=', `${input.year}-01-01`)
      .where('calendarEntry.date', '<=', `${input.year}-12-31`);
  }
  return query.orderBy('calendarEntry.id', 'desc').limit(input.limit).offset(input.offset).execute();
};

export type NewCalendarEntry = {
  date: string;
  action: 'set' | 'remove';
  kind?: DayKind | null;
  period?: string | null;
  status?: ScheduleStatus | null;
  source?: string | null;
  note?: string | null;
};

/**
 * Records entries for a scope: each supersedes the active entry of its date (if any). Bumps the
 * scope's revision in the same transaction so cached calendars everywhere are rebuilt.
 */
export const insertCalendarEntries = async (
  trx: Transaction<Database>,
  input: { scope: string; entries: NewCalendarEntry[]; createdBy: string | null; now: Date },
): Promise<number[]> => {
  const ids: number[] = [];
  for (const entry of input.entries) {
    const inserted = await trx
      .insertInto('calendarEntry')
      .values({
        scope: input.scope,
        date: entry.date,
        action: entry.action,
        kind: entry.kind ?? null,
        period: entry.period ?? null,
        status: entry.status ?? null,
        source: entry.source ?? null,
        note: entry.note ?? null,
        createdBy: input.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('calendarEntry')
      .set({ supersededAt: input.now, supersededBy: inserted.id })
      .where('scope', '=', input.scope)
      .where('date', '=', entry.date)
      .where('supersededAt', 'is', null)
      .where('id', '<>', inserted.id)
      .execute();
    ids.push(inserted.id);
  }
  await bumpCalendarRevision(trx, input.scope, input.now);
  return ids;
};

export const insertPublishedYear = async (
  trx: Transaction<Database>,
  input: { scope: string; year: number; source: string; createdBy: string | null; now: Date },
): Promise<void> => {
  await trx
    .insertInto('calendarPublishedYear')
    .values({ scope: input.scope, year: input.year, source: input.source, createdBy: input.createdBy })
    .onConflict((oc) => oc.columns(['scope', 'year']).doUpdateSet({ source: input.source }))
    .execute();
  await bumpCalendarRevision(trx, input.scope, input.now);
};

const bumpCalendarRevision = async (trx: Transaction<Database>, scope: string, now: Date): Promise<void> => {
  await trx
    .insertInto('calendarRevision')
    .values({ scope, revision: 1, updatedAt: now })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet({ revision: sql<number>`calendar_revision.revision + 1`, updatedAt: now }),
    )
    .execute();
};
