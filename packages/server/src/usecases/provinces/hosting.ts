import {
  findProvinceSite,
  listProvinceHostNames,
  listProvinceSiteEvents,
  listProvinceSites,
  type ProvinceSitePatch,
  type ProvinceSiteRecord,
} from '@motcua/db';
import type { Actor } from '../../auth/actor.js';
import { requireHostingAdmin } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { cutKeysetPage } from '../keyset-page.js';
import { commitProvinceSiteChange, type ProvinceSiteAction } from './change-site.js';
import { normalizeHostNames, normalizeSitePublicUrl } from './create-province.js';

/** The sites the install serves, one keyset page in province-code order (the hosting centre's list). */
export const listHostedProvinces = async (
  ctx: AppContext,
  actor: Actor,
  input: { after?: string | undefined; limit: number },
) => {
  requireHostingAdmin(actor);
  const rows = await listProvinceSites(ctx.db, { after: input.after, limit: input.limit + 1 });
  return cutKeysetPage(
    rows,
    input.limit,
    (row) => row,
    (row) => row.provinceCode,
  );
};

const getSite = async (ctx: AppContext, provinceCode: string): Promise<ProvinceSiteRecord> => {
  const site = await findProvinceSite(ctx.db, provinceCode);
  if (!site) {
    throw new AppError('PROVINCE_SITE_NOT_FOUND', { province: provinceCode.slice(0, 10) });
  }
  return site;
};

/** A site with its host names and its history (the hash-chained events, in order). */
export const getHostedProvince = async (ctx: AppContext, actor: Actor, provinceCode: string) => {
  requireHostingAdmin(actor);
  const site = await getSite(ctx, provinceCode);
  const [hosts, events] = await Promise.all([
    listProvinceHostNames(ctx.db, provinceCode),
    listProvinceSiteEvents(ctx.db, provinceCode),
  ]);
  return {
    ...site,
    hosts,
    events: events.map((event) => ({
      seq: event.seq,
      at: event.at,
      actorUserId: event.actorUserId,
      action: event.action,
      payload: event.payload,
      hash: event.hash,
    })),
  };
};

/**
 * The hosting centre changes a site's addresses (issue 22 item 4): host names added or removed, its public
 * address, whether it is the install's default site — each through changeProvinceSite, guarded by the version the
 * caller read (409 VERSION_CONFLICT). One change writes one event (the action of what it changes most: the
 * default, else the address, else the host names); a change that changes nothing writes nothing.
 */
export const changeHostedProvince = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    provinceCode: string;
    expectedVersion: number;
    addHosts?: readonly string[] | undefined;
    removeHosts?: readonly string[] | undefined;
    publicUrl?: string | null | undefined;
    isDefault?: true | undefined;
  },
) => {
  const official = requireHostingAdmin(actor);
  await getSite(ctx, input.provinceCode);
  const addHosts = normalizeHostNames(input.addHosts ?? []);
  const removeHosts = normalizeHostNames(input.removeHosts ?? []).filter((host) => !addHosts.includes(host));
  const patch: ProvinceSitePatch = {};
  if (input.publicUrl !== undefined) {
    patch.publicUrl = input.publicUrl === null ? null : normalizeSitePublicUrl(input.publicUrl);
  }
  if (input.isDefault === true) {
    patch.isDefault = true;
  }
  if (addHosts.length === 0 && removeHosts.length === 0 && Object.keys(patch).length === 0) {
    // Nothing to change: nothing is written (no event), the site is answered as it is.
    return getHostedProvince(ctx, actor, input.provinceCode);
  }
  const action: ProvinceSiteAction =
    patch.isDefault !== undefined
      ? 'default_changed'
      : patch.publicUrl !== undefined
        ? 'public_url_changed'
        : 'hosts_changed';
  await commitProvinceSiteChange(ctx, {
    provinceCode: input.provinceCode,
    expectedVersion: input.expectedVersion,
    actorUserId: official.userId,
    action,
    patch,
    addHosts,
    removeHosts,
  });
  return getHostedProvince(ctx, actor, input.provinceCode);
};
