import { CalendarError } from './calendar-error.js';
import type { LocalDate } from './local-date.js';
import {
  findTimeOfDayMinutes,
  fromDayNumber,
  getDayStartInstant,
  getDaysInMonth,
  getLocalDayNumber,
  getYearOfDayNumber,
  getYearStartDayNumber,
  MAX_INSTANT,
  MAX_YEAR,
  MIN_INSTANT,
  MIN_YEAR,
  MS_PER_MINUTE,
  toDayNumber,
} from './local-date.js';
import type { DayOffCalendar } from './schedule.js';
import { DAY_FLAG_PROVISIONAL, DAY_FLAG_WORKING } from './schedule.js';

/**
 * Working hours and working-time arithmetic.
 *
 * Working time is a non-decreasing function W(t) = working milliseconds elapsed since 1 January
 * of t's year. Per (day-off calendar, hours profile) we precompute, one year block at a time and
 * only when first needed, the cumulative working minutes at the start of every day (Int32Array) —
 * so adding working time is a binary search over ≤ 366 integers plus a walk over the day's ≤ few
 * intervals, and the working time between two instants is a subtraction. No per-day loops in
 * the hot path.
 */

export interface WorkingInterval {
  /** 'HH:MM' */
  readonly start: string;
  /** 'HH:MM', after `start`; '24:00' allowed. */
  readonly end: string;
}

/** Different hours for part of the year (e.g. summer/winter hours), 'MM-DD' inclusive, may wrap the new year. */
export interface WorkingSeason {
  readonly from: string;
  readonly to: string;
  readonly intervals: readonly WorkingInterval[];
}

export interface WorkingHoursProfile {
  readonly intervals: readonly WorkingInterval[];
  readonly seasons?: readonly WorkingSeason[];
  /**
   * Length of one "working day" in duration rules (1 working day = this many working minutes).
   * Default 480: 8 hours a day of the 40-hour week (Decision 188/1999/QĐ-TTg, recalled), which
   * is also how one-stop systems store durations (1 working day = 8 h).
   */
  readonly minutesPerWorkingDay?: number;
}

/**
 * 07:00–11:30 and 13:30–17:00 (8 h): the office hours most provinces publish for their one-stop
 * departments (each province fixes its own hours by decision; this is a default, not law).
 */
export const DEFAULT_WORKING_HOURS: WorkingHoursProfile = {
  intervals: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  minutesPerWorkingDay: 480,
};

export const DEFAULT_MINUTES_PER_WORKING_DAY = 480;

interface CompiledHours {
  /** Interval bounds in minutes after midnight. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly total: number;
}

interface CompiledProfile {
  readonly hours: readonly CompiledHours[];
  /** Index into `hours` for each (month − 1) * 31 + (day − 1). */
  readonly byMonthDay: Uint8Array;
  readonly minutesPerWorkingDay: number;
}

const invalidHours = (reason: string, params: Record<string, string | number> = {}): CalendarError =>
  new CalendarError('INVALID_WORKING_HOURS', `Invalid working hours: ${reason}`, { reason, ...params });

const compileIntervals = (intervals: readonly WorkingInterval[], where: string): CompiledHours => {
  if (!Array.isArray(intervals) || intervals.length === 0) {
    throw invalidHours(`${where}: at least one interval is required`);
  }
  const starts: number[] = [];
  const ends: number[] = [];
  let previousEnd = -1;
  for (const [i, interval] of intervals.entries()) {
    const start = findTimeOfDayMinutes(interval?.start);
    const end = findTimeOfDayMinutes(interval?.end);
    if (start === undefined || end === undefined) {
      throw invalidHours(`${where}: interval ${i} must be HH:MM–HH:MM within 00:00–24:00`, { interval: i });
    }
    if (start >= end) {
      throw invalidHours(`${where}: interval ${i} ends before it starts`, { interval: i });
    }
    if (start < previousEnd) {
      throw invalidHours(`${where}: intervals must be sorted and must not overlap`, { interval: i });
    }
    starts.push(start);
    ends.push(end);
    previousEnd = end;
  }
  return { starts, ends, total: ends.reduce((sum, end, i) => sum + end - (starts[i] ?? 0), 0) };
};

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

const parseMonthDay = (value: string, where: string): number => {
  const match = typeof value === 'string' ? MONTH_DAY.exec(value) : null;
  const month = Number(match?.[1]);
  const day = Number(match?.[2]);
  // 2000 is a leap year, so '02-29' is accepted.
  if (!match || month < 1 || month > 12 || day < 1 || day > getDaysInMonth(2000, month)) {
    throw invalidHours(`${where}: "${String(value)}" is not a valid MM-DD`);
  }
  return (month - 1) * 31 + (day - 1);
};

