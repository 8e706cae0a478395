import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import { getNationalDaySecondDay, getStatutoryHolidaysByRule, listTetHolidays } from './holiday-rules.js';
import { addDays, getWeekday } from './local-date.js';
import { getLunarMonthLength, getLunarNewYear, toLunarDate } from './lunar.js';
import { OFFICIAL_SCHEDULE_PERIODS } from './official-schedules.js';
import { listOfficialScheduleEntries } from './schedule.js';

const ruleKeys = (year: number): string[] => getStatutoryHolidaysByRule(year).map((e) => `${e.date} ${e.kind}`);

const officialKeys = (year: number): string[] =>
  listOfficialScheduleEntries()
    .filter((e) => e.date.startsWith(`${year}-`) && e.status !== 'pending-law')
    .map((e) => `${e.date} ${e.kind}`)
    .sort();

describe('getStatutoryHolidaysByRule against the official schedules', () => {
  it.each([2020, 2021, 2022, 2023])('reproduces every holiday and compensatory day of %i exactly', (year) => {
    expect(ruleKeys(year)).toEqual(officialKeys(year));
  });

  it('differs in 2024 only by the Government swap 29/4 ↔ Sat 4/5 (not derivable from the law)', () => {
    const official = officialKeys(2024);
    const rule = ruleKeys(2024);
    expect(rule.filter((k) => !official.includes(k))).toEqual([]);
    expect(official.filter((k) => !rule.includes(k))).toEqual(['2024-04-29 swap_day_off', '2024-05-04 makeup_workday']);
  });

  it('differs in 2025 by the Prime Minister moving Tết one day earlier and by the 2/5 ↔ 26/4 swap', () => {
    const official = officialKeys(2025);
    const rule = ruleKeys(2025);
    // Rule: 28/1 (29 Chạp, last day) … Sat 1/2 (mùng 4) + Mon 3/2 compensatory.
    // Official (CV 8726/VPCP-KGVX): Mon 27/1 (28 Chạp) … Fri 31/1 (mùng 3).
    expect(rule.filter((k) => !official.includes(k))).toEqual(['2025-02-01 holiday', '2025-02-03 compensatory']);
    expect(official.filter((k) => !rule.includes(k))).toEqual([
      '2025-01-27 holiday',
      '2025-04-26 makeup_workday',
      '2025-05-02 swap_day_off',
    ]);
  });

  it('differs in 2026 only by the swaps (2/1 ↔ Sat 10/1; proposed 31/8 ↔ Sat 22/8); 24/11 is not a holiday', () => {
    const official = officialKeys(2026);
    const rule = ruleKeys(2026);
    expect(rule.filter((k) => !official.includes(k))).toEqual([]);
    expect(official.filter((k) => !rule.includes(k))).toEqual([
      '2026-01-02 swap_day_off',
      '2026-01-10 makeup_workday',
      '2026-08-22 makeup_workday',
      '2026-08-31 swap_day_off',
    ]);
    expect(rule).not.toContain('2026-11-24 holiday');
  });

  it('marks every entry rule-derived and cites the Labour Code in force', () => {
    for (const entry of getStatutoryHolidaysByRule(2027)) {
      expect(entry.status).toBe('rule-derived');
      expect(entry.source).toContain('Bộ luật Lao động 2019');
    }
    expect(getStatutoryHolidaysByRule(2019)[0]?.source).toContain('Bộ luật Lao động 2012');
  });
});

describe('Labour Code eras', () => {
  it('gives 1 Quốc khánh day up to 2020 (LC 2012 Art. 115) and 2 from 2021 (LC 2019 Art. 112)', () => {
    const nationalDays = (year: number) =>
      getStatutoryHolidaysByRule(year).filter((e) => e.period === 'Quốc khánh' && e.kind === 'holiday');
    expect(nationalDays(2020).map((e) => e.date)).toEqual(['2020-09-02']);
    expect(nationalDays(2021).map((e) => e.date)).toEqual(['2021-09-02', '2021-09-03']);
    expect(nationalDays(1999).map((e) => e.date)).toEqual(['1999-09-02']);
  });

  it('has 11 statutory holiday dates from 2021 and 10 before', () => {
    for (const year of [2021, 2027, 2050, 2100]) {
      expect(getStatutoryHolidaysByRule(year).filter((e) => e.kind === 'holiday')).toHaveLength(11);
    }
    for (const year of [1900, 1999, 2019]) {
      expect(getStatutoryHolidaysByRule(year).filter((e) => e.kind === 'holiday')).toHaveLength(10);
    }
  });
});

