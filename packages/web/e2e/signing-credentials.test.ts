import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { nextResponse, onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * The agency administrator's signing certificates (chứng thư số): reached from the document registers, a
 * test certificate for the agency and one for an official (labelled as having no legal value), the
 * official's signature image chosen, previewed and saved, the agency's certificate revoked after a confirm.
 */
const suite = useBrowserSuite('signing-credentials', {
  seed: async (server) => {
    await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
  },
});

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(onPostgresPass)('signing certificates console', () => {
  it('issues test certificates, sets a signature image and revokes', async () => {
    const page = await signInOfficial(await suite.openPage({ width: 1280, height: 800 }), 'qtdonvi');
    await page.goto('/can-bo/so-van-ban');
    await page.getByTestId('signing-credentials-link').click();
    await page.getByRole('heading', { name: 'Chứng thư số', level: 1 }).waitFor();
    await page
      .getByTestId('test-certificate-warning')
      .getByText('Chứng thư thử nghiệm — không có giá trị pháp lý')
      .waitFor();

    const credentials = page.getByTestId('credential');
    const agencyIssued = nextResponse(page, 'POST', '/api/v1/signing/credentials/test-certificate');
    await page.getByRole('button', { name: 'Cấp chứng thư thử nghiệm' }).click();
    expect((await agencyIssued).status()).toBe(201);
    await credentials.first().waitFor();

    await page.getByRole('radio', { name: 'Cán bộ', exact: true }).check();
    await page.locator('#credential-official').selectOption({ label: 'Lê Văn Lãnh Đạo' });
    const officialIssued = nextResponse(page, 'POST', '/api/v1/signing/credentials/test-certificate');
    await page.getByRole('button', { name: 'Cấp chứng thư thử nghiệm' }).click();
    expect((await officialIssued).status()).toBe(201);
    const official = credentials.filter({ hasText: 'Lê Văn Lãnh Đạo' });
    await official.waitFor();
    await expect.poll(() => credentials.count()).toBe(2);
    expect(await official.getByTestId('credential-image').textContent()).toBe('Chưa có ảnh');

    await official.getByRole('button', { name: 'Tải ảnh (PNG)' }).click();
    await official
      .getByTestId('signature-image-input')
      .setInputFiles({ name: 'chu-ky.png', mimeType: 'image/png', buffer: PNG });
    await official.getByTestId('signature-image-preview').waitFor();
    const saved = nextResponse(page, 'PUT', /\/api\/v1\/signing\/credentials\/[^/]+\/image$/);
    await official.getByRole('button', { name: 'Lưu ảnh' }).click();
    expect((await saved).status()).toBe(200);
    await official.getByTestId('credential-image').filter({ hasText: 'Đã có ảnh' }).waitFor();
    await shoot(page, 'signing-credentials', { fullPage: true });

    const agency = credentials.filter({ hasNotText: 'Lê Văn Lãnh Đạo' });
    await agency.getByRole('button', { name: 'Thu hồi' }).click();
    await agency.getByTestId('revoke-confirm').waitFor();
    const revoked = nextResponse(page, 'POST', /\/api\/v1\/signing\/credentials\/[^/]+\/revoke$/);
    await agency.getByTestId('revoke-confirm').getByRole('button', { name: 'Thu hồi' }).click();
    expect((await revoked).status()).toBe(200);
    await agency.getByTestId('credential-status').filter({ hasText: 'Đã thu hồi' }).waitFor();

    const phone = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'qtdonvi');
    await phone.goto('/can-bo/van-ban/chung-thu-so');
    await phone.getByTestId('credential').nth(1).waitFor();
    const wide = await phone.evaluate(() =>
      [...document.querySelectorAll('[data-testid="signing-credentials"] *')]
        .filter((element) => element.getBoundingClientRect().right > 390)
        .map((element) => `${element.tagName}.${element.className}`),
    );
    expect(wide).toEqual([]);
    // Nor the console around it (the header gives way on a phone): the page does not scroll sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(phone, 'signing-credentials-phone', { fullPage: true });
  });

  it('lets the province administrator set the incoming documents’ time limits beside the PAKN ones', async () => {
    const page = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'qttinh');
    await page.goto('/can-bo/pakn/cai-dat');
    const section = page.getByTestId('incoming-settings');
    const minutes = section.getByLabel('Vào sổ, trình văn bản khẩn (Hỏa tốc, Thượng khẩn, Khẩn)');
    await minutes.waitFor();
    expect(await minutes.inputValue()).toBe('120');
    await minutes.fill('90');
    const saved = nextResponse(page, 'PUT', '/api/v1/incoming-document-settings');
    await section.getByRole('button', { name: 'Lưu thời hạn văn bản đến' }).click();
    const response = await saved;
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { version: number }).version).toBe(1);
    await section.getByText('Tỉnh đã đặt').first().waitFor();
    await section.scrollIntoViewIfNeeded();
    await shoot(page, 'incoming-settings-phone', { fullPage: true });
  });
});
