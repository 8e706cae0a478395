import {
  createPoolSqlExecutor,
  createTransactionSqlExecutor,
  type Database,
  type DatabaseHandle,
  withQueueSetupLock,
} from '@motcua/db';
import type { Transaction } from 'kysely';
import PgBoss from 'pg-boss';

/**
 * The outbox: side effects (notifications, due-date recomputation, later the national-portal sync)
 * are pg-boss jobs written in the same transaction as the state change they follow, so they happen
 * exactly when — and only if — the change commits. pg-boss keeps its tables in the `pgboss` schema
 * and runs unchanged on PGlite and PostgreSQL through our pool.
 */
export const QUEUES = {
  /** A dossier changed status or appointment: notify the applicant, update projections. */
  dossierChanged: 'dossier-changed',
  /** The day-off calendar of a province changed: recompute the due instants of its open dossiers. */
  dueRecompute: 'due-recompute',
  /** An event handed a form to the applicant (receipt, apology…): store its PDF as issued. */
  formIssued: 'form-issued',
  /** A file of historical dossiers was uploaded: import it (any process; it reads the shared file store). */
  dossierImport: 'dossier-import',
  /** A PAR Index scorecard changed status (submitted, returned, appraised…): tell whoever acts next. */
  parChanged: 'par-changed',
  /** Daily: remind units and appraisers of the PAR round's deadlines N working days ahead. */
  parReminders: 'par-reminders',
  /** A SIPAS campaign opened or asked for reminders: send its unused invitations by email/SMS. */
  sipasInvitations: 'sipas-invitations',
  /** A PAKN changed: tell the sender (a clarification request, the answer, a rejection). */
  paknChanged: 'pakn-changed',
  /** An official document (incoming or outgoing) changed: tell whoever acts next, report status to its sender. */
  documentChanged: 'document-changed',
  /** Hourly: warn the people of open tasks due soon or overdue (work_notice rows, once each). */
  taskWarnings: 'task-warnings',
  /** A pull of the national procedure catalog from the national portal (on demand, or its province's schedule). */
  catalogPull: 'catalog-pull',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type DossierChangedJob = { dossierId: string; seq: number; action: string; toStatus: string };
export type FormIssuedJob = { dossierId: string; seq: number; form: string };
export type DueRecomputeJob = { provinceCode: string; actorUserId: string | null; reason: string };
export type DossierImportJob = { importId: string };
export type ParChangedJob = { roundId: string; agencyId: string; seq: number; action: string; toStatus: string };
export type ParRemindersJob = { day: string };
export type PaknChangedJob = { paknId: string; seq: number; action: string };
export type TaskWarningsJob = { hour: string };
export type CatalogPullJob = { runId: string };

/**
 * A job is taken again when it has been active this long without finishing (its process died). An
 * import of a province's year runs for minutes; its run's heartbeat tells a live one from a dead one.
 */
const EXPIRE_SECONDS: Partial<Record<QueueName, number>> = { [QUEUES.dossierImport]: 60 * 60 };

/** A job to write in the outbox. */
export type OutboxJob = { queue: QueueName; data: object };

export type Jobs = {
  boss: PgBoss;
  /** Writes a job inside the caller's transaction. */
  enqueue: <T extends object>(trx: Transaction<Database>, queue: QueueName, data: T) => Promise<void>;
  /** Aborted when the process starts stopping: long handlers give their job back (an import). */
  stopping: AbortSignal;
  /** Writes several jobs inside the caller's transaction in one statement (each with its queue's retry policy). */
  enqueueMany: (trx: Transaction<Database>, jobs: readonly OutboxJob[]) => Promise<void>;
  stop: () => Promise<void>;
};

/** Starts pg-boss on the database (creating its schema and our queues if needed). */
export const startJobs = async (
  database: DatabaseHandle,
  options: { onError?: (error: Error) => void } = {},
): Promise<Jobs> => {
  const boss = new PgBoss({
    db: createPoolSqlExecutor(database),
    schema: 'pgboss',
    // Cron scheduling is not used; maintenance (archiving, expiry) runs every few minutes.
    schedule: false,
  });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  // One read finds the queues of an existing installation; only missing ones are created, by one
  // process at a time (processes starting together would deadlock on pg-boss's DDL), each checking
  // again once it holds the lock.
  const findMissing = async () => {
    const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
    return Object.values(QUEUES).filter((queue) => !existing.has(queue));
  };
  if ((await findMissing()).length > 0) {
    await withQueueSetupLock(database, async () => {
      for (const queue of await findMissing()) {
        // Options of a queue are set when it is created (an existing queue keeps its own).
        const expireInSeconds = EXPIRE_SECONDS[queue];
        await boss.createQueue(queue, {
          name: queue,
          retryLimit: 8,
          retryDelay: 30,
          retryBackoff: true,
          ...(expireInSeconds ? { expireInSeconds } : {}),
        });
      }
    });
  }
  const stopping = new AbortController();
  return {
    stopping: stopping.signal,
    boss,
    enqueue: async (trx, queue, data) => {
      await boss.send(queue, data, {
        db: createTransactionSqlExecutor(trx),
      });
    },
    enqueueMany: async (trx, jobs) => {
      if (jobs.length === 0) {
        return;
      }
      await boss.insert(
        jobs.map((job) => ({ name: job.queue, data: job.data })),
        { db: createTransactionSqlExecutor(trx) },
      );
    },
    stop: async () => {
      stopping.abort();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
};
