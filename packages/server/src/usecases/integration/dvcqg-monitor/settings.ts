import { countAgenciesOfProvince, findDvcqgSetting, saveDvcqgSetting } from '@motcua/db';
import type { Actor } from '../../../auth/actor.js';
import { sealSecret } from '../../../auth/sealed-secret.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { authorizeIntegrationManage, authorizeIntegrationRead, canManageIntegration } from './access.js';

/** The defaults of migration 0040 (a province that never saved its settings reads these; the sync is off). */
export const DVCQG_SETTING_DEFAULTS = { onTimeMinutes: 1440, backlogAlertMinutes: 60, catalogPullHours: null };

export type DvcqgSettingsView = {
  provinceCode: string;
  enabled: boolean;
  endpointUrl: string | null;
  authUrl: string | null;
  username: string | null;
  /** The password is write-only: the answer says only whether one is stored. */
  passwordSet: boolean;
  dstCode: string | null;
  unitCode: string | null;
  agencyCodes: Record<string, string>;
  onTimeMinutes: number;
  backlogAlertMinutes: number;
  catalogPullHours: number | null;
  version: number;
  updatedAt: string | null;
  defaults: typeof DVCQG_SETTING_DEFAULTS;
  canManage: boolean;
};

/** The province's connection to the national portal (integration.read), never its password. */
export const getDvcqgSettings = async (
  ctx: AppContext,
  actor: Actor,
  provinceCode: string,
): Promise<DvcqgSettingsView> => {
  const official = authorizeIntegrationRead(actor, provinceCode);
  const row = await findDvcqgSetting(ctx.db, provinceCode);
  return {
    provinceCode,
    enabled: row?.enabled ?? false,
    endpointUrl: row?.endpointUrl ?? null,
    authUrl: row?.authUrl ?? null,
    username: row?.username ?? null,
    passwordSet: Boolean(row?.secretCiphertext),
    dstCode: row?.dstCode ?? null,
    unitCode: row?.unitCode ?? null,
    agencyCodes: row?.agencyCodes ?? {},
    onTimeMinutes: row?.onTimeMinutes ?? DVCQG_SETTING_DEFAULTS.onTimeMinutes,
    backlogAlertMinutes: row?.backlogAlertMinutes ?? DVCQG_SETTING_DEFAULTS.backlogAlertMinutes,
    catalogPullHours: row ? row.catalogPullHours : DVCQG_SETTING_DEFAULTS.catalogPullHours,
    version: row?.version ?? 0,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    defaults: DVCQG_SETTING_DEFAULTS,
    canManage: canManageIntegration(official, provinceCode),
  };
};

export type DvcqgSettingsInput = {
  provinceCode: string;
  /** The version read (0 when the province had no settings yet): a stale one answers 409. */
  expectedVersion: number;
  enabled: boolean;
  endpointUrl: string | null;
  authUrl: string | null;
  username: string | null;
  /** A new password (sealed before it is stored); absent keeps the stored one. */
  password?: string | undefined;
  /** Remove the stored password. */
  clearPassword?: boolean | undefined;
  dstCode: string | null;
  unitCode: string | null;
  agencyCodes: Record<string, string>;
  onTimeMinutes: number;
  backlogAlertMinutes: number;
  catalogPullHours: number | null;
};

/**
 * Sets the province's connection (integration.manage), guarded by the version read. The password is sealed with
 * the installation's key (purpose 'dvcqg-password', the province code bound) and never answered back. Switching
 * the sync on needs every connection field; agency-code overrides may name only the province's agencies.
 */
export const saveDvcqgSettings = async (
  ctx: AppContext,
  actor: Actor,
  input: DvcqgSettingsInput,
): Promise<DvcqgSettingsView> => {
  const official = authorizeIntegrationManage(actor, input.provinceCode);
  const current = await findDvcqgSetting(ctx.db, input.provinceCode);
  if ((current?.version ?? 0) !== input.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { current: current?.version ?? 0, sent: input.expectedVersion });
  }
  const agencyIds = Object.keys(input.agencyCodes);
  if ((await countAgenciesOfProvince(ctx.db, input.provinceCode, agencyIds)) !== agencyIds.length) {
    throw new AppError('DVCQG_AGENCY_NOT_IN_PROVINCE');
  }
  const passwordWillBeSet =
    input.password !== undefined || (!input.clearPassword && Boolean(current?.secretCiphertext));
  if (input.enabled) {
    const missing = [
      input.endpointUrl ? null : 'endpointUrl',
      input.authUrl ? null : 'authUrl',
      input.username ? null : 'username',
      passwordWillBeSet ? null : 'password',
      input.unitCode ? null : 'unitCode',
    ].filter((field): field is string => field !== null);
    if (missing.length > 0) {
      throw new AppError('DVCQG_SETTING_INCOMPLETE', { missing: missing.join(', ') }, { extensions: { missing } });
    }
  }
  const secretCiphertext =
    input.password !== undefined
      ? await sealSecret(ctx, 'dvcqg-password', input.provinceCode, input.password)
      : input.clearPassword
        ? null
        : undefined;
  const saved = await saveDvcqgSetting(ctx.db, {
    provinceCode: input.provinceCode,
    expectedVersion: input.expectedVersion,
    enabled: input.enabled,
    endpointUrl: input.endpointUrl,
    authUrl: input.authUrl,
    username: input.username,
    dstCode: input.dstCode,
    unitCode: input.unitCode,
    agencyCodes: input.agencyCodes,
    onTimeMinutes: input.onTimeMinutes,
    backlogAlertMinutes: input.backlogAlertMinutes,
    catalogPullHours: input.catalogPullHours,
    secretCiphertext,
    updatedBy: official.userId,
    now: ctx.clock.now(),
  });
  if (!saved) {
    const latest = await findDvcqgSetting(ctx.db, input.provinceCode);
    throw new AppError('VERSION_CONFLICT', { current: latest?.version ?? 0, sent: input.expectedVersion });
  }
  return getDvcqgSettings(ctx, actor, input.provinceCode);
};
