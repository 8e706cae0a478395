import { type FeeStatisticsRow, findProvinceCommittee, sumDissatisfiedRatings, sumFeeStatistics } from '@motcua/db';
import {
  type AggregateSums,
  addDays,
  addSums,
  buildStatisticsFigures,
  computeServiceIndex,
  createZeroSums,
  getHeldMaximum,
  type PaymentCounts,
  parseInstant,
  type RatingCounts,
  rankServiceIndexUnits,
  SERVICE_INDEX_GROUPS,
  type ServiceIndexResult,
  type ServiceIndexScope,
  type ServiceIndexStanding,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { readDossierSyncCounts } from '../integration/dvcqg-monitor/indicator.js';
import { readPaknCountRows, sumPaknIndicatorCounts } from '../pakn/pakn-statistics.js';
import { readSignedResultCounts } from '../signing/signed-results.js';
import { sumReportStatistics } from './fold-statistics.js';
import { resolveReportPeriod } from './period.js';
import { listReadableProvinces, type ReportScopeInput, resolveReportScope } from './scope.js';

export type ServiceIndexQuery = ReportScopeInput & {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  level: 'agency' | 'province';
};

export type ServiceIndexUnit = {
  /** Null when the unit has too few dossiers in the period to be ranked (`standing`). */
  rank: number | null;
  standing: ServiceIndexStanding;
  /** Dossiers to process in the period (carried over and newly received). */
  dossiers: number;
  kind: 'agency' | 'province';
  /** Agency id (or 'code:<code>' for an imported agency unknown to motcua), or the province code. */
  id: string;
  name: string;
  scope: ServiceIndexScope;
  result: ServiceIndexResult;
  /** Fee-bearing dossiers received in the period, paid online and at the counter (null: no payment data). */
  payments: PaymentCounts | null;
};

export type ServiceIndexReport = {
  title: { vi: string; en: string };
  period: { from: string; to: string; label: { vi: string; en: string }; asOf: string };
  level: 'agency' | 'province';
  units: ServiceIndexUnit[];
  /** The installation's minimum of dossiers in the period for a unit to be ranked (not set by the decision). */
  minDossiersToRank: number;
  /** The indicators left out for lack of data, with why (the same for every unit). */
  notHeld: { code: string; name: string; max: number; reason: { vi: string; en: string } }[];
  maxAvailable: { province: number; commune: number };
  notes: { vi: string; en: string }[];
};

const NOT_HELD = SERVICE_INDEX_GROUPS.flatMap((group) =>
  group.indicators.flatMap((indicator) =>
    indicator.source.kind === 'no_data'
      ? [{ code: indicator.code, name: indicator.name, max: indicator.max, reason: indicator.source.reason }]
      : [],
  ),
);

const COMMUNE_LEVELS = new Set(['commune']);

/** Adds up the payment rows of a unit (null when it has none: the indicator reads "no data"). */
const sumPayments = (rows: readonly FeeStatisticsRow[]): PaymentCounts | null =>
  rows.length === 0
    ? null
    : rows.reduce(
        (total, row) => ({
          feeBearing: total.feeBearing + row.feeBearing,
          paidOnline: total.paidOnline + row.paidOnline,
          paidAtCounter: total.paidAtCounter + row.paidAtCounter,
        }),
        { feeBearing: 0, paidOnline: 0, paidAtCounter: 0 },
      );

/**
 * The per-dossier dissatisfied ratings behind indicator 23, per province and agency (an empty list gives
 * zero: a unit whose dossiers motcua handled has rating data even when nobody rated).
 */
const readRatingRows = (
  ctx: AppContext,
  input: { provinceCodes: readonly string[]; agencyIds: readonly string[] | null; from: string; to: string },
) =>
  sumDissatisfiedRatings(ctx.reader, {
    provinceCodes: input.provinceCodes,
    agencyIds: input.agencyIds,
    from: new Date(parseInstant(`${input.from}T00:00:00+07:00`)),
    to: new Date(parseInstant(`${addDays(input.to, 1)}T00:00:00+07:00`)),
  });

const sumRatings = (rows: readonly { dissatisfiedNotLate: number }[]): RatingCounts => ({
  dissatisfiedNotLate: rows.reduce((total, row) => total + row.dissatisfiedNotLate, 0),
});

/** The payment counts of the dossiers received in the period's days (Vietnam time). */
const readPaymentRows = (
  ctx: AppContext,
  input: { provinceCodes: readonly string[]; agencyIds: readonly string[] | null; from: string; to: string },
) =>
  sumFeeStatistics(ctx.reader, {
    provinceCodes: input.provinceCodes,
    agencyIds: input.agencyIds,
    from: new Date(parseInstant(`${input.from}T00:00:00+07:00`)),
    to: new Date(parseInstant(`${addDays(input.to, 1)}T00:00:00+07:00`)),
  });

/**
 * The Decision 766 service index for a month, quarter or year, per agency (the departments and
 * communes in the caller's scope) or per province (those the caller administers), ranked. Each
 * unit's score is computed from the aggregates by the indicator table in the domain; indicators
 * motcua holds no data for are listed once, with why, and left out of the maximum.
 */
export const getServiceIndexReport = async (
  ctx: AppContext,
  actor: Actor,
  input: ServiceIndexQuery,
): Promise<ServiceIndexReport> => {
  const official = requireOfficial(actor);
  const { period, asOf, plan } = resolveReportPeriod(input, todayInVietnam(ctx.clock));
  const units: Omit<ServiceIndexUnit, 'rank' | 'standing'>[] = [];
  if (input.level === 'province') {
    const provinces = input.province ? [input.province] : listReadableProvinces(official);
    if (provinces.length === 0 || (input.province && !listReadableProvinces(official).includes(input.province))) {
      throw new AppError('FORBIDDEN');
    }
    const rows = await sumReportStatistics(ctx, {
      plan,
      filter: { provinceCodes: provinces, agencyIds: null },
      dimensions: ['province'],
      bucket: 'none',
    });
    const paymentRows = await readPaymentRows(ctx, {
      provinceCodes: provinces,
      agencyIds: null,
      from: period.from,
      to: asOf,
    });
    const ratingRows = await readRatingRows(ctx, {
      provinceCodes: provinces,
      agencyIds: null,
      from: period.from,
      to: asOf,
    });
    const paknRows = await readPaknCountRows(ctx, {
      provinceCodes: provinces,
      agencyIds: [],
      from: period.from,
      to: asOf,
    });
    const signed = await readSignedResultCounts(ctx, {
      provinceCodes: provinces,
      agencyIds: null,
      from: period.from,
      to: asOf,
    });
    // Decision 766 indicator 4 from the national portal's sync log (no data where the sync was never on).
    const sync = await readDossierSyncCounts(ctx, {
      provinceCodes: provinces,
      agencyIds: null,
      from: period.from,
      to: asOf,
    });
    for (const province of provinces) {
      const pakn = sumPaknIndicatorCounts(paknRows.filter((r) => r.provinceCode === province));
      const payments = sumPayments(paymentRows.filter((r) => r.provinceCode === province));
      const ratings = sumRatings(ratingRows.filter((r) => r.provinceCode === province));
      const sums = rows
        .filter((r) => r.keys.province === province)
        .reduce((s, r) => addSums(s, r.sums), createZeroSums());
      const committee = await findProvinceCommittee(ctx.reader, province);
      units.push({
        kind: 'province',
        id: province,
        name: committee?.name ?? `Tỉnh ${province}`,
        scope: 'province',
        dossiers: buildStatisticsFigures(sums).totalToProcess,
        result: computeServiceIndex(
          sums,
          'province',
          payments ?? undefined,
          ratings,
          pakn,
          signed.ofProvince(province),
          sync.ofProvince(province),
        ),
        payments,
      });
    }
  } else {
    const scope = await resolveReportScope(ctx, official, input);
    const rows = await sumReportStatistics(ctx, {
      plan,
      filter: scope.filter,
      dimensions: ['agency', 'level'],
      bucket: 'none',
    });
    const paymentRows = await readPaymentRows(ctx, {
      provinceCodes: scope.filter.provinceCodes,
      agencyIds: scope.filter.agencyIds,
      from: period.from,
      to: asOf,
    });
    const ratingRows = await readRatingRows(ctx, {
      provinceCodes: scope.filter.provinceCodes,
      agencyIds: scope.filter.agencyIds,
      from: period.from,
      to: asOf,
    });
    // The PAKN register counts by holding agency (imported units, "code:…", have no register: no data).
    const paknRows = await readPaknCountRows(ctx, {
      provinceCodes: scope.filter.agencyIds === null ? scope.filter.provinceCodes : [],
      agencyIds: scope.filter.agencyIds ?? [],
      from: period.from,
      to: asOf,
    });
    const signed = await readSignedResultCounts(ctx, {
      provinceCodes: scope.filter.provinceCodes,
      agencyIds: scope.filter.agencyIds,
      from: period.from,
      to: asOf,
    });
    const sync = await readDossierSyncCounts(ctx, {
      provinceCodes: scope.filter.provinceCodes,
      agencyIds: scope.filter.agencyIds,
      from: period.from,
      to: asOf,
    });
    const byAgency = new Map<string, { name: string; commune: boolean; sums: AggregateSums }>();
    for (const row of rows) {
      const id = row.keys.agency ?? '';
      const entry = byAgency.get(id) ?? {
        name: row.labels.agency ?? id,
        commune: COMMUNE_LEVELS.has(row.keys.level ?? ''),
        sums: createZeroSums(),
      };
      entry.sums = addSums(entry.sums, row.sums);
      byAgency.set(id, entry);
    }
    for (const [id, entry] of byAgency) {
      // Agencies outside the scope's own list reach it only as receiving desks of its dossiers; rank
      // only the agencies of the scope.
      if (scope.filter.agencyIds !== null && !id.startsWith('code:') && !scope.filter.agencyIds.includes(id)) {
        continue;
      }
      const unitScope: ServiceIndexScope = entry.commune ? 'commune' : 'province';
      const payments = sumPayments(paymentRows.filter((r) => r.agencyId === id));
      units.push({
        kind: 'agency',
        id,
        name: entry.name,
        scope: unitScope,
        dossiers: buildStatisticsFigures(entry.sums).totalToProcess,
        // Imported agencies ('code:…') have no per-dossier ratings nor a PAKN register in motcua: no data.
        result: computeServiceIndex(
          entry.sums,
          unitScope,
          payments ?? undefined,
          id.startsWith('code:') ? undefined : sumRatings(ratingRows.filter((r) => r.agencyId === id)),
          id.startsWith('code:') ? undefined : sumPaknIndicatorCounts(paknRows.filter((r) => r.agencyId === id)),
          signed.ofAgency(id),
          sync.ofAgency(id, scope.provinceCode),
        ),
        payments,
      });
    }
  }
  return {
    title: {
      vi: 'Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)',
      en: 'Decision 766 index of service quality to citizens and businesses',
    },
    period: { from: period.from, to: period.to, label: period.label, asOf },
    level: input.level,
    units: rankServiceIndexUnits(units, ctx.config.serviceIndexMinDossiers),
    minDossiersToRank: ctx.config.serviceIndexMinDossiers,
    notHeld: NOT_HELD,
    maxAvailable: { province: getHeldMaximum('province'), commune: getHeldMaximum('commune') },
    notes: [
      {
        vi: 'Điểm tính theo công thức QĐ 766/QĐ-TTg trên Cổng DVCQG (Công thức 766, bảng METRICS). Chỉ tiêu motcua chưa có dữ liệu ghi "chưa có dữ liệu", không chấm và không tính vào điểm tối đa; xếp hạng theo tỷ lệ điểm đạt trên điểm tối đa điều chỉnh.',
        en: 'Scores follow the Decision 766 formulas of the national portal. Indicators motcua holds no data for read "no data", are not scored and leave the maximum; the ranking is by the share of the adjusted maximum.',
      },
      {
        vi: `Chỉ xếp hạng đơn vị có từ ${ctx.config.serviceIndexMinDossiers} hồ sơ phải giải quyết trong kỳ trở lên; đơn vị ít hồ sơ hơn được liệt kê sau, không xếp hạng; đơn vị không có hồ sơ trong kỳ không được liệt kê. Ngưỡng này là thiết lập của hệ thống (MOTCUA_766_MIN_DOSSIERS), QĐ 766/QĐ-TTg không quy định.`,
        en: `Only units with at least ${ctx.config.serviceIndexMinDossiers} dossiers to process in the period are ranked; units with fewer are listed after them without a rank; units without dossiers in the period are left out. The threshold is a setting of this installation (MOTCUA_766_MIN_DOSSIERS), not a figure of Decision 766.`,
      },
      {
        vi: 'Cấp xã: các chỉ tiêu không áp dụng (DVCTT toàn trình, dữ liệu dân cư) được tính điểm tối đa theo QĐ 766.',
        en: 'Communes: indicators that do not apply (fully-online services, population data) are awarded their maximum (Decision 766).',
      },
    ],
  };
};