describe('second Quốc khánh day', () => {
  it.each([
    [2021, '2021-09-03'],
    [2022, '2022-09-01'],
    [2023, '2023-09-01'],
    [2024, '2024-09-03'],
    [2025, '2025-09-01'],
    [2026, '2026-09-01'],
  ])('matches the published choice in %i', (year, expected) => {
    expect(getNationalDaySecondDay(year)).toBe(expected);
  });

  it('is adjacent to 2/9 and never on a weekend', () => {
    for (let year = 2021; year <= 2100; year += 1) {
      const second = getNationalDaySecondDay(year);
      expect([`${year}-09-01`, `${year}-09-03`]).toContain(second);
      expect([0, 6]).not.toContain(getWeekday(second));
    }
  });
});

describe('Tết days', () => {
  it('are five consecutive days from 29 tháng Chạp', () => {
    for (let year = 1901; year <= 2100; year += 1) {
      const days = listTetHolidays(year);
      expect(days).toHaveLength(5);
      const first = toLunarDate(days[0] ?? '');
      expect(first).toEqual({ year: year - 1, month: 12, day: 29, leap: false });
      expect(days[4]).toBe(addDays(days[0] ?? '', 4));
      // Includes the last day of the lunar year and mùng 1.
      const tet = getLunarNewYear(year);
      expect(days).toContain(tet);
      expect(days).toContain(addDays(tet, -1));
      expect(days.indexOf(tet)).toBe(getLunarMonthLength(year - 1, 12) === 29 ? 1 : 2);
    }
  });

  it('match the published Tết holidays 2020–2024 and 2026', () => {
    for (const year of [2020, 2021, 2022, 2023, 2024, 2026]) {
      const period = OFFICIAL_SCHEDULE_PERIODS.find((p) => p.year === year && p.name.startsWith('Tết Âm lịch'));
      expect(listTetHolidays(year)).toEqual(period?.statutoryHolidays);
    }
  });
});

describe('compensation (LC 2019 Art. 111(3))', () => {
  it('moves weekend holidays to the next free weekdays in order', () => {
    // 2023: Tết Fri 20/1 … Tue 24/1; Sat 21 and Sun 22 → Wed 25, Thu 26.
    const tet2023 = getStatutoryHolidaysByRule(2023).filter((e) => e.period.startsWith('Tết Âm lịch'));
    expect(tet2023.filter((e) => e.kind === 'compensatory').map((e) => e.date)).toEqual(['2023-01-25', '2023-01-26']);
  });

  it('compensates a second holiday on the same date (Giỗ Tổ on 30/4/1947)', () => {
    const entries = getStatutoryHolidaysByRule(1947);
    const april30 = entries.find((e) => e.date === '1947-04-30');
    expect(april30?.period).toBe('Giỗ Tổ Hùng Vương + Ngày Chiến thắng + Quốc tế Lao động');
    // 30/4/1947 Wed (two holidays), 1/5 Thu → one compensatory day: Fri 2/5.
    expect(entries.filter((e) => e.kind === 'compensatory').map((e) => e.date)).toContain('1947-05-02');
  });

  it('never puts a compensatory day on a weekend or on a holiday', () => {
    for (let year = 1900; year <= 2100; year += 1) {
      const entries = getStatutoryHolidaysByRule(year);
      const dates = entries.map((e) => e.date);
      expect(new Set(dates).size).toBe(dates.length);
      for (const entry of entries.filter((e) => e.kind === 'compensatory')) {
        expect([0, 6]).not.toContain(getWeekday(entry.date));
      }
    }
  });

  it('rejects years outside 1900–2100', () => {
    expect(() => getStatutoryHolidaysByRule(2101)).toThrow(CalendarError);
    expect(() => getNationalDaySecondDay(1899)).toThrow(CalendarError);
  });
});
