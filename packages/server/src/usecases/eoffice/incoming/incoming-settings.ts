import { findAppSetting } from '@motcua/db';
import { INCOMING_DEFAULT_SETTINGS, type IncomingSettings } from '@motcua/domain';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';

/**
 * A province's settings for incoming documents, in app_setting under `eoffice.incoming.<province code>`
 * (JSON: { "defaultHandlingWorkingDays": 10, "urgentWorkingMinutes": 120 }); the documented defaults of
 * packages/domain/src/eoffice/incoming.ts (INCOMING_DEFAULT_SETTINGS) where the province set none.
 */
export const incomingSettingKey = (provinceCode: string) => `eoffice.incoming.${provinceCode}`;

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
