import { insertUserRole, replacePortalMenu, upsertPortalCategory } from '@motcua/db';
import { seedProcedure, seedWorld, TEST_PROCEDURE_CONTENT } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { nextResponse, onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * The console's portal screens (issue 22 items 1–2), as the Hà Nội portal editor (hanoi, made portal editor) uses
 * them on a 390 px phone: the menu reordered with its buttons (by keyboard) and saved, then seen in that order on
 * the public news page; a procedure decision drafted with two procedures of the province catalog (one found by a
 * search typed without diacritics, one added by its code), published after the confirmation, and its public notice
 * listing both. The portal serves the first province of the install, Hà Nội (01) in the test world.
 */
const BUILDING = { code: '1.009972', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' };
const BUSINESS = { code: '2.000720', name: 'Đăng ký thành lập hộ kinh doanh' };

const suite = useBrowserSuite('portal-console', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    await insertUserRole(server.app.motcua.db, {
      userId: world.users.hanoi?.id ?? '',
      agencyId: world.agencies.foreignProvince?.id ?? '',
      role: 'portal_editor',
      includeSubagencies: false,
      grantedBy: null,
    });
    for (const [slug, name] of [
      ['thong-bao', 'Thông báo'],
      ['huong-dan', 'Hướng dẫn'],
    ] as const) {
      await upsertPortalCategory(server.app.motcua.db, { provinceCode: '01', slug, name });
    }
    await server.app.motcua.db.transaction().execute((trx) =>
      replacePortalMenu(trx, '01', [
        { label: 'Thông báo', targetKind: 'category', target: 'thong-bao' },
        { label: 'Hướng dẫn', targetKind: 'category', target: 'huong-dan' },
        { label: 'Cổng DVC quốc gia', targetKind: 'url', target: 'https://dichvucong.gov.vn' },
      ]),
    );
    for (const procedure of [BUILDING, BUSINESS]) {
      await seedProcedure({ database: server.app.motcua.database } as unknown as TestApp, {
        catalog: '01',
        code: procedure.code,
        content: { ...TEST_PROCEDURE_CONTENT, nationalCode: procedure.code, name: procedure.name },
      });
    }
  },
});
const PHONE_390 = { width: 390, height: 844 };

