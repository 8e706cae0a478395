import type { PortalAttachmentRecord } from '@motcua/db';
import { ATTACHMENT_TYPES, type PortalAttachmentType } from './sniff-portal-file.js';

/** How an attachment of a portal article is shown and named (the console, the public page and the download). */

export const publicAttachmentPath = (articleId: string, position: number): string =>
  `/api/v1/public/portal-attachments/${articleId}/${position}`;

const typeOf = (mediaType: string) => ATTACHMENT_TYPES[mediaType as PortalAttachmentType] ?? undefined;

/** "PDF", "Word (DOCX)" … */
export const attachmentTypeLabel = (mediaType: string): string => typeOf(mediaType)?.label ?? mediaType;

/** The name it downloads under: the uploaded base name with the extension of the type read from its bytes. */
export const attachmentDownloadName = (fileName: string, mediaType: string): string => {
  const extension = typeOf(mediaType)?.extension ?? 'bin';
  const base = fileName.replace(/\.[A-Za-z][A-Za-z0-9]{0,7}$/, '').replace(/[.\s]+$/, '');
  return `${base === '' ? 'tep-dinh-kem' : base}.${extension}`;
};

/** 1 234 567 bytes → "1,2 MB"; 20 480 → "20 KB" (Vietnamese decimal comma). */
export const formatFileSize = (bytes: number): string => {
  if (bytes < 1024 * 1024) {
    return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }
  return `${(Math.round((bytes / 1024 / 1024) * 10) / 10).toString().replace('.', ',')} MB`;
};

export const describeAttachment = (row: PortalAttachmentRecord) => ({
  position: row.position,
  title: row.title,
  fileName: row.fileName,
  mediaType: row.mediaType,
  typeLabel: attachmentTypeLabel(row.mediaType),
  sizeBytes: row.sizeBytes,
  sizeLabel: formatFileSize(row.sizeBytes),
  publicPath: publicAttachmentPath(row.articleId, row.position),
  createdAt: row.createdAt.toISOString(),
});