/** Validates a profile; throws 'INVALID_WORKING_HOURS' with a reason. */
const compileProfile = (profile: WorkingHoursProfile): CompiledProfile => {
  if (typeof profile !== 'object' || profile === null) {
    throw invalidHours('profile must be an object');
  }
  const hours: CompiledHours[] = [compileIntervals(profile.intervals, 'intervals')];
  const byMonthDay = new Uint8Array(12 * 31);
  const covered = new Uint8Array(12 * 31);
  for (const [s, season] of (profile.seasons ?? []).entries()) {
    const where = `seasons[${s}]`;
    if (s >= 250) {
      throw invalidHours('too many seasons');
    }
    const from = parseMonthDay(season?.from, `${where}.from`);
    const to = parseMonthDay(season?.to, `${where}.to`);
    hours.push(compileIntervals(season.intervals, `${where}.intervals`));
    // Walk the (month, day) slots from `from` to `to` inclusive, wrapping over the new year.
    for (let slot = from, steps = 0; steps < 12 * 31; steps += 1) {
      const month = Math.floor(slot / 31) + 1;
      const day = (slot % 31) + 1;
      if (day <= getDaysInMonth(2000, month)) {
        if (covered[slot] === 1) {
          throw invalidHours(`${where} overlaps an earlier season`, { season: s });
        }
        covered[slot] = 1;
        byMonthDay[slot] = hours.length - 1;
      }
      if (slot === to) {
        break;
      }
      slot = (slot + 1) % (12 * 31);
    }
  }
  const perDay = profile.minutesPerWorkingDay ?? DEFAULT_MINUTES_PER_WORKING_DAY;
  if (!Number.isInteger(perDay) || perDay < 1 || perDay > 1440) {
    throw invalidHours('minutesPerWorkingDay must be an integer within 1–1440', { value: String(perDay) });
  }
  return { hours, byMonthDay, minutesPerWorkingDay: perDay };
};

/** Throws `CalendarError` 'INVALID_WORKING_HOURS' unless the profile is valid. */
export const validateWorkingHoursProfile = (profile: WorkingHoursProfile): WorkingHoursProfile => {
  compileProfile(profile);
  return profile;
};

interface YearBlock {
  readonly firstDay: number;
  readonly length: number;
  /** 0 = not a working day, else 1 + index into `hours`. */
  readonly hoursIndex: Uint8Array;
  /** Working minutes from 1 January up to the start of day i (length + 1 entries). */
  readonly prefix: Int32Array;
  /** Provisional days before day i (length + 1 entries). */
  readonly provisionalPrefix: Int32Array;
}

const outOfRange = (what: string, value: number): CalendarError =>
  new CalendarError('OUT_OF_RANGE', `${what} is outside ${MIN_YEAR}–${MAX_YEAR} (Vietnam time)`, { value });

const assertInstant = (ms: number, name: string): void => {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new CalendarError('INVALID_INSTANT', `${name} must be a finite epoch-millisecond number`, {
      name,
      value: String(ms),
    });
  }
  if (ms < MIN_INSTANT || ms > MAX_INSTANT) {
    throw outOfRange(name, ms);
  }
};

export class WorkingTimeCalendar {
  readonly dayOff: DayOffCalendar;
  readonly hours: WorkingHoursProfile;
  /** Working minutes in one "working day" of a duration rule. */
  readonly minutesPerWorkingDay: number;
  private readonly compiled: CompiledProfile;
  private readonly blocks: (YearBlock | undefined)[] = [];

  constructor(dayOff: DayOffCalendar, hours: WorkingHoursProfile = DEFAULT_WORKING_HOURS) {
    this.compiled = compileProfile(hours);
    this.dayOff = dayOff;
    this.hours = hours;
    this.minutesPerWorkingDay = this.compiled.minutesPerWorkingDay;
  }

  // --- tables -----------------------------------------------------------------------------

