import { createTestDatabase, type TestDatabase } from '@motcua/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { AppContext, Clock } from '../context.js';
import { expectedMigrationVersion } from '../runtime.js';

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  ctx: AppContext;
  close: () => Promise<void>;
};

/** A fixed clock for tests: 22/11/2026 09:00 in Vietnam unless given. */
export const fixedClock = (iso = '2026-11-22T09:00:00+07:00'): Clock & { set: (iso: string) => void } => {
  let current = new Date(iso);
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) };
};

/** The app on a fresh test database (PGlite, or PostgreSQL when DATABASE_URL is set), driven with inject. */
export const createTestApp = async (options: { config?: Partial<Config>; clock?: Clock } = {}): Promise<TestApp> => {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { webDir: '/nonexistent-web-dir', ...options.config });
  const state = { shuttingDown: false, expectedMigrationVersion: expectedMigrationVersion() };
  const clock = options.clock ?? fixedClock();
  const app = await buildApp({ config, database, state, clock, logger: false });
  await app.ready();
  const ctx: AppContext = { config, database, db: database.db, clock, state };
  return {
    app,
    database,
    ctx,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
};
