import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { IssuedFormName, IssuedFormTable } from './tables/forms.js';

type Db = Kysely<Database> | Transaction<Database>;

export type IssuedFormKey = { dossierId: string; form: IssuedFormName; eventSeq: number };

/** The stored copy of a form issued by one event of a dossier, if it was stored. */
export const findIssuedForm = async (db: Db, key: IssuedFormKey) =>
  db
    .selectFrom('issuedForm')
    .selectAll()
    .where('dossierId', '=', key.dossierId)
    .where('form', '=', key.form)
    .where('eventSeq', '=', key.eventSeq)
    .executeTakeFirst();

/**
 * Records an issued form. The first record wins: a second writer (a retried job, a print racing the
 * job) leaves the row as it is, and the caller reads the stored one back.
 */
export const insertIssuedForm = async (db: Db, row: Insertable<IssuedFormTable>): Promise<void> => {
  await db
    .insertInto('issuedForm')
    .values(row)
    .onConflict((oc) => oc.columns(['dossierId', 'form', 'eventSeq']).doNothing())
    .execute();
};

/** The forms stored for a dossier, in the order they were issued. */
export const listIssuedForms = async (db: Db, dossierId: string) =>
  db
    .selectFrom('issuedForm')
    .selectAll()
    .where('dossierId', '=', dossierId)
    .orderBy('eventSeq')
    .orderBy('form')
    .execute();
