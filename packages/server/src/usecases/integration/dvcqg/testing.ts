/**
 * Test helpers of the dossier sync (used by the tests beside this file only): the province's connection saved
 * with its password sealed, the dossier-changed job run for each event, a dossier driven through the API from
 * intake to return, and the testbed of the tests against the portal's simulator with its stream of changes.
 */
import { findDossierById } from '@motcua/db';
import {
  listDossierEventKeysForTest,
  listDvcqgSyncRowsForTest,
  setProcedureFieldCodeForTest,
  upsertDvcqgSettingForTest,
} from '@motcua/db/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { sealSecret } from '../../../auth/sealed-secret.js';
import type { AppContext } from '../../../context.js';
import { createDvcqgSimulator, DEFAULT_SIMULATOR_PASSWORD } from '../../../integration/dvcqg/simulator.js';
import { seedProcedure, seedWorld, signIn } from '../../../testing/fixtures.js';
import { createTestApp, type fixedClock, type TestApp } from '../../../testing/test-app.js';
import { recordDossierChangeForIntegrations } from '../record-dossier-change.js';
import { type createDvcqgSyncRunner, DEFAULT_DVCQG_SYNC, type DvcqgSyncSettings } from './sync-worker.js';

export const saveDvcqgConnection = async (
  ctx: AppContext,
  input: { provinceCode: string; endpointUrl: string; authUrl: string; enabled?: boolean; password?: string },
) => {
  await upsertDvcqgSettingForTest(ctx.database.db, {
    provinceCode: input.provinceCode,
    endpointUrl: input.endpointUrl,
    authUrl: input.authUrl,
    enabled: input.enabled ?? true,
    secretCiphertext: await sealSecret(ctx, 'dvcqg-password', input.provinceCode, input.password ?? 'mat-khau'),
    username: 'motcua-33',
    dstCode: 'H31',
    unitCode: '000.00.00.H31',
  });
};

/** Runs what the dossier-changed job does for the integrations, for every event of the dossier (in order). */
export const markAllEvents = async (ctx: AppContext, dossierId: string): Promise<number> => {
  const events = await listDossierEventKeysForTest(ctx.database.db, dossierId);
  for (const event of events) {
    await recordDossierChangeForIntegrations(ctx, { dossierId, ...event });
  }
  return events.length;
};

type Clock = { set: (iso: string) => void };

