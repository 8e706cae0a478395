import { createHash, randomBytes } from 'node:crypto';
import {
  deleteExpiredCitizenAuth,
  insertCitizenAuthRequest,
  takeCitizenAuthRequest,
  upsertOidcCitizen,
} from '@motcua/db';
import * as client from 'openid-client';
import { secretsEqual } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { openCitizenSession } from '../usecases/portal/account/citizen-session.js';
import { mapIdentityClaims } from './claims.js';

/**
 * Citizen sign-in through the national identity provider (VNeID / DVCQG single sign-on) or any
 * OpenID Connect issuer: the authorization code flow with PKCE (S256), state and nonce. What the
 * callback needs (verifier, nonce, where to return) is kept in the database under the hash of the
 * state, used once, and bound to the browser by a short-lived cookie — never in process memory, so
 * any instance can finish a sign-in another one started.
 */

/** The cookie that binds a sign-in in progress to the browser that started it. */
export const LOGIN_BINDING_COOKIE = 'motcua_citizen_login';
export const LOGIN_REQUEST_TTL_MS = 10 * 60 * 1000;

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

// The provider's metadata (endpoints, keys) is configuration, fetched once per application; a failed
// discovery is not cached, so the next sign-in tries again.
const discoveries = new WeakMap<AppContext, Promise<client.Configuration>>();

const isLoopback = (url: string): boolean => {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
};

const getOidcConfig = (ctx: AppContext) => {
  const oidc = ctx.config.portal.oidc;
  if (!oidc) {
    throw new AppError('CITIZEN_LOGIN_NOT_CONFIGURED');
  }
  return oidc;
};

const discover = (ctx: AppContext): Promise<client.Configuration> => {
  const cached = discoveries.get(ctx);
  if (cached !== undefined) {
    return cached;
  }
  const oidc = getOidcConfig(ctx);
  const auth =
    oidc.tokenAuth === 'none'
      ? client.None()
      : oidc.tokenAuth === 'client_secret_post'
        ? client.ClientSecretPost(oidc.clientSecret)
        : client.ClientSecretBasic(oidc.clientSecret);
  const pending = client
    .discovery(new URL(oidc.issuer), oidc.clientId, undefined, auth, {
      // Plain http only for a provider on this machine (development and tests).
      ...(oidc.issuer.startsWith('http://') && isLoopback(oidc.issuer)
        ? { execute: [client.allowInsecureRequests] }
        : {}),
      timeout: 10,
    })
    .catch((error: unknown) => {
      discoveries.delete(ctx);
      throw new AppError('CITIZEN_LOGIN_FAILED', { reason: 'discovery' }, { cause: error });
    });
  discoveries.set(ctx, pending);
  return pending;
};

/** Only paths of this installation may be returned to (no open redirect). */
export const safeReturnPath = (value: string | undefined): string =>
  value && /^\/(?![/\\])[\x21-\x7E]*$/.test(value) && value.length <= 500 ? value : '/';

/**
 * Starts a sign-in: stores the request and answers the provider's authorization URL and the value
 * of the binding cookie to set.
 */
export const startCitizenLogin = async (
  ctx: AppContext,
  input: { returnTo?: string | undefined },
): Promise<{ redirectTo: string; binding: string }> => {
  const oidc = getOidcConfig(ctx);
  const config = await discover(ctx);
  const now = ctx.clock.now();
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const binding = randomBytes(32).toString('base64url');
  await deleteExpiredCitizenAuth(ctx.db, now);
  await insertCitizenAuthRequest(ctx.db, {
    stateHash: sha256(state),
    browserHash: sha256(binding),
    codeVerifier,
    nonce,
    returnTo: safeReturnPath(input.returnTo),
    expiresAt: new Date(now.getTime() + LOGIN_REQUEST_TTL_MS),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.redirectUri,
    scope: oidc.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { redirectTo: url.href, binding };
};

/**
 * Finishes a sign-in at the callback: checks the request (once, not expired, same browser), redeems
 * the code (PKCE, state and nonce checked by openid-client), reads the userinfo, updates the citizen
 * profile and opens a portal session.
 */
export const finishCitizenLogin = async (
  ctx: AppContext,
  input: { query: Record<string, string | undefined>; binding: string | undefined },
): Promise<{ sessionToken: string; csrfToken: string; citizenId: string; returnTo: string }> => {
  const oidc = getOidcConfig(ctx);
  const state = input.query.state;
  const request = state ? await takeCitizenAuthRequest(ctx.db, sha256(state)) : undefined;
  const now = ctx.clock.now();
  if (
    !request ||
    request.expiresAt.getTime() <= now.getTime() ||
    !input.binding ||
    !secretsEqual(sha256(input.binding), request.browserHash)
  ) {
    throw new AppError('CITIZEN_LOGIN_EXPIRED');
  }
  if (input.query.error) {
    const reason = /^[a-z_]{1,40}$/.test(input.query.error) ? input.query.error : 'error';
    throw new AppError('CITIZEN_LOGIN_FAILED', { reason });
  }
  const config = await discover(ctx);
  const callbackUrl = new URL(oidc.redirectUri);
  for (const [key, value] of Object.entries(input.query)) {
    if (value !== undefined) {
      callbackUrl.searchParams.set(key, value);
    }
  }
  let claims: Record<string, unknown>;
  let subject: string;
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) {
      throw new Error('no ID token');
    }
    subject = idClaims.sub;
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, subject);
    claims = { ...idClaims, ...userinfo };
  } catch (error) {
    // The reason is a protocol error code, never the provider's text (which may carry personal data).
    const code =
      error instanceof client.ClientError || error instanceof Error ? (error as { code?: unknown }).code : undefined;
    throw new AppError('CITIZEN_LOGIN_FAILED', { reason: typeof code === 'string' ? code : 'token' }, { cause: error });
  }
  const profile = mapIdentityClaims(claims);
  if (!profile) {
    throw new AppError('CITIZEN_IDENTITY_INCOMPLETE', { field: { vi: 'họ và tên', en: 'full name' } });
  }
  const citizen = await upsertOidcCitizen(ctx.db, { ...profile, issuer: oidc.issuer, subject }, now);
  const session = await openCitizenSession(ctx, citizen.id);
  return { ...session, citizenId: citizen.id, returnTo: request.returnTo };
};
