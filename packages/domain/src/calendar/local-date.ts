import { CalendarError } from './calendar-error.js';

/**
 * A civil date in Vietnam, 'YYYY-MM-DD'. Strings compare correctly with `<` and `===`, which is
 * why we keep dates as strings at the API boundary and use day numbers inside hot paths.
 */
export type LocalDate = string;

/** Supported range. The lunar tables and the legal calendar are defined for 1900–2100 only. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export const MS_PER_MINUTE = 60_000;
export const MINUTES_PER_DAY = 1440;
export const MS_PER_DAY = 86_400_000;

/**
 * Vietnam keeps UTC+7 all year and has had no daylight-saving time since 1975 (Indochina Time).
 * Legal deadlines are counted in Vietnamese civil days, so every instant is mapped to a local day
 * with this fixed offset. (Historic offsets before 1975 differ in the South; the product never
 * counts deadlines that far back, so we deliberately use +07:00 throughout.)
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE;

/** Day number (days since 1970-01-01) of 1900-01-01 and 2100-12-31. */
export const MIN_DAY_NUMBER = Date.UTC(MIN_YEAR, 0, 1) / MS_PER_DAY;
export const MAX_DAY_NUMBER = Date.UTC(MAX_YEAR, 11, 31) / MS_PER_DAY;

/** First and last instants (epoch ms) whose Vietnamese local date is inside the supported range. */
export const MIN_INSTANT = MIN_DAY_NUMBER * MS_PER_DAY - OFFSET_MS;
export const MAX_INSTANT = (MAX_DAY_NUMBER + 1) * MS_PER_DAY - OFFSET_MS - 1;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Number of days in a Gregorian month (month 1–12). */
export const getDaysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

const formatYmd = (year: number, month: number, day: number): LocalDate => `${year}-${pad2(month)}-${pad2(day)}`;

/**
 * Validates a 'YYYY-MM-DD' string: a real Gregorian date inside 1900–2100.
 * Throws `CalendarError` 'INVALID_DATE' (malformed or impossible, e.g. 2025-02-30) or
 * 'OUT_OF_RANGE' (e.g. 2101-01-01).
 */
export const parseLocalDate = (value: string): LocalDate => {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (!match) {
    throw new CalendarError('INVALID_DATE', `Invalid date "${String(value)}": expected YYYY-MM-DD`, {
      value: String(value),
    });
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > getDaysInMonth(year, month)) {
    throw new CalendarError('INVALID_DATE', `Invalid date "${value}": no such calendar day`, { value });
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', `Date "${value}" is outside ${MIN_YEAR}–${MAX_YEAR}`, {
      value,
      min: `${MIN_YEAR}-01-01`,
      max: `${MAX_YEAR}-12-31`,
    });
  }
  return value;
};

/** True when `value` is a valid date inside 1900–2100 (never throws). */
export const isLocalDate = (value: unknown): value is LocalDate => {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
};

/** Days since 1970-01-01 of a valid date (validated; throws like `parseLocalDate`). */
export const toDayNumber = (date: LocalDate): number => {
  parseLocalDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
};

const assertDayNumber = (dayNumber: number): void => {
  if (!Number.isInteger(dayNumber)) {
    throw new CalendarError('INVALID_DATE', `Day number ${dayNumber} is not an integer`, { value: dayNumber });
  }
  if (dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
    throw new CalendarError('OUT_OF_RANGE', `Day number ${dayNumber} is outside ${MIN_YEAR}–${MAX_YEAR}`, {
      value: dayNumber,
    });
  }
};

