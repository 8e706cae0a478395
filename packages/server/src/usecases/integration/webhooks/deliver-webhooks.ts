import { randomUUID } from 'node:crypto';
import { type LeasedWebhookDelivery, leaseDueWebhookDeliveries, recordWebhookAttempt } from '@motcua/db';
import { getInstallationSecret } from '../../../auth/installation-secret.js';
import { openSecretWith } from '../../../auth/sealed-secret.js';
import type { AppContext } from '../../../context.js';
import { postWebhook } from './send-webhook.js';
import { buildSignatureHeader } from './signature.js';

/** How the delivery worker paces itself. */
export type WebhookWorkerOptions = {
  /** Deliveries leased per round. */
  batchSize: number;
  /** How long a lease holds a delivery (longer than the timeout: a crashed worker's rows come back after it). */
  leaseMs: number;
  /** A receiver's whole answer must come within this. */
  timeoutMs: number;
  /** Attempts before a delivery is given up ('failed'; an administrator may replay it). */
  maxAttempts: number;
  /** The first retry waits about this long; each next one twice as long, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Pause between rounds when nothing was due. */
  pollMs: number;
  /** [0, 1) — the jitter's randomness (tests pin it). */
  random: () => number;
};

/** 10 attempts over about 8 hours (30 s, 1 min, 2 min … capped at 2 h), each wait jittered. */
export const WEBHOOK_WORKER_DEFAULTS: WebhookWorkerOptions = {
  batchSize: 20,
  leaseMs: 60_000,
  timeoutMs: 10_000,
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 2 * 60 * 60 * 1000,
  pollMs: 2_000,
  random: Math.random,
};

/**
 * The wait before the next attempt after `attempts` failed ones: exponential, with "equal jitter" (half fixed,
 * half random) so that receivers coming back from an outage are not hit by every sender at the same instant.
 */
export const retryDelayMs = (attempts: number, options: WebhookWorkerOptions): number => {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * options.random());
};

export type WebhookRoundResult = { leased: number; delivered: number; retrying: number; failed: number };

/** The secrets that sign now: the current one, and the previous one until its expiry. */
const openSigningSecrets = async (ctx: AppContext, row: LeasedWebhookDelivery, now: Date): Promise<string[]> => {
  const installationSecret = await getInstallationSecret(ctx);
  const open = (sealed: string) => openSecretWith(installationSecret, 'webhook-secret', row.subscriptionId, sealed);
  const secrets = [open(row.secretCiphertext)];
  if (row.previousSecretCiphertext && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now) {
    secrets.push(open(row.previousSecretCiphertext));
  }
  return secrets;
};

/**
 * Sends one leased delivery and records the attempt: 2xx delivered; otherwise retried after the backoff until
 * `maxAttempts`, then failed. The timestamp is fresh at each attempt (a replay too); the event id never changes.
 */
export const sendLeasedDelivery = async (
  ctx: AppContext,
  row: LeasedWebhookDelivery,
  options: WebhookWorkerOptions,
): Promise<'delivered' | 'retrying' | 'failed'> => {
  const body = JSON.stringify(row.payload);
  const sentAt = ctx.clock.now();
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  let response: Awaited<ReturnType<typeof postWebhook>>;
  try {
    const secrets = await openSigningSecrets(ctx, row, sentAt);
    response = await postWebhook({
      url: row.url,
      body,
      timeoutMs: options.timeoutMs,
      allowPrivateHttp: ctx.config.webhooks.allowPrivateHttp,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'motcua-webhooks/1',
        'x-motcua-event': row.eventType,
        'x-motcua-delivery': row.eventId,
        'x-motcua-timestamp': String(timestamp),
        'x-motcua-signature': buildSignatureHeader(secrets, timestamp, body),
      },
    });
  } catch (error) {
    response = { status: null, error: error instanceof Error ? error.message : String(error), durationMs: 0 };
  }
  const delivered = response.status !== null && response.status >= 200 && response.status < 300;
  const attempts = row.attempts + 1;
  const now = ctx.clock.now();
  const nextAttemptAt =
    delivered || attempts >= options.maxAttempts ? null : new Date(now.getTime() + retryDelayMs(attempts, options));
  await recordWebhookAttempt(ctx.db, {
    deliveryId: row.id,
    leaseToken: row.leaseToken,
    status: response.status,
    error: response.error?.slice(0, 2000) ?? null,
    durationMs: response.durationMs,
    replay: row.replay,
    delivered,
    nextAttemptAt,
    now,
  });
  return delivered ? 'delivered' : nextAttemptAt ? 'retrying' : 'failed';
};

/** One round: lease what is due (several processes share the table), send it all, record each attempt. */
export const deliverDueWebhooks = async (
  ctx: AppContext,
  overrides: Partial<WebhookWorkerOptions> = {},
): Promise<WebhookRoundResult> => {
  const options = { ...WEBHOOK_WORKER_DEFAULTS, ...overrides };
  const now = ctx.clock.now();
  const leased = await leaseDueWebhookDeliveries(ctx.db, {
    now,
    leaseUntil: new Date(now.getTime() + options.leaseMs),
    leaseToken: randomUUID(),
    limit: options.batchSize,
  });
  const outcomes = await Promise.all(leased.map((row) => sendLeasedDelivery(ctx, row, options)));
  return {
    leased: leased.length,
    delivered: outcomes.filter((o) => o === 'delivered').length,
    retrying: outcomes.filter((o) => o === 'retrying').length,
    failed: outcomes.filter((o) => o === 'failed').length,
  };
};

/**
 * The delivery loop of this process: a round, then a pause when nothing was due; stops with the process
 * (ctx.jobs.stopping). A failed round (the database away) is logged and tried again after the pause.
 */
export const startWebhookDeliveryWorker = (ctx: AppContext, overrides: Partial<WebhookWorkerOptions> = {}): void => {
  const options = { ...WEBHOOK_WORKER_DEFAULTS, ...overrides };
  const stopping = ctx.jobs.stopping;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.pollMs);
      function done() {
        clearTimeout(timer);
        stopping.removeEventListener('abort', done);
        resolve();
      }
      stopping.addEventListener('abort', done, { once: true });
    });
  const loop = async () => {
    while (!stopping.aborted) {
      let busy = false;
      try {
        busy = (await deliverDueWebhooks(ctx, options)).leased === options.batchSize;
      } catch (error) {
        if (stopping.aborted) {
          return;
        }
        console.error(
          `motcua: webhook delivery round failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!busy) {
        await pause();
      }
    }
  };
  void loop();
};
