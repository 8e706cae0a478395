import type { JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** A served variant of a portal image: image/webp, no metadata, upright. */
export type PortalImageVariantJson = { width: number; height: number; sha256: string; sizeBytes: number };

export type PortalImageMediaType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Images and attachments of the portal's news (migration 0056). */
export type PortalImageTable = {
  provinceCode: string;
  sha256: string;
  uploadedBy: string;
  width: number;
  height: number;
  mediaType: PortalImageMediaType;
  sizeBytes: number;
  variants: JSONColumnType<PortalImageVariantJson[], string, string>;
  createdAt: GeneratedTimestamp;
};

export type PortalAttachmentTable = {
  articleId: string;
  provinceCode: string;
  position: number;
  fileSha256: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  title: string;
  uploadedBy: string;
  createdAt: GeneratedTimestamp;
  removedAt: Timestamp | null;
  removedBy: string | null;
};

export type PortalMediaTables = {
  portalImage: PortalImageTable;
  portalAttachment: PortalAttachmentTable;
};
