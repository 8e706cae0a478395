import {
  type AgencyOfficialRow,
  type Database,
  type EvaluationPeriodRecord,
  type EvaluationSheetRecord,
  findEvaluationSheetOfUser,
  insertEvaluationSheet,
  listAgencyOfficialRoles,
  listDossierStepsForEvaluation,
  listEvaluationItems,
  listTasksForEvaluation,
  listUserSheetsInYear,
  replaceGatheredEvaluationItems,
  updateEvaluationSheetGuarded,
} from '@motcua/db';
import { coefficientMilliOf, computeYear, toInstant } from '@motcua/domain';
import type { Insertable, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { appendWorkEvent } from '../work/work-chain.js';
import { getPeriodFor } from './evaluation-access.js';
import { computeSheetFigures, figuresPatch } from './evaluation-figures.js';
import { type EvaluationSettings, loadEvaluationSettings } from './evaluation-settings.js';

type ItemInsert = Insertable<Database['evaluationItem']>;

/** Who is evaluated and where: one entry per official, their unit, whether they lead, their quota group. */
export type EvaluatedOfficial = { userId: string; unitId: string; isLeader: boolean; groupCode: string };

/**
 * The officials of the agency (a role at the agency or one of its sub-agencies) and how they are grouped
 * [INF: the group of similar tasks the quota is counted in]: 'leader' for the agency's heads (unit = the agency)
 * and the heads of its units (unit = their unit), 'staff' for everyone else (unit = their sub-agency if any).
 */
export const toEvaluatedOfficials = (agencyId: string, rows: readonly AgencyOfficialRow[]): EvaluatedOfficial[] => {
  const byUser = new Map<string, AgencyOfficialRow[]>();
  for (const row of rows) {
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  }
  const out: EvaluatedOfficial[] = [];
  for (const [userId, roles] of byUser) {
    const head = roles.find((r) => r.role === 'agency_head' && r.agencyId === agencyId);
    const unitHead = roles.find((r) => r.role === 'unit_head' || r.role === 'agency_head');
    const subUnit = roles.find((r) => r.agencyId !== agencyId);
    if (head) {
      out.push({ userId, unitId: agencyId, isLeader: true, groupCode: 'leader' });
    } else if (unitHead) {
      out.push({ userId, unitId: unitHead.agencyId, isLeader: true, groupCode: 'leader' });
    } else {
      out.push({ userId, unitId: subUnit?.agencyId ?? agencyId, isLeader: false, groupCode: 'staff' });
    }
  }
  return out;
};

/** The period as instants: [first local midnight, the local midnight after the last day). */
export const periodInstants = (period: Pick<EvaluationPeriodRecord, 'startsOn' | 'endsOn'>) => ({
  from: new Date(toInstant(String(period.startsOn), 0)),
  to: new Date(toInstant(String(period.endsOn), 1440)),
});

/**
 * The work items of an official in a period: the tasks they lead that were due or completed in it (a task completed
 * after the deadline in force is a delay; each return for rework a major error) and the one-stop dossier steps
 * they completed in it (a step with overrun_minutes > 0 is a delay of the official who completed it: lateness is
 * attributed to the step that caused it).
 */
export const gatherItems = async (
  ctx: AppContext,
  userId: string,
  period: EvaluationPeriodRecord,
  settings: Pick<EvaluationSettings, 'coefficients'>,
): Promise<Omit<ItemInsert, 'sheetId' | 'provinceCode'>[]> => {
  const { from, to } = periodInstants(period);
  const items: Omit<ItemInsert, 'sheetId' | 'provinceCode'>[] = [];
  for (const task of await listTasksForEvaluation(ctx.db, userId, from, to)) {
    const completed = task.completedAt !== null && task.completedAt.getTime() < to.getTime();
    const late =
      completed && (task.completionClass === 'late' || (task.completedAt as Date).getTime() > task.dueAt.getTime());
    items.push({
      sourceKind: 'task',
      sourceId: task.id,
      stepNo: null,
      title: task.title.slice(0, 500),
      workKind: task.workKind,
      coefficientMilli: coefficientMilliOf(settings.coefficients, task.workKind),
      assignedAt: task.assignedAt,
      dueAt: task.dueAt,
      completedAt: completed ? task.completedAt : null,
      completed,
      majorErrors: task.returnedCount,
      delays: late ? 1 : 0,
    });
  }
  for (const step of await listDossierStepsForEvaluation(ctx.db, userId, from, to)) {
    items.push({
      sourceKind: 'dossier_step',
      sourceId: step.dossierId,
      stepNo: step.stepNo,
      title: `${step.dossierCode} — bước ${step.stepNo}: ${step.name}`.slice(0, 500),
      workKind: 'dossier_step',
      coefficientMilli: coefficientMilliOf(settings.coefficients, 'dossier_step'),
      assignedAt: null,
      dueAt: step.dueAt,
      completedAt: step.completedAt,
      completed: true,
      majorErrors: 0,
      delays: (step.overrunMinutes ?? 0) > 0 ? 1 : 0,
    });
  }
  return items;
};

/** The year's figures of an official from their sheets of the months or quarters of that year. */
const yearFigures = async (
  ctx: AppContext,
  period: EvaluationPeriodRecord,
  userId: string,
  settings: EvaluationSettings,
) => {
  const sheets = (await listUserSheetsInYear(ctx.db, period.agencyId, userId, period.year)).filter(
    (sheet) => sheet.totalPoints !== null,
  );
  const preferred = sheets.filter((sheet) => sheet.periodKind === settings.periodKind);
  const used = preferred.length > 0 ? preferred : sheets;
  return computeYear(
    used.map((sheet) => ({
      totalPoints: sheet.totalPoints ?? 0,
      taskPoints: sheet.taskPoints ?? 0,
      generalPoints: sheet.generalPoints ?? 0,
      veto: sheet.veto,
    })),
  );
};

type GatherOutcome = { created: number; refreshed: number; kept: number };

/**
 * Gathers a period (evaluation.manage): a sheet for every official of the agency, its items from tasks and
 * dossier steps and its figures; a sheet still in draft is gathered again (its manual items stay), one further
 * along keeps the items it was assessed on. For the year, the figures are the averages of the period sheets.
 */
export const gatherPeriod = async (ctx: AppContext, actor: Actor, periodId: string): Promise<GatherOutcome> => {
  const { official, period } = await getPeriodFor(ctx, actor, periodId, 'evaluation.manage');
  return gatherPeriodAs(ctx, official.userId, period);
};

export const gatherPeriodAs = async (
  ctx: AppContext,
  actorUserId: string,
  period: EvaluationPeriodRecord,
): Promise<GatherOutcome> => {
  if (period.status === 'closed') {
    throw new AppError('EVALUATION_PERIOD_CLOSED');
  }
  const settings = await loadEvaluationSettings(ctx, period.agencyId);
  const officials = toEvaluatedOfficials(period.agencyId, await listAgencyOfficialRoles(ctx.db, period.agencyId));
  const outcome: GatherOutcome = { created: 0, refreshed: 0, kept: 0 };
  for (const who of officials) {
    const existing = await findEvaluationSheetOfUser(ctx.db, period.id, who.userId);
    if (existing && existing.status !== 'draft') {
      outcome.kept += 1;
      continue;
    }
    const year = period.kind === 'year' ? await yearFigures(ctx, period, who.userId, settings) : null;
    const items = period.kind === 'year' ? [] : await gatherItems(ctx, who.userId, period, settings);
    const manual = existing
      ? (await listEvaluationItems(ctx.db, existing.id)).filter((i) => i.sourceKind === 'manual')
      : [];
    await ctx.db.transaction().execute(async (trx) => {
      const sheet =
        existing ??
        (await insertEvaluationSheet(trx, {
          provinceCode: period.provinceCode,
          periodId: period.id,
          agencyId: period.agencyId,
          userId: who.userId,
          unitId: who.unitId,
          groupCode: who.groupCode,
          isLeader: who.isLeader,
          status: 'draft',
          generalSelf: '{}',
          generalManager: '{}',
          leaderParts: '{}',
        }));
      await replaceGatheredEvaluationItems(
        trx,
        sheet.id,
        items.map((item) => ({ ...item, sheetId: sheet.id, provinceCode: period.provinceCode })),
      );
      const patch =
        period.kind === 'year'
          ? {
              quantityPct: null,
              qualityPct: null,
              timelinessPct: null,
              taskPoints: year?.taskPoints ?? null,
              generalPoints: year?.generalPoints ?? null,
              totalPoints: year?.totalPoints ?? null,
              proposedBand: year?.proposedBand ?? null,
              veto: year?.veto ?? sheet.veto,
            }
          : figuresPatch(
              computeSheetFigures(
                sheet,
                [
                  ...items.map((item) => ({
                    coefficientMilli: item.coefficientMilli,
                    completed: item.completed,
                    majorErrors: item.majorErrors ?? 0,
                    delays: item.delays ?? 0,
                    objectiveCause: null,
                    included: true,
                  })),
                  ...manual,
                ],
                settings,
              ),
            );
      await writeSheetChange(trx, sheet, {
        at: ctx.clock.now(),
        actorUserId,
        action: 'gather',
        toStatus: 'draft',
        patch,
        payload: { items: items.length, created: !existing },
      });
    });
    outcome[existing ? 'refreshed' : 'created'] += 1;
  }
  return outcome;
};

/**
 * The one change path of a sheet: the row at its version and the hash-chained work event (appendWorkEvent), in
 * the caller's transaction. Every change of a sheet — gather, each flow step, a waiver, a veto — goes through it.
 */
export const writeSheetChange = async (
  trx: Transaction<Database>,
  sheet: EvaluationSheetRecord,
  input: {
    at: Date;
    actorUserId: string | null;
    action: string;
    toStatus: EvaluationSheetRecord['status'];
    note?: string | null;
    patch: Parameters<typeof updateEvaluationSheetGuarded>[3];
    payload?: Record<string, unknown>;
  },
): Promise<EvaluationSheetRecord> => {
  const anchors = await appendWorkEvent(trx, {
    kind: 'evaluation_sheet',
    row: sheet,
    at: input.at,
    actorUserId: input.actorUserId,
    action: input.action,
    fromStatus: sheet.status,
    toStatus: input.toStatus,
    note: input.note ?? null,
    payload: input.payload ?? {},
  });
  const updated = await updateEvaluationSheetGuarded(trx, sheet.id, sheet.version, {
    ...input.patch,
    status: input.toStatus,
    eventCount: anchors.eventCount,
    lastEventHash: anchors.lastEventHash,
    updatedAt: input.at,
  });
  if (!updated) {
    throw new AppError('VERSION_CONFLICT', { current: sheet.version + 1, sent: sheet.version });
  }
  return updated;
};
