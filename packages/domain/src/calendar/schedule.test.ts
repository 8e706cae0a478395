import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import { addDays, getWeekday } from './local-date.js';
import { OFFICIAL_SCHEDULE_PERIODS } from './official-schedules.js';
import { createDayOffCalendar, DayOffCalendar } from './schedule.js';
import type { ScheduleEntryInput } from './schedule-types.js';

const official = createDayOffCalendar();

/** Independent of DayOffCalendar: the published days off straight from the periods. */
const publishedDaysOff = new Set(
  OFFICIAL_SCHEDULE_PERIODS.filter((p) => p.status !== 'pending-law').flatMap((p) => p.daysOff),
);
const publishedMakeupDays = new Set(OFFICIAL_SCHEDULE_PERIODS.flatMap((p) => p.swaps.map((s) => s.makeupWorkday)));
const isPublishedWorkingDay = (date: string): boolean =>
  publishedMakeupDays.has(date) || (!publishedDaysOff.has(date) && ![0, 6].includes(getWeekday(date)));

describe('DayOffCalendar with the official schedules 2020–2026', () => {
  it('agrees with the published schedule on every day of 2020–2026', () => {
    const disagreements: string[] = [];
    for (let date = '2020-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      if (official.isWorkingDay(date) !== isPublishedWorkingDay(date)) {
        disagreements.push(date);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('treats Saturday and Sunday as rest days and Monday–Friday as working days by default', () => {
    expect(official.getDayInfo('2025-03-08')).toMatchObject({ working: false, weekend: true, provisional: false });
    expect(official.getDayInfo('2025-03-09')).toMatchObject({ working: false, weekend: true });
    expect(official.getDayInfo('2025-03-10')).toEqual({
      date: '2025-03-10',
      working: true,
      weekend: false,
      provisional: false,
    });
  });

  it('describes holidays, compensatory days and swaps with period, status and source', () => {
    expect(official.getDayInfo('2025-01-29')).toMatchObject({
      working: false,
      kind: 'holiday',
      period: 'Tết Âm lịch (Ất Tỵ)',
      status: 'confirmed',
      provisional: false,
    });
    expect(official.getDayInfo('2025-01-29').source).toContain('8726/VPCP-KGVX');
    expect(official.getDayInfo('2023-01-02')).toMatchObject({ working: false, kind: 'compensatory' });
    expect(official.getDayInfo('2024-04-29')).toMatchObject({ working: false, kind: 'swap_day_off' });
    expect(official.getDayInfo('2024-05-04')).toMatchObject({ working: true, weekend: true, kind: 'makeup_workday' });
    expect(official.getDayInfo('2025-05-02')).toMatchObject({ working: false, kind: 'swap_day_off' });
    expect(official.getDayInfo('2025-04-26')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(official.getDayInfo('2026-01-02')).toMatchObject({ working: false, kind: 'swap_day_off' });
    expect(official.getDayInfo('2026-01-10')).toMatchObject({ working: true, kind: 'makeup_workday' });
  });

  it('applies the proposed 2026 Quốc khánh break but flags it provisional', () => {
    expect(official.getDayInfo('2026-08-31')).toMatchObject({ working: false, status: 'proposed', provisional: true });
    expect(official.getDayInfo('2026-09-01')).toMatchObject({ working: false, status: 'proposed', provisional: true });
    expect(official.getDayInfo('2026-08-22')).toMatchObject({
      working: true,
      kind: 'makeup_workday',
      provisional: true,
    });
  });

  it('does NOT apply the pending-law 24/11/2026 but flags it provisional', () => {
    expect(official.getDayInfo('2026-11-24')).toMatchObject({
      working: true,
      kind: 'holiday',
      status: 'pending-law',
      provisional: true,
    });
    expect(official.isWorkingDay('2026-11-24')).toBe(true);
    expect(official.listDaysOff(2026).map((e) => e.date)).not.toContain('2026-11-24');
    expect(official.listEntries(2026).map((e) => e.date)).toContain('2026-11-24');
  });

  it('lists the days off of a year with their period names', () => {
    const daysOff = official.listDaysOff(2026);
    expect(daysOff.map((e) => e.date)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(daysOff[2]?.period).toBe('Tết Âm lịch (Bính Ngọ)');
  });

  it('rebuilds every published break (off_from–off_to) from the day-off calendar', () => {
    for (const year of [2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
      const breaks = official.listBreaks(year).map((b) => `${b.from}…${b.to}`);
      const published = OFFICIAL_SCHEDULE_PERIODS.filter((p) => p.year === year && p.status !== 'pending-law').map(
        (p) => `${p.offFrom}…${p.offTo}`,
      );
      expect(breaks, String(year)).toEqual(published);
    }
    expect(official.listBreaks(2026)[1]).toEqual({
      period: 'Tết Âm lịch (Bính Ngọ)',
      from: '2026-02-14',
      to: '2026-02-22',
      days: 9,
      provisional: false,
    });
    expect(official.listBreaks(2026)[4]?.provisional).toBe(true);
  });

  it('knows which years are published', () => {
    expect(official.isProvisionalYear(2025)).toBe(false);
    expect(official.isProvisionalYear(2027)).toBe(true);
    expect(official.isProvisionalYear(1999)).toBe(true);
    expect(official.isPublishedYear(2020)).toBe(true);
  });
});

describe('fallback years', () => {
  it('derive 2027 from the Labour Code and flag every day provisional', () => {
    expect(official.getDayInfo('2027-02-08')).toMatchObject({
      working: false,
      kind: 'holiday',
      status: 'rule-derived',
      period: 'Tết Âm lịch (Đinh Mùi)',
      provisional: true,
    });
    expect(official.getDayInfo('2027-03-10')).toMatchObject({ working: true, provisional: true });
    expect(official.listDaysOff(2027).length).toBeGreaterThanOrEqual(11);
  });

  it('derive 1999 (Labour Code 2012 rules, documented simplification)', () => {
    expect(official.isWorkingDay('1999-09-02')).toBe(false);
    expect(official.isWorkingDay('1999-09-03')).toBe(true);
    expect(official.getDayInfo('1999-02-16')).toMatchObject({ kind: 'holiday', provisional: true }); // Tết Kỷ Mão
  });
});

describe('overrides', () => {
  it('lets a later entry replace an earlier one and a removal cancel a day off', () => {
    const calendar = createDayOffCalendar({
      extraEntries: [
        { date: '2025-03-10', kind: 'extra_day_off', period: 'Nghỉ theo quyết định của tỉnh', status: 'confirmed' },
        { date: '2025-05-02', removed: true, note: 'tỉnh không áp dụng hoán đổi' },
        { date: '2026-11-24', kind: 'holiday', period: 'Ngày Văn hóa Việt Nam', status: 'confirmed' },
        { date: '2027-02-11', removed: true },
      ],
    });
    expect(calendar.getDayInfo('2025-03-10')).toMatchObject({ working: false, kind: 'extra_day_off' });
    expect(calendar.getDayInfo('2025-05-02')).toEqual({
      date: '2025-05-02',
      working: true,
      weekend: false,
      provisional: false,
    });
    expect(calendar.getDayInfo('2026-11-24')).toMatchObject({
      working: false,
      status: 'confirmed',
      provisional: false,
    });
    expect(calendar.isWorkingDay('2027-02-11')).toBe(true); // removed rule-derived compensatory day
    expect(calendar.isWorkingDay('2027-02-10')).toBe(false);
    // The official calendar is not affected.
    expect(official.isWorkingDay('2025-03-10')).toBe(true);
  });

  it('publishes a new year: only its entries count, no Labour Code fallback', () => {
    const calendar = createDayOffCalendar({
      publishedYears: [2027],
      extraEntries: [{ date: '2027-01-01', kind: 'holiday', period: 'Tết Dương lịch', status: 'confirmed' }],
    });
    expect(calendar.isProvisionalYear(2027)).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-08')).toBe(true);
    expect(calendar.getDayInfo('2027-02-08').provisional).toBe(false);
  });

  it('can start from an empty schedule', () => {
    const calendar = new DayOffCalendar({ entries: [], publishedYears: new Set([2025]) });
    expect(calendar.isWorkingDay('2025-01-29')).toBe(true);
    expect(calendar.listDaysOff(2025)).toEqual([]);
    expect(createDayOffCalendar({ includeOfficial: false }).isWorkingDay('2025-01-29')).toBe(false); // fallback rules
  });

  it.each<[string, unknown]>([
    ['bad date', { date: '2025-02-30', kind: 'holiday', period: 'x', status: 'confirmed' }],
    ['bad kind', { date: '2025-02-03', kind: 'weekend', period: 'x', status: 'confirmed' }],
    ['bad status', { date: '2025-02-03', kind: 'holiday', period: 'x', status: 'maybe' }],
    ['no period', { date: '2025-02-03', kind: 'holiday', period: ' ', status: 'confirmed' }],
  ])('rejects an entry with a %s as INVALID_SCHEDULE_ENTRY', (_label, entry) => {
    try {
      createDayOffCalendar({ extraEntries: [entry as ScheduleEntryInput] });
      expect.fail('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as CalendarError).code).toBe('INVALID_SCHEDULE_ENTRY');
    }
  });

  it('rejects years out of range', () => {
    expect(() => official.listDaysOff(2101)).toThrow(CalendarError);
    expect(() => official.getDayInfo('2101-01-01')).toThrow(CalendarError);
  });
});
