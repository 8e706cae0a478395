import {
  advancePortalMenuVersion,
  type Database,
  findPortalArticle,
  findPortalArticleForUpdate,
  findPortalArticleVersion,
  findPortalCategory,
  findPortalMenuVersion,
  insertPortalArticle,
  insertPortalArticleVersion,
  isPortalSlugTaken,
  listConsolePortalArticles,
  listPortalArticleVersions,
  listPortalAttachments,
  listPortalCategories,
  listPortalMenu,
  type PortalArticleRecord,
  replacePortalMenu,
  updatePortalArticleGuarded,
} from '@motcua/db';
import {
  availablePortalContentActions,
  buildPortalSearchText,
  decidePortalContentAction,
  isAllowed,
  PORTAL_CONTENT_ACTION_LABELS,
  PORTAL_CONTENT_STATUS_LABELS,
  type PortalContentAction,
  type PortalContentKind,
  type PortalContentStatus,
  type PortalMenuTargetKind,
  slugifyVietnamese,
} from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Actor, OfficialActor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { describeAttachment } from './attachment-view.js';
import { countImagesWithoutAlt, sanitizeArticleBody } from './sanitize-body.js';

const ITEM = { vi: 'bài viết', en: 'portal item' };

/** What the console knows about the caller: her province and whether she is an editor there. */
export type PortalWriter = { official: OfficialActor; provinceCode: string; isEditor: boolean };

/** The caller must hold portal.write in her province (authors and editors); 403 otherwise. */
export const requirePortalWriter = (actor: Actor): PortalWriter => {
  const official = requireOfficial(actor);
  const provinceCode = official.provinceCode;
  if (provinceCode === null || !isAllowed(official.grants, 'portal.write', { kind: 'province', provinceCode })) {
    throw new AppError('FORBIDDEN');
  }
  return {
    official,
    provinceCode,
    isEditor: isAllowed(official.grants, 'portal.publish', { kind: 'province', provinceCode }),
  };
};

/**
 * An item the caller may see: an editor sees every item of her province, an author only her own. Anything else
 * answers 404 as if it did not exist (another province's items, another author's drafts).
 */
export const loadVisibleItem = (writer: PortalWriter, row: PortalArticleRecord | undefined): PortalArticleRecord => {
  if (
    row === undefined ||
    row.provinceCode !== writer.provinceCode ||
    (!writer.isEditor && row.authorUserId !== writer.official.userId)
  ) {
    throw new AppError('NOT_FOUND', { resource: ITEM });
  }
  return row;
};

export const factsOf = (writer: PortalWriter, row: { status: PortalContentStatus; authorUserId: string }) => ({
  status: row.status,
  isAuthor: row.authorUserId === writer.official.userId,
  isEditor: writer.isEditor,
});

/** The categories of the caller's province and what she may do (the console's first read). */
export const describePortalContentOptions = async (ctx: AppContext, actor: Actor) => {
  const writer = requirePortalWriter(actor);
  const categories = await listPortalCategories(ctx.db, writer.provinceCode);
  return {
    provinceCode: writer.provinceCode,
    mayPublish: writer.isEditor,
    categories: categories.map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
  };
};

