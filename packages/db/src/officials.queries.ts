import { type Kysely, sql, type Transaction } from 'kysely';
import { prepareQuery, type ValueOf } from './prepared-query.js';
import type { Database } from './schema.js';
import type { OfficialRole } from './tables/officials.js';

type Db = Kysely<Database> | Transaction<Database>;

export type UserCredentials = {
  id: string;
  username: string;
  passwordHash: string | null;
  status: 'active' | 'disabled';
  /** The official's province (null: none, e.g. the hosting centre's administrator). */
  provinceCode: string | null;
  hostingAdmin: boolean;
  /** The row version, the guard of the official's own password change. */
  version: number;
};

export const findUserCredentials = async (db: Db, username: string): Promise<UserCredentials | undefined> =>
  db
    .selectFrom('appUser')
    .select(['id', 'username', 'passwordHash', 'status', 'provinceCode', 'hostingAdmin', 'version'])
    .where('username', '=', username)
    .executeTakeFirst();

export type UserProfile = {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  status: 'active' | 'disabled';
  provinceCode: string | null;
  /** The hosting centre's administrator (migration 0050): no provincial role, the install's provinces only. */
  hostingAdmin: boolean;
  /** The password was set by someone else (migration 0058): changed before anything else is done. */
  passwordMustChange: boolean;
  version: number;
};

const profileColumns = [
  'appUser.id',
  'appUser.username',
  'appUser.fullName',
  'appUser.title',
  'appUser.email',
  'appUser.phone',
  'appUser.status',
  'appUser.provinceCode',
  'appUser.hostingAdmin',
  'appUser.passwordMustChange',
  'appUser.version',
] as const;

export const findUserProfile = async (db: Db, userId: string): Promise<UserProfile | undefined> =>
  db.selectFrom('appUser').select(profileColumns).where('appUser.id', '=', userId).executeTakeFirst();

export type GrantRecord = {
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  role: OfficialRole;
  includeSubagencies: boolean;
  provinceCode: string | null;
};

/** The roles a user holds, with the agencies they are held in. */
export const listUserGrants = async (db: Db, userId: string): Promise<GrantRecord[]> =>
  db
    .selectFrom('userRole')
    .innerJoin('agency', 'agency.id', 'userRole.agencyId')
    .select([
      'userRole.agencyId',
      'agency.code as agencyCode',
      'agency.name as agencyName',
      'userRole.role',
      'userRole.includeSubagencies',
      'agency.provinceCode',
    ])
    .where('userRole.userId', '=', userId)
    .orderBy('agency.code')
    .orderBy('userRole.role')
    .execute();

export type SessionRecord = {
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  expiresAt: Date;
};

export const insertSession = async (
  db: Db,
  session: { tokenHash: string; userId: string; csrfToken: string; idleExpiresAt: Date; expiresAt: Date },
): Promise<void> => {
  await db.insertInto('userSession').values(session).execute();
};

/** A live session (not expired, user active) by token hash. */
export type LiveSessionOfficial = SessionRecord & { profile: UserProfile; grants: GrantRecord[] };

/**
 * The role grants this process read lately, by official, under the two numbers that change when they may:
 * the official's grants revision (migration 0033: bumped by every write of their user_role rows) and the
 * reference revision (migration 0014: bumped by every write of agency, whose code, name and province a grant
 * carries). The session read answers both numbers; the grants are read again only when either differs. Checked
 * by the database on every request, so never stale, whichever process changed them; emptied whole when full.
 */
const GRANTS_CACHE_MAX = 5_000;
type CachedGrants = { grantsRevision: string; referenceRevision: string; grants: readonly GrantRecord[] };
const grantsByUser = new Map<string, CachedGrants>();

type LiveSessionValues = { tokenHash: string; now: Date };

const liveSessionStatement = prepareQuery((db, value: ValueOf<LiveSessionValues>) =>
  db
    .selectFrom('userSession')
    .innerJoin('appUser', 'appUser.id', 'userSession.userId')
    .select([
      'userSession.userId',
      'userSession.csrfToken',
      'userSession.lastSeenAt',
      'userSession.idleExpiresAt',
      'userSession.expiresAt',
      ...profileColumns,
      sql<string>`app_user.grants_revision::text`.as('grantsRevision'),
      sql<string>`(select revision::text from reference_revision where id)`.as('referenceRevision'),
    ])
    .where(
      'userSession.tokenHash',
      '=',
      value((v) => v.tokenHash),
    )
    .where(
      'userSession.expiresAt',
      '>',
      value((v) => v.now),
    )
    .where(
      'userSession.idleExpiresAt',
      '>',
      value((v) => v.now),
    )
    .where('appUser.status', '=', 'active'),
);

/** A live session as findLiveSessionOfficial answers it, with the reference revision read in the same statement. */
export type LiveSession = LiveSessionOfficial & { referenceRevision: number };

/**
 * A live session with its active official and their role grants (the per-request authentication read): the
 * live session (not expired, not idle too long, its user active), the user's profile, and in the same
 * statement the official's grants revision and the reference revision. The grants come from this process's
 * cache when both numbers match what it read them under (grantsByUser), else from a second read. The
 * reference revision is answered too, so the request's reference reader need not read it again.
 */
