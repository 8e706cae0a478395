import type { Database, DatabaseHandle, ReplicaHandle } from '@motcua/db';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Jobs } from './jobs/jobs.js';
import type { FileStorage } from './storage/file-storage.js';

/** Where time comes from; tests pass a fixed clock. */
export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };

/** Process-wide state that readiness depends on. */
export type RuntimeState = { shuttingDown: boolean; expectedMigrationVersion: number };

/**
 * What every use-case receives: the typed database, the clock and the configuration. Plain data,
 * no container; use-cases are `verbNoun(ctx, input)` functions.
 */
export type AppContext = {
  config: Config;
  database: DatabaseHandle;
  db: Kysely<Database>;
  /**
   * Where the read-only report and statistics queries run: the streaming replica when
   * DATABASE_REPLICA_URL is set (seconds behind the primary), else the primary itself (`db`).
   */
  reader: Kysely<Database>;
  /** The replica, when one is configured (its status for operators). */
  replica: ReplicaHandle | undefined;
  clock: Clock;
  state: RuntimeState;
  /** The outbox (pg-boss): jobs written in the same transaction as the change they follow. */
  jobs: Jobs;
  /** Uploaded files and result documents, content-addressed. */
  storage: FileStorage;
};

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Vietnam (UTC+7, no daylight saving), as 'YYYY-MM-DD'. */
export const todayInVietnam = (clock: Clock): string =>
  new Date(clock.now().getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
