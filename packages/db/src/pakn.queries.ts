import type { PaknState } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import type { PaknEventTable, PaknNotificationTable } from './tables/pakn.js';
import type { PaknFeedbackTable } from './tables/portal.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A row of the PAKN register (pakn_feedback with the columns of 0024). */
export type PaknRegisterRecord = Selectable<Database['paknFeedback']>;
export type PaknEventRecord = Selectable<PaknEventTable>;

// --- settings -------------------------------------------------------------------------------------------

export const findPaknSetting = async (db: Db, provinceCode: string) =>
  db.selectFrom('paknSetting').selectAll().where('provinceCode', '=', provinceCode).executeTakeFirst();

/**
 * Writes a province's PAKN settings at the version the caller read (0: there was no row yet). Returns
 * the new version, or undefined when the row moved on (or appeared) since: the caller answers 409.
 */
export const upsertPaknSetting = async (
  db: Db,
  input: {
    provinceCode: string;
    timeLimits: object;
    portalAgencyId: string | null;
    updatedBy: string | null;
    now: Date;
    expectedVersion: number;
  },
): Promise<number | undefined> => {
  const values = {
    provinceCode: input.provinceCode,
    timeLimits: JSON.stringify(input.timeLimits),
    portalAgencyId: input.portalAgencyId,
    updatedBy: input.updatedBy,
    updatedAt: input.now,
  };
  if (input.expectedVersion === 0) {
    const inserted = await db
      .insertInto('paknSetting')
      .values(values)
      .onConflict((oc) => oc.column('provinceCode').doNothing())
      .returning('rowVersion')
      .executeTakeFirst();
    return inserted?.rowVersion;
  }
  const updated = await db
    .updateTable('paknSetting')
    .set({ ...values, rowVersion: sql<number>`row_version + 1` })
    .where('provinceCode', '=', input.provinceCode)
    .where('rowVersion', '=', input.expectedVersion)
    .returning('rowVersion')
    .executeTakeFirst();
  return updated?.rowVersion;
};

/** The People's Committee of a province (it receives the portal's PAKN unless a setting names another agency). */
export const findProvinceCommitteeId = async (db: Db, provinceCode: string): Promise<string | undefined> =>
  (
    await db
      .selectFrom('agency')
      .select('id')
      .where('provinceCode', '=', provinceCode)
      .where('kind', '=', 'province_committee')
      .where('validTo', 'is', null)
      .orderBy('createdAt')
      .orderBy('id')
      .executeTakeFirst()
  )?.id;

// --- the register ---------------------------------------------------------------------------------------

export const findPaknRegisterById = async (db: Db, id: string): Promise<PaknRegisterRecord | undefined> =>
  db.selectFrom('paknFeedback').selectAll().where('id', '=', id).executeTakeFirst();

/** An entry by its code; with a province, only that province's entry (another province's is not found). */
export const findPaknRegisterByCode = async (
  db: Db,
  code: string,
  provinceCode?: string | undefined,
): Promise<PaknRegisterRecord | undefined> =>
  db
    .selectFrom('paknFeedback')
    .selectAll()
    .where('code', '=', code)
    .$if(provinceCode !== undefined, (q) => q.where('provinceCode', '=', provinceCode as string))
    .executeTakeFirst();

/** The row, locked for the change that follows (one change of a PAKN at a time). */
export const findPaknForUpdate = async (trx: Transaction<Database>, code: string) =>
  trx.selectFrom('paknFeedback').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();

/** A new entry of the register with its first event, in the caller's transaction. */
export const insertPaknRegisterEntry = async (
  trx: Transaction<Database>,
  row: Omit<Insertable<Database['paknFeedback']>, 'id'>,
): Promise<PaknRegisterRecord> => trx.insertInto('paknFeedback').values(row).returningAll().executeTakeFirstOrThrow();

/**
 * The guarded update of a PAKN: applies only if the row still has the version the caller read (and
 * bumps it). Undefined when another change came first.
 */
export const updatePaknGuarded = async (
  trx: Transaction<Database>,
  input: { id: string; expectedVersion: number; patch: Updateable<Database['paknFeedback']> },
): Promise<PaknRegisterRecord | undefined> =>
  trx
    .updateTable('paknFeedback')
    .set({ ...input.patch, version: input.expectedVersion + 1 })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

export const insertPaknEvent = async (trx: Transaction<Database>, event: Insertable<PaknEventTable>) => {
  await trx.insertInto('paknEvent').values(event).execute();
};

export const listPaknEvents = async (db: Db, paknId: string): Promise<PaknEventRecord[]> =>
  db.selectFrom('paknEvent').selectAll().where('paknId', '=', paknId).orderBy('seq').orderBy('id').execute();

