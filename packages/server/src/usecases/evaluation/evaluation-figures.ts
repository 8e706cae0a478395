import type { EvaluationItemRecord, EvaluationSheetRecord } from '@motcua/db';
import {
  computeGeneralPoints,
  computeTaskResult,
  computeTotal,
  type EvaluationBand,
  type LeaderParts,
  type TaskResult,
} from '@motcua/domain';
import type { EvaluationSettings } from './evaluation-settings.js';

/** The figures of a period sheet from its items and scores (packages/domain/src/evaluation/scoring.ts). */
export const computeSheetFigures = (
  sheet: Pick<EvaluationSheetRecord, 'isLeader' | 'leaderParts' | 'generalSelf' | 'generalManager' | 'veto'>,
  items: readonly Pick<
    EvaluationItemRecord,
    'coefficientMilli' | 'completed' | 'majorErrors' | 'delays' | 'objectiveCause' | 'included'
  >[],
  settings: Pick<EvaluationSettings, 'generalCriteria' | 'leaderFormula'>,
): {
  task: TaskResult;
  generalPoints: number;
  generalSource: 'manager' | 'self';
  totalPoints: number;
  proposedBand: EvaluationBand;
} => {
  const task = computeTaskResult(
    items.map((item) => ({
      coefficientMilli: item.coefficientMilli,
      completed: item.completed,
      majorErrors: item.majorErrors,
      delays: item.delays,
      objectiveCause: item.objectiveCause !== null && item.objectiveCause.trim() !== '',
      included: item.included,
    })),
    { leader: sheet.isLeader, leaderFormula: settings.leaderFormula, leaderParts: sheet.leaderParts as LeaderParts },
  );
  const general = computeGeneralPoints(settings.generalCriteria, sheet.generalSelf, sheet.generalManager);
  const total = computeTotal(task.taskPoints, general.points, sheet.veto);
  return {
    task,
    generalPoints: general.points,
    generalSource: general.source,
    totalPoints: total.totalPoints,
    proposedBand: total.proposedBand,
  };
};

/** The columns of a sheet that hold its figures. */
export const figuresPatch = (figures: ReturnType<typeof computeSheetFigures>) => ({
  quantityPct: figures.task.quantityPct,
  qualityPct: figures.task.qualityPct,
  timelinessPct: figures.task.timelinessPct,
  taskPoints: figures.task.taskPoints,
  generalPoints: figures.generalPoints,
  totalPoints: figures.totalPoints,
  proposedBand: figures.proposedBand,
});
