import { estimateLunationNumber, getNewMoonDayNumber, getSunLongitudeAtDayStart, JD_UNIX_EPOCH } from './astronomy.js';
import { CalendarError } from './calendar-error.js';
import type { LocalDate } from './local-date.js';
import {
  fromDayNumber,
  getYearOfDayNumber,
  MAX_DAY_NUMBER,
  MAX_YEAR,
  MIN_DAY_NUMBER,
  MIN_YEAR,
  toDayNumber,
} from './local-date.js';

/**
 * The Vietnamese lunisolar calendar (âm lịch), 1900–2100.
 *
 * Rules (the published rules of the Chinese/Vietnamese calendar since the Shixian reform of 1645,
 * computed in Vietnam for UTC+7 — from 1968 in the North, recalled — which is why Tết 1968 and
 * 1985 differ from China; the golden tables apply UTC+7 to every year):
 * 1. A month begins on the local civil day that contains the astronomical new moon.
 * 2. Month 11 is the month containing the winter solstice (solar longitude 270°).
 * 3. If 13 months begin between two consecutive month-11 starts (a "leap year"), the first month
 *    after month 11 that contains no principal solar term (trung khí: a multiple of 30° of solar
 *    longitude) is the leap month and repeats the number of the month before it.
 * The time-zone offset is a parameter: 7 for Vietnam, 8 for China.
 *
 * We compute one "solar year block" at a time: the months from month 11 of Gregorian year Y to
 * the month 11 of Y+1. Its months 11 and 12 (and a leap 11/12) belong to lunar year Y, the rest
 * to lunar year Y+1. Blocks are cached per (offset, Y), so after warm-up a conversion is a cache
 * hit plus a scan of ≤ 14 integers.
 */

export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

export interface LunarMonthInfo {
  readonly year: number;
  readonly month: number;
  readonly leap: boolean;
  /** Gregorian date of day 1. */
  readonly start: LocalDate;
  /** 29 or 30. */
  readonly length: number;
}

/** Default offset: Vietnam, UTC+7. */
export const VIETNAM_TZ_HOURS = 7;

interface SolarYearBlock {
  /** Day numbers of the month starts; `starts[n]` is the start of the next block's month 11. */
  readonly starts: Int32Array;
  readonly months: Uint8Array;
  readonly leaps: Uint8Array;
  readonly years: Int16Array;
}

// Blocks exist for Gregorian years 1899 (holds Jan 1900) … 2100 (holds Dec 2100).
const FIRST_BLOCK_YEAR = MIN_YEAR - 1;
const LAST_BLOCK_YEAR = MAX_YEAR;

const blockCache = new Map<number, (SolarYearBlock | undefined)[]>();

/**
 * Months whose computed new moon lies within the error margin of the model (Meeus ch. 49 is good
 * to a few seconds, ΔT before 1955 to a few seconds more) from local midnight, where the published
 * Vietnamese reference tables put the first day of the month on the other side of midnight. The
 * published date is a fact and wins; every entry must stay within 60 s of midnight (a test checks
 * this), so this list can never hide a real error in the astronomy.
 */
export const PUBLISHED_MONTH_START_CORRECTIONS: readonly {
  readonly tzHours: number;
  /** Day on which the model puts the new moon. */
  readonly computed: LocalDate;
  /** Day on which the reference tables start the month. */
  readonly published: LocalDate;
  readonly reason: string;
}[] = [
  {
    tzHours: 7,
    computed: '1944-06-20',
    published: '1944-06-21',
    reason:
      'Month 5 of Giáp Thân: new moon computed at 1944-06-20T16:59:35Z = 23:59:35 at UTC+7 (ΔT 26.6 s), ' +
      '25 s before midnight; the reference table (lunar-golden-dates.csv) starts the month on 21 June.',
  },
];

const correctionIndex = new Map<string, number>(
  PUBLISHED_MONTH_START_CORRECTIONS.map((c) => [`${c.tzHours}:${toDayNumber(c.computed)}`, toDayNumber(c.published)]),
);

/** First day (day number) of the lunar month that begins with the new moon of lunation k (rule 1). */
const getMonthStartDay = (k: number, tzHours: number): number => {
  const computed = getNewMoonDayNumber(k, tzHours);
  return correctionIndex.get(`${tzHours}:${computed}`) ?? computed;
};

const assertTimeZone = (tzHours: number): void => {
  if (typeof tzHours !== 'number' || !Number.isFinite(tzHours) || tzHours < -12 || tzHours > 14) {
    throw new CalendarError('INVALID_TIME_ZONE', `UTC offset must be a number of hours within −12…+14`, {
      value: String(tzHours),
    });
  }
};

/** Principal-term index 0–11 (solar longitude / 30°) at the start of a local day. */
const getPrincipalTermSector = (dayNumber: number, tzHours: number): number =>
  Math.floor(getSunLongitudeAtDayStart(dayNumber, tzHours) / 30);

