import { seedWorld } from '@motcua/server/testing/fixtures';
import { seedProvinceSites, seedPublishedArticle, TEST_HOSTS } from '@motcua/server/testing/province-hosts';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, PHONE, shoot, useBrowserSuite } from './harness';

/*
 * Two provinces on one install, each on its own host name (issue 22 item 4): Hưng Yên (33, the default site) on
 * hungyen.localhost and Hà Nội (01) on hanoi.localhost, each with one published article. Read with JavaScript
 * disabled, each host's news list shows its own province's name and article and nothing of the other's.
 * Chromium resolves every *.localhost name to the loopback address by itself.
 */
const ARTICLES = {
  '33': { slug: 'hung-yen-mo-rong-mot-cua', title: 'Hưng Yên mở rộng bộ phận một cửa cấp xã' },
  '01': { slug: 'ha-noi-so-hoa-ho-so', title: 'Hà Nội số hóa toàn bộ hồ sơ thủ tục hành chính' },
} as const;

const suite = useBrowserSuite('two-provinces', {
  seed: async (server) => {
    const t = { database: server.app.motcua.database } as unknown as TestApp;
    const world = await seedWorld(t);
    await seedProvinceSites(t);
    const publishAt = new Date(Date.now() - 3_600_000);
    for (const [provinceCode, article] of Object.entries(ARTICLES)) {
      await seedPublishedArticle(t, {
        provinceCode,
        ...article,
        authorUserId: world.users[provinceCode === '01' ? 'hanoi' : 'qttinh']?.id ?? '',
        publishAt,
      });
    }
  },
});

/** The suite's address on another host name (same port). */
const on = (host: string, path: string): string => {
  const url = new URL(suite.url);
  url.hostname = host;
  return new URL(path, url).toString();
};

describe.skipIf(onPostgresPass)('two provinces on one install', () => {
  it('shows each host its own province and its own articles, without JavaScript', async () => {
    const cases = [
      { host: TEST_HOSTS.haNoi, name: 'Thành phố Hà Nội', place: 'Hà Nội', own: ARTICLES['01'], other: ARTICLES['33'] },
      {
        host: TEST_HOSTS.hungYen,
        name: 'Tỉnh Hưng Yên',
        place: 'Hưng Yên',
        own: ARTICLES['33'],
        other: ARTICLES['01'],
      },
    ];
    for (const { host, name, place, own, other } of cases) {
      const page = await suite.openPage(PHONE, { javaScriptEnabled: false });
      const response = await page.goto(on(host, '/tin-tuc'));
      expect(response?.status()).toBe(200);
      expect(await page.locator('header').textContent()).toContain(place);
      await page.getByRole('link', { name: own.title }).waitFor();
      expect(await page.getByText(other.title).count()).toBe(0);
      expect(await page.locator('footer').textContent()).toContain(name);
      await shoot(page, `two-provinces-${host.split('.')[0]}`);

      await page.getByRole('link', { name: own.title }).click();
      await page.getByRole('heading', { level: 1, name: own.title }).waitFor();
      expect((await page.goto(on(host, `/tin-tuc/${other.slug}`)))?.status()).toBe(404);
    }
  });
});
