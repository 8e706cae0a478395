import { findProvinceSite, type ProvinceSitePatch, type ProvinceSiteRecord } from '@motcua/db';
import { contrastRatio, isAllowed, MIN_HEADER_CONTRAST, normalizeColour } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import type { SniffedType } from '../portal/upload-checks.js';
import { checkAndStoreFile, type UploadedFile } from '../portal/uploads.js';
import { commitProvinceSiteChange } from './change-site.js';
import { describePublicSite } from './site-view.js';

/**
 * A province's own portal (issue 22 item 4): its name, portal name, place name, colours, emblem and contacts, as
 * its province administrator sets them (site.manage) and every official of the province reads them. Each write
 * goes through changeProvinceSite (version guard, hash-chained event) and forgets this process's site cache.
 */

/** The emblem's types (read from the bytes) and its largest size: a small image shown in every portal header. */
export const EMBLEM_FILE_TYPES: readonly SniffedType[] = ['image/png', 'image/jpeg', 'image/webp'];
export const EMBLEM_MAX_BYTES = 512 * 1024;

/** A site as an official reads it, with whether the caller may change it. */
export type ProvinceSiteView = {
  provinceCode: string;
  name: string;
  portalName: string;
  placeName: string;
  colourPrimary: string;
  colourAccent: string;
  contactPhone: string | null;
  contactAddress: string | null;
  emblemUrl: string | null;
  emblemMediaType: string | null;
  version: number;
  updatedAt: string;
  mayEdit: boolean;
  minHeaderContrast: number;
};

const emblemUrlForOfficials = (site: ProvinceSiteRecord): string | null =>
  site.emblemSha256
    ? `/api/v1/province-site/emblem?province=${site.provinceCode}&v=${site.emblemSha256.slice(0, 16)}`
    : null;

const mayManage = (official: OfficialActor, provinceCode: string): boolean =>
  isAllowed(official.grants, 'site.manage', { kind: 'province', provinceCode });

/**
 * Whose site the caller asks for: the one named (an official whose grants reach that province), else the caller's
 * own province. Every official of the province may read; a province they hold no role in answers 403.
 */
const authorizeSiteRead = (actor: Actor, province: string | undefined): { official: OfficialActor; code: string } => {
  const official = requireOfficial(actor);
  const code = province ?? official.provinceCode;
  if (code === null || !official.grants.some((grant) => grant.provinceCode === code)) {
    throw new AppError('FORBIDDEN');
  }
  return { official, code };
};

const authorizeSiteWrite = (actor: Actor, province: string | undefined) => {
  const allowed = authorizeSiteRead(actor, province);
  if (!mayManage(allowed.official, allowed.code)) {
    throw new AppError('FORBIDDEN');
  }
  return allowed;
};

const loadSite = async (ctx: AppContext, code: string): Promise<ProvinceSiteRecord> => {
  const site = await findProvinceSite(ctx.db, code);
  if (!site) {
    throw new AppError('PROVINCE_SITE_NOT_FOUND', { province: code });
  }
  return site;
};

const describeSite = (site: ProvinceSiteRecord, official: OfficialActor): ProvinceSiteView => ({
  ...describePublicSite(site),
  emblemUrl: emblemUrlForOfficials(site),
  emblemMediaType: site.emblemMediaType,
  version: site.version,
  updatedAt: site.updatedAt.toISOString(),
  mayEdit: mayManage(official, site.provinceCode),
  minHeaderContrast: MIN_HEADER_CONTRAST,
});

/** GET /api/v1/province-site: the caller's (or the named) province's site. */
export const getProvinceSiteForOfficial = async (
  ctx: AppContext,
  actor: Actor,
  query: { province?: string | undefined },
): Promise<ProvinceSiteView> => {
  const { official, code } = authorizeSiteRead(actor, query.province);
  return describeSite(await loadSite(ctx, code), official);
};

export type BrandingInput = {
  province?: string | undefined;
  name: string;
  portalName: string;
  placeName: string;
  colourPrimary: string;
  colourAccent: string;
  contactPhone?: string | null | undefined;
  contactAddress?: string | null | undefined;
  expectedVersion: number;
};

const colourOrRefuse = (colour: string, field: string): string => {
  const normal = normalizeColour(colour);
  if (normal === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      {
        fieldProblems: [{ in: 'body', pointer: `/${field}`, code: 'colour', message: '#rrggbb' }],
      },
    );
  }
  return normal;
};

/** Only the fields that differ from the site as read (the event records what changed). */
const changedFields = (site: ProvinceSiteRecord, wanted: ProvinceSitePatch): ProvinceSitePatch =>
  Object.fromEntries(
    Object.entries(wanted).filter(([key, value]) => site[key as keyof ProvinceSiteRecord] !== value),
  ) as ProvinceSitePatch;

