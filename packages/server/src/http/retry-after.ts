import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** Adds Retry-After to a RATE_LIMITED answer thrown by a use-case. */
export const withRetryAfter = async <T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') {
      void reply.header('retry-after', String(error.params.retryAfter ?? 60));
    }
    throw error;
  }
};
