import { clearThrottle, findThrottle, findUserCredentials, hitThrottle, insertSession } from '@motcua/db';
import { describeLockout } from '../../auth/lockout.js';
import { verifyPassword } from '../../auth/passwords.js';
import { generateSecret, hashSecret } from '../../auth/secrets.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './resolve-actor.js';

/**
 * Login throttling. Failures are counted per username (existing or not, so the lock reveals nothing)
 * and per client address, in the database so every instance sees the same counts.
 */
export const LOGIN_LIMITS = {
  userFailures: 5,
  userWindowMs: 15 * 60 * 1000,
  addressFailures: 30,
  addressWindowMs: 15 * 60 * 1000,
} as const;

export type LoginInput = { username: string; password: string; clientAddress: string };
export type LoginResult = { sessionToken: string; csrfToken: string; userId: string };

const retryAfterSeconds = (windowStartedAt: Date, windowMs: number, now: Date): number =>
  Math.max(1, Math.ceil((windowStartedAt.getTime() + windowMs - now.getTime()) / 1000));

export const login = async (ctx: AppContext, input: LoginInput): Promise<LoginResult> => {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const userKey = `user:${username}`;
  // The address is hashed: the throttle table holds no personal data in clear.
  const addressKey = `addr:${hashSecret(input.clientAddress)}`;

  for (const [key, limit, windowMs] of [
    [userKey, LOGIN_LIMITS.userFailures, LOGIN_LIMITS.userWindowMs],
    [addressKey, LOGIN_LIMITS.addressFailures, LOGIN_LIMITS.addressWindowMs],
  ] as const) {
    const throttle = await findThrottle(ctx.db, { key, now, windowMs });
    if (throttle && throttle.attempts >= limit) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        describeLockout(retryAfterSeconds(throttle.windowStartedAt, windowMs, now), now),
      );
    }
  }

  const user = await findUserCredentials(ctx.db, username);
  const valid = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !valid) {
    await hitThrottle(ctx.db, { key: userKey, now, windowMs: LOGIN_LIMITS.userWindowMs });
    await hitThrottle(ctx.db, { key: addressKey, now, windowMs: LOGIN_LIMITS.addressWindowMs });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    throw new AppError('ACCOUNT_DISABLED');
  }
  await clearThrottle(ctx.db, userKey);
  const sessionToken = generateSecret();
  const csrfToken = generateSecret();
  await insertSession(ctx.db, {
    tokenHash: hashSecret(sessionToken),
    userId: user.id,
    csrfToken,
    idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
  return { sessionToken, csrfToken, userId: user.id };
};
