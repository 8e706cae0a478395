import { foldVietnamese } from '../text/fold.js';
import { type CatalogIssue, createIssue } from './catalog-issue.js';
import { type ProcedureDuration, WORKING_HOURS_PER_DAY } from './procedure.js';

/**
 * Time limits of the National TTHC database. In the 2026 scrape (7,413 channel rows) the unit
 * column reads "Ngày làm việc" 4,155 times, "Ngày" 1,577, "Giờ" 137 and "Tháng" 14; 757 rows
 * have a number without a unit and 773 have no time at all.
 */
export type TimeUnitKind =
  | 'working_days'
  | 'calendar_days'
  | 'working_hours'
  | 'clock_hours'
  | 'weeks'
  | 'months'
  | 'years'
  | 'minutes'
  | 'same_day';

/** Folded unit text → unit. */
const UNITS: ReadonlyMap<string, TimeUnitKind> = new Map([
  ['ngay lam viec', 'working_days'],
  ['ngay', 'calendar_days'],
  ['ngay lich', 'calendar_days'],
  ['gio lam viec', 'working_hours'],
  ['gio', 'clock_hours'],
  ['tuan', 'weeks'],
  ['thang', 'months'],
  ['nam', 'years'],
  ['phut', 'minutes'],
  ['trong ngay', 'same_day'],
  ['ngay trong ngay', 'same_day'],
  ['trong ngay lam viec', 'same_day'],
  ['trong ngay lam viec tiep theo', 'same_day'],
]);

export const parseTimeUnit = (unit: string): TimeUnitKind | undefined => UNITS.get(foldVietnamese(unit));

/** Unit words as they appear in running text, longest first so "ngày làm việc" wins over "ngày". */
export const TIME_UNIT_SOURCE = 'ngày làm việc|ngày|giờ làm việc|giờ|tuần|tháng|năm|phút';

/** "1", "05", "1,5", "1.5" → number. */
export const parseTimeNumber = (text: string): number | undefined => {
  if (!/^\d+(?:[.,]\d+)?$/u.test(text)) {
    return undefined;
  }
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
};

/**
 * Dossiers handled "within the day" that arrive after 15:00 are returned the next working day
 * (Decree 61/2018/NĐ-CP, as recalled in the project's regulations brief; Decree 118/2025/NĐ-CP
 * carries the one-stop rules over). The cutoff is a default that admins may change per procedure.
 */
export const SAME_DAY_CUTOFF = '15:00';

/**
 * Civil Code 2015 Art. 146(1): a month counts as 30 days and a year as 365 when a day count is
 * needed. A limit published in months really ends on the same day of the last month (Art. 148);
 * the model has no month unit, so the conversion is reported for review.
 */
const DAYS_PER_MONTH = 30;
const DAYS_PER_YEAR = 365;

export interface DurationResult {
  readonly duration: ProcedureDuration | null;
  readonly issues: CatalogIssue[];
}

const roundUp = (value: number, field: string, issues: CatalogIssue[], label: string): number => {
  if (Number.isInteger(value)) {
    return value;
  }
  const rounded = Math.ceil(value);
  issues.push(createIssue('TIME_FRACTION_ROUNDED_UP', field, { value: `${value} ${label}`, rounded }));
  return rounded;
};

/**
 * Builds a duration rule from a published number and unit text.
 *
 * A number without a unit is read as working days: it is how the national database publishes
 * most limits (4,155 of the 5,883 rows that carry a unit, 71%; calendar days 1,577, 27%), and
 * 598 of the 757 unit-less values are "1", on procedures the law resolves at once or within the
 * working day (e.g. khai sinh, Law on Civil Status 2014 Art. 16). The assumption is reported as a
 * warning, so nobody relies on a computed due date without having looked at it.
 */
export const buildDuration = (value: number, unitText: string | undefined, field: string): DurationResult => {
  const issues: CatalogIssue[] = [];
  if (!Number.isFinite(value) || value < 0) {
    return { duration: null, issues: [createIssue('TIME_MISSING', field)] };
  }
  let unit: TimeUnitKind | undefined;
  if (unitText === undefined || foldVietnamese(unitText) === '') {
    unit = 'working_days';
    issues.push(createIssue('TIME_UNIT_MISSING_ASSUMED_WORKING_DAYS', field, { value }));
  } else {
    unit = parseTimeUnit(unitText);
    if (unit === undefined) {
      return { duration: null, issues: [createIssue('TIME_UNIT_UNKNOWN', field, { unit: unitText })] };
    }
  }
  if (unit === 'same_day') {
    issues.push(createIssue('TIME_SAME_DAY_CUTOFF_ASSUMED', field));
    return { duration: { unit: 'same_day', cutoff: SAME_DAY_CUTOFF }, issues };
  }
  if (value === 0) {
    return { duration: null, issues: [...issues, createIssue('TIME_ZERO', field)] };
  }
  switch (unit) {
    case 'working_days': {
      if (Number.isInteger(value)) {
        return { duration: { unit: 'working_days', value }, issues };
      }
      // 1.5 working days is 12 working hours; keeping days whole lets the calendar count exactly.
      const hours = value * WORKING_HOURS_PER_DAY;
      if (Number.isInteger(hours)) {
        issues.push(createIssue('TIME_FRACTION_CONVERTED', field, { value, hours }));
        return { duration: { unit: 'working_hours', value: hours }, issues };
      }
      return { duration: { unit: 'working_hours', value: roundUp(hours, field, issues, 'giờ') }, issues };
    }
    case 'working_hours':
      return { duration: { unit: 'working_hours', value: roundUp(value, field, issues, 'giờ') }, issues };
    case 'clock_hours':
      // The model has no clock-hour unit; "Giờ" on the portal is read as working hours, which is
      // how the one-stop clock counts (it only runs in office hours).
      issues.push(createIssue('TIME_HOURS_AS_WORKING_HOURS', field, { value }));
      return { duration: { unit: 'working_hours', value: roundUp(value, field, issues, 'giờ') }, issues };
    case 'calendar_days':
      return { duration: { unit: 'calendar_days', value: roundUp(value, field, issues, 'ngày') }, issues };
    case 'weeks': {
      const days = Math.ceil(value * 7);
      issues.push(createIssue('TIME_WEEKS_AS_CALENDAR_DAYS', field, { value, days }));
      return { duration: { unit: 'calendar_days', value: days }, issues };
    }
    case 'months': {
      const days = Math.ceil(value * DAYS_PER_MONTH);
      issues.push(createIssue('TIME_MONTHS_AS_CALENDAR_DAYS', field, { value, days }));
      return { duration: { unit: 'calendar_days', value: days }, issues };
    }
    case 'years': {
      const days = Math.ceil(value * DAYS_PER_YEAR);
      issues.push(createIssue('TIME_YEARS_AS_CALENDAR_DAYS', field, { value, days }));
      return { duration: { unit: 'calendar_days', value: days }, issues };
    }
    case 'minutes': {
      const hours = Math.ceil(value / 60);
      issues.push(createIssue('TIME_MINUTES_ROUNDED_UP', field, { value, hours }));
      return { duration: { unit: 'working_hours', value: hours }, issues };
    }
  }
};
