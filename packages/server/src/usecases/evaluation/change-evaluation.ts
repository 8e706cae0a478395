import {
  type Database,
  type EvaluationPeriodRecord,
  type EvaluationSheetRecord,
  findEvaluationSheetForUpdate,
  insertEvaluationItems,
  insertWorkNotices,
  listEvaluationItems,
  listEvaluationSheetsOfPeriod,
  listHoldersAt,
  updateEvaluationItem,
} from '@motcua/db';
import {
  applyQuota,
  capByUnitBand,
  coefficientMilliOf,
  decideEvaluationAction,
  EVALUATION_BAND_LABELS,
  EVALUATION_FLOW,
  EVALUATION_SHEET_STATUS_LABELS,
  type EvaluationAction,
  type EvaluationBand,
  type EvaluationVeto,
  generalScoresValid,
  LEADER_PARTS,
  proposeBand,
  QUOTA_DEMOTION_REASON,
  quotaPercentFor,
  quotaPlaces,
  ROLE_DEFINITIONS,
} from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getPeriodFor, getReadableSheet } from './evaluation-access.js';
import { computeSheetFigures, figuresPatch } from './evaluation-figures.js';
import { type EvaluationSettings, loadEvaluationSettings } from './evaluation-settings.js';
import { writeSheetChange } from './gather-evaluation.js';

export type EvaluationChangeInput = {
  id: string;
  action: EvaluationAction;
  expectedVersion: number;
  note?: string | undefined;
  /** self_assess, review: the general criteria scores per code, in hundredths. */
  generalScores?: Record<string, number> | undefined;
  /** review of a leader under the six-part formula: d, đ, e in hundredths of a per cent. */
  leaderParts?: Record<string, number> | undefined;
  /** waive: the item and the objective cause (null clears it). */
  itemId?: string | undefined;
  objectiveCause?: string | null | undefined;
  /** veto: the case (null clears it). */
  veto?: EvaluationVeto | null | undefined;
  /** decide: accept the demotion to "good" when the quota is full. */
  demote?: boolean | undefined;
  /** add_item: a work item the systems do not record. */
  item?:
    | {
        title: string;
        workKind: string;
        completed: boolean;
        dueAt?: string | null | undefined;
        completedAt?: string | null | undefined;
        majorErrors?: number | undefined;
        delays?: number | undefined;
      }
    | undefined;
};

/** Whether a sheet is the agency head's (their rating cannot exceed the unit's). */
const isHeadSheet = (sheet: Pick<EvaluationSheetRecord, 'isLeader' | 'unitId' | 'agencyId'>) =>
  sheet.isLeader && sheet.unitId === sheet.agencyId;

/** The quota figures of a sheet's group in its period, counting this sheet with its fresh proposed band. */
export const quotaOfGroup = async (
  db: Transaction<Database> | AppContext['db'],
  period: EvaluationPeriodRecord,
  settings: Pick<EvaluationSettings, 'quotaPercent' | 'quotaPercentExcellentUnit'>,
  sheet: Pick<EvaluationSheetRecord, 'id' | 'groupCode'>,
  proposedBand: EvaluationBand | null,
) => {
  const sheets = (await listEvaluationSheetsOfPeriod(db, period.id)).filter((s) => s.groupCode === sheet.groupCode);
  const bandOf = (s: (typeof sheets)[number]) => (s.id === sheet.id ? proposedBand : s.proposedBand);
  const base = sheets.filter((s) => bandOf(s) === 'excellent' || bandOf(s) === 'good').length;
  const percent = quotaPercentFor(period.unitBand, settings);
  const places = quotaPlaces(base, percent);
  const decided = sheets.filter((s) => s.id !== sheet.id && s.status === 'decided' && s.band === 'excellent').length;
  return { group: sheet.groupCode, base, percent, places, decided };
};

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));

/**
 * Every change of an evaluation sheet after it is gathered: authorize (readable, else 404) → the standing and the
 * table of packages/domain/src/evaluation/flow.ts → lock the row → check the version the caller saw (409) →
 * the figures recomputed from the items and the scores (packages/domain/src/evaluation/scoring.ts) → the quota
 * at the decision → row and hash-chained event in one transaction (writeSheetChange).
 */
