import type { PortalContentKind, PortalContentStatus } from '@motcua/domain';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from './schema.js';
import { containsFilter, similarFilter } from './search.js';
import type {
  PortalArticleTable,
  PortalArticleVersionTable,
  PortalCategoryTable,
  PortalMenuItemTable,
} from './tables/portal-content.js';

/**
 * The portal's news and pages (migration 0048): the console's list (portal_article_console_idx), the public list
 * newest first (portal_article_public_idx, portal_article_category_idx), one item by slug, accent-insensitive
 * search on the folded search column (portal_article_search_idx), the append-only versions and the menu. Every
 * public read filters `status = 'published' and publish_at <= now`, with `now` passed in (the clock of the caller).
 */

type Db = Kysely<Database> | Transaction<Database>;

export type PortalCategoryRecord = Selectable<PortalCategoryTable>;
export type PortalArticleRecord = Selectable<PortalArticleTable>;
export type PortalArticleVersionRecord = Selectable<PortalArticleVersionTable>;
export type PortalMenuItemRecord = Selectable<PortalMenuItemTable>;
export type NewPortalArticle = Omit<Insertable<PortalArticleTable>, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** A keyset position: the last row's ordering instant and id. */
export type PortalKeyset = { at: Date; id: string };

/** At most this many rows for one list page, versions or menu. */
export const PORTAL_LIST_CAP = 100;

export const listPortalCategories = async (db: Db, provinceCode: string): Promise<PortalCategoryRecord[]> =>
  db
    .selectFrom('portalCategory')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .orderBy('position')
    .orderBy('slug')
    .limit(PORTAL_LIST_CAP)
    .execute();

export const findPortalCategory = async (db: Db, id: string): Promise<PortalCategoryRecord | undefined> =>
  db.selectFrom('portalCategory').selectAll().where('id', '=', id).executeTakeFirst();

export const findPortalCategoryBySlug = async (
  db: Db,
  provinceCode: string,
  slug: string,
): Promise<PortalCategoryRecord | undefined> =>
  db
    .selectFrom('portalCategory')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('slug', '=', slug)
    .executeTakeFirst();

/** Adds a category, or keeps the existing one of that slug (the seed and the tests). */
export const upsertPortalCategory = async (db: Db, row: Insertable<PortalCategoryTable>) =>
  db
    .insertInto('portalCategory')
    .values(row)
    .onConflict((oc) => oc.columns(['provinceCode', 'slug']).doUpdateSet({ name: row.name }))
    .returningAll()
    .executeTakeFirstOrThrow();

export const insertPortalArticle = async (trx: Transaction<Database>, row: NewPortalArticle) =>
  trx.insertInto('portalArticle').values(row).returningAll().executeTakeFirstOrThrow();

export const findPortalArticle = async (db: Db, id: string): Promise<PortalArticleRecord | undefined> =>
  db.selectFrom('portalArticle').selectAll().where('id', '=', id).executeTakeFirst();

export const findPortalArticleForUpdate = async (
  trx: Transaction<Database>,
  id: string,
): Promise<PortalArticleRecord | undefined> =>
  trx.selectFrom('portalArticle').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Whether another item of the province and kind already uses the slug. */
export const isPortalSlugTaken = async (
  db: Db,
  input: { provinceCode: string; kind: PortalContentKind; slug: string; exceptId?: string | undefined },
): Promise<boolean> => {
  let query = db
    .selectFrom('portalArticle')
    .select('id')
    .where('provinceCode', '=', input.provinceCode)
    .where('kind', '=', input.kind)
    .where('slug', '=', input.slug);
  if (input.exceptId !== undefined) {
    query = query.where('id', '<>', input.exceptId);
  }
  return (await query.executeTakeFirst()) !== undefined;
};

