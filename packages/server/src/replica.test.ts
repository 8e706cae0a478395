import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPLICA_APPLICATION_NAME, ReplicaUnavailableError } from '@motcua/db';
import { findReplicaClusterObstacle, type ReplicaCluster, startReplicaCluster } from '@motcua/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { type Jobs, startJobs } from './jobs/jobs.js';
import { expectedMigrationVersion, type OpenedDatabase, openConfiguredDatabase, prepareDatabase } from './runtime.js';
import { createLocalFileStorage } from './storage/file-storage.js';
import { seedProcedure, seedWorld, signIn, type World } from './testing/fixtures.js';
import { fixedClock } from './testing/test-app.js';

// Its own primary and replica clusters, whatever DATABASE_URL says: run in the PostgreSQL pass only,
// since the app on a replica is the PostgreSQL configuration (PGlite has none) and two passes would
// build the same clusters twice for the same proof.
const obstacle = process.env.DATABASE_URL
  ? findReplicaClusterObstacle()
  : 'runs in the PostgreSQL pass (DATABASE_URL set)';

const TRACKING_BOOK = '/api/v1/reports/tracking-book?from=2026-11-01&to=2026-11-30';

describe.skipIf(obstacle !== undefined)(
  `reports on a PostgreSQL streaming replica${obstacle ? ` (skipped: ${obstacle})` : ''}`,
  () => {
    let cluster: ReplicaCluster;
    let opened: OpenedDatabase;
    let config: Config;
    let jobs: Jobs;
    let app: FastifyInstance;
    let world: World;
    let storageDir: string;
    const clock = fixedClock('2026-11-02T09:00:00+07:00');

    const get = async (who: string, url: string) => app.inject({ url, headers: (await signIn(app, who)).headers });

    const centre = () => world.agencies.centre?.id ?? '';

    const intake = async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: (await signIn(app, 'motcua')).headers,
        payload: {
          receivingAgencyId: centre(),
          procedureCode: '1.001193',
          channel: 'direct',
          applicant: {
            kind: 'person',
            fullName: 'Nguyễn Thị Ánh Tuyết',
            idNumber: '033190001234',
            dateOfBirth: '1990-05-20',
            gender: 'female',
            address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
            phone: '0912345678',
          },
          components: [
            { key: 'to-khai', originals: 1, copies: 0 },
            { key: 'giay-chung-sinh', originals: 1, copies: 0 },
          ],
          outcome: 'receive',
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().code as string;
    };

    /** The desk's tracking book as the app answers it (read from the replica). */
    const bookCodes = async () => {
      const response = await get('motcua', `${TRACKING_BOOK}&agency=${centre()}`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().items as { dossierCode: string }[]).map((item) => item.dossierCode);
    };

    beforeAll(async () => {
      cluster = await startReplicaCluster();
      storageDir = mkdtempSync(join(tmpdir(), 'motcua-replica-files-'));
      config = loadConfig(
        { DATABASE_URL: cluster.primaryUrl, DATABASE_REPLICA_URL: cluster.replicaUrl, LOG_LEVEL: 'silent' },
        { webDir: '/nonexistent-web-dir', storage: { kind: 'local', dir: storageDir } },
      );
      // The app's own start-up path: both pools, migrations and reference data on the primary.
      opened = await openConfiguredDatabase(config);
      await prepareDatabase(opened.database);
      jobs = await startJobs(opened.database);
      app = await buildApp({
        config,
        database: opened.database,
        replica: opened.replica,
        state: { shuttingDown: false, expectedMigrationVersion: expectedMigrationVersion() },
        clock,
        jobs,
        storage: createLocalFileStorage(storageDir),
        logger: false,
      });
      await app.ready();
      const seedOn = { database: { ...opened.database, name: 'replica-primary' } };
      world = await seedWorld(seedOn);
      await seedProcedure(seedOn, { catalog: '33', code: '1.001193' });
    });

    afterAll(async () => {
      await app?.close();
      await jobs?.stop();
      await opened?.close();
      await cluster?.close();
      if (storageDir) {
        rmSync(storageDir, { recursive: true, force: true });
      }
    });

    it('answers reports from the replica once it has replayed the primary’s writes', async () => {
      expect(app.motcua.reader).not.toBe(app.motcua.db);
      const first = await intake();
      await cluster.waitForReplay();
      const before = opened.replica?.stats.replicaQueries ?? 0;
      expect(await bookCodes()).toEqual([first]);
      const statistics = await get('qttinh', '/api/v1/reports/statistics?period=2026-11');
      expect(statistics.statusCode, statistics.body).toBe(200);
      expect(opened.replica?.stats.replicaQueries).toBeGreaterThan(before);
      expect(opened.replica?.stats.primaryFallbacks).toBe(0);
      // The report's connections are sessions of the replica server itself.
      expect(await cluster.countReplicaSessions(REPLICA_APPLICATION_NAME)).toBeGreaterThan(0);

      const status = await get('qttinh', '/api/v1/system/replica');
      expect(status.statusCode).toBe(200);
      expect(status.json()).toMatchObject({
        configured: true,
        replica: { reachable: true, inRecovery: true, streaming: true, primaryFallbacks: 0 },
      });
      expect(status.json().replica.lagSeconds).toBeGreaterThanOrEqual(0);
    });

    it('shows the replica’s state, not the primary’s: a dossier appears once the replica replays it', async () => {
      const [first] = await bookCodes();
      await cluster.pauseReplay();
      const second = await intake();
      // The dossier's own page reads the primary and finds it; the report, read on the paused replica, does not.
      expect((await get('motcua', `/api/v1/dossiers/${second}`)).statusCode).toBe(200);
      expect(await bookCodes()).toEqual([first]);
      await cluster.resumeReplay();
      await cluster.waitForReplay();
      expect(await bookCodes()).toEqual([first, second]);
    });

    it('lets the primary answer when the replica goes away, and refuses to start without it', async () => {
      const before = opened.replica?.stats.primaryFallbacks ?? 0;
      cluster.stopReplica();
      expect((await bookCodes()).length).toBe(2);
      expect(opened.replica?.stats.primaryFallbacks).toBeGreaterThan(before);
      const status = await get('qttinh', '/api/v1/system/replica');
      expect(status.json()).toMatchObject({ configured: true, replica: { reachable: false, lagSeconds: null } });
      await expect(openConfiguredDatabase(config)).rejects.toBeInstanceOf(ReplicaUnavailableError);
      await expect(openConfiguredDatabase(config)).rejects.toThrow(
        /^DATABASE_REPLICA_URL: the replica does not answer/,
      );
    });
  },
);
