import type { ThrottleCounter } from '../access/sign-in-throttle.js';

/**
 * Guessing limits of the public tracking (tra cứu hồ sơ by code + second factor).
 *
 * Only FAILED lookups are counted — a wrong factor or an unknown code is the brute-force signal; a
 * correct answer proves the caller already holds the factor, so counting it protects nothing and would
 * cost a committed write on every read. Two fixed windows, each kept in the database (every API
 * process reads the same counters in the lookup's own statement):
 * - per dossier code: 10 failures lock the code for the rest of its 15-minute window, whatever
 *   addresses the guesses come from (the factor has 10^4 values; at most 960 guesses a day per code);
 * - per client address: 60 failures lock the address for the rest of its 10-minute window.
 * A locked key is answered 429 with Retry-After, even for the right factor, as before.
 *
 * Decree 13/2023/NĐ-CP asks for measures against unauthorised access to personal data, not for a
 * particular threshold: the numbers are ours.
 */
export const TRACKING_LIMITS = {
  addressFailures: 60,
  addressWindowMs: 10 * 60 * 1000,
  codeFailures: 10,
  codeWindowMs: 15 * 60 * 1000,
} as const;

export type TrackingGate =
  | { kind: 'lookup' }
  /** `until`: when each locked key's window ends (epoch ms), so a process can remember it. */
  | { kind: 'locked'; retryAfterSeconds: number; until: { address?: number; code?: number } };

const lockEnd = (counter: ThrottleCounter | undefined, limit: number, windowMs: number, now: number) =>
  counter !== undefined && counter.windowStartedAt > now - windowMs && counter.attempts >= limit
    ? counter.windowStartedAt + windowMs
    : undefined;

/**
 * Whether a lookup may be answered, from the failure counters of its address and its code (the
 * later-ending lock gives Retry-After, so it never invites a retry that would still be refused).
 */
export const decideTrackingGate = (input: {
  address: ThrottleCounter | undefined;
  code: ThrottleCounter | undefined;
  now: number;
}): TrackingGate => {
  const { now } = input;
  const address = lockEnd(input.address, TRACKING_LIMITS.addressFailures, TRACKING_LIMITS.addressWindowMs, now);
  const code = lockEnd(input.code, TRACKING_LIMITS.codeFailures, TRACKING_LIMITS.codeWindowMs, now);
  if (address === undefined && code === undefined) {
    return { kind: 'lookup' };
  }
  const lockedUntil = Math.max(address ?? 0, code ?? 0);
  return {
    kind: 'locked',
    retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - now) / 1000)),
    until: { ...(address === undefined ? {} : { address }), ...(code === undefined ? {} : { code }) },
  };
};
