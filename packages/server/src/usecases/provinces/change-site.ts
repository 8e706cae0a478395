import {
  type Database,
  deleteProvinceHosts,
  findProvinceSiteForUpdate,
  insertProvinceHosts,
  insertProvinceSiteEvent,
  type ProvinceSitePatch,
  type ProvinceSiteRecord,
  updateProvinceSite,
} from '@motcua/db';
import type { Transaction } from 'kysely';
import { computeChainHash } from '../../audit/chain-hash.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { forgetProvinceSites } from './province-site.js';

/** What a site's event records: its action and what changed (the payload is hashed with it). */
export type ProvinceSiteAction =
  | 'created'
  | 'branding_changed'
  | 'emblem_changed'
  | 'hosts_changed'
  | 'public_url_changed'
  | 'default_changed'
  | 'status_changed';

/** The fields of a site event its hash covers (everything but the database id and the hashes). */
export type HashedProvinceSiteEvent = {
  provinceCode: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  action: ProvinceSiteAction;
  payload: Record<string, unknown>;
};

export const computeProvinceSiteEventHash = (prevHash: string | null, event: HashedProvinceSiteEvent): string =>
  computeChainHash(prevHash, event);

/**
 * The one change path of a province site (issue 22 item 4), inside the caller's transaction: lock the row, check
 * the version the caller read (409 VERSION_CONFLICT), add or remove host names (409 HOST_NAME_TAKEN when another
 * province holds one), write the patch, append the hash-chained event (province_site_event) and its anchor, bump
 * the version. The creation of a site writes its row first (insertProvinceSiteIfMissing) and then calls this with
 * action 'created' and the version 1 it just wrote. Callers forget the process's site cache after commit
 * (forgetProvinceSites).
 */
export const changeProvinceSite = async (
  trx: Transaction<Database>,
  input: {
    provinceCode: string;
    expectedVersion: number;
    at: Date;
    actorUserId: string | null;
    action: ProvinceSiteAction;
    patch?: ProvinceSitePatch;
    addHosts?: readonly string[];
    removeHosts?: readonly string[];
    /** What the event records besides the patch and the host names (e.g. the emblem's file name). */
    payload?: Record<string, unknown>;
  },
): Promise<ProvinceSiteRecord> => {
  const row = await findProvinceSiteForUpdate(trx, input.provinceCode);
  if (!row) {
    throw new AppError('PROVINCE_SITE_NOT_FOUND', { province: input.provinceCode });
  }
  if (row.version !== input.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
  }
  const addHosts = [...new Set(input.addHosts ?? [])];
  const removeHosts = [...new Set(input.removeHosts ?? [])];
  const { taken } = await insertProvinceHosts(trx, input.provinceCode, addHosts);
  if (taken.length > 0) {
    throw new AppError('HOST_NAME_TAKEN', { hosts: taken.join(', ') });
  }
  await deleteProvinceHosts(trx, input.provinceCode, removeHosts);
  const patch = input.patch ?? {};
  const seq = row.eventCount + 1;
  const content: HashedProvinceSiteEvent = {
    provinceCode: input.provinceCode,
    seq,
    at: input.at,
    actorUserId: input.actorUserId,
    action: input.action,
    payload: {
      ...input.payload,
      ...(Object.keys(patch).length > 0 ? { changed: patch } : {}),
      ...(addHosts.length > 0 ? { addedHosts: addHosts } : {}),
      ...(removeHosts.length > 0 ? { removedHosts: removeHosts } : {}),
    },
  };
  const hash = computeProvinceSiteEventHash(row.lastEventHash, content);
  await insertProvinceSiteEvent(trx, { ...content, prevHash: row.lastEventHash, hash });
  const version = row.version + 1;
  await updateProvinceSite(trx, input.provinceCode, {
    ...patch,
    eventCount: seq,
    lastEventHash: hash,
    version,
    updatedAt: input.at,
  });
  const { eventCount: _count, lastEventHash: _hash, ...site } = row;
  return { ...site, ...patch, version, updatedAt: input.at, isDefault: patch.isDefault ?? site.isDefault };
};

/**
 * A change of a site by an official, committed on its own: changeProvinceSite in one transaction at the clock's
 * instant, then this process's site cache forgotten (other processes see it within SITE_CACHE_MS).
 */
export const commitProvinceSiteChange = async (
  ctx: AppContext,
  input: Omit<Parameters<typeof changeProvinceSite>[1], 'at'>,
): Promise<ProvinceSiteRecord> => {
  const changed = await ctx.db
    .transaction()
    .execute((trx) => changeProvinceSite(trx, { ...input, at: ctx.clock.now() }));
  forgetProvinceSites();
  return changed;
};