/** The console's list: an editor's whole province, an author's own items; most recently changed first. */
export const listPortalContent = async (
  ctx: AppContext,
  actor: Actor,
  query: {
    kind?: PortalContentKind | undefined;
    status?: PortalContentStatus | undefined;
    after?: string | undefined;
    limit?: number | undefined;
  },
) => {
  const writer = requirePortalWriter(actor);
  const limit = query.limit ?? 30;
  const rows = await listConsolePortalArticles(ctx.db, {
    provinceCode: writer.provinceCode,
    kind: query.kind,
    status: query.status,
    authorUserId: writer.isEditor ? undefined : writer.official.userId,
    after: decodeCursor(query.after),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      slug: row.slug,
      title: row.title,
      status: row.status,
      statusLabel: PORTAL_CONTENT_STATUS_LABELS[row.status],
      publishAt: row.publishAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
      authorName: row.authorName,
      categoryName: row.categoryName,
      version: row.version,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
};

export const encodeCursor = (at: Date, id: string): string =>
  Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');

export const decodeCursor = (cursor: string | undefined): { at: Date; id: string } | undefined => {
  if (cursor === undefined) {
    return undefined;
  }
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (id === undefined || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('BAD_REQUEST');
  }
  return { at: date, id };
};

const presentItem = async (ctx: AppContext, writer: PortalWriter, row: PortalArticleRecord) => {
  const [versions, attachments] = await Promise.all([
    listPortalArticleVersions(ctx.db, row.id),
    listPortalAttachments(ctx.db, row.id),
  ]);
  return {
    id: row.id,
    kind: row.kind,
    categoryId: row.categoryId,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.bodyHtml,
    status: row.status,
    statusLabel: PORTAL_CONTENT_STATUS_LABELS[row.status],
    publishAt: row.publishAt?.toISOString() ?? null,
    reviewNote: row.reviewNote,
    authorUserId: row.authorUserId,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    actions: availablePortalContentActions(factsOf(writer, row)).map((action) => ({
      action,
      label: PORTAL_CONTENT_ACTION_LABELS[action],
    })),
    versions: versions.map((v) => ({
      version: v.version,
      title: v.title,
      status: v.status,
      statusLabel: PORTAL_CONTENT_STATUS_LABELS[v.status],
      savedAt: v.savedAt.toISOString(),
      savedByName: v.savedByName,
      note: v.note,
    })),
    attachments: attachments.map(describeAttachment),
  };
};

export const getPortalContent = async (ctx: AppContext, actor: Actor, id: string) => {
  const writer = requirePortalWriter(actor);
  const row = loadVisibleItem(writer, await findPortalArticle(ctx.db, id));
  return presentItem(ctx, writer, row);
};

/** One older version of an item, to show it before restoring it. */
export const getPortalContentVersion = async (ctx: AppContext, actor: Actor, id: string, version: number) => {
  const writer = requirePortalWriter(actor);
  loadVisibleItem(writer, await findPortalArticle(ctx.db, id));
  const found = await findPortalArticleVersion(ctx.db, id, version);
  if (!found) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'phiên bản', en: 'version' } });
  }
  return {
    version: found.version,
    title: found.title,
    summary: found.summary,
    bodyHtml: found.bodyHtml,
    categoryId: found.categoryId,
    slug: found.slug,
    status: found.status,
    savedAt: found.savedAt.toISOString(),
    note: found.note,
  };
};

export type PortalContentFields = {
  title: string;
  summary?: string | undefined;
  bodyHtml: string;
  categoryId?: string | null | undefined;
  slug?: string | undefined;
};

/** Checks and cleans the fields: the body sanitised, images with alt text, the category of the province. */
const cleanFields = async (
  db: Kysely<Database> | Transaction<Database>,
  writer: PortalWriter,
  kind: PortalContentKind,
  fields: PortalContentFields,
  exceptId: string | undefined,
) => {
  const missingAlt = countImagesWithoutAlt(fields.bodyHtml);
  if (missingAlt > 0) {
    throw new AppError('PORTAL_IMAGE_ALT_REQUIRED', { count: missingAlt });
  }
  const categoryId = kind === 'article' ? (fields.categoryId ?? null) : null;
  if (kind === 'article') {
    const category = categoryId === null ? undefined : await findPortalCategory(db, categoryId);
    if (category?.provinceCode !== writer.provinceCode) {
      throw new AppError('PORTAL_CATEGORY_INVALID');
    }
  } else if (fields.categoryId) {
    throw new AppError('PORTAL_CATEGORY_INVALID');
  }
  const slug = fields.slug ?? slugifyVietnamese(fields.title);
  if (await isPortalSlugTaken(db, { provinceCode: writer.provinceCode, kind, slug, exceptId })) {
    throw new AppError('PORTAL_SLUG_TAKEN', { slug });
  }
  const bodyHtml = sanitizeArticleBody(fields.bodyHtml);
  const title = fields.title.normalize('NFC').trim();
  const summary = (fields.summary ?? '').normalize('NFC').trim();
  return {
    title,
    summary,
    bodyHtml,
    categoryId,
    slug,
    searchText: buildPortalSearchText({ title, summary, bodyHtml }),
  };
};

const keepVersion = async (
  trx: Transaction<Database>,
  row: PortalArticleRecord,
  savedBy: string,
  note: string | null,
): Promise<void> =>
  insertPortalArticleVersion(trx, {
    articleId: row.id,
    version: row.version,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.bodyHtml,
    categoryId: row.categoryId,
    slug: row.slug,
    status: row.status,
    savedBy,
    note,
  });

/** Drafts an article (an author or editor) or a static page (an editor: pages are the portal's own). */
export const createPortalContent = async (
  ctx: AppContext,
  actor: Actor,
  input: PortalContentFields & { kind: PortalContentKind },
) => {
  const writer = requirePortalWriter(actor);
  if (input.kind === 'page' && !writer.isEditor) {
    throw new AppError('PORTAL_CONTENT_NOT_PERMITTED', { action: { vi: 'Tạo trang tĩnh', en: 'Create a page' } });
  }
  const fields = await cleanFields(ctx.db, writer, input.kind, input, undefined);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertPortalArticle(trx, {
      provinceCode: writer.provinceCode,
      kind: input.kind,
      ...fields,
      status: 'draft',
      authorUserId: writer.official.userId,
    });
    await keepVersion(trx, created, writer.official.userId, null);
    return created;
  });
  return { id: row.id, status: row.status, version: row.version, slug: row.slug };
};