/** Horizontal overflow of the page (0 when nothing sticks out sideways). */
const overflowOf = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(onPostgresPass)('the portal console screens', () => {
  it('reorders the portal menu and the public news page shows the new order', async () => {
    const editor = await signInOfficial(await suite.openPage(PHONE_390), 'hanoi');
    await editor.goto('/can-bo/cong-thong-tin/menu');
    await editor.getByRole('heading', { name: 'Menu cổng thông tin' }).waitFor();
    const entries = editor.getByTestId('menu-entries').locator('li strong');
    await expect.poll(() => entries.allTextContents()).toEqual(['Thông báo', 'Hướng dẫn', 'Cổng DVC quốc gia']);

    // By keyboard: focus the button, press Enter.
    await editor.getByRole('button', { name: 'Chuyển “Hướng dẫn” lên' }).focus();
    await editor.keyboard.press('Enter');
    await expect.poll(() => entries.allTextContents()).toEqual(['Hướng dẫn', 'Thông báo', 'Cổng DVC quốc gia']);
    const preview = editor.getByTestId('menu-preview').locator('a');
    expect(await preview.allTextContents()).toEqual([
      'Tin tức',
      'Hướng dẫn',
      'Thông báo',
      'Cổng DVC quốc gia',
      'Thủ tục hành chính',
      'Tìm kiếm',
    ]);
    expect(await overflowOf(editor)).toBeLessThanOrEqual(0);
    await shoot(editor, 'portal-menu-phone', { fullPage: true });

    const saved = nextResponse(editor, 'PUT', '/api/v1/portal-content/menu');
    await editor.getByRole('button', { name: 'Lưu menu' }).click();
    const response = await saved;
    expect(response.status()).toBe(200);
    expect((await response.json()).version).toBe(1);
    await editor.getByText('Đã lưu menu (phiên bản 1).').waitFor();

    const reader = await suite.openPage(PHONE_390, { javaScriptEnabled: false });
    await reader.goto('/tin-tuc');
    const nav = reader.getByRole('navigation', { name: 'Trình đơn chính' }).locator('a');
    expect(await nav.allTextContents()).toEqual([
      'Tin tức',
      'Hướng dẫn',
      'Thông báo',
      'Cổng DVC quốc gia',
      'Thủ tục hành chính',
      'Tìm kiếm',
    ]);
  });

  it('drafts a decision with two procedures, publishes it, and the public notice lists them', async () => {
    const editor = await signInOfficial(await suite.openPage(PHONE_390), 'hanoi');
    await editor.goto('/can-bo/quyet-dinh-cong-bo');
    await editor.getByRole('heading', { name: 'Quyết định công bố thủ tục hành chính' }).waitFor();
    await editor.getByRole('button', { name: 'Soạn quyết định mới' }).click();
    await editor.getByLabel('Số, ký hiệu').fill('2150/QĐ-UBND');
    await editor.getByLabel('Ngày ký').fill('2026-12-01');
    await editor
      .getByLabel('Trích yếu')
      .fill('Công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung lĩnh vực xây dựng, kinh doanh');
    const created = nextResponse(editor, 'POST', '/api/v1/procedure-decisions');
    await editor.getByRole('button', { name: 'Tạo bản nháp' }).click();
    expect((await created).status()).toBe(201);
    await editor.getByRole('heading', { level: 1, name: '2150/QĐ-UBND' }).waitFor();

    await editor.getByLabel('Ngày có hiệu lực').fill('2026-12-15');
    await editor.getByLabel('Người ký').fill('Nguyễn Văn Chủ Tịch');
    await editor.getByLabel('Tìm trong danh mục thủ tục').fill('giay phep xay dung nha o');
    await editor.getByRole('button', { name: 'Tìm', exact: true }).click();
    await editor.getByRole('button', { name: `Thêm “${BUILDING.name}”` }).click();
    await editor.getByLabel('Mã thủ tục').fill(BUSINESS.code);
    await editor.getByLabel('Loại thay đổi', { exact: true }).selectOption({ label: 'Sửa đổi, bổ sung' });
    await editor.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect
      .poll(() => editor.getByTestId('decision-draft-items').locator('li strong').allTextContents())
      .toEqual([BUILDING.code, BUSINESS.code]);

    const saved = nextResponse(editor, 'PUT', /^\/api\/v1\/procedure-decisions\/[^/]+$/);
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    expect((await saved).status()).toBe(200);
    await editor.getByText('Đã lưu bản nháp.').waitFor();
    expect(await overflowOf(editor)).toBeLessThanOrEqual(0);
    await shoot(editor, 'decision-draft-phone', { fullPage: true });

    await editor.getByRole('button', { name: 'Công bố', exact: true }).click();
    const dialog = editor.getByRole('dialog', { name: 'Công bố quyết định lên cổng thông tin?' });
    const shown = dialog.getByTestId('publish-preview');
    await shown.getByText(BUSINESS.name).waitFor();
    await shown.getByText(BUILDING.name).waitFor();
    const published = nextResponse(editor, 'POST', /\/publication$/);
    await dialog.getByRole('button', { name: 'Công bố' }).click();
    expect((await published).status()).toBe(200);
    await editor.getByText('Quyết định đã công bố, chỉ xem.').waitFor();
    const link = await editor.getByRole('link', { name: 'Xem thông báo công khai' }).getAttribute('href');
    expect(link).toMatch(/^\/quyet-dinh-cong-bo\/[0-9a-f-]{36}$/);

    const reader = await suite.openPage(PHONE_390);
    await reader.goto(link ?? '');
    const items = reader.getByTestId('decision-items');
    await items.waitFor();
    await expect.poll(() => reader.getByTestId('decision-number').textContent()).toContain('2150/QĐ-UBND');
    await items.getByText(BUILDING.name).waitFor();
    await items.getByText(BUSINESS.name).waitFor();
    expect(await items.locator('li').count()).toBe(2);
  });
});
