import { DEMO_DECISION_NUMBER } from '@motcua/server/seed/demo-portal-decisions';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, shoot, useBrowserSuite } from './harness';

/*
 * The portal's procedure decisions and public results in a real browser, on the demo province, on a 390 px phone:
 * the demo decision's notice lists its procedures (the abolished one marked) linked to their pages, the procedure
 * page shows the decision back; the public results page draws its chart and its Excel download answers.
 * Skipped on the PostgreSQL pass.
 */
const suite = useBrowserSuite('portal-decisions', { env: { MOTCUA_DEMO: 'true' } });
const PHONE_390 = { width: 390, height: 844 };

/** Horizontal overflow of the page (0 when nothing sticks out sideways). */
const overflowOf = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(onPostgresPass)('portal decisions and results', () => {
  it('opens the demo decision as a notice and follows a procedure to its page', async () => {
    const page = await suite.openPage(PHONE_390);
    await page.goto('/quyet-dinh-cong-bo');
    await page.getByRole('heading', { name: 'Quyết định công bố thủ tục hành chính' }).waitFor();
    await page.getByRole('link', { name: new RegExp(DEMO_DECISION_NUMBER) }).click();
    const items = page.getByTestId('decision-items');
    await items.waitFor();
    await expect.poll(() => page.getByTestId('decision-number').textContent()).toContain(DEMO_DECISION_NUMBER);
    expect(await items.locator('li').count()).toBe(4);
    expect(await page.getByTestId('abolished-note').count()).toBe(1);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'decision-notice-phone', { fullPage: true });
    await items.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    const decisions = page.getByTestId('procedure-decisions');
    await decisions.waitFor();
    expect(await decisions.textContent()).toContain(DEMO_DECISION_NUMBER);
  });

  it('draws the public results chart on a phone and downloads the figures', async () => {
    const page = await suite.openPage(PHONE_390);
    await page.goto('/ket-qua/thong-ke');
    await page.getByRole('heading', { name: 'Kết quả giải quyết thủ tục hành chính' }).waitFor();
    await page.locator('[data-testid="public-chart"] [data-chart="drawn"]').waitFor();
    await expect.poll(() => page.getByTestId('public-totals').textContent()).toMatch(/\d+\/\d+ \(/);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'public-results-phone', { fullPage: true });
    const href = await page.getByTestId('download-xlsx').getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/public\/results\/statistics\.xlsx\?province=33&period=/);
    const download = await page.request.get(href ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK');

    await page.goto('/ket-qua/chi-so-766');
    await page.getByRole('heading', { name: /Chỉ số phục vụ người dân/ }).waitFor();
    await page.locator('[data-testid="public-chart"] [data-chart="drawn"]').waitFor();
  });
});
