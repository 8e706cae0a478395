import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret of 32 bytes, base64url, with an optional readable prefix (e.g. "mct_" for API tokens). */
export const generateSecret = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

/** Session and API tokens are stored only as their SHA-256; a database leak does not leak live credentials. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Compares two secrets in constant time (for CSRF tokens and similar). */
export const secretsEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};
