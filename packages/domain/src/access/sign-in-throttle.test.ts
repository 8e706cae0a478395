import { describe, expect, it } from 'vitest';
import { addressDelaySeconds, decideFailedSignIn, decideSignInGate, SIGN_IN_LIMITS } from './sign-in-throttle.js';

const now = Date.parse('2026-11-22T02:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('decideSignInGate', () => {
  it.each([
    { name: 'no failures', account: undefined, expected: { kind: 'verify' } },
    { name: '4 failures', account: { attempts: 4, windowStartedAt: now - minutes(1) }, expected: { kind: 'verify' } },
    {
      name: '5 failures, window started 1 min ago',
      account: { attempts: 5, windowStartedAt: now - minutes(1) },
      expected: { kind: 'account_locked', retryAfterSeconds: 14 * 60 },
    },
    {
      name: '5 failures in an expired window',
      account: { attempts: 5, windowStartedAt: now - minutes(15) },
      expected: { kind: 'verify' },
    },
    {
      name: '40 failures, window ends in 1 ms',
      account: { attempts: 40, windowStartedAt: now - minutes(15) + 1 },
      expected: { kind: 'account_locked', retryAfterSeconds: 1 },
    },
  ])('$name', ({ account, expected }) => {
    expect(decideSignInGate({ account, now })).toEqual(expected);
  });
});

describe('addressDelaySeconds', () => {
  it.each([
    [0, 0],
    [1, 0],
    [SIGN_IN_LIMITS.addressFreeFailures, 0],
    [11, 1],
    [12, 2],
    [13, 4],
    [18, 128],
    [19, 256],
    [20, 300],
    [30, 300],
    [10_000, 300],
  ])('%i failures of an address → %i s', (failures, seconds) => {
    expect(addressDelaySeconds(failures)).toBe(seconds);
  });

  it('never decreases as failures grow', () => {
    for (let failures = 1; failures < 200; failures++) {
      expect(addressDelaySeconds(failures + 1)).toBeGreaterThanOrEqual(addressDelaySeconds(failures));
    }
  });
});

describe('decideFailedSignIn', () => {
  it('answers wrong credentials while the address is within its free failures', () => {
    expect(decideFailedSignIn({ addressFailures: 3 })).toEqual({ kind: 'wrong_credentials' });
  });

  it('slows the address past them, never locking it', () => {
    expect(decideFailedSignIn({ addressFailures: 30 })).toEqual({ kind: 'address_slowed', retryAfterSeconds: 300 });
  });
});
