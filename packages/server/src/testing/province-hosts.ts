import { insertPortalArticle, upsertPortalCategory } from '@motcua/db';
import { foldVietnamese } from '@motcua/domain';
import { HA_NOI_HOST, HUNG_YEN_HOST, seedSites } from './province-sites.js';
import type { TestApp } from './test-app.js';

/** The host names of the two test sites (Chromium and Node resolve every *.localhost to the loopback address). */
export const TEST_HOSTS = { hungYen: HUNG_YEN_HOST, haNoi: HA_NOI_HOST } as const;

/**
 * Two provinces on one install (issue 22 item 4), over the test world: site 33 Hưng Yên (the default site, host
 * hungyen.localhost) and site 01 Hà Nội (host hanoi.localhost), each with its own portal name, colours and contact,
 * written through the one change path. Forgets the process's site cache, so the next request sees them.
 */
export const seedProvinceSites = (t: Pick<TestApp, 'database'>): Promise<void> =>
  seedSites(t, [
    {
      provinceCode: '33',
      name: 'Tỉnh Hưng Yên',
      placeName: 'Hưng Yên',
      isDefault: true,
      hosts: [TEST_HOSTS.hungYen],
      patch: {
        action: 'branding_changed',
        fields: {
          portalName: 'Cổng Dịch vụ công tỉnh Hưng Yên',
          colourPrimary: '#8e1515',
          colourAccent: '#d4a017',
          contactPhone: '0221 3863 456',
          contactAddress: 'Số 1 Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên',
        },
      },
    },
    {
      provinceCode: '01',
      name: 'Thành phố Hà Nội',
      placeName: 'Hà Nội',
      hosts: [TEST_HOSTS.haNoi],
      patch: {
        action: 'branding_changed',
        fields: {
          portalName: 'Cổng Dịch vụ công Thủ đô',
          colourPrimary: '#0b4f8a',
          colourAccent: '#f2b705',
          contactPhone: '024 3825 3536',
          contactAddress: '12 Lê Lai, phường Hoàn Kiếm, Hà Nội',
        },
      },
    },
  ]);

/** A published article of a province in its category "tin-tuc", straight into the tables (the editorial flow has
 * its own tests). */
export const seedPublishedArticle = async (
  t: Pick<TestApp, 'database'>,
  article: { provinceCode: string; slug: string; title: string; authorUserId: string; publishAt: Date },
): Promise<string> =>
  t.database.db.transaction().execute(async (trx) => {
    const category = await upsertPortalCategory(trx, {
      provinceCode: article.provinceCode,
      slug: 'tin-tuc',
      name: 'Tin tức',
    });
    const row = await insertPortalArticle(trx, {
      provinceCode: article.provinceCode,
      kind: 'article',
      categoryId: category.id,
      slug: article.slug,
      title: article.title,
      summary: `Tóm tắt: ${article.title}`,
      bodyHtml: `<p>${article.title}.</p>`,
      status: 'published',
      authorUserId: article.authorUserId,
      publishAt: article.publishAt,
      publishedBy: article.authorUserId,
      reviewNote: null,
      searchText: foldVietnamese(article.title),
    });
    return row.id;
  });
