import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { ProvinceSiteStatus } from './tables/province-sites.js';

type Db = Kysely<Database> | Transaction<Database>;

export type { ProvinceSiteStatus };

/** A province served by this install, as its requests, pages and documents read it (migration 0050). */
export type ProvinceSiteRecord = {
  provinceCode: string;
  name: string;
  portalName: string;
  placeName: string;
  publicUrl: string | null;
  colourPrimary: string;
  colourAccent: string;
  emblemSha256: string | null;
  emblemMediaType: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  isDefault: boolean;
  status: ProvinceSiteStatus;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

const siteColumns = [
  'provinceSite.provinceCode',
  'provinceSite.name',
  'provinceSite.portalName',
  'provinceSite.placeName',
  'provinceSite.publicUrl',
  'provinceSite.colourPrimary',
  'provinceSite.colourAccent',
  'provinceSite.emblemSha256',
  'provinceSite.emblemMediaType',
  'provinceSite.contactPhone',
  'provinceSite.contactAddress',
  'provinceSite.isDefault',
  'provinceSite.status',
  'provinceSite.createdAt',
  'provinceSite.updatedAt',
  'provinceSite.version',
] as const;

/** The site of a province; undefined when the install does not serve it. */
export const findProvinceSite = async (db: Db, provinceCode: string): Promise<ProvinceSiteRecord | undefined> =>
  db.selectFrom('provinceSite').select(siteColumns).where('provinceCode', '=', provinceCode).executeTakeFirst();

/**
 * The site a request's host name belongs to (the host as normalizeHostName gives it): the province that owns the
 * host name, else the install's default site (localhost, the install's own address); undefined when the install
 * serves no province yet. One statement, by primary key and a unique partial index.
 */
export const findProvinceSiteForHost = async (
  db: Db,
  hostName: string,
): Promise<(ProvinceSiteRecord & { matchedHost: boolean }) | undefined> =>
  db
    .selectFrom('provinceSite')
    .leftJoin('provinceHost', (join) =>
      join
        .onRef('provinceHost.provinceCode', '=', 'provinceSite.provinceCode')
        .on('provinceHost.hostName', '=', hostName),
    )
    .select(siteColumns)
    .select(sql<boolean>`province_host.host_name is not null`.as('matchedHost'))
    .where((eb) =>
      eb.or([
        eb(
          'provinceSite.provinceCode',
          '=',
          eb.selectFrom('provinceHost').select('provinceCode').where('hostName', '=', hostName),
        ),
        eb('provinceSite.isDefault', '=', true),
      ]),
    )
    .orderBy(sql`province_host.host_name is not null`, 'desc')
    .limit(1)
    .executeTakeFirst();

/** The host names of a province, alphabetical (a province has a handful). */
export const listProvinceHostNames = async (db: Db, provinceCode: string): Promise<string[]> =>
  (
    await db
      .selectFrom('provinceHost')
      .select('hostName')
      .where('provinceCode', '=', provinceCode)
      .orderBy('hostName')
      .limit(50)
      .execute()
  ).map((row) => row.hostName);

/** The sites of the install in province-code order, one keyset page (after = the last code of the page before). */
export const listProvinceSites = async (
  db: Db,
  page: { after?: string | undefined; limit: number },
): Promise<ProvinceSiteRecord[]> => {
  let query = db.selectFrom('provinceSite').select(siteColumns).orderBy('provinceSite.provinceCode').limit(page.limit);
  if (page.after !== undefined) {
    query = query.where('provinceSite.provinceCode', '>', page.after);
  }
  return query.execute();
};

export type NewProvinceSite = {
  provinceCode: string;
  name: string;
  placeName: string;
  portalName?: string | undefined;
  publicUrl?: string | null | undefined;
  isDefault?: boolean | undefined;
  createdBy?: string | null | undefined;
};

/**
 * Inserts a province's site unless it exists (the demo seed, tests, an install's first province); answers whether it
 * inserted. The default flag is taken only when no other site holds it.
 */
export const insertProvinceSiteIfMissing = async (db: Db, site: NewProvinceSite): Promise<boolean> => {
  const wantsDefault =
    site.isDefault === true &&
    (await db.selectFrom('provinceSite').select('provinceCode').where('isDefault', '=', true).executeTakeFirst()) ===
      undefined;
  const inserted = await db
    .insertInto('provinceSite')
    .values({
      provinceCode: site.provinceCode,
      name: site.name,
      placeName: site.placeName,
      ...(site.portalName !== undefined ? { portalName: site.portalName } : {}),
      publicUrl: site.publicUrl ?? null,
      isDefault: wantsDefault,
      createdBy: site.createdBy ?? null,
    })
    .onConflict((oc) => oc.column('provinceCode').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
};

/** The fields of a site a change may set (the hosting centre: public address, default; the province: branding). */
export type ProvinceSitePatch = Partial<
  Pick<
    ProvinceSiteRecord,
    | 'name'
    | 'portalName'
    | 'placeName'
    | 'publicUrl'
    | 'colourPrimary'
    | 'colourAccent'
    | 'emblemSha256'
    | 'emblemMediaType'
    | 'contactPhone'
    | 'contactAddress'
    | 'isDefault'
    | 'status'
  >
>;

/** A site row locked for a change, with its history's anchor. */
export const findProvinceSiteForUpdate = async (trx: Transaction<Database>, provinceCode: string) =>
  trx
    .selectFrom('provinceSite')
    .select([...siteColumns, 'provinceSite.eventCount', 'provinceSite.lastEventHash'])
    .where('provinceCode', '=', provinceCode)
    .forUpdate()
    .executeTakeFirst();

/** Writes a change of a locked site with its new anchor and version (the caller checked the version it read). */
export const updateProvinceSite = async (
  trx: Transaction<Database>,
  provinceCode: string,
  change: ProvinceSitePatch & { eventCount: number; lastEventHash: string; version: number; updatedAt: Date },
): Promise<void> => {
  if (change.isDefault === true) {
    await trx
      .updateTable('provinceSite')
      .set({ isDefault: false })
      .where('isDefault', '=', true)
      .where('provinceCode', '<>', provinceCode)
      .execute();
  }
  await trx.updateTable('provinceSite').set(change).where('provinceCode', '=', provinceCode).execute();
};

export type ProvinceSiteEventRow = {
  provinceCode: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  action: string;
  payload: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
};

export const insertProvinceSiteEvent = async (trx: Transaction<Database>, event: ProvinceSiteEventRow) => {
  await trx
    .insertInto('provinceSiteEvent')
    .values({ ...event, payload: JSON.stringify(event.payload) })
    .execute();
};

/** The history of a site, in order (tens of events), for `audit verify` and the hosting centre's page. */
export const listProvinceSiteEvents = async (db: Db, provinceCode: string): Promise<ProvinceSiteEventRow[]> =>
  db
    .selectFrom('provinceSiteEvent')
    .select(['provinceCode', 'seq', 'at', 'actorUserId', 'action', 'payload', 'prevHash', 'hash'])
    .where('provinceCode', '=', provinceCode)
    .orderBy('seq')
    .limit(10_000)
    .execute();

/** Adds host names to a province; answers the names another province already holds (nothing is written then). */
export const insertProvinceHosts = async (
  trx: Transaction<Database>,
  provinceCode: string,
  hostNames: readonly string[],
): Promise<{ taken: string[] }> => {
  if (hostNames.length === 0) {
    return { taken: [] };
  }
  const held = await trx
    .selectFrom('provinceHost')
    .select(['hostName', 'provinceCode'])
    .where('hostName', 'in', [...hostNames])
    .execute();
  const taken = held.filter((row) => row.provinceCode !== provinceCode).map((row) => row.hostName);
  if (taken.length > 0) {
    return { taken };
  }
  await trx
    .insertInto('provinceHost')
    .values(hostNames.map((hostName) => ({ hostName, provinceCode })))
    .onConflict((oc) => oc.column('hostName').doNothing())
    .execute();
  return { taken: [] };
};

export const deleteProvinceHosts = async (
  trx: Transaction<Database>,
  provinceCode: string,
  hostNames: readonly string[],
): Promise<void> => {
  if (hostNames.length > 0) {
    await trx
      .deleteFrom('provinceHost')
      .where('provinceCode', '=', provinceCode)
      .where('hostName', 'in', [...hostNames])
      .execute();
  }
};

/** The anchors of the sites' histories, one keyset page in code order (`audit verify`). */
export const listProvinceSiteAnchors = async (
  db: Db,
  page: { after?: string | undefined; limit: number },
): Promise<{ code: string; eventCount: number; lastEventHash: string | null }[]> => {
  let query = db
    .selectFrom('provinceSite')
    .select(['provinceCode as code', 'eventCount', 'lastEventHash'])
    .orderBy('provinceCode')
    .limit(page.limit);
  if (page.after !== undefined) {
    query = query.where('provinceCode', '>', page.after);
  }
  return query.execute();
};

/** A site's events with their row ids, in order (`audit verify` names a tampered row by its id). */
export const listProvinceSiteEventsForAudit = async (
  db: Db,
  provinceCode: string,
): Promise<(ProvinceSiteEventRow & { id: number })[]> =>
  db
    .selectFrom('provinceSiteEvent')
    .select(['id', 'provinceCode', 'seq', 'at', 'actorUserId', 'action', 'payload', 'prevHash', 'hash'])
    .where('provinceCode', '=', provinceCode)
    .orderBy('seq')
    .orderBy('id')
    .limit(10_000)
    .execute();
