import type { CommentResponse } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import type {
  ConsultationCommentTable,
  ConsultationRecipientTable,
  ConsultationTable,
  StoredFile,
} from './tables/work.js';

/**
 * Consultations on drafts (lấy ý kiến dự thảo, migration 0034): the consultation, its recipients (agencies of
 * the install or officials) with their answer, and the comments per article with the drafter's response.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** An uploaded draft file kept on a consultation (sha256, name, size, content type). */
export type ConsultationDraftFile = StoredFile;
export type ConsultationRecord = Selectable<ConsultationTable>;
export type ConsultationRecipientRecord = Selectable<ConsultationRecipientTable>;
export type ConsultationCommentRecord = Selectable<ConsultationCommentTable>;
export type NewConsultation = Omit<
  Insertable<ConsultationTable>,
  'id' | 'version' | 'eventCount' | 'lastEventHash' | 'createdAt' | 'updatedAt'
>;

export const insertConsultation = async (trx: Transaction<Database>, row: NewConsultation) =>
  trx.insertInto('consultation').values(row).returningAll().executeTakeFirstOrThrow();

export const findConsultation = async (db: Db, id: string): Promise<ConsultationRecord | undefined> =>
  db.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the consultation's row until the transaction ends (the one change path reads it through this). */
export const findConsultationForUpdate = async (trx: Transaction<Database>, id: string) =>
  trx.selectFrom('consultation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Writes a change when the row still has the version read; undefined when someone changed it first. */
export const updateConsultationGuarded = async (
  trx: Transaction<Database>,
  input: { id: string; expectedVersion: number; patch: Updateable<ConsultationTable>; now: Date },
): Promise<ConsultationRecord | undefined> =>
  trx
    .updateTable('consultation')
    .set({ ...input.patch, version: sql<number>`version + 1`, updatedAt: input.now })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

export const insertConsultationRecipients = async (
  trx: Transaction<Database>,
  rows: readonly Insertable<ConsultationRecipientTable>[],
) => (rows.length === 0 ? [] : trx.insertInto('consultationRecipient').values(rows).returningAll().execute());

/** The recipients with the agency's or the official's name, agencies first, in name order. */
export const listConsultationRecipients = async (db: Db, consultationId: string) =>
  db
    .selectFrom('consultationRecipient as r')
    .leftJoin('agency', 'agency.id', 'r.agencyId')
    .leftJoin('appUser as u', 'u.id', 'r.userId')
    .leftJoin('appUser as answerer', 'answerer.id', 'r.answeredBy')
    .selectAll('r')
    .select([sql<string>`coalesce(agency.name, u.full_name, '')`.as('name'), 'answerer.fullName as answeredByName'])
    .where('r.consultationId', '=', consultationId)
    .orderBy(sql`r.agency_id is null`)
    .orderBy(sql`coalesce(agency.name, u.full_name)`)
    .orderBy('r.id')
    .execute();

export const updateRecipientAnswer = async (
  trx: Transaction<Database>,
  input: { id: string; answer: 'agree' | 'comments'; answeredBy: string; answeredAt: Date },
) => {
  await trx
    .updateTable('consultationRecipient')
    .set({ answer: input.answer, answeredBy: input.answeredBy, answeredAt: input.answeredAt })
    .where('id', '=', input.id)
    .execute();
};

export const insertConsultationComments = async (
  trx: Transaction<Database>,
  rows: readonly Insertable<ConsultationCommentTable>[],
) => {
  if (rows.length > 0) {
    await trx.insertInto('consultationComment').values(rows).execute();
  }
};

/** The comments in the draft's order (consultation_comment_idx): article key, general last, time, id. */
export const listConsultationComments = async (db: Db, consultationId: string) =>
  db
    .selectFrom('consultationComment as c')
    .innerJoin('appUser as author', 'author.id', 'c.authorUserId')
    .selectAll('c')
    .select('author.fullName as authorName')
    .where('c.consultationId', '=', consultationId)
    .orderBy(sql`c.article_no asc nulls last`)
    .orderBy('c.createdAt')
    .orderBy('c.id')
    .execute();

export const updateCommentResponse = async (
  trx: Transaction<Database>,
  input: {
    consultationId: string;
    commentId: string;
    response: CommentResponse;
    responseText: string | null;
    respondedBy: string;
    respondedAt: Date;
  },
): Promise<boolean> => {
  const result = await trx
    .updateTable('consultationComment')
    .set({
      response: input.response,
      responseText: input.responseText,
      respondedBy: input.respondedBy,
      respondedAt: input.respondedAt,
    })
    .where('id', '=', input.commentId)
    .where('consultationId', '=', input.consultationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
};

export type ConsultationListQuery = {
  view: 'sent' | 'to_answer';
  userId: string;
  /** sent: agencies where the caller heads the drafters; to_answer: agencies the caller answers for. */
  agencyIds: readonly string[];
  cursor: { at: Date; id: string } | null;
  limit: number;
};

/**
 * The consultations sent by the caller or their agencies, or sent to the caller or the agencies they answer
 * for (not drafts), nearest deadline first (keyset on deadline_at, id; consultation_agency_idx and the
 * recipient indexes).
 */
export const listConsultations = async (db: Db, query: ConsultationListQuery) => {
  let q = db
    .selectFrom('consultation as c')
    .innerJoin('agency', 'agency.id', 'c.agencyId')
    .selectAll('c')
    .select([
      'agency.name as agencyName',
      (eb) =>
        eb
          .selectFrom('consultationRecipient as r')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('r.consultationId', '=', 'c.id')
          .as('recipientCount'),
      (eb) =>
        eb
          .selectFrom('consultationRecipient as r')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('r.consultationId', '=', 'c.id')
          .where('r.answer', 'is not', null)
          .as('answeredCount'),
    ]);
  if (query.view === 'sent') {
    q = q.where((eb) =>
      query.agencyIds.length === 0
        ? eb('c.createdBy', '=', query.userId)
        : eb.or([eb('c.createdBy', '=', query.userId), eb('c.agencyId', 'in', query.agencyIds)]),
    );
  } else {
    q = q.where('c.status', '<>', 'draft').where((eb) =>
      eb.exists(
        eb
          .selectFrom('consultationRecipient as r')
          .select('r.id')
          .whereRef('r.consultationId', '=', 'c.id')
          .where((inner) =>
            query.agencyIds.length === 0
              ? inner('r.userId', '=', query.userId)
              : inner.or([inner('r.userId', '=', query.userId), inner('r.agencyId', 'in', query.agencyIds)]),
          ),
      ),
    );
  }
  if (query.cursor) {
    const { at, id } = query.cursor;
    q = q.where((eb) =>
      eb.or([eb('c.deadlineAt', '>', at), eb.and([eb('c.deadlineAt', '=', at), eb('c.id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('c.deadlineAt')
    .orderBy('c.id')
    .limit(query.limit + 1)
    .execute();
  return { rows: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
};

/** Consultations linked to an outgoing document draft (consultation_document_idx). */
export const listConsultationsOfOutgoing = async (db: Db, outgoingDocumentId: string) =>
  db
    .selectFrom('consultation')
    .select(['id', 'title', 'status', 'deadlineAt', 'summarisedAt'])
    .where('outgoingDocumentId', '=', outgoingDocumentId)
    .orderBy('createdAt')
    .execute();

/** The active officials who answer for the recipient agencies (holders of a role with consultation.answer). */
export const listConsultationAnswerers = async (
  db: Db,
  input: { agencyIds: readonly string[]; roles: readonly string[] },
) =>
  input.agencyIds.length === 0 || input.roles.length === 0
    ? []
    : db
        .selectFrom('userRole')
        .innerJoin('appUser', 'appUser.id', 'userRole.userId')
        .select(['appUser.id as userId', 'userRole.agencyId'])
        .distinct()
        .where('userRole.agencyId', 'in', input.agencyIds)
        .where('userRole.role', 'in', input.roles as never)
        .where('appUser.status', '=', 'active')
        .execute();

/** Open consultations whose deadline falls before `until` (the reminder sweep). */
export const listConsultationsDueBefore = async (db: Db, until: Date, limit: number) =>
  db
    .selectFrom('consultation')
    .selectAll()
    .where('status', '=', 'open')
    .where('deadlineAt', '<=', until)
    .orderBy('deadlineAt')
    .orderBy('id')
    .limit(limit)
    .execute();
