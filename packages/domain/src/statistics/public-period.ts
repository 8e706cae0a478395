import { addMonths, findNamedPeriod, getMonthStart, type ReportPeriod } from './period.js';

/**
 * Which periods the portal publishes. A province publishes the results of a closed period: the figures of a
 * month still running change every day and the reports of Decree 61/2018/NĐ-CP Art. 33 (now Decree
 * 118/2025/NĐ-CP) are made for ended months, quarters and years. So the rule is "the period has ended": a month,
 * quarter or year whose last day is before today (Vietnam time) is public; nothing else is. No setting is needed
 * and every installation answers the same question the same way.
 */
export const findPublicPeriod = (value: string, today: string): ReportPeriod | undefined => {
  const period = findNamedPeriod(value);
  if (!period || period.kind === 'half' || period.kind === 'day_range' || period.to >= today) {
    return undefined;
  }
  return period;
};

export type PublicPeriodOption = {
  value: string;
  kind: 'month' | 'quarter' | 'year';
  label: { vi: string; en: string };
};

/**
 * The public periods offered on the portal, newest first: the last `months` ended months, the ended quarters and
 * years since the year before `today`'s.
 */
export const listPublicPeriods = (today: string, months = 12): PublicPeriodOption[] => {
  const options: PublicPeriodOption[] = [];
  let start = addMonths(getMonthStart(today), -1);
  for (let i = 0; i < months; i++) {
    const value = start.slice(0, 7);
    const period = findPublicPeriod(value, today);
    if (period) {
      options.push({ value, kind: 'month', label: period.label });
    }
    start = addMonths(start, -1);
  }
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1]) {
    for (const q of [4, 3, 2, 1]) {
      const period = findPublicPeriod(`${y}-Q${q}`, today);
      if (period) {
        options.push({ value: `${y}-Q${q}`, kind: 'quarter', label: period.label });
      }
    }
    const whole = findPublicPeriod(String(y), today);
    if (whole) {
      options.push({ value: String(y), kind: 'year', label: whole.label });
    }
  }
  return options;
};

/** "4.431/4.788 (92,54%)": a published rate with its numerator and base; "0/0 (—)" without a base. */
export const formatRateWithBasisVi = (rate: { numerator: number; base: number; value: number | null }): string => {
  const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const percent = rate.value === null ? '—' : `${rate.value.toFixed(2).replace('.', ',')}%`;
  return `${group(rate.numerator)}/${group(rate.base)} (${percent})`;
};
