import { findPaknSetting, findProvinceCommitteeId } from '@motcua/db';
import { PAKN_DEFAULT_TIME_LIMITS, PaknTimeLimits, type WorkingTimeCalendar } from '@motcua/domain';
import type { AppContext } from '../../context.js';
import { getAgencyWorkingCalendar, getWorkingCalendar } from '../calendar/calendar-service.js';

export type PaknRules = {
  limits: PaknTimeLimits;
  /** The agency whose register receives the portal's PAKN (the setting, else the People's Committee). */
  portalAgencyId: string | null;
  /** Whether the limits are the province's own or the legal defaults. */
  limitsSource: 'province' | 'default';
  /** The settings row's version (0: the province has none yet); a write names it. */
  version: number;
};

/**
 * The stored limits as the domain names them. The database layer's camel-case plugin renames the keys
 * of a JSON column when it reads it (`own_competence` comes back `ownCompetence`), so the categories'
 * keys are put back before the check — without this a province's own limits were read as invalid and
 * the legal defaults silently applied.
 */
const storedLimits = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const { answerWorkingDays, ...rest } = value as { answerWorkingDays?: Record<string, unknown> };
  if (typeof answerWorkingDays !== 'object' || answerWorkingDays === null) {
    return value;
  }
  const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return {
    ...rest,
    answerWorkingDays: Object.fromEntries(Object.entries(answerWorkingDays).map(([k, v]) => [snake(k), v])),
  };
};

/** The province's PAKN settings; the legal defaults of packages/domain/src/pakn where it set none. */
export const loadPaknRules = async (ctx: AppContext, provinceCode: string): Promise<PaknRules> => {
  const setting = await findPaknSetting(ctx.db, provinceCode);
  const parsed = setting ? PaknTimeLimits.safeParse(storedLimits(setting.timeLimits)) : undefined;
  return {
    limits: parsed?.success ? parsed.data : PAKN_DEFAULT_TIME_LIMITS,
    limitsSource: parsed?.success ? 'province' : 'default',
    portalAgencyId: setting?.portalAgencyId ?? (await findProvinceCommitteeId(ctx.db, provinceCode)) ?? null,
    version: setting?.rowVersion ?? 0,
  };
};

/** The working-time calendar a PAKN's deadlines run on: its holding agency's, else its province's. */
export const findPaknCalendar = async (
  ctx: AppContext,
  input: { agencyId: string | null; provinceCode: string },
): Promise<WorkingTimeCalendar> =>
  input.agencyId
    ? (await getAgencyWorkingCalendar(ctx, input.agencyId)).calendar
    : getWorkingCalendar(ctx, { provinceCode: input.provinceCode });
