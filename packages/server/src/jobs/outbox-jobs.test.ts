import { outboxJobsInsert } from '@motcua/db';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Jobs, QUEUES, startJobs } from './jobs.js';

// A new dossier's outbox jobs are written by the dossier's own statement (insertNewDossier), not by pg-boss's
// insert: the two must write the same job, or an upgrade of pg-boss would change retries and expiry unseen.
describe('outbox jobs written with a state change', () => {
  let database: TestDatabase;
  let jobs: Jobs;

  beforeAll(async () => {
    database = await createTestDatabase();
    jobs = await startJobs(database);
  });
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  type JobRow = Record<string, unknown> & { id: string };
  const readJob = async (id: string): Promise<JobRow> => {
    const { rows } = await sql<JobRow>`select *,
        extract(epoch from keep_until - created_on)::int as kept_seconds,
        extract(epoch from start_after - created_on)::int as delay_seconds
      from pgboss.job where id = ${id}`.execute(database.db);
    const row = rows[0];
    if (!row) {
      throw new Error(`job ${id} not written`);
    }
    return row;
  };
  /** The columns that must agree: all but the identity, the data and the instants of writing. */
  const comparable = ({ id, data, createdOn, keepUntil, startAfter, ...rest }: JobRow) => rest;

  it.each([QUEUES.dossierChanged, QUEUES.formIssued, QUEUES.dossierImport])(
    'writes a %s job exactly as pg-boss does (queue policy, retries, expiry, retention)',
    async (queue) => {
      const data = { dossierId: '00000000-0000-0000-0000-000000000001', seq: 1 };
      await database.db.transaction().execute(async (trx) => {
        await jobs.enqueueMany(trx, [{ queue, data }]);
      });
      const { rows: ours } = await outboxJobsInsert(JSON.stringify([{ queue, data }])).execute(database.db);
      const { rows: theirs } = await sql<{ id: string }>`select id from pgboss.job
      where name = ${queue} and id <> ${ours[0]?.id ?? null} order by created_on desc limit 1`.execute(database.db);
      expect(ours).toHaveLength(1);
      const mine = await readJob(ours[0]?.id as string);
      const boss = await readJob(theirs[0]?.id as string);
      expect(mine.data).toEqual(data);
      expect(comparable(mine)).toEqual(comparable(boss));
      expect(mine.state).toBe('created');
      expect(mine.retryLimit).toBe(8);
      expect(mine.keptSeconds).toBe(boss.keptSeconds);
    },
  );

  it('writes nothing for a queue that does not exist, as pg-boss does', async () => {
    const { rows } = await outboxJobsInsert(JSON.stringify([{ queue: 'no-such-queue', data: {} }])).execute(
      database.db,
    );
    expect(rows).toEqual([]);
  });

  it('is taken by a worker of its queue', async () => {
    const data = { marker: 'taken-by-worker' };
    await outboxJobsInsert(JSON.stringify([{ queue: QUEUES.dueRecompute, data }])).execute(database.db);
    const fetched = await jobs.boss.fetch(QUEUES.dueRecompute, { batchSize: 10 });
    expect(fetched.map((job) => job.data)).toContainEqual(data);
  });
});
