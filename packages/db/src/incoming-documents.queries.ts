import type { DocumentKind, IncomingState, OfficialRole } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import type { IncomingAssignmentTable, IncomingDocumentTable } from './tables/eoffice.js';

/**
 * The incoming register (sổ đăng ký văn bản đến, Decree 30/2020 Art. 22; migration 0025): the documents,
 * the units assigned to handle them, the inboxes of the clerk, the head and the units, and the electronic
 * deliveries waiting for the clerk.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type IncomingDocumentRecord = Selectable<IncomingDocumentTable>;
export type IncomingAssignmentRecord = Selectable<IncomingAssignmentTable>;
export type NewIncomingDocument = Omit<
  Insertable<IncomingDocumentTable>,
  'id' | 'version' | 'eventCount' | 'lastEventHash' | 'createdAt' | 'updatedAt'
>;

/** Inserts a registered document (its number taken in the same transaction, takeNextDocumentNumber). */
export const insertIncomingDocument = async (
  trx: Transaction<Database>,
  row: NewIncomingDocument,
): Promise<IncomingDocumentRecord> =>
  trx.insertInto('incomingDocument').values(row).returningAll().executeTakeFirstOrThrow();

export const findIncomingDocument = async (db: Db, id: string): Promise<IncomingDocumentRecord | undefined> =>
  db.selectFrom('incomingDocument').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the document's row until the transaction ends (the one change path reads it through this). */
export const findIncomingDocumentForUpdate = async (
  trx: Transaction<Database>,
  id: string,
): Promise<IncomingDocumentRecord | undefined> =>
  trx.selectFrom('incomingDocument').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Writes a change when the row still has the version read; undefined when someone changed it first. */
export const updateIncomingDocumentGuarded = async (
  trx: Transaction<Database>,
  input: { id: string; expectedVersion: number; patch: Updateable<IncomingDocumentTable>; now: Date },
): Promise<IncomingDocumentRecord | undefined> =>
  trx
    .updateTable('incomingDocument')
    .set({ ...input.patch, version: sql<number>`version + 1`, updatedAt: input.now })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();

export const listIncomingAssignments = async (db: Db, incomingIds: readonly string[]) =>
  incomingIds.length === 0
    ? []
    : db
        .selectFrom('incomingAssignment')
        .selectAll()
        .where('incomingId', 'in', incomingIds)
        .orderBy('incomingId')
        .orderBy('role', 'desc')
        .orderBy('assignedAt')
        .orderBy('unitId')
        .execute();

/** Replaces the units of a direction (a document directed again gets the new units; done parts are kept). */
export const replaceIncomingAssignments = async (
  trx: Transaction<Database>,
  incomingId: string,
  rows: readonly Omit<Insertable<IncomingAssignmentTable>, 'incomingId'>[],
) => {
  await trx
    .deleteFrom('incomingAssignment')
    .where('incomingId', '=', incomingId)
    .where('status', '<>', 'done')
    .execute();
  if (rows.length > 0) {
    await trx
      .insertInto('incomingAssignment')
      .values(rows.map((row) => ({ ...row, incomingId })))
      .onConflict((conflict) =>
        conflict.columns(['incomingId', 'unitId']).doUpdateSet((eb) => ({
          role: eb.ref('excluded.role'),
          assigneeUserId: eb.ref('excluded.assigneeUserId'),
          dueOn: eb.ref('excluded.dueOn'),
          note: eb.ref('excluded.note'),
        })),
      )
      .execute();
  }
};

export const updateIncomingAssignmentStatus = async (
  trx: Transaction<Database>,
  input: { incomingId: string; unitId: string; status: 'in_progress' | 'done'; at: Date },
) => {
  await trx
    .updateTable('incomingAssignment')
    .set({ status: input.status, ...(input.status === 'done' ? { doneAt: input.at } : {}) })
    .where('incomingId', '=', input.incomingId)
    .where('unitId', '=', input.unitId)
    .execute();
};

/** The officials who delegated 'direct' to `userId`, in force on `today` (Art. 13 ủy quyền). */
export const listDirectDelegators = async (db: Db, userId: string, today: string): Promise<string[]> =>
  (
    await db
      .selectFrom('documentDelegation')
      .select('fromUserId')
      .where('toUserId', '=', userId)
      .where('scope', '=', 'direct')
      .where('revokedAt', 'is', null)
      .where('validFrom', '<=', today)
      .where('validTo', '>=', today)
      .execute()
  ).map((row) => row.fromUserId);

