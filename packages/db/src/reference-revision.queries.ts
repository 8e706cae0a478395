import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The revision of the reference data an intake caches (agencies, catalog, calendar): migration 0014's
 * statement triggers bump it with every write of those tables, in the writing transaction.
 */
export const getReferenceRevision = async (db: Db): Promise<number> =>
  Number(
    (await db.selectFrom('referenceRevision').select('revision').where('id', '=', true).executeTakeFirstOrThrow())
      .revision,
  );