/**
 * True when the winter solstice (270°) happened before local midnight starting `dayNumber`.
 * Only valid for days between November and February, where the longitude is within 220°–340°.
 */
const isAfterWinterSolstice = (dayNumber: number, tzHours: number): boolean =>
  getSunLongitudeAtDayStart(dayNumber, tzHours) >= 270;

/**
 * Lunation number of month 11 of Gregorian year `year`: the month whose first day is on or
 * before the local day of the winter solstice while the next month starts after it (rule 2).
 */
const findMonth11Lunation = (year: number, tzHours: number): number => {
  const dec31 = Date.UTC(year, 11, 31) / 86_400_000;
  let k = estimateLunationNumber(dec31 + JD_UNIX_EPOCH);
  while (isAfterWinterSolstice(getMonthStartDay(k, tzHours), tzHours)) {
    k -= 1;
  }
  while (!isAfterWinterSolstice(getMonthStartDay(k + 1, tzHours), tzHours)) {
    k += 1;
  }
  return k;
};

const buildSolarYearBlock = (year: number, tzHours: number): SolarYearBlock => {
  const k11 = findMonth11Lunation(year, tzHours);
  const nextK11 = findMonth11Lunation(year + 1, tzHours);
  const count = nextK11 - k11; // 12 or 13 months (rule 3)
  const starts = new Int32Array(count + 1);
  for (let i = 0; i <= count; i += 1) {
    starts[i] = getMonthStartDay(k11 + i, tzHours);
  }
  let leapIndex = -1;
  if (count === 13) {
    // Rule 3: the first month after month 11 whose start and the next month's start lie in the
    // same 30° sector contains no principal term.
    let sector = getPrincipalTermSector(starts[1] ?? 0, tzHours);
    for (let i = 1; i < count; i += 1) {
      const nextSector = getPrincipalTermSector(starts[i + 1] ?? 0, tzHours);
      if (nextSector === sector) {
        leapIndex = i;
        break;
      }
      sector = nextSector;
    }
  }
  const months = new Uint8Array(count);
  const leaps = new Uint8Array(count);
  const years = new Int16Array(count);
  let month = 11;
  let lunarYear = year;
  for (let i = 0; i < count; i += 1) {
    if (i > 0 && i !== leapIndex) {
      month = month === 12 ? 1 : month + 1;
      if (month === 1) {
        lunarYear = year + 1;
      }
    }
    months[i] = month;
    leaps[i] = i === leapIndex ? 1 : 0;
    years[i] = lunarYear;
  }
  return { starts, months, leaps, years };
};

const getSolarYearBlock = (year: number, tzHours: number): SolarYearBlock => {
  if (year < FIRST_BLOCK_YEAR || year > LAST_BLOCK_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', `Lunar calendar is available for ${MIN_YEAR}–${MAX_YEAR} only`, {
      value: year,
    });
  }
  let blocks = blockCache.get(tzHours);
  if (!blocks) {
    blocks = [];
    blockCache.set(tzHours, blocks);
  }
  const index = year - FIRST_BLOCK_YEAR;
  let block = blocks[index];
  if (!block) {
    block = buildSolarYearBlock(year, tzHours);
    blocks[index] = block;
  }
  return block;
};

const getStart = (block: SolarYearBlock, index: number): number => block.starts[index] ?? 0;

/** Converts a Gregorian date to the lunar date at UTC offset `tzHours` (7 = Vietnam, 8 = China). */
export const toLunarDate = (date: LocalDate, tzHours: number = VIETNAM_TZ_HOURS): LunarDate => {
  assertTimeZone(tzHours);
  const dayNumber = toDayNumber(date);
  const gregorianYear = getYearOfDayNumber(dayNumber);
  let block = getSolarYearBlock(gregorianYear, tzHours);
  if (dayNumber < getStart(block, 0)) {
    block = getSolarYearBlock(gregorianYear - 1, tzHours);
  }
  let i = block.months.length - 1;
  while (i > 0 && getStart(block, i) > dayNumber) {
    i -= 1;
  }
  return {
    year: block.years[i] ?? 0,
    month: block.months[i] ?? 0,
    day: dayNumber - getStart(block, i) + 1,
    leap: block.leaps[i] === 1,
  };
};

interface MonthLocation {
  readonly block: SolarYearBlock;
  readonly index: number;
}

const findMonth = (year: number, month: number, leap: boolean, tzHours: number): MonthLocation | undefined => {
  // Months 11 and 12 of lunar year Y start in block Y; months 1–10 in block Y−1.
  const block = getSolarYearBlock(month >= 11 ? year : year - 1, tzHours);
  for (let index = 0; index < block.months.length; index += 1) {
    if (block.months[index] === month && (block.leaps[index] === 1) === leap && block.years[index] === year) {
      return { block, index };
    }
  }
  return undefined;
};

