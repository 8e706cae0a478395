import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import type { DurationRule } from './duration.js';
import { computeDue, getWorkingTimeElapsed, listMovedDueInstants, validateDurationRule } from './duration.js';
import { addDays, formatInstant, getWeekday, parseInstant, toInstant, toLocalDate } from './local-date.js';
import { OFFICIAL_SCHEDULE_PERIODS } from './official-schedules.js';
import { createDayOffCalendar } from './schedule.js';
import { DEFAULT_WORKING_HOURS, WorkingTimeCalendar } from './working-time.js';

const calendar = new WorkingTimeCalendar(createDayOffCalendar(), DEFAULT_WORKING_HOURS);
const at = (iso: string): number => parseInstant(iso);
const show = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));
const oneDay: DurationRule = { unit: 'working_days', value: 1 };
const due = (start: string, rule: DurationRule): string | null =>
  show(computeDue(calendar, { start: at(start), rule }).dueAt);

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

/** Working days straight from the published periods, independent of DayOffCalendar. */
const publishedDaysOff = new Set(
  OFFICIAL_SCHEDULE_PERIODS.filter((p) => p.status !== 'pending-law').flatMap((p) => p.daysOff),
);
const publishedMakeupDays = new Set(OFFICIAL_SCHEDULE_PERIODS.flatMap((p) => p.swaps.map((s) => s.makeupWorkday)));
const isPublishedWorkingDay = (date: string): boolean =>
  publishedMakeupDays.has(date) || (!publishedDaysOff.has(date) && ![0, 6].includes(getWeekday(date)));
const stepToWorkingDay = (date: string, step: 1 | -1): string => {
  let d = addDays(date, step);
  while (!isPublishedWorkingDay(d)) {
    d = addDays(d, step);
  }
  return d;
};

describe('every official break 2020–2026', () => {
  const breaks = OFFICIAL_SCHEDULE_PERIODS.filter((p) => p.status !== 'pending-law');

  it('covers all 34 breaks that are days off', () => {
    expect(breaks).toHaveLength(34);
  });

  it.each(breaks.map((p) => [p.year, p.name, p.offFrom, p.offTo, p.status] as const))(
    '%i %s (%s…%s): the working day before at 10:00 + 1 working day = the first working day after at 10:00',
    (_year, _name, offFrom, offTo, status) => {
      const before = stepToWorkingDay(offFrom, -1);
      const after = stepToWorkingDay(offTo, 1);
      const result = computeDue(calendar, { start: toInstant(before, 600), rule: oneDay });
      expect(show(result.dueAt)).toBe(formatInstant(toInstant(after, 600)));
      // 2019 (before Tết Dương lịch 2020) has no published schedule, so it is provisional too.
      expect(result.provisional).toBe(status === 'proposed' || before < '2020-01-01');
    },
  );
});

describe('swaps (hoán đổi) and make-up Saturdays', () => {
  it.each([
    ['2024-05-03T10:00:00+07:00', '2024-05-04T10:00:00+07:00', 'Fri 3/5/2024 → make-up Sat 4/5'],
    ['2024-05-04T10:00:00+07:00', '2024-05-06T10:00:00+07:00', 'make-up Sat 4/5/2024 → Mon 6/5'],
    ['2024-04-26T10:00:00+07:00', '2024-05-02T10:00:00+07:00', 'Fri 26/4/2024 over 27/4–1/5 (29/4 swapped)'],
    ['2025-04-25T10:00:00+07:00', '2025-04-26T10:00:00+07:00', 'Fri 25/4/2025 → make-up Sat 26/4'],
    ['2025-04-29T10:00:00+07:00', '2025-05-05T10:00:00+07:00', 'Tue 29/4/2025 over 30/4–4/5 (Fri 2/5 swapped)'],
    ['2025-12-31T10:00:00+07:00', '2026-01-05T10:00:00+07:00', 'Wed 31/12/2025 over 1/1–4/1/2026 (Fri 2/1 swapped)'],
    ['2026-01-09T10:00:00+07:00', '2026-01-10T10:00:00+07:00', 'Fri 9/1/2026 → make-up Sat 10/1'],
  ])('%s + 1 working day = %s (%s)', (start, expected) => {
    expect(due(start, oneDay)).toBe(expected);
  });

  it('applies the proposed 2026 National Day swap (Sat 22/8 worked, Mon 31/8 off) as provisional', () => {
    const saturday = computeDue(calendar, { start: at('2026-08-21T10:00:00+07:00'), rule: oneDay });
    expect(show(saturday.dueAt)).toBe('2026-08-22T10:00:00+07:00');
    expect(saturday.provisional).toBe(true);
  });
});

