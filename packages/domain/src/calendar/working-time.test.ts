import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import { formatInstant, parseInstant, toInstant, toLocalDate } from './local-date.js';
import { createDayOffCalendar } from './schedule.js';
import type { WorkingHoursProfile } from './working-time.js';
import { DEFAULT_WORKING_HOURS, validateWorkingHoursProfile, WorkingTimeCalendar } from './working-time.js';

const calendar = new WorkingTimeCalendar(createDayOffCalendar(), DEFAULT_WORKING_HOURS);
const at = (iso: string): number => parseInstant(iso);
const show = (ms: number): string => formatInstant(ms);

const expectCalendarError = (fn: () => unknown, code: string): void => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).code).toBe(code);
    return;
  }
  expect.fail(`expected CalendarError ${code}`);
};

// Instants from mid-2019 to mid-2028: published years, fallback years and year boundaries.
const FROM = at('2019-06-01T00:00:00+07:00');
const TO = at('2028-06-30T00:00:00+07:00');
const instant = fc.integer({ min: FROM / 1000, max: TO / 1000 }).map((s) => s * 1000);
const workingMinutes = fc.integer({ min: 0, max: 480 * 40 });

/** True when the instant lies in (start, end] of a working interval of a working day. */
const endsInsideWorkingTime = (ms: number): boolean => {
  const date = toLocalDate(ms);
  if (!calendar.isWorkingDay(date)) {
    return false;
  }
  const minutes = (ms - toInstant(date)) / 60_000;
  return (minutes > 420 && minutes <= 690) || (minutes > 810 && minutes <= 1020);
};

describe('addWorkingMinutes', () => {
  it('Tết 2025: Friday 24/1 10:00 + 1 working day = Monday 3/2 10:00', () => {
    expect(show(calendar.addWorkingMinutes(at('2025-01-24T10:00:00+07:00'), 480))).toBe('2025-02-03T10:00:00+07:00');
  });

  it.each([
    ['2025-03-03T17:30:00+07:00', 60, '2025-03-04T08:00:00+07:00', 'after closing → next working morning'],
    ['2025-03-03T06:00:00+07:00', 60, '2025-03-03T08:00:00+07:00', 'before opening → 07:00'],
    ['2025-03-03T12:00:00+07:00', 60, '2025-03-03T14:30:00+07:00', 'at lunch → 13:30'],
    ['2025-03-03T11:00:00+07:00', 60, '2025-03-03T14:00:00+07:00', 'across lunch'],
    ['2025-03-03T16:00:00+07:00', 60, '2025-03-03T17:00:00+07:00', 'ending exactly at closing gives 17:00'],
    ['2025-03-03T07:00:00+07:00', 270, '2025-03-03T11:30:00+07:00', 'ending exactly at 11:30 gives 11:30'],
    ['2025-03-03T07:00:00+07:00', 480, '2025-03-03T17:00:00+07:00', 'a whole day from opening'],
    ['2025-03-07T16:00:00+07:00', 120, '2025-03-10T08:00:00+07:00', 'Friday → Monday over the weekend'],
    ['2025-03-08T10:00:00+07:00', 30, '2025-03-10T07:30:00+07:00', 'from a Saturday'],
    ['2024-05-03T16:00:00+07:00', 120, '2024-05-04T08:00:00+07:00', 'make-up Saturday 4/5/2024 is worked'],
    ['2025-12-31T16:30:00+07:00', 60, '2026-01-05T07:30:00+07:00', 'over the new year (1/1 + swapped 2/1/2026)'],
    ['2025-03-03T10:00:00+07:00', 0.5, '2025-03-03T10:00:30+07:00', 'fractions of a minute'],
  ])('%s + %i min = %s (%s)', (from, minutes, expected) => {
    expect(show(calendar.addWorkingMinutes(at(from), minutes))).toBe(expected);
  });

  it('returns the start unchanged for 0 minutes, even outside working hours', () => {
    const saturday = at('2025-03-08T10:00:00+07:00');
    expect(calendar.addWorkingMinutes(saturday, 0)).toBe(saturday);
  });

  it('rejects negative, NaN and infinite durations and bad instants', () => {
    expectCalendarError(() => calendar.addWorkingMinutes(FROM, -1), 'INVALID_DURATION');
    expectCalendarError(() => calendar.addWorkingMinutes(FROM, Number.NaN), 'INVALID_DURATION');
    expectCalendarError(() => calendar.addWorkingMinutes(FROM, Number.POSITIVE_INFINITY), 'INVALID_DURATION');
    expectCalendarError(() => calendar.addWorkingMinutes(Number.NaN, 1), 'INVALID_INSTANT');
    expectCalendarError(() => calendar.addWorkingMinutes(at('2100-12-31T16:00:00+07:00'), 120), 'OUT_OF_RANGE');
  });

  it('inverts getWorkingMinutesBetween from any start (property)', () => {
    fc.assert(
      fc.property(instant, workingMinutes, (start, minutes) => {
        expect(calendar.getWorkingMinutesBetween(start, calendar.addWorkingMinutes(start, minutes))).toBe(minutes);
      }),
      { numRuns: 1000 },
    );
  });

  it('is monotonic in the start and in the minutes (property)', () => {
    fc.assert(
      fc.property(instant, instant, workingMinutes, workingMinutes, (a, b, m, n) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        const [m1, m2] = m <= n ? [m, n] : [n, m];
        expect(calendar.addWorkingMinutes(s1, m1)).toBeLessThanOrEqual(calendar.addWorkingMinutes(s2, m1));
        expect(calendar.addWorkingMinutes(s1, m1)).toBeLessThanOrEqual(calendar.addWorkingMinutes(s1, m2));
      }),
      { numRuns: 1000 },
    );
  });

  it('never lands on a day off or outside working hours when minutes > 0 (property)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 480 * 40 }), (start, minutes) => {
        const due = calendar.addWorkingMinutes(start, minutes);
        expect(due).toBeGreaterThan(start);
        expect(endsInsideWorkingTime(due)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is the earliest such instant: one second earlier, less time has elapsed (property)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 480 * 40 }), (start, minutes) => {
        const due = calendar.addWorkingMinutes(start, minutes);
        expect(calendar.getWorkingMinutesBetween(start, due - 1000)).toBeLessThan(minutes);
      }),
      { numRuns: 500 },
    );
  });
});

