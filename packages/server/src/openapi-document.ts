import type { DatabaseHandle } from '@motcua/db';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import type { Jobs } from './jobs/jobs.js';
import type { FileStorage } from './storage/file-storage.js';

const unavailable = (what: string) =>
  new Proxy(
    {},
    {
      get: (_target, property) => {
        throw new Error(`the OpenAPI document is built without a ${what} (read ${String(property)})`);
      },
    },
  );

/**
 * The OpenAPI 3.1 document of the HTTP API, built from the routes' zod schemas without a database, a
 * job queue, stored files or a listening port: registering the routes touches none of them, and a
 * route that did would fail here loudly. `scripts/generate-api-types.mjs` writes the web client's
 * types from it.
 */
export const buildOpenApiDocument = async (): Promise<Record<string, unknown>> => {
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { webDir: '/nonexistent-web-dir' });
  const app = await buildApp({
    config,
    // buildApp reads the Kysely instance into the context; only a query would use it.
    database: { db: unavailable('database') } as unknown as DatabaseHandle,
    state: { shuttingDown: false, expectedMigrationVersion: 0 },
    jobs: unavailable('job queue') as Jobs,
    storage: unavailable('file storage') as FileStorage,
    logger: false,
    openApi: 'registered',
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
};