describe('Ngày Văn hóa Việt Nam 24/11/2026 (pending law)', () => {
  it('counts as a working day but makes the due date provisional', () => {
    const across = computeDue(calendar, { start: at('2026-11-23T10:00:00+07:00'), rule: oneDay });
    expect(show(across.dueAt)).toBe('2026-11-24T10:00:00+07:00');
    expect(across.provisional).toBe(true);
    const after = computeDue(calendar, { start: at('2026-11-25T10:00:00+07:00'), rule: oneDay });
    expect(show(after.dueAt)).toBe('2026-11-26T10:00:00+07:00');
    expect(after.provisional).toBe(false);
  });
});

describe('working_days and working_hours', () => {
  it('Tết 2025: Fri 24/1 10:00 + 1 working day = Mon 3/2 10:00', () => {
    const result = computeDue(calendar, { start: at('2025-01-24T10:00:00+07:00'), rule: oneDay });
    expect(result).toEqual({ dueAt: at('2025-02-03T10:00:00+07:00'), provisional: false });
  });

  it.each([
    ['2025-03-03T17:30:00+07:00', '2025-03-04T17:00:00+07:00', 'after closing: counts from 07:00 next day'],
    ['2025-03-03T06:00:00+07:00', '2025-03-03T17:00:00+07:00', 'before opening: counts from 07:00'],
    ['2025-03-03T12:00:00+07:00', '2025-03-04T11:30:00+07:00', 'at lunch: counts from 13:30'],
    ['2025-03-08T09:00:00+07:00', '2025-03-10T17:00:00+07:00', 'on a Saturday: counts from Monday 07:00'],
  ])('receipt %s + 1 working day = %s (%s)', (start, expected) => {
    expect(due(start, oneDay)).toBe(expected);
  });

  it('supports fractional working days (0.5 day = 4 working hours)', () => {
    expect(due('2025-03-03T07:00:00+07:00', { unit: 'working_days', value: 0.5 })).toBe('2025-03-03T11:00:00+07:00');
    expect(due('2025-03-03T10:00:00+07:00', { unit: 'working_days', value: 0.5 })).toBe('2025-03-03T16:00:00+07:00');
    expect(due('2025-03-03T10:00:00+07:00', { unit: 'working_days', value: 2.5 })).toBe('2025-03-05T16:00:00+07:00');
  });

  it('counts working hours', () => {
    expect(due('2025-03-03T10:00:00+07:00', { unit: 'working_hours', value: 8 })).toBe('2025-03-04T10:00:00+07:00');
    expect(due('2025-03-03T16:00:00+07:00', { unit: 'working_hours', value: 2 })).toBe('2025-03-04T08:00:00+07:00');
    expect(due('2025-03-03T10:00:00+07:00', { unit: 'working_hours', value: 0.25 })).toBe('2025-03-03T10:15:00+07:00');
  });

  it('0 working days is due at the receipt instant', () => {
    expect(due('2025-03-08T10:00:00+07:00', { unit: 'working_days', value: 0 })).toBe('2025-03-08T10:00:00+07:00');
  });

  it('starts counting at the next working day when received at/after the cut-off', () => {
    const rule: DurationRule = { unit: 'working_days', value: 1, cutoff: '15:00' };
    expect(due('2025-03-03T14:59:00+07:00', rule)).toBe('2025-03-04T14:59:00+07:00');
    expect(due('2025-03-03T15:00:00+07:00', rule)).toBe('2025-03-04T17:00:00+07:00');
    expect(due('2025-03-03T06:00:00+07:00', rule)).toBe('2025-03-03T17:00:00+07:00');
    expect(due('2025-03-08T10:00:00+07:00', rule)).toBe('2025-03-10T17:00:00+07:00');
    expect(due('2025-01-24T15:30:00+07:00', rule)).toBe('2025-02-03T17:00:00+07:00');
  });
});

