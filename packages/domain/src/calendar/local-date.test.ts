import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import {
  addDays,
  findTimeOfDayMinutes,
  formatInstant,
  fromDayNumber,
  getDaysBetween,
  getWeekday,
  getYearOfDayNumber,
  isLocalDate,
  MAX_DAY_NUMBER,
  MAX_INSTANT,
  MIN_DAY_NUMBER,
  MIN_INSTANT,
  parseInstant,
  parseLocalDate,
  parseTimeOfDay,
  toDayNumber,
  toInstant,
  toLocalDate,
  toLocalMinutes,
} from './local-date.js';

const expectCalendarError = (fn: () => unknown, code: string): CalendarError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).code).toBe(code);
    return error as CalendarError;
  }
  return expect.fail(`expected CalendarError ${code}`);
};

describe('LocalDate', () => {
  it('accepts real dates within 1900–2100', () => {
    expect(parseLocalDate('2024-02-29')).toBe('2024-02-29');
    expect(parseLocalDate('1900-01-01')).toBe('1900-01-01');
    expect(parseLocalDate('2100-12-31')).toBe('2100-12-31');
    expect(isLocalDate('2025-01-24')).toBe(true);
    expect(isLocalDate('2025-1-24')).toBe(false);
    expect(isLocalDate(20250124)).toBe(false);
  });

  it.each(['2025-02-30', '2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-01-32', '2025-1-1', '', 'x'])(
    'rejects %s as INVALID_DATE',
    (value) => {
      const error = expectCalendarError(() => parseLocalDate(value), 'INVALID_DATE');
      expect(error.params.value).toBe(value);
    },
  );

  it.each(['2101-01-01', '1899-12-31'])('rejects %s as OUT_OF_RANGE', (value) => {
    expectCalendarError(() => parseLocalDate(value), 'OUT_OF_RANGE');
  });

  it('numbers days from 1970-01-01 and knows weekdays', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2025-01-24'))).toBe('2025-01-24');
    expect(getWeekday('2025-01-24')).toBe(5); // Friday
    expect(getWeekday('2026-02-15')).toBe(0); // Sunday
    expect(getWeekday('1900-01-01')).toBe(1); // Monday
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(getDaysBetween('2025-01-24', '2025-02-03')).toBe(10);
    expectCalendarError(() => addDays('2100-12-31', 1), 'OUT_OF_RANGE');
    expectCalendarError(() => fromDayNumber(MAX_DAY_NUMBER + 1), 'OUT_OF_RANGE');
    expectCalendarError(() => fromDayNumber(1.5), 'INVALID_DATE');
  });

  it('round-trips every day number and finds its year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY_NUMBER, max: MAX_DAY_NUMBER }), (day) => {
        const date = fromDayNumber(day);
        expect(toDayNumber(date)).toBe(day);
        expect(getYearOfDayNumber(day)).toBe(Number(date.slice(0, 4)));
        expect(getWeekday(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('instants', () => {
  it('parses ISO 8601 with an explicit offset', () => {
    const expected = Date.UTC(2025, 0, 24, 3, 0, 0);
    expect(parseInstant('2025-01-24T10:00:00+07:00')).toBe(expected);
    expect(parseInstant('2025-01-24T10:00:00+0700')).toBe(expected);
    expect(parseInstant('2025-01-24T03:00:00Z')).toBe(expected);
    expect(parseInstant('2025-01-24T10:00+07:00')).toBe(expected);
    expect(parseInstant('2025-01-24T04:00:00.000+01:00')).toBe(expected);
    expect(parseInstant('2025-01-23T22:00:00-05:00')).toBe(expected);
    expect(parseInstant('2025-01-24T10:00:00.1239+07:00')).toBe(expected + 123);
  });

  it.each([
    '2025-01-24T10:00:00',
    '2025-01-24T10:00:00+7',
    '2025-01-24T10:00:00+07',
    '2025-01-24 10:00:00+07:00',
    '2025-01-24T24:00:00+07:00',
    '2025-01-24T10:60:00+07:00',
    '2025-02-30T10:00:00+07:00',
    '2025-01-24T10:00:00+25:00',
    '2025-01-24',
    '',
  ])('rejects %s as INVALID_INSTANT', (value) => {
    expectCalendarError(() => parseInstant(value), 'INVALID_INSTANT');
  });

  it.each(['2101-01-01T00:00:00+07:00', '1899-12-31T23:00:00+07:00', '2100-12-31T17:00:00Z'])(
    'rejects %s as OUT_OF_RANGE',
    (value) => {
      expectCalendarError(() => parseInstant(value), 'OUT_OF_RANGE');
    },
  );

  it('formats in Vietnam time with seconds precision', () => {
    expect(formatInstant(parseInstant('2025-02-03T03:00:00Z'))).toBe('2025-02-03T10:00:00+07:00');
    expect(formatInstant(parseInstant('2025-02-03T10:00:59.999+07:00'))).toBe('2025-02-03T10:00:59+07:00');
    expect(formatInstant(MIN_INSTANT)).toBe('1900-01-01T00:00:00+07:00');
    expect(formatInstant(MAX_INSTANT)).toBe('2100-12-31T23:59:59+07:00');
    expectCalendarError(() => formatInstant(Number.NaN), 'INVALID_INSTANT');
    expectCalendarError(() => formatInstant(MAX_INSTANT + 1), 'OUT_OF_RANGE');
  });

  it('gives the local date and minutes after local midnight', () => {
    const ms = parseInstant('2025-01-24T23:30:00+07:00');
    expect(toLocalDate(ms)).toBe('2025-01-24');
    expect(toLocalMinutes(ms)).toBe(23 * 60 + 30);
    expect(toLocalDate(parseInstant('2025-01-24T17:00:00Z'))).toBe('2025-01-25');
    expect(toInstant('2025-01-24', 600)).toBe(parseInstant('2025-01-24T10:00:00+07:00'));
    expectCalendarError(() => toInstant('2025-01-24', 1441), 'INVALID_TIME');
  });

  it('round-trips format/parse for any instant in range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANT / 1000, max: Math.floor(MAX_INSTANT / 1000) }), (seconds) => {
        const ms = seconds * 1000;
        expect(parseInstant(formatInstant(ms))).toBe(ms);
        expect(toInstant(toLocalDate(ms), toLocalMinutes(ms))).toBe(ms - ((ms - MIN_INSTANT) % 60_000));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('time of day', () => {
  it('parses HH:MM within 00:00–24:00', () => {
    expect(parseTimeOfDay('07:00')).toBe(420);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    expect(findTimeOfDayMinutes('24:01')).toBeUndefined();
    expect(findTimeOfDayMinutes('7:00')).toBeUndefined();
    expect(findTimeOfDayMinutes('12:60')).toBeUndefined();
    expectCalendarError(() => parseTimeOfDay('25:00'), 'INVALID_TIME');
  });
});
