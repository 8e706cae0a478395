import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL primary and streaming replica on this machine, for tests: two clusters made with
 * Debian's postgresql-common (`pg_createcluster`), the replica cloned by `pg_basebackup -R`. Both
 * trust local connections and listen on free ports of 127.0.0.1; `close()` drops them. Needs root
 * (clusters belong to the postgres user); `findReplicaClusterObstacle` says why not when it cannot run.
 */

export type ReplicaCluster = {
  primaryUrl: string;
  replicaUrl: string;
  /** Resolves once the replica has replayed everything the primary has written so far. */
  waitForReplay: () => Promise<void>;
  /** Stops applying WAL on the replica (it keeps receiving); its data stays as it is now. */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** Sessions on the replica with this application_name. */
  countReplicaSessions: (applicationName: string) => Promise<number>;
  /** Shuts the replica down (the primary keeps running). */
  stopReplica: () => void;
  /** Stops and drops both clusters. */
  close: () => Promise<void>;
};

const findExecutable = (name: string): string | undefined =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));

const POSTGRES_LIB = '/usr/lib/postgresql';

/** The newest PostgreSQL major version installed for postgresql-common. */
const findMajorVersion = (): string | undefined =>
  existsSync(POSTGRES_LIB)
    ? readdirSync(POSTGRES_LIB)
        .filter((version) => existsSync(join(POSTGRES_LIB, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;

/** Why a replica cluster cannot be set up here, or undefined when it can. */
export const findReplicaClusterObstacle = (): string | undefined => {
  if (process.getuid?.() !== 0) {
    return 'creating PostgreSQL clusters needs root';
  }
  for (const tool of ['pg_createcluster', 'pg_ctlcluster', 'pg_dropcluster', 'pg_basebackup', 'runuser']) {
    if (!findExecutable(tool)) {
      return `${tool} is not installed (postgresql-common)`;
    }
  }
  return findMajorVersion() ? undefined : `no PostgreSQL server under ${POSTGRES_LIB}`;
};

const findFreePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const run = (command: string, args: string[]) => {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds; a bound for a stuck replica, not a wait. */
const waitUntil = async (what: string, check: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`replica cluster: timed out waiting until ${what}`);
    }
    await sleep(50);
  }
};

/** Creates, starts and connects a primary and its streaming replica. */
export const startReplicaCluster = async (): Promise<ReplicaCluster> => {
  const obstacle = findReplicaClusterObstacle();
  const version = findMajorVersion();
  if (obstacle || !version) {
    throw new Error(`replica cluster: ${obstacle}`);
  }
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const primary = { name: `motcua_primary_${suffix}`, port: await findFreePort() };
  const replica = { name: `motcua_replica_${suffix}`, port: await findFreePort() };
  const created: string[] = [];
  const drop = () => {
    for (const name of created.splice(0).reverse()) {
      try {
        run('pg_dropcluster', ['--stop', version, name]);
      } catch {
        // already gone
      }
    }
  };
  // A test database: durability is not what is tested, speed is welcome.
  const settings = ['-o', 'fsync=off', '-o', 'synchronous_commit=off', '-o', 'max_connections=50'];
  const createCluster = (cluster: { name: string; port: number }) => {
    run('pg_createcluster', [
      version,
      cluster.name,
      '-p',
      String(cluster.port),
      '--start-conf',
      'manual',
      ...settings,
      '--',
      '--auth=trust',
    ]);
    created.push(cluster.name);
  };
  const urlOf = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;
  let primaryPool: pg.Pool | undefined;
  let replicaPool: pg.Pool | undefined;
  try {
    // initdb --auth=trust also trusts replication connections from 127.0.0.1; wal_level is replica by default.
    createCluster(primary);
    run('pg_ctlcluster', [version, primary.name, 'start']);
    createCluster(replica);
    const dataDir = `/var/lib/postgresql/${version}/${replica.name}`;
    run('find', [dataDir, '-mindepth', '1', '-delete']);
    run('runuser', [
      '-u',
      'postgres',
      '--',
      'pg_basebackup',
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      dataDir,
      '-R',
      '--checkpoint=fast',
    ]);
    run('pg_ctlcluster', [version, replica.name, 'start']);
    primaryPool = new pg.Pool({ connectionString: urlOf(primary.port), max: 2 });
    replicaPool = new pg.Pool({ connectionString: urlOf(replica.port), max: 2 });
    primaryPool.on('error', () => {});
    replicaPool.on('error', () => {});
  } catch (error) {
    await primaryPool?.end();
    await replicaPool?.end();
    drop();
    throw error;
  }
  const primaryQueries = primaryPool;
  const replicaQueries = replicaPool;
  const isTrue = async (pool: pg.Pool, text: string, values: unknown[] = []) =>
    (await pool.query<{ ok: boolean }>(text, values)).rows[0]?.ok === true;
  return {
    primaryUrl: urlOf(primary.port),
    replicaUrl: urlOf(replica.port),
    waitForReplay: async () => {
      const written = (await primaryQueries.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows[0]
        ?.lsn;
      await waitUntil(`the replica replays ${written}`, () =>
        isTrue(replicaQueries, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [written]),
      );
    },
    pauseReplay: async () => {
      await replicaQueries.query('select pg_wal_replay_pause()');
      await waitUntil('replay is paused', () =>
        isTrue(replicaQueries, `select pg_get_wal_replay_pause_state() = 'paused' as ok`),
      );
    },
    resumeReplay: async () => {
      await replicaQueries.query('select pg_wal_replay_resume()');
    },
    countReplicaSessions: async (applicationName) =>
      Number(
        (
          await replicaQueries.query<{ count: string }>(
            'select count(*) as count from pg_stat_activity where application_name = $1',
            [applicationName],
          )
        ).rows[0]?.count ?? 0,
      ),
    stopReplica: () => run('pg_ctlcluster', [version, replica.name, 'stop', '-m', 'fast']),
    close: async () => {
      await replicaQueries.end();
      await primaryQueries.end();
      drop();
    },
  };
};
