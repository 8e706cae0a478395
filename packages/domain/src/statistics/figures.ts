/**
 * The figures of the statistical report on handling administrative procedures, from summed
 * counters, with every percentage stated on its base.
 *
 * The columns follow the periodic report on the situation and results of handling procedures
 * (Bộ phận Một cửa / Trung tâm Phục vụ hành chính công; Circular 01/2018/TT-VPCP and the reporting
 * forms of the Government Office, carried into Circular 03/2025/TT-VPCP): received — carried over
 * from the previous period, new online, new in person or by public post; resolved — early, on
 * time, late; in progress — not yet due, overdue.
 */

/** Sums of the counters over a group of series, split as a report needs them (see AggregatePlan). */
export type AggregateSums = {
  /** Before the period: received, resolved (all classes) and closed after receipt — for the carried-over stock. */
  beforeReceived: number;
  beforeResolved: number;
  beforeClosedAfterReceipt: number;
  /** In the period. */
  received: number;
  receivedOnline: number;
  receivedDirect: number;
  receivedPostal: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  resolvedNoDeadline: number;
  returned: number;
  withdrawn: number;
  stopped: number;
  refused: number;
  closedAfterReceipt: number;
  /** Up to the stock date: overdueIn − overdueOut (the overdue stock). */
  overdueStock: number;
  /** Decision 766, online services: received dossiers of fully-online procedures, and of them those received online. */
  fullOnlineEligible: number;
  fullOnlineOnline: number;
  /** Decision 766, data reuse: received dossiers of procedures with replaceable components, and of them those using data. */
  replaceableEligible: number;
  replaceableFromData: number;
};

export const AGGREGATE_SUM_KEYS = [
  'beforeReceived',
  'beforeResolved',
  'beforeClosedAfterReceipt',
  'received',
  'receivedOnline',
  'receivedDirect',
  'receivedPostal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'resolvedNoDeadline',
  'returned',
  'withdrawn',
  'stopped',
  'refused',
  'closedAfterReceipt',
  'overdueStock',
  'fullOnlineEligible',
  'fullOnlineOnline',
  'replaceableEligible',
  'replaceableFromData',
] as const satisfies readonly (keyof AggregateSums)[];

export const createZeroSums = (): AggregateSums =>
  Object.fromEntries(AGGREGATE_SUM_KEYS.map((key) => [key, 0])) as AggregateSums;

export const addSums = (a: AggregateSums, b: AggregateSums): AggregateSums =>
  Object.fromEntries(AGGREGATE_SUM_KEYS.map((key) => [key, a[key] + b[key]])) as AggregateSums;

export type ReportText = { vi: string; en: string };

/** A percentage with what it is a share of. `value` is rounded half up to 2 decimals; null when the base is 0. */
export type Percentage = {
  value: number | null;
  numerator: number;
  base: number;
  label: ReportText;
  baseLabel: ReportText;
  /** Where the definition comes from. */
  rule: string;
};

/**
 * Decimals of a percentage: two in the system's own reports, one as provincial reports and the
 * press publish them ("đạt 98,5%").
 */
export type PercentDecimals = 1 | 2;

/**
 * numerator / base × 100, rounded half up to `decimals` (two unless asked), in integer arithmetic
 * (no binary floating-point surprises at x.xx5: 4157/4169 = 99.7122…% → 99.71, or 99.7 with one).
 * One decimal is rounded from the fraction itself, never from the two-decimal value (99.949…% →
 * 99.9, not 99.95 → 100.0).
 */
export const computePercent = (numerator: number, base: number, decimals: PercentDecimals = 2): number | null => {
  if (base <= 0) {
    return null;
  }
  const scale = 10 ** decimals;
  const units = Math.floor((2 * numerator * 100 * scale + base) / (2 * base));
  return units / scale;
};

