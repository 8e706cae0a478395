import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';

/**
 * The citizen portal's scope (dịch vụ công trực tuyến): public procedure pages, tracking and
 * verification, PAKN; citizen sign-in, drafts, uploads, online dossiers, payments, ratings; the
 * payment platform's callback and the sandbox; the desk's result uploads and ratings. The portal's
 * routes are registered by `register` in their own scope so that the multipart and form parsers
 * they need apply to them only.
 */
export const registerPortalScope = async (
  app: FastifyInstance,
  ctx: AppContext,
  register: (scope: FastifyInstance) => void,
): Promise<void> => {
  const portal: FastifyPluginAsync = async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ctx.config.portal.uploadMaxBytes, files: 1, fields: 10, parts: 11, fieldSize: 1000 },
      throwFileSizeLimit: true,
    });
    // The sandbox payment page posts a plain HTML form.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8192 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    register(scope);
  };
  await app.register(portal);
};
