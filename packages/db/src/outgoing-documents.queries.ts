import type { OutgoingState } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import type {
  DocumentDelegationTable,
  OutgoingDocumentTable,
  OutgoingDraftVersionTable,
  OutgoingRecipientTable,
  OutgoingReviewStepTable,
} from './tables/eoffice.js';

/**
 * Outgoing documents (văn bản đi, migration 0025): the document row, its draft versions (never
 * overwritten), its review chain per round, its recipients, the delegations, and the lists of the
 * console — every list keyset-paginated on (updated_at desc, id desc), the order of its indexes.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type OutgoingRecord = Selectable<OutgoingDocumentTable>;
export type OutgoingVersionRecord = Selectable<OutgoingDraftVersionTable>;
export type OutgoingStepRecord = Selectable<OutgoingReviewStepTable>;
export type OutgoingRecipientRecord = Selectable<OutgoingRecipientTable>;
export type DelegationRecord = Selectable<DocumentDelegationTable>;

export const insertOutgoingDocument = async (
  trx: Transaction<Database>,
  row: Omit<Insertable<OutgoingDocumentTable>, 'id'>,
): Promise<OutgoingRecord> => trx.insertInto('outgoingDocument').values(row).returningAll().executeTakeFirstOrThrow();

export const findOutgoing = async (db: Db, id: string): Promise<OutgoingRecord | undefined> =>
  db.selectFrom('outgoingDocument').selectAll().where('id', '=', id).executeTakeFirst();

/** The row locked until the caller's transaction ends (the one change path locks before it decides). */
export const findOutgoingForUpdate = async (trx: Transaction<Database>, id: string) =>
  trx.selectFrom('outgoingDocument').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Applies the patch only if the row still has the version the caller read (and bumps it). */
export const updateOutgoingGuarded = async (
  trx: Transaction<Database>,
  input: { id: string; expectedVersion: number; patch: Updateable<OutgoingDocumentTable> },
): Promise<OutgoingRecord | undefined> =>
  trx
    .updateTable('outgoingDocument')
    .set({ ...input.patch, version: input.expectedVersion + 1, updatedAt: sql<Date>`now()` })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

// --- versions ------------------------------------------------------------------------------------------

/** A new draft version: number current + 1 (the primary key refuses a second writer of the same number). */
export const insertOutgoingVersion = async (trx: Transaction<Database>, row: Insertable<OutgoingDraftVersionTable>) =>
  trx.insertInto('outgoingDraftVersion').values(row).returningAll().executeTakeFirstOrThrow();

export const listOutgoingVersions = async (db: Db, outgoingId: string): Promise<OutgoingVersionRecord[]> =>
  db.selectFrom('outgoingDraftVersion').selectAll().where('outgoingId', '=', outgoingId).orderBy('versionNo').execute();

export const findOutgoingVersion = async (db: Db, outgoingId: string, versionNo: number) =>
  db
    .selectFrom('outgoingDraftVersion')
    .selectAll()
    .where('outgoingId', '=', outgoingId)
    .where('versionNo', '=', versionNo)
    .executeTakeFirst();

// --- review chain --------------------------------------------------------------------------------------

/** The chain of one round, replaced as a whole while the document is a draft. */
export const replaceOutgoingSteps = async (
  trx: Transaction<Database>,
  outgoingId: string,
  reviewRound: number,
  steps: Omit<Insertable<OutgoingReviewStepTable>, 'outgoingId' | 'reviewRound'>[],
) => {
  await trx
    .deleteFrom('outgoingReviewStep')
    .where('outgoingId', '=', outgoingId)
    .where('reviewRound', '=', reviewRound)
    .execute();
  if (steps.length > 0) {
    await trx
      .insertInto('outgoingReviewStep')
      .values(steps.map((step) => ({ ...step, outgoingId, reviewRound })))
      .execute();
  }
};

