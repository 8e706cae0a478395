import { clearThrottle, findThrottle, findUserCredentials, hitThrottle, insertSession } from '@motcua/db';
import { decideFailedSignIn, decideSignInGate, SIGN_IN_LIMITS } from '@motcua/domain';
import { describeLockout } from '../../auth/lockout.js';
import { verifyPassword } from '../../auth/passwords.js';
import { generateSecret, hashSecret } from '../../auth/secrets.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './resolve-actor.js';

export type LoginInput = {
  username: string;
  password: string;
  clientAddress: string;
  /** The province owning the request's host name; undefined on a host no province owns (anyone may sign in). */
  hostProvince?: string | undefined;
};
export type LoginResult = { sessionToken: string; csrfToken: string; userId: string };

/**
 * Sign-in throttling (rules in @motcua/domain/access/sign-in-throttle): failures are counted per
 * username (existing or not, so the lock reveals nothing) and per hashed client address, in the
 * database so every instance sees the same counts. Only the account's count can refuse an attempt
 * before the password is checked; the address's count only slows that address's failed attempts.
 */
export const checkSignInThrottle = async (
  ctx: AppContext,
  input: { accountKey: string; addressKey: string },
): Promise<{ recordFailure: (code?: 'INVALID_CREDENTIALS' | 'CURRENT_PASSWORD_WRONG') => Promise<never> }> => {
  const now = ctx.clock.now();
  const account = await findThrottle(ctx.db, {
    key: input.accountKey,
    now,
    windowMs: SIGN_IN_LIMITS.accountWindowMs,
  });
  const gate = decideSignInGate({
    account: account && { attempts: account.attempts, windowStartedAt: account.windowStartedAt.getTime() },
    now: now.getTime(),
  });
  if (gate.kind === 'account_locked') {
    throw new AppError('ACCOUNT_LOCKED', describeLockout(gate.retryAfterSeconds, now));
  }
  return {
    // The sign-in answers INVALID_CREDENTIALS; a wrong current password in a password change counts the same.
    recordFailure: async (code = 'INVALID_CREDENTIALS') => {
      await hitThrottle(ctx.db, { key: input.accountKey, now, windowMs: SIGN_IN_LIMITS.accountWindowMs });
      const addressFailures = await hitThrottle(ctx.db, {
        key: input.addressKey,
        now,
        windowMs: SIGN_IN_LIMITS.addressWindowMs,
      });
      const answer = decideFailedSignIn({ addressFailures });
      if (answer.kind === 'address_slowed') {
        throw new AppError('SIGN_IN_SLOWED', { retryAfter: answer.retryAfterSeconds });
      }
      throw new AppError(code);
    },
  };
};

/** The throttle key of a client address: hashed, so the throttle table holds no personal data in clear. */
export const signInAddressKey = (clientAddress: string): string => `addr:${hashSecret(clientAddress)}`;

export const login = async (ctx: AppContext, input: LoginInput): Promise<LoginResult> => {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const userKey = `user:${username}`;
  const addressKey = signInAddressKey(input.clientAddress);
  const throttle = await checkSignInThrottle(ctx, { accountKey: userKey, addressKey });

  const user = await findUserCredentials(ctx.db, username);
  const valid = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !valid) {
    return throttle.recordFailure();
  }
  if (user.status !== 'active') {
    throw new AppError('ACCOUNT_DISABLED');
  }
  // Each province's portal signs in its own officials (issue 22 item 4); the hosting centre's administrator
  // serves every province. Checked after the password, so the refusal tells a stranger nothing.
  if (
    input.hostProvince !== undefined &&
    !user.hostingAdmin &&
    user.provinceCode !== null &&
    user.provinceCode !== input.hostProvince
  ) {
    throw new AppError('OFFICIAL_OTHER_PROVINCE');
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
