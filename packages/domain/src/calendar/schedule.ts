import { CalendarError } from './calendar-error.js';
import { getStatutoryHolidaysByRule } from './holiday-rules.js';
import type { LocalDate } from './local-date.js';
import {
  fromDayNumber,
  getWeekdayOfDayNumber,
  getYearOfDayNumber,
  getYearStartDayNumber,
  MAX_DAY_NUMBER,
  MAX_YEAR,
  MIN_DAY_NUMBER,
  MIN_YEAR,
  parseLocalDate,
  toDayNumber,
} from './local-date.js';
import { OFFICIAL_SCHEDULE_PERIODS, OFFICIAL_SCHEDULE_YEARS } from './official-schedules.js';
import type {
  DayKind,
  OfficialSchedulePeriod,
  ScheduleEntry,
  ScheduleEntryInput,
  ScheduleRemoval,
  ScheduleStatus,
} from './schedule-types.js';

export type {
  DayKind,
  OfficialSchedulePeriod,
  ScheduleEntry,
  ScheduleEntryInput,
  ScheduleRemoval,
  ScheduleStatus,
} from './schedule-types.js';

/**
 * The day-off calendar of civil servants (cán bộ, công chức, viên chức).
 *
 * Week: Monday–Friday working, Saturday and Sunday weekly rest — the 40-hour week of state
 * agencies (Decision 188/1999/QĐ-TTg, recalled; Labour Code 2019 Art. 111(1) lets the employer fix
 * the weekly rest day, and the State fixed Saturday and Sunday for its agencies).
 *
 * Years with a published schedule use exactly its entries (holidays, compensatory days, swaps,
 * make-up Saturdays) on top of the week. Other years fall back to the Labour Code rules
 * (holiday-rules.ts) and are provisional, because the Prime Minister's choices (Tết days, the
 * second Quốc khánh day, swaps) are only known once published.
 *
 * Status: 'proposed' entries are applied (the best information we have) but provisional;
 * 'pending-law' entries are NOT applied — the day stays a working day — but provisional, so a
 * due date across them is flagged (e.g. Ngày Văn hóa Việt Nam 24/11/2026: "do NOT treat as a
 * holiday until the Labour Code amendment is published").
 */

export interface DayInfo {
  readonly date: LocalDate;
  /** True when civil servants work on this date. */
  readonly working: boolean;
  /** Saturday or Sunday. */
  readonly weekend: boolean;
  readonly kind?: DayKind;
  readonly period?: string;
  readonly status?: ScheduleStatus;
  readonly source?: string;
  readonly note?: string;
  /** True when the year has no published schedule or the entry is proposed / pending-law. */
  readonly provisional: boolean;
}

export interface ScheduleBreak {
  /** Names of the periods in the break, joined with ' + '. */
  readonly period: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Calendar days in the break, weekends included. */
  readonly days: number;
  readonly provisional: boolean;
}

export interface DayOffCalendarOptions {
  /** Entries in order of precedence: a later entry for the same date replaces an earlier one. */
  readonly entries: readonly ScheduleEntryInput[];
  /** Years whose schedule is published: only their entries count, the Labour Code fallback is off. */
  readonly publishedYears: ReadonlySet<number> | readonly number[];
}

/** Bit flags of `DayOffCalendar.getDayFlags`. */
export const DAY_FLAG_WORKING = 1;
export const DAY_FLAG_PROVISIONAL = 2;

const DAY_KINDS: ReadonlySet<string> = new Set<DayKind>([
  'holiday',
  'compensatory',
  'swap_day_off',
  'extra_day_off',
  'makeup_workday',
]);
const STATUSES: ReadonlySet<string> = new Set<ScheduleStatus>(['confirmed', 'rule-derived', 'proposed', 'pending-law']);

const isRemoval = (entry: ScheduleEntryInput): entry is ScheduleRemoval => (entry as ScheduleRemoval).removed === true;

const validateEntry = (entry: ScheduleEntryInput, index: number): ScheduleEntryInput => {
  const invalid = (reason: string): CalendarError =>
    new CalendarError('INVALID_SCHEDULE_ENTRY', `Schedule entry #${index} is invalid: ${reason}`, {
      index,
      reason,
    });
  if (typeof entry !== 'object' || entry === null) {
    throw invalid('not an object');
  }
  try {
    parseLocalDate(entry.date);
  } catch (error) {
    throw error instanceof CalendarError ? invalid(error.message) : error;
  }
  if (isRemoval(entry)) {
    return entry;
  }
  if (!DAY_KINDS.has(entry.kind)) {
    throw invalid(`unknown kind "${String(entry.kind)}"`);
  }
  if (!STATUSES.has(entry.status)) {
    throw invalid(`unknown status "${String(entry.status)}"`);
  }
  if (typeof entry.period !== 'string' || entry.period.trim() === '') {
    throw invalid('period name is required');
  }
  return entry;
};

