import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { hashRequest } from '../usecases/dossiers/idempotency.js';

/** The Idempotency-Key of a write, with the request's fingerprint (undefined when the header is absent). */
export const idempotencyOf = (request: FastifyRequest) => {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) {
    return undefined;
  }
  if (key.length > 200) {
    throw new AppError('BAD_REQUEST');
  }
  return { key, requestHash: hashRequest(request.method, request.url.split('?')[0] ?? '', request.body) };
};
