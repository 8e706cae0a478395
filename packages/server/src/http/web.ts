import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problems.js';

/** Where `npm run build` puts the web client, relative to this package (src/ or dist/). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const API_PREFIXES = ['/api/', '/docs', '/openapi.json', '/problems/', '/healthz', '/readyz'];

const wantsHtml = (request: FastifyRequest): boolean =>
  request.method === 'GET' &&
  !API_PREFIXES.some((prefix) => request.url.startsWith(prefix)) &&
  String(request.headers.accept ?? '').includes('text/html');

/**
 * Serves the built web client at `/` and falls back to index.html for client-side routes, so that
 * a bookmarked /tra-cuu-ho-so still opens. Unknown API paths answer a 404 problem, not HTML.
 */
export const registerWeb = async (app: FastifyInstance, webDir: string | undefined): Promise<void> => {
  const dir = webDir ?? DEFAULT_WEB_DIR;
  const built = existsSync(join(dir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      // One route for every file (a missing one falls through to the handler below), rather than a
      // route per built file: registering those took a noticeable share of start-up.
      wildcard: true,
      index: ['index.html'],
      setHeaders: (reply, path) => {
        // Vite fingerprints assets, so they never change; index.html must be revalidated.
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (wantsHtml(request) || (request.method === 'GET' && request.url === '/')) {
      if (!built) {
        return sendProblem(request, reply, 'WEB_NOT_BUILT');
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(request, reply, 'ROUTE_NOT_FOUND', {
      params: { method: request.method, path: request.url.split('?')[0] ?? request.url },
    });
  });
};