/** The date of a day number (days since 1970-01-01); throws 'OUT_OF_RANGE' outside 1900–2100. */
export const fromDayNumber = (dayNumber: number): LocalDate => {
  assertDayNumber(dayNumber);
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/** Day number of 1 January of a Gregorian year. */
export const getYearStartDayNumber = (year: number): number => Date.UTC(year, 0, 1) / MS_PER_DAY;

// 1 January of 1899 … 2102, for the hot-path year lookup below.
const TABLE_FIRST_YEAR = MIN_YEAR - 1;
const YEAR_STARTS = Int32Array.from({ length: MAX_YEAR - MIN_YEAR + 4 }, (_, i) =>
  getYearStartDayNumber(TABLE_FIRST_YEAR + i),
);
const TABLE_FIRST_DAY = YEAR_STARTS[0] ?? 0;
const TABLE_LAST_INDEX = YEAR_STARTS.length - 2;

/** Gregorian year of a day number (no range check, no allocation: a hot-path helper). */
export const getYearOfDayNumber = (dayNumber: number): number => {
  let index = Math.floor((dayNumber - TABLE_FIRST_DAY) / 365.2425);
  if (index < 0 || index > TABLE_LAST_INDEX) {
    const year = 1970 + Math.floor(dayNumber / 365.2425);
    if (getYearStartDayNumber(year) > dayNumber) {
      return year - 1;
    }
    return getYearStartDayNumber(year + 1) <= dayNumber ? year + 1 : year;
  }
  if ((YEAR_STARTS[index] ?? 0) > dayNumber) {
    index -= 1;
  } else if ((YEAR_STARTS[index + 1] ?? 0) <= dayNumber) {
    index += 1;
  }
  return TABLE_FIRST_YEAR + index;
};

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const getWeekdayOfDayNumber = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;

/** Weekday of a date: 0 = Sunday … 6 = Saturday. */
export const getWeekday = (date: LocalDate): number => getWeekdayOfDayNumber(toDayNumber(date));

/** `date` plus `days` calendar days (negative allowed); throws 'OUT_OF_RANGE' outside 1900–2100. */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  if (!Number.isInteger(days)) {
    throw new CalendarError('INVALID_DATE', `Cannot add a non-integer number of days (${days})`, { value: days });
  }
  return fromDayNumber(toDayNumber(date) + days);
};

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const getDaysBetween = (from: LocalDate, to: LocalDate): number => toDayNumber(to) - toDayNumber(from);

const assertInstant = (ms: number): void => {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new CalendarError('INVALID_INSTANT', `Invalid instant ${String(ms)}`, { value: String(ms) });
  }
  if (ms < MIN_INSTANT || ms > MAX_INSTANT) {
    throw new CalendarError('OUT_OF_RANGE', `Instant ${ms} is outside ${MIN_YEAR}–${MAX_YEAR} (Vietnam time)`, {
      value: ms,
    });
  }
};

/** Throws unless `ms` is a finite epoch-ms instant whose Vietnamese date is inside 1900–2100. */
export const validateInstant = (ms: number): number => {
  assertInstant(ms);
  return ms;
};

/** Day number of the Vietnamese (UTC+7) civil day containing the instant (no range check). */
export const getLocalDayNumber = (ms: number): number => Math.floor((ms + OFFSET_MS) / MS_PER_DAY);

/** The instant of local midnight starting the given day number (UTC+7). */
export const getDayStartInstant = (dayNumber: number): number => dayNumber * MS_PER_DAY - OFFSET_MS;

/** Vietnamese (UTC+7) date of an instant. */
export const toLocalDate = (ms: number): LocalDate => {
  assertInstant(ms);
  return fromDayNumber(getLocalDayNumber(ms));
};

/** Whole minutes after local (UTC+7) midnight, 0–1439. */
export const toLocalMinutes = (ms: number): number => {
  assertInstant(ms);
  const local = ms + OFFSET_MS;
  return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
};

/** The instant at `minutes` after local midnight of `date` (minutes may be 0–1440, fractions allowed). */
export const toInstant = (date: LocalDate, minutes = 0): number => {
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new CalendarError('INVALID_TIME', `Minutes after midnight must be within 0–1440, got ${minutes}`, {
      value: minutes,
    });
  }
  return getDayStartInstant(toDayNumber(date)) + Math.round(minutes * MS_PER_MINUTE);
};

