/**
 * Throttling of failed sign-ins (officials and local citizen accounts).
 *
 * Two counters, kept in the database by the caller, each a fixed window of 15 minutes:
 * - per account (username): 5 failures lock that account for the rest of the window, even for the
 *   right password — guessing one account is bounded whatever address it comes from;
 * - per client address: never a lock. The first failures are free; each further FAILED attempt from
 *   the address is answered 429 with a Retry-After that doubles (1 s, 2 s, 4 s … at most 5 min),
 *   telling the client to slow down. A correct password from that address still signs in, so one
 *   person mistyping behind an office NAT cannot lock the other officials of the centre out.
 *
 * The rules follow OWASP's Authentication Cheat Sheet ("Login Throttling": lock or slow per account,
 * and avoid letting one source deny service to other users); Decree 13/2023/NĐ-CP asks for measures
 * against unauthorised access to personal data, not for a particular threshold: the numbers are ours.
 */
export const SIGN_IN_LIMITS = {
  accountFailures: 5,
  accountWindowMs: 15 * 60 * 1000,
  /** Failed attempts from one address within the window answered as plain wrong passwords. */
  addressFreeFailures: 10,
  addressWindowMs: 15 * 60 * 1000,
  addressFirstDelaySeconds: 1,
  addressMaxDelaySeconds: 5 * 60,
} as const;

/** A throttle counter as stored: failures counted in the window that started at `windowStartedAt`. */
export type ThrottleCounter = { attempts: number; windowStartedAt: number };

export type SignInGate = { kind: 'verify' } | { kind: 'account_locked'; retryAfterSeconds: number };

export type FailedSignInAnswer = { kind: 'wrong_credentials' } | { kind: 'address_slowed'; retryAfterSeconds: number };

const secondsLeft = (counter: ThrottleCounter, windowMs: number, now: number): number =>
  Math.max(1, Math.ceil((counter.windowStartedAt + windowMs - now) / 1000));

const isCurrent = (counter: ThrottleCounter | undefined, windowMs: number, now: number): counter is ThrottleCounter =>
  counter !== undefined && counter.windowStartedAt > now - windowMs;

/**
 * Before the password is checked: only the account's own failures can refuse the attempt. The
 * address is deliberately not consulted — its failures must never stop somebody else's correct password.
 */
export const decideSignInGate = (input: { account: ThrottleCounter | undefined; now: number }): SignInGate => {
  const { account, now } = input;
  if (isCurrent(account, SIGN_IN_LIMITS.accountWindowMs, now) && account.attempts >= SIGN_IN_LIMITS.accountFailures) {
    return { kind: 'account_locked', retryAfterSeconds: secondsLeft(account, SIGN_IN_LIMITS.accountWindowMs, now) };
  }
  return { kind: 'verify' };
};

/** The Retry-After for the n-th failure of an address in its window (0 while the failures are free). */
export const addressDelaySeconds = (addressFailures: number): number => {
  const over = addressFailures - SIGN_IN_LIMITS.addressFreeFailures;
  if (over <= 0) {
    return 0;
  }
  const delay = SIGN_IN_LIMITS.addressFirstDelaySeconds * 2 ** Math.min(over - 1, 30);
  return Math.min(delay, SIGN_IN_LIMITS.addressMaxDelaySeconds);
};

/**
 * After a wrong password (or unknown username), with the address's failures counted including this
 * one: a plain "wrong credentials", or — past the free failures — a 429 asking the address to wait.
 */
export const decideFailedSignIn = (input: { addressFailures: number }): FailedSignInAnswer => {
  const delay = addressDelaySeconds(input.addressFailures);
  return delay === 0 ? { kind: 'wrong_credentials' } : { kind: 'address_slowed', retryAfterSeconds: delay };
};