  private buildBlock(year: number): YearBlock {
    const firstDay = getYearStartDayNumber(year);
    const length = getYearStartDayNumber(year + 1) - firstDay;
    const hoursIndex = new Uint8Array(length);
    const prefix = new Int32Array(length + 1);
    const provisionalPrefix = new Int32Array(length + 1);
    const { hours, byMonthDay } = this.compiled;
    let month = 1;
    let dayOfMonth = 1;
    for (let i = 0; i < length; i += 1) {
      const flags = this.dayOff.getDayFlags(firstDay + i);
      let minutes = 0;
      if ((flags & DAY_FLAG_WORKING) !== 0) {
        const index = byMonthDay[(month - 1) * 31 + dayOfMonth - 1] ?? 0;
        hoursIndex[i] = index + 1;
        minutes = hours[index]?.total ?? 0;
      }
      prefix[i + 1] = (prefix[i] ?? 0) + minutes;
      provisionalPrefix[i + 1] = (provisionalPrefix[i] ?? 0) + ((flags & DAY_FLAG_PROVISIONAL) !== 0 ? 1 : 0);
      dayOfMonth += 1;
      if (dayOfMonth > getDaysInMonth(year, month)) {
        dayOfMonth = 1;
        month += 1;
      }
    }
    return { firstDay, length, hoursIndex, prefix, provisionalPrefix };
  }

