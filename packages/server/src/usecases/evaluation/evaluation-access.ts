import {
  type EvaluationPeriodRecord,
  type EvaluationSheetRecord,
  findAgencyLineage,
  findEvaluationPeriod,
  findEvaluationSheet,
} from '@motcua/db';
import { type Action, type EvaluationStanding, isAllowed } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

export const SHEET = { vi: 'phiếu đánh giá', en: 'evaluation sheet' } as const;
export const PERIOD = { vi: 'kỳ đánh giá', en: 'evaluation period' } as const;

/** Whether the official's grants allow `action` at an agency (its lineage: successors, ancestors). */
export const allowsAt = async (
  ctx: AppContext,
  official: OfficialActor,
  action: Action,
  agencyId: string,
): Promise<boolean> => {
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  return lineage ? isAllowed(official.grants, action, { kind: 'agency', lineage }) : false;
};

/**
 * The actor's standing on a sheet: the owner; the reviewer (evaluation.review at the official's unit — their unit
 * head, or the agency's leaders through sub-agency grants — never oneself); the personnel officer
 * (evaluation.manage at the agency); the decider (evaluation.decide at the agency, never oneself).
 */
export const loadStanding = async (
  ctx: AppContext,
  official: OfficialActor,
  sheet: Pick<EvaluationSheetRecord, 'userId' | 'agencyId' | 'unitId'>,
): Promise<EvaluationStanding & { reads: boolean }> => {
  const owner = sheet.userId === official.userId;
  const unit = sheet.unitId ?? sheet.agencyId;
  const reviews = !owner && (await allowsAt(ctx, official, 'evaluation.review', unit));
  const manages = await allowsAt(ctx, official, 'evaluation.manage', sheet.agencyId);
  const decides = !owner && (await allowsAt(ctx, official, 'evaluation.decide', sheet.agencyId));
  const reads = owner || (await allowsAt(ctx, official, 'evaluation.read', unit));
  return { owner, reviews, manages, decides, reads };
};

/** A sheet the actor may read (their own, or evaluation.read at its unit or agency), else 404. */
export const getReadableSheet = async (ctx: AppContext, actor: Actor, id: string) => {
  const official = requireOfficial(actor);
  const sheet = await findEvaluationSheet(ctx.db, id);
  if (!sheet) {
    throw new AppError('NOT_FOUND', { resource: SHEET });
  }
  const standing = await loadStanding(ctx, official, sheet);
  if (!standing.reads) {
    throw new AppError('NOT_FOUND', { resource: SHEET });
  }
  const period = await findEvaluationPeriod(ctx.db, sheet.periodId);
  if (!period) {
    throw new AppError('NOT_FOUND', { resource: SHEET });
  }
  return { official, sheet, standing, period };
};

/**
 * Whether the official holds `action` at the agency or at one of its sub-agencies (a unit head reads their unit's
 * sheets of the agency's periods).
 */
export const allowsWithin = async (
  ctx: AppContext,
  official: OfficialActor,
  action: Action,
  agencyId: string,
): Promise<boolean> => {
  if (await allowsAt(ctx, official, action, agencyId)) {
    return true;
  }
  for (const grant of official.grants) {
    if (
      !isAllowed([grant], action, {
        kind: 'agency',
        lineage: {
          agencyId: grant.agencyId,
          provinceCode: grant.provinceCode,
          coveringIds: [grant.agencyId],
          ancestorIds: [],
        },
      })
    ) {
      continue;
    }
    const lineage = await findAgencyLineage(ctx.db, grant.agencyId);
    if (lineage?.ancestorIds.includes(agencyId)) {
      return true;
    }
  }
  return false;
};

/** A period whose agency the actor may act on with `action`; 404 when outside every scope, 403 otherwise. */
export const getPeriodFor = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: Action,
  within = false,
): Promise<{ official: OfficialActor; period: EvaluationPeriodRecord }> => {
  const official = requireOfficial(actor);
  const period = await findEvaluationPeriod(ctx.db, id);
  if (!period) {
    throw new AppError('NOT_FOUND', { resource: PERIOD });
  }
  const allowed = within
    ? await allowsWithin(ctx, official, action, period.agencyId)
    : await allowsAt(ctx, official, action, period.agencyId);
  if (!allowed) {
    throw new AppError('NOT_FOUND', { resource: PERIOD });
  }
  return { official, period };
};