/** Writes a change when the row is still at the version the caller saw; answers the new row or nothing. */
export const updatePortalArticleGuarded = async (
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<PortalArticleTable>, 'id' | 'version' | 'provinceCode' | 'kind' | 'authorUserId'>,
): Promise<PortalArticleRecord | undefined> =>
  trx
    .updateTable('portalArticle')
    .set({ ...changes, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();

export const insertPortalArticleVersion = async (
  trx: Transaction<Database>,
  row: Insertable<PortalArticleVersionTable>,
): Promise<void> => {
  await trx.insertInto('portalArticleVersion').values(row).execute();
};

/** The versions of an item, newest first, with the saver's name (capped). */
export const listPortalArticleVersions = async (db: Db, articleId: string) =>
  db
    .selectFrom('portalArticleVersion as v')
    .innerJoin('appUser as u', 'u.id', 'v.savedBy')
    .select(['v.version', 'v.title', 'v.status', 'v.savedAt', 'v.note', 'v.savedBy', 'u.fullName as savedByName'])
    .where('v.articleId', '=', articleId)
    .orderBy('v.version', 'desc')
    .limit(PORTAL_LIST_CAP)
    .execute();

export const findPortalArticleVersion = async (
  db: Db,
  articleId: string,
  version: number,
): Promise<PortalArticleVersionRecord | undefined> =>
  db
    .selectFrom('portalArticleVersion')
    .selectAll()
    .where('articleId', '=', articleId)
    .where('version', '=', version)
    .executeTakeFirst();

/** The console's list of a province: most recently changed first, optionally one author's only. */
export const listConsolePortalArticles = async (
  db: Db,
  input: {
    provinceCode: string;
    kind?: PortalContentKind | undefined;
    status?: PortalContentStatus | undefined;
    authorUserId?: string | undefined;
    after?: PortalKeyset | undefined;
    limit: number;
  },
) => {
  let query = db
    .selectFrom('portalArticle as a')
    .innerJoin('appUser as u', 'u.id', 'a.authorUserId')
    .leftJoin('portalCategory as c', 'c.id', 'a.categoryId')
    .select([
      'a.id',
      'a.kind',
      'a.slug',
      'a.title',
      'a.status',
      'a.publishAt',
      'a.updatedAt',
      'a.version',
      'a.authorUserId',
      'u.fullName as authorName',
      'c.name as categoryName',
    ])
    .where('a.provinceCode', '=', input.provinceCode);
  if (input.kind !== undefined) {
    query = query.where('a.kind', '=', input.kind);
  }
  if (input.status !== undefined) {
    query = query.where('a.status', '=', input.status);
  }
  if (input.authorUserId !== undefined) {
    query = query.where('a.authorUserId', '=', input.authorUserId);
  }
  if (input.after !== undefined) {
    const after = input.after;
    query = query.where((eb) =>
      eb.or([eb('a.updatedAt', '<', after.at), eb.and([eb('a.updatedAt', '=', after.at), eb('a.id', '<', after.id)])]),
    );
  }
  return query
    .orderBy('a.updatedAt', 'desc')
    .orderBy('a.id', 'desc')
    .limit(Math.min(input.limit, PORTAL_LIST_CAP))
    .execute();
};

const PUBLIC_COLUMNS = [
  'a.id',
  'a.kind',
  'a.slug',
  'a.title',
  'a.summary',
  'a.publishAt',
  'a.updatedAt',
  'a.isDemo',
  'c.slug as categorySlug',
  'c.name as categoryName',
] as const;

/** Published articles visible at `now`, newest first; one category's when given. */
export const listPublicPortalArticles = async (
  db: Db,
  input: {
    provinceCode: string;
    categoryId?: string | undefined;
    now: Date;
    after?: PortalKeyset | undefined;
    limit: number;
  },
) => {
  let query = db
    .selectFrom('portalArticle as a')
    .leftJoin('portalCategory as c', 'c.id', 'a.categoryId')
    .select(PUBLIC_COLUMNS)
    .where('a.provinceCode', '=', input.provinceCode)
    .where('a.kind', '=', 'article')
    .where('a.status', '=', 'published')
    .where('a.publishAt', '<=', input.now);
  if (input.categoryId !== undefined) {
    query = query.where('a.categoryId', '=', input.categoryId);
  }
  if (input.after !== undefined) {
    const after = input.after;
    query = query.where((eb) =>
      eb.or([eb('a.publishAt', '<', after.at), eb.and([eb('a.publishAt', '=', after.at), eb('a.id', '<', after.id)])]),
    );
  }
  return query
    .orderBy('a.publishAt', 'desc')
    .orderBy('a.id', 'desc')
    .limit(Math.min(input.limit, PORTAL_LIST_CAP))
    .execute();
};

/** One published article or page visible at `now`, by its slug, with its body. */
export const findPublicPortalItem = async (
  db: Db,
  input: { provinceCode: string; kind: PortalContentKind; slug: string; now: Date },
) =>
  db
    .selectFrom('portalArticle as a')
    .leftJoin('portalCategory as c', 'c.id', 'a.categoryId')
    .select([...PUBLIC_COLUMNS, 'a.bodyHtml'])
    .where('a.provinceCode', '=', input.provinceCode)
    .where('a.kind', '=', input.kind)
    .where('a.slug', '=', input.slug)
    .where('a.status', '=', 'published')
    .where('a.publishAt', '<=', input.now)
    .executeTakeFirst();

/**
 * Accent-insensitive search of the published articles and pages visible at `now`: first those whose folded text
 * contains the folded query; only when none does, those with similar words (trigrams). Newest first.
 */
export const searchPublicPortalItems = async (
  db: Db,
  input: { provinceCode: string; folded: string; now: Date; limit: number },
) => {
  const base = () =>
    db
      .selectFrom('portalArticle as a')
      .leftJoin('portalCategory as c', 'c.id', 'a.categoryId')
      .select(PUBLIC_COLUMNS)
      .where('a.provinceCode', '=', input.provinceCode)
      .where('a.status', '=', 'published')
      .where('a.publishAt', '<=', input.now)
      .orderBy('a.publishAt', 'desc')
      .orderBy('a.id', 'desc')
      .limit(Math.min(input.limit, PORTAL_LIST_CAP));
  const contains = await base().where(containsFilter('a.searchText', input.folded)).execute();
  if (contains.length > 0) {
    return contains;
  }
  return base().where(similarFilter('a.searchText', input.folded)).execute();
};

/** What the sitemap and RSS list: every published item visible at `now` (capped at 5 000, newest first). */
export const listPublicPortalSitemap = async (db: Db, input: { provinceCode: string; now: Date }) =>
  db
    .selectFrom('portalArticle as a')
    .select(['a.kind', 'a.slug', 'a.updatedAt', 'a.publishAt'])
    .where('a.provinceCode', '=', input.provinceCode)
    .where('a.status', '=', 'published')
    .where('a.publishAt', '<=', input.now)
    .orderBy('a.publishAt', 'desc')
    .orderBy('a.id', 'desc')
    .limit(5000)
    .execute();

export const listPortalMenu = async (db: Db, provinceCode: string): Promise<PortalMenuItemRecord[]> =>
  db
    .selectFrom('portalMenuItem')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .orderBy('position')
    .limit(PORTAL_LIST_CAP)
    .execute();

/** The version of the province's menu: 0 when it was never saved. */
export const findPortalMenuVersion = async (db: Db, provinceCode: string): Promise<number> => {
  const row = await db
    .selectFrom('portalMenuState')
    .select('version')
    .where('provinceCode', '=', provinceCode)
    .executeTakeFirst();
  return row?.version ?? 0;
};

/**
 * Moves the province's menu version on by one when it still is `expected` (the row is locked until the
 * transaction ends, so of two saves at the same version only one passes). Returns the new version, or nothing
 * when the menu was changed meanwhile.
 */
export const advancePortalMenuVersion = async (
  trx: Transaction<Database>,
  provinceCode: string,
  expected: number,
  now: Date,
): Promise<number | undefined> => {
  await trx
    .insertInto('portalMenuState')
    .values({ provinceCode, version: 0, updatedAt: now })
    .onConflict((oc) => oc.column('provinceCode').doNothing())
    .execute();
  const row = await trx
    .updateTable('portalMenuState')
    .set({ version: sql<number>`version + 1`, updatedAt: now })
    .where('provinceCode', '=', provinceCode)
    .where('version', '=', expected)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
};

/** Replaces the province's menu with the given items, in order. */
export const replacePortalMenu = async (
  trx: Transaction<Database>,
  provinceCode: string,
  items: Omit<Insertable<PortalMenuItemTable>, 'id' | 'provinceCode' | 'position'>[],
): Promise<void> => {
  await trx.deleteFrom('portalMenuItem').where('provinceCode', '=', provinceCode).execute();
  if (items.length > 0) {
    await trx
      .insertInto('portalMenuItem')
      .values(items.map((item, index) => ({ ...item, provinceCode, position: index + 1 })))
      .execute();
  }
};

/** The procedures in force of the national catalog and the province's own, for the sitemap (capped at 5 000). */
export const listSitemapProcedures = async (
  db: Db,
  provinceCode: string,
): Promise<{ catalog: string; code: string }[]> =>
  db
    .selectFrom('procedure')
    .select(['catalog', 'code'])
    .where('catalog', 'in', ['national', provinceCode])
    .where('status', '=', 'active')
    .orderBy('catalog')
    .orderBy('code')
    .limit(5000)
    .execute();

/** Marks items as demo content (the seed): the public pages label them "Dữ liệu minh họa". */
export const markPortalArticlesDemo = async (db: Db, ids: string[]): Promise<void> => {
  if (ids.length > 0) {
    await db.updateTable('portalArticle').set({ isDemo: true }).where('id', 'in', ids).execute();
  }
};
