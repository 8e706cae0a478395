import type { PortalContentKind, PortalContentStatus, PortalMenuTargetKind } from '@motcua/domain';
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** The portal's news and pages (migration 0048). */
export type PortalCategoryTable = {
  id: Generated<string>;
  provinceCode: string;
  slug: string;
  name: string;
  position: Generated<number>;
};

export type PortalArticleTable = {
  id: Generated<string>;
  provinceCode: string;
  kind: PortalContentKind;
  categoryId: string | null;
  slug: string;
  title: string;
  summary: Generated<string>;
  bodyHtml: Generated<string>;
  status: PortalContentStatus;
  authorUserId: string;
  publishAt: Timestamp | null;
  publishedBy: string | null;
  reviewNote: string | null;
  isDemo: Generated<boolean>;
  searchText: Generated<string>;
  version: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
};

export type PortalArticleVersionTable = {
  articleId: string;
  version: number;
  title: string;
  summary: string;
  bodyHtml: string;
  categoryId: string | null;
  slug: string;
  status: PortalContentStatus;
  savedBy: string;
  savedAt: GeneratedTimestamp;
  note: string | null;
};

export type PortalMenuItemTable = {
  id: Generated<string>;
  provinceCode: string;
  position: number;
  label: string;
  targetKind: PortalMenuTargetKind;
  target: string;
};

/** The version of a province's menu (migration 0057): moved on by every save. */
export type PortalMenuStateTable = {
  provinceCode: string;
  version: number;
  updatedAt: Generated<Date>;
};

export type PortalContentTables = {
  portalCategory: PortalCategoryTable;
  portalArticle: PortalArticleTable;
  portalArticleVersion: PortalArticleVersionTable;
  portalMenuItem: PortalMenuItemTable;
  portalMenuState: PortalMenuStateTable;
};
