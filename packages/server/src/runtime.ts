import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DatabaseHandle,
  migrate,
  openDatabase,
  openReplica,
  type ReplicaHandle,
  readMigrationFiles,
  syncAdministrativeUnits,
} from '@motcua/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type AppContext, type RuntimeState, systemClock } from './context.js';
import { type Jobs, startJobs } from './jobs/jobs.js';
import { startWorkers } from './jobs/workers.js';
import { DEMO_HISTORY_DOSSIERS, type DemoSeedResult, seedDemo } from './seed/demo.js';
import { openFileStorage } from './storage/open-file-storage.js';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is an embedded, single-process database: two processes opening the same data directory
 * would corrupt it. A lock file with our pid guards it; a lock left by a dead process is taken over.
 */
const lockDataDir = (dataDir: string): (() => void) => {
  const file = join(dataDir, 'motcua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isProcessAlive(pid)) {
        throw new DataDirLockedError(`data directory ${dataDir} is in use by another motcua process (pid ${pid})`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`could not lock data directory ${dataDir}`);
};

export type OpenedDatabase = {
  database: DatabaseHandle;
  /** The streaming replica for report reads, when DATABASE_REPLICA_URL is set. */
  replica?: ReplicaHandle | undefined;
  close: () => Promise<void>;
};

/**
 * Opens the configured database (PostgreSQL, or PGlite under the data directory with its lock) and
 * the replica if one is configured. A replica that does not answer stops start-up
 * (ReplicaUnavailableError); one that fails later is stood in for by the primary, query by query.
 */
export const openConfiguredDatabase = async (config: Config): Promise<OpenedDatabase> => {
  if (config.database.kind === 'postgres') {
    const database = await openDatabase({
      kind: 'postgres',
      url: config.database.url,
      maxConnections: config.database.poolSize,
      namedStatements: config.database.namedStatements,
    });
    if (!config.database.replicaUrl) {
      return { database, close: database.close };
    }
    let replica: ReplicaHandle;
    try {
      replica = await openReplica({
        url: config.database.replicaUrl,
        primary: database.pool,
        maxConnections: config.database.poolSize,
        namedStatements: config.database.namedStatements,
        onFallback: (error) =>
          console.error(`motcua: reports replica failed a query (${error.message}); the primary answered it`),
      });
    } catch (error) {
      await database.close();
      throw error;
    }
    return {
      database,
      replica,
      close: async () => {
        try {
          await replica.close();
        } finally {
          await database.close();
        }
      },
    };
  }
  const { dataDir } = config.database;
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    return {
      database,
      close: async () => {
        try {
          await database.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
};

export type PrepareResult = {
  appliedMigrations: { version: number; name: string }[];
  referenceData: { loaded: boolean; units: number };
};

/** Brings a database up to date: migrations, then reference data. */
export const prepareDatabase = async (database: DatabaseHandle): Promise<PrepareResult> => {
  const migrated = await migrate(database.pool);
  const reference = await syncAdministrativeUnits(database.db);
  return {
    appliedMigrations: migrated.applied,
    referenceData: { loaded: reference.loaded, units: reference.units },
  };
};

export type RuntimeContext = { ctx: AppContext; prepared: PrepareResult; close: () => Promise<void> };

/**
 * Opens the configured database, prepares it and starts the job queue, giving the context that
 * use-cases run with — for command-line tools that work without the HTTP server.
 */
export const openRuntimeContext = async (
  config: Config,
  options: { workers?: boolean } = {},
): Promise<RuntimeContext> => {
  const opened = await openConfiguredDatabase(config);
  let jobs: Jobs | undefined;
  try {
    const prepared = await prepareDatabase(opened.database);
    jobs = await startJobs(opened.database, {
      onError: (error) => console.error(`motcua: job queue: ${error.message}`),
    });
    const ctx: AppContext = {
      config,
      database: opened.database,
      db: opened.database.db,
      reader: opened.replica?.db ?? opened.database.db,
      replica: opened.replica,
      clock: systemClock,
      state: { shuttingDown: false, expectedMigrationVersion: expectedMigrationVersion() },
      jobs,
      storage: await openFileStorage(config.storage),
    };
    if (options.workers) {
      await startWorkers(ctx);
    }
    const runningJobs = jobs;
    return {
      ctx,
      prepared,
      close: async () => {
        try {
          await runningJobs.stop();
        } finally {
          await opened.close();
        }
      },
    };
  } catch (error) {
    await jobs?.stop();
    await opened.close();
    throw error;
  }
};

export const expectedMigrationVersion = (): number =>
  readMigrationFiles().reduce((max, file) => Math.max(max, file.version), 0);

export type RunningServer = {
  app: FastifyInstance;
  url: string;
  stop: () => Promise<void>;
  /** Where the start went, phase by phase (milliseconds), up to listening. */
  startup: StartupPhase[];
};

/** One phase of a start: wall-clock time, and the CPU time (user + system, all threads) the process used in it. */
export type StartupPhase = { phase: string; ms: number; cpuMs: number };

/**
 * Times consecutive phases; the first counts from the process's start (node, then the modules loaded).
 * The CPU time moves less than the wall-clock time when other work shares the cores.
 */
const createPhaseClock = () => {
  const phases: StartupPhase[] = [];
  let last = 0;
  let lastCpu = 0;
  const mark = (phase: string) => {
    const now = performance.now();
    const { user, system } = process.cpuUsage();
    const cpu = (user + system) / 1000;
    phases.push({ phase, ms: now - last, cpuMs: cpu - lastCpu });
    last = now;
    lastCpu = cpu;
  };
  return { phases, mark };
};

/**
 * Opens and prepares the database, then listens. On a database that is already current every check
 * is one query (migrations by version, reference data and the demo by their setting rows); the job
 * handlers start once the server answers. `stop` (also run on SIGINT/SIGTERM) stops accepting
 * connections, lets in-flight requests finish, then closes the database cleanly.
 */
export const startServer = async (
  config: Config,
  options: {
    onPrepared?: (result: PrepareResult) => void;
    onDemoSeeded?: (result: DemoSeedResult) => void;
    handleSignals?: boolean;
    /**
     * false: this process answers HTTP only and runs no job handlers (it still writes outbox jobs);
     * `motcua worker` processes run them. Default true: one process does both.
     */
    workers?: boolean;
  } = {},
): Promise<RunningServer> => {
  const clock = createPhaseClock();
  clock.mark('process start and modules');
  const opened = await openConfiguredDatabase(config);
  clock.mark('database open');
  const state: RuntimeState = { shuttingDown: false, expectedMigrationVersion: expectedMigrationVersion() };
  let app: FastifyInstance | undefined;
  let jobs: Awaited<ReturnType<typeof startJobs>> | undefined;
  try {
    const prepared = await prepareDatabase(opened.database);
    options.onPrepared?.(prepared);
    clock.mark('migrations and reference data');
    jobs = await startJobs(opened.database, {
      onError: (error) => console.error(`motcua: job queue: ${error.message}`),
    });
    clock.mark('job queue');
    const storage = await openFileStorage(config.storage);
    app = await buildApp({ config, database: opened.database, replica: opened.replica, state, jobs, storage });
    clock.mark('HTTP application');
    if (config.seedDemo) {
      const demo = await seedDemo(app.motcua, {
        password: config.demoPassword,
        publicUrl: config.publicUrl,
        historyDossiers: DEMO_HISTORY_DOSSIERS,
        describeExisting: false,
      });
      options.onDemoSeeded?.(demo);
      clock.mark('demo');
    }
    await app.listen({ port: config.port, host: config.host });
    clock.mark('listen');
    // After readiness: the job handlers poll the queue; nothing a request needs waits for them.
    if (options.workers !== false) {
      await startWorkers(app.motcua);
    }
  } catch (error) {
    await app?.close();
    await jobs?.stop();
    await opened.close();
    throw error;
  }
  const runningJobs = jobs;
  const runningApp = app;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      state.shuttingDown = true;
      try {
        await runningApp.close();
        await runningJobs.stop();
      } finally {
        await opened.close();
      }
    })();
    return stopping;
  };

  if (options.handleSignals !== false) {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (signalled) {
        // A second Ctrl-C means "now".
        process.exit(130);
      }
      signalled = true;
      runningApp.log.info({ signal }, 'shutting down');
      const timer = setTimeout(() => {
        runningApp.log.error('graceful shutdown timed out after 15 s');
        process.exit(1);
      }, 15_000);
      timer.unref();
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          runningApp.log.error({ err: error }, 'error during shutdown');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  const address = runningApp.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { app: runningApp, url: `http://localhost:${port}`, stop, startup: clock.phases };
};