// --- lists ----------------------------------------------------------------------------------------------

export type PaknScope = {
  /** Provinces the caller reads whole (a province-wide role). */
  provinceCodes: readonly string[];
  /** Agencies the caller reads (its grants' agencies, sub-agencies, predecessors). */
  agencyIds: readonly string[];
};

export type PaknInboxQuery = PaknScope & {
  view: 'all' | 'open' | 'due_soon' | 'late';
  states?: readonly PaknState[] | undefined;
  now: Date;
  dueSoonUntil: Date;
  /** Keyset: received_at desc, id desc for 'all' and 'open'; answer_due_at, id for the due views. */
  cursor?: { at: string; id: string } | undefined;
  limit: number;
};

const OPEN_STATES: readonly PaknState[] = [
  'received',
  'classified',
  'forwarded',
  'handling',
  'clarification_requested',
  'clarified',
  'answer_drafted',
  'answer_approved',
];

/**
 * An inbox page of the register: the entries held or received by the caller's agencies (or of the
 * provinces they read whole), newest first — or by deadline for the due-soon and late views.
 */
export const listPaknInbox = async (db: Db, query: PaknInboxQuery): Promise<PaknRegisterRecord[]> => {
  if (query.provinceCodes.length === 0 && query.agencyIds.length === 0) {
    return [];
  }
  let select = db
    .selectFrom('paknFeedback')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(query.provinceCodes.length > 0 ? [eb('provinceCode', 'in', query.provinceCodes)] : []),
        ...(query.agencyIds.length > 0
          ? [eb('agencyId', 'in', query.agencyIds), eb('receivingAgencyId', 'in', query.agencyIds)]
          : []),
      ]),
    );
  if (query.states && query.states.length > 0) {
    select = select.where('status', 'in', query.states);
  }
  if (query.view === 'all' || query.view === 'open') {
    if (query.view === 'open') {
      select = select.where('status', 'in', OPEN_STATES);
    }
    if (query.cursor) {
      const { at, id } = query.cursor;
      select = select.where((eb) =>
        eb.or([eb('receivedAt', '<', new Date(at)), eb.and([eb('receivedAt', '=', new Date(at)), eb('id', '<', id)])]),
      );
    }
    return select.orderBy('receivedAt', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  }
  select = select.where('status', 'in', OPEN_STATES).where('answerDueAt', 'is not', null);
  select =
    query.view === 'late'
      ? select.where('answerDueAt', '<', query.now)
      : select.where('answerDueAt', '>=', query.now).where('answerDueAt', '<=', query.dueSoonUntil);
  if (query.cursor) {
    const { at, id } = query.cursor;
    select = select.where((eb) =>
      eb.or([eb('answerDueAt', '>', new Date(at)), eb.and([eb('answerDueAt', '=', new Date(at)), eb('id', '>', id)])]),
    );
  }
  return select.orderBy('answerDueAt').orderBy('id').limit(query.limit).execute();
};

