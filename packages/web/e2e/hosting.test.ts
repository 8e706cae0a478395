import { insertUser } from '@motcua/db';
import { hashPassword } from '@motcua/server/auth/passwords';
import { seedWorld, TEST_PASSWORD } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, pickOption, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * The hosting centre's pages (issue 22 item 4): its administrator opens Hải Phòng (the one-time password shown
 * once), adds a host name in the province's drawer, and reads the figures across provinces — at 1366 and 390 px.
 */
const suite = useBrowserSuite('hosting', {
  seed: async (server) => {
    await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    await insertUser(server.app.motcua.db, {
      username: 'trungtam.qt',
      fullName: 'Quản trị Trung tâm dữ liệu',
      title: null,
      email: null,
      phone: null,
      passwordHash: await hashPassword(TEST_PASSWORD),
      provinceCode: null,
      now: new Date(),
      hostingAdmin: true,
    });
  },
});

const widest = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    Math.max(0, ...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)),
  );

describe.skipIf(onPostgresPass)('the hosting centre', () => {
  it('opens a province, edits its host names, reads the figures, at 1366 and 390 px', async () => {
    const page = await signInOfficial(await suite.openPage({ width: 1366, height: 900 }), 'trungtam.qt');
    await page.getByRole('link', { name: 'Tỉnh, thành phố' }).click();
    await page.getByRole('heading', { name: 'Tỉnh, thành phố trên hệ thống' }).waitFor();
    await page.getByTestId('province-create-toggle').click();
    const form = page.getByTestId('province-create');
    await pickOption(form.getByRole('combobox', { name: 'Tỉnh, thành phố' }), '31 — Thành phố Hải Phòng', 'Hải Phòng');
    await form.getByLabel('Tên miền').fill('dichvucong.haiphong.gov.vn');
    await form.getByLabel('Tên đăng nhập của quản trị tỉnh').fill('qt.haiphong');
    await form.getByLabel('Họ và tên quản trị tỉnh').fill('Phạm Văn Hải');
    await form.getByRole('button', { name: 'Mở tỉnh, thành phố' }).click();
    await page.getByTestId('province-password').waitFor();
    const oneTimePassword = await page.getByTestId('province-password-value').inputValue();
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await page.getByRole('cell', { name: 'Thành phố Hải Phòng', exact: true }).waitFor();
    await shoot(page, 'hosting-provinces-1366');

    await page.getByRole('button', { name: 'Xem Thành phố Hải Phòng' }).click();
    const drawer = page.getByTestId('province-drawer');
    await drawer.getByLabel('Thêm tên miền').fill('haiphong.localhost');
    await drawer.getByRole('button', { name: 'Thêm', exact: true }).click();
    await drawer.getByText('haiphong.localhost', { exact: true }).waitFor();
    await drawer.getByTestId('province-history').getByText('Đổi tên miền').waitFor();
    await shoot(page, 'hosting-province-drawer-1366');

    const phone = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'trungtam.qt');
    await phone.goto('/can-bo/he-thong/tinh-thanh');
    await phone.getByRole('heading', { name: 'Tỉnh, thành phố trên hệ thống' }).waitFor();
    await phone.getByText('31 — Thành phố Hải Phòng').waitFor();
    expect(await widest(phone)).toBeLessThanOrEqual(390);
    await shoot(phone, 'hosting-provinces-390');

    await phone.goto('/can-bo/he-thong/so-lieu');
    await phone.getByRole('heading', { name: 'Số liệu các tỉnh, thành phố' }).waitFor();
    await phone.getByTestId('hosting-figures').getByText('Thành phố Hải Phòng').waitFor();
    await phone.locator('[data-chart="drawn"]').waitFor();
    expect(await widest(phone)).toBeLessThanOrEqual(390);
    await shoot(phone, 'hosting-figures-390');

    // The new province's administrator signs in with the one-time password: the console shows only "Đổi mật khẩu"
    // until they choose their own, then continues to its home.
    const admin = await signInOfficial(
      await suite.openPage({ width: 390, height: 844 }),
      'qt.haiphong',
      oneTimePassword,
    );
    await admin.waitForURL((url) => url.pathname === '/can-bo/tai-khoan/doi-mat-khau');
    await admin.getByText('Mật khẩu của bạn do quản trị viên cấp, cần đổi trước khi sử dụng hệ thống.').waitFor();
    await admin.getByText('có ít nhất 10 ký tự;').waitFor();
    expect(await widest(admin)).toBeLessThanOrEqual(390);
    await shoot(admin, 'change-password-390');
    await admin.goto('/can-bo/nguoi-dung');
    await admin.waitForURL((url) => url.pathname === '/can-bo/tai-khoan/doi-mat-khau');
    const change = admin.getByTestId('change-password');
    await change.getByLabel('Mật khẩu hiện tại').fill('Sai-mat-khau-2026');
    await change.getByLabel('Mật khẩu mới', { exact: true }).fill('Hai-Phong-2026-qt');
    await change.getByLabel('Nhập lại mật khẩu mới').fill('Hai-Phong-2026-qt');
    await change.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await change.getByText('Mật khẩu hiện tại bạn nhập không đúng.').waitFor();
    await change.getByLabel('Mật khẩu hiện tại').fill(oneTimePassword);
    await change.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    // On to the console's home, which sends a province administrator on to the catalog.
    await admin.waitForURL((url) => url.pathname !== '/can-bo/tai-khoan/doi-mat-khau');
    await admin.getByText('Đã đổi mật khẩu.').waitFor();
    await admin.goto('/can-bo/nguoi-dung');
    await admin.getByRole('heading', { level: 1 }).first().waitFor();
    expect(new URL(admin.url()).pathname).toBe('/can-bo/nguoi-dung');
  });
});