describe('same_day (e.g. certification, 15:00 cut-off)', () => {
  const rule: DurationRule = { unit: 'same_day', cutoff: '15:00' };

  it.each([
    ['2025-03-03T08:00:00+07:00', '2025-03-03T17:00:00+07:00', 'morning: same day'],
    ['2025-03-03T14:59:59+07:00', '2025-03-03T17:00:00+07:00', 'just before the cut-off: same day'],
    ['2025-03-03T15:00:00+07:00', '2025-03-04T17:00:00+07:00', 'at the cut-off: next working day'],
    ['2025-03-03T06:30:00+07:00', '2025-03-03T17:00:00+07:00', 'before opening: same day'],
    ['2025-03-07T16:00:00+07:00', '2025-03-10T17:00:00+07:00', 'Friday afternoon: Monday'],
    ['2025-03-08T09:00:00+07:00', '2025-03-10T17:00:00+07:00', 'Saturday: Monday'],
    ['2025-01-24T15:30:00+07:00', '2025-02-03T17:00:00+07:00', 'before Tết 2025: after the break'],
    ['2024-05-03T16:00:00+07:00', '2024-05-04T17:00:00+07:00', 'make-up Saturday counts as the next working day'],
  ])('%s → %s (%s)', (start, expected) => {
    expect(due(start, rule)).toBe(expected);
  });
});

describe('calendar_days (Civil Code 2015 Art. 147–148)', () => {
  const days = (value: number): DurationRule => ({ unit: 'calendar_days', value });

  it('does not count the day of receipt and ends at the close of the last day', () => {
    expect(due('2025-03-03T16:59:00+07:00', days(3))).toBe('2025-03-06T17:00:00+07:00');
    expect(due('2025-03-03T07:00:00+07:00', days(1))).toBe('2025-03-04T17:00:00+07:00');
    expect(due('2025-03-08T10:00:00+07:00', days(2))).toBe('2025-03-10T17:00:00+07:00'); // from a Saturday
  });

  it('moves a last day on a weekend to the next working day', () => {
    expect(due('2025-03-06T10:00:00+07:00', days(2))).toBe('2025-03-10T17:00:00+07:00'); // Sat 8/3 → Mon 10/3
    expect(due('2025-03-07T10:00:00+07:00', days(2))).toBe('2025-03-10T17:00:00+07:00'); // Sun 9/3 → Mon 10/3
  });

  it('moves a last day on a holiday to the first working day after the break', () => {
    expect(due('2025-01-20T10:00:00+07:00', days(7))).toBe('2025-02-03T17:00:00+07:00'); // Mon 27/1 (Tết)
    expect(due('2025-04-25T10:00:00+07:00', days(5))).toBe('2025-05-05T17:00:00+07:00'); // Wed 30/4
  });

  it('lets a last day fall on a make-up Saturday', () => {
    expect(due('2024-05-01T10:00:00+07:00', days(3))).toBe('2024-05-04T17:00:00+07:00');
  });

  it('0 days: the close of the day of receipt, or of the next working day', () => {
    expect(due('2025-03-03T10:00:00+07:00', days(0))).toBe('2025-03-03T17:00:00+07:00');
    expect(due('2025-03-08T10:00:00+07:00', days(0))).toBe('2025-03-10T17:00:00+07:00');
  });

  it('shifts the last day by the calendar days spent in a pause', () => {
    const result = computeDue(calendar, {
      start: at('2025-03-03T10:00:00+07:00'),
      rule: days(10), // Thu 13/3
      pauses: [{ start: at('2025-03-04T09:00:00+07:00'), end: at('2025-03-07T09:00:00+07:00') }], // 3 days
    });
    expect(show(result.dueAt)).toBe('2025-03-17T17:00:00+07:00'); // Sun 16/3 → Mon 17/3
  });
});

