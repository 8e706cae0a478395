import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { WorkEventTable } from './tables/work.js';

/**
 * The hash-chained history of e-office II's records (migration 0034): schedule entries, tasks, work files,
 * consultations and evaluation sheets share one table, each record its own chain (record_kind, record_id, seq).
 */

type Db = Kysely<Database> | Transaction<Database>;

export type WorkEventRecord = Selectable<WorkEventTable>;

export const insertWorkEvent = async (trx: Transaction<Database>, event: Insertable<WorkEventTable>) => {
  await trx.insertInto('workEvent').values(event).execute();
};

/** The history of one record, in order (a record has tens of events, not thousands). */
export const listWorkEvents = async (db: Db, recordKind: WorkEventRecord['recordKind'], recordId: string) =>
  db
    .selectFrom('workEvent')
    .selectAll()
    .where('recordKind', '=', recordKind)
    .where('recordId', '=', recordId)
    .orderBy('seq')
    .execute();

/** Writes in-app notices (work_notice) once per (user, dedupe key); answers how many were new. */
export const insertWorkNotices = async (
  db: Db,
  rows: readonly {
    provinceCode: string;
    userId: string;
    kind: string;
    recordKind: string;
    recordId: string;
    dedupeKey: string;
    title: string;
    body: string | null;
  }[],
): Promise<number> => {
  if (rows.length === 0) {
    return 0;
  }
  const inserted = await db
    .insertInto('workNotice')
    .values([...rows])
    .onConflict((oc) => oc.columns(['userId', 'dedupeKey']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
};