const isDayOffKind = (kind: DayKind): boolean => kind !== 'makeup_workday';

/** True when the entry makes its date a day off (pending-law entries never do). */
const isEffectiveDayOff = (entry: ScheduleEntry): boolean => entry.status !== 'pending-law' && isDayOffKind(entry.kind);

const isWeekendDay = (dayNumber: number): boolean => {
  const weekday = getWeekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
};

const compareDates = (a: { date: LocalDate }, b: { date: LocalDate }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

export class DayOffCalendar {
  readonly publishedYears: ReadonlySet<number>;
  /** Explicit entries by day number after applying precedence; null = removed. */
  private readonly explicit = new Map<number, ScheduleEntry | null>();
  /** Effective entries per year, built lazily (the fallback needs the lunar calendar). */
  private readonly yearTables = new Map<number, ReadonlyMap<number, ScheduleEntry>>();

  constructor(options: DayOffCalendarOptions) {
    this.publishedYears = new Set(options.publishedYears);
    options.entries.forEach((raw, index) => {
      const entry = validateEntry(raw, index);
      this.explicit.set(toDayNumber(entry.date), isRemoval(entry) ? null : entry);
    });
  }

  /** True when `year` has a published schedule. */
  isPublishedYear(year: number): boolean {
    return this.publishedYears.has(year);
  }

  /** True when `year` has no published schedule, so its days off are derived from the Labour Code. */
  isProvisionalYear(year: number): boolean {
    return !this.publishedYears.has(year);
  }

  private getYearTable(year: number): ReadonlyMap<number, ScheduleEntry> {
    const cached = this.yearTables.get(year);
    if (cached) {
      return cached;
    }
    const table = new Map<number, ScheduleEntry>();
    if (!this.publishedYears.has(year)) {
      for (const entry of getStatutoryHolidaysByRule(year)) {
        const day = toDayNumber(entry.date);
        if (getYearOfDayNumber(day) === year) {
          table.set(day, entry);
        }
      }
    }
    const first = getYearStartDayNumber(year);
    const next = getYearStartDayNumber(year + 1);
    for (const [day, entry] of this.explicit) {
      if (day >= first && day < next) {
        if (entry === null) {
          table.delete(day);
        } else {
          table.set(day, entry);
        }
      }
    }
    this.yearTables.set(year, table);
    return table;
  }

  private findEntryByDayNumber(dayNumber: number): ScheduleEntry | undefined {
    return this.getYearTable(getYearOfDayNumber(dayNumber)).get(dayNumber);
  }

  /** The effective schedule entry of a date, if any (pending-law entries included). */
  findEntry(date: LocalDate): ScheduleEntry | undefined {
    return this.findEntryByDayNumber(toDayNumber(date));
  }

  /**
   * Working/provisional flags of a day number (DAY_FLAG_WORKING | DAY_FLAG_PROVISIONAL): the fast
   * path used to build the working-time tables.
   */
  getDayFlags(dayNumber: number): number {
    if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
      throw new CalendarError('OUT_OF_RANGE', `Day number ${dayNumber} is outside ${MIN_YEAR}–${MAX_YEAR}`, {
        value: dayNumber,
      });
    }
    const year = getYearOfDayNumber(dayNumber);
    const entry = this.getYearTable(year).get(dayNumber);
    let working = !isWeekendDay(dayNumber);
    let provisional = !this.publishedYears.has(year);
    if (entry) {
      if (entry.status === 'proposed' || entry.status === 'pending-law') {
        provisional = true;
      }
      if (entry.status !== 'pending-law') {
        working = entry.kind === 'makeup_workday';
      }
    }
    return (working ? DAY_FLAG_WORKING : 0) | (provisional ? DAY_FLAG_PROVISIONAL : 0);
  }

  /** True when civil servants work on `date` (Mon–Fri not off, or a make-up Saturday). */
  isWorkingDay(date: LocalDate): boolean {
    return (this.getDayFlags(toDayNumber(date)) & DAY_FLAG_WORKING) !== 0;
  }

  /** Everything known about a date: working or not, why, and whether it is provisional. */
  getDayInfo(date: LocalDate): DayInfo {
    const dayNumber = toDayNumber(date);
    const flags = this.getDayFlags(dayNumber);
    const entry = this.findEntryByDayNumber(dayNumber);
    return {
      date,
      working: (flags & DAY_FLAG_WORKING) !== 0,
      weekend: isWeekendDay(dayNumber),
      provisional: (flags & DAY_FLAG_PROVISIONAL) !== 0,
      ...(entry
        ? {
            kind: entry.kind,
            period: entry.period,
            status: entry.status,
            ...(entry.source === undefined ? {} : { source: entry.source }),
            ...(entry.note === undefined ? {} : { note: entry.note }),
          }
        : {}),
    };
  }

  private assertYear(year: number): void {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new CalendarError('OUT_OF_RANGE', `Year must be an integer within ${MIN_YEAR}–${MAX_YEAR}`, {
        value: String(year),
      });
    }
  }

  /** All effective entries dated in `year` (days off, make-up Saturdays, pending-law notices), by date. */
  listEntries(year: number): ScheduleEntry[] {
    this.assertYear(year);
    return [...this.getYearTable(year).values()].sort(compareDates);
  }

  /**
   * The days off of `year` that come from the schedule (holidays, compensatory days, swapped
   * days, extra days), by date, with their period names. Ordinary weekends are not listed;
   * pending-law entries are not days off and are not listed (see `listEntries`).
   */
  listDaysOff(year: number): ScheduleEntry[] {
    return this.listEntries(year).filter(isEffectiveDayOff);
  }

  /**
   * The breaks of `year`: each run of consecutive non-working days that contains at least one
   * scheduled day off, weekends included (e.g. Tết 2026: 14/2–22/2, 9 days). A run can start in
   * the previous year (Tết Dương lịch 2024: 30/12/2023–1/1/2024).
   */
  listBreaks(year: number): ScheduleBreak[] {
    const breaks: ScheduleBreak[] = [];
    let lastEnd = Number.NEGATIVE_INFINITY;
    const isOff = (day: number): boolean =>
      day >= MIN_DAY_NUMBER && day <= MAX_DAY_NUMBER && (this.getDayFlags(day) & DAY_FLAG_WORKING) === 0;
    for (const entry of this.listDaysOff(year)) {
      const day = toDayNumber(entry.date);
      if (day <= lastEnd) {
        continue;
      }
      let from = day;
      while (isOff(from - 1)) {
        from -= 1;
      }
      let to = day;
      while (isOff(to + 1)) {
        to += 1;
      }
      const periods: string[] = [];
      let provisional = false;
      for (let d = from; d <= to; d += 1) {
        const found = this.findEntryByDayNumber(d);
        if (found && isEffectiveDayOff(found) && !periods.includes(found.period)) {
          periods.push(found.period);
        }
        provisional ||= (this.getDayFlags(d) & DAY_FLAG_PROVISIONAL) !== 0;
      }
      breaks.push({
        period: periods.join(' + '),
        from: fromDayNumber(from),
        to: fromDayNumber(to),
        days: to - from + 1,
        provisional,
      });
      lastEnd = to;
    }
    return breaks;
  }
}

