import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeNewMoonJde, computeSunApparentLongitude, estimateLunationNumber, JD_UNIX_EPOCH } from './astronomy.js';
import { CalendarError } from './calendar-error.js';
import { fromDayNumber, MAX_DAY_NUMBER, MIN_DAY_NUMBER, toDayNumber } from './local-date.js';
import {
  fromLunarDate,
  getCanChi,
  getLeapMonth,
  getLunarMonthLength,
  getLunarNewYear,
  listLunarMonths,
  PUBLISHED_MONTH_START_CORRECTIONS,
  toLunarDate,
} from './lunar.js';

const readCsv = (name: string): string[][] =>
  readFileSync(new URL(`../../../../reference-data/${name}`, import.meta.url), 'utf8')
    .replace(/\r/g, '')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

const goldenDates = readCsv('lunar-golden-dates.csv');
const newYears = readCsv('lunar-new-year-1900-2100.csv');

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

describe('astronomy (Meeus)', () => {
  it('reproduces Meeus example 49.a: new moon of 1977 February, JDE 2443192.65118', () => {
    expect(computeNewMoonJde(-283)).toBeCloseTo(2443192.65118, 5);
  });

  it('reproduces Meeus example 25.a: apparent solar longitude 199.90895° on 1992 Oct 13.0 TD', () => {
    expect(computeSunApparentLongitude(2448908.5)).toBeCloseTo(199.90895, 4);
  });
});

