import { foldVietnamese } from '@motcua/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { OfficialRole } from './tables/officials.js';

type Db = Kysely<Database> | Transaction<Database>;

export type UserListItem = {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  status: 'active' | 'disabled';
  provinceCode: string | null;
  version: number;
};

/** Users holding at least one role in one of the given agencies, searched by name or username. */
export const searchUsersInAgencies = async (
  db: Db,
  input: { agencyIds: string[]; foldedQuery?: string; limit: number; offset: number },
): Promise<{ items: UserListItem[]; total: number }> => {
  if (input.agencyIds.length === 0) {
    return { items: [], total: 0 };
  }
  let query = db
    .selectFrom('appUser')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('userRole')
          .select('userRole.userId')
          .whereRef('userRole.userId', '=', 'appUser.id')
          .where('userRole.agencyId', 'in', input.agencyIds),
      ),
    );
  if (input.foldedQuery) {
    const pattern = `%${input.foldedQuery.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where('appUser.searchText', 'like', pattern);
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst();
  const items = await query
    .select([
      'appUser.id',
      'appUser.username',
      'appUser.fullName',
      'appUser.title',
      'appUser.status',
      'appUser.provinceCode',
      'appUser.version',
    ])
    .orderBy('appUser.username')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { items, total: count?.total ?? 0 };
};

export const insertUser = async (
  db: Db,
  user: {
    username: string;
    fullName: string;
    title: string | null;
    email: string | null;
    phone: string | null;
    passwordHash: string;
    provinceCode: string | null;
    now: Date;
    /** The hosting centre's administrator (migration 0050): only with provinceCode null. */
    hostingAdmin?: boolean;
    /** Someone else chose the password (a one-time or administrator-set one): changed at the first sign-in (0058). */
    passwordMustChange?: boolean;
  },
): Promise<{ id: string } | undefined> =>
  db
    .insertInto('appUser')
    .values({
      username: user.username,
      fullName: user.fullName,
      title: user.title,
      email: user.email,
      phone: user.phone,
      searchText: foldVietnamese(`${user.fullName} ${user.username}`),
      passwordHash: user.passwordHash,
      provinceCode: user.provinceCode,
      passwordChangedAt: user.now,
      hostingAdmin: user.hostingAdmin ?? false,
      passwordMustChange: user.passwordMustChange ?? false,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();

export const insertUserRole = async (
  db: Db,
  role: { userId: string; agencyId: string; role: OfficialRole; includeSubagencies: boolean; grantedBy: string | null },
): Promise<void> => {
  await db
    .insertInto('userRole')
    .values(role)
    .onConflict((oc) =>
      oc.columns(['userId', 'agencyId', 'role']).doUpdateSet({ includeSubagencies: role.includeSubagencies }),
    )
    .execute();
};

export const deleteUserRole = async (
  db: Db,
  role: { userId: string; agencyId: string; role: OfficialRole },
): Promise<boolean> => {
  const result = await db
    .deleteFrom('userRole')
    .where('userId', '=', role.userId)
    .where('agencyId', '=', role.agencyId)
    .where('role', '=', role.role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
};

/** Updates profile fields guarded by the row version; undefined when the version is stale or the user is gone. */
export const updateUserProfile = async (
  db: Db,
  input: {
    id: string;
    expectedVersion: number;
    changes: Partial<{
      fullName: string;
      title: string | null;
      email: string | null;
      phone: string | null;
      status: 'active' | 'disabled';
    }>;
  },
): Promise<{ version: number } | undefined> =>
  db
    .updateTable('appUser')
    .set({
      ...input.changes,
      ...(input.changes.fullName !== undefined
        ? { searchText: sql<string>`${foldVietnamese(input.changes.fullName)} || ' ' || username` }
        : {}),
      version: sql<number>`version + 1`,
      updatedAt: new Date(),
    })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returning('version')
    .executeTakeFirst();

/**
 * Sets a password and says whether the official must change it at the next sign-in (migration 0058): true when
 * someone else set it (an administrator's reset), false when the official chose it. With expectedVersion the
 * update is guarded by the row version (the official's own change): undefined when it is stale or the user gone.
 */
export const updateUserPassword = async (
  db: Db,
  input: { id: string; passwordHash: string; mustChange: boolean; now: Date; expectedVersion?: number | undefined },
): Promise<{ version: number } | undefined> => {
  let update = db
    .updateTable('appUser')
    .set({
      passwordHash: input.passwordHash,
      passwordMustChange: input.mustChange,
      passwordChangedAt: input.now,
      version: sql<number>`version + 1`,
      updatedAt: input.now,
    })
    .where('id', '=', input.id);
  if (input.expectedVersion !== undefined) {
    update = update.where('version', '=', input.expectedVersion);
  }
  return update.returning('version').executeTakeFirst();
};
