import { findAgency, findAgencyLineage, findEvaluationSetting, saveEvaluationSetting } from '@motcua/db';
import {
  DEFAULT_COEFFICIENTS_MILLI,
  DEFAULT_GENERAL_CRITERIA,
  formatInstant,
  type GeneralCriterionDef,
  generalCriteriaValid,
  isAllowed,
  type LeaderFormula,
} from '@motcua/domain';

import type { Actor } from '../../auth/actor.js';
import { authorizeAgencyAction } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

const SETTINGS = { vi: 'cấu hình đánh giá', en: 'evaluation settings' } as const;

/** The settings an evaluation reads: the agency's row, or the documented defaults when none is saved. */
export type EvaluationSettings = {
  agencyId: string;
  periodKind: 'month' | 'quarter';
  /** Conversion coefficients (quy đổi) per kind of work item, as numbers (1 = one item). */
  coefficients: Record<string, number>;
  quotaPercent: number;
  quotaPercentExcellentUnit: number;
  generalCriteria: GeneralCriterionDef[];
  leaderFormula: LeaderFormula;
  version: number;
  updatedAt: string | null;
};

export const DEFAULT_COEFFICIENTS: Record<string, number> = Object.fromEntries(
  Object.entries(DEFAULT_COEFFICIENTS_MILLI).map(([kind, milli]) => [kind, milli / 1000]),
);

export const loadEvaluationSettings = async (ctx: AppContext, agencyId: string): Promise<EvaluationSettings> => {
  const row = await findEvaluationSetting(ctx.db, agencyId);
  if (!row) {
    return {
      agencyId,
      periodKind: 'quarter',
      coefficients: { ...DEFAULT_COEFFICIENTS },
      quotaPercent: 20,
      quotaPercentExcellentUnit: 25,
      generalCriteria: DEFAULT_GENERAL_CRITERIA.map((criterion) => ({ ...criterion })),
      leaderFormula: 'three_part',
      version: 0,
      updatedAt: null,
    };
  }
  return {
    agencyId,
    periodKind: row.periodKind,
    coefficients: { ...DEFAULT_COEFFICIENTS, ...row.coefficients },
    quotaPercent: row.quotaPercent,
    quotaPercentExcellentUnit: row.quotaPercentExcellentUnit,
    generalCriteria: row.generalCriteria.length > 0 ? row.generalCriteria : [...DEFAULT_GENERAL_CRITERIA],
    leaderFormula: row.leaderFormula,
    version: row.version,
    updatedAt: formatInstant(row.updatedAt.getTime()),
  };
};

export const getEvaluationSettings = async (ctx: AppContext, actor: Actor, agencyId: string) => {
  const official = await authorizeAgencyAction(ctx, actor, 'evaluation.read', agencyId, SETTINGS);
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  return {
    ...(await loadEvaluationSettings(ctx, agencyId)),
    // Whether the reader may change them (evaluation.manage: the personnel officer), for the settings screen.
    mayChange: lineage ? isAllowed(official.grants, 'evaluation.manage', { kind: 'agency', lineage }) : false,
    defaults: {
      coefficients: { ...DEFAULT_COEFFICIENTS },
      quotaPercent: 20,
      quotaPercentExcellentUnit: 25,
      generalCriteria: DEFAULT_GENERAL_CRITERIA.map((criterion) => ({ ...criterion })),
      leaderFormula: 'three_part' as const,
    },
  };
};

export type EvaluationSettingsInput = {
  agencyId: string;
  expectedVersion: number;
  periodKind: 'month' | 'quarter';
  coefficients: Record<string, number>;
  quotaPercent: number;
  quotaPercentExcellentUnit: number;
  generalCriteria: GeneralCriterionDef[];
  leaderFormula: LeaderFormula;
};

/** The personnel officer sets the agency's rules at the version read (evaluation.manage). */
export const setEvaluationSettings = async (ctx: AppContext, actor: Actor, input: EvaluationSettingsInput) => {
  const official = await authorizeAgencyAction(ctx, actor, 'evaluation.manage', input.agencyId, SETTINGS);
  if (
    !generalCriteriaValid(input.generalCriteria) ||
    Object.values(input.coefficients).some((value) => !Number.isFinite(value) || value < 0 || value > 100)
  ) {
    throw new AppError('EVALUATION_SETTINGS_INVALID');
  }
  const agency = await findAgency(ctx.db, input.agencyId);
  const saved = await ctx.db.transaction().execute((trx) =>
    saveEvaluationSetting(trx, {
      agencyId: input.agencyId,
      provinceCode: agency?.provinceCode ?? '00',
      periodKind: input.periodKind,
      coefficients: JSON.stringify(input.coefficients),
      quotaPercent: input.quotaPercent,
      quotaPercentExcellentUnit: input.quotaPercentExcellentUnit,
      generalCriteria: JSON.stringify(input.generalCriteria),
      leaderFormula: input.leaderFormula,
      updatedBy: official.userId,
      expectedVersion: input.expectedVersion,
      at: ctx.clock.now(),
    }),
  );
  if (!saved) {
    const current = await findEvaluationSetting(ctx.db, input.agencyId);
    throw new AppError('VERSION_CONFLICT', { current: current?.version ?? 0, sent: input.expectedVersion });
  }
  return getEvaluationSettings(ctx, actor, input.agencyId);
};