export const listOutgoingSteps = async (db: Db, outgoingId: string, reviewRound?: number) => {
  let select = db.selectFrom('outgoingReviewStep').selectAll().where('outgoingId', '=', outgoingId);
  if (reviewRound !== undefined) {
    select = select.where('reviewRound', '=', reviewRound);
  }
  return select.orderBy('reviewRound').orderBy('stage').orderBy('reviewerUserId').execute();
};

export const updateOutgoingStep = async (
  trx: Transaction<Database>,
  key: { outgoingId: string; reviewRound: number; stage: number; reviewerUserId: string },
  patch: Updateable<OutgoingReviewStepTable>,
) => {
  await trx
    .updateTable('outgoingReviewStep')
    .set(patch)
    .where('outgoingId', '=', key.outgoingId)
    .where('reviewRound', '=', key.reviewRound)
    .where('stage', '=', key.stage)
    .where('reviewerUserId', '=', key.reviewerUserId)
    .execute();
};

// --- recipients ----------------------------------------------------------------------------------------

export const replaceOutgoingRecipients = async (
  trx: Transaction<Database>,
  outgoingId: string,
  recipients: Omit<Insertable<OutgoingRecipientTable>, 'outgoingId' | 'id'>[],
) => {
  await trx.deleteFrom('outgoingRecipient').where('outgoingId', '=', outgoingId).execute();
  if (recipients.length > 0) {
    await trx
      .insertInto('outgoingRecipient')
      .values(recipients.map((recipient) => ({ ...recipient, outgoingId })))
      .execute();
  }
};

export const listOutgoingRecipients = async (db: Db, outgoingId: string): Promise<OutgoingRecipientRecord[]> =>
  db.selectFrom('outgoingRecipient').selectAll().where('outgoingId', '=', outgoingId).orderBy('position').execute();