/** A page of a province's published answers, newest first, searched without diacritics. */
export const listPublishedPakn = async (
  db: Db,
  query: { provinceCode: string; foldedQuery?: string | undefined; cursor?: { at: string; id: string }; limit: number },
): Promise<PaknRegisterRecord[]> => {
  let select = db
    .selectFrom('paknFeedback')
    .selectAll()
    .where('provinceCode', '=', query.provinceCode)
    .where('status', '=', 'published');
  for (const word of (query.foldedQuery ?? '').split(' ').filter(Boolean)) {
    select = select.where('searchText', 'like', `%${word.replace(/[%_\\]/g, '')}%`);
  }
  if (query.cursor) {
    const { at, id } = query.cursor;
    select = select.where((eb) =>
      eb.or([eb('publishedAt', '<', new Date(at)), eb.and([eb('publishedAt', '=', new Date(at)), eb('id', '<', id)])]),
    );
  }
  return select.orderBy('publishedAt', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
};

// --- statistics -----------------------------------------------------------------------------------------

export type PaknCountRow = {
  provinceCode: string;
  agencyId: string | null;
  topic: PaknFeedbackTable['topic'];
  received: number;
  rejected: number;
  forwarded: number;
  inCompetence: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  openWithinTime: number;
  openLate: number;
  dissatisfiedOrLate: number;
  rated: number;
  satisfied: number;
};

/**
 * Counts of the PAKN received in [from, to) by holding agency and topic. "On time" compares the
 * answer instant with the answer deadline; an open PAKN is within time while its deadline (or its
 * stopped clock) has not passed at `now`. A PAKN forwarded counts at the agency that holds it.
 */
export const countPakn = async (
  db: Db,
  query: PaknScope & { from: Date; to: Date; now: Date },
): Promise<PaknCountRow[]> => {
  if (query.provinceCodes.length === 0 && query.agencyIds.length === 0) {
    return [];
  }
  const answered = sql<boolean>`answered_at is not null`;
  const late = sql<boolean>`(answer_due_at is not null and answered_at > answer_due_at)`;
  const rows = await db
    .selectFrom('paknFeedback')
    .select([
      'provinceCode',
      'agencyId',
      'topic',
      sql<number>`count(*)::int`.as('received'),
      sql<number>`count(*) filter (where category = 'rejected' or status = 'rejected')::int`.as('rejected'),
      sql<number>`count(*) filter (where forwarded_at is not null)::int`.as('forwarded'),
      sql<number>`count(*) filter (where status <> 'rejected' and coalesce(category, '') <> 'rejected')::int`.as(
        'inCompetence',
      ),
      sql<number>`count(*) filter (where ${answered})::int`.as('answered'),
      sql<number>`count(*) filter (where ${answered} and not ${late})::int`.as('answeredOnTime'),
      sql<number>`count(*) filter (where ${answered} and ${late})::int`.as('answeredLate'),
      sql<number>`count(*) filter (where not ${answered} and status <> 'rejected' and (answer_due_at is null or answer_due_at >= ${query.now}) and (answer_due_at is not null or classify_due_at is null or classify_due_at >= ${query.now} or category is not null))::int`.as(
        'openWithinTime',
      ),
      sql<number>`count(*) filter (where not ${answered} and status <> 'rejected' and ((answer_due_at < ${query.now}) or (answer_due_at is null and category is null and classify_due_at < ${query.now})))::int`.as(
        'openLate',
      ),
      sql<number>`count(*) filter (where ${answered} and (${late} or rating = 'dissatisfied'))::int`.as(
        'dissatisfiedOrLate',
      ),
      sql<number>`count(*) filter (where rating is not null)::int`.as('rated'),
      sql<number>`count(*) filter (where rating in ('satisfied', 'very_satisfied'))::int`.as('satisfied'),
    ])
    .where((eb) =>
      eb.or([
        ...(query.provinceCodes.length > 0 ? [eb('provinceCode', 'in', query.provinceCodes)] : []),
        ...(query.agencyIds.length > 0 ? [eb('agencyId', 'in', query.agencyIds)] : []),
      ]),
    )
    .where('receivedAt', '>=', query.from)
    .where('receivedAt', '<', query.to)
    .groupBy(['provinceCode', 'agencyId', 'topic'])
    .orderBy('provinceCode')
    .orderBy('agencyId')
    .orderBy('topic')
    .execute();
  return rows;
};

// --- audit ----------------------------------------------------------------------------------------------

export const listPaknAnchors = async (db: Db, input: { paknId?: string; afterId: string; limit: number }) => {
  let query = db
    .selectFrom('paknFeedback')
    .select(['id', 'code', 'eventCount', 'lastEventHash'])
    .where('id', '>', input.afterId);
  if (input.paknId) {
    query = query.where('id', '=', input.paknId);
  }
  return query.orderBy('id').limit(input.limit).execute();
};

// --- notifications to the sender ------------------------------------------------------------------------

export type PaknNotificationRecord = Selectable<PaknNotificationTable>;

/** The message row of an event and channel, created on first sight (a retried job finds it again). */
export const claimPaknNotification = async (
  db: Db,
  row: Omit<Insertable<PaknNotificationTable>, 'id' | 'attempts' | 'createdAt'>,
): Promise<PaknNotificationRecord> => {
  await db
    .insertInto('paknNotification')
    .values(row)
    .onConflict((oc) => oc.columns(['paknId', 'eventSeq', 'channel']).doNothing())
    .execute();
  return db
    .selectFrom('paknNotification')
    .selectAll()
    .where('paknId', '=', row.paknId)
    .where('eventSeq', '=', row.eventSeq)
    .where('channel', '=', row.channel)
    .executeTakeFirstOrThrow();
};

export const recordPaknNotificationAttempt = async (
  db: Db,
  input: { id: string; at: Date; outcome: 'sent' | 'failed'; error: string | null; finalFailure: boolean },
) => {
  await db
    .updateTable('paknNotification')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: input.outcome === 'sent' ? 'sent' : input.finalFailure ? 'failed' : 'retrying',
      lastError: input.error,
      sentAt: input.outcome === 'sent' ? input.at : null,
    }))
    .where('id', '=', input.id)
    .execute();
};

export const listPaknNotifications = async (db: Db, paknId: string) =>
  db.selectFrom('paknNotification').selectAll().where('paknId', '=', paknId).orderBy('eventSeq').execute();
