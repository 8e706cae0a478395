import {
  findLiveSessionOfficial,
  findUsableApiToken,
  findUserProfile,
  type GrantRecord,
  listUserGrants,
  markApiTokenUsed,
  touchSession,
  type UserProfile,
} from '@motcua/db';
import type { RoleGrant } from '@motcua/domain';
import type { OfficialActor } from '../../auth/actor.js';
import { hashSecret } from '../../auth/secrets.js';
import type { AppContext } from '../../context.js';

/** Sessions end after 12 hours, or after 4 hours without activity. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 4 * 60 * 60 * 1000;
// Sliding the idle expiry on every request would write on every read; once per 5 minutes is enough.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export const loadOfficial = async (
  ctx: AppContext,
  userId: string,
  via: OfficialActor['via'],
): Promise<OfficialActor | undefined> => {
  const profile = await findUserProfile(ctx.db, userId);
  if (profile?.status !== 'active') {
    return undefined;
  }
  return toOfficialActor(profile, await listUserGrants(ctx.db, userId), via);
};

const toOfficialActor = (profile: UserProfile, grants: GrantRecord[], via: OfficialActor['via']): OfficialActor => ({
  kind: 'official',
  userId: profile.id,
  username: profile.username,
  fullName: profile.fullName,
  provinceCode: profile.provinceCode,
  hostingAdmin: profile.hostingAdmin,
  passwordMustChange: profile.passwordMustChange,
  grants: grants.map(
    (g): RoleGrant => ({
      agencyId: g.agencyId,
      role: g.role,
      includeSubagencies: g.includeSubagencies,
      provinceCode: g.provinceCode,
    }),
  ),
  via,
});

/**
 * The official behind a session cookie, if the session is live; slides its idle expiry. One read per request
 * (a second when the official's grants changed since this process last read them).
 */
export const findSessionActor = async (ctx: AppContext, sessionToken: string): Promise<OfficialActor | undefined> => {
  const tokenHash = hashSecret(sessionToken);
  const now = ctx.clock.now();
  const session = await findLiveSessionOfficial(ctx.db, tokenHash, now);
  if (!session) {
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const idle = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, session.expiresAt.getTime()));
    await touchSession(ctx.db, tokenHash, now, idle);
  }
  return {
    ...toOfficialActor(session.profile, session.grants, 'session'),
    session: { tokenHash, csrfToken: session.csrfToken },
    referenceRevision: session.referenceRevision,
  };
};

/** The official behind an API token (`Authorization: Bearer mct_…`), if the token is usable. */
export const findTokenActor = async (ctx: AppContext, token: string): Promise<OfficialActor | undefined> => {
  const now = ctx.clock.now();
  const record = await findUsableApiToken(ctx.db, hashSecret(token), now);
  if (!record) {
    return undefined;
  }
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    await markApiTokenUsed(ctx.db, record.id, now);
  }
  return loadOfficial(ctx, record.userId, 'token');
};