/** The delivery of an issued document to an agency of this install, with its first status message (seq 1). */
export const insertOutgoingDelivery = async (
  trx: Transaction<Database>,
  row: Omit<Insertable<Database['documentDelivery']>, 'id' | 'status' | 'version'> & { deliveredAt: Date },
) => {
  const delivery = await trx
    .insertInto('documentDelivery')
    .values({ ...row, status: 'delivered', statusAt: row.deliveredAt })
    .returning(['id', 'recipientAgencyId'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('documentStatusMessage')
    .values({
      deliveryId: delivery.id,
      seq: 1,
      status: 'delivered',
      at: row.deliveredAt,
      actorUserId: null,
      note: null,
    })
    .execute();
  return delivery;
};

export const listOutgoingDeliveries = async (db: Db, outgoingId: string) =>
  db
    .selectFrom('documentDelivery')
    .innerJoin('agency', 'agency.id', 'documentDelivery.recipientAgencyId')
    .select([
      'documentDelivery.id',
      'documentDelivery.recipientAgencyId',
      'agency.name as recipientName',
      'documentDelivery.status',
      'documentDelivery.statusAt',
      'documentDelivery.deliveredAt',
    ])
    .where('documentDelivery.outgoingId', '=', outgoingId)
    .orderBy('documentDelivery.deliveredAt')
    .orderBy('documentDelivery.id')
    .execute();

// --- signatures ----------------------------------------------------------------------------------------

export const listOutgoingSignatures = async (db: Db, outgoingId: string) =>
  db
    .selectFrom('documentSignature')
    .selectAll()
    .where('outgoingId', '=', outgoingId)
    .orderBy('signedAt')
    // The signer's signature comes before the organisation's ('signer' > 'organisation').
    .orderBy('kind', 'desc')
    .orderBy('id')
    .execute();

// --- delegations ---------------------------------------------------------------------------------------

export const insertDelegation = async (
  db: Db,
  row: Omit<Insertable<DocumentDelegationTable>, 'id'>,
): Promise<DelegationRecord> =>
  db.insertInto('documentDelegation').values(row).returningAll().executeTakeFirstOrThrow();

export const findDelegation = async (db: Db, id: string) =>
  db.selectFrom('documentDelegation').selectAll().where('id', '=', id).executeTakeFirst();

/** Revokes once: undefined when it was revoked already (or does not exist). */
export const revokeDelegation = async (db: Db, id: string, at: Date) =>
  db
    .updateTable('documentDelegation')
    .set({ revokedAt: at })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .returningAll()
    .executeTakeFirst();

/** Delegations given to `toUserId` that are not revoked and still running on `today` (or later). */
export const listDelegationsTo = async (db: Db, toUserId: string, today: string): Promise<DelegationRecord[]> =>
  db
    .selectFrom('documentDelegation')
    .selectAll()
    .where('toUserId', '=', toUserId)
    .where('validTo', '>=', today)
    .where('revokedAt', 'is', null)
    .orderBy('validTo')
    .orderBy('id')
    .execute();

/** An agency's delegations ending on or after `fromDate`, keyset on (valid_to desc, id desc). */
export const listAgencyDelegations = async (
  db: Db,
  query: { agencyIds: readonly string[]; fromDate: string; cursor?: { at: string; id: string }; limit: number },
) => {
  if (query.agencyIds.length === 0) {
    return [];
  }
  let select = db
    .selectFrom('documentDelegation')
    .innerJoin('appUser as fromUser', 'fromUser.id', 'documentDelegation.fromUserId')
    .innerJoin('appUser as toUser', 'toUser.id', 'documentDelegation.toUserId')
    .selectAll('documentDelegation')
    .select(['fromUser.fullName as fromName', 'toUser.fullName as toName'])
    .where('documentDelegation.agencyId', 'in', query.agencyIds)
    .where('documentDelegation.validTo', '>=', query.fromDate);
  if (query.cursor) {
    const { at, id } = query.cursor;
    select = select.where((eb) =>
      eb.or([
        eb('documentDelegation.validTo', '<', at),
        eb.and([eb('documentDelegation.validTo', '=', at), eb('documentDelegation.id', '<', id)]),
      ]),
    );
  }
  return select
    .orderBy('documentDelegation.validTo', 'desc')
    .orderBy('documentDelegation.id', 'desc')
    .limit(query.limit)
    .execute();
};

// --- lists ---------------------------------------------------------------------------------------------

export type OutgoingListView = 'my_drafts' | 'my_review' | 'waiting_signature' | 'waiting_seal' | 'issued';

export type OutgoingListQuery = {
  view: OutgoingListView;
  userId: string;
  /** Agencies whose documents the caller reads (waiting_seal, issued). */
  agencyIds: readonly string[];
  /** Users who delegated 'approve' to the caller (their review steps are the caller's to decide too). */
  delegatorIds: readonly string[];
  cursor?: { at: string; id: string } | undefined;
  limit: number;
};

const DRAFT_STATES: readonly OutgoingState[] = ['draft', 'returned', 'in_review', 'approved'];

/**
 * A page of one of the console's lists, newest change first: my drafts (as the drafter, not yet signed);
 * waiting for my review (a pending step of the current round and stage that I decide as reviewer,
 * substitute or delegate); waiting for my signature (approved, I am the signer); waiting for the seal
 * (signed, not sealed, at my agencies); issued (at my agencies).
 */
export const listOutgoing = async (db: Db, query: OutgoingListQuery): Promise<OutgoingRecord[]> => {
  let select = db.selectFrom('outgoingDocument').selectAll('outgoingDocument');
  switch (query.view) {
    case 'my_drafts':
      select = select
        .where('outgoingDocument.drafterUserId', '=', query.userId)
        .where('outgoingDocument.status', 'in', DRAFT_STATES);
      break;
    case 'my_review': {
      const deciders = [query.userId];
      select = select.where('outgoingDocument.status', '=', 'in_review').where(({ exists, selectFrom }) =>
        exists(
          selectFrom('outgoingReviewStep as step')
            .select(sql`1`.as('one'))
            .whereRef('step.outgoingId', '=', 'outgoingDocument.id')
            .whereRef('step.reviewRound', '=', 'outgoingDocument.reviewRound')
            .where('step.decision', '=', 'pending')
            .where((eb) =>
              eb.or([
                eb('step.reviewerUserId', 'in', deciders),
                eb('step.substituteUserId', 'in', deciders),
                ...(query.delegatorIds.length > 0 ? [eb('step.reviewerUserId', 'in', query.delegatorIds)] : []),
              ]),
            )
            .where(
              'step.stage',
              '=',
              selectFrom('outgoingReviewStep as open')
                .select(sql<number>`min(open.stage)`.as('stage'))
                .whereRef('open.outgoingId', '=', 'outgoingDocument.id')
                .whereRef('open.reviewRound', '=', 'outgoingDocument.reviewRound')
                .where('open.decision', '=', 'pending'),
            ),
        ),
      );
      break;
    }
    case 'waiting_signature':
      select = select
        .where('outgoingDocument.status', '=', 'approved')
        .where('outgoingDocument.signerUserId', '=', query.userId);
      break;
    case 'waiting_seal':
      if (query.agencyIds.length === 0) {
        return [];
      }
      select = select
        .where('outgoingDocument.agencyId', 'in', query.agencyIds)
        .where('outgoingDocument.status', '=', 'signed');
      break;
    case 'issued':
      if (query.agencyIds.length === 0) {
        return [];
      }
      select = select
        .where('outgoingDocument.agencyId', 'in', query.agencyIds)
        .where('outgoingDocument.status', '=', 'issued');
      break;
  }
  if (query.cursor) {
    const { at, id } = query.cursor;
    select = select.where((eb) =>
      eb.or([
        eb('outgoingDocument.updatedAt', '<', new Date(at)),
        eb.and([eb('outgoingDocument.updatedAt', '=', new Date(at)), eb('outgoingDocument.id', '<', id)]),
      ]),
    );
  }
  return select
    .orderBy('outgoingDocument.updatedAt', 'desc')
    .orderBy('outgoingDocument.id', 'desc')
    .limit(query.limit)
    .execute();
};

// --- lookups -------------------------------------------------------------------------------------------

/** Which of these user ids exist (reviewers, substitutes, signers chosen by the drafter). */
export const findExistingUserIds = async (db: Db, ids: readonly string[]): Promise<Set<string>> => {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('appUser')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((row) => row.id));
};

/** Names of officials, for views. */
export const findUserNames = async (db: Db, ids: readonly string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('appUser').select(['id', 'fullName']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.fullName]));
};

