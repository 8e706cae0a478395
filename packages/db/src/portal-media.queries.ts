import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { PortalAttachmentTable, PortalImageTable, PortalImageVariantJson } from './tables/portal-media.js';

/**
 * Images and attachments of the portal's news (migration 0056): an image by its address (the original's SHA-256)
 * in a province, an article's live attachments in order (portal_attachment_article_idx), one attachment of a
 * published article visible at `now` for the public route.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type PortalImageRecord = Selectable<PortalImageTable>;
export type PortalAttachmentRecord = Selectable<PortalAttachmentTable>;

/** At most this many attachments on one article. */
export const PORTAL_ATTACHMENT_CAP = 50;

/** Records an image, or keeps the row already there (the same bytes uploaded again in the province). */
export const insertPortalImageIfMissing = async (
  db: Db,
  row: Omit<Insertable<PortalImageTable>, 'variants' | 'createdAt'> & { variants: PortalImageVariantJson[] },
): Promise<PortalImageRecord> => {
  await db
    .insertInto('portalImage')
    .values({ ...row, variants: JSON.stringify(row.variants) })
    .onConflict((oc) => oc.columns(['provinceCode', 'sha256']).doNothing())
    .execute();
  return db
    .selectFrom('portalImage')
    .selectAll()
    .where('provinceCode', '=', row.provinceCode)
    .where('sha256', '=', row.sha256)
    .executeTakeFirstOrThrow();
};

/** An image by its address; of that province only when one is given (the request's site). */
export const findPortalImage = async (
  db: Db,
  input: { sha256: string; provinceCode: string | undefined },
): Promise<PortalImageRecord | undefined> => {
  let query = db.selectFrom('portalImage').selectAll().where('sha256', '=', input.sha256);
  if (input.provinceCode !== undefined) {
    query = query.where('provinceCode', '=', input.provinceCode);
  }
  return query.orderBy('provinceCode').limit(1).executeTakeFirst();
};

/** An article's live attachments, in order. */
export const listPortalAttachments = async (db: Db, articleId: string): Promise<PortalAttachmentRecord[]> =>
  db
    .selectFrom('portalAttachment')
    .selectAll()
    .where('articleId', '=', articleId)
    .where('removedAt', 'is', null)
    .orderBy('position')
    .limit(PORTAL_ATTACHMENT_CAP)
    .execute();

export const findPortalAttachment = async (
  db: Db,
  articleId: string,
  position: number,
): Promise<PortalAttachmentRecord | undefined> =>
  db
    .selectFrom('portalAttachment')
    .selectAll()
    .where('articleId', '=', articleId)
    .where('position', '=', position)
    .where('removedAt', 'is', null)
    .executeTakeFirst();

/** The live attachment of these bytes on the article, if any (an upload retried answers the first). */
export const findPortalAttachmentByFile = async (
  db: Db,
  articleId: string,
  fileSha256: string,
): Promise<PortalAttachmentRecord | undefined> =>
  db
    .selectFrom('portalAttachment')
    .selectAll()
    .where('articleId', '=', articleId)
    .where('fileSha256', '=', fileSha256)
    .where('removedAt', 'is', null)
    .executeTakeFirst();

/** How many live attachments the article has. */
export const countPortalAttachments = async (db: Db, articleId: string): Promise<number> => {
  const row = await db
    .selectFrom('portalAttachment')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('articleId', '=', articleId)
    .where('removedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
};

/**
 * Adds an attachment at the next position never used on the article (removed ones count). Call it with the
 * article's row locked (findPortalArticleForUpdate), so two uploads do not take the same position.
 */
export const insertPortalAttachment = async (
  trx: Transaction<Database>,
  row: Omit<Insertable<PortalAttachmentTable>, 'position' | 'createdAt' | 'removedAt' | 'removedBy'>,
): Promise<PortalAttachmentRecord> => {
  const last = await trx
    .selectFrom('portalAttachment')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('articleId', '=', row.articleId)
    .executeTakeFirst();
  return trx
    .insertInto('portalAttachment')
    .values({ ...row, position: (last?.position ?? 0) + 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
};

/** Removes a live attachment (its row stays, its position is never reused); false when none was live. */
export const removePortalAttachment = async (
  trx: Transaction<Database>,
  input: { articleId: string; position: number; removedBy: string; at: Date },
): Promise<boolean> => {
  const result = await trx
    .updateTable('portalAttachment')
    .set({ removedAt: input.at, removedBy: input.removedBy })
    .where('articleId', '=', input.articleId)
    .where('position', '=', input.position)
    .where('removedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/**
 * One live attachment of an article that the public may read: published, visible at `now`, of the province when
 * one is given.
 */
export const findPublicPortalAttachment = async (
  db: Db,
  input: { articleId: string; position: number; provinceCode: string | undefined; now: Date },
): Promise<PortalAttachmentRecord | undefined> => {
  let query = db
    .selectFrom('portalAttachment as f')
    .innerJoin('portalArticle as a', 'a.id', 'f.articleId')
    .selectAll('f')
    .where('f.articleId', '=', input.articleId)
    .where('f.position', '=', input.position)
    .where('f.removedAt', 'is', null)
    .where('a.status', '=', 'published')
    .where('a.publishAt', '<=', input.now);
  if (input.provinceCode !== undefined) {
    query = query.where('a.provinceCode', '=', input.provinceCode);
  }
  return query.executeTakeFirst();
};