const assertLunarFields = (year: number, month: number, leap: boolean): void => {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || typeof leap !== 'boolean') {
    throw new CalendarError('INVALID_LUNAR_DATE', 'Lunar month must be an integer 1–12 of an integer year', {
      year: String(year),
      month: String(month),
      leap: String(leap),
    });
  }
  if (year < FIRST_BLOCK_YEAR || year > LAST_BLOCK_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', `Lunar calendar is available for ${MIN_YEAR}–${MAX_YEAR} only`, {
      value: year,
    });
  }
};

const getMonth = (year: number, month: number, leap: boolean, tzHours: number): MonthLocation => {
  assertTimeZone(tzHours);
  assertLunarFields(year, month, leap);
  const found = findMonth(year, month, leap, tzHours);
  if (!found) {
    throw new CalendarError(
      'LUNAR_DATE_NOT_FOUND',
      `Lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month} (UTC${tzHours >= 0 ? '+' : ''}${tzHours})`,
      { year, month, leap, tzHours },
    );
  }
  return found;
};

const getLength = ({ block, index }: MonthLocation): number => getStart(block, index + 1) - getStart(block, index);

/** Length (29 or 30 days) of a lunar month; throws 'LUNAR_DATE_NOT_FOUND' if the month does not exist. */
export const getLunarMonthLength = (
  year: number,
  month: number,
  leap = false,
  tzHours: number = VIETNAM_TZ_HOURS,
): number => getLength(getMonth(year, month, leap, tzHours));

/**
 * Converts a lunar date to the Gregorian date. Throws 'LUNAR_DATE_NOT_FOUND' for a day that the
 * month does not have (30 in a 29-day month) or a leap month that the year does not have, and
 * 'OUT_OF_RANGE' when the result falls outside 1900–2100.
 */
export const fromLunarDate = (lunar: LunarDate, tzHours: number = VIETNAM_TZ_HOURS): LocalDate => {
  const { year, month, day, leap } = lunar;
  const location = getMonth(year, month, leap, tzHours);
  if (!Number.isInteger(day) || day < 1) {
    throw new CalendarError('INVALID_LUNAR_DATE', `Lunar day must be an integer ≥ 1, got ${day}`, {
      day: String(day),
    });
  }
  const length = getLength(location);
  if (day > length) {
    throw new CalendarError(
      'LUNAR_DATE_NOT_FOUND',
      `${leap ? 'Leap month' : 'Month'} ${month} of lunar year ${year} has ${length} days, not ${day}`,
      { year, month, day, leap, tzHours, length },
    );
  }
  const dayNumber = getStart(location.block, location.index) + day - 1;
  if (dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
    throw new CalendarError('OUT_OF_RANGE', `Lunar date ${day}/${month}/${year} is outside ${MIN_YEAR}–${MAX_YEAR}`, {
      year,
      month,
      day,
    });
  }
  return fromDayNumber(dayNumber);
};

/** Gregorian date of Tết Nguyên Đán (day 1 of month 1) of lunar year `year`. */
export const getLunarNewYear = (year: number, tzHours: number = VIETNAM_TZ_HOURS): LocalDate =>
  fromLunarDate({ year, month: 1, day: 1, leap: false }, tzHours);

/** The leap month of lunar year `year` (1–12), or undefined when the year has none. */
export const getLeapMonth = (year: number, tzHours: number = VIETNAM_TZ_HOURS): number | undefined => {
  assertTimeZone(tzHours);
  assertLunarFields(year, 1, false);
  for (let month = 1; month <= 12; month += 1) {
    if (findMonth(year, month, true, tzHours)) {
      return month;
    }
  }
  return undefined;
};

/** The months of lunar year `year` in order (12 or 13), with start date and length. */
export const listLunarMonths = (year: number, tzHours: number = VIETNAM_TZ_HOURS): LunarMonthInfo[] => {
  assertTimeZone(tzHours);
  assertLunarFields(year, 1, false);
  const result: LunarMonthInfo[] = [];
  for (const blockYear of [year - 1, year]) {
    const block = getSolarYearBlock(blockYear, tzHours);
    for (let index = 0; index < block.months.length; index += 1) {
      if (block.years[index] === year) {
        const startDay = getStart(block, index);
        if (startDay >= MIN_DAY_NUMBER && startDay <= MAX_DAY_NUMBER) {
          result.push({
            year,
            month: block.months[index] ?? 0,
            leap: block.leaps[index] === 1,
            start: fromDayNumber(startDay),
            length: getLength({ block, index }),
          });
        }
      }
    }
  }
  return result;
};

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/**
 * Sexagenary name (can chi) of a lunar year, e.g. 2026 → 'Bính Ngọ'. The cycle is anchored on
 * 1984 = Giáp Tý (stem 0, branch 0); Vietnamese uses Mão (cat) where Chinese has the rabbit.
 */
export const getCanChi = (year: number): string => {
  if (!Number.isInteger(year)) {
    throw new CalendarError('INVALID_LUNAR_DATE', `Year must be an integer, got ${year}`, { year: String(year) });
  }
  const offset = year - 1984;
  return `${CAN[((offset % 10) + 10) % 10]} ${CHI[((offset % 12) + 12) % 12]}`;
};