/** What a document's number and heading need of an agency: its name, code, abbreviation and place. */
export const findAgencyDocumentInfo = async (db: Db, id: string) =>
  db
    .selectFrom('agency')
    .select([
      'id',
      'name',
      'code',
      'provinceCode',
      'documentAbbreviation',
      'adminUnitLevel',
      'adminUnitCode',
      'parentId',
    ])
    .where('id', '=', id)
    .executeTakeFirst();

/** Officials holding a document role (clerk, specialist, unit head, agency head) at an agency or its units. */
export const listDocumentOfficials = async (db: Db, agencyId: string) =>
  db
    .selectFrom('userRole')
    .innerJoin('appUser', 'appUser.id', 'userRole.userId')
    .innerJoin('agency', 'agency.id', 'userRole.agencyId')
    .select(['appUser.id as userId', 'appUser.fullName', 'userRole.role', 'userRole.agencyId'])
    .where((eb) => eb.or([eb('agency.id', '=', agencyId), eb('agency.parentId', '=', agencyId)]))
    .where('userRole.role', 'in', ['clerk', 'specialist', 'unit_head', 'agency_head', 'agency_admin'])
    .where('appUser.status', '=', 'active')
    .orderBy('appUser.fullName')
    .orderBy('appUser.id')
    .limit(500)
    .execute();

/** Sets an agency's abbreviation for document symbols when it has none (the demo seed). */
export const setDocumentAbbreviationIfMissing = async (db: Db, agencyId: string, abbreviation: string) => {
  await db
    .updateTable('agency')
    .set({ documentAbbreviation: abbreviation })
    .where('id', '=', agencyId)
    .where('documentAbbreviation', 'is', null)
    .execute();
};
