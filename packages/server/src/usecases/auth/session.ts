import {
  deleteSession,
  findUserProfile,
  insertApiToken,
  listApiTokens,
  listUserGrants,
  revokeApiToken,
} from '@motcua/db';
import { ROLE_DEFINITIONS } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import { generateSecret, hashSecret } from '../../auth/secrets.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors/app-error.js';

/** Ends the caller's session (a no-op without one). */
export const logout = async (ctx: AppContext, actor: Actor): Promise<void> => {
  if (actor.kind === 'official' && actor.session) {
    await deleteSession(ctx.db, actor.session.tokenHash);
  }
};

/** An official's profile, roles with their agencies, and (for sessions) the CSRF token for writes. */
export const describeOfficial = async (
  ctx: AppContext,
  input: { userId: string; via: 'session' | 'token'; csrfToken: string | null },
) => {
  const profile = await findUserProfile(ctx.db, input.userId);
  if (!profile) {
    throw new AppError('UNAUTHENTICATED');
  }
  const grants = await listUserGrants(ctx.db, input.userId);
  return {
    id: profile.id,
    username: profile.username,
    fullName: profile.fullName,
    title: profile.title,
    email: profile.email,
    provinceCode: profile.provinceCode,
    hostingAdmin: profile.hostingAdmin,
    mustChangePassword: profile.passwordMustChange,
    authenticatedVia: input.via,
    csrfToken: input.csrfToken,
    roles: grants.map((g) => ({
      agencyId: g.agencyId,
      agencyCode: g.agencyCode,
      agencyName: g.agencyName,
      role: g.role,
      roleLabel: ROLE_DEFINITIONS[g.role].label,
      includeSubagencies: g.includeSubagencies,
    })),
  };
};

/** The signed-in official (GET /api/v1/me). */
export const getMe = async (ctx: AppContext, actor: Actor) => {
  const official = requireOfficial(actor);
  return describeOfficial(ctx, {
    userId: official.userId,
    via: official.via,
    csrfToken: official.session?.csrfToken ?? null,
  });
};

const API_TOKEN_PREFIX = 'mct_';

/** Creates an API token for the caller; the secret is returned once and only its hash is stored. */
export const createApiToken = async (
  ctx: AppContext,
  actor: Actor,
  input: { name: string; expiresInDays?: number | undefined },
) => {
  const official = requireOfficial(actor);
  const token = generateSecret(API_TOKEN_PREFIX);
  const now = ctx.clock.now();
  const record = await insertApiToken(ctx.db, {
    userId: official.userId,
    name: input.name,
    tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    tokenHash: hashSecret(token),
    expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
  });
  return { ...record, token };
};

export const findApiTokens = async (ctx: AppContext, actor: Actor) =>
  listApiTokens(ctx.db, requireOfficial(actor).userId);

export const revokeMyApiToken = async (ctx: AppContext, actor: Actor, id: string): Promise<void> => {
  const official = requireOfficial(actor);
  const revoked = await revokeApiToken(ctx.db, { userId: official.userId, id, now: ctx.clock.now() });
  if (!revoked) {
    throw notFound({ vi: 'mã truy cập', en: 'API token' });
  }
};
