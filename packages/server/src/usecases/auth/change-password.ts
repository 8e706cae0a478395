import {
  clearThrottle,
  deleteUserSessions,
  findUserCredentials,
  findUserProfile,
  updateUserPassword,
} from '@motcua/db';
import type { Actor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import { assertStrongPassword, hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { checkSignInThrottle, signInAddressKey } from './login.js';

export type ChangeOwnPasswordInput = {
  currentPassword: string;
  newPassword: string;
  /** The request's address: a wrong current password counts toward the sign-in throttle of the account and address. */
  clientAddress: string;
};

/**
 * An official changes their own password ("Đổi mật khẩu"), in a session only: an API token is no proof of the
 * password (403 PASSWORD_CHANGE_NEEDS_SESSION). The current password is checked like a sign-in: a wrong one answers
 * 403 CURRENT_PASSWORD_WRONG and counts toward the account's lockout (login.ts checkSignInThrottle), so a stolen
 * session cannot guess it. The new one must pass the rules of every official's password (422 WEAK_PASSWORD) and
 * differ from the current one (422 PASSWORD_UNCHANGED). In one transaction, guarded by the row version read with
 * the current password (409 VERSION_CONFLICT when another change came first): the new hash, the must-change mark
 * of a password someone else set cleared (migration 0058), and the official's other sessions ended — this one
 * stays signed in.
 */
export const changeOwnPassword = async (
  ctx: AppContext,
  actor: Actor,
  input: ChangeOwnPasswordInput,
): Promise<void> => {
  const official = requireOfficial(actor);
  if (official.via !== 'session' || !official.session) {
    throw new AppError('PASSWORD_CHANGE_NEEDS_SESSION');
  }
  const accountKey = `user:${official.username}`;
  const throttle = await checkSignInThrottle(ctx, {
    accountKey,
    addressKey: signInAddressKey(input.clientAddress),
  });
  const credentials = await findUserCredentials(ctx.db, official.username);
  if (credentials?.id !== official.userId) {
    throw new AppError('UNAUTHENTICATED');
  }
  if (!(await verifyPassword(input.currentPassword, credentials.passwordHash))) {
    return throttle.recordFailure('CURRENT_PASSWORD_WRONG');
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('PASSWORD_UNCHANGED');
  }
  assertStrongPassword(input.newPassword, official.username);
  const passwordHash = await hashPassword(input.newPassword);
  const sessionTokenHash = official.session.tokenHash;
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateUserPassword(trx, {
      id: official.userId,
      passwordHash,
      mustChange: false,
      now: ctx.clock.now(),
      expectedVersion: credentials.version,
    });
    if (!updated) {
      const current = await findUserProfile(trx, official.userId);
      throw new AppError('VERSION_CONFLICT', { current: current?.version ?? '—', sent: credentials.version });
    }
    await deleteUserSessions(trx, official.userId, { exceptTokenHash: sessionTokenHash });
  });
  // The account proved its password: earlier failures no longer count toward its lockout (as a sign-in).
  await clearThrottle(ctx.db, accountKey);
};
