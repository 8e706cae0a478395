import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CITIZEN_COOKIE, SESSION_COOKIE } from './auth.js';

/**
 * The browser security headers, on every answer (API, web client, server-rendered pages, files,
 * problems, 404s) from one onSend hook. @fastify/helmet supports Fastify 5, but what this app needs
 * is decided per answer (the policy by content type, HSTS by the public URL, no-store by the
 * request's credentials), so one hook says it all in one place, without a dependency.
 */

/**
 * The policy of every HTML page: the web client (Vite emits only external module scripts), the API
 * docs (/docs: swagger-ui loads its scripts and styles from its own static files and the document
 * from /docs/json, so it needs nothing more), the result-verification page /v/… and the sandbox
 * payment page (a form that posts to itself).
 *
 * style-src allows 'unsafe-inline' because antd's CSS-in-JS (@ant-design/cssinjs) inserts <style>
 * elements at run time, and the server-rendered pages carry one <style> block each. A nonce would
 * need index.html rewritten per answer; scripts stay strictly 'self' (no inline, no eval), which is
 * what stops injected markup from running.
 */
const HTML_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
];

/**
 * Everything else (JSON, problems, PDFs, images, spreadsheets): nothing may load from elsewhere and
 * nothing may frame it. object-src is left to default-src 'self', so that a PDF opened in the
 * browser's own viewer still shows.
 */
const DOCUMENT_DIRECTIVES = ["default-src 'self'", "style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'"];

export type SecurityHeaderOptions = {
  /** MOTCUA_PUBLIC_URL: HSTS and upgrade-insecure-requests only when it is https. */
  publicUrl: string;
};

/** The Content-Security-Policy of an answer, by its content type. */
export const contentSecurityPolicyFor = (
  contentType: string | undefined,
  options: SecurityHeaderOptions & { formTargets?: string[] },
): string => {
  const https = new URL(options.publicUrl).protocol === 'https:';
  const isHtml = (contentType ?? '').toLowerCase().startsWith('text/html');
  const directives = isHtml
    ? [...HTML_DIRECTIVES, `form-action 'self'${(options.formTargets ?? []).map((origin) => ` ${origin}`).join('')}`]
    : DOCUMENT_DIRECTIVES;
  return [...directives, ...(https ? ['upgrade-insecure-requests'] : [])].join('; ');
};

/** Paths whose answers are about the person asking, with or without credentials. */
const PERSONAL_PREFIXES = ['/api/v1/me', '/api/v1/auth/', '/api/v1/citizen/'];
const PERSONAL_PATHS = new Set(PERSONAL_PREFIXES.map((prefix) => prefix.replace(/\/$/, '')));

/** A session cookie (official or citizen) among a request's cookies. */
const CREDENTIAL_COOKIE = new RegExp(`(?:^|;\\s*)(?:${SESSION_COOKIE}|${CITIZEN_COOKIE})=`);

/** A request that carries a session cookie (official or citizen) or an API token. */
export const hasCredentials = (request: FastifyRequest): boolean => {
  if (request.headers.authorization !== undefined) {
    return true;
  }
  const cookies = request.headers.cookie;
  return cookies !== undefined && CREDENTIAL_COOKIE.test(cookies);
};

/**
 * Cache-Control of an answer: `no-store` on every personal or authenticated answer and on every
 * API answer that did not choose its own caching; the web client's fingerprinted assets
 * (`public, … immutable`, set by http/web.ts) keep theirs, since they are the same bytes for all; a public route's
 * own `public, max-age` holds for anonymous readers only (a signed-in reader's answer is never stored).
 */
const cacheControlFor = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
  const current = reply.getHeader('cache-control');
  const chosen = typeof current === 'string' ? current : undefined;
  if (chosen?.startsWith('public') && chosen.includes('immutable')) {
    return chosen;
  }
  const query = request.url.indexOf('?');
  const path = query === -1 ? request.url : request.url.slice(0, query);
  const personal =
    hasCredentials(request) ||
    reply.hasHeader('set-cookie') ||
    PERSONAL_PATHS.has(path) ||
    PERSONAL_PREFIXES.some((prefix) => path.startsWith(prefix));
  if (personal) {
    return chosen?.includes('no-store') ? chosen : 'no-store';
  }
  // A public route's own shared caching (published notices, closed-period results) holds for anonymous readers.
  if (chosen?.startsWith('public')) {
    return chosen;
  }
  if (chosen === undefined && path.startsWith('/api/')) {
    return 'no-store';
  }
  return chosen;
};

/**
 * One onSend hook for every answer. The two policies are computed once, when the hook is registered
 * (they depend on the public URL only), and the hook is synchronous: it runs on every request.
 */
export const registerSecurityHeaders = (app: FastifyInstance, options: SecurityHeaderOptions): void => {
  const https = new URL(options.publicUrl).protocol === 'https:';
  const formTargets = [new URL(options.publicUrl).origin];
  const htmlPolicy = contentSecurityPolicyFor('text/html', { publicUrl: options.publicUrl, formTargets });
  const documentPolicy = contentSecurityPolicyFor(undefined, { publicUrl: options.publicUrl, formTargets });
  app.addHook('onSend', (request, reply, payload, done) => {
    const contentType = reply.getHeader('content-type');
    const isHtml = typeof contentType === 'string' && contentType.toLowerCase().startsWith('text/html');
    reply.header('content-security-policy', isHtml ? htmlPolicy : documentPolicy);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (https) {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    const cacheControl = cacheControlFor(request, reply);
    if (cacheControl !== undefined) {
      reply.header('cache-control', cacheControl);
    }
    done(null, payload);
  });
};
