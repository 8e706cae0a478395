import { createHmac, randomBytes } from 'node:crypto';
import { type DatabaseHandle, getAppSetting, insertAppSettingIfMissing } from '@motcua/db';
import type { AppContext } from '../context.js';

const SETTING_KEY = 'secret.installation';
const cache = new WeakMap<DatabaseHandle, string>();

/**
 * A random secret created once per installation and kept in the database, so that every API
 * instance derives the same values from it (tracking PINs) without holding state of its own.
 */
export const getInstallationSecret = async (ctx: AppContext): Promise<string> => {
  const cached = cache.get(ctx.database);
  if (cached) {
    return cached;
  }
  await insertAppSettingIfMissing(ctx.db, SETTING_KEY, { secret: randomBytes(32).toString('base64url') });
  const secret = ((await getAppSetting(ctx.db, SETTING_KEY)) as { secret: string }).secret;
  cache.set(ctx.database, secret);
  return secret;
};

/**
 * The tracking PIN printed on the receipt: 6 digits derived from the dossier code with the
 * installation secret (HMAC-SHA256), so it is reproducible on every reprint without storing it,
 * and cannot be guessed from the code.
 */
export const deriveTrackingPin = (secret: string, dossierCode: string): string => {
  const digest = createHmac('sha256', secret).update(`tracking-pin:${dossierCode}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
};
