import { findProvinceCommittee } from '@motcua/db';
import {
  findPublicPeriod,
  formatPercentVi,
  formatRateWithBasisVi,
  listPublicPeriods,
  type Percentage,
  type StatisticsFigures,
} from '@motcua/domain';
import type { OfficialActor } from '../../auth/actor.js';
import { type AppContext, todayInVietnam } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { buildReportMeta } from '../reports/report-issuer.js';
import { getServiceIndexReport, type ServiceIndexReport } from '../reports/service-index.js';
import { getStatisticsReport, type StatisticsReport } from '../reports/statistics.js';

const PROVINCE = { vi: 'tỉnh', en: 'province' } as const;

/**
 * The reader the portal's figures are computed as: the province's whole scope, through the same use-cases the
 * officials' reports use, so that a public figure is by construction the figure the province's administrator
 * reads for the same period (a test compares them). It holds no session and is never an actor of a request.
 */
const publicReaderOf = (provinceCode: string, committeeId: string): OfficialActor => ({
  kind: 'official',
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'public-results',
  fullName: 'Cổng thông tin',
  provinceCode,
  hostingAdmin: false,
  grants: [{ agencyId: committeeId, role: 'province_admin', includeSubagencies: true, provinceCode }],
  via: 'token',
});

/** The province and the closed period a public page asks for; an unknown province or an open period answers 404. */
const resolvePublicQuery = async (ctx: AppContext, input: { province: string; period: string }) => {
  const committee = await findProvinceCommittee(ctx.reader, input.province);
  if (!committee) {
    throw new AppError('NOT_FOUND', { resource: PROVINCE });
  }
  const period = findPublicPeriod(input.period, todayInVietnam(ctx.clock));
  if (!period) {
    throw new AppError('RESULT_PERIOD_NOT_PUBLIC', { period: input.period.slice(0, 20) });
  }
  return { committee, period, reader: publicReaderOf(input.province, committee.id) };
};

/** The closed periods the portal offers for a province. */
export const listPublicResultPeriods = async (ctx: AppContext, input: { province: string }) => {
  const committee = await findProvinceCommittee(ctx.reader, input.province);
  if (!committee) {
    throw new AppError('NOT_FOUND', { resource: PROVINCE });
  }
  return {
    province: { code: input.province, name: committee.name },
    rule: {
      vi: 'Chỉ công khai kết quả của tháng, quý, năm đã kết thúc; số liệu lấy từ cùng bảng tổng hợp với báo cáo của cơ quan.',
      en: 'Only ended months, quarters and years are published; the figures come from the same aggregates as the officials’ reports.',
    },
    periods: listPublicPeriods(todayInVietnam(ctx.clock)),
  };
};

const presentRate = (p: Percentage) => ({
  numerator: p.numerator,
  base: p.base,
  value: p.value,
  text: formatPercentVi(p.value),
  basis: formatRateWithBasisVi(p),
});

const presentFigures = (f: StatisticsFigures) => ({
  totalToProcess: f.totalToProcess,
  receivedNew: f.receivedNew,
  receivedOnline: f.receivedOnline,
  resolved: f.resolved,
  resolvedEarly: f.resolvedEarly,
  resolvedOnTime: f.resolvedOnTime,
  resolvedLate: f.resolvedLate,
  inProgress: f.inProgress,
  inProgressOverdue: f.inProgressOverdue,
  onTimeRate: presentRate(f.percentages.earlyOrOnTime),
  onlineRate: presentRate(f.percentages.online),
});

/** The statistics report behind the public page (and its downloads), as the province administrator reads it. */
export const getPublicStatisticsReport = async (
  ctx: AppContext,
  input: { province: string; period: string },
): Promise<{ report: StatisticsReport; provinceName: string }> => {
  const { committee, period, reader } = await resolvePublicQuery(ctx, input);
  const report = await getStatisticsReport(ctx, reader, {
    scope: 'province',
    province: input.province,
    from: period.from,
    to: period.to,
    groupBy: ['agency'],
  });
  return { report: { ...report, period: { ...report.period, label: period.label } }, provinceName: committee.name };
};

