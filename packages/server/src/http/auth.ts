import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, ANONYMOUS } from '../auth/actor.js';
import { secretsEqual } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { findSessionActor, findTokenActor, SESSION_ABSOLUTE_MS } from '../usecases/auth/resolve-actor.js';
import { CITIZEN_SESSION_ABSOLUTE_MS, findCitizenSessionActor } from '../usecases/portal/account/citizen-session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: an official (session or API token) or nobody. */
    actor: Actor;
  }
  interface FastifyContextConfig {
    /**
     * 'official': reject callers without a session or token with 401 before validating the request.
     * 'citizen': the same for citizens of the portal (their own cookie; an official's session is ignored).
     * 'citizen-optional': the portal's public pages: a signed-in citizen is resolved (and their CSRF token
     * checked on writes), nobody is required, and an official's session in the same browser is ignored.
     */
    auth?: 'official' | 'citizen' | 'citizen-optional';
  }
}

export const SESSION_COOKIE = 'motcua_session';

/** Route option: only signed-in officials (401 before the request is even validated). */
export const OFFICIAL = { auth: 'official' } as const;
export const CITIZEN_COOKIE = 'motcua_citizen';
/** Route option: only signed-in citizens of the portal. */
export const CITIZEN = { auth: 'citizen' } as const;
/** Route option: the portal's public endpoints (a citizen if signed in, else anonymous; never an official). */
export const CITIZEN_OPTIONAL = { auth: 'citizen-optional' } as const;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Routes a caller without a session may POST to (they create the session), and the payment
// platform's callbacks (verified by their checksum; the sandbox form carries its own token).
const CSRF_EXEMPT_ROUTES = new Set([
  '/api/v1/auth/login',
  '/api/v1/citizen/auth/login',
  '/api/v1/payments/dvcqg/callback',
  '/api/v1/payments/sandbox/:reference',
]);

/**
 * What an official whose password someone else set (migration 0058: a one-time or administrator-set password) may
 * do in a session before changing it: read who they are and change the password. Every other official endpoint
 * (config OFFICIAL) answers 403 PASSWORD_CHANGE_REQUIRED; sign-out and the public endpoints have no audience and are
 * unaffected. API tokens are not held back: none can be created while the mark is set.
 */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/v1/me', 'POST /api/v1/me/password']);

export const setSessionCookie = (reply: FastifyReply, token: string, secure: boolean): void => {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
};

export const clearSessionCookie = (reply: FastifyReply, secure: boolean): void => {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
};

export const setCitizenCookie = (reply: FastifyReply, token: string, secure: boolean): void => {
  void reply.setCookie(CITIZEN_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(CITIZEN_SESSION_ABSOLUTE_MS / 1000),
  });
};

export const clearCitizenCookie = (reply: FastifyReply, secure: boolean): void => {
  void reply.clearCookie(CITIZEN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
};

/**
 * Resolves the actor of every request: a bearer API token (for machine clients) or the session
 * cookie. A state-changing request authenticated by cookie must carry the session's CSRF token in
 * X-CSRF-Token; tokens sent in the Authorization header cannot be forged cross-site and need none.
 * Without an official, the citizen cookie of the portal is resolved the same way (its own CSRF token).
 */
export const registerAuth = async (app: FastifyInstance, ctx: AppContext): Promise<void> => {
  await app.register(cookie);
  const secure = ctx.config.publicUrl.startsWith('https://');
  // Reference-type decorations must start null; every request gets its own value in the hook.
  app.decorateRequest<Actor>('actor', null as unknown as Actor);
  // A citizen of the portal: the citizen cookie, with the citizen session's own CSRF token on writes.
  const resolveCitizen = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = request.cookies[CITIZEN_COOKIE];
    const citizen = token ? await findCitizenSessionActor(ctx, token) : undefined;
    if (!citizen) {
      if (token) {
        clearCitizenCookie(reply, secure);
      }
      if (request.routeOptions.config.auth === 'citizen') {
        throw new AppError('UNAUTHENTICATED');
      }
      return;
    }
    request.actor = citizen;
    if (UNSAFE_METHODS.has(request.method) && !CSRF_EXEMPT_ROUTES.has(request.routeOptions.url ?? '')) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !secretsEqual(sent, citizen.session.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID');
      }
    }
  };
  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    const audience = request.routeOptions.config.auth;
    if (audience === 'citizen' || audience === 'citizen-optional') {
      await resolveCitizen(request, reply);
      return;
    }
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(mct_[A-Za-z0-9_-]{20,})$/.exec(authorization);
      const actor = match?.[1] ? await findTokenActor(ctx, match[1]) : undefined;
      if (!actor) {
        throw new AppError('INVALID_TOKEN');
      }
      request.actor = actor;
      return;
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    const actor = sessionToken ? await findSessionActor(ctx, sessionToken) : undefined;
    if (!actor) {
      if (sessionToken) {
        clearSessionCookie(reply, secure);
      }
      if (request.routeOptions.config.auth === 'official') {
        throw new AppError('UNAUTHENTICATED');
      }
      await resolveCitizen(request, reply);
      return;
    }
    request.actor = actor;
    const route = request.routeOptions.url ?? '';
    if (UNSAFE_METHODS.has(request.method) && !CSRF_EXEMPT_ROUTES.has(route)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.session || !secretsEqual(sent, actor.session.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID');
      }
    }
    if (
      actor.passwordMustChange &&
      request.routeOptions.config.auth === 'official' &&
      !BEFORE_PASSWORD_CHANGE.has(`${request.method} ${route}`)
    ) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
  });
};
