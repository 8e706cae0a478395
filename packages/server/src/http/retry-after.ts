import type { FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** Problems that ask the client to wait, with the wait in seconds as `retryAfter`. */
const WAIT_PROBLEMS: readonly string[] = ['RATE_LIMITED', 'SIGN_IN_SLOWED', 'ACCOUNT_LOCKED'];

/** Adds Retry-After to an answer thrown by a use-case that asks the client to wait. */
export const withRetryAfter = async <T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && WAIT_PROBLEMS.includes(error.code)) {
      void reply.header('retry-after', String(error.params.retryAfter ?? 60));
    }
    throw error;
  }
};