export const createDossierDriver = (t: TestApp, clock: Clock, agencyIds: { centre: string }) => {
  // Sessions are kept per user and renewed when the fixed clock has moved past their idle time (401).
  const sessions = new Map<string, Record<string, string>>();
  const headersOf = async (username: string, fresh = false) => {
    const kept = sessions.get(username);
    if (kept && !fresh) {
      return kept;
    }
    const headers = (await signIn(t.app, username)).headers;
    sessions.set(username, headers);
    return headers;
  };
  const inject = async (username: string, request: { method?: 'GET' | 'POST'; url: string; payload?: object }) => {
    const response = await t.app.inject({ ...request, headers: await headersOf(username) });
    return response.statusCode === 401
      ? t.app.inject({ ...request, headers: await headersOf(username, true) })
      : response;
  };
  const act = async (
    username: string,
    code: string,
    action: string,
    params: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
  ) => {
    const current = await inject('motcua', { url: `/api/v1/dossiers/${code}` });
    const response = await inject(username, {
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions/${action}`,
      payload: { expectedVersion: current.json().version, params, ...extra },
    });
    if (response.statusCode !== 200) {
      throw new Error(`${action}: ${response.statusCode} ${response.body}`);
    }
    return response.json();
  };
  const intake = async (idNumber = '033190001234') => {
    const response = await inject('motcua', {
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: {
        receivingAgencyId: agencyIds.centre,
        procedureCode: '1.001193',
        channel: 'direct',
        applicant: {
          kind: 'person',
          fullName: 'Nguyễn Thị Ánh Tuyết',
          idNumber,
          dateOfBirth: '1990-05-20',
          gender: 'female',
          address: { text: 'Số 5 đường Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
          phone: '0912345678',
          email: 'tuyet@example.vn',
        },
        components: [
          { key: 'to-khai', originals: 1, copies: 0 },
          { key: 'giay-chung-sinh', originals: 1, copies: 0 },
        ],
        outcome: 'receive',
      },
    });
    if (response.statusCode !== 201) {
      throw new Error(`intake: ${response.statusCode} ${response.body}`);
    }
    return response.json() as { id: string; code: string };
  };
  /**
   * The full scenario after intake (Monday 23/11/2026 09:00): forward, accept the hand-over, ask a supplement,
   * the supplement, complete the step, complete with a result, return at the counter — 8 events in all.
   */
  const runFullScenario = async (code: string) => {
    clock.set('2026-11-23T10:00:00+07:00');
    await act('motcua', code, 'forward');
    clock.set('2026-11-23T14:00:00+07:00');
    await act('chuyenvien', code, 'accept_handoff');
    clock.set('2026-11-23T15:00:00+07:00');
    await act('chuyenvien', code, 'request_supplement', {
      missing: ['Giấy chứng sinh bản chính'],
      reason: 'Giấy chứng sinh là bản sao',
    });
    clock.set('2026-11-24T09:00:00+07:00');
    await act('motcua', code, 'applicant_supplement', { note: 'Đã nộp bản chính' });
    clock.set('2026-11-24T15:00:00+07:00');
    await act('chuyenvien', code, 'complete_step', { note: 'Đủ điều kiện' });
    clock.set('2026-11-25T09:00:00+07:00');
    await act(
      'lanhdao',
      code,
      'complete',
      { outcome: 'approved' },
      { results: [{ name: 'Giấy khai sinh', documentNo: '123/2026' }] },
    );
    clock.set('2026-11-25T14:00:00+07:00');
    await act('motcua', code, 'return_result', { channel: 'counter' });
  };
  return { act, intake, runFullScenario };
};

/**
 * What the sync tests against the simulator share: the portal's simulator listening on a free port, a test app with
 * the world and the procedure 1.001193 (with the national field code the portal requires), the province connected
 * to the simulator, the simulator's control calls and a dossier driver.
 */
export const startSyncTestbed = async (clock: ReturnType<typeof fixedClock>) => {
  const sim = createDvcqgSimulator({ dstCode: 'H31', username: 'motcua-33' });
  const base = await sim.listen({ port: 0, host: '127.0.0.1' });
  const t = await createTestApp({ clock });
  const world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  // The portal requires MaLinhVuc (the national field code of Hộ tịch).
  await setProcedureFieldCodeForTest(t.database.db, '1.001193', 'G12-TP01');
  await saveDvcqgConnection(t.ctx, {
    provinceCode: '33',
    endpointUrl: `${base}/service`,
    authUrl: `${base}/auth`,
    password: DEFAULT_SIMULATOR_PASSWORD,
  });
  return {
    t,
    world,
    sim,
    base,
    simGet: async <T>(path: string): Promise<T> => (await fetch(`${base}${path}`)).json() as Promise<T>,
    simPost: async (path: string, body: unknown = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    driver: () => createDossierDriver(t, clock, { centre: world.agencies.centre?.id ?? '' }),
    close: async () => {
      await t.close();
      await sim.close();
    },
  };
};
export type SyncTestbed = Awaited<ReturnType<typeof startSyncTestbed>>;

/** The worker's settings against the simulator: a quick loop, a short backoff and a client that gives up soon. */
export const SIMULATOR_SYNC_SETTINGS: DvcqgSyncSettings = {
  ...DEFAULT_DVCQG_SYNC,
  intervalMs: 50,
  batchSize: 10,
  leaseSeconds: 30,
  backoff: { baseMs: 100, maxMs: 800 },
  timeoutMs: 400,
};

/** Polls (as the worker loop does) until nothing of these dossiers is pending, or the deadline passes. */
export const runUntilSynced = async (
  t: TestApp,
  runner: ReturnType<typeof createDvcqgSyncRunner>,
  dossierIds: string[],
  deadlineMs = 20_000,
) => {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    await runner.runOnce();
    const rows = await listDvcqgSyncRowsForTest(t.database.db, dossierIds);
    if (rows.length === dossierIds.length && rows.every((row) => row.state !== 'pending')) {
      return rows;
    }
    await new Promise((resolve) => setTimeout(resolve, SIMULATOR_SYNC_SETTINGS.intervalMs));
  }
  throw new Error('the backlog did not drain');
};

/**
 * One testbed for the tests of a suite: started before them, closed after them, the simulator reset before each.
 * Its parts are read inside tests and hooks (they throw before the testbed has started).
 */
export const useSyncTestbed = (clock: ReturnType<typeof fixedClock>) => {
  let bed: SyncTestbed | undefined;
  const started = () => {
    if (!bed) {
      throw new Error('the sync testbed has not started');
    }
    return bed;
  };
  beforeAll(async () => {
    bed = await startSyncTestbed(clock);
  });
  afterAll(async () => {
    await bed?.close();
  });
  beforeEach(async () => {
    await started().simPost('/_sim/reset');
  });
  return {
    get t() {
      return started().t;
    },
    get base() {
      return started().base;
    },
    simGet: <T>(path: string) => started().simGet<T>(path),
    simPost: (path: string, body?: unknown) => started().simPost(path, body),
    driver: () => started().driver(),
    /** Polls as the worker loop does until nothing of these dossiers is pending, or the deadline passes. */
    runUntilSynced: (runner: ReturnType<typeof createDvcqgSyncRunner>, dossierIds: string[], deadlineMs?: number) =>
      runUntilSynced(started().t, runner, dossierIds, deadlineMs),
  };
};

type Dossier = { id: string; code: string };

/** The five changes that bring a dossier from intake to its return at the counter (6 events with the intake). */
const STREAM_STEPS = (resultNo: string): [string, string, Record<string, unknown>, Record<string, unknown>?][] => [
  ['motcua', 'forward', {}],
  ['chuyenvien', 'accept_handoff', {}],
  ['chuyenvien', 'complete_step', { note: 'Đủ điều kiện' }],
  ['lanhdao', 'complete', { outcome: 'approved' }, { results: [{ name: 'Giấy khai sinh', documentNo: resultNo }] }],
  ['motcua', 'return_result', { channel: 'counter' }],
];

/**
 * A steady stream of dossier changes, one a minute from Monday 23/11/2026 09:00, each followed by what the
 * dossier-changed job does for the integrations. Round 0 takes three dossiers in (added to the batch); round k
 * (1 to `rounds`) makes the k-th change of each of the three, so their changes interleave.
 */
export const createChangeStream = (
  bed: Pick<SyncTestbed, 't' | 'driver'>,
  clock: ReturnType<typeof fixedClock>,
  resultNo: string,
) => {
  const steps = STREAM_STEPS(resultNo);
  const driver = bed.driver();
  let minute = 0;
  const tick = () => {
    minute += 1;
    clock.set(new Date(Date.parse('2026-11-23T09:00:00+07:00') + minute * 60_000).toISOString());
  };
  const mark = async (id: string) => {
    const dossier = await findDossierById(bed.t.ctx.db, id);
    if (!dossier) {
      throw new Error(`no dossier ${id}`);
    }
    await recordDossierChangeForIntegrations(bed.t.ctx, {
      dossierId: id,
      seq: dossier.eventCount,
      action: '',
      toStatus: '',
    });
  };
  const round = async (batch: Dossier[], index: number) => {
    for (let d = 0; d < 3; d++) {
      tick();
      if (index === 0) {
        const created = await driver.intake();
        batch.push(created);
        await mark(created.id);
      } else {
        const dossier = batch[d] as Dossier;
        const [who, action, params, extra] = steps[index - 1] as (typeof steps)[number];
        await driver.act(who, dossier.code, action, params, extra ?? {});
        await mark(dossier.id);
      }
    }
  };
  return { rounds: steps.length, round };
};
