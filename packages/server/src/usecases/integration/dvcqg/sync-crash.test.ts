import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimulatorDossier, SimulatorStats } from '../../../integration/dvcqg/simulator.js';
import { fixedClock } from '../../../testing/test-app.js';
import { createChangeStream, useSyncTestbed } from './testing.js';

/**
 * Reliability (issue 21 item 6), the crash: `motcua serve` delivers the sync backlog while dossiers keep changing,
 * is killed with SIGKILL in the middle of a delivery, and another process takes over once the dead one's lease
 * expires — every change arrives at the simulator, in order, none twice as it counts. PostgreSQL only (PGlite is
 * an embedded, single-process database) and needs the built launcher (`npm run build`), as two-servers.test.ts.
 */
const bin = fileURLToPath(new URL('../../../../../cli/bin/motcua.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../../../../cli/dist/main.js', import.meta.url)));
const adminUrl = process.env.DATABASE_URL;

type Child = { child: ChildProcess; output: () => string };

const startServe = (env: Record<string, string>): Promise<Child> =>
  new Promise((resolve, reject) => {
    const base = { ...process.env };
    for (const key of Object.keys(base)) {
      if (key.startsWith('MOTCUA_') || key === 'PORT' || key === 'DATABASE_URL') {
        delete base[key];
      }
    }
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...base, PORT: '0', LOG_LEVEL: 'warn', MOTCUA_DB_POOL_SIZE: '4', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http:\/\/localhost:\d+/.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code ?? signal}:\n${output}`));
    });
  });

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill(signal);
  });

describe.skipIf(!adminUrl || !built)(
  'a motcua process killed during delivery (PostgreSQL only)',
  { timeout: 120_000 },
  () => {
    const clock = fixedClock('2026-11-23T09:00:00+07:00');
    const bed = useSyncTestbed(clock);
    const children: ChildProcess[] = [];

    const stats = () => bed.simGet<SimulatorStats>('/_sim/stats');
    const waitFor = async (test: () => Promise<boolean>, ms: number, what: string) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        if (await test()) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`timed out waiting for ${what}`);
    };

    // Registered after the testbed's own: run before it closes the database (after-hooks run in reverse order).
    afterAll(async () => {
      for (const child of children) {
        await stop(child, 'SIGKILL');
      }
    });

    it('loses and duplicates nothing: the next process resumes each dossier where the cursor says', async () => {
      const url = new URL(adminUrl as string);
      url.pathname = `/${bed.t.database.name}`;
      const env = {
        DATABASE_URL: url.toString(),
        MOTCUA_DVCQG_SYNC_INTERVAL_MS: '50',
        MOTCUA_DVCQG_SYNC_LEASE_SECONDS: '2',
        MOTCUA_DVCQG_RETRY_BASE_MS: '100',
        MOTCUA_DVCQG_RETRY_MAX_MS: '500',
        MOTCUA_DVCQG_TIMEOUT_MS: '5000',
      };
      const stream = createChangeStream(bed, clock, '7/2026');
      const dossiers: { id: string; code: string }[] = [];
      const round = (index: number) => stream.round(dossiers, index);
      await round(0);
      await round(1);
      // Each message takes the portal 200 ms to answer (stored first): the first process is mid-delivery for a while.
      await bed.simPost('/_sim/mode', { mode: 'slow', delayMs: 200 });
      const first = await startServe(env);
      children.push(first.child);
      await round(2);
      await waitFor(async () => (await stats()).accepted >= 8, 30_000, 'the first deliveries');
      await stop(first.child, 'SIGKILL');
      const atKill = await stats();
      const pendingAtKill = await bed.t.ctx.db
        .selectFrom('dvcqgSync')
        .select('state')
        .where('state', '=', 'pending')
        .execute();
      expect(pendingAtKill.length).toBeGreaterThan(0);
      // Changes go on while no process delivers.
      for (let index = 3; index <= stream.rounds; index++) {
        await round(index);
      }
      const second = await startServe(env);
      children.push(second.child);
      await waitFor(
        async () => {
          const rows = await bed.t.ctx.db.selectFrom('dvcqgSync').select(['state', 'deliveredSeq']).execute();
          return rows.length === 3 && rows.every((row) => row.state === 'synced' && row.deliveredSeq === 6);
        },
        60_000,
        'the backlog to drain',
      );
      await stop(second.child, 'SIGTERM');
      const final = await stats();
      expect(final.accepted).toBeGreaterThan(atKill.accepted);
      expect(final).toMatchObject({ duplicates: 0, dossiers: 3, progressRecords: 18 });
      for (const { code } of dossiers) {
        const held = await bed.simGet<SimulatorDossier>(`/_sim/dossiers/${code}`);
        expect(held.progress.map((p) => p.TrangThai)).toEqual([2, 4, 4, 4, 9, 10]);
        const stamps = held.progress.map((p) => p.ThoiDiemXuLy);
        expect([...stamps].sort()).toEqual(stamps);
        // In arrival order, the progress of each change came after its dossier message, and changes in order.
        const progressOrder = held.received.filter((r) => r.service === 'CapNhatTienDoHoSoMC').map((r) => r.status);
        expect(progressOrder).toEqual([2, 4, 4, 4, 9, 10]);
      }
    });
  },
);
