import type { DeliveryStatus, DocumentKind } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { DocumentEventTable } from './tables/eoffice.js';

/**
 * What incoming and outgoing documents share (migration 0025): the gap-free number sequences, the
 * hash-chained history, the confidential-read log and the exchange's status messages. Each kind of
 * document keeps its own rows in its own query file.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type DocumentEventRecord = Selectable<DocumentEventTable>;

/**
 * Takes the next number of a sequence (Decree 30/2020 Art. 15, 22(2)) in the caller's transaction: one
 * statement that creates the counter at 1 or increments it, locking the row until the transaction ends, so
 * concurrent issues wait and a rolled-back one gives its number back — the sequence has no gaps.
 */
export const takeNextDocumentNumber = async (
  trx: Transaction<Database>,
  input: { agencyId: string; provinceCode: string; year: number; sequence: string },
): Promise<number> => {
  const row = await trx
    .insertInto('documentNumberCounter')
    .values({ ...input, lastNumber: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['agencyId', 'year', 'sequence'])
        .doUpdateSet({ lastNumber: sql<number>`document_number_counter.last_number + 1` }),
    )
    .returning('lastNumber')
    .executeTakeFirstOrThrow();
  return row.lastNumber;
};

/** The last number taken from a sequence (0 when none was), for registers and checks. */
export const findLastDocumentNumber = async (
  db: Db,
  input: { agencyId: string; year: number; sequence: string },
): Promise<number> => {
  const row = await db
    .selectFrom('documentNumberCounter')
    .select('lastNumber')
    .where('agencyId', '=', input.agencyId)
    .where('year', '=', input.year)
    .where('sequence', '=', input.sequence)
    .executeTakeFirst();
  return row?.lastNumber ?? 0;
};

export const insertDocumentEvent = async (trx: Transaction<Database>, event: Insertable<DocumentEventTable>) => {
  await trx.insertInto('documentEvent').values(event).execute();
};

/** The history of one document, in order. */
export const listDocumentEvents = async (
  db: Db,
  kind: DocumentKind,
  documentId: string,
): Promise<DocumentEventRecord[]> =>
  db
    .selectFrom('documentEvent')
    .selectAll()
    .where('documentKind', '=', kind)
    .where('documentId', '=', documentId)
    .orderBy('seq')
    .execute();

/** Events of many documents after a keyset position (audit verify walks the chains a page at a time). */
export const listDocumentEventsPage = async (
  db: Db,
  input: { afterId: number; limit: number },
): Promise<DocumentEventRecord[]> =>
  db.selectFrom('documentEvent').selectAll().where('id', '>', input.afterId).orderBy('id').limit(input.limit).execute();

/** Logs that an official read a confidential document (its record or its file). */
export const insertDocumentRead = async (
  db: Db,
  input: { documentKind: DocumentKind; documentId: string; userId: string; what: 'record' | 'file' },
) => {
  await db.insertInto('documentRead').values(input).execute();
};

export const listDocumentReads = async (db: Db, kind: DocumentKind, documentId: string) =>
  db
    .selectFrom('documentRead')
    .innerJoin('appUser', 'appUser.id', 'documentRead.userId')
    .select(['documentRead.id', 'documentRead.at', 'documentRead.what', 'documentRead.userId', 'appUser.fullName'])
    .where('documentRead.documentKind', '=', kind)
    .where('documentRead.documentId', '=', documentId)
    .orderBy('documentRead.id')
    .execute();

/**
 * Records a status the recipient reports back to the sender (QCVN 102 status message): the delivery's
 * status moves and the message is appended with the next sequence number, guarded by the version the
 * caller read. Returns false when the delivery changed meanwhile.
 */
export const appendDeliveryStatus = async (
  trx: Transaction<Database>,
  input: {
    deliveryId: string;
    expectedVersion: number;
    status: DeliveryStatus;
    at: Date;
    actorUserId: string | null;
    note: string | null;
    refusalReason?: string | null;
    incomingId?: string | null;
  },
): Promise<boolean> => {
  const updated = await trx
    .updateTable('documentDelivery')
    .set({
      status: input.status,
      statusAt: input.at,
      version: sql<number>`version + 1`,
      ...(input.refusalReason !== undefined ? { refusalReason: input.refusalReason } : {}),
      ...(input.incomingId !== undefined ? { incomingId: input.incomingId } : {}),
    })
    .where('id', '=', input.deliveryId)
    .where('version', '=', input.expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    return false;
  }
  await trx
    .insertInto('documentStatusMessage')
    .values((eb) => ({
      deliveryId: input.deliveryId,
      seq: eb
        .selectFrom('documentStatusMessage')
        .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
        .where('deliveryId', '=', input.deliveryId),
      status: input.status,
      at: input.at,
      actorUserId: input.actorUserId,
      note: input.note,
    }))
    .execute();
  return true;
};

export const findDocumentDelivery = async (db: Db, id: string) =>
  db.selectFrom('documentDelivery').selectAll().where('id', '=', id).executeTakeFirst();

export const listDeliveryStatusMessages = async (db: Db, deliveryId: string) =>
  db.selectFrom('documentStatusMessage').selectAll().where('deliveryId', '=', deliveryId).orderBy('seq').execute();
