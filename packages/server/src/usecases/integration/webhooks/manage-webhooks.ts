import { randomUUID } from 'node:crypto';
import {
  deleteWebhookSubscription,
  findWebhookSubscription,
  insertWebhookSubscription,
  listWebhookSubscriptions,
  rotateWebhookSubscriptionSecret,
  updateWebhookSubscription,
  type WebhookEventType,
  type WebhookSubscriptionRecord,
} from '@motcua/db';
import { formatInstant } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { authorizeProvinceAction } from '../../../auth/authorize.js';
import { sealSecret } from '../../../auth/sealed-secret.js';
import type { AppContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';
import { cutKeysetPage } from '../../keyset-page.js';
import { generateWebhookSecret } from './signature.js';
import { decodeCursor, encodeCursor, loadSubscriptionFor, WEBHOOK_RESOURCE } from './webhook-access.js';
import { checkWebhookUrl } from './webhook-url.js';

/** How long the previous secret keeps signing after a rotation unless the administrator says otherwise. */
export const DEFAULT_PREVIOUS_SECRET_HOURS = 24;

/** A subscription as the API shows it (never a secret). */
export const toWebhookSubscriptionView = (row: WebhookSubscriptionRecord) => ({
  id: row.id,
  provinceCode: row.provinceCode,
  name: row.name,
  url: row.url,
  events: row.events,
  active: row.active,
  version: row.version,
  previousSecretExpiresAt: row.previousSecretExpiresAt ? formatInstant(row.previousSecretExpiresAt.getTime()) : null,
  createdAt: formatInstant(row.createdAt.getTime()),
  updatedAt: formatInstant(row.updatedAt.getTime()),
});

const acceptUrl = (ctx: AppContext, url: string): string => {
  const checked = checkWebhookUrl(url, { allowPrivateHttp: ctx.config.webhooks.allowPrivateHttp });
  if (!checked.ok) {
    throw new AppError(
      'WEBHOOK_URL_REJECTED',
      { url: url.slice(0, 200), reason: checked.reason },
      { fieldProblems: [{ in: 'body', pointer: '/url', code: 'WEBHOOK_URL_REJECTED', message: checked.reason.en }] },
    );
  }
  return checked.url;
};

const versionConflict = async (ctx: AppContext, id: string, sent: number): Promise<AppError> => {
  const current = await findWebhookSubscription(ctx.db, id);
  return current ? new AppError('VERSION_CONFLICT', { current: current.version, sent }) : notFound(WEBHOOK_RESOURCE);
};

/** A page of the province's subscriptions (integration.read). */
export const listProvinceWebhooks = async (
  ctx: AppContext,
  actor: Actor,
  input: { provinceCode: string; cursor?: string; limit: number },
) => {
  authorizeProvinceAction(actor, 'integration.read', input.provinceCode);
  const rows = await listWebhookSubscriptions(ctx.db, {
    provinceCode: input.provinceCode,
    after: decodeCursor(input.cursor),
    limit: input.limit + 1,
  });
  return cutKeysetPage(rows, input.limit, toWebhookSubscriptionView, (last) => encodeCursor(last.createdAt, last.id));
};

/** One subscription (integration.read). */
export const getWebhook = async (ctx: AppContext, actor: Actor, id: string) =>
  toWebhookSubscriptionView((await loadSubscriptionFor(ctx, actor, id, 'integration.read')).subscription);

/**
 * Subscribes a URL of the province to events (integration.manage). motcua generates the secret; it is answered
 * here once and stored sealed (bound to the subscription's id), never shown again.
 */
export const createWebhook = async (
  ctx: AppContext,
  actor: Actor,
  input: { provinceCode: string; name: string; url: string; events: WebhookEventType[] },
) => {
  const official = authorizeProvinceAction(actor, 'integration.manage', input.provinceCode);
  const url = acceptUrl(ctx, input.url);
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const row = await insertWebhookSubscription(ctx.db, {
    id,
    provinceCode: input.provinceCode,
    name: input.name,
    url,
    events: [...new Set(input.events)],
    secretCiphertext: await sealSecret(ctx, 'webhook-secret', id, secret),
    createdBy: official.userId,
    now: ctx.clock.now(),
  });
  return { subscription: toWebhookSubscriptionView(row), secret };
};

/** Changes the name, URL or events, or pauses (active false) and resumes, at the version read. */
export const updateWebhook = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { expectedVersion: number; name?: string; url?: string; events?: WebhookEventType[]; active?: boolean },
) => {
  await loadSubscriptionFor(ctx, actor, id, 'integration.manage');
  const row = await updateWebhookSubscription(ctx.db, {
    id,
    expectedVersion: input.expectedVersion,
    name: input.name,
    url: input.url === undefined ? undefined : acceptUrl(ctx, input.url),
    events: input.events === undefined ? undefined : [...new Set(input.events)],
    active: input.active,
    now: ctx.clock.now(),
  });
  if (!row) {
    throw await versionConflict(ctx, id, input.expectedVersion);
  }
  return toWebhookSubscriptionView(row);
};

/**
 * A new secret, answered once. The previous one keeps signing beside it (a second `v1=` in the signature header)
 * for `previousSecretValidHours` (default 24; 0 stops it at once), so receivers can switch without a gap.
 */
export const rotateWebhookSecret = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { expectedVersion: number; previousSecretValidHours?: number },
) => {
  await loadSubscriptionFor(ctx, actor, id, 'integration.manage');
  const secret = generateWebhookSecret();
  const now = ctx.clock.now();
  const hours = input.previousSecretValidHours ?? DEFAULT_PREVIOUS_SECRET_HOURS;
  const row = await rotateWebhookSubscriptionSecret(ctx.db, {
    id,
    expectedVersion: input.expectedVersion,
    secretCiphertext: await sealSecret(ctx, 'webhook-secret', id, secret),
    previousExpiresAt: new Date(now.getTime() + hours * 60 * 60 * 1000),
    now,
  });
  if (!row) {
    throw await versionConflict(ctx, id, input.expectedVersion);
  }
  return { subscription: toWebhookSubscriptionView(row), secret };
};

/** Deletes a subscription (soft: kept inactive with its deliveries and attempts, no longer listed or sent). */
export const deleteWebhook = async (ctx: AppContext, actor: Actor, id: string, input: { expectedVersion: number }) => {
  const { official } = await loadSubscriptionFor(ctx, actor, id, 'integration.manage');
  const deleted = await deleteWebhookSubscription(ctx.db, {
    id,
    expectedVersion: input.expectedVersion,
    deletedBy: official.userId,
    now: ctx.clock.now(),
  });
  if (!deleted) {
    throw await versionConflict(ctx, id, input.expectedVersion);
  }
};
