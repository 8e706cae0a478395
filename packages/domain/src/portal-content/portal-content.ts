import { foldVietnamese } from '../text/fold.js';

/**
 * The information portal's news and pages (issue 22 item 1): articles in categories and static pages, written by
 * portal authors and published by portal editors. Law: Decree 42/2022/NĐ-CP Art. 4 (a State agency's portal
 * publishes news on its activities and guidance for citizens) and Decree 61/2018 Art. 13 (the publicity of the
 * one-stop shop); the steps below are the province's own editorial workflow, not a legal procedure.
 */
export const PORTAL_CONTENT_KINDS = ['article', 'page'] as const;
export type PortalContentKind = (typeof PORTAL_CONTENT_KINDS)[number];

export const PORTAL_CONTENT_STATUSES = ['draft', 'submitted', 'returned', 'published', 'unpublished'] as const;
export type PortalContentStatus = (typeof PORTAL_CONTENT_STATUSES)[number];

export const PORTAL_CONTENT_ACTIONS = ['edit', 'submit', 'publish', 'return', 'unpublish', 'restore'] as const;
export type PortalContentAction = (typeof PORTAL_CONTENT_ACTIONS)[number];

/** Who may take a step: the author of the item (own drafts only) or an editor (anything of the province). */
export type PortalContentRole = 'author' | 'editor';

type Transition = {
  from: readonly PortalContentStatus[];
  /** The status after the step; undefined keeps the current one (an edit, a restore). */
  to: PortalContentStatus | undefined;
  /** 'author': the item's author holding portal.write, or an editor; 'editor': portal.publish only. */
  by: PortalContentRole;
};

/**
 * The editorial steps as a table. An author edits and submits her own draft (or one returned to her); an editor
 * edits anything, publishes at a time (now or later), returns with a note, unpublishes. Editing a published item
 * is an editor's step and keeps it published (a correction); every save is kept as a version.
 */
export const PORTAL_CONTENT_TRANSITIONS = {
  edit: { from: ['draft', 'returned', 'submitted', 'published', 'unpublished'], to: undefined, by: 'author' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'author' },
  publish: { from: ['draft', 'submitted', 'returned', 'unpublished', 'published'], to: 'published', by: 'editor' },
  return: { from: ['submitted'], to: 'returned', by: 'editor' },
  unpublish: { from: ['published'], to: 'unpublished', by: 'editor' },
  restore: { from: ['draft', 'returned', 'submitted', 'published', 'unpublished'], to: undefined, by: 'author' },
} as const satisfies Record<PortalContentAction, Transition>;

/** Statuses in which an author (not an editor) may still change her own item. */
const AUTHOR_EDITABLE: readonly PortalContentStatus[] = ['draft', 'returned'];

export type PortalContentFacts = {
  status: PortalContentStatus;
  isAuthor: boolean;
  isEditor: boolean;
};

export type PortalContentDecision =
  | { ok: true; to: PortalContentStatus }
  | { ok: false; reason: 'not_allowed' | 'wrong_status' };

/** Whether the actor may take the step now, and the status it leads to. */
export const decidePortalContentAction = (
  action: PortalContentAction,
  facts: PortalContentFacts,
): PortalContentDecision => {
  const step: Transition = PORTAL_CONTENT_TRANSITIONS[action];
  const mayAct = facts.isEditor || (step.by === 'author' && facts.isAuthor);
  if (!mayAct) {
    return { ok: false, reason: 'not_allowed' };
  }
  if (!step.from.includes(facts.status)) {
    return { ok: false, reason: 'wrong_status' };
  }
  if (!facts.isEditor && (action === 'edit' || action === 'restore') && !AUTHOR_EDITABLE.includes(facts.status)) {
    return { ok: false, reason: 'not_allowed' };
  }
  return { ok: true, to: step.to ?? facts.status };
};

/** The steps the actor may take now, in table order (the console shows these buttons). */
export const availablePortalContentActions = (facts: PortalContentFacts): PortalContentAction[] =>
  PORTAL_CONTENT_ACTIONS.filter((action) => decidePortalContentAction(action, facts).ok);

/** Whether the public sees an item now: published and its time has come. */
export const isPubliclyVisible = (item: { status: PortalContentStatus; publishAt: Date | null }, now: Date): boolean =>
  item.status === 'published' && item.publishAt !== null && item.publishAt.getTime() <= now.getTime();

export const PORTAL_CONTENT_STATUS_LABELS: Record<PortalContentStatus, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Submitted for review' },
  returned: { vi: 'Trả lại để sửa', en: 'Returned' },
  published: { vi: 'Đã xuất bản', en: 'Published' },
  unpublished: { vi: 'Đã gỡ xuống', en: 'Unpublished' },
};

export const PORTAL_CONTENT_ACTION_LABELS: Record<PortalContentAction, { vi: string; en: string }> = {
  edit: { vi: 'Sửa', en: 'Edit' },
  submit: { vi: 'Gửi duyệt', en: 'Submit for review' },
  publish: { vi: 'Xuất bản', en: 'Publish' },
  return: { vi: 'Trả lại', en: 'Return' },
  unpublish: { vi: 'Gỡ xuống', en: 'Unpublish' },
  restore: { vi: 'Khôi phục phiên bản', en: 'Restore version' },
};

export const PORTAL_SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** "Thông báo: Lịch tiếp công dân tháng 12" → "thong-bao-lich-tiep-cong-dan-thang-12" (at most 80 characters). */
export const slugifyVietnamese = (text: string): string => {
  const words = foldVietnamese(text)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > 80) {
      break;
    }
    slug = next;
  }
  return slug === '' ? 'bai-viet' : slug;
};

/** The text of an HTML body without its tags and entities (for the search column and the summary). */
export const plainTextOfHtml = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** The accent-folded text the search column stores: title, summary and body text (the body cut at 20 000). */
export const buildPortalSearchText = (item: { title: string; summary: string; bodyHtml: string }): string =>
  foldVietnamese(`${item.title} ${item.summary} ${plainTextOfHtml(item.bodyHtml).slice(0, 20_000)}`);

/** Menu targets: a page or category slug, a procedure code, or an external http(s) URL. */
export const PORTAL_MENU_TARGET_KINDS = ['page', 'category', 'procedure', 'url'] as const;
export type PortalMenuTargetKind = (typeof PORTAL_MENU_TARGET_KINDS)[number];

/** The portal path a menu item links to. */
export const menuItemHref = (item: { targetKind: PortalMenuTargetKind; target: string }): string => {
  switch (item.targetKind) {
    case 'page':
      return `/trang/${item.target}`;
    case 'category':
      return `/tin-tuc?chuyen-muc=${encodeURIComponent(item.target)}`;
    case 'procedure':
      return `/thu-tuc/${encodeURIComponent(item.target)}`;
    case 'url':
      return item.target;
  }
};