/** The province's on-time rates by agency for a closed period: each rate over its base. */
export const describePublicStatistics = async (ctx: AppContext, input: { province: string; period: string }) => {
  const { report, provinceName } = await getPublicStatisticsReport(ctx, input);
  return {
    province: { code: input.province, name: provinceName },
    period: { value: input.period, from: report.period.from, to: report.period.to, label: report.period.label },
    totals: presentFigures(report.totals),
    agencies: report.groups
      .map((group) => ({ agencyId: group.keys.agency ?? null, name: group.label, ...presentFigures(group.figures) }))
      .sort((a, b) => b.totalToProcess - a.totalToProcess || a.name.localeCompare(b.name, 'vi')),
    notes: report.notes,
  };
};

/** The Decision 766 report behind the public ranking (and its download). */
export const getPublicServiceIndexReport = async (
  ctx: AppContext,
  input: { province: string; period: string },
): Promise<{ report: ServiceIndexReport; provinceName: string }> => {
  const { committee, period, reader } = await resolvePublicQuery(ctx, input);
  const report = await getServiceIndexReport(ctx, reader, {
    level: 'agency',
    scope: 'province',
    province: input.province,
    from: period.from,
    to: period.to,
  });
  return { report: { ...report, period: { ...report.period, label: period.label } }, provinceName: committee.name };
};

/** The Decision 766 ranking of the province's agencies for a closed period: scores over the adjusted maximum. */
export const describePublicServiceIndex = async (ctx: AppContext, input: { province: string; period: string }) => {
  const { report, provinceName } = await getPublicServiceIndexReport(ctx, input);
  return {
    province: { code: input.province, name: provinceName },
    period: { value: input.period, from: report.period.from, to: report.period.to, label: report.period.label },
    minDossiersToRank: report.minDossiersToRank,
    units: report.units.map((unit) => ({
      rank: unit.rank,
      standing: unit.standing,
      agencyId: unit.id.startsWith('code:') ? null : unit.id,
      name: unit.name,
      dossiers: unit.dossiers,
      score: unit.result.score,
      maxAvailable: unit.result.maxAvailable,
      percentOfAvailable: unit.result.percentOfAvailable,
      basis: `${String(unit.result.score).replace('.', ',')}/${String(unit.result.maxAvailable).replace('.', ',')} điểm (${formatPercentVi(unit.result.percentOfAvailable)})`,
      groups: unit.result.groups.map((group) => ({
        no: group.no,
        name: group.name,
        score: group.score,
        maxAvailable: group.maxAvailable,
      })),
    })),
    notHeld: report.notHeld.map((n) => ({ code: n.code, name: n.name, max: n.max })),
    notes: report.notes,
  };
};

/** The issuer block of the downloads: the province's People's Committee. */
export const buildPublicReportMeta = (ctx: AppContext, provinceCode: string) =>
  buildReportMeta(ctx, { kind: 'province', provinceCode, agency: null });

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The public statistics as CSV (UTF-8 with BOM so that spreadsheet programs read the diacritics). */
export const writePublicStatisticsCsv = (data: Awaited<ReturnType<typeof describePublicStatistics>>): string => {
  const header = [
    'Cơ quan',
    'Tổng số phải giải quyết',
    'Tiếp nhận mới',
    'Đã giải quyết',
    'Trước hạn',
    'Đúng hạn',
    'Quá hạn',
    'Tỷ lệ trước hạn, đúng hạn (%)',
    'Cơ sở tỷ lệ',
  ];
  const line = (name: string, f: ReturnType<typeof presentFigures>) =>
    [
      name,
      f.totalToProcess,
      f.receivedNew,
      f.resolved,
      f.resolvedEarly,
      f.resolvedOnTime,
      f.resolvedLate,
      f.onTimeRate.value,
      f.onTimeRate.basis,
    ]
      .map(csvCell)
      .join(',');
  return `\uFEFF${[
    header.map(csvCell).join(','),
    ...data.agencies.map((a) => line(a.name, a)),
    line(`Toàn tỉnh — ${data.province.name}`, data.totals),
  ].join('\r\n')}\r\n`;
};
