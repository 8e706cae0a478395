import {
  deleteUserRole,
  deleteUserSessions,
  findAgency,
  findUserProfile,
  insertUser,
  insertUserRole,
  listAgencyIdsOfProvinces,
  listScopeAgencyIds,
  listUserGrants,
  searchUsersInAgencies,
  updateUserPassword,
  updateUserProfile,
} from '@motcua/db';
import { foldVietnamese, isAllowed, type OfficialRole, ROLE_DEFINITIONS } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { authorizeAgencyAction, requireOfficial } from '../../auth/authorize.js';
import { assertStrongPassword, hashPassword } from '../../auth/passwords.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors/app-error.js';

const USER = { vi: 'người dùng', en: 'user' } as const;
const AGENCY = { vi: 'cơ quan', en: 'agency' } as const;

/** The agencies whose users the actor may read (roles with user.read, with sub-agencies where granted). */
const userScope = async (ctx: AppContext, official: OfficialActor, action: 'user.read' | 'user.manage') => {
  const provinceWide = official.grants.filter(
    (g) =>
      ROLE_DEFINITIONS[g.role].provinceWide &&
      isAllowed([g], action, { kind: 'province', provinceCode: g.provinceCode ?? '' }),
  );
  const provinceAgencyIds = await listAgencyIdsOfProvinces(
    ctx.db,
    provinceWide.map((g) => g.provinceCode ?? ''),
  );
  const grants = official.grants.filter((g) =>
    (ROLE_DEFINITIONS[g.role].actions as readonly string[]).includes(action),
  );
  const ids = await listScopeAgencyIds(ctx.db, grants);
  return [...new Set([...ids, ...provinceAgencyIds])];
};

export const findUsers = async (
  ctx: AppContext,
  actor: Actor,
  input: { agencyId?: string | undefined; q?: string | undefined; page: number; pageSize: number },
) => {
  const official = requireOfficial(actor);
  let agencyIds: string[];
  if (input.agencyId) {
    await authorizeAgencyAction(ctx, actor, 'user.read', input.agencyId, AGENCY);
    agencyIds = [input.agencyId];
  } else {
    agencyIds = await userScope(ctx, official, 'user.read');
    if (agencyIds.length === 0) {
      throw new AppError('FORBIDDEN');
    }
  }
  return searchUsersInAgencies(ctx.db, {
    agencyIds,
    ...(input.q ? { foldedQuery: foldVietnamese(input.q) } : {}),
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
};

/** A user the actor may read: one holding a role in an agency within the actor's user.read scope. */
const getVisibleUser = async (ctx: AppContext, actor: Actor, userId: string, action: 'user.read' | 'user.manage') => {
  const official = requireOfficial(actor);
  const profile = await findUserProfile(ctx.db, userId);
  const grants = profile ? await listUserGrants(ctx.db, userId) : [];
  const readScope = new Set(await userScope(ctx, official, 'user.read'));
  if (!profile || !grants.some((g) => readScope.has(g.agencyId))) {
    throw notFound(USER);
  }
  if (action === 'user.manage') {
    const manageScope = new Set(await userScope(ctx, official, 'user.manage'));
    if (!grants.some((g) => manageScope.has(g.agencyId))) {
      throw new AppError('FORBIDDEN');
    }
  }
  return { profile, grants };
};

export const getUser = async (ctx: AppContext, actor: Actor, userId: string) => {
  const { profile, grants } = await getVisibleUser(ctx, actor, userId, 'user.read');
  return {
    ...profile,
    roles: grants.map((g) => ({ ...g, roleLabel: ROLE_DEFINITIONS[g.role].label })),
  };
};

export type RoleInput = { agencyId: string; role: OfficialRole; includeSubagencies?: boolean | undefined };

/**
 * Granting a role in an agency needs user.manage there; only a province administrator may make
 * another province administrator, and only in their own province.
 */
const authorizeGrant = async (ctx: AppContext, actor: Actor, role: RoleInput): Promise<OfficialActor> => {
  const official = await authorizeAgencyAction(ctx, actor, 'user.manage', role.agencyId, AGENCY);
  if (role.role === 'province_admin') {
    const agency = await findAgency(ctx.db, role.agencyId);
    const allowed = official.grants.some(
      (g) => g.role === 'province_admin' && g.provinceCode !== null && g.provinceCode === agency?.provinceCode,
    );
    if (!allowed) {
      throw new AppError('ROLE_OUT_OF_SCOPE');
    }
  }
  return official;
};

export const createUser = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    username: string;
    fullName: string;
    title?: string | undefined;
    email?: string | undefined;
    phone?: string | undefined;
    password: string;
    roles: RoleInput[];
  },
) => {
  let official: OfficialActor | undefined;
  for (const role of input.roles) {
    official = await authorizeGrant(ctx, actor, role);
  }
  if (!official) {
    throw new AppError('FORBIDDEN');
  }
  const username = input.username.toLowerCase();
  assertStrongPassword(input.password, username);
  const firstAgency = input.roles[0] ? await findAgency(ctx.db, input.roles[0].agencyId) : undefined;
  const passwordHash = await hashPassword(input.password);
  const grantedBy = official.userId;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertUser(trx, {
      username,
      fullName: input.fullName.normalize('NFC').trim(),
      title: input.title ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      passwordHash,
      provinceCode: firstAgency?.provinceCode ?? null,
      now: ctx.clock.now(),
      // The administrator chose this password: the official chooses their own at the first sign-in.
      passwordMustChange: true,
    });
    if (!inserted) {
      throw new AppError('USERNAME_TAKEN', { username });
    }
    for (const role of input.roles) {
      await insertUserRole(trx, {
        userId: inserted.id,
        agencyId: role.agencyId,
        role: role.role,
        includeSubagencies: role.includeSubagencies ?? ROLE_DEFINITIONS[role.role].defaultIncludeSubagencies,
        grantedBy,
      });
    }
    return inserted.id;
  });
  return getUser(ctx, actor, id);
};

