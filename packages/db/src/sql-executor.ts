import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DatabaseHandle } from './client.js';
import type { Database } from './schema.js';

/**
 * A plain `executeSql(text, values)` for a library that brings its own SQL (pg-boss keeps its queue
 * tables in the `pgboss` schema). The SQL is the library's; this is only the wiring to our connections,
 * kept here so that nothing outside packages/db runs SQL.
 */
export type SqlExecutor = { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };

/** Runs the library's statements on the pool (each on whichever connection is free). */
export const createPoolSqlExecutor = (handle: DatabaseHandle): SqlExecutor => ({
  executeSql: async (text, values) => handle.pool.query(text, values),
});

/** Runs the library's statements inside the caller's transaction (a job written with the change it follows). */
export const createTransactionSqlExecutor = (trx: Transaction<Database> | Kysely<Database>): SqlExecutor => ({
  executeSql: async (text, values) => trx.executeQuery(CompiledQuery.raw(text, values)) as Promise<{ rows: unknown[] }>,
});
