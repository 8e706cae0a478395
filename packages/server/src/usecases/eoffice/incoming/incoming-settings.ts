import { findAppSetting, replaceVersionedAppSetting } from '@motcua/db';
import { formatInstant, INCOMING_DEFAULT_SETTINGS, type IncomingSettings } from '@motcua/domain';
import { z } from 'zod';
import type { Actor } from '../../../auth/actor.js';
import { authorizeProvinceAction } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

/**
 * A province's settings for incoming documents, in app_setting under `eoffice.incoming.<province code>`
 * (JSON: { "defaultHandlingWorkingDays": 10, "urgentWorkingMinutes": 120 }); the documented defaults of
 * packages/domain/src/eoffice/incoming.ts (INCOMING_DEFAULT_SETTINGS) where the province set none.
 */
export const incomingSettingKey = (provinceCode: string) => `eoffice.incoming.${provinceCode}`;

/** The ranges a province may set (the route's schema checks them too). */
export const INCOMING_SETTING_RANGES = {
  defaultHandlingWorkingDays: { min: 1, max: 365 },
  urgentWorkingMinutes: { min: 1, max: 24 * 60 },
} as const;

const Settings = z.object({
  defaultHandlingWorkingDays: z.number().int().min(1).max(365),
  urgentWorkingMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});

export const loadIncomingSettings = async (ctx: AppContext, provinceCode: string): Promise<IncomingSettings> => {
  const stored = await findAppSetting(ctx.db, incomingSettingKey(provinceCode));
  const parsed = Settings.partial().safeParse(stored ?? {});
  return { ...INCOMING_DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
};

/** The stored settings with where each came from, the documented defaults and the version to write back. */
const readIncomingSettings = async (ctx: AppContext, provinceCode: string) => {
  const stored = await findAppSetting(ctx.db, incomingSettingKey(provinceCode));
  const parsed = Settings.partial().safeParse(stored ?? {});
  const own = parsed.success ? parsed.data : {};
  const meta = z
    .object({ version: z.number().int().min(0).catch(0), updatedAt: z.string().nullable().catch(null) })
    .catch({ version: 0, updatedAt: null })
    .parse(stored ?? {});
  return {
    provinceCode,
    settings: { ...INCOMING_DEFAULT_SETTINGS, ...own },
    source: {
      defaultHandlingWorkingDays: own.defaultHandlingWorkingDays === undefined ? 'default' : 'province',
      urgentWorkingMinutes: own.urgentWorkingMinutes === undefined ? 'default' : 'province',
    } as const,
    defaults: INCOMING_DEFAULT_SETTINGS,
    ranges: INCOMING_SETTING_RANGES,
    version: meta.version,
    updatedAt: meta.updatedAt,
  };
};

/** A province's incoming-document settings, the documented defaults beside them (the province administrator). */
export const getIncomingSettings = async (ctx: AppContext, actor: Actor, provinceCode: string) => {
  authorizeProvinceAction(actor, 'calendar.manage', provinceCode);
  return readIncomingSettings(ctx, provinceCode);
};

/**
 * Sets them at the version read (a stale one answers 409). They apply to deadlines computed from then on
 * (registrations and directions after the write); documents keep the deadlines they have. "Reset" is a
 * write of the defaults.
 */
export const setIncomingSettings = async (
  ctx: AppContext,
  actor: Actor,
  input: { provinceCode: string; settings: IncomingSettings; expectedVersion: number },
) => {
  const official = authorizeProvinceAction(actor, 'calendar.manage', input.provinceCode);
  const settings = Settings.parse(input.settings);
  const saved = await replaceVersionedAppSetting(
    ctx.db,
    incomingSettingKey(input.provinceCode),
    { ...settings, updatedBy: official.userId, updatedAt: formatInstant(ctx.clock.now().getTime()) },
    input.expectedVersion,
  );
  if (saved === undefined) {
    const current = (await readIncomingSettings(ctx, input.provinceCode)).version;
    throw new AppError('VERSION_CONFLICT', { current, sent: input.expectedVersion });
  }
  return readIncomingSettings(ctx, input.provinceCode);
};
