import { type DatabaseHandle, openDatabase } from '@motcua/db';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES, startJobs } from './jobs.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

// Several API processes start together on one database (issue 16): each starts pg-boss and creates the
// queues it misses. PGlite belongs to one process, so this is a PostgreSQL-only question.
describe.skipIf(!onPostgres)('job queues created by processes starting together', () => {
  let database: TestDatabase;
  const handles: DatabaseHandle[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // A database that has never run pg-boss: every process finds every queue missing.
    await sql`drop schema if exists pgboss cascade`.execute(database.db);
  });
  afterAll(async () => {
    for (const handle of handles) {
      await handle.close();
    }
    await database?.close();
  });

  it('creates every queue once, without a deadlock, whichever process gets there first', async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${database.name}`;
    for (let i = 0; i < 4; i++) {
      // Each "process" has its own pool, as separate processes would.
      handles.push(await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 4 }));
    }
    const started = await Promise.all(handles.map((handle) => startJobs(handle)));
    try {
      const names = (await started[0]?.boss.getQueues())?.map((queue) => queue.name).sort();
      expect(names).toEqual(Object.values(QUEUES).sort());
    } finally {
      await Promise.all(started.map((jobs) => jobs.stop()));
    }
  });
});
