import type { StatisticsDimension, StatisticsGroupRow } from '@motcua/db';
import {
  type AggregateSums,
  addSums,
  buildStatisticsFigures,
  createZeroSums,
  DOSSIER_CHANNELS,
  type DossierChannel,
  type PercentDecimals,
  roundFigurePercentages,
  STATISTICS_LEVEL_LABELS,
  type StatisticsFigures,
  type StatisticsLevel,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { type AppContext, todayInVietnam } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { sumReportStatistics } from './fold-statistics.js';
import { type BucketRange, listBuckets, type PeriodInput, resolveReportPeriod, type TimeBucket } from './period.js';
import { type ReportScopeInput, type ResolvedScope, resolveReportScope } from './scope.js';

export const STATISTICS_GROUPINGS = [
  'agency',
  'receivingAgency',
  'level',
  'channel',
  'procedure',
  'field',
  'province',
  'day',
  'month',
  'quarter',
  'year',
] as const;
export type StatisticsGrouping = (typeof STATISTICS_GROUPINGS)[number];

const TIME: ReadonlySet<string> = new Set(['day', 'month', 'quarter', 'year']);
const MAX_DAYS_BY_DAY = 92;

export type StatisticsQuery = ReportScopeInput & PeriodInput & { groupBy?: readonly StatisticsGrouping[] | undefined };

export type StatisticsGroup = {
  keys: Partial<Record<StatisticsDimension, string | null>>;
  labels: Partial<Record<StatisticsDimension, string>>;
  label: string;
  bucket: { start: string; from: string; to: string; label: { vi: string; en: string } } | null;
  figures: StatisticsFigures;
};

export type StatisticsReport = {
  title: { vi: string; en: string };
  period: { from: string; to: string; label: { vi: string; en: string }; asOf: string };
  scope: Pick<ResolvedScope, 'kind' | 'provinceCode' | 'agency' | 'subagencies' | 'commune' | 'label'>;
  groupBy: StatisticsGrouping[];
  totals: StatisticsFigures;
  groups: StatisticsGroup[];
  notes: { vi: string; en: string }[];
};

/** The report with every percentage rounded again from its counts (one decimal for published reports). */
export const roundReportPercentages = (report: StatisticsReport, decimals: PercentDecimals): StatisticsReport =>
  decimals === 2
    ? report
    : {
        ...report,
        totals: roundFigurePercentages(report.totals, decimals),
        groups: report.groups.map((group) => ({ ...group, figures: roundFigurePercentages(group.figures, decimals) })),
      };

export const STATISTICS_TITLE = {
  vi: 'Tình hình, kết quả giải quyết thủ tục hành chính',
  en: 'Handling of administrative procedures: situation and results',
};

/**
 * Why the numbers are what they are: the rules printed under every report (JSON, Excel, PDF), with
 * the day the in-progress counts stand at written out (`asOf`, YYYY-MM-DD).
 */
export const buildStatisticsNotes = (asOf: string): { vi: string; en: string }[] => {
  const [year, month, day] = asOf.split('-');
  const dateVi = `${day}/${month}/${year}`;
  return [
    {
      vi: 'Hồ sơ được tính theo ngày (giờ Việt Nam): tiếp nhận theo ngày tiếp nhận (Mẫu 01), đã giải quyết theo ngày có kết quả, trả kết quả theo ngày trả; số kỳ trước chuyển sang là hồ sơ tiếp nhận trước kỳ chưa giải quyết xong khi bắt đầu kỳ.',
      en: 'Dossiers are counted by Vietnam-time day: received by the receipt date (form 01), resolved by the result date, returned by the return date; carried over = received before the period and not finished when it began.',
    },
    {
      vi: 'Trước hạn, đúng hạn, quá hạn so với thời hạn giải quyết theo quy định (không tính gia hạn do xin lỗi, hẹn lại): trước hạn là có kết quả trước ngày hẹn; đúng hạn là trong ngày hẹn, không muộn hơn thời điểm hẹn; quá hạn là sau thời điểm hẹn.',
      en: 'Early, on time and late are against the legal due instant (an apology’s new date does not excuse lateness): early = before the due day; on time = on the due day, not after the due instant; late = after it.',
    },
    {
      vi: 'Tỷ lệ trước hạn, đúng hạn, quá hạn tính trên tổng số hồ sơ đã giải quyết trong kỳ (QĐ 766/QĐ-TTg). Tỷ lệ "kể cả hồ sơ quá hạn chưa có kết quả" tính trên số đã giải quyết cộng số đang giải quyết quá hạn, như nhiều báo cáo tỉnh công bố.',
      en: 'Early, on-time and late rates are over the dossiers resolved in the period (Decision 766). The rate "counting overdue dossiers without a result" is over resolved plus in-progress overdue, as many provincial reports publish it.',
    },
    {
      vi: `Số đang giải quyết (chưa đến hạn, quá hạn) tính đến hết ngày ${dateVi} — cuối kỳ, hoặc hôm nay nếu kỳ chưa kết thúc. Hồ sơ đang tạm dừng chờ bổ sung hoặc chờ nộp phí tính là chưa đến hạn.`,
      en: `In progress (not yet due, overdue) is as of the end of ${asOf} — the period end, or today if the period is not over. Dossiers paused for a supplement or a payment count as not yet due.`,
    },
    {
      vi: 'Hồ sơ được tính cho cơ quan có thẩm quyền giải quyết (bước phê duyệt) và cho nơi tiếp nhận; phạm vi một cơ quan gồm hồ sơ cơ quan đó giải quyết hoặc tiếp nhận.',
      en: 'A dossier counts for the agency competent to decide it (approval step) and for the desk that received it; an agency scope covers dossiers it decides or receives.',
    },
  ];
};

const LEVEL_LABELS = STATISTICS_LEVEL_LABELS as Record<string, { vi: string; en: string }>;

const labelOf = (dimension: StatisticsDimension, row: StatisticsGroupRow): string => {
  const key = row.keys[dimension] ?? null;
  const label = row.labels[dimension] ?? null;
  if (dimension === 'level') {
    return LEVEL_LABELS[key ?? '']?.vi ?? key ?? '';
  }
  if (dimension === 'channel') {
    return DOSSIER_CHANNELS[(key ?? 'direct') as DossierChannel]?.vi ?? key ?? '';
  }
  if (dimension === 'procedure' && key !== null) {
    return label ? `${label} (${key})` : key;
  }
  if (dimension === 'field' && !key) {
    return '(Không rõ lĩnh vực)';
  }
  return label ?? (key?.startsWith('code:') ? key.slice(5) : (key ?? ''));
};

type Split = { dimensions: StatisticsDimension[]; bucket: TimeBucket | null };

const splitGrouping = (groupBy: readonly StatisticsGrouping[]): Split => {
  const unique = [...new Set(groupBy)];
  const times = unique.filter((g) => TIME.has(g)) as TimeBucket[];
  const dimensions = unique.filter((g) => !TIME.has(g)) as StatisticsDimension[];
  if (unique.length > 2 || times.length > 1) {
    throw new AppError('REPORT_GROUPING_INVALID');
  }
  return { dimensions, bucket: times[0] ?? null };
};

const resolvedOf = (s: AggregateSums) => s.resolvedEarly + s.resolvedOnTime + s.resolvedLate + s.resolvedNoDeadline;

/**
 * Turns per-bucket flow rows into per-bucket figures: each bucket's carried-over stock is the
 * group's stock before the period plus what came in and went out in the earlier buckets, and its
 * overdue stock runs on the same way.
 */
const accumulateBuckets = (rows: StatisticsGroupRow[], buckets: BucketRange[]) => {
  let before = createZeroSums();
  const flows = new Map<string, AggregateSums>();
  for (const row of rows) {
    if (row.bucket === null) {
      before = addSums(before, row.sums);
    } else {
      flows.set(row.bucket, addSums(flows.get(row.bucket) ?? createZeroSums(), row.sums));
    }
  }
  let received = before.beforeReceived;
  let resolved = before.beforeResolved;
  let closed = before.beforeClosedAfterReceipt;
  let overdue = before.overdueStock;
  return buckets.map((bucket) => {
    const flow = flows.get(bucket.start) ?? createZeroSums();
    overdue += flow.overdueStock;
    const sums: AggregateSums = {
      ...flow,
      beforeReceived: received,
      beforeResolved: resolved,
      beforeClosedAfterReceipt: closed,
      overdueStock: overdue,
    };
    received += flow.received;
    resolved += resolvedOf(flow);
    closed += flow.closedAfterReceipt;
    return { bucket, figures: buildStatisticsFigures(sums) };
  });
};

/**
 * The statistics report for a period and scope, grouped as asked: answered from the aggregates
 * (a few thousand rows for a province-year), never from the dossiers themselves.
 */
export const getStatisticsReport = async (
  ctx: AppContext,
  actor: Actor,
  input: StatisticsQuery,
): Promise<StatisticsReport> => {
  const scope = await resolveReportScope(ctx, actor, input);
  const { period, asOf, plan } = resolveReportPeriod(input, todayInVietnam(ctx.clock));
  const groupBy = [...(input.groupBy ?? [])];
  const { dimensions, bucket } = splitGrouping(groupBy);
  if (
    bucket === 'day' &&
    plan.to > period.from &&
    Date.parse(plan.to) - Date.parse(period.from) > MAX_DAYS_BY_DAY * 86_400_000
  ) {
    throw new AppError('REPORT_PERIOD_TOO_LONG', { maxDays: MAX_DAYS_BY_DAY });
  }
  const rows = await sumReportStatistics(ctx, { plan, filter: scope.filter, dimensions, bucket: bucket ?? 'none' });
  let totals: StatisticsFigures;
  const groups: StatisticsGroup[] = [];
  if (bucket === null) {
    totals = buildStatisticsFigures(rows.reduce((sum, row) => addSums(sum, row.sums), createZeroSums()));
    if (dimensions.length > 0) {
      for (const row of rows) {
        groups.push(toGroup(dimensions, row, null, buildStatisticsFigures(row.sums)));
      }
    }
  } else {
    const buckets = listBuckets(plan.from, plan.to, bucket);
    const byGroup = new Map<string, StatisticsGroupRow[]>();
    for (const row of rows) {
      const key = JSON.stringify(dimensions.map((d) => row.keys[d] ?? null));
      const list = byGroup.get(key);
      if (list) {
        list.push(row);
      } else {
        byGroup.set(key, [row]);
      }
    }
    for (const groupRows of byGroup.values()) {
      const first = groupRows[0] as StatisticsGroupRow;
      for (const entry of accumulateBuckets(groupRows, buckets)) {
        groups.push(toGroup(dimensions, first, entry.bucket, entry.figures));
      }
    }
    // Bucket rows hold flows within the period only; the group's null-bucket row holds what came before.
    totals = buildStatisticsFigures(rows.reduce((sum, row) => addSums(sum, row.sums), createZeroSums()));
  }
  groups.sort(
    (a, b) => a.label.localeCompare(b.label, 'vi') || (a.bucket?.start ?? '').localeCompare(b.bucket?.start ?? ''),
  );
  return {
    title: STATISTICS_TITLE,
    period: { from: period.from, to: period.to, label: period.label, asOf },
    scope: {
      kind: scope.kind,
      provinceCode: scope.provinceCode,
      agency: scope.agency,
      subagencies: scope.subagencies,
      commune: scope.commune,
      label: scope.label,
    },
    groupBy,
    totals,
    groups,
    notes: buildStatisticsNotes(asOf),
  };
};

const toGroup = (
  dimensions: StatisticsDimension[],
  row: StatisticsGroupRow,
  bucket: BucketRange | null,
  figures: StatisticsFigures,
): StatisticsGroup => {
  const labels: Partial<Record<StatisticsDimension, string>> = {};
  for (const dimension of dimensions) {
    labels[dimension] = labelOf(dimension, row);
  }
  const parts = dimensions.map((d) => labels[d] ?? '');
  return {
    keys: Object.fromEntries(dimensions.map((d) => [d, row.keys[d] ?? null])),
    labels,
    label: parts.join(' — ') || (bucket ? bucket.label.vi : ''),
    bucket,
    figures,
  };
};

export type { StatisticsLevel };
