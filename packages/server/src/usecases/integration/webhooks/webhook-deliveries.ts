import { randomUUID } from 'node:crypto';
import {
  findWebhookDelivery,
  leaseDueWebhookDeliveries,
  listWebhookAttempts,
  listWebhookDeliveries,
  requeueWebhookDeliveries,
  type WebhookDeliveryRecord,
  type WebhookDeliveryState,
} from '@motcua/db';
import { formatInstant } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';
import { cutKeysetPage } from '../../keyset-page.js';
import { sendLeasedDelivery, WEBHOOK_WORKER_DEFAULTS, type WebhookWorkerOptions } from './deliver-webhooks.js';
import { decodeCursor, encodeCursor, loadSubscriptionFor } from './webhook-access.js';

const DELIVERY_RESOURCE = { vi: 'lần gửi webhook', en: 'webhook delivery' };
/** A bulk replay requeues at most this many failed deliveries per call (the console calls again for more). */
export const BULK_REPLAY_LIMIT = 500;

const instant = (date: Date | null) => (date ? formatInstant(date.getTime()) : null);

/** A delivery as the API shows it, with the payload that was (or will be) sent. */
export const toWebhookDeliveryView = (row: WebhookDeliveryRecord) => ({
  id: row.id,
  subscriptionId: row.subscriptionId,
  eventId: row.eventId,
  eventType: row.eventType,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.state === 'pending' ? instant(row.nextAttemptAt) : null,
  lastStatus: row.lastStatus,
  lastError: row.lastError,
  deliveredAt: instant(row.deliveredAt),
  createdAt: formatInstant(row.createdAt.getTime()),
  replayQueued: row.replay,
  payload: row.payload,
});

const loadDeliveryFor = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: 'integration.read' | 'integration.manage',
) => {
  const delivery = await findWebhookDelivery(ctx.db, id);
  if (!delivery) {
    throw notFound(DELIVERY_RESOURCE);
  }
  try {
    await loadSubscriptionFor(ctx, actor, delivery.subscriptionId, action);
  } catch (error) {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound(DELIVERY_RESOURCE) : error;
  }
  return delivery;
};

/** A page of a subscription's deliveries, newest first, optionally of one state (integration.read). */
export const listDeliveriesOfWebhook = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { state?: WebhookDeliveryState; cursor?: string; limit: number },
) => {
  await loadSubscriptionFor(ctx, actor, id, 'integration.read');
  const rows = await listWebhookDeliveries(ctx.db, {
    subscriptionId: id,
    state: input.state,
    before: decodeCursor(input.cursor),
    limit: input.limit + 1,
  });
  return cutKeysetPage(rows, input.limit, toWebhookDeliveryView, (last) => encodeCursor(last.createdAt, last.id));
};

/** A page of a delivery's attempts, oldest first (integration.read). */
export const listAttemptsOfDelivery = async (
  ctx: AppContext,
  actor: Actor,
  deliveryId: string,
  input: { cursor?: string; limit: number },
) => {
  await loadDeliveryFor(ctx, actor, deliveryId, 'integration.read');
  const after = decodeCursor(input.cursor);
  const rows = await listWebhookAttempts(ctx.db, {
    deliveryId,
    afterId: after ? Number(after.id) : undefined,
    limit: input.limit + 1,
  });
  return cutKeysetPage(
    rows,
    input.limit,
    (row) => ({
      id: Number(row.id),
      status: row.status,
      error: row.error,
      durationMs: row.durationMs,
      replay: row.replay,
      at: formatInstant(row.at.getTime()),
    }),
    (last) => encodeCursor(last.at, Number(last.id)),
  );
};

/**
 * Replays one delivery (integration.manage): the same event id, sent again at once with a fresh timestamp and
 * logged as a replay; when the worker holds it or the subscription is paused, it stays queued for the worker.
 */
export const replayWebhookDelivery = async (
  ctx: AppContext,
  actor: Actor,
  deliveryId: string,
  options: Partial<WebhookWorkerOptions> = {},
) => {
  const delivery = await loadDeliveryFor(ctx, actor, deliveryId, 'integration.manage');
  const now = ctx.clock.now();
  const requeued = await requeueWebhookDeliveries(ctx.db, {
    subscriptionId: delivery.subscriptionId,
    deliveryId,
    now,
    limit: 1,
  });
  if (requeued.length === 1) {
    const workerOptions = { ...WEBHOOK_WORKER_DEFAULTS, ...options };
    const [leased] = await leaseDueWebhookDeliveries(ctx.db, {
      now,
      leaseUntil: new Date(now.getTime() + workerOptions.leaseMs),
      leaseToken: randomUUID(),
      limit: 1,
      onlyId: deliveryId,
    });
    if (leased) {
      await sendLeasedDelivery(ctx, leased, workerOptions);
    }
  }
  const after = await findWebhookDelivery(ctx.db, deliveryId);
  return toWebhookDeliveryView(after ?? delivery);
};

/** Queues every failed delivery of a subscription for a replay by the worker (integration.manage). */
export const replayFailedWebhookDeliveries = async (ctx: AppContext, actor: Actor, id: string) => {
  await loadSubscriptionFor(ctx, actor, id, 'integration.manage');
  const requeued = await requeueWebhookDeliveries(ctx.db, {
    subscriptionId: id,
    now: ctx.clock.now(),
    limit: BULK_REPLAY_LIMIT,
  });
  return { requeued: requeued.length };
};