/** 97.5 → '97,5%'; 98.81 → '98,81%' (Vietnamese decimal comma), with at most `decimals` decimals. */
export const formatPercentVi = (value: number | null, decimals: PercentDecimals = 2): string =>
  value === null ? '—' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: decimals })}%`;

/** 1852 → '1.852' (Vietnamese thousands separator). */
export const formatCountVi = (value: number): string => value.toLocaleString('vi-VN');

const RULE_RESOLVED_BASE =
  'QĐ 766/QĐ-TTg, chỉ tiêu Tiến độ giải quyết: "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn trong kỳ (%) = Tổng số hồ sơ đã xử lý trước hạn, đúng hạn trong kỳ / Tổng số hồ sơ đã hoàn thành xử lý trong kỳ × 100" (regulations brief §4); trước hạn / đúng hạn / quá hạn theo thời hạn giải quyết theo quy định (Nghị định 61/2018/NĐ-CP Điều 20, nay Nghị định 118/2025/NĐ-CP)';
const RULE_DUE_BASE =
  'Cách tính của nhiều báo cáo tỉnh: "quá hạn = đã trả quá hạn + đã quá hạn nhưng chưa có kết quả", tỷ lệ trên số hồ sơ đã giải quyết cộng số đang giải quyết quá hạn (reference-data/one-stop-stats-reference.csv, Vĩnh Phúc 09/2021)';
const RULE_PROGRESS =
  'QĐ 766/QĐ-TTg, chỉ tiêu Tiến độ giải quyết: "Tổng số hồ sơ đã xử lý và đang xử lý trước hạn, đúng hạn và trong hạn trong kỳ / Tổng số hồ sơ tiếp nhận và xử lý trong kỳ × 100"';
const RULE_CHANNEL =
  'QĐ 766/QĐ-TTg, Dịch vụ công trực tuyến, tỷ lệ hồ sơ theo hình thức nộp: "Tổng số hồ sơ tiếp nhận trực tuyến có ngày tiếp nhận trong kỳ / Tổng số hồ sơ tiếp nhận trong kỳ × 100"';

export type StatisticsFigures = {
  /** Số hồ sơ nhận giải quyết. */
  carriedOver: number;
  receivedNew: number;
  receivedOnline: number;
  receivedDirect: number;
  receivedPostal: number;
  totalToProcess: number;
  /** Số hồ sơ đã giải quyết. */
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  resolvedNoDeadline: number;
  /** Số hồ sơ đang giải quyết (at the end of the stock date). */
  inProgress: number;
  inProgressNotDue: number;
  inProgressOverdue: number;
  /** Other outcomes in the period. */
  returned: number;
  withdrawn: number;
  stopped: number;
  refused: number;
  /** Withdrawn, stopped or refused after receipt: they left "to process" without a result. */
  closedWithoutResult: number;
  percentages: {
    early: Percentage;
    onTime: Percentage;
    late: Percentage;
    earlyOrOnTime: Percentage;
    /** On-time over resolved + in progress overdue (the base where overdue without result counts as late). */
    earlyOrOnTimeOfDue: Percentage;
    lateOfDue: Percentage;
    /** Decision 766 progress: resolved early/on time + in progress within the limit, over resolved + in progress. */
    progress766: Percentage;
    online: Percentage;
    resolvedOfTotal: Percentage;
  };
};

const pct = (numerator: number, base: number, label: ReportText, baseLabel: ReportText, rule: string): Percentage => ({
  value: computePercent(numerator, base),
  numerator,
  base,
  label,
  baseLabel,
  rule,
});

const RESOLVED_BASE: ReportText = { vi: 'trên tổng số hồ sơ đã giải quyết', en: 'of dossiers resolved' };
const DUE_BASE: ReportText = {
  vi: 'trên số hồ sơ đã giải quyết cộng số đang giải quyết quá hạn',
  en: 'of dossiers resolved plus those in progress past their due date',
};

/** The report's figures from summed counters; every identity of the report holds by construction. */
export const buildStatisticsFigures = (sums: AggregateSums): StatisticsFigures => {
  const carriedOver = sums.beforeReceived - sums.beforeResolved - sums.beforeClosedAfterReceipt;
  const receivedNew = sums.received;
  const totalToProcess = carriedOver + receivedNew;
  const resolved = sums.resolvedEarly + sums.resolvedOnTime + sums.resolvedLate + sums.resolvedNoDeadline;
  const inProgress = totalToProcess - resolved - sums.closedAfterReceipt;
  const inProgressOverdue = sums.overdueStock;
  const inProgressNotDue = inProgress - inProgressOverdue;
  const earlyOrOnTime = sums.resolvedEarly + sums.resolvedOnTime;
  const dueBase = resolved + inProgressOverdue;
  return {
    carriedOver,
    receivedNew,
    receivedOnline: sums.receivedOnline,
    receivedDirect: sums.receivedDirect,
    receivedPostal: sums.receivedPostal,
    totalToProcess,
    resolved,
    resolvedEarly: sums.resolvedEarly,
    resolvedOnTime: sums.resolvedOnTime,
    resolvedLate: sums.resolvedLate,
    resolvedNoDeadline: sums.resolvedNoDeadline,
    inProgress,
    inProgressNotDue,
    inProgressOverdue,
    returned: sums.returned,
    withdrawn: sums.withdrawn,
    stopped: sums.stopped,
    refused: sums.refused,
    closedWithoutResult: sums.closedAfterReceipt,
    percentages: {
      early: pct(
        sums.resolvedEarly,
        resolved,
        { vi: 'Tỷ lệ trước hạn', en: 'Early' },
        RESOLVED_BASE,
        RULE_RESOLVED_BASE,
      ),
      onTime: pct(
        sums.resolvedOnTime,
        resolved,
        { vi: 'Tỷ lệ đúng hạn', en: 'On time' },
        RESOLVED_BASE,
        RULE_RESOLVED_BASE,
      ),
      late: pct(sums.resolvedLate, resolved, { vi: 'Tỷ lệ quá hạn', en: 'Late' }, RESOLVED_BASE, RULE_RESOLVED_BASE),
      earlyOrOnTime: pct(
        earlyOrOnTime,
        resolved,
        { vi: 'Tỷ lệ trước hạn và đúng hạn', en: 'Early or on time' },
        RESOLVED_BASE,
        RULE_RESOLVED_BASE,
      ),
      earlyOrOnTimeOfDue: pct(
        earlyOrOnTime,
        dueBase,
        {
          vi: 'Tỷ lệ trước hạn và đúng hạn (kể cả hồ sơ quá hạn chưa có kết quả)',
          en: 'Early or on time, counting overdue dossiers without a result',
        },
        DUE_BASE,
        RULE_DUE_BASE,
      ),
      lateOfDue: pct(
        sums.resolvedLate + inProgressOverdue,
        dueBase,
        {
          vi: 'Tỷ lệ quá hạn (đã trả quá hạn và quá hạn chưa có kết quả)',
          en: 'Late, including overdue without a result',
        },
        DUE_BASE,
        RULE_DUE_BASE,
      ),
      progress766: pct(
        earlyOrOnTime + inProgressNotDue,
        resolved + inProgress,
        {
          vi: 'Tỷ lệ xử lý trước hạn, đúng hạn và trong hạn (QĐ 766)',
          en: 'Early, on time or within the limit (Decision 766)',
        },
        { vi: 'trên tổng số hồ sơ đã giải quyết và đang giải quyết', en: 'of dossiers resolved or in progress' },
        RULE_PROGRESS,
      ),
      online: pct(
        sums.receivedOnline,
        receivedNew,
        { vi: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến', en: 'Received online' },
        { vi: 'trên tổng số hồ sơ mới tiếp nhận trong kỳ', en: 'of dossiers newly received in the period' },
        RULE_CHANNEL,
      ),
      resolvedOfTotal: pct(
        resolved,
        totalToProcess,
        { vi: 'Tỷ lệ đã giải quyết', en: 'Resolved' },
        {
          vi: 'trên tổng số hồ sơ phải giải quyết (kỳ trước chuyển sang và mới tiếp nhận)',
          en: 'of dossiers to process (carried over and new)',
        },
        'Tổng số hồ sơ phải giải quyết = kỳ trước chuyển sang + mới tiếp nhận trong kỳ',
      ),
    },
  };
};

/** The same figures with every percentage rounded again from its numerator and base to `decimals`. */
export const roundFigurePercentages = (figures: StatisticsFigures, decimals: PercentDecimals): StatisticsFigures => ({
  ...figures,
  percentages: Object.fromEntries(
    Object.entries(figures.percentages).map(([key, p]) => [
      key,
      { ...p, value: computePercent(p.numerator, p.base, decimals) },
    ]),
  ) as StatisticsFigures['percentages'],
});
