import { OFFICIAL_ROLES } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { clearSessionCookie, OFFICIAL, setSessionCookie } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import { changeOwnPassword } from '../usecases/auth/change-password.js';
import { login } from '../usecases/auth/login.js';
import {
  createApiToken,
  describeOfficial,
  findApiTokens,
  getMe,
  logout,
  revokeMyApiToken,
} from '../usecases/auth/session.js';

const Me = z
  .object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    provinceCode: z.string().nullable(),
    hostingAdmin: z
      .boolean()
      .describe('The hosting centre’s administrator (provinces, their addresses, figures across them)'),
    mustChangePassword: z
      .boolean()
      .describe(
        'The password was set by someone else (a one-time or administrator-set password): until it is changed ' +
          '(POST /api/v1/me/password) every other official endpoint answers 403 PASSWORD_CHANGE_REQUIRED',
      ),
    authenticatedVia: z.enum(['session', 'token']),
    csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on POST/PUT/PATCH/DELETE with the session cookie'),
    roles: z.array(
      z.object({
        agencyId: z.uuid(),
        agencyCode: z.string(),
        agencyName: z.string(),
        role: z.enum(OFFICIAL_ROLES),
        roleLabel: z.object({ vi: z.string(), en: z.string() }),
        includeSubagencies: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Me' });

const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  tokenPrefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

import { findSiteOfRequest } from '../http/request-site.js';
import { withRetryAfter } from '../http/retry-after.js';
export const registerAuthRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const secure = ctx.config.publicUrl.startsWith('https://');

  api.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in as an official (sets an httpOnly session cookie)',
        description:
          'Five failed attempts for a username lock it for 15 minutes (answer 429 ACCOUNT_LOCKED). Past ten failed ' +
          'attempts from one address, its further failed attempts answer 429 SIGN_IN_SLOWED with a doubling ' +
          'Retry-After; a correct password from that address still signs in. The answer carries the CSRF token to ' +
          'send as X-CSRF-Token on writes. On a host name a province owns, an official of another province is ' +
          'refused (403 OFFICIAL_OTHER_PROVINCE); the hosting centre’s administrator signs in anywhere.',
        body: z.object({
          username: z.string().trim().min(1).max(64),
          password: z.string().min(1).max(200),
        }),
        response: { 200: Me, 400: Problem, 401: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const site = await findSiteOfRequest(ctx, request);
      const hostProvince = site?.matchedHost ? site.provinceCode : undefined;
      const result = await withRetryAfter(reply, () =>
        login(ctx, { ...request.body, clientAddress: request.ip, hostProvince }),
      );
      setSessionCookie(reply, result.sessionToken, secure);
      return describeOfficial(ctx, { userId: result.userId, via: 'session', csrfToken: result.csrfToken });
    },
  );

  api.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session and clears the cookie)',
        response: { 204: z.null(), 403: Problem },
      },
    },
    async (request, reply) => {
      await logout(ctx, request.actor);
      clearSessionCookie(reply, secure);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me',
    {
      config: OFFICIAL,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in official, roles and CSRF token',
        response: { 200: Me, 401: Problem },
      },
    },
    async (request) => getMe(ctx, request.actor),
  );

  api.post(
    '/api/v1/me/password',
    {
      config: OFFICIAL,
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (Đổi mật khẩu)',
        description:
          'In a session only (an API token answers 403 PASSWORD_CHANGE_NEEDS_SESSION). A wrong current password ' +
          'answers 403 CURRENT_PASSWORD_WRONG and counts as a failed sign-in toward the account’s lock (429 ' +
          'ACCOUNT_LOCKED). The new password needs at least 10 characters with letters and digits, not the ' +
          'username (422 WEAK_PASSWORD), and must differ from the current one (422 PASSWORD_UNCHANGED). Clears ' +
          '`mustChangePassword` and ends the official’s other sessions; this one stays signed in.',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 204: z.null(), 400: Problem, 401: Problem, 403: Problem, 409: Problem, 422: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      await withRetryAfter(reply, () =>
        changeOwnPassword(ctx, request.actor, { ...request.body, clientAddress: request.ip }),
      );
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/api-tokens',
    {
      config: OFFICIAL,
      schema: {
        tags: ['auth'],
        summary: "List the caller's API tokens (never the secrets)",
        response: { 200: z.object({ items: z.array(ApiToken) }), 401: Problem },
      },
    },
    async (request) => ({ items: await findApiTokens(ctx, request.actor) }),
  );

  api.post(
    '/api/v1/me/api-tokens',
    {
      config: OFFICIAL,
      schema: {
        tags: ['auth'],
        summary: 'Create an API token for a machine client (the secret is shown once)',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(730).optional(),
        }),
        response: { 201: ApiToken.extend({ token: z.string() }), 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(ctx, request.actor, request.body)),
  );

  api.delete(
    '/api/v1/me/api-tokens/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of the caller’s API tokens',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await revokeMyApiToken(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
