import type PgBoss from 'pg-boss';
import type { QueueName } from './jobs.js';

export type BatchWorkerOptions = {
  /** Jobs taken from the queue in one fetch (pg-boss `batchSize`). */
  batchSize: number;
  /** Jobs of a batch handled at the same time; the rest wait for a free slot. */
  concurrency: number;
  /** How long an empty queue waits before the next fetch (pg-boss `pollingIntervalSeconds`). */
  pollingIntervalSeconds: number;
  /** Runs once after each batch's jobs have settled; its failure is ignored (the next batch runs it again). */
  afterBatch?: (() => Promise<unknown>) | undefined;
};

/**
 * Runs `handle` over the jobs of `queue`, fetched in batches and handled with bounded concurrency.
 *
 * Each job is completed or failed on its own, right after its handler settles: one failed delivery
 * retries only its own job (with the queue's backoff), never the whole batch. A job is completed only
 * after its handler resolved, i.e. after its side effect is written; a process killed meanwhile
 * (kill -9) leaves its fetched jobs `active`, and pg-boss's maintenance fails them by expiry into a
 * retry — nothing is lost, and the handlers are idempotent, so the retry finds what was done.
 * When a batch came back full the worker fetches again at once instead of waiting for the poll.
 */
export const workInBatches = async <T extends object>(
  boss: PgBoss,
  queue: QueueName,
  options: BatchWorkerOptions,
  handle: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>,
): Promise<string> => {
  let workerId: string | undefined;
  workerId = await boss.work<T>(
    queue,
    { batchSize: options.batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds, includeMetadata: true },
    async (jobs) => {
      await runWithConcurrency(jobs, options.concurrency, async (job) => {
        try {
          await handle(job);
        } catch (error) {
          await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
          return;
        }
        await boss.complete(queue, job.id);
      });
      await options.afterBatch?.().catch(() => undefined);
      if (jobs.length >= options.batchSize && workerId) {
        // More are probably waiting: skip the poll delay.
        boss.notifyWorker(workerId);
      }
    },
  );
  return workerId;
};

/** Calls `run` on every item with at most `limit` calls in flight; resolves when all have settled. */
export const runWithConcurrency = async <T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
};
