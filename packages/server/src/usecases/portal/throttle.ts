import { findThrottle } from '@motcua/db';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

const retryAfterSeconds = (windowStartedAt: Date, windowMs: number, now: Date): number =>
  Math.max(1, Math.ceil((windowStartedAt.getTime() + windowMs - now.getTime()) / 1000));

/** Throws RATE_LIMITED when a throttle key is over its limit; `retryAfter` in seconds. */
export const enforceThrottle = async (
  ctx: AppContext,
  input: { key: string; limit: number; windowMs: number },
): Promise<void> => {
  const now = ctx.clock.now();
  const throttle = await findThrottle(ctx.db, { key: input.key, now, windowMs: input.windowMs });
  if (throttle && throttle.attempts >= input.limit) {
    throw new AppError('RATE_LIMITED', {
      retryAfter: retryAfterSeconds(throttle.windowStartedAt, input.windowMs, now),
    });
  }
};