describe('pauses and restarts', () => {
  const start = at('2025-03-03T10:00:00+07:00');
  const threeDays: DurationRule = { unit: 'working_days', value: 3 };

  it('does not count the working time inside a pause', () => {
    // Due without pause: Thu 6/3 10:00. Paused Tue 10:00 → Wed 10:00 (480 working minutes): Fri 7/3 10:00.
    const result = computeDue(calendar, {
      start,
      rule: threeDays,
      pauses: [{ start: at('2025-03-04T10:00:00+07:00'), end: at('2025-03-05T10:00:00+07:00') }],
    });
    expect(show(result.dueAt)).toBe('2025-03-07T10:00:00+07:00');
  });

  it('merges overlapping pauses and ignores the parts before the start', () => {
    const result = computeDue(calendar, {
      start,
      rule: threeDays,
      pauses: [
        { start: at('2025-03-04T14:00:00+07:00'), end: at('2025-03-05T10:00:00+07:00') },
        { start: at('2025-03-04T10:00:00+07:00'), end: at('2025-03-04T16:00:00+07:00') },
        { start: at('2025-02-01T10:00:00+07:00'), end: at('2025-03-03T11:00:00+07:00') }, // 1 h after start
      ],
    });
    expect(show(result.dueAt)).toBe('2025-03-07T11:00:00+07:00');
  });

  it('ignores a pause that begins after the due instant', () => {
    const result = computeDue(calendar, {
      start,
      rule: threeDays,
      pauses: [{ start: at('2025-03-06T10:00:00+07:00') }],
    });
    expect(show(result.dueAt)).toBe('2025-03-06T10:00:00+07:00');
  });

  it('returns null and the remaining working time while a pause is open', () => {
    const result = computeDue(calendar, {
      start,
      rule: threeDays,
      pauses: [{ start: at('2025-03-04T10:00:00+07:00') }],
    });
    expect(result).toEqual({ dueAt: null, provisional: false, remainingWorkingMinutes: 960 });
  });

  it('restarts the full time at restartAt (pauses before it are irrelevant)', () => {
    const result = computeDue(calendar, {
      start,
      rule: threeDays,
      pauses: [{ start: at('2025-03-04T10:00:00+07:00'), end: at('2025-03-10T10:00:00+07:00') }],
      restartAt: at('2025-03-10T10:00:00+07:00'),
    });
    expect(show(result.dueAt)).toBe('2025-03-13T10:00:00+07:00');
  });

  it('extends a same-day limit by the paused working time', () => {
    const result = computeDue(calendar, {
      start: at('2025-03-03T09:00:00+07:00'),
      rule: { unit: 'same_day', cutoff: '15:00' },
      pauses: [{ start: at('2025-03-03T10:00:00+07:00'), end: at('2025-03-03T11:00:00+07:00') }],
    });
    expect(show(result.dueAt)).toBe('2025-03-04T08:00:00+07:00');
  });

  it('only ever extends the due instant (property)', () => {
    const instant = fc
      .integer({ min: at('2024-01-01T00:00:00+07:00') / 60_000, max: at('2026-12-01T00:00:00+07:00') / 60_000 })
      .map((m) => m * 60_000);
    const rule = fc.constantFrom<DurationRule>(
      { unit: 'working_days', value: 3 },
      { unit: 'working_days', value: 0.5, cutoff: '15:00' },
      { unit: 'working_hours', value: 10 },
      { unit: 'calendar_days', value: 15 },
      { unit: 'same_day', cutoff: '15:00' },
    );
    const pause = fc.record({
      offset: fc.integer({ min: -3 * 1440, max: 20 * 1440 }),
      length: fc.integer({ min: 0, max: 10 * 1440 }),
    });
    fc.assert(
      fc.property(instant, rule, fc.array(pause, { maxLength: 4 }), (start, r, ps) => {
        const pauses = ps.map((p) => ({
          start: start + p.offset * 60_000,
          end: start + (p.offset + p.length) * 60_000,
        }));
        const base = computeDue(calendar, { start, rule: r }).dueAt ?? Number.NaN;
        const paused = computeDue(calendar, { start, rule: r, pauses }).dueAt ?? Number.NaN;
        expect(paused).toBeGreaterThanOrEqual(base);
        // One more pause never moves it earlier either.
        const more = computeDue(calendar, {
          start,
          rule: r,
          pauses: [...pauses, { start: start + 60_000, end: start + 120 * 60_000 }],
        }).dueAt;
        expect(more ?? Number.NaN).toBeGreaterThanOrEqual(paused);
      }),
      { numRuns: 500 },
    );
  });
});

