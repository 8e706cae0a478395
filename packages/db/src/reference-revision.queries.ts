import type { Kysely, Transaction } from 'kysely';
import { prepareQuery } from './prepared-query.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const revisionStatement = prepareQuery((db) =>
  db.selectFrom('referenceRevision').select('revision').where('id', '=', true),
);

/**
 * The revision of the reference data an intake caches (agencies, catalog, calendar): migration 0014's
 * statement triggers bump it with every write of those tables, in the writing transaction. Read once per
 * request that uses the cache: its text is compiled once (prepareQuery).
 */
export const getReferenceRevision = async (db: Db): Promise<number> => {
  const row = (await revisionStatement.execute(db, {})).rows[0];
  if (!row) {
    throw new Error('getReferenceRevision: the reference_revision row is missing');
  }
  return Number(row.revision);
};
