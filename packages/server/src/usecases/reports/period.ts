import {
  type AggregatePlan,
  addDays,
  addMonths,
  buildDayRangePeriod,
  findNamedPeriod,
  formatDateVi,
  getMonthStart,
  getStockDate,
  planAggregateRanges,
  type ReportPeriod,
} from '@motcua/domain';
import { AppError } from '../../errors/app-error.js';

export type PeriodInput = { period?: string | undefined; from?: string | undefined; to?: string | undefined };

export type ResolvedPeriod = {
  period: ReportPeriod;
  /** The day stocks are read at: the period's end, or today when the period is not over. */
  asOf: string;
  plan: AggregatePlan;
};

/**
 * The period of a report: a named one (2026, 2026-H1, 2026-Q4, 2026-11) or from/to days, default
 * the current month. Figures are read up to `asOf` (no later than today).
 */
export const resolveReportPeriod = (input: PeriodInput, today: string): ResolvedPeriod => {
  let period: ReportPeriod | undefined;
  if (input.period) {
    period = findNamedPeriod(input.period);
    if (!period) {
      throw new AppError('REPORT_PERIOD_INVALID', { period: input.period.slice(0, 20) });
    }
  } else {
    const from = input.from ?? getMonthStart(today);
    const to = input.to ?? (input.from ? today : today);
    try {
      period = buildDayRangePeriod(from, to < from ? from : to);
    } catch {
      throw new AppError('REPORT_PERIOD_INVALID', { period: `${from}..${to}` });
    }
    if (to < from) {
      throw new AppError('REPORT_PERIOD_INVALID', { period: `${from}..${to}` });
    }
  }
  const asOf = getStockDate(period.to, today);
  // A period wholly in the future has nothing to count yet: it is read as of its first day.
  const end = asOf < period.from ? period.from : asOf;
  return { period, asOf: end, plan: planAggregateRanges(period.from, end) };
};

export type TimeBucket = 'day' | 'month' | 'quarter' | 'year';

export type BucketRange = { start: string; from: string; to: string; label: { vi: string; en: string } };

const startOf = (day: string, bucket: TimeBucket): string => {
  if (bucket === 'day') {
    return day;
  }
  if (bucket === 'month') {
    return getMonthStart(day);
  }
  if (bucket === 'year') {
    return `${day.slice(0, 4)}-01-01`;
  }
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
};

const nextStart = (start: string, bucket: TimeBucket): string =>
  bucket === 'day' ? addDays(start, 1) : addMonths(start, bucket === 'month' ? 1 : bucket === 'quarter' ? 3 : 12);

const labelOf = (start: string, bucket: TimeBucket) => {
  const year = start.slice(0, 4);
  if (bucket === 'day') {
    return { vi: formatDateVi(start), en: start };
  }
  if (bucket === 'month') {
    return { vi: `Tháng ${start.slice(5, 7)}/${year}`, en: start.slice(0, 7) };
  }
  if (bucket === 'quarter') {
    const q = Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1;
    return { vi: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${year}`, en: `Q${q} ${year}` };
  }
  return { vi: `Năm ${year}`, en: year };
};

/** The time buckets of [from, to] (the first and last cut to the period), with the SQL bucket start of each. */
export const listBuckets = (from: string, to: string, bucket: TimeBucket): BucketRange[] => {
  const out: BucketRange[] = [];
  for (let start = startOf(from, bucket); start <= to; start = nextStart(start, bucket)) {
    const end = addDays(nextStart(start, bucket), -1);
    out.push({ start, from: start < from ? from : start, to: end > to ? to : end, label: labelOf(start, bucket) });
  }
  return out;
};
