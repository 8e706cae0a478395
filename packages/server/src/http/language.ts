import type { FastifyInstance } from 'fastify';
import { type Language, negotiateLanguage } from '../errors/problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The response language negotiated from Accept-Language (Vietnamese by default). */
    language: Language;
  }
}

export const registerLanguage = (app: FastifyInstance): void => {
  app.decorateRequest('language', 'vi');
  app.addHook('onRequest', (request, _reply, done) => {
    request.language = negotiateLanguage(request.headers['accept-language']);
    done();
  });
};
