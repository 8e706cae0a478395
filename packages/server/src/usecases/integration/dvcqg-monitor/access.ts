import { isAllowed, roleAllows } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

/**
 * Who reads the province's connection to the national portal and its sync monitor (integration.read): the
 * province administrator, and the province's auditors — an inspection role held in one agency but reading the
 * province's monitor as it reads its records. Anyone else, another province's administrator included, is refused.
 */
export const authorizeIntegrationRead = (actor: Actor, provinceCode: string): OfficialActor => {
  const official = requireOfficial(actor);
  if (isAllowed(official.grants, 'integration.read', { kind: 'province', provinceCode })) {
    return official;
  }
  if (official.grants.some((g) => g.provinceCode === provinceCode && roleAllows(g.role, 'integration.read'))) {
    return official;
  }
  throw new AppError('FORBIDDEN');
};

/** Who sets the connection, retries and re-sends (integration.manage): the province administrator only. */
export const authorizeIntegrationManage = (actor: Actor, provinceCode: string): OfficialActor => {
  const official = requireOfficial(actor);
  if (!isAllowed(official.grants, 'integration.manage', { kind: 'province', provinceCode })) {
    throw new AppError('FORBIDDEN');
  }
  return official;
};

/** Whether the actor may manage the province's integration (to offer the buttons). */
export const canManageIntegration = (official: OfficialActor, provinceCode: string): boolean =>
  isAllowed(official.grants, 'integration.manage', { kind: 'province', provinceCode });

/** The province asked for, or the official's own. */
export const resolveProvince = (actor: Actor, province: string | undefined): string => {
  const official = requireOfficial(actor);
  const code = province ?? official.provinceCode ?? official.grants.find((g) => g.provinceCode)?.provinceCode;
  if (!code) {
    throw new AppError('FORBIDDEN');
  }
  return code;
};

export const nowOf = (ctx: AppContext): Date => ctx.clock.now();
