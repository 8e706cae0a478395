import { type DvcqgSyncRow, findDvcqgSetting, leaseDueDvcqgSyncs } from '@motcua/db';
import { openSecret } from '../../../auth/sealed-secret.js';
import type { AppContext } from '../../../context.js';
import { createDvcqgClient } from '../../../integration/dvcqg/client.js';
import { type BackoffSettings, DEFAULT_BACKOFF } from './backoff.js';
import { type DeliveryOutcome, type DvcqgSender, deliverDossier } from './deliver-dossier.js';

/** How the worker polls and retries (MOTCUA_DVCQG_* variables; defaults in docs/integration.md). */
export type DvcqgSyncSettings = {
  /** Pause between polls when nothing was due. */
  intervalMs: number;
  /** Dossiers leased per poll (delivered side by side, each one's events in order). */
  batchSize: number;
  /** A leased row is this worker's for this long; each accepted message extends it. */
  leaseSeconds: number;
  backoff: BackoffSettings;
  /** Each HTTP exchange with the portal is abandoned after this long (counted as a failure, retried). */
  timeoutMs: number;
};

export const DEFAULT_DVCQG_SYNC: DvcqgSyncSettings = {
  intervalMs: 2_000,
  batchSize: 20,
  leaseSeconds: 60,
  backoff: DEFAULT_BACKOFF,
  timeoutMs: 15_000,
};

/** What the worker needs to reach one province's portal: the connection as saved, the password opened. */
export type DvcqgConnection = {
  provinceCode: string;
  endpointUrl: string;
  authUrl: string;
  username: string;
  password: string;
  dstCode: string;
  unitCode: string;
  timeoutMs: number;
};

export type DvcqgSenderFactory = (connection: DvcqgConnection) => DvcqgSender;

/** The portal's HTTP client (integration/dvcqg/client.ts): session token cached, renewed when it expires. */
export const createHttpDvcqgSender: DvcqgSenderFactory = (connection) => createDvcqgClient(connection);

/** The worker's settings from the configuration (MOTCUA_DVCQG_* variables). */
export const readDvcqgSyncSettings = (ctx: AppContext): DvcqgSyncSettings => ctx.config.dvcqgSync;

type CachedSender =
  | { stamp: string; sender: DvcqgSender; agencyCodes: Record<string, string> }
  | { stamp: string; problem: string };

export type DvcqgSyncRunner = {
  /** Leases one batch of due dossiers and delivers them; answers how many rows were leased. */
  runOnce: () => Promise<{ leased: number; outcomes: DeliveryOutcome[] }>;
};

/**
 * The sync worker's one poll, with a client per province kept between polls (the session token with it) and
 * rebuilt when the province's setting changes (its version or updated_at). A province whose connection is
 * incomplete or whose password does not open fails its rows with backoff, like an unreachable portal.
 */
export const createDvcqgSyncRunner = (
  ctx: AppContext,
  deps: { settings: DvcqgSyncSettings; createSender: DvcqgSenderFactory; stopping?: AbortSignal },
): DvcqgSyncRunner => {
  const senders = new Map<string, CachedSender>();

  const senderFor = async (provinceCode: string): Promise<CachedSender | undefined> => {
    const setting = await findDvcqgSetting(ctx.db, provinceCode);
    if (!setting) {
      return undefined;
    }
    const stamp = `${setting.version}:${setting.updatedAt.getTime()}:${setting.enabled}`;
    const cached = senders.get(provinceCode);
    if (cached && cached.stamp === stamp) {
      return cached;
    }
    const { endpointUrl, authUrl, username, secretCiphertext, dstCode, unitCode } = setting;
    let built: CachedSender;
    if (!endpointUrl || !authUrl || !username || !secretCiphertext || !dstCode || !unitCode) {
      built = { stamp, problem: 'Kết nối Cổng DVCQG chưa đủ thông tin (địa chỉ, tài khoản, mã đơn vị)' };
    } else {
      try {
        const password = await openSecret(ctx, 'dvcqg-password', provinceCode, secretCiphertext);
        built = {
          stamp,
          agencyCodes: setting.agencyCodes,
          sender: deps.createSender({
            provinceCode,
            endpointUrl,
            authUrl,
            username,
            password,
            dstCode,
            unitCode,
            timeoutMs: deps.settings.timeoutMs,
          }),
        };
      } catch {
        built = { stamp, problem: 'Không mở được mật khẩu Cổng DVCQG đã lưu (cần nhập lại)' };
      }
    }
    senders.set(provinceCode, built);
    return built;
  };

  const deliver = async (row: DvcqgSyncRow): Promise<DeliveryOutcome> => {
    const cached = await senderFor(row.provinceCode);
    const sender: DvcqgSender =
      cached && 'sender' in cached
        ? cached.sender
        : {
            call: async () => ({
              outcome: 'failed',
              reason: 'config',
              errorCode: 'CONFIG',
              message: cached && 'problem' in cached ? cached.problem : 'Chưa cấu hình Cổng DVCQG',
              durationMs: 0,
            }),
          };
    return deliverDossier(ctx, {
      row,
      sender,
      agencyCodes: cached && 'agencyCodes' in cached ? cached.agencyCodes : {},
      settings: { leaseSeconds: deps.settings.leaseSeconds, backoff: deps.settings.backoff },
      ...(deps.stopping ? { stopping: deps.stopping } : {}),
    });
  };

  return {
    runOnce: async () => {
      const rows = await leaseDueDvcqgSyncs(ctx.db, {
        leaseSeconds: deps.settings.leaseSeconds,
        limit: deps.settings.batchSize,
      });
      const outcomes = await Promise.all(rows.map((row) => deliver(row)));
      return { leased: rows.length, outcomes };
    },
  };
};

/**
 * Starts the polling loop of this process: lease due dossiers, deliver them, again at once while full batches
 * come back, else after the interval; stops when the process stops (ctx.jobs.stopping). Several processes run it
 * side by side: the lease (for update skip locked) gives each dossier to one of them at a time.
 */
export const startDvcqgSyncWorker = (
  ctx: AppContext,
  deps: { settings: DvcqgSyncSettings; createSender: DvcqgSenderFactory } = {
    settings: readDvcqgSyncSettings(ctx),
    createSender: createHttpDvcqgSender,
  },
): { stopped: Promise<void> } => {
  const stopping = ctx.jobs.stopping;
  const runner = createDvcqgSyncRunner(ctx, { ...deps, stopping });
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      stopping.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  const loop = async () => {
    while (!stopping.aborted) {
      let full = false;
      try {
        const { leased } = await runner.runOnce();
        full = leased >= deps.settings.batchSize;
      } catch (error) {
        if (!stopping.aborted) {
          console.error(JSON.stringify({ msg: 'dvcqg sync poll failed', error: String(error) }));
        }
      }
      if (!full) {
        await sleep(deps.settings.intervalMs);
      }
    }
  };
  return { stopped: loop() };
};