export const changeEvaluationSheet = async (ctx: AppContext, actor: Actor, input: EvaluationChangeInput) => {
  const { official, sheet, standing, period } = await getReadableSheet(ctx, actor, input.id);
  const rule = EVALUATION_FLOW[input.action];
  const decision = decideEvaluationAction(sheet.status, standing, input.action);
  if (!decision.ok) {
    throw new AppError(decision.refusal, { state: EVALUATION_SHEET_STATUS_LABELS[sheet.status], action: rule.label });
  }
  if (period.status === 'closed') {
    throw new AppError('EVALUATION_PERIOD_CLOSED');
  }
  const settings = await loadEvaluationSettings(ctx, sheet.agencyId);
  const note = input.note?.trim() || null;
  const needsNote =
    input.action === 'collective' ||
    input.action === 'return' ||
    (input.action === 'veto' && input.veto) ||
    (input.action === 'waive' && input.objectiveCause !== null && !input.objectiveCause?.trim());
  if (needsNote && !(input.action === 'waive' ? input.objectiveCause?.trim() : note)) {
    throw new AppError('EVALUATION_NOTE_REQUIRED', { action: rule.label });
  }
  const scores = input.generalScores ?? {};
  if (
    (input.action === 'self_assess' || input.action === 'review') &&
    !generalScoresValid(settings.generalCriteria, scores)
  ) {
    throw new AppError('EVALUATION_SCORES_INVALID');
  }
  const leaderParts = Object.fromEntries(
    LEADER_PARTS.filter((part) => input.leaderParts?.[part] !== undefined).map((part) => [
      part,
      Math.max(0, Math.min(10_000, Math.trunc(input.leaderParts?.[part] ?? 0))),
    ]),
  );
  const now = ctx.clock.now();
  const patch: Parameters<typeof writeSheetChange>[2]['patch'] = {};
  const payload: Record<string, unknown> = {};
  let eventNote = note;
  switch (input.action) {
    case 'self_assess':
      patch.generalSelf = JSON.stringify(scores);
      patch.selfNote = note;
      payload.generalSelf = scores;
      break;
    case 'review':
      patch.generalManager = JSON.stringify(scores);
      patch.managerNote = note;
      payload.generalManager = scores;
      if (Object.keys(leaderParts).length > 0) {
        patch.leaderParts = JSON.stringify(leaderParts);
        payload.leaderParts = leaderParts;
      }
      break;
    case 'collective':
      patch.collectiveNote = note;
      break;
    case 'veto':
      patch.veto = input.veto ?? null;
      patch.vetoNote = input.veto ? note : null;
      payload.veto = input.veto ?? null;
      break;
    default:
      break;
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findEvaluationSheetForUpdate(trx, input.id);
    if (!row) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'phiếu đánh giá', en: 'evaluation sheet' } });
    }
    if (row.version !== input.expectedVersion || row.version !== sheet.version) {
      throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
    }
    if (input.action === 'add_item') {
      const item = input.item;
      if (!item?.title.trim()) {
        throw new AppError('EVALUATION_NOTE_REQUIRED', { action: rule.label });
      }
      await insertEvaluationItems(trx, [
        {
          sheetId: row.id,
          provinceCode: row.provinceCode,
          sourceKind: 'manual',
          sourceId: null,
          stepNo: null,
          title: item.title.trim().slice(0, 500),
          workKind: item.workKind,
          coefficientMilli: coefficientMilliOf(settings.coefficients, item.workKind),
          assignedAt: null,
          dueAt: item.dueAt ? new Date(item.dueAt) : null,
          completedAt: item.completed && item.completedAt ? new Date(item.completedAt) : null,
          completed: item.completed,
          majorErrors: item.majorErrors ?? 0,
          delays: item.delays ?? 0,
        },
      ]);
      payload.item = item;
    }
    if (input.action === 'waive') {
      const cause = input.objectiveCause?.trim() || null;
      const item = await updateEvaluationItem(trx, row.id, input.itemId ?? '', { objectiveCause: cause });
      if (!item) {
        throw new AppError('EVALUATION_ITEM_NOT_FOUND');
      }
      payload.itemId = item.id;
      payload.objectiveCause = cause;
      eventNote = cause;
    }
    const merged = {
      ...row,
      generalSelf: patch.generalSelf !== undefined ? scores : row.generalSelf,
      generalManager: patch.generalManager !== undefined ? scores : row.generalManager,
      leaderParts: patch.leaderParts !== undefined ? leaderParts : row.leaderParts,
      veto: patch.veto !== undefined ? (patch.veto as EvaluationVeto | null) : row.veto,
    };
    let figurePatch: Record<string, unknown>;
    let proposedBand: EvaluationBand;
    if (period.kind === 'year') {
      // The year's figures are the averages gathered from the periods; only a veto changes its band here.
      proposedBand = proposeBand(row.totalPoints ?? 0, merged.veto);
      figurePatch = { proposedBand };
    } else {
      const items = await listEvaluationItems(trx, row.id);
      const computed = computeSheetFigures(merged, items, settings);
      figurePatch = figuresPatch(computed);
      proposedBand = computed.proposedBand;
      payload.totalPoints = computed.totalPoints;
    }
    if (input.action === 'decide') {
      let band: EvaluationBand = proposedBand;
      if (band === 'excellent') {
        const quota = await quotaOfGroup(trx, period, settings, row, proposedBand);
        payload.quota = quota;
        if (quota.decided + 1 > quota.places) {
          if (!input.demote) {
            throw new AppError('EVALUATION_QUOTA_EXCEEDED', quota);
          }
          band = 'good';
          eventNote = fill(QUOTA_DEMOTION_REASON.vi, { percent: quota.percent });
          payload.demotedByQuota = true;
        }
      }
      if (isHeadSheet(row)) {
        const capped = capByUnitBand(band, period.unitBand);
        if (capped !== band) {
          payload.cappedByUnitBand = period.unitBand;
          band = capped;
        }
      }
      Object.assign(figurePatch, { band, decidedBy: official.userId, decidedAt: now });
      payload.band = band;
    }
    if (input.action === 'return') {
      Object.assign(figurePatch, { band: null });
    }
    const written = await writeSheetChange(trx, row, {
      at: now,
      actorUserId: official.userId,
      action: input.action,
      toStatus: decision.to,
      note: eventNote,
      patch: { ...patch, ...figurePatch },
      payload,
    });
    await insertWorkNotices(
      trx,
      (await noticesAfter(trx, written, input.action, official.fullName)).map((notice) => ({
        ...notice,
        recordKind: 'evaluation_sheet',
      })),
    );
    return written;
  });
};

