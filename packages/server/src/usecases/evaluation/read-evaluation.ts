import {
  type EvaluationSheetRecord,
  listEvaluationItemsWithSources,
  listEvaluationSheetsOfPeriod,
  listEvaluationSheetsOfUser,
  listWorkEvents,
} from '@motcua/db';
import {
  allowedEvaluationActions,
  applyQuota,
  EVALUATION_BAND_LABELS,
  type EvaluationBand,
  formatInstant,
  itemQuarterPoints,
  QUOTA_DEMOTION_REASON,
  quotaPercentFor,
} from '@motcua/domain';

import type { Actor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { allowsAt, getPeriodFor, getReadableSheet } from './evaluation-access.js';
import { computeSheetFigures } from './evaluation-figures.js';
import { toPeriodView } from './evaluation-periods.js';
import { loadEvaluationSettings } from './evaluation-settings.js';

/** Why the final band differs from the proposed one (the quota, or the unit's band capping the head's). */
export const bandReason = (
  sheet: Pick<EvaluationSheetRecord, 'band' | 'proposedBand'>,
  percent: number,
): { vi: string; en: string } | null => {
  if (sheet.band === 'good' && sheet.proposedBand === 'excellent') {
    return {
      vi: QUOTA_DEMOTION_REASON.vi.replace('{percent}', String(percent)),
      en: QUOTA_DEMOTION_REASON.en.replace('{percent}', String(percent)),
    };
  }
  if (sheet.band && sheet.proposedBand && sheet.band !== sheet.proposedBand) {
    return {
      vi: `Không cao hơn mức xếp loại của tập thể: ${EVALUATION_BAND_LABELS[sheet.band].vi}`,
      en: `Not above the unit's rating: ${EVALUATION_BAND_LABELS[sheet.band].en}`,
    };
  }
  return null;
};

export const toSheetSummary = (
  sheet: EvaluationSheetRecord & { fullName?: string; title?: string | null; unitName?: string | null },
  percent: number,
) => ({
  id: sheet.id,
  periodId: sheet.periodId,
  agencyId: sheet.agencyId,
  userId: sheet.userId,
  fullName: sheet.fullName ?? null,
  position: sheet.title ?? null,
  unitId: sheet.unitId,
  unitName: sheet.unitName ?? null,
  groupCode: sheet.groupCode,
  isLeader: sheet.isLeader,
  status: sheet.status,
  quantityPct: sheet.quantityPct,
  qualityPct: sheet.qualityPct,
  timelinessPct: sheet.timelinessPct,
  taskPoints: sheet.taskPoints,
  generalPoints: sheet.generalPoints,
  totalPoints: sheet.totalPoints,
  proposedBand: sheet.proposedBand,
  band: sheet.band,
  bandReason: bandReason(sheet, percent),
  veto: sheet.veto,
  version: sheet.version,
  updatedAt: formatInstant(sheet.updatedAt.getTime()),
});

/** The sheets of a period the actor may read: all with evaluation.read at the agency, their units', their own. */
export const listPeriodSheets = async (ctx: AppContext, actor: Actor, periodId: string) => {
  const official = requireOfficial(actor);
  const { period } = await getPeriodFor(ctx, actor, periodId, 'evaluation.read', true);
  const settings = await loadEvaluationSettings(ctx, period.agencyId);
  const percent = quotaPercentFor(period.unitBand, settings);
  const sheets = await listEvaluationSheetsOfPeriod(ctx.db, period.id);
  const readsUnit = new Map<string, boolean>();
  const items = [];
  for (const sheet of sheets) {
    const unit = sheet.unitId ?? sheet.agencyId;
    if (!readsUnit.has(unit)) {
      readsUnit.set(unit, await allowsAt(ctx, official, 'evaluation.read', unit));
    }
    if (sheet.userId === official.userId || readsUnit.get(unit)) {
      items.push(toSheetSummary(sheet, percent));
    }
  }
  return { period: toPeriodView(period), items };
};

/** The official's own sheets (always readable). */
export const listMySheets = async (ctx: AppContext, actor: Actor) => {
  const official = requireOfficial(actor);
  const rows = await listEvaluationSheetsOfUser(ctx.db, official.userId);
  const settingsOf = new Map<string, Awaited<ReturnType<typeof loadEvaluationSettings>>>();
  for (const row of rows) {
    if (!settingsOf.has(row.agencyId)) {
      settingsOf.set(row.agencyId, await loadEvaluationSettings(ctx, row.agencyId));
    }
  }
  return {
    items: rows.map((row) => ({
      ...toSheetSummary(
        row,
        quotaPercentFor(
          row.periodUnitBand,
          settingsOf.get(row.agencyId) ?? { quotaPercent: 20, quotaPercentExcellentUnit: 25 },
        ),
      ),
      periodKind: row.periodKind,
      periodYear: row.periodYear,
      periodNumber: row.periodNumber,
    })),
  };
};

/**
 * A sheet with every figure and the items behind it: per item its converted points for quantity, quality and
 * progress (thousandths: 1000 = one item of coefficient 1) and its source (the task, or the dossier and step).
 */
export const getSheet = async (ctx: AppContext, actor: Actor, id: string) => {
  const { sheet, standing, period } = await getReadableSheet(ctx, actor, id);
  const settings = await loadEvaluationSettings(ctx, sheet.agencyId);
  const percent = quotaPercentFor(period.unitBand, settings);
  const rows = await listEvaluationItemsWithSources(ctx.db, sheet.id);
  const figures = computeSheetFigures(sheet, rows, settings);
  const people = await listEvaluationSheetsOfPeriod(ctx.db, period.id);
  const me = people.find((p) => p.id === sheet.id);
  const events = await listWorkEvents(ctx.db, 'evaluation_sheet', sheet.id);
  return {
    sheet: {
      ...toSheetSummary(
        { ...sheet, ...(me ? { fullName: me.fullName, title: me.title, unitName: me.unitName } : {}) },
        percent,
      ),
      generalSelf: sheet.generalSelf,
      generalManager: sheet.generalManager,
      leaderParts: sheet.leaderParts,
      selfNote: sheet.selfNote,
      managerNote: sheet.managerNote,
      collectiveNote: sheet.collectiveNote,
      vetoNote: sheet.vetoNote,
      decidedBy: sheet.decidedBy,
      decidedAt: sheet.decidedAt ? formatInstant(sheet.decidedAt.getTime()) : null,
    },
    period: toPeriodView(period),
    figures: {
      assignedMilli: figures.task.assignedMilli,
      quantityPct: figures.task.quantityPct,
      qualityPct: figures.task.qualityPct,
      timelinessPct: figures.task.timelinessPct,
      scorePct: figures.task.scorePct,
      taskPoints: period.kind === 'year' ? (sheet.taskPoints ?? 0) : figures.task.taskPoints,
      generalPoints: period.kind === 'year' ? (sheet.generalPoints ?? 0) : figures.generalPoints,
      generalSource: figures.generalSource,
      totalPoints: period.kind === 'year' ? (sheet.totalPoints ?? 0) : figures.totalPoints,
      proposedBand: period.kind === 'year' ? sheet.proposedBand : figures.proposedBand,
      noItems: figures.task.noItems,
      leaderFormula: sheet.isLeader ? settings.leaderFormula : 'three_part',
    },
    generalCriteria: settings.generalCriteria,
    items: rows.map((row) => {
      const points = itemQuarterPoints({
        coefficientMilli: row.coefficientMilli,
        completed: row.completed,
        majorErrors: row.majorErrors,
        delays: row.delays,
        objectiveCause: row.objectiveCause !== null && row.objectiveCause.trim() !== '',
        included: row.included,
      });
      return {
        id: row.id,
        sourceKind: row.sourceKind,
        sourceId: row.sourceId,
        stepNo: row.stepNo,
        dossierCode: row.dossierCode,
        link:
          row.sourceKind === 'dossier_step' && row.dossierCode
            ? `/can-bo/ho-so/${row.dossierCode}`
            : row.sourceKind === 'task' && row.sourceId
              ? `/can-bo/cong-viec/${row.sourceId}`
              : null,
        title: row.title,
        workKind: row.workKind,
        coefficientMilli: row.coefficientMilli,
        assignedAt: row.assignedAt ? formatInstant(row.assignedAt.getTime()) : null,
        dueAt: row.dueAt ? formatInstant(row.dueAt.getTime()) : null,
        completedAt: row.completedAt ? formatInstant(row.completedAt.getTime()) : null,
        completed: row.completed,
        majorErrors: row.majorErrors,
        delays: row.delays,
        objectiveCause: row.objectiveCause,
        included: row.included,
        assignedPoints: points.assigned / 4,
        quantityPoints: points.quantity / 4,
        qualityPoints: points.quality / 4,
        progressPoints: points.progress / 4,
      };
    }),
    actions: allowedEvaluationActions(sheet.status, standing),
    history: events.map((event) => ({
      seq: event.seq,
      at: formatInstant(event.at.getTime()),
      actorUserId: event.actorUserId,
      action: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      note: event.note,
    })),
  };
};

/** The quota of a period per group, as the decision would apply it now (who keeps "xuất sắc", who is demoted). */
export const getPeriodQuota = async (ctx: AppContext, actor: Actor, periodId: string) => {
  const { period } = await getPeriodFor(ctx, actor, periodId, 'evaluation.read');
  const settings = await loadEvaluationSettings(ctx, period.agencyId);
  const percent = quotaPercentFor(period.unitBand, settings);
  const sheets = await listEvaluationSheetsOfPeriod(ctx.db, period.id);
  const names = new Map(sheets.map((s) => [s.id, s.fullName]));
  const { groups } = applyQuota(
    sheets
      .filter((s) => s.proposedBand !== null)
      .map((s) => ({
        sheetId: s.id,
        groupCode: s.groupCode,
        fullName: s.fullName,
        proposedBand: s.proposedBand as EvaluationBand,
        totalPoints: s.totalPoints ?? 0,
        taskPoints: s.taskPoints ?? 0,
        generalPoints: s.generalPoints ?? 0,
      })),
    percent,
  );
  return {
    period: toPeriodView(period),
    percent,
    rounding: 'floor' as const,
    tieRule: ['totalPoints', 'taskPoints', 'generalPoints', 'fullName', 'sheetId'],
    groups: groups.map((group) => ({
      ...group,
      decidedExcellent: sheets.filter((s) => s.groupCode === group.groupCode && s.band === 'excellent').length,
      rankedNames: group.ranked.map((id) => names.get(id) ?? ''),
    })),
  };
};
