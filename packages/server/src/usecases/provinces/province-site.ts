import { findProvinceSite, findProvinceSiteForHost, type ProvinceSiteRecord } from '@motcua/db';
import { normalizeHostName } from '@motcua/domain';
import type { AppContext } from '../../context.js';

/**
 * Which province a request is for, and how a province presents itself (issue 22 item 4). A site changes rarely
 * (a hosting-centre administrator adds a host name, a province administrator its colours), while every public
 * request asks: each process keeps what it read for SITE_CACHE_MS, so a change shows on every process within
 * that time. Nothing else is kept between requests.
 */
export const SITE_CACHE_MS = 5_000;
const CACHE_MAX = 1_000;

type Cached<T> = { value: T; until: number };
type SiteCaches = {
  byHost: Map<string, Cached<(ProvinceSiteRecord & { matchedHost: boolean }) | undefined>>;
  byProvince: Map<string, Cached<ProvinceSiteRecord | undefined>>;
};
/** Kept per database (a process serving one install has one; test files sharing a worker each have their own). */
let cachesByDatabase = new WeakMap<object, SiteCaches>();
const cachesOf = (ctx: AppContext): SiteCaches => {
  let caches = cachesByDatabase.get(ctx.db);
  if (!caches) {
    caches = { byHost: new Map(), byProvince: new Map() };
    cachesByDatabase.set(ctx.db, caches);
  }
  return caches;
};

const remember = <T>(cache: Map<string, Cached<T>>, key: string, value: T): T => {
  if (cache.size >= CACHE_MAX) {
    cache.clear();
  }
  cache.set(key, { value, until: Date.now() + SITE_CACHE_MS });
  return value;
};

/** Forget what this process read (after a write of a site here; other processes see it within SITE_CACHE_MS). */
export const forgetProvinceSites = (): void => {
  cachesByDatabase = new WeakMap();
};

/**
 * The site a request's Host header belongs to: the province owning the host name (`matchedHost`), else the
 * install's default site; undefined when the install serves no province yet.
 */
export const findRequestSite = async (
  ctx: AppContext,
  hostHeader: string | undefined,
): Promise<(ProvinceSiteRecord & { matchedHost: boolean }) | undefined> => {
  const host = normalizeHostName(hostHeader) ?? '';
  const { byHost } = cachesOf(ctx);
  const cached = byHost.get(host);
  if (cached && cached.until > Date.now()) {
    return cached.value;
  }
  return remember(byHost, host, await findProvinceSiteForHost(ctx.db, host));
};

/** A province's site, if the install serves it (cached as above). */
export const findSiteOfProvince = async (
  ctx: AppContext,
  provinceCode: string,
): Promise<ProvinceSiteRecord | undefined> => {
  const { byProvince } = cachesOf(ctx);
  const cached = byProvince.get(provinceCode);
  if (cached && cached.until > Date.now()) {
    return cached.value;
  }
  return remember(byProvince, provinceCode, await findProvinceSite(ctx.db, provinceCode));
};

/**
 * The public origin of a province: what its QR codes, e-mails, SIPAS invitations, PAKN answers and payment returns
 * point to. A province without an address of its own uses the install's MOTCUA_PUBLIC_URL.
 */
export const publicUrlOf = async (ctx: AppContext, provinceCode: string | null | undefined): Promise<string> => {
  const site = provinceCode ? await findSiteOfProvince(ctx, provinceCode) : undefined;
  return (site?.publicUrl ?? ctx.config.publicUrl).replace(/\/+$/, '');
};
