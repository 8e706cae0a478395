import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { NamingClient } from './named-statements.js';
import type { Database } from './schema.js';

// pg parses DATE columns into a JS Date at local midnight, which silently shifts the day in any
// time zone west of the server's. Dates stay 'YYYY-MM-DD' strings; counts (int8) become numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseOptions =
  | {
      kind: 'postgres';
      url: string;
      maxConnections?: number;
      applicationName?: string;
      /**
       * Send the hot statements as named prepared statements (named-statements.ts; default on). Off only behind a
       * connection pooler in transaction mode that cannot keep prepared statements (PgBouncer before 1.21).
       */
      namedStatements?: boolean;
    }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

/** An open database: the pg pool (shared by Kysely and pg-boss) and the typed query builder. */
export type DatabaseHandle = {
  kind: DatabaseKind;
  pool: pg.Pool;
  db: Kysely<Database>;
  /** Present for the embedded database only. */
  pglite?: PGlite;
  /** Ends the pool and, for PGlite, closes the database cleanly so nothing is lost. */
  close: () => Promise<void>;
};

export const PGLITE_EXTENSIONS = { pg_trgm } as const;

/** Opens PostgreSQL (when a URL is given) or the embedded PGlite database. */
export const openDatabase = async (options: DatabaseOptions): Promise<DatabaseHandle> => {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      ...(options.namedStatements === false ? {} : { Client: NamingClient }),
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      application_name: options.applicationName ?? 'motcua',
    });
    // An idle client that loses its connection emits 'error' on the pool; without a listener the
    // process would crash. The next checkout simply opens a new connection.
    pool.on('error', () => {});
    const db = createKysely(pool);
    return {
      kind: 'postgres',
      pool,
      db,
      close: async () => {
        await db.destroy();
      },
    };
  }
  let pglite: PGlite;
  if (options.kind === 'pglite') {
    mkdirSync(options.dataDir, { recursive: true });
    pglite = await PGlite.create(options.dataDir, { extensions: PGLITE_EXTENSIONS });
  } else {
    pglite = await PGlite.create({
      extensions: PGLITE_EXTENSIONS,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  }
  // PGlite is a single session: the pool hands out one connection at a time (poolSize 1), so
  // transactions from concurrent requests queue instead of interleaving.
  // No idle timeout: the one in-process connection is never worth closing, and its timer would keep the
  // process alive for 10 s after close.
  const pool = new pg.Pool({ ...createPgConfig(pglite), Client: NamingClient, idleTimeoutMillis: 0 });
  const db = createKysely(pool);
  return {
    kind: 'pglite',
    pool,
    db,
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
};

const createKysely = (pool: pg.Pool): Kysely<Database> =>
  new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
