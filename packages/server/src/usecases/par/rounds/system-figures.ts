import { findCriteriaTree, findParRoundUnit, listParRoundSets, listParScores, writeParScore } from '@motcua/db';
import {
  addSums,
  buildStatisticsFigures,
  computeApplicableLeaves,
  computeServiceIndex,
  computeSystemPoints,
  createZeroSums,
  PAR_MEASURE_LABELS,
  PAR_MEASURES_AVAILABLE,
  type ParSystemMeasure,
  parseScoreBands,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { type AppContext, todayInVietnam } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { findAgencyDocumentRates } from '../../eoffice/registers/registers.js';
import { findAgencyPaknOnTimeRate } from '../../pakn/pakn-statistics.js';
import { sumReportStatistics } from '../../reports/fold-statistics.js';
import { resolveReportPeriod } from '../../reports/period.js';
import { findAgencySatisfactionIndex } from '../../sipas/agency-index.js';
import { changeParUnit, type ParEventInput } from './change-par-unit.js';
import { authorizeParUnit } from './par-access.js';

/** The dossiers behind each measure (the report drill-down, GET /api/v1/reports/dossiers?figure=…). */
const DRILL_DOWN_FIGURES: Partial<Record<ParSystemMeasure, string[]>> = {
  dossier_on_time_rate: ['resolved_early', 'resolved_on_time', 'resolved_late'],
  dossier_online_share: ['received', 'online_full_online'],
  index_766: ['progress_counted', 'progress_not_counted'],
};

type Counts = { numerator: number; denominator: number };

/**
 * The unit's counts for a measure over the round's year, from the statistics motcua keeps (the same
 * aggregates as the statistics report and the Decision 766 index; usecases/reports).
 */
const measureCounts = async (
  ctx: AppContext,
  input: { provinceCode: string; agencyId: string; year: number; unitGroup: string },
): Promise<Partial<Record<ParSystemMeasure, Counts>>> => {
  const { plan } = resolveReportPeriod({ period: String(input.year) }, todayInVietnam(ctx.clock));
  const rows = await sumReportStatistics(ctx, {
    plan,
    filter: { provinceCodes: [input.provinceCode], agencyIds: [input.agencyId] },
    dimensions: [],
    bucket: 'none',
  });
  const sums = rows.reduce((s, r) => addSums(s, r.sums), createZeroSums());
  const figures = buildStatisticsFigures(sums);
  const index = computeServiceIndex(sums, input.unitGroup === 'commune' ? 'commune' : 'province');
  const counts: Partial<Record<ParSystemMeasure, Counts>> = {};
  const onTime = figures.percentages.earlyOrOnTime;
  if (onTime.base > 0) {
    counts.dossier_on_time_rate = { numerator: onTime.numerator, denominator: onTime.base };
  }
  const online = figures.percentages.online;
  if (online.base > 0) {
    counts.dossier_online_share = { numerator: online.numerator, denominator: online.base };
  }
  if (index.maxAvailable > 0 && figures.totalToProcess > 0) {
    // The index is points over the maximum motcua can score (hundredths, exact).
    counts.index_766 = {
      numerator: Math.round(index.score * 100),
      denominator: Math.round(index.maxAvailable * 100),
    };
  }
  // PAKN answered on time (Decree 20/2008 deadlines) from the PAKN register, held by the unit in the year.
  const pakn = await findAgencyPaknOnTimeRate(ctx, { agencyId: input.agencyId, year: input.year });
  if (pakn && pakn.base > 0) {
    counts.pakn_on_time_rate = { numerator: pakn.numerator, denominator: pakn.base };
  }
  // Satisfaction: the unit's index in the province's published SIPAS survey of the year (satisfied answers over
  // valid answers, exact from the counts).
  const sipas = await findAgencySatisfactionIndex(ctx, { agencyId: input.agencyId, year: input.year });
  if (sipas && sipas.base > 0) {
    counts.sipas_satisfaction = { numerator: sipas.numerator, denominator: sipas.base };
  }
  // E-office (Decree 30/2020): incoming and outgoing documents of the year exchanged electronically, and
  // outgoing documents digitally signed, from the registers (usecases/eoffice/registers).
  const documents = await findAgencyDocumentRates(ctx, { agencyId: input.agencyId, year: input.year });
  if (documents && documents.exchangedElectronic.base > 0) {
    counts.edocument_rate = {
      numerator: documents.exchangedElectronic.numerator,
      denominator: documents.exchangedElectronic.base,
    };
  }
  if (documents && documents.outgoingSigned.base > 0) {
    counts.digital_signature_rate = {
      numerator: documents.outgoingSigned.numerator,
      denominator: documents.outgoingSigned.base,
    };
  }
  return counts;
};

/** Why a measure motcua computes has no figure for the unit. */
const NO_FIGURE_REASONS: Partial<Record<ParSystemMeasure, { vi: string; en: string }>> = {
  pakn_on_time_rate: {
    vi: 'Chưa có dữ liệu: đơn vị không có phản ánh, kiến nghị đến hạn trả lời trong năm.',
    en: 'No data: the unit had no feedback due for an answer in the year.',
  },
  sipas_satisfaction: {
    vi: 'Chưa có dữ liệu: chưa có kết quả khảo sát sự hài lòng được công bố cho đơn vị trong năm.',
    en: 'No data: no published satisfaction survey result for the unit in the year.',
  },
  edocument_rate: {
    vi: 'Chưa có dữ liệu: đơn vị chưa có văn bản đến, văn bản đi trên hệ thống trong năm.',
    en: 'No data: the unit has no incoming or outgoing documents in motcua in the year.',
  },
  digital_signature_rate: {
    vi: 'Chưa có dữ liệu: đơn vị chưa có văn bản đi được ký ban hành trên hệ thống trong năm.',
    en: 'No data: the unit has no outgoing documents signed in motcua in the year.',
  },
};

/**
 * Computes the figures of every applicable leaf with a system measure (issue 17 item 3) and stores each
 * figure's counts, points and formula on the leaf's score (an event per leaf in the unit's history). The
 * appraiser then accepts the points or overrides them with a reason. Measures of areas motcua does not have
 * yet (e-office) answer "chưa có dữ liệu".
 */
export const computeParSystemFigures = async (
  ctx: AppContext,
  actor: Actor,
  input: { roundId: string; agencyId: string },
) => {
  const { official, round, actors } = await authorizeParUnit(ctx, actor, input);
  if (!actors.includes('appraiser') && !actors.includes('organiser')) {
    throw new AppError('PAR_UNIT_ACTION_NOT_ALLOWED');
  }
  if (round.stage === 'draft' || round.stage === 'published') {
    throw new AppError('PAR_WRONG_ROUND_STAGE');
  }
  const now = ctx.clock.now();
  const unitRow = await findParRoundUnit(ctx.db, input);
  if (!unitRow) {
    throw new AppError('PAR_ROUND_NO_SETS', { year: round.year });
  }
  const counts = await measureCounts(ctx, {
    provinceCode: round.provinceCode,
    agencyId: input.agencyId,
    year: round.year,
    unitGroup: unitRow.unitGroup,
  });
  const { result } = await ctx.db.transaction().execute((trx) =>
    changeParUnit(ctx, trx, {
      roundId: round.id,
      agencyId: input.agencyId,
      actorUserId: official.userId,
      at: now,
      apply: async (unit) => {
        const set = (await listParRoundSets(trx, round.id)).find((s) => s.unitGroup === unit.unitGroup);
        const nodes = set ? await findCriteriaTree(trx, set.setId) : [];
        const applicable = new Set(
          computeApplicableLeaves(nodes, unit.tags, unit.excludedCodes).leaves.map((leaf) => leaf.code),
        );
        const scores = new Map(
          (await listParScores(trx, { roundId: round.id, agencyId: unit.agencyId })).map((s) => [s.criterionCode, s]),
        );
        const events: ParEventInput[] = [];
        const figures = [];
        for (const node of nodes) {
          const measure = node.systemMeasure as ParSystemMeasure | null;
          if (!measure || !applicable.has(node.code)) {
            continue;
          }
          const label = PAR_MEASURE_LABELS[measure];
          const count = PAR_MEASURES_AVAILABLE.includes(measure) ? counts[measure] : undefined;
          const drillDown = (DRILL_DOWN_FIGURES[measure] ?? []).map(
            (figure) =>
              `/api/v1/reports/dossiers?figure=${figure}&scope=agency&agency=${unit.agencyId}&period=${round.year}`,
          );
          if (!count) {
            figures.push({
              code: node.code,
              measure,
              label,
              available: false,
              reason: NO_FIGURE_REASONS[measure]
                ? NO_FIGURE_REASONS[measure]
                : PAR_MEASURES_AVAILABLE.includes(measure)
                  ? {
                      vi: 'Chưa có dữ liệu: đơn vị chưa có hồ sơ trong năm.',
                      en: 'No data: the unit has no dossiers in the year.',
                    }
                  : {
                      vi: 'Chưa có dữ liệu: phân hệ này chưa có trên hệ thống.',
                      en: 'No data: this area is not in motcua yet.',
                    },
              numerator: null,
              denominator: null,
              points: null,
              formula: null,
              drillDown,
            });
            continue;
          }
          const computed = computeSystemPoints({
            ...count,
            maxPoints: node.maxPoints,
            bands: parseScoreBands(node.scoringRule),
          });
          const existing = scores.get(node.code);
          await writeParScore(trx, {
            key: {
              roundId: round.id,
              agencyId: unit.agencyId,
              criterionCode: node.code,
              provinceCode: unit.provinceCode,
            },
            expectedVersion: existing?.rowVersion ?? null,
            values: {
              systemNumerator: count.numerator,
              systemDenominator: count.denominator,
              systemPoints: computed.points,
              systemFormula: computed.formula.vi,
              systemComputedAt: now,
              updatedBy: official.userId,
            },
            at: now,
          });
          events.push({
            criterionCode: node.code,
            action: 'system_figure',
            field: 'system',
            points: computed.points,
            note: computed.formula.vi,
            detail: { measure, numerator: count.numerator, denominator: count.denominator },
          });
          figures.push({
            code: node.code,
            measure,
            label,
            available: true,
            reason: null,
            numerator: count.numerator,
            denominator: count.denominator,
            points: computed.points,
            formula: computed.formula,
            drillDown,
          });
        }
        return { events, result: figures };
      },
    }),
  );
  return { items: result };
};
