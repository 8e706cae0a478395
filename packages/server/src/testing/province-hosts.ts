import { insertPortalArticle, insertProvinceSiteIfMissing, upsertPortalCategory } from '@motcua/db';
import { foldVietnamese } from '@motcua/domain';
import { changeProvinceSite } from '../usecases/provinces/change-site.js';
import { forgetProvinceSites } from '../usecases/provinces/province-site.js';
import type { World } from './fixtures.js';
import type { TestApp } from './test-app.js';

/** The host names of the two test sites (Chromium and Node resolve every *.localhost to the loopback address). */
export const TEST_HOSTS = { hungYen: 'hungyen.localhost', haNoi: 'hanoi.localhost' } as const;

/**
 * Two provinces on one install (issue 22 item 4), over the test world: site 33 Hưng Yên (the default site, host
 * hungyen.localhost) and site 01 Hà Nội (host hanoi.localhost), each with its own portal name, colours and contact,
 * written through the one change path. Forgets the process's site cache, so the next request sees them.
 */
export const seedProvinceSites = async (t: Pick<TestApp, 'database'>, world: World): Promise<void> => {
  const at = new Date();
  const sites = [
    {
      provinceCode: '33',
      name: 'Tỉnh Hưng Yên',
      placeName: 'Hưng Yên',
      isDefault: true,
      host: TEST_HOSTS.hungYen,
      patch: {
        portalName: 'Cổng Dịch vụ công tỉnh Hưng Yên',
        colourPrimary: '#8e1515',
        colourAccent: '#d4a017',
        contactPhone: '0221 3863 456',
        contactAddress: 'Số 1 Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên',
      },
    },
    {
      provinceCode: '01',
      name: 'Thành phố Hà Nội',
      placeName: 'Hà Nội',
      isDefault: false,
      host: TEST_HOSTS.haNoi,
      patch: {
        portalName: 'Cổng Dịch vụ công Thủ đô',
        colourPrimary: '#0b4f8a',
        colourAccent: '#f2b705',
        contactPhone: '024 3825 3536',
        contactAddress: '12 Lê Lai, phường Hoàn Kiếm, Hà Nội',
      },
    },
  ];
  const createdBy = world.users.qttinh?.id ?? null;
  for (const site of sites) {
    await insertProvinceSiteIfMissing(t.database.db, {
      provinceCode: site.provinceCode,
      name: site.name,
      placeName: site.placeName,
      isDefault: site.isDefault,
      createdBy,
    });
    await t.database.db.transaction().execute(async (trx) => {
      const created = await changeProvinceSite(trx, {
        provinceCode: site.provinceCode,
        expectedVersion: 1,
        at,
        actorUserId: null,
        action: 'created',
        addHosts: [site.host],
      });
      await changeProvinceSite(trx, {
        provinceCode: site.provinceCode,
        expectedVersion: created.version,
        at,
        actorUserId: null,
        action: 'branding_changed',
        patch: site.patch,
      });
    });
  }
  forgetProvinceSites();
};

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
