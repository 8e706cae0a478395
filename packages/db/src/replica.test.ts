import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica, REPLICA_APPLICATION_NAME, type ReplicaHandle, ReplicaUnavailableError } from './replica.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

// The fallback needs a PostgreSQL server to connect to; here the test database stands in for the
// replica (its sessions are still read-only and named motcua-reports). A real streaming replica is
// set up by packages/server/src/replica.test.ts.
const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)(
  `the replica's fallback to the primary${serverUrl ? '' : ' (skipped: needs PostgreSQL, DATABASE_URL)'}`,
  () => {
    let database: TestDatabase;
    let replica: ReplicaHandle;
    const fallbacks: Error[] = [];

    beforeAll(async () => {
      database = await createTestDatabase();
      const url = new URL(serverUrl ?? '');
      url.pathname = `/${database.name}`;
      replica = await openReplica({
        url: url.toString(),
        primary: database.pool,
        maxConnections: 2,
        onFallback: (error) => fallbacks.push(error),
      });
    });

    afterAll(async () => {
      await replica?.close();
      await database?.close();
    });

    const sessionName = async () =>
      (await sql<{ name: string }>`select current_setting('application_name') as name`.execute(replica.db)).rows[0]
        ?.name;

    it('reads in read-only sessions named motcua-reports', async () => {
      expect(await sessionName()).toBe(REPLICA_APPLICATION_NAME);
      expect(replica.stats).toEqual({ replicaQueries: 1, primaryFallbacks: 0 });
      await expect(sql`create table replica_write_attempt (id int)`.execute(replica.db)).rejects.toMatchObject({
        code: '25006',
      });
      // A mistake of the query is not the replica's failure: not retried on the primary.
      expect(replica.stats.primaryFallbacks).toBe(0);
      expect(fallbacks).toEqual([]);
    });

    it('retries a query whose replica session dies on the primary, once, then reads there for a while', async () => {
      // The statement ends its own session on the replica only; on the primary it answers true.
      const result = await sql<{ ok: boolean }>`
        select case when current_setting('application_name') = ${REPLICA_APPLICATION_NAME}
                    then pg_terminate_backend(pg_backend_pid()) else true end as ok`.execute(replica.db);
      expect(result.rows).toEqual([{ ok: true }]);
      expect(fallbacks).toHaveLength(1);
      expect(replica.stats.primaryFallbacks).toBe(1);
      // Until the retry delay has passed, reads go to the primary without a new log line.
      expect(await sessionName()).not.toBe(REPLICA_APPLICATION_NAME);
      expect(replica.stats.primaryFallbacks).toBe(2);
      expect(fallbacks).toHaveLength(1);
    });

    it('stops start-up with a clear message when the replica does not answer', async () => {
      await expect(
        openReplica({ url: 'postgres://postgres@127.0.0.1:1/none', primary: database.pool }),
      ).rejects.toThrow(ReplicaUnavailableError);
      await expect(
        openReplica({ url: 'postgres://postgres@127.0.0.1:1/none', primary: database.pool }),
      ).rejects.toThrow(/^DATABASE_REPLICA_URL: the replica does not answer \(.*ECONNREFUSED/);
    });
  },
);