export type PortalContentChange = {
  action: PortalContentAction;
  expectedVersion: number;
  fields?: PortalContentFields | undefined;
  /** publish: when it becomes visible (default now). */
  publishAt?: string | undefined;
  /** return: what to change; any step: a note kept with the version. */
  note?: string | undefined;
  /** restore: the version whose content comes back (as a new version). */
  restoreVersion?: number | undefined;
};

/**
 * The one change path of an item: lock it, check the version the caller saw, decide with the step table, write
 * the item and its new version in one transaction. Every save — an edit, a step, a restore — keeps a version.
 */
export const changePortalContent = async (ctx: AppContext, actor: Actor, id: string, input: PortalContentChange) => {
  const writer = requirePortalWriter(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const row = loadVisibleItem(writer, await findPortalArticleForUpdate(trx, id));
    if (row.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
    }
    const decision = decidePortalContentAction(input.action, factsOf(writer, row));
    if (!decision.ok) {
      throw decision.reason === 'not_allowed'
        ? new AppError('PORTAL_CONTENT_NOT_PERMITTED', { action: PORTAL_CONTENT_ACTION_LABELS[input.action] })
        : new AppError('PORTAL_CONTENT_NOT_ALLOWED_IN_STATE', {
            state: PORTAL_CONTENT_STATUS_LABELS[row.status],
            action: PORTAL_CONTENT_ACTION_LABELS[input.action],
          });
    }
    let content = {};
    if (input.action === 'edit') {
      if (input.fields === undefined) {
        throw new AppError('BAD_REQUEST');
      }
      content = await cleanFields(trx, writer, row.kind, input.fields, row.id);
    } else if (input.action === 'restore') {
      const old =
        input.restoreVersion === undefined ? undefined : await findPortalArticleVersion(trx, id, input.restoreVersion);
      if (!old) {
        throw new AppError('NOT_FOUND', { resource: { vi: 'phiên bản', en: 'version' } });
      }
      content = await cleanFields(
        trx,
        writer,
        row.kind,
        { title: old.title, summary: old.summary, bodyHtml: old.bodyHtml, categoryId: old.categoryId, slug: old.slug },
        row.id,
      );
    }
    if (input.action === 'return' && !input.note?.trim()) {
      throw new AppError('PORTAL_RETURN_NOTE_REQUIRED');
    }
    const now = ctx.clock.now();
    const steps =
      input.action === 'publish'
        ? { publishAt: input.publishAt ? new Date(input.publishAt) : now, publishedBy: writer.official.userId }
        : input.action === 'return'
          ? { reviewNote: input.note?.trim() ?? null }
          : input.action === 'submit'
            ? { reviewNote: null }
            : {};
    const updated = await updatePortalArticleGuarded(trx, id, row.version, {
      ...content,
      ...steps,
      status: decision.to,
    });
    if (!updated) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: input.expectedVersion });
    }
    const note =
      input.action === 'restore' ? `Khôi phục phiên bản ${input.restoreVersion}` : (input.note?.trim() ?? null);
    await keepVersion(trx, updated, writer.official.userId, note);
    return {
      id: updated.id,
      status: updated.status,
      version: updated.version,
      slug: updated.slug,
      publishAt: updated.publishAt?.toISOString() ?? null,
    };
  });
};

/** The province's menu and its version (the console reads it to edit it, and saves at that version). */
export const getPortalMenuForEditor = async (ctx: AppContext, actor: Actor) => {
  const writer = requirePortalWriter(actor);
  const [items, version] = await Promise.all([
    listPortalMenu(ctx.db, writer.provinceCode),
    findPortalMenuVersion(ctx.db, writer.provinceCode),
  ]);
  return { version, items: items.map((i) => ({ label: i.label, targetKind: i.targetKind, target: i.target })) };
};

/** Replaces the province's menu (editors only) when it is still at the version the editor read. */
export const replacePortalMenuItems = async (
  ctx: AppContext,
  actor: Actor,
  input: { version: number; items: { label: string; targetKind: PortalMenuTargetKind; target: string }[] },
) => {
  const writer = requirePortalWriter(actor);
  if (!writer.isEditor) {
    throw new AppError('PORTAL_CONTENT_NOT_PERMITTED', { action: { vi: 'Sửa trình đơn', en: 'Edit the menu' } });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const advanced = await advancePortalMenuVersion(trx, writer.provinceCode, input.version, ctx.clock.now());
    if (advanced === undefined) {
      const current = await findPortalMenuVersion(trx, writer.provinceCode);
      throw new AppError('VERSION_CONFLICT', { current, sent: input.version });
    }
    await replacePortalMenu(trx, writer.provinceCode, input.items);
  });
  return getPortalMenuForEditor(ctx, actor);
};
