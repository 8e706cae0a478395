import { insertAgency } from '@motcua/db';
import { foldVietnamese } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { seedDemoPortalContent } from './demo-portal-content.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07T09:00:00+07:00') });
  const committee = await insertAgency(
    t.database.db,
    {
      code: '000.00.00.H31',
      name: 'Ủy ban nhân dân tỉnh Hưng Yên',
      kind: 'province_committee',
      parentId: null,
      provinceCode: '33',
      adminUnitCode: null,
      adminUnitLevel: null,
      validFrom: '2025-07-01',
      searchText: foldVietnamese('Ủy ban nhân dân tỉnh Hưng Yên'),
    },
    null,
  );
  await insertAgency(
    t.database.db,
    {
      code: DEMO_AGENCY_CODES.homeAffairs,
      name: 'Sở Nội vụ tỉnh Hưng Yên',
      kind: 'province_department',
      parentId: committee.id,
      provinceCode: '33',
      adminUnitCode: null,
      adminUnitLevel: null,
      validFrom: '2025-07-01',
      searchText: foldVietnamese('Sở Nội vụ tỉnh Hưng Yên'),
    },
    committee.path,
  );
});

afterAll(async () => {
  await t?.close();
});

describe('the demo portal news', () => {
  it('publishes the demo articles (labelled demo), the page and the menu once, through the editorial steps', async () => {
    expect(await seedDemoPortalContent(t.ctx, { provinceCode: '33', password: 'Demo-mat-khau-2026' })).toBe(true);
    expect(await seedDemoPortalContent(t.ctx, { provinceCode: '33', password: 'Demo-mat-khau-2026' })).toBe(false);
    const list = await t.app.inject({ url: '/tin-tuc' });
    expect(list.statusCode).toBe(200);
    expect(list.body.match(/<li><h2>/g)).toHaveLength(4);
    expect(list.body).toContain('Dữ liệu minh họa');
    // The fifth is submitted for review, not published.
    expect(list.body).not.toContain('tạm dừng tiếp nhận');
    const article = await t.app.inject({
      url: '/tin-tuc/huong-dan-nop-ho-so-truc-tuyen-tren-cong-dich-vu-cong-cua-tinh',
    });
    expect(article.statusCode).toBe(200);
    expect(article.body).toContain('Bài viết minh họa cho bản trình diễn (demo)');
    const page = await t.app.inject({ url: '/trang/gioi-thieu' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="https://dichvucong.gov.vn">Cổng DVC quốc gia</a>');
  });
});
