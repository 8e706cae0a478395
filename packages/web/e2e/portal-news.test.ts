import { insertUserRole, upsertPortalCategory } from '@motcua/db';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { nextResponse, onPostgresPass, PHONE, signInOfficial, useBrowserSuite } from './harness';

/*
 * An article of the information portal from draft to scheduled publication (issue 22 item 1): an author (hanoitn,
 * made portal author of the Hà Nội department) drafts it in the console's editor and submits it; the editor
 * (hanoi, made portal editor) schedules it a few seconds ahead; the article then opens in a browser with
 * JavaScript disabled, on a 360 px phone, and is found by a search typed without diacritics. The portal serves
 * the first province of the install, Hà Nội (01) in the test world.
 */
const suite = useBrowserSuite('portal-news', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    for (const [username, agency, role] of [
      ['hanoitn', 'foreignDepartment', 'portal_author'],
      ['hanoi', 'foreignProvince', 'portal_editor'],
    ] as const) {
      await insertUserRole(server.app.motcua.db, {
        userId: world.users[username]?.id ?? '',
        agencyId: world.agencies[agency]?.id ?? '',
        role,
        includeSubagencies: false,
        grantedBy: null,
      });
    }
    await upsertPortalCategory(server.app.motcua.db, { provinceCode: '01', slug: 'tin-cchc', name: 'Tin CCHC' });
  },
});

const TITLE = 'Người dân phường Hoàn Kiếm nộp hồ sơ trực tuyến toàn trình';
const SLUG = 'nguoi-dan-phuong-hoan-kiem-nop-ho-so-truc-tuyen-toan-trinh';
const ACTIONS = /\/api\/v1\/portal-content\/items\/[^/]+\/actions$/;

/** An instant `seconds` from now as a datetime-local value in Vietnam time (2026-12-07T10:30:15). */
const vietnamLocal = (seconds: number): string =>
  new Date(Date.now() + seconds * 1000 + 7 * 3_600_000).toISOString().slice(0, 19);

describe.skipIf(onPostgresPass)('a portal article from draft to scheduled publication', () => {
  it('is drafted and submitted by an author, scheduled by an editor, then read without JavaScript', async () => {
    const author = await signInOfficial(await suite.openPage(), 'hanoitn');
    await author.goto('/can-bo/cong-thong-tin');
    await author.getByRole('button', { name: 'Viết bài mới' }).click();
    await author.getByLabel('Tiêu đề', { exact: true }).fill(TITLE);
    await author.getByLabel('Chuyên mục').selectOption({ label: 'Tin CCHC' });
    await author.getByLabel('Tóm tắt').fill('Bộ phận Một cửa hướng dẫn người dân nộp hồ sơ qua Cổng dịch vụ công.');
    const body = author.getByRole('textbox', { name: 'Nội dung' });
    await body.click();
    await author.keyboard.type('Từ tháng này, người dân có thể nộp hồ sơ khai sinh ngay tại nhà.');
    const created = nextResponse(author, 'POST', '/api/v1/portal-content/items');
    await author.getByRole('button', { name: 'Lưu bản nháp' }).click();
    expect((await created).status()).toBe(201);
    await author.getByText('Bản nháp').first().waitFor();
    const submitted = nextResponse(author, 'POST', ACTIONS);
    await author.getByRole('button', { name: 'Gửi duyệt' }).click();
    expect((await submitted).status()).toBe(200);
    await author.getByText('Chờ duyệt').first().waitFor();
    expect(await author.getByRole('button', { name: 'Xuất bản' }).count()).toBe(0);

    const editor = await signInOfficial(await suite.openPage(), 'hanoi');
    await editor.goto('/can-bo/cong-thong-tin');
    await editor.getByRole('link', { name: TITLE }).click();
    await editor.getByLabel('Xuất bản lúc (để trống: ngay bây giờ)').fill(vietnamLocal(6));
    const published = nextResponse(editor, 'POST', ACTIONS);
    await editor.getByRole('button', { name: 'Xuất bản' }).click();
    expect((await published).status()).toBe(200);
    await editor.getByText('Đã xuất bản').first().waitFor();

    // Without JavaScript, on a phone: a 404 until its time, then the article (polled, not slept).
    const reader = await suite.openPage(PHONE, { javaScriptEnabled: false });
    await expect
      .poll(async () => (await reader.goto(`/tin-tuc/${SLUG}`))?.status(), { timeout: 30_000, interval: 500 })
      .toBe(200);
    await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await reader.getByText('nộp hồ sơ khai sinh ngay tại nhà').waitFor();

    await reader.goto('/tim-kiem?q=hoan kiem truc tuyen');
    await reader.getByRole('link', { name: TITLE }).waitFor();
    await reader.goto('/tin-tuc?chuyen-muc=tin-cchc');
    await reader.getByRole('link', { name: TITLE }).waitFor();
  });
});
