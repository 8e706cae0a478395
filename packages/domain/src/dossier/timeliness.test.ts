import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDayStartInstant, getLocalDayNumber, parseInstant } from '../calendar/local-date.js';
import {
  classifyCompletion,
  classifyTimeliness,
  describeTimeliness,
  TIMELINESS_LABELS,
  type Timeliness,
} from './timeliness.js';

const at = (iso: string): number => parseInstant(iso);
const DAY = 86_400_000;

describe('classifyTimeliness', () => {
  const dueAt = at('2025-03-05T10:00:00+07:00');

  it.each([
    // finished: the boundaries are the start of the due day and the due instant itself
    ['2025-03-04T16:00:00+07:00', undefined, 'early'],
    ['2025-03-04T23:59:59.999+07:00', undefined, 'early'],
    ['2025-03-05T00:00:00+07:00', undefined, 'on_time'],
    ['2025-03-05T09:59:59.999+07:00', undefined, 'on_time'],
    ['2025-03-05T10:00:00+07:00', undefined, 'on_time'],
    ['2025-03-05T10:00:00.001+07:00', undefined, 'late'],
    ['2025-03-06T08:00:00+07:00', undefined, 'late'],
    // open: judged at `now`
    [null, '2025-03-05T10:00:00+07:00', 'in_time'],
    [null, '2025-03-05T10:00:00.001+07:00', 'overdue'],
    [null, '2025-03-01T08:00:00+07:00', 'in_time'],
  ] as const)('completed %s, now %s → %s', (completedAt, now, expected) => {
    expect(
      classifyTimeliness({
        dueAt,
        completedAt: completedAt === null ? null : at(completedAt),
        ...(now ? { now: at(now) } : {}),
      }),
    ).toBe(expected);
  });

  it('says "no deadline" when the procedure sets no time, finished or not', () => {
    expect(classifyTimeliness({ dueAt: null, completedAt: at('2025-03-05T10:00:00+07:00') })).toBe('no_deadline');
    expect(classifyTimeliness({ dueAt: undefined, completedAt: undefined, now: 0 })).toBe('no_deadline');
  });

  it('keeps the class recorded when the dossier finished', () => {
    expect(classifyTimeliness({ dueAt, completedAt: dueAt + 1, recorded: 'on_time' })).toBe('on_time');
    expect(classifyTimeliness({ dueAt: null, completedAt: null, recorded: 'early' })).toBe('early');
    expect(classifyTimeliness({ dueAt, completedAt: dueAt + 1, recorded: null })).toBe('late');
  });

  it('refuses to judge an open item without a clock', () => {
    expect(() => classifyTimeliness({ dueAt: at('2025-03-05T10:00:00+07:00'), completedAt: null })).toThrow(RangeError);
  });

  it('words every class in Vietnamese and English, the three of the control slip as Circular 01/2018 prints them', () => {
    const all: Timeliness[] = ['early', 'on_time', 'late', 'in_time', 'overdue', 'no_deadline'];
    expect(Object.keys(TIMELINESS_LABELS).sort()).toEqual([...all].sort());
    expect([TIMELINESS_LABELS.early.vi, TIMELINESS_LABELS.on_time.vi, TIMELINESS_LABELS.late.vi]).toEqual([
      'Trước hạn',
      'Đúng hạn',
      'Quá hạn',
    ]);
    expect(describeTimeliness({ dueAt, completedAt: dueAt + 1 })).toEqual({
      timeliness: 'late',
      vi: 'Quá hạn',
      en: 'Late',
    });
  });
});

describe('classifyCompletion (property)', () => {
  const instant = fc.integer({
    min: at('2025-01-01T00:00:00+07:00') / 1000,
    max: at('2025-12-31T00:00:00+07:00') / 1000,
  });
  const rank = { early: 0, on_time: 1, late: 2 } as const;

  it('is monotonic in the completion instant', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, d) => {
        const [c1, c2] = a <= b ? [a * 1000, b * 1000] : [b * 1000, a * 1000];
        expect(rank[classifyCompletion(c1, d * 1000)]).toBeLessThanOrEqual(rank[classifyCompletion(c2, d * 1000)]);
      }),
      { numRuns: 1000 },
    );
  });

  it('switches exactly at the start of the due day and one millisecond after the due instant', () => {
    // Any due instant, down to the millisecond, and offsets around its two boundaries.
    const due = fc.integer({ min: at('2025-01-02T00:00:00+07:00'), max: at('2025-12-30T00:00:00+07:00') });
    fc.assert(
      fc.property(due, fc.integer({ min: 1, max: 3 * DAY }), (dueAt, offset) => {
        const dayStart = getDayStartInstant(getLocalDayNumber(dueAt));
        expect(classifyCompletion(dayStart - 1, dueAt)).toBe('early');
        expect(classifyCompletion(dayStart, dueAt)).toBe('on_time');
        expect(classifyCompletion(dueAt, dueAt)).toBe('on_time');
        expect(classifyCompletion(dueAt + 1, dueAt)).toBe('late');
        expect(classifyCompletion(dueAt + offset, dueAt)).toBe('late');
        expect(classifyCompletion(dayStart - offset, dueAt)).toBe('early');
        // An open item agrees with a finished one at the same instant on either side of the due instant.
        expect(classifyTimeliness({ dueAt, completedAt: null, now: dueAt })).toBe('in_time');
        expect(classifyTimeliness({ dueAt, completedAt: null, now: dueAt + offset })).toBe('overdue');
      }),
      { numRuns: 2000 },
    );
  });
});
