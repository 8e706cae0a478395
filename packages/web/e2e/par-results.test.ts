import { DEFAULT_DEMO_PASSWORD } from '@motcua/server/seed/demo';
import { PAR_DEMO_ORGANISER } from '@motcua/server/seed/demo-par';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * The PAR Index results in a real browser, on the demo province (seeded as `npm start` does): the organiser of
 * Sở Nội vụ sees this year's round in progress (late units marked), last year's published ranking with the chart
 * per area and a unit's results over the years; anyone reads the published ranking on the portal without
 * signing in, on a phone too. Screenshots at 1366 × 768 and 390 × 844. Skipped on the PostgreSQL pass.
 */
const suite = useBrowserSuite('par-results', { env: { MOTCUA_DEMO: 'true' } });
const PHONE_390 = { width: 390, height: 844 };

/** Horizontal overflow of the page (0 when nothing sticks out sideways). */
const overflowOf = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(onPostgresPass)('PAR Index results', () => {
  it('shows the organiser the open round, the published ranking with its chart, and a unit over the years', async () => {
    const page = await signInOfficial(await suite.openPage(), PAR_DEMO_ORGANISER, DEFAULT_DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Kết quả Chỉ số CCHC' }).first().click();
    await page.getByRole('heading', { name: 'Kết quả Chỉ số cải cách hành chính' }).waitFor();
    // This year's round first: in appraisal round 1, provisional, with its late units.
    await page.getByTestId('par-progress').waitFor();
    await expect.poll(() => page.getByTestId('par-round').textContent()).toContain('Thẩm định vòng 1');
    await page.getByText(/đơn vị quá hạn tự đánh giá/).waitFor();
    await page.locator('[data-testid="par-results"][data-published="false"]').waitFor();
    await shoot(page, 'par-dashboard-open-round', { fullPage: true });

    const lastYear = new Date().getFullYear() - 1;
    await page
      .locator('.ant-segmented-item')
      .filter({ hasText: String(lastYear) })
      .first()
      .click();
    await page.locator('[data-testid="par-results"][data-published="true"]').waitFor();
    const ranking = page.getByTestId('par-ranking-department');
    await expect.poll(() => ranking.locator('tbody tr.ant-table-row').first().textContent()).toContain('Sở Nội vụ');
    await expect
      .poll(() => ranking.locator('tbody tr.ant-table-row').nth(1).textContent())
      .toContain('Từ cuối bảng lên hạng II');
    await ranking.locator('[data-chart="drawn"]').waitFor();
    await shoot(page, 'par-dashboard-published');

    await ranking.getByRole('button', { name: /Sở Tư pháp/ }).click();
    const profile = page.getByTestId('par-profile');
    await expect.poll(() => profile.locator('li').count()).toBe(2);
    expect(await profile.locator('li').first().textContent()).toContain('Từ cuối bảng lên hạng II');
    await shoot(page, 'par-unit-profile');
  });

  it('publishes the ranking on the portal, readable without signing in, on a 390 px phone', async () => {
    const page = await suite.openPage(PHONE_390);
    await page.goto('/');
    await page.getByRole('link', { name: 'Chỉ số CCHC' }).click();
    await page.getByRole('heading', { name: 'Chỉ số cải cách hành chính (Chỉ số CCHC)' }).waitFor();
    const results = page.getByTestId('par-public-results');
    await results.waitFor();
    await expect.poll(() => page.getByTestId('par-public-round').textContent()).toContain('Dữ liệu minh họa');
    const ranking = page.getByTestId('par-ranking-department');
    await expect.poll(() => ranking.locator('tbody tr.ant-table-row').first().textContent()).toContain('Sở Nội vụ');
    await ranking.locator('[data-chart="drawn"]').waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    expect(await page.getByRole('link', { name: 'Bảng tổng hợp (Excel)' }).getAttribute('href')).toMatch(
      /^\/api\/v1\/public\/par\/results\/summary\.xlsx\?province=33&year=\d{4}$/,
    );
    await shoot(page, 'par-portal-phone', { fullPage: true });
  });
});
