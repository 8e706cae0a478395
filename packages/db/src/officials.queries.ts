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
};

export const findUserCredentials = async (db: Db, username: string): Promise<UserCredentials | undefined> =>
  db
    .selectFrom('appUser')
    .select(['id', 'username', 'passwordHash', 'status'])
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
 * The role grants of sessions this process served lately, by session token hash, with the digest the database
 * computed of them (md5 of their JSON text). The session read sends the digest it knows; the database answers
 * the grants only when theirs differs, so an official with a hundred desks is not sent, parsed and mapped a
 * hundred grants on every request. Checked by the database on every request, so never stale; emptied whole
 * when full.
 */
const GRANTS_CACHE_MAX = 5_000;
const grantsBySession = new Map<string, { digest: string; grants: readonly GrantRecord[] }>();

type LiveSessionValues = { tokenHash: string; now: Date; knownDigest: string | null };

const liveSessionStatement = prepareQuery((db, value: ValueOf<LiveSessionValues>) =>
  db
    .selectFrom('userSession')
    .innerJoin('appUser', 'appUser.id', 'userSession.userId')
    .innerJoinLateral(
      // The grants as JSON text, camelCase keys, in the order of listUserGrants, and their digest.
      sql<{ digest: string; grants: string }>`(select md5(t.grants) as digest, t.grants from (
        select coalesce(json_agg(json_build_object(
          'agencyId', r.agency_id, 'agencyCode', a.code, 'agencyName', a.name, 'role', r.role,
          'includeSubagencies', r.include_subagencies, 'provinceCode', a.province_code) order by a.code, r.role), '[]')::text as grants
        from user_role r join agency a on a.id = r.agency_id
        where r.user_id = user_session.user_id) t)`.as('g'),
      (join) => join.onTrue(),
    )
    .select([
      'userSession.userId',
      'userSession.csrfToken',
      'userSession.lastSeenAt',
      'userSession.idleExpiresAt',
      'userSession.expiresAt',
      ...profileColumns,
      'g.digest as grantsDigest',
    ])
    .select(
      sql<string | null>`case when g.digest = ${value((v) => v.knownDigest)} then null else g.grants end`.as('grants'),
    )
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

/**
 * A live session with its active official and their role grants, in one statement (the per-request
 * authentication read): the live session (not expired, not idle too long, its user active), the user's
 * profile and role grants. Its text is compiled once (prepareQuery); grants unchanged since this process
 * last read them for the session are not sent again (grantsBySession).
 */
export const findLiveSessionOfficial = async (
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<LiveSessionOfficial | undefined> => {
  const known = grantsBySession.get(tokenHash);
  const row = (await liveSessionStatement.execute(db, { tokenHash, now, knownDigest: known?.digest ?? null })).rows[0];
  if (!row) {
    grantsBySession.delete(tokenHash);
    return undefined;
  }
  const { userId, csrfToken, lastSeenAt, idleExpiresAt, expiresAt, grants: sent, grantsDigest, ...profile } = row;
  let grants: readonly GrantRecord[];
  if (sent === null && known?.digest === grantsDigest) {
    grants = known.grants;
  } else {
    grants = JSON.parse(sent ?? '[]') as GrantRecord[];
    if (grantsBySession.size >= GRANTS_CACHE_MAX) {
      grantsBySession.clear();
    }
    grantsBySession.set(tokenHash, { digest: grantsDigest, grants });
  }
  return { userId, csrfToken, lastSeenAt, idleExpiresAt, expiresAt, profile, grants: grants.slice() };
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

export const deleteUserSessions = async (db: Db, userId: string): Promise<void> => {
  await db.deleteFrom('userSession').where('userId', '=', userId).execute();
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