/**
 * PUT /api/v1/province-site: the province administrator sets the branding. The primary colour carries white text
 * in the portal's header and buttons, so a colour below MIN_HEADER_CONTRAST against white is refused (422). The
 * same values sent again write nothing.
 */
export const changeProvinceBranding = async (
  ctx: AppContext,
  actor: Actor,
  input: BrandingInput,
): Promise<ProvinceSiteView> => {
  const { official, code } = authorizeSiteWrite(actor, input.province);
  const colourPrimary = colourOrRefuse(input.colourPrimary, 'colourPrimary');
  const colourAccent = colourOrRefuse(input.colourAccent, 'colourAccent');
  const ratio = contrastRatio(colourPrimary, '#ffffff');
  if (ratio < MIN_HEADER_CONTRAST) {
    throw new AppError('COLOUR_CONTRAST_TOO_LOW', {
      colour: colourPrimary,
      ratio: Math.floor(ratio * 100) / 100,
      minimum: MIN_HEADER_CONTRAST,
    });
  }
  const site = await loadSite(ctx, code);
  if (site.version !== input.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { current: site.version, sent: input.expectedVersion });
  }
  const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  const patch = changedFields(site, {
    name: input.name.trim(),
    portalName: input.portalName.trim(),
    placeName: input.placeName.trim(),
    colourPrimary,
    colourAccent,
    contactPhone: blankToNull(input.contactPhone),
    contactAddress: blankToNull(input.contactAddress),
  });
  if (Object.keys(patch).length === 0) {
    return describeSite(site, official);
  }
  const changed = await commitProvinceSiteChange(ctx, {
    provinceCode: code,
    expectedVersion: input.expectedVersion,
    actorUserId: official.userId,
    action: 'branding_changed',
    patch,
  });
  return describeSite(changed, official);
};

/**
 * POST /api/v1/province-site/emblem: a PNG, JPEG or WebP of at most EMBLEM_MAX_BYTES (the type read from the bytes,
 * never the name), stored content-addressed like every upload; the site then points to it.
 */
export const replaceProvinceEmblem = async (
  ctx: AppContext,
  actor: Actor,
  input: { province?: string | undefined; expectedVersion: number; file: UploadedFile },
): Promise<ProvinceSiteView> => {
  const { official, code } = authorizeSiteWrite(actor, input.province);
  const site = await loadSite(ctx, code);
  if (site.version !== input.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { current: site.version, sent: input.expectedVersion });
  }
  const stored = await checkAndStoreFile(ctx, input.file, EMBLEM_FILE_TYPES);
  if (site.emblemSha256 === stored.sha256) {
    return describeSite(site, official);
  }
  const changed = await commitProvinceSiteChange(ctx, {
    provinceCode: code,
    expectedVersion: input.expectedVersion,
    actorUserId: official.userId,
    action: 'emblem_changed',
    patch: { emblemSha256: stored.sha256, emblemMediaType: stored.mediaType },
    payload: { fileName: stored.fileName, sizeBytes: stored.size },
  });
  return describeSite(changed, official);
};

/** DELETE /api/v1/province-site/emblem: back to the install's default mark (nothing to remove writes nothing). */
export const removeProvinceEmblem = async (
  ctx: AppContext,
  actor: Actor,
  input: { province?: string | undefined; expectedVersion: number },
): Promise<ProvinceSiteView> => {
  const { official, code } = authorizeSiteWrite(actor, input.province);
  const site = await loadSite(ctx, code);
  if (site.version !== input.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { current: site.version, sent: input.expectedVersion });
  }
  if (site.emblemSha256 === null) {
    return describeSite(site, official);
  }
  const changed = await commitProvinceSiteChange(ctx, {
    provinceCode: code,
    expectedVersion: input.expectedVersion,
    actorUserId: official.userId,
    action: 'emblem_changed',
    patch: { emblemSha256: null, emblemMediaType: null },
    payload: { removed: true },
  });
  return describeSite(changed, official);
};

/** A site's emblem as stored (its address doubles as the ETag). */
export type EmblemFile = { sha256: string; mediaType: string };

/** GET /api/v1/province-site/emblem: the emblem of the caller's (or the named) province, for the console. */
export const getProvinceEmblemForOfficial = async (
  ctx: AppContext,
  actor: Actor,
  query: { province?: string | undefined },
): Promise<EmblemFile> => {
  const { code } = authorizeSiteRead(actor, query.province);
  return emblemOf(await loadSite(ctx, code));
};

/** The emblem of a site, or 404 when it has none (the public route passes the request's site). */
export const emblemOf = (site: Pick<ProvinceSiteRecord, 'emblemSha256' | 'emblemMediaType'> | undefined) => {
  if (!site?.emblemSha256 || !site.emblemMediaType) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'biểu trưng', en: 'emblem' } });
  }
  return { sha256: site.emblemSha256, mediaType: site.emblemMediaType };
};