export const updateUser = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    id: string;
    expectedVersion: number;
    fullName?: string | undefined;
    title?: string | null | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    status?: 'active' | 'disabled' | undefined;
  },
) => {
  const { profile } = await getVisibleUser(ctx, actor, input.id, 'user.manage');
  const { id, expectedVersion, ...changes } = input;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const result = await updateUserProfile(trx, { id, expectedVersion, changes: defined });
    if (result && changes.status === 'disabled') {
      await deleteUserSessions(trx, id);
    }
    return result;
  });
  if (!updated) {
    throw new AppError('VERSION_CONFLICT', { current: profile.version, sent: expectedVersion });
  }
  return getUser(ctx, actor, id);
};

/**
 * An administrator sets a new password; the user's sessions end, and the official must change the password at
 * the next sign-in (a password someone else knows is not theirs).
 */
export const resetUserPassword = async (ctx: AppContext, actor: Actor, input: { id: string; password: string }) => {
  const { profile } = await getVisibleUser(ctx, actor, input.id, 'user.manage');
  assertStrongPassword(input.password, profile.username);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUserPassword(trx, { id: input.id, passwordHash, mustChange: true, now: ctx.clock.now() });
    await deleteUserSessions(trx, input.id);
  });
};

export const grantUserRole = async (ctx: AppContext, actor: Actor, input: { userId: string } & RoleInput) => {
  await getVisibleUser(ctx, actor, input.userId, 'user.read');
  const official = await authorizeGrant(ctx, actor, input);
  await insertUserRole(ctx.db, {
    userId: input.userId,
    agencyId: input.agencyId,
    role: input.role,
    includeSubagencies: input.includeSubagencies ?? ROLE_DEFINITIONS[input.role].defaultIncludeSubagencies,
    grantedBy: official.userId,
  });
  return getUser(ctx, actor, input.userId);
};

export const revokeUserRole = async (
  ctx: AppContext,
  actor: Actor,
  input: { userId: string; agencyId: string; role: OfficialRole },
) => {
  await getVisibleUser(ctx, actor, input.userId, 'user.read');
  await authorizeGrant(ctx, actor, input);
  const removed = await deleteUserRole(ctx.db, input);
  if (!removed) {
    throw notFound({ vi: 'vai trò', en: 'role' });
  }
  return getUser(ctx, actor, input.userId);
};
