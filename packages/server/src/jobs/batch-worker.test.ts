import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { runWithConcurrency, workInBatches } from './batch-worker.js';
import { QUEUES } from './jobs.js';

describe('runWithConcurrency', () => {
  it('runs every item, never more than the limit at once', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await runWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(item);
      inFlight -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await runWithConcurrency([], 4, async () => {
      calls += 1;
    });
    expect(calls).toBe(0);
  });
});

describe('workInBatches', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('completes each job after its handler, retries only the failed one, within the concurrency bound', async () => {
    const boss = t.jobs.boss;
    const ids: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      const id = await boss.send(QUEUES.formIssued, { dossierId: `d${index}`, seq: index, form: 'receipt' });
      ids.push(id ?? '');
    }
    let inFlight = 0;
    let most = 0;
    const handled = new Set<number>();
    const workerId = await workInBatches<{ seq: number }>(
      boss,
      QUEUES.formIssued,
      { batchSize: 5, concurrency: 3, pollingIntervalSeconds: 0.5 },
      async (job) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight -= 1;
        handled.add(job.data.seq);
        if (job.data.seq === 7) {
          throw new Error('channel down');
        }
      },
    );
    try {
      await expect
        .poll(
          async () => {
            const jobs = await Promise.all(ids.map((id) => boss.getJobById(QUEUES.formIssued, id)));
            return jobs.filter((job) => job?.state === 'completed').length;
          },
          { timeout: 20_000, interval: 200 },
        )
        .toBe(11);
      const failed = await boss.getJobById(QUEUES.formIssued, ids[7] ?? '');
      // Failed alone, with its error, and scheduled again later (the queue's backoff).
      expect(failed?.state).toBe('retry');
      expect(failed?.output).toEqual({ message: 'channel down' });
      expect(failed?.startAfter.getTime()).toBeGreaterThan(Date.now());
      expect(handled.size).toBe(12);
      expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(3);
    } finally {
      await boss.offWork({ id: workerId });
    }
  });

  it('runs again a job whose worker died before completing it (kill -9), once pg-boss expires it', async () => {
    const boss = t.jobs.boss;
    // Retried at once here; in production the queue's 30 s backoff applies.
    const id =
      (await boss.send(
        QUEUES.formIssued,
        { dossierId: 'crashed', seq: 99, form: 'receipt' },
        { expireInSeconds: 1, retryDelay: 0, retryBackoff: false },
      )) ?? '';
    // A worker takes it and the process dies: the job stays active, never completed.
    const [taken] = await boss.fetch(QUEUES.formIssued);
    expect(taken?.id).toBe(id);
    expect((await boss.getJobById(QUEUES.formIssued, id))?.state).toBe('active');
    await expect
      .poll(
        async () => {
          await boss.maintain();
          return (await boss.getJobById(QUEUES.formIssued, id))?.state;
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe('retry');
    const seen: number[] = [];
    const workerId = await workInBatches<{ seq: number }>(
      boss,
      QUEUES.formIssued,
      { batchSize: 5, concurrency: 2, pollingIntervalSeconds: 0.5 },
      async (job) => {
        seen.push(job.data.seq);
      },
    );
    try {
      await expect
        .poll(async () => (await boss.getJobById(QUEUES.formIssued, id))?.state, { timeout: 10_000, interval: 200 })
        .toBe('completed');
      expect(seen).toContain(99);
    } finally {
      await boss.offWork({ id: workerId });
    }
  });
});
