import { describe, expect, it } from 'vitest';
import {
  availablePortalContentActions,
  buildPortalSearchText,
  decidePortalContentAction,
  isPubliclyVisible,
  menuItemHref,
  PORTAL_CONTENT_STATUSES,
  PORTAL_SLUG_PATTERN,
  slugifyVietnamese,
} from './portal-content.js';

describe('the editorial steps of a portal article', () => {
  it('lets an author edit and submit only her own draft or returned item', () => {
    expect(decidePortalContentAction('submit', { status: 'draft', isAuthor: true, isEditor: false })).toEqual({
      ok: true,
      to: 'submitted',
    });
    expect(decidePortalContentAction('edit', { status: 'draft', isAuthor: false, isEditor: false })).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    expect(decidePortalContentAction('edit', { status: 'submitted', isAuthor: true, isEditor: false })).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    expect(decidePortalContentAction('edit', { status: 'returned', isAuthor: true, isEditor: false }).ok).toBe(true);
  });

  it('keeps publishing, returning and unpublishing to editors', () => {
    for (const status of PORTAL_CONTENT_STATUSES) {
      const authorActions = availablePortalContentActions({ status, isAuthor: true, isEditor: false });
      expect(authorActions).not.toContain('publish');
      expect(authorActions).not.toContain('return');
      expect(authorActions).not.toContain('unpublish');
    }
    expect(decidePortalContentAction('publish', { status: 'submitted', isAuthor: false, isEditor: true })).toEqual({
      ok: true,
      to: 'published',
    });
    expect(decidePortalContentAction('return', { status: 'draft', isAuthor: false, isEditor: true })).toEqual({
      ok: false,
      reason: 'wrong_status',
    });
    expect(availablePortalContentActions({ status: 'published', isAuthor: false, isEditor: true })).toEqual([
      'edit',
      'publish',
      'unpublish',
      'restore',
    ]);
  });

  it('shows a published item only from its publication time', () => {
    const at = new Date('2026-12-07T02:00:00Z');
    expect(isPubliclyVisible({ status: 'published', publishAt: at }, new Date('2026-12-07T01:59:59Z'))).toBe(false);
    expect(isPubliclyVisible({ status: 'published', publishAt: at }, at)).toBe(true);
    expect(isPubliclyVisible({ status: 'submitted', publishAt: at }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('slugs, search text and menu links', () => {
  it('folds Vietnamese titles into URL slugs', () => {
    expect(slugifyVietnamese('Thông báo: Lịch tiếp công dân tháng 12/2026')).toBe(
      'thong-bao-lich-tiep-cong-dan-thang-12-2026',
    );
    expect(slugifyVietnamese('Đường dây nóng — Sở Nội vụ')).toBe('duong-day-nong-so-noi-vu');
    expect(slugifyVietnamese('!!!')).toBe('bai-viet');
    const long = slugifyVietnamese('Cải cách hành chính '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(PORTAL_SLUG_PATTERN);
  });

  it('searches title, summary and body text without diacritics or tags', () => {
    expect(
      buildPortalSearchText({ title: 'Tin CCHC', summary: 'Một cửa', bodyHtml: '<p>Hồ sơ <b>trực tuyến</b></p>' }),
    ).toBe('tin cchc mot cua ho so truc tuyen');
  });

  it('links menu items to portal paths or external addresses', () => {
    expect(menuItemHref({ targetKind: 'page', target: 'gioi-thieu' })).toBe('/trang/gioi-thieu');
    expect(menuItemHref({ targetKind: 'category', target: 'thong-bao' })).toBe('/tin-tuc?chuyen-muc=thong-bao');
    expect(menuItemHref({ targetKind: 'procedure', target: '1.001193' })).toBe('/thu-tuc/1.001193');
    expect(menuItemHref({ targetKind: 'url', target: 'https://dichvucong.gov.vn' })).toBe('https://dichvucong.gov.vn');
  });
});
