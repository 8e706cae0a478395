import {
  countAgenciesByProvince,
  countOfficialsByProvince,
  countPaknReceivedByProvince,
  listProvinceSites,
} from '@motcua/db';
import { addDays, buildStatisticsFigures, computePercent, createZeroSums, findNamedPeriod } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { requireHostingAdmin } from '../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { sumReportStatistics } from '../reports/fold-statistics.js';
import { resolveReportPeriod } from '../reports/period.js';

/** The most sites one answer covers (an install serves at most the 34 provinces of 2025). */
export const HOSTING_FIGURES_MAX_SITES = 100;

export const ON_TIME_RULE =
  'QĐ 766/QĐ-TTg, chỉ tiêu Tiến độ giải quyết: tỷ lệ đúng hạn = số hồ sơ đã giải quyết trước hạn và đúng hạn trong kỳ / tổng số hồ sơ đã giải quyết trong kỳ × 100 (như báo cáo thống kê của từng tỉnh)';

export type ProvinceFigures = {
  provinceCode: string;
  name: string;
  received: number;
  resolved: number;
  /** Resolved early or on time: the numerator of the on-time rate, whose base is `resolved`. */
  resolvedEarlyOrOnTime: number;
  resolvedLate: number;
  onTimePercent: number | null;
  overdueOpen: number;
  paknReceived: number;
  officials: number;
  agencies: number;
};

export type HostingFigures = {
  period: { value: string; from: string; to: string; asOf: string; label: { vi: string; en: string } };
  provinces: ProvinceFigures[];
  totals: Omit<ProvinceFigures, 'provinceCode' | 'name'>;
  onTimeRule: string;
};

/** Midnight of a day in Vietnam (UTC+7) as an instant. */
const vietnamMidnight = (day: string): Date => new Date(`${day}T00:00:00+07:00`);

/**
 * The hosting centre's figures across the provinces it serves, for a month (2026-11) or a year (2026): per
 * province the dossiers received and resolved in the period, the on-time rate on its base (early or on time over
 * resolved, as each province's statistics report computes it), the overdue dossiers still open at the period's
 * end (or today), the feedback received, the active officials and the agencies in force. Dossier figures come
 * from the statistics aggregates grouped by province (one read for all sites), the rest from one grouped count
 * each — never a scan of the dossiers.
 */
export const getHostingFigures = async (
  ctx: AppContext,
  actor: Actor,
  input: { period: string },
): Promise<HostingFigures> => {
  requireHostingAdmin(actor);
  const named = findNamedPeriod(input.period);
  if (!named || (named.kind !== 'month' && named.kind !== 'year')) {
    throw new AppError('REPORT_PERIOD_INVALID', { period: input.period.slice(0, 20) });
  }
  const { period, asOf, plan } = resolveReportPeriod({ period: input.period }, todayInVietnam(ctx.clock));
  const sites = await listProvinceSites(ctx.reader, { limit: HOSTING_FIGURES_MAX_SITES });
  const codes = sites.map((site) => site.provinceCode);
  const [rows, pakn, officials, agencies] = await Promise.all([
    codes.length === 0
      ? Promise.resolve([])
      : sumReportStatistics(ctx, {
          plan,
          filter: { provinceCodes: codes, agencyIds: null },
          dimensions: ['province'],
          bucket: 'none',
        }),
    countPaknReceivedByProvince(ctx.reader, {
      provinceCodes: codes,
      from: vietnamMidnight(period.from),
      to: vietnamMidnight(addDays(asOf, 1)),
    }),
    countOfficialsByProvince(ctx.reader, codes),
    countAgenciesByProvince(ctx.reader, codes),
  ]);
  const sumsByProvince = new Map(rows.map((row) => [row.keys.province ?? '', row.sums]));
  const provinces = sites.map((site): ProvinceFigures => {
    const figures = buildStatisticsFigures(sumsByProvince.get(site.provinceCode) ?? createZeroSums());
    const resolvedEarlyOrOnTime = figures.resolvedEarly + figures.resolvedOnTime;
    return {
      provinceCode: site.provinceCode,
      name: site.name,
      received: figures.receivedNew,
      resolved: figures.resolved,
      resolvedEarlyOrOnTime,
      resolvedLate: figures.resolvedLate,
      onTimePercent: computePercent(resolvedEarlyOrOnTime, figures.resolved),
      overdueOpen: figures.inProgressOverdue,
      paknReceived: pakn.get(site.provinceCode) ?? 0,
      officials: officials.get(site.provinceCode) ?? 0,
      agencies: agencies.get(site.provinceCode) ?? 0,
    };
  });
  const sum = (key: keyof Omit<ProvinceFigures, 'provinceCode' | 'name' | 'onTimePercent'>) =>
    provinces.reduce((total, row) => total + row[key], 0);
  const totals = {
    received: sum('received'),
    resolved: sum('resolved'),
    resolvedEarlyOrOnTime: sum('resolvedEarlyOrOnTime'),
    resolvedLate: sum('resolvedLate'),
    onTimePercent: computePercent(sum('resolvedEarlyOrOnTime'), sum('resolved')),
    overdueOpen: sum('overdueOpen'),
    paknReceived: sum('paknReceived'),
    officials: sum('officials'),
    agencies: sum('agencies'),
  };
  return {
    period: { value: input.period.trim(), from: period.from, to: period.to, asOf, label: period.label },
    provinces,
    totals,
    onTimeRule: ON_TIME_RULE,
  };
};