const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/**
 * Minutes after midnight of an 'HH:MM' time of day, 00:00–24:00 ('24:00' is the end of the day,
 * useful as an interval end). Returns undefined for anything else.
 */
export const findTimeOfDayMinutes = (value: string): number | undefined => {
  const match = typeof value === 'string' ? TIME_PATTERN.exec(value) : null;
  if (!match) {
    return undefined;
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) {
    return undefined;
  }
  return hours * 60 + minutes;
};

/** Like `findTimeOfDayMinutes` but throws `CalendarError` 'INVALID_TIME'. */
export const parseTimeOfDay = (value: string): number => {
  const minutes = findTimeOfDayMinutes(value);
  if (minutes === undefined) {
    throw new CalendarError(
      'INVALID_TIME',
      `Invalid time of day "${String(value)}": expected HH:MM within 00:00–24:00`,
      {
        value: String(value),
      },
    );
  }
  return minutes;
};

/** 'HH:MM' of minutes after midnight (0–1440). */
export const formatTimeOfDay = (minutes: number): string => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;

/*
 * ISO 8601 instant with an explicit offset. The offset is mandatory: a time without one is
 * ambiguous (server clock? browser? UTC?) and a deadline computed from a guessed zone can be a
 * whole day off, so we reject it instead of assuming.
 */
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an ISO 8601 instant with an explicit offset ('2025-02-03T10:00:00+07:00', '…Z',
 * '…+0700'; seconds and fractions optional) into epoch milliseconds (fractions below 1 ms are
 * truncated). Throws 'INVALID_INSTANT' for anything else, 'OUT_OF_RANGE' outside 1900–2100
 * (Vietnam time).
 */
export const parseInstant = (value: string): number => {
  const match = typeof value === 'string' ? INSTANT_PATTERN.exec(value) : null;
  const invalid = (reason: string): CalendarError =>
    new CalendarError('INVALID_INSTANT', `Invalid instant "${String(value)}": ${reason}`, {
      value: String(value),
      reason,
    });
  if (!match) {
    throw invalid('expected ISO 8601 date-time with an explicit offset, e.g. 2025-02-03T10:00:00+07:00');
  }
  const [, y, mo, d, h, mi, s, frac, zulu, sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > getDaysInMonth(year, month)) {
    throw invalid('no such calendar day');
  }
  if (hours > 23 || minutes > 59 || seconds > 59) {
    throw invalid('no such time of day');
  }
  let offsetMinutes = 0;
  if (zulu === undefined) {
    const offsetHours = Number(oh);
    const offsetMins = Number(om);
    if (offsetHours > 23 || offsetMins > 59) {
      throw invalid('no such UTC offset');
    }
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  const ms = Date.UTC(year, month - 1, day, hours, minutes, seconds, millis) - offsetMinutes * MS_PER_MINUTE;
  if (year < MIN_YEAR || year > MAX_YEAR || ms < MIN_INSTANT || ms > MAX_INSTANT) {
    throw new CalendarError('OUT_OF_RANGE', `Instant "${value}" is outside ${MIN_YEAR}–${MAX_YEAR} (Vietnam time)`, {
      value,
    });
  }
  return ms;
};

/** '2025-02-03T10:00:00+07:00': Vietnam time, whole seconds (sub-second part truncated). */
export const formatInstant = (ms: number): string => {
  assertInstant(ms);
  const local = ms + OFFSET_MS;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const secondsInDay = Math.floor((local - dayNumber * MS_PER_DAY) / 1000);
  const hh = Math.floor(secondsInDay / 3600);
  const mm = Math.floor((secondsInDay % 3600) / 60);
  const ss = secondsInDay % 60;
  return `${fromDayNumber(dayNumber)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}+07:00`;
};
