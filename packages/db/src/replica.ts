import { CamelCasePlugin, Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { NamingClient } from './named-statements.js';
import type { Database } from './schema.js';

/**
 * A PostgreSQL streaming replica (hot standby) for the read-only report and statistics queries
 * (DATABASE_REPLICA_URL). Its sessions are read-only (`default_transaction_read_only`), so a URL
 * that points at a primary by mistake still cannot write. Reports tolerate the replica's lag: an
 * aggregate a few seconds old is what a report of the previous day or month already shows.
 */

export type ReplicaStats = {
  /** Queries answered by the replica. */
  replicaQueries: number;
  /** Queries the primary answered in the replica's place (it failed: connection lost, restarting, a conflict with recovery). */
  primaryFallbacks: number;
};

export type ReplicaHandle = {
  /** The replica's own pool (application_name `motcua-reports`). */
  pool: pg.Pool;
  /** Reads on the replica; a query the replica cannot answer is retried once on the primary. */
  db: Kysely<Database>;
  stats: ReplicaStats;
  /** Ends the replica's pool (never the primary's). */
  close: () => Promise<void>;
};

export type ReplicaOptions = {
  url: string;
  /** The primary's pool, which answers a query the replica could not. */
  primary: pg.Pool;
  maxConnections?: number;
  /** As DatabaseOptions.namedStatements (default on). */
  namedStatements?: boolean;
  /** Told about each query retried on the primary (for the log). */
  onFallback?: (error: Error) => void;
};

export class ReplicaUnavailableError extends Error {
  override readonly name = 'ReplicaUnavailableError';
}

export const REPLICA_APPLICATION_NAME = 'motcua-reports';

// SQLSTATEs worth a second try elsewhere: class 08 connection exception, 57P01-57P03 operator intervention
// (shutdown, "cannot connect now" while the standby starts), 53 insufficient resources; 40001 is also
// what a hot standby raises when it cancels a query that conflicts with replay.
const RETRYABLE_SQLSTATE = /^(08|53)|^57P0[1-3]$|^40001$/;

/** An error of the replica rather than of the query: a second try on the primary may succeed. */
const isReplicaFailure = (error: unknown): boolean =>
  error instanceof pg.DatabaseError ? RETRYABLE_SQLSTATE.test(error.code ?? '') : error instanceof Error;

const TRANSACTION_START = /^\s*(begin|start\s+transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|rollback|end)\b/i;

/** After a replica failure, reads go to the primary for this long before the replica is tried again. */
export const REPLICA_RETRY_AFTER_MS = 10_000;

/**
 * A pool for Kysely that hands out replica connections and moves to a primary connection when the
 * replica fails: at checkout, or on a query outside a transaction (a report's reads are independent
 * statements; inside a transaction the error is the caller's, as on any connection loss). A failure
 * is logged once and sends reads to the primary for REPLICA_RETRY_AFTER_MS, so a replica that is down
 * costs neither a connection timeout per query nor a log line per query.
 */
const createFallbackPool = (replica: pg.Pool, options: ReplicaOptions, stats: ReplicaStats): PostgresPool => {
  let replicaDownUntil = 0;
  const fallBack = async (error: Error): Promise<pg.PoolClient> => {
    replicaDownUntil = Date.now() + REPLICA_RETRY_AFTER_MS;
    options.onFallback?.(error);
    return options.primary.connect();
  };
  const checkOut = async (): Promise<{ client: pg.PoolClient; onReplica: boolean }> => {
    if (Date.now() < replicaDownUntil) {
      return { client: await options.primary.connect(), onReplica: false };
    }
    try {
      return { client: await replica.connect(), onReplica: true };
    } catch (error) {
      return { client: await fallBack(error as Error), onReplica: false };
    }
  };
  return {
    end: () => replica.end(),
    connect: async (): Promise<PostgresPoolClient> => {
      let { client, onReplica } = await checkOut();
      let inTransaction = false;
      const track = (text: string) => {
        if (TRANSACTION_START.test(text)) {
          inTransaction = true;
        } else if (TRANSACTION_END.test(text)) {
          inTransaction = false;
        }
      };
      const count = () => {
        if (onReplica) {
          stats.replicaQueries += 1;
        } else {
          stats.primaryFallbacks += 1;
        }
      };
      return {
        // Kysely runs no cursors on this pool (its dialect has none), only text + parameters.
        query: (async (text: string, values: readonly unknown[]) => {
          track(text);
          try {
            const result = await client.query(text, values as unknown[]);
            count();
            return result;
          } catch (error) {
            if (!onReplica || inTransaction || !isReplicaFailure(error)) {
              throw error;
            }
            client.release(error as Error);
            onReplica = false;
            client = await fallBack(error as Error);
            const result = await client.query(text, values as unknown[]);
            count();
            return result;
          }
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
  };
};

/**
 * Opens the replica's pool and checks that it answers, so a wrong DATABASE_REPLICA_URL stops
 * start-up with a clear message instead of slowing every report with a fallback.
 */
export const openReplica = async (options: ReplicaOptions): Promise<ReplicaHandle> => {
  const pool = new pg.Pool({
    ...(options.namedStatements === false ? {} : { Client: NamingClient }),
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: REPLICA_APPLICATION_NAME,
    options: '-c default_transaction_read_only=on',
    // An unreachable replica must not hold a report for long: after 5 s the primary answers.
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', () => {});
  try {
    await pool.query('select pg_is_in_recovery()');
  } catch (error) {
    await pool.end();
    // A refused connection to a name with several addresses is an AggregateError without a message.
    const reason = (error as Error).message || (error as { code?: string }).code || String(error);
    throw new ReplicaUnavailableError(`DATABASE_REPLICA_URL: the replica does not answer (${reason})`);
  }
  const stats: ReplicaStats = { replicaQueries: 0, primaryFallbacks: 0 };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createFallbackPool(pool, options, stats) }),
    plugins: [new CamelCasePlugin()],
  });
  return { pool, db, stats, close: () => db.destroy() };
};

export type ReplicaStatus = {
  /** The server is a standby replaying WAL (false: the URL points at a primary). */
  inRecovery: boolean;
  /** The standby's WAL receiver is connected to the primary and streaming. */
  streaming: boolean;
  /**
   * Seconds the replica's data is behind: 0 when everything received has been replayed, else the age
   * of the last replayed transaction. Null on a server that is not a standby.
   */
  lagSeconds: number | null;
};

/** Replication state, read on the replica itself (never through the fallback). */
export const getReplicaStatus = async (replica: Pick<ReplicaHandle, 'pool'>): Promise<ReplicaStatus> => {
  const result = await replica.pool.query<{ in_recovery: boolean; streaming: boolean; lag_seconds: number | null }>(
    `select pg_is_in_recovery() as in_recovery,
            exists (select 1 from pg_stat_wal_receiver where status = 'streaming') as streaming,
            case
              when not pg_is_in_recovery() then null
              when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
              else greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp()))::float8
            end as lag_seconds`,
  );
  const row = result.rows[0];
  if (!row) {
    throw new ReplicaUnavailableError('the replica returned no status');
  }
  return { inRecovery: row.in_recovery, streaming: row.streaming, lagSeconds: row.lag_seconds };
};