export type IncomingInboxView = 'to_present' | 'to_direct' | 'my_units' | 'done' | 'all';

export type IncomingInboxQuery = {
  view: IncomingInboxView;
  /** Agencies whose register the viewer reads (document.read). */
  agencyIds: readonly string[];
  /** For to_present / to_direct: the agencies where the viewer registers / directs. */
  actionAgencyIds: readonly string[];
  /** Units where the viewer handles documents (document.handle or document.direct). */
  unitIds: readonly string[];
  /** Who the viewer is for confidential documents: themself and whoever delegated 'direct' to them. */
  viewer: { userId: string; people: readonly string[]; headUnitIds: readonly string[] };
  /** Only documents registered at or after this instant (the clerk's "registered today"). */
  registeredSince?: Date | undefined;
  foldedQuery?: string | undefined;
  cursor?: { at: string; id: string } | undefined;
  limit: number;
};

/**
 * A page of an inbox, newest registration first (incoming_document_inbox_idx: agency, status, registered_at
 * desc, id desc); a confidential document only for those it concerns (the rule of mayReadIncoming).
 */
export const listIncomingInbox = async (db: Db, query: IncomingInboxQuery): Promise<IncomingDocumentRecord[]> => {
  let select = db.selectFrom('incomingDocument').selectAll();
  const statuses: Record<IncomingInboxView, readonly IncomingState[] | null> = {
    to_present: ['registered'],
    to_direct: ['presented'],
    my_units: ['directed', 'in_progress'],
    done: ['done', 'returned'],
    all: null,
  };
  const wanted = statuses[query.view];
  if (wanted) {
    select = select.where('status', 'in', wanted);
  }
  if (query.view === 'to_present') {
    if (query.actionAgencyIds.length === 0) {
      return [];
    }
    select = select.where('agencyId', 'in', query.actionAgencyIds);
  } else if (query.view === 'to_direct') {
    // The heads of the agency, and whoever acts for the head it was presented to (a 'direct' delegation).
    const delegators = query.viewer.people.filter((id) => id !== query.viewer.userId);
    if (query.actionAgencyIds.length === 0 && delegators.length === 0) {
      return [];
    }
    select = select.where((eb) =>
      eb.or([
        ...(query.actionAgencyIds.length > 0 ? [eb('agencyId', 'in', query.actionAgencyIds)] : []),
        ...(delegators.length > 0 ? [eb('presentedTo', 'in', delegators)] : []),
      ]),
    );
  } else if (query.view === 'my_units') {
    if (query.unitIds.length === 0) {
      return [];
    }
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incomingAssignment')
          .select(sql`1`.as('one'))
          .whereRef('incomingAssignment.incomingId', '=', 'incomingDocument.id')
          .where('incomingAssignment.unitId', 'in', query.unitIds)
          .where('incomingAssignment.status', '<>', 'done'),
      ),
    );
  } else {
    if (query.agencyIds.length === 0 && query.unitIds.length === 0) {
      return [];
    }
    select = select.where((eb) =>
      eb.or([
        ...(query.agencyIds.length > 0 ? [eb('agencyId', 'in', query.agencyIds)] : []),
        ...(query.unitIds.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('incomingAssignment')
                  .select(sql`1`.as('one'))
                  .whereRef('incomingAssignment.incomingId', '=', 'incomingDocument.id')
                  .where('incomingAssignment.unitId', 'in', query.unitIds),
              ),
            ]
          : []),
      ]),
    );
  }
  const people = query.viewer.people.length > 0 ? query.viewer.people : [query.viewer.userId];
  select = select.where((eb) =>
    eb.or([
      eb('confidentiality', '=', 'normal'),
      eb('registeredBy', '=', query.viewer.userId),
      eb('presentedTo', 'in', people),
      eb('directedBy', 'in', people),
      eb.exists(
        eb
          .selectFrom('incomingAssignment')
          .select(sql`1`.as('one'))
          .whereRef('incomingAssignment.incomingId', '=', 'incomingDocument.id')
          .where((inner) =>
            inner.or([
              inner('incomingAssignment.assigneeUserId', '=', query.viewer.userId),
              ...(query.viewer.headUnitIds.length > 0
                ? [inner('incomingAssignment.unitId', 'in', query.viewer.headUnitIds)]
                : []),
            ]),
          ),
      ),
    ]),
  );
  if (query.registeredSince) {
    select = select.where('registeredAt', '>=', query.registeredSince);
  }
  for (const word of (query.foldedQuery ?? '').split(' ').filter(Boolean)) {
    select = select.where('searchText', 'like', `%${word.replace(/[%_\\]/g, '')}%`);
  }
  if (query.cursor) {
    const { at, id } = query.cursor;
    select = select.where((eb) =>
      eb.or([
        eb('registeredAt', '<', new Date(at)),
        eb.and([eb('registeredAt', '=', new Date(at)), eb('id', '<', id)]),
      ]),
    );
  }
  return select.orderBy('registeredAt', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
};

