import { CalendarError } from './calendar-error.js';
import type { LocalDate } from './local-date.js';
import { fromDayNumber, getWeekdayOfDayNumber, MAX_YEAR, MIN_YEAR, toDayNumber } from './local-date.js';
import { fromLunarDate, getCanChi } from './lunar.js';
import type { ScheduleEntry } from './schedule-types.js';

/**
 * Statutory holidays derived from the Labour Code, used for years without a published schedule.
 *
 * Labour Code 2019 (45/2019/QH14, in force 1 Jan 2021), Art. 112(1): Tết Dương lịch 1 day (1/1);
 * Tết Âm lịch 5 days; Ngày Chiến thắng 1 day (30/4); Quốc tế Lao động 1 day (1/5); Quốc khánh
 * 2 days (2/9 and one day before or after); Giỗ Tổ Hùng Vương 1 day (10/3 âm lịch).
 * Art. 112(3): the Prime Minister fixes the Tết days and the extra Quốc khánh day each year.
 * Labour Code 2012 (10/2012/QH13) Art. 115(1): the same list with Quốc khánh 1 day (2/9).
 * Art. 111(3) (2019; Art. 110(3) of 2012 — recalled): when a holiday coincides with the weekly
 * rest day, the worker gets the next working day off (nghỉ bù).
 *
 * What the rules cannot give: the yearly swaps (hoán đổi ngày làm việc) decided by the Government
 * and any other Prime Minister choice. Those come from the official schedules (schedule.ts).
 *
 * Years before 1 May 2013 were governed by the Labour Code 1994 Art. 73 (Tết 4 days; Giỗ Tổ only
 * from the 2007 amendment) and Saturdays were working days for civil servants until the 40-hour
 * week of October 1999 (recalled). This module deliberately applies the 2012 rules to every year up
 * to 2020 (as specified for the product); such years are always flagged provisional.
 */

/** First year in which Labour Code 2019 (2-day Quốc khánh) applies. */
export const LABOUR_CODE_2019_FIRST_YEAR = 2021;

const LC_2019 = 'Bộ luật Lao động 2019, Điều 111–112 (tính theo luật, chưa có lịch công bố)';
const LC_2012 = 'Bộ luật Lao động 2012, Điều 115 (tính theo luật, chưa có lịch công bố)';

/**
 * Offset (−1 = 1/9, +1 = 3/9) of the second Quốc khánh day, by the weekday of 2/9 (0 = Sunday).
 *
 * Art. 112(1)(đ) leaves the choice to the Prime Minister. Our deterministic rule: take the adjacent
 * day that gives the longest unbroken rest period together with the weekend (after Art. 111(3)
 * compensation); on a tie prefer the day that is itself a working day (so no compensatory day is
 * needed); on a further tie prefer 1/9. It reproduces every published choice 2021–2026:
 * 2021 Thu→3/9, 2022 Fri→1/9, 2023 Sat→1/9, 2024 Mon→3/9, 2025 Tue→1/9, 2026 Wed→1/9 (proposed).
 */
const NATIONAL_DAY_SECOND_DAY_OFFSET: readonly number[] = [
  +1, // Sunday: 3/9 Monday (1/9 Saturday would also give a 4-day break, but needs compensation)
  +1, // Monday: 3/9 Tuesday (1/9 is a Sunday)
  -1, // Tuesday: 1/9 Monday joins the weekend
  -1, // Wednesday: neither joins the weekend; tie → 1/9
  +1, // Thursday: 3/9 Friday joins the weekend
  -1, // Friday: 1/9 Thursday (3/9 would be a Saturday)
  -1, // Saturday: 1/9 Friday (3/9 would be a Sunday)
];

const assertYear = (year: number): void => {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', `Year must be an integer within ${MIN_YEAR}–${MAX_YEAR}`, {
      value: String(year),
    });
  }
};

/** The second Quốc khánh day (1/9 or 3/9) under the rule above; only meaningful from 2021. */
export const getNationalDaySecondDay = (year: number): LocalDate => {
  assertYear(year);
  const second = toDayNumber(`${year}-09-02`);
  return fromDayNumber(second + (NATIONAL_DAY_SECOND_DAY_OFFSET[getWeekdayOfDayNumber(second)] ?? -1));
};

