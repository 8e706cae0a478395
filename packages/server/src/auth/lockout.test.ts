import { describe, expect, it } from 'vitest';
import { describeLockout } from './lockout.js';

const at = (iso: string) => new Date(iso);

describe('the lockout message', () => {
  it('gives the wait in minutes and the clock time (Vietnam) to try again, never seconds', () => {
    // 887 s from 10:27:13 → the lock ends at 10:42:00 → "15 phút", "10:42".
    expect(describeLockout(887, at('2026-11-22T10:27:13+07:00'))).toEqual({
      retryAfter: 887,
      waitMinutes: 15,
      retryAt: '10:42',
    });
  });

  it('rounds up, so the time given is never before the lock ends', () => {
    expect(describeLockout(30, at('2026-11-22T10:27:45+07:00'))).toEqual({
      retryAfter: 30,
      waitMinutes: 1,
      retryAt: '10:29',
    });
    expect(describeLockout(0.2, at('2026-11-22T10:27:00+07:00')).retryAfter).toBe(1);
  });

  it('adds the date when the lock ends on the next day', () => {
    expect(describeLockout(900, at('2026-11-22T23:55:00+07:00')).retryAt).toBe('00:10 ngày 23/11/2026');
  });
});
