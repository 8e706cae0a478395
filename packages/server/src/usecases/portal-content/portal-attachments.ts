import {
  countPortalAttachments,
  findPortalArticle,
  findPortalArticleForUpdate,
  findPortalAttachment,
  findPortalAttachmentByFile,
  findPublicPortalAttachment,
  insertPortalAttachment,
  PORTAL_ATTACHMENT_CAP,
  type PortalAttachmentRecord,
  removePortalAttachment,
} from '@motcua/db';
import { decidePortalContentAction, PORTAL_CONTENT_ACTION_LABELS, PORTAL_CONTENT_STATUS_LABELS } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getPortalServices } from '../portal/services.js';
import { cleanFileName } from '../portal/upload-checks.js';
import { attachmentDownloadName, describeAttachment } from './attachment-view.js';
import { factsOf, loadVisibleItem, type PortalWriter, requirePortalWriter } from './manage-content.js';
import { ATTACHMENT_TYPES, sniffPortalAttachment } from './sniff-portal-file.js';

/**
 * Attachments of the portal's articles (issue 22 item 1): PDF, DOCX, XLSX, ODT read from their bytes, at most
 * 20 MB each, stored content-addressed. Who may change them is who may edit the article now (its author while
 * it is hers to edit, an editor always). Both writes are idempotent: the same bytes attached again answer the
 * attachment already there; removing one already removed answers the same. The public reads an attachment only
 * while its article is published and visible (publish_at ≤ now); a draft's only through the console's route.
 */

export const PORTAL_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

const ATTACHMENT = { vi: 'tệp đính kèm', en: 'attachment' };

const requireEditable = (writer: PortalWriter, row: Parameters<typeof factsOf>[1]) => {
  const decision = decidePortalContentAction('edit', factsOf(writer, row));
  if (!decision.ok) {
    throw decision.reason === 'not_allowed'
      ? new AppError('PORTAL_CONTENT_NOT_PERMITTED', { action: PORTAL_CONTENT_ACTION_LABELS.edit })
      : new AppError('PORTAL_CONTENT_NOT_ALLOWED_IN_STATE', {
          state: PORTAL_CONTENT_STATUS_LABELS[row.status],
          action: PORTAL_CONTENT_ACTION_LABELS.edit,
        });
  }
};

/** POST /api/v1/portal-content/items/:id/attachments */
export const addPortalAttachment = async (
  ctx: AppContext,
  actor: Actor,
  articleId: string,
  file: { content: Buffer; fileName: string | undefined; title?: string | undefined },
) => {
  const writer = requirePortalWriter(actor);
  // Who may see and edit it is checked before the file is looked at, and again under the lock.
  const seen = loadVisibleItem(writer, await findPortalArticle(ctx.db, articleId));
  requireEditable(writer, seen);
  if (file.content.length === 0) {
    throw new AppError('UPLOAD_MISSING');
  }
  const mediaType = sniffPortalAttachment(file.content);
  if (mediaType === undefined) {
    throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { allowed: 'PDF, DOCX, XLSX, ODT' });
  }
  const verdict = await getPortalServices(ctx).scanner.scan(file.content, { mediaType });
  if (!verdict.clean) {
    throw new AppError('UPLOAD_REJECTED');
  }
  const stored = await ctx.storage.put(file.content);
  const fileName = attachmentDownloadName(
    cleanFileName(file.fileName, `tep-dinh-kem.${ATTACHMENT_TYPES[mediaType].extension}`),
    mediaType,
  );
  const title = (file.title ?? '').normalize('NFC').trim().slice(0, 300) || fileName;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const article = loadVisibleItem(writer, await findPortalArticleForUpdate(trx, articleId));
    requireEditable(writer, article);
    const existing = await findPortalAttachmentByFile(trx, articleId, stored.sha256);
    if (existing) {
      return existing;
    }
    if ((await countPortalAttachments(trx, articleId)) >= PORTAL_ATTACHMENT_CAP) {
      throw new AppError('PORTAL_ATTACHMENT_LIMIT', { limit: PORTAL_ATTACHMENT_CAP });
    }
    return insertPortalAttachment(trx, {
      articleId,
      provinceCode: article.provinceCode,
      fileSha256: stored.sha256,
      fileName,
      mediaType,
      sizeBytes: stored.size,
      title,
      uploadedBy: writer.official.userId,
    });
  });
  return describeAttachment(row);
};

/** DELETE /api/v1/portal-content/items/:id/attachments/:position (idempotent). */
export const removePortalAttachmentOf = async (ctx: AppContext, actor: Actor, articleId: string, position: number) => {
  const writer = requirePortalWriter(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const article = loadVisibleItem(writer, await findPortalArticleForUpdate(trx, articleId));
    requireEditable(writer, article);
    await removePortalAttachment(trx, { articleId, position, removedBy: writer.official.userId, at: ctx.clock.now() });
  });
};

/** An attachment of an item the official may see (drafts included): the console's download. */
export const getPortalAttachmentForEditor = async (
  ctx: AppContext,
  actor: Actor,
  articleId: string,
  position: number,
): Promise<PortalAttachmentRecord> => {
  const writer = requirePortalWriter(actor);
  loadVisibleItem(writer, await findPortalArticle(ctx.db, articleId));
  const found = await findPortalAttachment(ctx.db, articleId, position);
  if (!found) {
    throw new AppError('NOT_FOUND', { resource: ATTACHMENT });
  }
  return found;
};

/** An attachment the public may read: its article published and visible now, of the request's province. */
export const getPublicPortalAttachment = async (
  ctx: AppContext,
  input: { articleId: string; position: number; provinceCode: string | undefined },
): Promise<PortalAttachmentRecord> => {
  const found = await findPublicPortalAttachment(ctx.db, { ...input, now: ctx.clock.now() });
  if (!found) {
    throw new AppError('NOT_FOUND', { resource: ATTACHMENT });
  }
  return found;
};
