import { findAgency, upsertPaknSetting } from '@motcua/db';
import { PAKN_DEFAULT_TIME_LIMITS, type PaknTimeLimits } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { loadPaknRules } from './pakn-rules.js';

/** A province's PAKN time limits (with the legal defaults beside them) and the portal's receiving agency. */
export const getPaknSettings = async (ctx: AppContext, actor: Actor, provinceCode: string) => {
  requireOfficial(actor);
  authorizeProvinceAction(actor, 'pakn.read', provinceCode);
  const rules = await loadPaknRules(ctx, provinceCode);
  return { provinceCode, ...rules, defaults: PAKN_DEFAULT_TIME_LIMITS };
};

/**
 * Sets a province's PAKN limits (the province administrator: a setting of the province like its
 * calendar), guarded by the version read. Limits apply to deadlines computed from then on; entries
 * keep the deadlines they have. "Reset to the legal default" is a write of the default values.
 */
export const setPaknSettings = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    provinceCode: string;
    timeLimits: PaknTimeLimits;
    portalAgencyId: string | null;
    /** The version read (0 when the province had no settings yet): a stale one answers 409. */
    expectedVersion: number;
  },
) => {
  const official = authorizeProvinceAction(actor, 'calendar.manage', input.provinceCode);
  if (input.portalAgencyId) {
    const agency = await findAgency(ctx.db, input.portalAgencyId);
    if (!agency || agency.provinceCode !== input.provinceCode) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'cơ quan', en: 'agency' } });
    }
  }
  const saved = await upsertPaknSetting(ctx.db, { ...input, updatedBy: official.userId, now: ctx.clock.now() });
  if (saved === undefined) {
    const current = (await loadPaknRules(ctx, input.provinceCode)).version;
    throw new AppError('VERSION_CONFLICT', { current, sent: input.expectedVersion });
  }
  return getPaknSettings(ctx, actor, input.provinceCode);
};