/** Converts the official periods into schedule entries (holiday, compensatory, swap pairs). */
export const listOfficialScheduleEntries = (
  periods: readonly OfficialSchedulePeriod[] = OFFICIAL_SCHEDULE_PERIODS,
): ScheduleEntry[] => {
  const entries: ScheduleEntry[] = [];
  for (const p of periods) {
    const source = [p.basis, ...p.sources].filter((s): s is string => typeof s === 'string' && s !== '').join(' · ');
    const base = {
      period: p.name,
      status: p.status,
      ...(source === '' ? {} : { source }),
      ...(p.note === undefined ? {} : { note: p.note }),
    };
    for (const date of p.statutoryHolidays) {
      entries.push({ date, kind: 'holiday', ...base });
    }
    for (const date of p.compensatoryDays) {
      entries.push({ date, kind: 'compensatory', ...base });
    }
    for (const swap of p.swaps) {
      entries.push({ date: swap.dayOff, kind: 'swap_day_off', ...base });
      entries.push({ date: swap.makeupWorkday, kind: 'makeup_workday', ...base });
    }
  }
  return entries.sort(compareDates);
};

export interface CreateDayOffCalendarOptions {
  /**
   * Entries added after the official ones, in order (a later entry for a date wins): a province's
   * extra days off, corrections, a newly published year, or `{ date, removed: true }` to cancel a
   * day off.
   */
  readonly extraEntries?: readonly ScheduleEntryInput[];
  /** Additional published years (the official years 2020–2026 are always published). */
  readonly publishedYears?: Iterable<number>;
  /** Set to false to start from an empty schedule (tests, other jurisdictions). Default true. */
  readonly includeOfficial?: boolean;
}

/** The shipped official schedules 2020–2026 merged with province entries. */
export const createDayOffCalendar = (options: CreateDayOffCalendarOptions = {}): DayOffCalendar => {
  const includeOfficial = options.includeOfficial ?? true;
  const published = new Set<number>(includeOfficial ? OFFICIAL_SCHEDULE_YEARS : []);
  for (const year of options.publishedYears ?? []) {
    published.add(year);
  }
  return new DayOffCalendar({
    entries: [...(includeOfficial ? listOfficialScheduleEntries() : []), ...(options.extraEntries ?? [])],
    publishedYears: published,
  });
};