/**
 * The five Tết days of lunar year `year`: five consecutive days starting on the 29th of month 12
 * of the previous lunar year. When month 12 has 29 days that is the last day of the year plus
 * mùng 1–4; when it has 30 days it is 29–30 tháng Chạp plus mùng 1–3. This is the pattern of every
 * published schedule 2020–2026 except 2025, when the Prime Minister moved the block one day earlier
 * (28 tháng Chạp – mùng 3, Công văn 8726/VPCP-KGVX).
 */
export const listTetHolidays = (year: number): LocalDate[] => {
  assertYear(year);
  // Month 12 of lunar year `year − 1` ends the day before Tết; its 29th is 29 days after its 1st.
  const month12First = toDayNumber(fromLunarDate({ year: year - 1, month: 12, day: 1, leap: false }));
  const first = month12First + 28;
  return [0, 1, 2, 3, 4].map((i) => fromDayNumber(first + i));
};

interface RuleHoliday {
  readonly day: number;
  readonly period: string;
}

const isWeekend = (dayNumber: number): boolean => {
  const weekday = getWeekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
};

/**
 * Statutory holidays and compensatory days of Gregorian year `year` derived from the Labour Code
 * (status 'rule-derived'). Period names match the official schedules ('Tết Âm lịch (Bính Ngọ)',
 * 'Quốc khánh', …).
 */
export const getStatutoryHolidaysByRule = (year: number): ScheduleEntry[] => {
  assertYear(year);
  const labourCode2019 = year >= LABOUR_CODE_2019_FIRST_YEAR;
  const source = labourCode2019 ? LC_2019 : LC_2012;
  const compensationRule = labourCode2019 ? 'Điều 111 khoản 3 BLLĐ 2019' : 'Điều 110 khoản 3 BLLĐ 2012';
  const victory = 'Ngày Chiến thắng + Quốc tế Lao động';
  const holidays: RuleHoliday[] = [
    { day: toDayNumber(`${year}-01-01`), period: 'Tết Dương lịch' },
    ...listTetHolidays(year).map((d) => ({ day: toDayNumber(d), period: `Tết Âm lịch (${getCanChi(year)})` })),
    {
      day: toDayNumber(fromLunarDate({ year, month: 3, day: 10, leap: false })),
      period: 'Giỗ Tổ Hùng Vương',
    },
    { day: toDayNumber(`${year}-04-30`), period: victory },
    { day: toDayNumber(`${year}-05-01`), period: victory },
    { day: toDayNumber(`${year}-09-02`), period: 'Quốc khánh' },
  ];
  if (labourCode2019) {
    holidays.push({ day: toDayNumber(getNationalDaySecondDay(year)), period: 'Quốc khánh' });
  }
  holidays.sort((a, b) => a.day - b.day);

  // Two holidays on one date (Giỗ Tổ fell on 30/4 in 1947) are two entitlements: the date is off
  // once, and — by analogy with Art. 111(3), our reading — the second one is compensated.
  const byDay = new Map<number, string[]>();
  for (const h of holidays) {
    byDay.set(h.day, [...(byDay.get(h.day) ?? []), h.period]);
  }

  const taken = new Set<number>(byDay.keys());
  const entries: ScheduleEntry[] = [];
  for (const [day, periods] of byDay) {
    const period = [...new Set(periods)].join(' + ');
    entries.push({ date: fromDayNumber(day), kind: 'holiday', period, status: 'rule-derived', source });
    const compensations = (isWeekend(day) ? 1 : 0) + (periods.length - 1);
    let candidate = day;
    for (let c = 0; c < compensations; c += 1) {
      // Art. 111(3): the next working day — not a weekend, not a holiday, not already compensation.
      do {
        candidate += 1;
      } while (isWeekend(candidate) || taken.has(candidate));
      taken.add(candidate);
      entries.push({
        date: fromDayNumber(candidate),
        kind: 'compensatory',
        period: periods[periods.length - 1] ?? period,
        status: 'rule-derived',
        source,
        note: `Nghỉ bù cho ngày ${fromDayNumber(day)} (${compensationRule})`,
      });
    }
  }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};
