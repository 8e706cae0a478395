import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { AppContext, Clock } from '../context.js';
import { type Jobs, startJobs } from '../jobs/jobs.js';
import { expectedMigrationVersion } from '../runtime.js';
import { createLocalFileStorage, type FileStorage } from '../storage/file-storage.js';

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  ctx: AppContext;
  jobs: Jobs;
  storage: FileStorage;
  close: () => Promise<void>;
};

/** A fixed clock for tests: 22/11/2026 09:00 in Vietnam unless given. */
export const fixedClock = (iso = '2026-11-22T09:00:00+07:00'): Clock & { set: (iso: string) => void } => {
  let current = new Date(iso);
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) };
};

/** The app on a fresh test database (PGlite, or PostgreSQL when DATABASE_URL is set), driven with inject. */
export const createTestApp = async (
  options: { config?: Partial<Config>; clock?: Clock; storage?: FileStorage } = {},
): Promise<TestApp> => {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { webDir: '/nonexistent-web-dir', ...options.config });
  const state = { shuttingDown: false, expectedMigrationVersion: expectedMigrationVersion() };
  const clock = options.clock ?? fixedClock();
  // Jobs are enqueued for real (the outbox is part of what is tested); workers are not started, so
  // tests decide when a job runs.
  const jobs = await startJobs(database);
  // A fresh folder unless the test brings its own store (an S3-compatible server).
  const storageDir = options.storage ? undefined : mkdtempSync(join(tmpdir(), 'motcua-files-'));
  const storage = options.storage ?? createLocalFileStorage(storageDir as string);
  const app = await buildApp({ config, database, state, clock, jobs, storage, logger: false });
  await app.ready();
  return {
    app,
    database,
    ctx: app.motcua,
    jobs,
    storage,
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
      if (storageDir) {
        rmSync(storageDir, { recursive: true, force: true });
      }
    },
  };
};
