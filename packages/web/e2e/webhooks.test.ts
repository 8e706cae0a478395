import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * "Webhook" (Tích hợp) of the province administrator: a subscription added, its secret shown once with a copy
 * button, paused, its deliveries opened — at 1280 and 390 px.
 */
const suite = useBrowserSuite('webhooks', {
  seed: async (server) => {
    await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
  },
});

describe.skipIf(onPostgresPass)('the webhook page', () => {
  it('adds a subscription, shows its secret once, pauses it and opens its deliveries, at 1280 and 390 px', async () => {
    for (const [index, viewport] of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ].entries()) {
      const page = await signInOfficial(await suite.openPage(viewport), 'qttinh');
      await page.goto('/can-bo/tich-hop/webhook');
      await page.getByRole('heading', { name: 'Webhook', level: 1 }).waitFor();
      const form = page.getByTestId('webhook-create');
      await form.getByLabel('Tên').fill(`Trục tích hợp ${index + 1}`);
      await form.getByLabel('Địa chỉ nhận (URL)').fill(`https://lgsp.example.vn/motcua/${index + 1}`);
      await form.getByLabel('Phản ánh, kiến nghị thay đổi').check();
      await form.getByRole('button', { name: 'Thêm đăng ký' }).click();
      const secret = page.getByTestId('webhook-secret-value');
      await secret.waitFor();
      await expect(secret.inputValue()).resolves.toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      await page.getByRole('button', { name: 'Sao chép' }).waitFor();
      await shoot(page, `webhooks-secret-${viewport.width}`);
      await page.getByRole('button', { name: 'Đã lưu khoá' }).click();
      await secret.waitFor({ state: 'hidden' });

      const row = page.getByRole('row', { name: new RegExp(`Trục tích hợp ${index + 1}`) });
      await row.getByText('Hồ sơ thay đổi, Phản ánh, kiến nghị thay đổi').waitFor();
      await row.getByRole('button', { name: 'Tạm dừng' }).click();
      await row.getByRole('button', { name: 'Tiếp tục' }).waitFor();
      await row.getByRole('button', { name: 'Các lần gửi' }).click();
      const deliveries = page.getByTestId('webhook-deliveries');
      await deliveries.getByText('Chưa có lần gửi nào.').waitFor();
      await expect(deliveries.innerText()).resolves.toContain(`Các lần gửi của “Trục tích hợp ${index + 1}”`);
      await shoot(page, `webhooks-${viewport.width}`);
    }
  });
});
