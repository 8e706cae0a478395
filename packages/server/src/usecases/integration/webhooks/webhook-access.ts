import { findWebhookSubscription, type WebhookSubscriptionRecord } from '@motcua/db';
import { type Action, isAllowed } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors/app-error.js';

export const WEBHOOK_RESOURCE = { vi: 'đăng ký webhook', en: 'webhook subscription' };

/**
 * Loads a subscription for an action of the actor: a subscription of a province the actor holds no role in is
 * answered as not found (another province's administrator sees nothing); an official of the province without
 * the permission is refused (403).
 */
export const loadSubscriptionFor = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: Action,
): Promise<{ official: OfficialActor; subscription: WebhookSubscriptionRecord }> => {
  const official = requireOfficial(actor);
  const subscription = await findWebhookSubscription(ctx.db, id);
  if (!subscription || !official.grants.some((grant) => grant.provinceCode === subscription.provinceCode)) {
    throw notFound(WEBHOOK_RESOURCE);
  }
  if (!isAllowed(official.grants, action, { kind: 'province', provinceCode: subscription.provinceCode })) {
    throw new AppError('FORBIDDEN');
  }
  return { official, subscription };
};

/** A keyset cursor: the last row's instant and id, opaque to the client. */
export const encodeCursor = (at: Date, id: string | number): string =>
  Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString('base64url');

export const decodeCursor = (cursor: string | undefined): { at: string; id: string } | undefined => {
  if (!cursor) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof parsed.at === 'string' && !Number.isNaN(Date.parse(parsed.at)) && parsed.id !== undefined) {
      return { at: parsed.at, id: String(parsed.id) };
    }
  } catch {
    // fall through
  }
  throw new AppError(
    'VALIDATION_FAILED',
    {},
    { fieldProblems: [{ in: 'query', pointer: '/cursor', code: 'CURSOR', message: 'bad cursor' }] },
  );
};
