import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import {
  APPLICANT,
  asOfficial,
  nextResponse,
  onPostgresPass,
  seedCatalog,
  shoot,
  signInOfficial,
  useBrowserSuite,
} from './harness';

/*
 * A fee paid at the counter, as the desk officer does it in the dossier page: the fees card shows
 * what is owed, the dialog records a cash payment, the card shows it paid with its receipt.
 */
let centreId = '';
const suite = useBrowserSuite('fees', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    centreId = world.agencies.centre?.id ?? '';
    await seedCatalog(server, [centreId]);
  },
});

describe.skipIf(onPostgresPass)('fees at the counter', () => {
  it('records a cash payment of the building-permit fee and links its receipt', async () => {
    const desk = await asOfficial(suite.server, 'motcua');
    const { code } = await desk.call<{ code: string }>('POST', '/api/v1/dossiers', {
      receivingAgencyId: centreId,
      procedureCode: '1.009994',
      channel: 'direct',
      applicant: APPLICANT,
      components: [
        { key: 'don-de-nghi', originals: 1, copies: 0 },
        { key: 'giay-to-dat', originals: 0, copies: 1 },
        { key: 'ban-ve', originals: 2, copies: 0 },
      ],
      outcome: 'receive',
    });
    const page = await signInOfficial(await suite.openPage(), 'motcua');
    await page.goto(`/can-bo/ho-so/${code}`);
    const card = page.getByTestId('fees-card');
    await card.getByText('Lệ phí cấp giấy phép xây dựng').waitFor();
    await expect.poll(() => page.getByTestId('fees-owed').innerText()).toBe('75.000 đồng');

    await page.getByTestId('fees-record').click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận khoản thu phí, lệ phí tại quầy' });
    await dialog.getByTestId('fees-dialog-owed').waitFor();
    await shoot(page, 'fees-record-dialog');
    const recorded = nextResponse(page, 'POST', `/api/v1/dossiers/${code}/fees/payments`);
    await dialog.getByRole('button', { name: 'Ghi nhận và lập biên lai' }).click();
    const response = await recorded;
    expect(response.status()).toBe(201);
    const { receiptNo } = (await response.json()) as { receiptNo: string };
    expect(receiptNo).toMatch(/^\d{4}-0000001$/);

    await expect.poll(() => page.getByTestId('fees-owed').innerText()).toBe('0 đồng');
    const link = card.locator(`[data-receipt="${receiptNo}"]`);
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(
      new RegExp(`^/api/v1/dossiers/${code.replace(/\./g, '\\.')}/fees/payments/[0-9a-f-]{36}/receipt$`),
    );
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await shoot(page, 'fees-paid');
  });
});
