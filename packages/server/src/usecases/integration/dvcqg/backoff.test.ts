import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRetryDelayMs, DEFAULT_BACKOFF } from './backoff.js';

describe('computeRetryDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((n) => computeRetryDelayMs(n, DEFAULT_BACKOFF, top))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
    expect(computeRetryDelayMs(40, DEFAULT_BACKOFF, top)).toBe(600_000);
    expect(computeRetryDelayMs(1, DEFAULT_BACKOFF, () => 0)).toBe(2_500);
  });

  it('stays between half the step and the step, never above the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const delay = computeRetryDelayMs(n, { baseMs: 100, maxMs: 10_000 }, () => r);
        const step = Math.min(10_000, 100 * 2 ** (n - 1));
        expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
  });
});