  private getBlock(year: number): YearBlock {
    const index = year - MIN_YEAR;
    const block = this.blocks[index];
    if (block) {
      return block;
    }
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw outOfRange('The working-time calendar', year);
    }
    const built = this.buildBlock(year);
    this.blocks[index] = built;
    return built;
  }

  private getHours(block: YearBlock, dayIndex: number): CompiledHours | undefined {
    const index = block.hoursIndex[dayIndex] ?? 0;
    return index === 0 ? undefined : this.compiled.hours[index - 1];
  }

  /** Working milliseconds of a day before `msInDay` (0 for a non-working day). */
  private getWorkedInDay(hours: CompiledHours | undefined, msInDay: number): number {
    if (!hours) {
      return 0;
    }
    let worked = 0;
    const { starts, ends } = hours;
    for (let i = 0; i < starts.length; i += 1) {
      const start = (starts[i] ?? 0) * MS_PER_MINUTE;
      if (msInDay <= start) {
        break;
      }
      const end = (ends[i] ?? 0) * MS_PER_MINUTE;
      worked += Math.min(msInDay, end) - start;
    }
    return worked;
  }

  /** Working ms from 1 January of the instant's year up to the instant. */
  private getYearPosition(block: YearBlock, dayIndex: number, msInDay: number): number {
    return (block.prefix[dayIndex] ?? 0) * MS_PER_MINUTE + this.getWorkedInDay(this.getHours(block, dayIndex), msInDay);
  }

  private getTotal(block: YearBlock): number {
    return (block.prefix[block.length] ?? 0) * MS_PER_MINUTE;
  }

  /**
   * The earliest instant in `block` at which `target` working ms (counted from 1 January,
   * 0 < target ≤ total) have elapsed: binary search for the day, then walk its intervals.
   */
  private locateInYear(block: YearBlock, target: number): number {
    const targetMinutes = target / MS_PER_MINUTE;
    const { prefix } = block;
    // Smallest j with prefix[j] ≥ target; the day is j − 1 (a working day, since prefix grows there).
    let lo = 1;
    let hi = block.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((prefix[mid] ?? 0) >= targetMinutes) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    const dayIndex = lo - 1;
    let rest = target - (prefix[dayIndex] ?? 0) * MS_PER_MINUTE;
    const hours = this.getHours(block, dayIndex);
    let minuteOfDay = 0;
    if (hours) {
      const { starts, ends } = hours;
      for (let i = 0; i < starts.length; i += 1) {
        const start = (starts[i] ?? 0) * MS_PER_MINUTE;
        const length = (ends[i] ?? 0) * MS_PER_MINUTE - start;
        if (rest <= length || i === starts.length - 1) {
          minuteOfDay = start + rest;
          break;
        }
        rest -= length;
      }
    }
    return getDayStartInstant(block.firstDay + dayIndex) + minuteOfDay;
  }

  // --- arithmetic -------------------------------------------------------------------------

  /**
   * The earliest instant at which `minutes` of working time have elapsed since `fromMs`.
   * Working time only runs inside the working intervals of working days, so a start outside them
   * counts from the next interval start (17:30 → next working day 07:00; 06:00 → 07:00; 12:00 →
   * 13:30), and a result that completes exactly at an interval end is that end (…T17:00, not the
   * next morning). `minutes` may be fractional (rounded to whole milliseconds). Adding 0 returns
   * `fromMs` unchanged, even outside working hours: no time has to elapse.
   */
  addWorkingMinutes(fromMs: number, minutes: number): number {
    assertInstant(fromMs, 'Start instant');
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
      throw new CalendarError('INVALID_DURATION', `Working minutes must be a finite number ≥ 0, got ${minutes}`, {
        value: String(minutes),
      });
    }
    return this.addWorkingMs(fromMs, Math.round(minutes * MS_PER_MINUTE));
  }

  /** `addWorkingMinutes` in milliseconds, without validation (fromMs in range, ms ≥ 0 integer). */
  addWorkingMs(fromMs: number, ms: number): number {
    if (ms <= 0) {
      return fromMs;
    }
    const day = getLocalDayNumber(fromMs);
    let year = getYearOfDayNumber(day);
    let block = this.getBlock(year);
    const dayIndex = day - block.firstDay;
    let target = this.getYearPosition(block, dayIndex, fromMs - getDayStartInstant(day)) + ms;
    let total = this.getTotal(block);
    while (target > total) {
      target -= total;
      year += 1;
      if (year > MAX_YEAR) {
        throw outOfRange('The due instant', year);
      }
      block = this.getBlock(year);
      total = this.getTotal(block);
    }
    return this.locateInYear(block, target);
  }

  /** Working milliseconds between two valid instants (0 when `toMs` ≤ `fromMs`), without validation. */
  getWorkingMsBetween(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) {
      return 0;
    }
    const fromDay = getLocalDayNumber(fromMs);
    const toDay = getLocalDayNumber(toMs);
    const fromYear = getYearOfDayNumber(fromDay);
    const toYear = getYearOfDayNumber(toDay);
    const fromBlock = this.getBlock(fromYear);
    const toBlock = fromYear === toYear ? fromBlock : this.getBlock(toYear);
    const fromPosition = this.getYearPosition(
      fromBlock,
      fromDay - fromBlock.firstDay,
      fromMs - getDayStartInstant(fromDay),
    );
    const toPosition = this.getYearPosition(toBlock, toDay - toBlock.firstDay, toMs - getDayStartInstant(toDay));
    if (fromYear === toYear) {
      return toPosition - fromPosition;
    }
    let sum = this.getTotal(fromBlock) - fromPosition + toPosition;
    for (let year = fromYear + 1; year < toYear; year += 1) {
      sum += this.getTotal(this.getBlock(year));
    }
    return sum;
  }

  /** Working minutes between two instants; 0 when `toMs` ≤ `fromMs`. */
  getWorkingMinutesBetween(fromMs: number, toMs: number): number {
    assertInstant(fromMs, 'Start instant');
    assertInstant(toMs, 'End instant');
    return this.getWorkingMsBetween(fromMs, toMs) / MS_PER_MINUTE;
  }

  /** True when `ms` lies inside a working interval [start, end) of a working day. */
  isWorkingInstant(ms: number): boolean {
    assertInstant(ms, 'Instant');
    return this.getNextWorkingInstant(ms) === ms;
  }

  /**
   * `ms` itself when it lies inside a working interval [start, end) of a working day, otherwise the
   * start of the next working interval (so 17:00 → next working morning).
   */
  getNextWorkingInstant(ms: number): number {
    assertInstant(ms, 'Instant');
    const day = getLocalDayNumber(ms);
    const block = this.getBlock(getYearOfDayNumber(day));
    const dayIndex = day - block.firstDay;
    const hours = this.getHours(block, dayIndex);
    if (hours) {
      const msInDay = ms - getDayStartInstant(day);
      for (let i = 0; i < hours.starts.length; i += 1) {
        const start = (hours.starts[i] ?? 0) * MS_PER_MINUTE;
        if (msInDay < start) {
          return getDayStartInstant(day) + start;
        }
        if (msInDay < (hours.ends[i] ?? 0) * MS_PER_MINUTE) {
          return ms;
        }
      }
    }
    const next = this.findWorkingDayNumberAfter(day);
    if (next === undefined) {
      throw outOfRange('The next working instant', ms);
    }
    return this.getStartOfWorkingDayNumber(next);
  }

  // --- days -------------------------------------------------------------------------------

  /** True when the day number is a working day under this calendar. */
  isWorkingDayNumber(dayNumber: number): boolean {
    const block = this.getBlock(getYearOfDayNumber(dayNumber));
    return (block.hoursIndex[dayNumber - block.firstDay] ?? 0) !== 0;
  }

  /** True when `date` is a working day (Mon–Fri not off, or a make-up Saturday). */
  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** First working day strictly after `dayNumber`, found by binary search on the prefix sums. */
  findWorkingDayNumberAfter(dayNumber: number): number | undefined {
    let year = getYearOfDayNumber(dayNumber);
    let block = this.getBlock(year);
    let index = dayNumber - block.firstDay + 1;
    for (;;) {
      const { prefix, length } = block;
      if (index < length) {
        // Smallest j > index with prefix[j] > prefix[index]; day j − 1 is the next working day.
        const base = prefix[index] ?? 0;
        if ((prefix[length] ?? 0) > base) {
          let lo = index + 1;
          let hi = length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if ((prefix[mid] ?? 0) > base) {
              hi = mid;
            } else {
              lo = mid + 1;
            }
          }
          return block.firstDay + lo - 1;
        }
      }
      year += 1;
      if (year > MAX_YEAR) {
        return undefined;
      }
      block = this.getBlock(year);
      index = 0;
    }
  }

  /** The first working day strictly after `date`, or undefined past 2100. */
  findNextWorkingDay(date: LocalDate): LocalDate | undefined {
    const next = this.findWorkingDayNumberAfter(toDayNumber(date));
    return next === undefined ? undefined : fromDayNumber(next);
  }

  /** `date` itself if it is a working day, otherwise the next working day (undefined past 2100). */
  findWorkingDayOnOrAfter(date: LocalDate): LocalDate | undefined {
    return this.isWorkingDay(date) ? date : this.findNextWorkingDay(date);
  }

  private getWorkingHoursOfDay(dayNumber: number): CompiledHours {
    const block = this.getBlock(getYearOfDayNumber(dayNumber));
    const hours = this.getHours(block, dayNumber - block.firstDay);
    if (!hours) {
      const date = fromDayNumber(dayNumber);
      throw new CalendarError('NOT_A_WORKING_DAY', `${date} is not a working day`, { date });
    }
    return hours;
  }

  /** Instant of the first working minute of a working day (throws 'NOT_A_WORKING_DAY'). */
  getStartOfWorkingDayNumber(dayNumber: number): number {
    const hours = this.getWorkingHoursOfDay(dayNumber);
    return getDayStartInstant(dayNumber) + (hours.starts[0] ?? 0) * MS_PER_MINUTE;
  }

  /** Instant of the close of a working day: the end of its last interval (throws 'NOT_A_WORKING_DAY'). */
  getEndOfWorkingDayNumber(dayNumber: number): number {
    const hours = this.getWorkingHoursOfDay(dayNumber);
    return getDayStartInstant(dayNumber) + (hours.ends[hours.ends.length - 1] ?? 0) * MS_PER_MINUTE;
  }

  /** Opening instant of a working day, e.g. 07:00 (throws 'NOT_A_WORKING_DAY'). */
  getStartOfWorkingDay(date: LocalDate): number {
    return this.getStartOfWorkingDayNumber(toDayNumber(date));
  }

  /** Closing instant of a working day, e.g. 17:00 (throws 'NOT_A_WORKING_DAY'). */
  getEndOfWorkingDay(date: LocalDate): number {
    return this.getEndOfWorkingDayNumber(toDayNumber(date));
  }

  /** Working minutes of a date under this profile (0 on a day off). */
  getWorkingMinutesOfDay(date: LocalDate): number {
    const dayNumber = toDayNumber(date);
    const block = this.getBlock(getYearOfDayNumber(dayNumber));
    const i = dayNumber - block.firstDay;
    return (block.prefix[i + 1] ?? 0) - (block.prefix[i] ?? 0);
  }

  /**
   * True when any day from `fromDay` to `toDay` (day numbers, inclusive) is provisional: a year
   * without a published schedule, or a proposed / pending-law entry. O(years spanned).
   */
  hasProvisionalDays(fromDay: number, toDay: number): boolean {
    if (toDay < fromDay) {
      return false;
    }
    const fromYear = getYearOfDayNumber(fromDay);
    const toYear = getYearOfDayNumber(toDay);
    for (let year = fromYear; year <= toYear; year += 1) {
      const block = this.getBlock(year);
      const a = year === fromYear ? fromDay - block.firstDay : 0;
      const b = year === toYear ? toDay - block.firstDay + 1 : block.length;
      if ((block.provisionalPrefix[b] ?? 0) - (block.provisionalPrefix[a] ?? 0) > 0) {
        return true;
      }
    }
    return false;
  }

  /** True when any date from `from` to `to` (inclusive) is provisional. */
  isProvisionalBetween(from: LocalDate, to: LocalDate): boolean {
    return this.hasProvisionalDays(toDayNumber(from), toDayNumber(to));
  }
}
