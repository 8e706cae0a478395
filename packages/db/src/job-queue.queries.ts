import { type Kysely, sql, type Transaction } from 'kysely';
import type { DatabaseHandle } from './client.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type JobQueueBacklog = {
  name: string;
  /** Waiting to run: new, or failed once and waiting for their retry. */
  waiting: number;
  /** Of the waiting, those waiting for a retry. */
  retrying: number;
  /** Taken by a worker and not finished yet. */
  active: number;
  /** Failed for good (every retry used), still kept by pg-boss. */
  failed: number;
  /** Seconds since the oldest waiting job was written, by the database clock; null when none waits. */
  oldestWaitingSeconds: number | null;
};

/**
 * The backlog of each background queue, read from pg-boss's own table (`pgboss.job`, kept by
 * pg-boss; archived jobs are gone from it). Queues with nothing waiting, active or failed are left out.
 */
export const listJobQueueBacklogs = async (db: Db): Promise<JobQueueBacklog[]> => {
  const { rows } = await sql<{
    name: string;
    waiting: number;
    retrying: number;
    active: number;
    failed: number;
    oldestWaitingSeconds: number | null;
  }>`
    select name,
      (count(*) filter (where state in ('created', 'retry')))::int as "waiting",
      (count(*) filter (where state = 'retry'))::int as "retrying",
      (count(*) filter (where state = 'active'))::int as "active",
      (count(*) filter (where state = 'failed'))::int as "failed",
      extract(epoch from now() - min(created_on) filter (where state in ('created', 'retry')))::float8
        as "oldestWaitingSeconds"
    from pgboss.job
    where state in ('created', 'retry', 'active', 'failed')
    group by name
    order by name
  `.execute(db);
  return rows.map((row) => ({
    ...row,
    oldestWaitingSeconds: row.oldestWaitingSeconds === null ? null : Math.max(0, Math.floor(row.oldestWaitingSeconds)),
  }));
};

// One constant key for the session advisory lock under which processes create the job queues.
const QUEUE_SETUP_LOCK_KEY = 7_246_835_003;

/**
 * Runs `fn` holding a session advisory lock that lets one process at a time create job queues.
 * pg-boss creates a queue with DDL (a partition attached to its job table, a foreign key to its
 * queue table): two processes creating queues at the same moment deadlock on those table locks.
 * PGlite belongs to one process — nothing to serialise, and its one connection must stay free for `fn`.
 */
export const withQueueSetupLock = async <T>(database: DatabaseHandle, fn: () => Promise<T>): Promise<T> => {
  if (database.kind === 'pglite') {
    return fn();
  }
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [QUEUE_SETUP_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
};