describe('getWorkingMinutesBetween', () => {
  it('counts only working intervals of working days', () => {
    expect(calendar.getWorkingMinutesBetween(at('2025-03-03T00:00:00+07:00'), at('2025-03-04T00:00:00+07:00'))).toBe(
      480,
    );
    expect(calendar.getWorkingMinutesBetween(at('2025-03-03T11:00:00+07:00'), at('2025-03-03T14:00:00+07:00'))).toBe(
      60,
    );
    // 2025: 365 days − 104 weekend days − 12 weekdays off (1/1, Tết 27–31/1, 7/4, 30/4, 1/5, swapped 2/5,
    // 1/9, 2/9) + the make-up Saturday 26/4.
    expect(calendar.getWorkingMinutesBetween(at('2025-01-01T00:00:00+07:00'), at('2026-01-01T00:00:00+07:00'))).toBe(
      (365 - 104 - 12 + 1) * 480,
    );
    expect(calendar.getWorkingMinutesBetween(at('2025-03-04T00:00:00+07:00'), at('2025-03-03T00:00:00+07:00'))).toBe(0);
  });

  it('is additive across any split point, including year boundaries (property)', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        expect(calendar.getWorkingMinutesBetween(x, y) + calendar.getWorkingMinutesBetween(y, z)).toBeCloseTo(
          calendar.getWorkingMinutesBetween(x, z),
          9,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('working days and instants', () => {
  it('finds the next working instant', () => {
    expect(show(calendar.getNextWorkingInstant(at('2025-03-03T10:00:00+07:00')))).toBe('2025-03-03T10:00:00+07:00');
    expect(show(calendar.getNextWorkingInstant(at('2025-03-03T11:30:00+07:00')))).toBe('2025-03-03T13:30:00+07:00');
    expect(show(calendar.getNextWorkingInstant(at('2025-03-03T17:00:00+07:00')))).toBe('2025-03-04T07:00:00+07:00');
    expect(show(calendar.getNextWorkingInstant(at('2025-01-24T17:30:00+07:00')))).toBe('2025-02-03T07:00:00+07:00');
    expect(calendar.isWorkingInstant(at('2025-03-03T07:00:00+07:00'))).toBe(true);
    expect(calendar.isWorkingInstant(at('2025-03-03T17:00:00+07:00'))).toBe(false);
  });

  it('gives opening and closing of working days and the next working day', () => {
    expect(show(calendar.getStartOfWorkingDay('2025-03-03'))).toBe('2025-03-03T07:00:00+07:00');
    expect(show(calendar.getEndOfWorkingDay('2025-03-03'))).toBe('2025-03-03T17:00:00+07:00');
    expectCalendarError(() => calendar.getEndOfWorkingDay('2025-03-08'), 'NOT_A_WORKING_DAY');
    expect(calendar.findNextWorkingDay('2025-01-24')).toBe('2025-02-03');
    expect(calendar.findNextWorkingDay('2024-05-03')).toBe('2024-05-04');
    expect(calendar.findNextWorkingDay('2025-12-31')).toBe('2026-01-05');
    expect(calendar.findNextWorkingDay('2100-12-31')).toBeUndefined();
    expect(calendar.findWorkingDayOnOrAfter('2025-03-03')).toBe('2025-03-03');
    expect(calendar.isWorkingDay('2025-01-27')).toBe(false);
    expect(calendar.getWorkingMinutesOfDay('2025-03-03')).toBe(480);
    expect(calendar.getWorkingMinutesOfDay('2025-03-08')).toBe(0);
  });

  it('reports provisional spans', () => {
    expect(calendar.isProvisionalBetween('2025-01-01', '2025-12-31')).toBe(false);
    expect(calendar.isProvisionalBetween('2026-11-23', '2026-11-24')).toBe(true);
    expect(calendar.isProvisionalBetween('2026-11-25', '2026-12-31')).toBe(false);
    expect(calendar.isProvisionalBetween('2026-12-31', '2027-01-01')).toBe(true);
  });
});

describe('working-hours profiles', () => {
  it('accepts the default and seasonal profiles', () => {
    expect(validateWorkingHoursProfile(DEFAULT_WORKING_HOURS)).toBe(DEFAULT_WORKING_HOURS);
    const seasonal: WorkingHoursProfile = {
      intervals: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      // Winter hours from 1 October to 30 April, wrapping over the new year.
      seasons: [
        {
          from: '10-01',
          to: '04-30',
          intervals: [
            { start: '07:30', end: '11:30' },
            { start: '13:00', end: '17:00' },
          ],
        },
      ],
    };
    const seasonalCalendar = new WorkingTimeCalendar(createDayOffCalendar(), seasonal);
    expect(show(seasonalCalendar.getStartOfWorkingDay('2025-03-03'))).toBe('2025-03-03T07:30:00+07:00');
    expect(show(seasonalCalendar.getStartOfWorkingDay('2025-06-02'))).toBe('2025-06-02T07:00:00+07:00');
    expect(show(seasonalCalendar.getStartOfWorkingDay('2025-10-01'))).toBe('2025-10-01T07:30:00+07:00');
    expect(show(seasonalCalendar.addWorkingMinutes(at('2025-03-03T11:00:00+07:00'), 60))).toBe(
      '2025-03-03T13:30:00+07:00',
    );
  });

  it('uses minutesPerWorkingDay (default 480)', () => {
    expect(calendar.minutesPerWorkingDay).toBe(480);
    const short = new WorkingTimeCalendar(createDayOffCalendar(), {
      intervals: [{ start: '08:00', end: '12:00' }],
      minutesPerWorkingDay: 240,
    });
    expect(short.minutesPerWorkingDay).toBe(240);
    expect(show(short.addWorkingMinutes(at('2025-03-03T10:00:00+07:00'), 240))).toBe('2025-03-04T10:00:00+07:00');
  });

  it.each<[string, unknown]>([
    ['no intervals', { intervals: [] }],
    [
      'unsorted',
      {
        intervals: [
          { start: '13:30', end: '17:00' },
          { start: '07:00', end: '11:30' },
        ],
      },
    ],
    [
      'overlapping',
      {
        intervals: [
          { start: '07:00', end: '12:00' },
          { start: '11:30', end: '17:00' },
        ],
      },
    ],
    ['empty interval', { intervals: [{ start: '07:00', end: '07:00' }] }],
    ['past midnight', { intervals: [{ start: '22:00', end: '24:30' }] }],
    ['malformed time', { intervals: [{ start: '7:00', end: '11:30' }] }],
    [
      'bad season date',
      {
        intervals: [{ start: '07:00', end: '11:30' }],
        seasons: [{ from: '02-30', to: '03-01', intervals: [{ start: '07:00', end: '11:00' }] }],
      },
    ],
    [
      'overlapping seasons',
      {
        intervals: [{ start: '07:00', end: '11:30' }],
        seasons: [
          { from: '01-01', to: '03-31', intervals: [{ start: '08:00', end: '12:00' }] },
          { from: '03-31', to: '05-01', intervals: [{ start: '08:00', end: '12:00' }] },
        ],
      },
    ],
    ['bad minutesPerWorkingDay', { intervals: [{ start: '07:00', end: '11:30' }], minutesPerWorkingDay: 0 }],
  ])('rejects a profile with %s as INVALID_WORKING_HOURS', (_label, profile) => {
    expectCalendarError(
      () => new WorkingTimeCalendar(createDayOffCalendar(), profile as WorkingHoursProfile),
      'INVALID_WORKING_HOURS',
    );
  });

  it('accepts a full-day interval ending at 24:00', () => {
    const allDay = new WorkingTimeCalendar(createDayOffCalendar(), { intervals: [{ start: '00:00', end: '24:00' }] });
    expect(show(allDay.addWorkingMinutes(at('2025-03-03T23:00:00+07:00'), 120))).toBe('2025-03-04T01:00:00+07:00');
  });
});