/**
 * The electronic deliveries waiting for an agency's clerk (status 'delivered'), newest first
 * (document_delivery_recipient_idx: recipient, status, delivered_at desc, id desc).
 */
export const listPendingDeliveries = async (
  db: Db,
  query: { agencyIds: readonly string[]; cursor?: { at: string; id: string } | undefined; limit: number },
) => {
  if (query.agencyIds.length === 0) {
    return [];
  }
  let select = db
    .selectFrom('documentDelivery')
    .selectAll()
    .where('recipientAgencyId', 'in', query.agencyIds)
    .where('status', '=', 'delivered');
  if (query.cursor) {
    const { at, id } = query.cursor;
    select = select.where((eb) =>
      eb.or([eb('deliveredAt', '<', new Date(at)), eb.and([eb('deliveredAt', '=', new Date(at)), eb('id', '<', id)])]),
    );
  }
  return select.orderBy('deliveredAt', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
};

/** Locks a delivery's row (registering or refusing it). */
export const findDocumentDeliveryForUpdate = async (trx: Transaction<Database>, id: string) =>
  trx.selectFrom('documentDelivery').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Inserts a delivery (an issued document sent to an agency of this install, or an imported package). */
export const insertDocumentDelivery = async (
  db: Db,
  row: Omit<Insertable<Database['documentDelivery']>, 'id' | 'version'>,
) => db.insertInto('documentDelivery').values(row).returningAll().executeTakeFirstOrThrow();

/**
 * The anchors (event count, last hash) of the documents of one kind, a page at a time by id, for
 * `motcua audit verify` (the events are document_event rows of that kind).
 */
export const listDocumentAnchors = async (
  db: Db,
  input: { kind: DocumentKind; afterId: string; limit: number },
): Promise<{ id: string; eventCount: number; lastEventHash: string | null }[]> => {
  const table = input.kind === 'incoming' ? 'incomingDocument' : 'outgoingDocument';
  return db
    .selectFrom(table)
    .select(['id', 'eventCount', 'lastEventHash'])
    .where('id', '>', input.afterId)
    .orderBy('id')
    .limit(input.limit)
    .execute();
};

/** Officials holding one of `roles` at one of `agencyIds` (whom to present to, whom to name in a unit). */
export const listIncomingOfficials = async (
  db: Db,
  input: { agencyIds: readonly string[]; roles: readonly OfficialRole[] },
) =>
  input.agencyIds.length === 0 || input.roles.length === 0
    ? []
    : db
        .selectFrom('userRole')
        .innerJoin('appUser', 'appUser.id', 'userRole.userId')
        .select(['appUser.id as userId', 'appUser.fullName', 'appUser.title', 'userRole.role', 'userRole.agencyId'])
        .where('userRole.agencyId', 'in', input.agencyIds)
        .where('userRole.role', 'in', input.roles)
        .orderBy('appUser.fullName')
        .orderBy('appUser.id')
        .limit(500)
        .execute();

/** Full names of officials by id (for a document's history). */
export const listUserNames = async (db: Db, ids: readonly string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('appUser').select(['id', 'fullName']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.fullName]));
};

/** The open units (phòng, đơn vị) directly under an agency, by name. */
export const listOpenUnits = async (db: Db, parentId: string) =>
  db
    .selectFrom('agency')
    .select(['id', 'name'])
    .where('parentId', '=', parentId)
    .where('validTo', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .limit(200)
    .execute();

/** Names the official of a unit who handles its part (the unit head's assignment). */
export const updateIncomingAssignee = async (
  trx: Transaction<Database>,
  input: { incomingId: string; unitId: string; assigneeUserId: string },
) => {
  await trx
    .updateTable('incomingAssignment')
    .set({ assigneeUserId: input.assigneeUserId })
    .where('incomingId', '=', input.incomingId)
    .where('unitId', '=', input.unitId)
    .execute();
};
