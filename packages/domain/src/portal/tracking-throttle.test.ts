import { describe, expect, it } from 'vitest';
import { decideTrackingGate, TRACKING_LIMITS } from './tracking-throttle.js';

const now = Date.parse('2026-11-23T02:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('decideTrackingGate', () => {
  it('answers while neither the address nor the code has reached its failure limit', () => {
    expect(decideTrackingGate({ address: undefined, code: undefined, now })).toEqual({ kind: 'lookup' });
    expect(
      decideTrackingGate({
        address: { attempts: TRACKING_LIMITS.addressFailures - 1, windowStartedAt: now - minutes(1) },
        code: { attempts: TRACKING_LIMITS.codeFailures - 1, windowStartedAt: now - minutes(1) },
        now,
      }),
    ).toEqual({ kind: 'lookup' });
  });

  it('locks a code after 10 failures for the rest of its 15-minute window', () => {
    expect(
      decideTrackingGate({ address: undefined, code: { attempts: 10, windowStartedAt: now - minutes(5) }, now }),
    ).toEqual({ kind: 'locked', retryAfterSeconds: 10 * 60, until: { code: now + minutes(10) } });
  });

  it('forgets an expired window', () => {
    expect(
      decideTrackingGate({
        address: { attempts: 500, windowStartedAt: now - minutes(10) },
        code: { attempts: 50, windowStartedAt: now - minutes(15) },
        now,
      }),
    ).toEqual({ kind: 'lookup' });
  });

  it('answers the later end when both are locked, and never less than one second', () => {
    expect(
      decideTrackingGate({
        address: { attempts: 60, windowStartedAt: now - minutes(1) },
        code: { attempts: 10, windowStartedAt: now - minutes(14) },
        now,
      }),
    ).toEqual({
      kind: 'locked',
      retryAfterSeconds: 9 * 60,
      until: { address: now + minutes(9), code: now + minutes(1) },
    });
    expect(
      decideTrackingGate({ address: undefined, code: { attempts: 10, windowStartedAt: now - minutes(15) + 1 }, now }),
    ).toEqual({ kind: 'locked', retryAfterSeconds: 1, until: { code: now + 1 } });
  });
});
