import { insertUserRole } from '@motcua/db';
import { writeDocumentsInBulk } from '@motcua/server/seed/demo-eoffice-year';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * The "Sổ văn bản" page of a clerk (văn thư): the e-office rates with their counts ("18/20 (90,00%)"), the
 * monthly chart, the register downloads and the search without diacritics, at 1280 and 390 px.
 */
let agencyId = '';
const suite = useBrowserSuite('document-registers', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    agencyId = world.agencies.justice?.id ?? '';
    const clerk = world.users.chuyenvien?.id ?? '';
    await insertUserRole(server.app.motcua.db, {
      userId: clerk,
      agencyId,
      role: 'clerk',
      includeSubagencies: false,
      grantedBy: null,
    });
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const day = (i: number) => new Date(Date.UTC(year, 0, 5 + i, 2, 0));
    await writeDocumentsInBulk(
      { db: server.app.motcua.db },
      {
        agency: { id: agencyId, provinceCode: '33', abbreviation: 'STP' },
        incoming: Array.from({ length: 10 }, (_, i) => ({
          receivedAt: day(i),
          channel: i < 8 ? ('electronic' as const) : ('paper' as const),
          issuerName: 'Ủy ban nhân dân tỉnh Hưng Yên',
          numberSymbol: `${30 + i}/QĐ-UBND`,
          issuedOn: `${year}-01-02`,
          documentType: 'QĐ',
          subject: `Quyết định về việc phê duyệt kế hoạch số ${i + 1}`,
        })),
        outgoing: Array.from({ length: 20 }, (_, i) => ({
          signedAt: day(i),
          documentType: 'CV' as const,
          subject: `V/v báo cáo công tác tư pháp số ${i + 1}`,
          drafterUserId: clerk,
          signed: i < 18,
          recipients: [{ name: 'Ủy ban nhân dân tỉnh Hưng Yên', channel: 'package' as const }],
        })),
        isDemo: false,
      },
    );
  },
});

describe.skipIf(onPostgresPass)('the registers of official documents', () => {
  it('shows the rates with their counts, the chart and the search, at 1280 and 390 px', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await signInOfficial(await suite.openPage(viewport), 'chuyenvien');
      await page.goto('/can-bo/so-van-ban');
      const rates = page.getByTestId('document-rates');
      await rates.getByText('18/20 (90,00%)').waitFor();
      await expect(rates.innerText()).resolves.toContain('28/30 (93,33%)');
      await page.locator('[data-chart="drawn"]').waitFor();
      const pdf = page.getByRole('link', { name: 'Tải sổ (PDF)' });
      await expect(pdf.getAttribute('href')).resolves.toContain(`kind=incoming&agency=${agencyId}`);
      await page.getByLabel('Số, ký hiệu, trích yếu (gõ không dấu cũng được)').fill('quyet dinh phe duyet');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      const hits = page.getByTestId('document-hits');
      await hits.getByText('Quyết định về việc phê duyệt kế hoạch số 10').waitFor();
      await expect(hits.locator('li').count()).resolves.toBe(10);
      // Nothing of the page sticks out sideways.
      const overflow = await page.evaluate(() =>
        Math.max(0, ...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)),
      );
      expect(overflow).toBeLessThanOrEqual(viewport.width);
      await shoot(page, `document-registers-${viewport.width}`);
    }
  });
});