describe('toLunarDate against the golden table (lunar-golden-dates.csv)', () => {
  it('has the expected number of rows', () => {
    expect(goldenDates.length).toBe(2274);
  });

  it.each([
    [7, 1],
    [8, 5],
  ])('agrees with every row at UTC+%i', (tz, column) => {
    const mismatches: string[] = [];
    for (const row of goldenDates) {
      const date = row[0] ?? '';
      const expected = {
        day: Number(row[column]),
        month: Number(row[column + 1]),
        year: Number(row[column + 2]),
        leap: row[column + 3] === '1',
      };
      const actual = toLunarDate(date, tz);
      if (
        actual.day !== expected.day ||
        actual.month !== expected.month ||
        actual.year !== expected.year ||
        actual.leap !== expected.leap
      ) {
        mismatches.push(`${date}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      }
      // And back again.
      expect(fromLunarDate(actual, tz)).toBe(date);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('lunar years against lunar-new-year-1900-2100.csv', () => {
  it('covers 1900–2100', () => {
    expect(newYears.length).toBe(201);
  });

  it('agrees on Tết (VN and CN), can chi, eve, month-12 length, Giỗ Tổ and leap month for every year', () => {
    const mismatches: string[] = [];
    for (const [year, canChi, tetVn, tetCn, differs, cnMinusVn, eve, month12Length, hungKings, leap] of newYears) {
      const y = Number(year);
      const actual = {
        canChi: getCanChi(y),
        tetVn: getLunarNewYear(y, 7),
        tetCn: getLunarNewYear(y, 8),
        differs: getLunarNewYear(y, 7) === getLunarNewYear(y, 8) ? 'no' : 'yes',
        cnMinusVn: String(toDayNumber(getLunarNewYear(y, 8)) - toDayNumber(getLunarNewYear(y, 7))),
        eve: fromDayNumber(toDayNumber(getLunarNewYear(y, 7)) - 1),
        month12Length: String(getLunarMonthLength(y - 1, 12, false, 7)),
        hungKings: fromLunarDate({ year: y, month: 3, day: 10, leap: false }),
        leap: String(getLeapMonth(y, 7) ?? ''),
      };
      const expected = { canChi, tetVn, tetCn, differs, cnMinusVn, eve, month12Length, hungKings, leap };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`${year}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('knows the years where Vietnam and China differ (1985 by a whole month, 2007, 2030 by a day)', () => {
    expect(getLunarNewYear(1985, 7)).toBe('1985-01-21');
    expect(getLunarNewYear(1985, 8)).toBe('1985-02-20');
    expect(getLunarNewYear(2007, 7)).toBe('2007-02-17');
    expect(getLunarNewYear(2007, 8)).toBe('2007-02-18');
    expect(getLunarNewYear(2030, 7)).toBe('2030-02-02');
    expect(getLunarNewYear(2030, 8)).toBe('2030-02-03');
  });

  it('handles the 2033 leap month 11', () => {
    expect(getLeapMonth(2033)).toBe(11);
    const months = listLunarMonths(2033);
    expect(months).toHaveLength(13);
    expect(months.map((m) => `${m.month}${m.leap ? 'L' : ''}`).slice(-3)).toEqual(['11', '11L', '12']);
  });
});

describe('lunar calendar structure (exhaustive 1900–2100)', () => {
  it.each([7, 8])('is a sequence of 29/30-day months with 12 or 13 months a year at UTC+%i', (tz) => {
    let previous = toLunarDate(fromDayNumber(MIN_DAY_NUMBER), tz);
    const monthsPerYear = new Map<number, number>();
    let monthLength = previous.day;
    const problems: string[] = [];
    for (let day = MIN_DAY_NUMBER + 1; day <= MAX_DAY_NUMBER; day += 1) {
      const date = fromDayNumber(day);
      const lunar = toLunarDate(date, tz);
      if (lunar.day === 1) {
        if (monthLength !== 29 && monthLength !== 30 && day > MIN_DAY_NUMBER + 31) {
          problems.push(`${date}: previous month had ${monthLength} days`);
        }
        monthsPerYear.set(lunar.year, (monthsPerYear.get(lunar.year) ?? 0) + 1);
        monthLength = 1;
      } else {
        monthLength += 1;
        if (lunar.day !== previous.day + 1 || lunar.month !== previous.month || lunar.year !== previous.year) {
          problems.push(`${date}: not consecutive`);
        }
      }
      if (fromLunarDate(lunar, tz) !== date) {
        problems.push(`${date}: round trip`);
      }
      previous = lunar;
    }
    for (const [year, count] of monthsPerYear) {
      if (year > 1900 && year < 2100 && count !== 12 && count !== 13) {
        problems.push(`${year}: ${count} months`);
      }
      if (year > 1900 && year < 2100 && (count === 13) !== (getLeapMonth(year, tz) !== undefined)) {
        problems.push(`${year}: leap month inconsistent`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('fromLunarDate(toLunarDate(d)) === d for random dates and offsets (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY_NUMBER, max: MAX_DAY_NUMBER }), fc.constantFrom(7, 8), (day, tz) => {
        const date = fromDayNumber(day);
        expect(fromLunarDate(toLunarDate(date, tz), tz)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('published corrections', () => {
  it('only ever corrects a new moon that falls within 60 s of local midnight', () => {
    for (const correction of PUBLISHED_MONTH_START_CORRECTIONS) {
      const midnight = toDayNumber(correction.published); // local midnight starting the published day
      const k = estimateLunationNumber(midnight + JD_UNIX_EPOCH) + 1;
      const candidates = [k - 1, k, k + 1].map((n) => computeNewMoonJde(n));
      const nearest = Math.min(
        ...candidates.map((jde) => Math.abs((jde - JD_UNIX_EPOCH + correction.tzHours / 24 - midnight) * 86400)),
      );
      expect(nearest).toBeLessThan(60);
      expect(toDayNumber(correction.published) - toDayNumber(correction.computed)).toBe(1);
    }
  });
});

describe('lunar API', () => {
  it('converts well-known dates', () => {
    expect(toLunarDate('2025-01-29')).toEqual({ year: 2025, month: 1, day: 1, leap: false });
    expect(toLunarDate('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(toLunarDate('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(fromLunarDate({ year: 2026, month: 3, day: 10, leap: false })).toBe('2026-04-26');
  });

  it('names years in the sexagenary cycle', () => {
    expect(getCanChi(2026)).toBe('Bính Ngọ');
    expect(getCanChi(2025)).toBe('Ất Tỵ');
    expect(getCanChi(1984)).toBe('Giáp Tý');
    expect(getCanChi(1900)).toBe('Canh Tý');
    expect(getCanChi(1899)).toBe('Kỷ Hợi');
  });

  it('gives month lengths and leap months', () => {
    expect(getLunarMonthLength(2025, 12)).toBe(29);
    expect(getLunarMonthLength(2023, 2, true)).toBe(29);
    expect(getLeapMonth(2025)).toBe(6);
    expect(getLeapMonth(2026)).toBeUndefined();
  });

  it('rejects dates that do not exist', () => {
    expectCalendarError(() => fromLunarDate({ year: 2025, month: 12, day: 30, leap: false }), 'LUNAR_DATE_NOT_FOUND');
    expectCalendarError(() => fromLunarDate({ year: 2026, month: 5, day: 1, leap: true }), 'LUNAR_DATE_NOT_FOUND');
    expectCalendarError(() => getLunarMonthLength(2024, 4, true), 'LUNAR_DATE_NOT_FOUND');
    expectCalendarError(() => fromLunarDate({ year: 2025, month: 13, day: 1, leap: false }), 'INVALID_LUNAR_DATE');
    expectCalendarError(() => fromLunarDate({ year: 2025, month: 1, day: 0, leap: false }), 'INVALID_LUNAR_DATE');
    expectCalendarError(() => fromLunarDate({ year: 2025, month: 1, day: 1.5, leap: false }), 'INVALID_LUNAR_DATE');
  });

  it('rejects out-of-range years, dates and offsets', () => {
    expectCalendarError(() => toLunarDate('2101-01-01'), 'OUT_OF_RANGE');
    expectCalendarError(() => getLunarNewYear(2101), 'OUT_OF_RANGE');
    expectCalendarError(() => fromLunarDate({ year: 1899, month: 11, day: 1, leap: false }), 'OUT_OF_RANGE');
    expectCalendarError(() => toLunarDate('2025-01-01', 25), 'INVALID_TIME_ZONE');
    expectCalendarError(() => toLunarDate('2025-01-01', Number.NaN), 'INVALID_TIME_ZONE');
  });

  it('lists the months of a year with start dates', () => {
    const months = listLunarMonths(2025);
    expect(months).toHaveLength(13);
    expect(months[0]).toEqual({ year: 2025, month: 1, leap: false, start: '2025-01-29', length: 30 });
    expect(months.filter((m) => m.leap).map((m) => m.month)).toEqual([6]);
    expect(months.reduce((sum, m) => sum + m.length, 0)).toBe(
      toDayNumber(getLunarNewYear(2026)) - toDayNumber(getLunarNewYear(2025)),
    );
  });
});
