import { describe, expect, it } from 'vitest';
import { buildDuration, parseTimeUnit } from './parse-duration.js';

const codesOf = (result: ReturnType<typeof buildDuration>) => result.issues.map((issue) => issue.code);

describe('parseTimeUnit', () => {
  it.each([
    ['Ngày làm việc', 'working_days'],
    ['ngày làm việc', 'working_days'],
    ['Ngày', 'calendar_days'],
    ['Giờ', 'clock_hours'],
    ['Giờ làm việc', 'working_hours'],
    ['Tháng', 'months'],
    ['Năm', 'years'],
    ['Tuần', 'weeks'],
    ['Phút', 'minutes'],
    ['Trong ngày', 'same_day'],
  ])('reads %j as %s', (text, unit) => {
    expect(parseTimeUnit(text)).toBe(unit);
  });

  it('does not guess unknown units', () => {
    expect(parseTimeUnit('Quý')).toBeUndefined();
  });
});

describe('buildDuration', () => {
  it('maps the units of the national database', () => {
    expect(buildDuration(15, 'Ngày làm việc', 'f').duration).toEqual({ unit: 'working_days', value: 15 });
    expect(buildDuration(30, 'Ngày', 'f').duration).toEqual({ unit: 'calendar_days', value: 30 });
    expect(buildDuration(4, 'Giờ làm việc', 'f')).toEqual({
      duration: { unit: 'working_hours', value: 4 },
      issues: [],
    });
  });

  it('reads a number without a unit as working days and says so', () => {
    const result = buildDuration(1, undefined, 'channels[0].time_value');
    expect(result.duration).toEqual({ unit: 'working_days', value: 1 });
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'TIME_UNIT_MISSING_ASSUMED_WORKING_DAYS',
        severity: 'warning',
        field: 'channels[0].time_value',
      }),
    ]);
  });

  it('reads "Giờ" as working hours, with a note', () => {
    const result = buildDuration(24, 'Giờ', 'f');
    expect(result.duration).toEqual({ unit: 'working_hours', value: 24 });
    expect(codesOf(result)).toEqual(['TIME_HOURS_AS_WORKING_HOURS']);
  });

  it('converts months, years and weeks to calendar days (Civil Code 2015 Art. 146(1))', () => {
    expect(buildDuration(6, 'Tháng', 'f').duration).toEqual({ unit: 'calendar_days', value: 180 });
    expect(codesOf(buildDuration(6, 'Tháng', 'f'))).toEqual(['TIME_MONTHS_AS_CALENDAR_DAYS']);
    expect(buildDuration(1, 'Năm', 'f').duration).toEqual({ unit: 'calendar_days', value: 365 });
    expect(buildDuration(2, 'Tuần', 'f').duration).toEqual({ unit: 'calendar_days', value: 14 });
  });

  it('converts fractional working days to working hours, rounding only when it must', () => {
    expect(buildDuration(1.5, 'Ngày làm việc', 'f')).toEqual({
      duration: { unit: 'working_hours', value: 12 },
      issues: [expect.objectContaining({ code: 'TIME_FRACTION_CONVERTED' })],
    });
    expect(buildDuration(0.3, 'Ngày làm việc', 'f').duration).toEqual({ unit: 'working_hours', value: 3 });
    expect(codesOf(buildDuration(2.5, 'Ngày', 'f'))).toEqual(['TIME_FRACTION_ROUNDED_UP']);
  });

  it('rounds minutes up to whole working hours', () => {
    expect(buildDuration(90, 'Phút', 'f').duration).toEqual({ unit: 'working_hours', value: 2 });
  });

  it('uses the 15:00 cutoff for same-day processing', () => {
    expect(buildDuration(0, 'Trong ngày', 'f').duration).toEqual({ unit: 'same_day', cutoff: '15:00' });
  });

  it('treats zero, negative and unknown-unit limits as unknown', () => {
    expect(buildDuration(0, undefined, 'f')).toEqual({
      duration: null,
      issues: [
        expect.objectContaining({ code: 'TIME_UNIT_MISSING_ASSUMED_WORKING_DAYS' }),
        expect.objectContaining({ code: 'TIME_ZERO' }),
      ],
    });
    expect(codesOf(buildDuration(-1, 'Ngày', 'f'))).toEqual(['TIME_MISSING']);
    expect(buildDuration(3, 'Quý', 'f')).toEqual({
      duration: null,
      issues: [expect.objectContaining({ code: 'TIME_UNIT_UNKNOWN' })],
    });
  });
});