describe('provisional due dates', () => {
  it('is false inside published years, true when reaching a year without a schedule', () => {
    expect(computeDue(calendar, { start: at('2025-06-02T10:00:00+07:00'), rule: oneDay }).provisional).toBe(false);
    const intoNextYear = computeDue(calendar, {
      start: at('2026-12-28T10:00:00+07:00'),
      rule: { unit: 'working_days', value: 10 },
    });
    expect(intoNextYear.provisional).toBe(true);
    expect(computeDue(calendar, { start: at('1999-06-01T10:00:00+07:00'), rule: oneDay }).provisional).toBe(true);
  });

  it('is true across the proposed 2026 National Day break', () => {
    const result = computeDue(calendar, {
      start: at('2026-08-28T10:00:00+07:00'),
      rule: { unit: 'calendar_days', value: 3 },
    });
    expect(show(result.dueAt)).toBe('2026-09-03T17:00:00+07:00');
    expect(result.provisional).toBe(true);
  });
});

describe('getWorkingTimeElapsed', () => {
  it('counts working minutes minus pauses', () => {
    const start = at('2025-03-03T07:00:00+07:00');
    const end = at('2025-03-05T07:00:00+07:00');
    expect(getWorkingTimeElapsed(calendar, { start, end })).toBe(960);
    expect(
      getWorkingTimeElapsed(calendar, {
        start,
        end,
        pauses: [{ start: at('2025-03-03T10:00:00+07:00'), end: at('2025-03-03T11:00:00+07:00') }],
      }),
    ).toBe(900);
    expect(getWorkingTimeElapsed(calendar, { start, end, pauses: [{ start: at('2025-03-04T07:00:00+07:00') }] })).toBe(
      480,
    );
    expect(getWorkingTimeElapsed(calendar, { start: end, end: start })).toBe(0);
  });

  it('is consistent with computeDue (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2024-01-01T00:00:00+07:00') / 60_000, max: at('2026-06-01T00:00:00+07:00') / 60_000 }),
        fc.integer({ min: 1, max: 20 * 480 }),
        fc.integer({ min: 0, max: 5 * 1440 }),
        fc.integer({ min: 0, max: 5 * 1440 }),
        (startMinute, minutes, pauseOffset, pauseLength) => {
          const start = startMinute * 60_000;
          const pauses = [{ start: start + pauseOffset * 60_000, end: start + (pauseOffset + pauseLength) * 60_000 }];
          const result = computeDue(calendar, { start, rule: { unit: 'working_hours', value: minutes / 60 }, pauses });
          expect(getWorkingTimeElapsed(calendar, { start, end: result.dueAt ?? start, pauses })).toBeCloseTo(
            minutes,
            6,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('listMovedDueInstants', () => {
  it('lists the items whose due instant moves when a day off is added, and by how much', () => {
    const after = new WorkingTimeCalendar(
      createDayOffCalendar({
        extraEntries: [
          { date: '2025-03-10', kind: 'extra_day_off', period: 'Nghỉ theo quyết định của tỉnh', status: 'confirmed' },
        ],
      }),
      DEFAULT_WORKING_HOURS,
    );
    const moved = listMovedDueInstants(
      [
        { id: 'crosses', start: at('2025-03-07T10:00:00+07:00'), rule: oneDay },
        { id: 'before', start: at('2025-03-03T10:00:00+07:00'), rule: oneDay },
        { id: 'after', start: at('2025-03-11T10:00:00+07:00'), rule: oneDay },
        {
          id: 'open',
          start: at('2025-03-07T10:00:00+07:00'),
          rule: oneDay,
          pauses: [{ start: at('2025-03-07T11:00:00+07:00') }],
        },
        { id: 'calendar', start: at('2025-03-07T10:00:00+07:00'), rule: { unit: 'calendar_days', value: 3 } },
      ],
      calendar,
      after,
    );
    expect(moved).toEqual([
      {
        id: 'crosses',
        before: at('2025-03-10T10:00:00+07:00'),
        after: at('2025-03-11T10:00:00+07:00'),
        deltaMinutes: 1440,
        provisional: false,
      },
      {
        id: 'calendar',
        before: at('2025-03-10T17:00:00+07:00'),
        after: at('2025-03-11T17:00:00+07:00'),
        deltaMinutes: 1440,
        provisional: false,
      },
    ]);
  });
});

describe('bad input', () => {
  const start = at('2025-03-03T10:00:00+07:00');

  it.each<[string, unknown]>([
    ['negative working days', { unit: 'working_days', value: -1 }],
    ['NaN', { unit: 'working_hours', value: Number.NaN }],
    ['infinity', { unit: 'working_days', value: Number.POSITIVE_INFINITY }],
    ['a string value', { unit: 'working_days', value: '3' }],
    ['fractional calendar days', { unit: 'calendar_days', value: 1.5 }],
    ['negative calendar days', { unit: 'calendar_days', value: -2 }],
    ['a malformed cutoff', { unit: 'same_day', cutoff: '3pm' }],
    ['a cutoff past 24:00', { unit: 'working_days', value: 1, cutoff: '25:00' }],
    ['an unknown unit', { unit: 'weeks', value: 1 }],
  ])('rejects %s as INVALID_DURATION', (_label, rule) => {
    expectCalendarError(() => computeDue(calendar, { start, rule: rule as DurationRule }), 'INVALID_DURATION');
    expectCalendarError(() => validateDurationRule(rule as DurationRule), 'INVALID_DURATION');
  });

  it('rejects bad instants, pauses and restarts', () => {
    expectCalendarError(() => computeDue(calendar, { start: Number.NaN, rule: oneDay }), 'INVALID_INSTANT');
    expectCalendarError(
      () => computeDue(calendar, { start: at('2100-12-31T10:00:00+07:00'), rule: { unit: 'working_days', value: 2 } }),
      'OUT_OF_RANGE',
    );
    expectCalendarError(
      () => computeDue(calendar, { start, rule: oneDay, pauses: [{ start: start + 60_000, end: start }] }),
      'INVALID_PAUSE',
    );
    expectCalendarError(() => computeDue(calendar, { start, rule: oneDay, restartAt: start - 1 }), 'INVALID_PAUSE');
  });
});

describe('computeDue properties', () => {
  it('never ends on a day off, and working-time rules equal addWorkingMinutes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2019-01-01T00:00:00+07:00') / 60_000, max: at('2028-01-01T00:00:00+07:00') / 60_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('working_days', 'calendar_days', 'same_day'),
        (minute, value, unit) => {
          const start = minute * 60_000;
          const rule: DurationRule =
            unit === 'same_day'
              ? { unit, cutoff: '15:00' }
              : unit === 'calendar_days'
                ? { unit, value }
                : { unit, value };
          const result = computeDue(calendar, { start, rule });
          expect(result.dueAt).not.toBeNull();
          const dueAt = result.dueAt ?? 0;
          expect(calendar.isWorkingDay(toLocalDate(dueAt))).toBe(true);
          expect(dueAt).toBeGreaterThan(start);
          if (unit === 'working_days') {
            expect(dueAt).toBe(calendar.addWorkingMinutes(start, value * 480));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