/** Roles that review sheets (evaluation.review): the heads of units and of the agency. */
const REVIEWER_ROLES = Object.entries(ROLE_DEFINITIONS)
  .filter(([, definition]) => (definition.actions as readonly string[]).includes('evaluation.review'))
  .map(([role]) => role);

/**
 * The in-app notices a step gives (work_notice, in the change's transaction): a sheet self-assessed is one to
 * review for the heads of the official's unit (of the agency when the unit has none); a sheet decided, or returned,
 * tells its official.
 */
const noticesAfter = async (
  trx: Transaction<Database>,
  sheet: EvaluationSheetRecord,
  action: EvaluationAction,
  by: string,
) => {
  const base = { provinceCode: sheet.provinceCode, recordId: sheet.id, kind: 'evaluation' };
  if (action === 'self_assess') {
    let reviewers = await listHoldersAt(trx, sheet.unitId ?? sheet.agencyId, REVIEWER_ROLES);
    if (reviewers.length === 0 || reviewers.every((r) => r.userId === sheet.userId)) {
      reviewers = await listHoldersAt(trx, sheet.agencyId, REVIEWER_ROLES);
    }
    return reviewers
      .filter((r) => r.userId !== sheet.userId)
      .map((r) => ({
        ...base,
        userId: r.userId,
        dedupeKey: `evaluation.review:${sheet.id}:${sheet.eventCount}`,
        title: 'Phiếu đánh giá cần nhận xét',
        body: `${by} đã tự đánh giá; mời nhận xét, chấm điểm tiêu chí chung.`,
      }));
  }
  if (action === 'decide' || action === 'return') {
    return [
      {
        ...base,
        userId: sheet.userId,
        dedupeKey: `evaluation.${action}:${sheet.id}:${sheet.eventCount}`,
        title: action === 'decide' ? 'Đã có kết quả xếp loại' : 'Phiếu đánh giá được trả lại để tự đánh giá lại',
        body: action === 'decide' && sheet.band ? EVALUATION_BAND_LABELS[sheet.band].vi : null,
      },
    ];
  }
  return [];
};

/**
 * The decision of every sheet reviewed collectively in a period at once (evaluation.decide): the quota applied per
 * group (applyQuota: who keeps "xuất sắc" by total, then the documented tie rule); the rest rated "tốt" with
 * the reason in their history; the head's rating capped by the unit's.
 */
export const decidePeriod = async (ctx: AppContext, actor: Actor, periodId: string) => {
  const { official, period } = await getPeriodFor(ctx, actor, periodId, 'evaluation.decide');
  if (period.status === 'closed') {
    throw new AppError('EVALUATION_PERIOD_CLOSED');
  }
  const settings = await loadEvaluationSettings(ctx, period.agencyId);
  const percent = quotaPercentFor(period.unitBand, settings);
  const sheets = await listEvaluationSheetsOfPeriod(ctx.db, period.id);
  const { groups, bands } = applyQuota(
    sheets
      .filter((s) => s.proposedBand !== null)
      .map((s) => ({
        sheetId: s.id,
        groupCode: s.groupCode,
        fullName: s.fullName,
        proposedBand: (s.status === 'decided' ? (s.band ?? s.proposedBand) : s.proposedBand) as EvaluationBand,
        totalPoints: s.totalPoints ?? 0,
        taskPoints: s.taskPoints ?? 0,
        generalPoints: s.generalPoints ?? 0,
      })),
    percent,
  );
  const now = ctx.clock.now();
  let decided = 0;
  for (const listed of sheets) {
    if (listed.status !== 'collective_reviewed' || listed.userId === official.userId) {
      continue;
    }
    await ctx.db.transaction().execute(async (trx) => {
      const row = await findEvaluationSheetForUpdate(trx, listed.id);
      if (row?.status !== 'collective_reviewed') {
        return;
      }
      let band = bands.get(row.id) ?? row.proposedBand ?? 'incomplete';
      const demoted = row.proposedBand === 'excellent' && band === 'good';
      if (isHeadSheet(row)) {
        band = capByUnitBand(band, period.unitBand);
      }
      await writeSheetChange(trx, row, {
        at: now,
        actorUserId: official.userId,
        action: 'decide',
        toStatus: 'decided',
        note: demoted ? fill(QUOTA_DEMOTION_REASON.vi, { percent }) : null,
        patch: { band, decidedBy: official.userId, decidedAt: now },
        payload: { band, demotedByQuota: demoted, percent },
      });
      decided += 1;
    });
  }
  return { decided, groups };
};