export const findLiveSessionOfficial = async (
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<LiveSession | undefined> => {
  const row = (await liveSessionStatement.execute(db, { tokenHash, now })).rows[0];
  if (!row) {
    return undefined;
  }
  const { userId, csrfToken, lastSeenAt, idleExpiresAt, expiresAt, grantsRevision, referenceRevision, ...profile } =
    row;
  let cached = grantsByUser.get(userId);
  if (cached?.grantsRevision !== grantsRevision || cached.referenceRevision !== referenceRevision) {
    cached = { grantsRevision, referenceRevision, grants: await listUserGrants(db, userId) };
    if (grantsByUser.size >= GRANTS_CACHE_MAX) {
      grantsByUser.clear();
    }
    grantsByUser.set(userId, cached);
  }
  return {
    userId,
    csrfToken,
    lastSeenAt,
    idleExpiresAt,
    expiresAt,
    profile,
    grants: cached.grants.slice(),
    referenceRevision: Number(referenceRevision),
  };
};

export const touchSession = async (db: Db, tokenHash: string, now: Date, idleExpiresAt: Date): Promise<void> => {
  await db
    .updateTable('userSession')
    .set({ lastSeenAt: now, idleExpiresAt })
    .where('tokenHash', '=', tokenHash)
    .execute();
};

export const deleteSession = async (db: Db, tokenHash: string): Promise<void> => {
  await db.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute();
};

/** Ends an official's sessions, all of them or all but one (the caller's own, after changing their password). */
export const deleteUserSessions = async (
  db: Db,
  userId: string,
  options: { exceptTokenHash?: string | undefined } = {},
): Promise<void> => {
  let statement = db.deleteFrom('userSession').where('userId', '=', userId);
  if (options.exceptTokenHash !== undefined) {
    statement = statement.where('tokenHash', '<>', options.exceptTokenHash);
  }
  await statement.execute();
};

export const deleteExpiredSessions = async (db: Db, now: Date): Promise<number> => {
  const result = await db
    .deleteFrom('userSession')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('idleExpiresAt', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
};

export type ApiTokenRecord = {
  id: string;
  userId: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

const tokenColumns = [
  'apiToken.id',
  'apiToken.userId',
  'apiToken.name',
  'apiToken.tokenPrefix',
  'apiToken.createdAt',
  'apiToken.lastUsedAt',
  'apiToken.expiresAt',
  'apiToken.revokedAt',
] as const;

export const insertApiToken = async (
  db: Db,
  token: { userId: string; name: string; tokenPrefix: string; tokenHash: string; expiresAt: Date | null },
): Promise<ApiTokenRecord> => db.insertInto('apiToken').values(token).returning(tokenColumns).executeTakeFirstOrThrow();

/** A usable token (not revoked or expired, its user active) by hash. */
export const findUsableApiToken = async (db: Db, tokenHash: string, now: Date): Promise<ApiTokenRecord | undefined> =>
  db
    .selectFrom('apiToken')
    .innerJoin('appUser', 'appUser.id', 'apiToken.userId')
    .select(tokenColumns)
    .where('apiToken.tokenHash', '=', tokenHash)
    .where('apiToken.revokedAt', 'is', null)
    .where((eb) => eb.or([eb('apiToken.expiresAt', 'is', null), eb('apiToken.expiresAt', '>', now)]))
    .where('appUser.status', '=', 'active')
    .executeTakeFirst();

export const markApiTokenUsed = async (db: Db, id: string, now: Date): Promise<void> => {
  await db.updateTable('apiToken').set({ lastUsedAt: now }).where('id', '=', id).execute();
};

export const listApiTokens = async (db: Db, userId: string): Promise<ApiTokenRecord[]> =>
  db.selectFrom('apiToken').select(tokenColumns).where('userId', '=', userId).orderBy('createdAt', 'desc').execute();

/** Revokes a token of this user; returns false when there is no such token. Revoking twice is harmless. */
export const revokeApiToken = async (db: Db, input: { userId: string; id: string; now: Date }): Promise<boolean> => {
  const result = await db
    .updateTable('apiToken')
    .set((eb) => ({ revokedAt: eb.fn.coalesce('revokedAt', eb.val(input.now)) }))
    .where('id', '=', input.id)
    .where('userId', '=', input.userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/**
 * Counts an attempt against a throttle key in a fixed window, atomically. Returns the count in the
 * current window after this attempt (a new window starts when the old one has passed).
 */
export const hitThrottle = async (db: Db, input: { key: string; now: Date; windowMs: number }): Promise<number> => {
  const windowStart = new Date(input.now.getTime() - input.windowMs);
  const row = await db
    .insertInto('loginThrottle')
    .values({ key: input.key, windowStartedAt: input.now, attempts: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when login_throttle.window_started_at <= ${windowStart} then 1 else login_throttle.attempts + 1 end`,
        windowStartedAt: sql<Date>`case when login_throttle.window_started_at <= ${windowStart} then ${input.now} else login_throttle.window_started_at end`,
      }),
    )
    .returning(['attempts'])
    .executeTakeFirstOrThrow();
  return row.attempts;
};

/** The current window of a throttle key, if it has not expired. */
export const findThrottle = async (
  db: Db,
  input: { key: string; now: Date; windowMs: number },
): Promise<{ attempts: number; windowStartedAt: Date } | undefined> =>
  db
    .selectFrom('loginThrottle')
    .select(['attempts', 'windowStartedAt'])
    .where('key', '=', input.key)
    .where('windowStartedAt', '>', new Date(input.now.getTime() - input.windowMs))
    .executeTakeFirst();

export const clearThrottle = async (db: Db, key: string): Promise<void> => {
  await db.deleteFrom('loginThrottle').where('key', '=', key).execute();
};
