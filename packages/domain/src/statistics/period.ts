import { getDaysInMonth, isLocalDate, type LocalDate, parseLocalDate } from '../calendar/local-date.js';

/**
 * Reporting periods. Statistics are counted by day in Vietnam time (UTC+7); a period is a closed
 * range of days [from, to]. The Decision 766 index is published by month, quarter and year.
 */
export type ReportPeriod = {
  kind: 'day_range' | 'month' | 'quarter' | 'half' | 'year';
  from: LocalDate;
  to: LocalDate;
  label: { vi: string; en: string };
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** '2026-11-22' → '22/11/2026' (the Vietnamese order of day, month, year). */
export const formatDateVi = (date: LocalDate): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export const getMonthStart = (date: LocalDate): LocalDate => `${date.slice(0, 7)}-01`;

export const getMonthEnd = (date: LocalDate): LocalDate => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 7)}-${pad2(getDaysInMonth(year, month))}`;
};

export const addMonths = (monthStart: LocalDate, months: number): LocalDate => {
  const index = Number(monthStart.slice(0, 4)) * 12 + Number(monthStart.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}-01`;
};

const rangeLabel = (from: LocalDate, to: LocalDate) => ({
  vi: `Từ ngày ${formatDateVi(from)} đến ngày ${formatDateVi(to)}`,
  en: `${from} to ${to}`,
});

/** A range of days given by its ends (inclusive); throws RangeError for a reversed range. */
export const buildDayRangePeriod = (from: LocalDate, to: LocalDate): ReportPeriod => {
  parseLocalDate(from);
  parseLocalDate(to);
  if (to < from) {
    throw new RangeError(`period end ${to} is before its start ${from}`);
  }
  return { kind: 'day_range', from, to, label: rangeLabel(from, to) };
};

const PERIOD_PATTERN = /^(\d{4})(?:-(?:(\d{2})|[Qq]([1-4])|[Hh]([12])))?$/;

/**
 * Parses a named period: '2026' (year), '2026-H1' (half year), '2026-Q4' (quarter), '2026-11'
 * (month). Returns undefined for anything else.
 */
export const findNamedPeriod = (value: string): ReportPeriod | undefined => {
  const match = PERIOD_PATTERN.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  if (year < 1900 || year > 2100) {
    return undefined;
  }
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) {
      return undefined;
    }
    const from = `${year}-${pad2(month)}-01`;
    return {
      kind: 'month',
      from,
      to: getMonthEnd(from),
      label: { vi: `Tháng ${pad2(month)}/${year}`, en: `${year}-${pad2(month)}` },
    };
  }
  if (match[3] !== undefined) {
    const quarter = Number(match[3]);
    const from = `${year}-${pad2((quarter - 1) * 3 + 1)}-01`;
    const roman = ['I', 'II', 'III', 'IV'][quarter - 1] ?? String(quarter);
    return {
      kind: 'quarter',
      from,
      to: getMonthEnd(addMonths(from, 2)),
      label: { vi: `Quý ${roman} năm ${year}`, en: `Q${quarter} ${year}` },
    };
  }
  if (match[4] !== undefined) {
    const half = Number(match[4]);
    const from = `${year}-${half === 1 ? '01' : '07'}-01`;
    return {
      kind: 'half',
      from,
      to: getMonthEnd(addMonths(from, 5)),
      label: { vi: `${half === 1 ? '6 tháng đầu' : '6 tháng cuối'} năm ${year}`, en: `H${half} ${year}` },
    };
  }
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31`, label: { vi: `Năm ${year}`, en: `${year}` } };
};

/**
 * Stocks (in progress, overdue) are read at the end of the period's last day — but not beyond
 * today: a dossier due later this month is not overdue yet. The report says which day it is as of.
 */
export const getStockDate = (to: LocalDate, today: LocalDate): LocalDate => (to < today ? to : today);

/**
 * How a period maps onto the two time grains of the aggregates. Whole months come from the month
 * table, the days of partly covered months from the day table; "before" (for the dossiers carried
 * over from earlier periods) is everything up to the day before `from`.
 */
export type AggregatePlan = {
  from: LocalDate;
  to: LocalDate;
  /** Month rows with month < beforeMonthsUntil belong to "before". */
  beforeMonthsUntil: LocalDate;
  /** Day rows in [beforeDaysFrom, from) belong to "before" (the start of from's month). */
  beforeDaysFrom: LocalDate;
  /** Month rows in [fullMonthsFrom, fullMonthsTo] are wholly inside the period (none when from > to). */
  fullMonthsFrom: LocalDate;
  fullMonthsTo: LocalDate;
};

export const planAggregateRanges = (from: LocalDate, to: LocalDate): AggregatePlan => {
  if (!isLocalDate(from) || !isLocalDate(to)) {
    throw new RangeError('invalid period');
  }
  const monthOfFrom = getMonthStart(from);
  const fullMonthsFrom = from === monthOfFrom ? from : addMonths(monthOfFrom, 1);
  const monthOfTo = getMonthStart(to);
  const fullMonthsTo = getMonthEnd(to) === to ? monthOfTo : addMonths(monthOfTo, -1);
  return { from, to, beforeMonthsUntil: monthOfFrom, beforeDaysFrom: monthOfFrom, fullMonthsFrom, fullMonthsTo };
};

/** Whether a day of the period is covered by a whole month of the plan (and must not be read from the day table). */
export const isDayInFullMonths = (plan: AggregatePlan, day: LocalDate): boolean =>
  plan.fullMonthsFrom <= plan.fullMonthsTo && day >= plan.fullMonthsFrom && day <= getMonthEnd(plan.fullMonthsTo);
