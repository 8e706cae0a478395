import {
  clearThrottle,
  deleteCitizenSession,
  findCitizen,
  findCitizenByUsername,
  findLiveCitizenSession,
  insertCitizenSession,
  markCitizenLogin,
  touchCitizenSession,
  updateCitizenContact,
} from '@motcua/db';
import type { Actor, CitizenActor } from '../../../auth/actor.js';
import { verifyPassword } from '../../../auth/passwords.js';
import { generateSecret, hashSecret } from '../../../auth/secrets.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { checkSignInThrottle } from '../../auth/login.js';

/** Citizen sessions end after 8 hours, or after 2 hours without activity (a shared computer at a kiosk). */
export const CITIZEN_SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
export const CITIZEN_SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** The citizen behind a portal cookie, if the session is live; slides its idle expiry now and then. */
export const findCitizenSessionActor = async (ctx: AppContext, token: string): Promise<CitizenActor | undefined> => {
  const tokenHash = hashSecret(token);
  const now = ctx.clock.now();
  const session = await findLiveCitizenSession(ctx.db, tokenHash, now);
  if (!session) {
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const idle = new Date(Math.min(now.getTime() + CITIZEN_SESSION_IDLE_MS, session.expiresAt.getTime()));
    await touchCitizenSession(ctx.db, tokenHash, now, idle);
  }
  return {
    kind: 'citizen',
    citizenId: session.citizenId,
    fullName: session.fullName,
    session: { tokenHash, csrfToken: session.csrfToken },
  };
};

/** Throws UNAUTHENTICATED unless a citizen is signed in. */
export const requireCitizen = (actor: Actor): CitizenActor => {
  if (actor.kind !== 'citizen') {
    throw new AppError('UNAUTHENTICATED');
  }
  return actor;
};

/** Opens a session for a citizen; the token goes in the cookie, only its hash is stored. */
export const openCitizenSession = async (
  ctx: AppContext,
  citizenId: string,
): Promise<{ sessionToken: string; csrfToken: string }> => {
  const now = ctx.clock.now();
  const sessionToken = generateSecret();
  const csrfToken = generateSecret();
  await insertCitizenSession(ctx.db, {
    tokenHash: hashSecret(sessionToken),
    citizenId,
    csrfToken,
    idleExpiresAt: new Date(now.getTime() + CITIZEN_SESSION_IDLE_MS),
    expiresAt: new Date(now.getTime() + CITIZEN_SESSION_ABSOLUTE_MS),
  });
  return { sessionToken, csrfToken };
};

/**
 * Sign-in with a local citizen account (the demo account; real citizens sign in through VNeID).
 * Throttled like officials' sign-in: per username and per (hashed) client address, in the database.
 */
export const loginLocalCitizen = async (
  ctx: AppContext,
  input: { username: string; password: string; clientAddress: string },
): Promise<{ sessionToken: string; csrfToken: string; citizenId: string }> => {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const userKey = `citizen:${username}`;
  const addressKey = `citizen-addr:${hashSecret(input.clientAddress)}`;
  const throttle = await checkSignInThrottle(ctx, { accountKey: userKey, addressKey });
  const citizen = await findCitizenByUsername(ctx.db, username);
  const valid = await verifyPassword(input.password, citizen?.passwordHash);
  if (!citizen || !valid) {
    return throttle.recordFailure();
  }
  if (citizen.status !== 'active') {
    throw new AppError('ACCOUNT_DISABLED');
  }
  await clearThrottle(ctx.db, userKey);
  await markCitizenLogin(ctx.db, citizen.id, now);
  return { ...(await openCitizenSession(ctx, citizen.id)), citizenId: citizen.id };
};

/** Ends the citizen's session (a no-op for anybody else). */
export const logoutCitizen = async (ctx: AppContext, actor: Actor): Promise<void> => {
  if (actor.kind === 'citizen') {
    await deleteCitizenSession(ctx.db, actor.session.tokenHash);
  }
};

/** The signed-in citizen's profile (for prefilling forms) and the CSRF token for writes. */
export const describeCitizen = async (ctx: AppContext, citizenId: string, csrfToken: string) => {
  const citizen = await findCitizen(ctx.db, citizenId);
  if (!citizen) {
    throw new AppError('UNAUTHENTICATED');
  }
  return {
    id: citizen.id,
    source: citizen.source,
    accountKind: citizen.accountKind,
    fullName: citizen.fullName,
    idNumber: citizen.idNumber,
    dateOfBirth: citizen.dateOfBirth,
    address: citizen.address,
    communeCode: citizen.communeCode,
    phone: citizen.phone,
    email: citizen.email,
    taxCode: citizen.taxCode,
    organisationName: citizen.organisationName,
    csrfToken,
  };
};

/** The citizen changes the phone and email notifications go to (identity fields come from the provider). */
export const updateMyContact = async (
  ctx: AppContext,
  actor: Actor,
  input: { phone?: string | null | undefined; email?: string | null | undefined },
) => {
  const citizen = requireCitizen(actor);
  await updateCitizenContact(ctx.db, { id: citizen.citizenId, ...input, now: ctx.clock.now() });
  return describeCitizen(ctx, citizen.citizenId, citizen.session.csrfToken);
};
