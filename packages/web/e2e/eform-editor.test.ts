import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  nextResponse,
  onPostgresPass,
  PHONE,
  pickOption,
  seedCatalog,
  shoot,
  signInOfficial,
  useBrowserSuite,
} from './harness';

/*
 * A province administrator gives a procedure version its application form (tờ khai) in the console,
 * previews it in the renderer citizens use, publishes it; the counter then asks for it as a step of
 * the intake wizard. Every wait is on a state (a locator, a polled value, a response), never a delay.
 */
const suite = useBrowserSuite('eform-editor', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    await seedCatalog(server, [world.agencies.centre?.id ?? '']);
  },
});

/** Picks an option of an antd select and waits until the select shows it. */
const choose = async (page: Page, id: string, option: string) => {
  await pickOption(page.locator(`#${id}`), option);
  await expect.poll(() => page.locator(`.ant-select:has([id="${id}"])`).innerText()).toContain(option);
};

/** The message a field's aria-describedby points at, read from the element with role="alert". */
const describedErrorOf = async (page: Page, input: Locator): Promise<string> => {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"][role="alert"]`).allInnerTexts()));
  return texts.flat().join(' ');
};

describe.skipIf(onPostgresPass)('the application form editor', () => {
  it('an administrator adds a form to a draft, previews it, publishes it; the counter then asks for it', async () => {
    const page = await signInOfficial(await suite.openPage(), 'qttinh');
    await page.getByRole('link', { name: '1.000894' }).click();
    await page.getByRole('button', { name: 'Tạo bản nháp mới' }).click();
    await page.getByRole('heading', { name: /Phiên bản 2 — Bản nháp/ }).waitFor();

    await page.getByRole('button', { name: 'Thêm tờ khai điện tử' }).click();
    await page.locator('#form-title').fill('Tờ khai đăng ký kết hôn');
    await page.locator('#form-legal-source').fill('Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP');
    await choose(page, 'form-replaces', 'Tờ khai đăng ký kết hôn theo mẫu');

    // A text, a date, a choice and a repeating group with one field of its own.
    const addField = page.getByRole('button', { name: /Thêm trường$/ });
    await addField.click();
    await page.locator('#form-s0-f0-label').fill('Họ, chữ đệm, tên bên nữ');
    await page.getByTestId('form-s0-f0').getByRole('checkbox', { name: 'Bắt buộc' }).check();

    await addField.click();
    await page.locator('#form-s0-f1-label').fill('Ngày sinh bên nữ');
    await choose(page, 'form-s0-f1-kind', 'Ngày');
    await page.getByTestId('form-s0-f1').getByRole('checkbox', { name: 'Không được sau ngày hiện tại' }).check();

    await addField.click();
    await page.locator('#form-s0-f2-label').fill('Kết hôn lần thứ');
    await choose(page, 'form-s0-f2-kind', 'Lựa chọn');
    await page.locator('#form-s0-f2-options').fill('Lần đầu\nTái hôn');

    await addField.click();
    await page.locator('#form-s0-f3-label').fill('Người làm chứng');
    await choose(page, 'form-s0-f3-kind', 'Nhóm lặp lại');
    await page.locator('#form-s0-f3-itemLabel').fill('Người làm chứng');
    await page.getByRole('button', { name: 'Thêm trường vào nhóm “Người làm chứng”' }).click();
    await page.locator('#form-s0-f3-f0-label').fill('Họ tên người làm chứng');
    await page.getByTestId('form-s0-f3-f0').getByRole('checkbox', { name: 'Bắt buộc' }).check();
    await page.locator('#form-s0-f3-maxItems').fill('2');

    // The preview is the renderer itself: fill it in, check it as on submission.
    const preview = page.getByTestId('form-preview');
    const name = preview.getByLabel('Họ, chữ đệm, tên bên nữ');
    await name.waitFor();
    await preview.getByRole('radio', { name: 'Tái hôn' }).check();
    await preview.getByLabel('Ngày sinh bên nữ').fill('31/12/2999');
    await preview.getByRole('button', { name: 'Thêm người làm chứng' }).click();
    await preview.getByRole('group', { name: 'Người làm chứng thứ 1' }).waitFor();
    await preview.getByRole('button', { name: 'Kiểm tra như khi nộp' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await describedErrorOf(page, name)).toBe('Vui lòng nhập Họ, chữ đệm, tên bên nữ');
    expect(await describedErrorOf(page, preview.getByLabel('Ngày sinh bên nữ'))).toBe(
      'Ngày sinh bên nữ không được sau ngày hôm nay',
    );
    const witness = preview.getByLabel('Họ tên người làm chứng');
    expect(await describedErrorOf(page, witness)).toBe('Vui lòng nhập Họ tên người làm chứng');
    await shoot(page, 'eform-editor-preview');

    // Filled in, the same check passes.
    await name.fill('Trần Thị Hoa');
    await preview.getByLabel('Ngày sinh bên nữ').fill('15/03/1995');
    await witness.fill('Lê Văn Chứng');
    await preview.getByRole('button', { name: 'Kiểm tra như khi nộp' }).click();
    await expect.poll(() => preview.getByRole('alert').count()).toBe(0);
    expect(await name.getAttribute('aria-invalid')).toBeNull();

    const saved = nextResponse(page, 'PUT', /\/api\/v1\/procedures\/1\.000894\/versions\/2$/);
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const savedResponse = await saved;
    expect(savedResponse.status()).toBe(200);
    const savedForm = ((await savedResponse.json()) as { content: { applicationForm?: unknown } }).content
      .applicationForm as {
      replacesComponent: string;
      sections: { fields: { key: string; kind: string; fields?: { key: string }[] }[] }[];
    };
    expect(savedForm.replacesComponent).toBe('to-khai-ket-hon');
    expect(savedForm.sections[0]?.fields.map((f) => f.kind)).toEqual(['text', 'date', 'choice', 'group']);
    expect(savedForm.sections[0]?.fields[3]?.fields?.map((f) => f.key)).toEqual(['hoTenNguoiLamChung']);

    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    const published = nextResponse(page, 'POST', /\/versions\/2\/publish$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Công bố' }).click();
    expect((await published).status()).toBe(200);
    await page.getByText('Đã công bố phiên bản 2').waitFor();

    // The counter: after the applicant, the "Tờ khai" step with the same form, on a phone-sized screen too.
    const desk = await signInOfficial(await suite.openPage(PHONE), 'motcua');
    await desk.getByRole('link', { name: 'Tiếp nhận hồ sơ mới' }).first().click();
    const search = desk.getByLabel('Tìm thủ tục hành chính');
    await search.fill('ket hon');
    await search.press('Enter');
    await desk.getByRole('button', { name: 'Chọn thủ tục: Thủ tục đăng ký kết hôn' }).click();
    await desk.getByTestId('chosen-procedure').filter({ hasText: 'Thủ tục đăng ký kết hôn' }).waitFor();
    await desk.getByRole('button', { name: 'Tiếp tục' }).click();
    await desk.getByLabel('Họ và tên').waitFor();
    // The applicant step is checked as before; skip to the form by filling it.
    await desk.getByLabel('Họ và tên').fill('Trần Thị Hoa');
    await desk.getByLabel('Số định danh cá nhân (CCCD)').fill('033195001234');
    const dob = desk.getByLabel('Ngày sinh');
    await dob.click();
    await dob.fill('15/03/1995');
    await dob.press('Enter');
    await desk.getByLabel('Nữ').check();
    await desk.getByLabel('Địa chỉ', { exact: true }).fill('Số 5 đường Chùa Chuông, phường Phố Hiến');
    await desk.getByRole('button', { name: 'Tiếp tục' }).click();

    await desk.getByRole('heading', { name: 'Tờ khai đăng ký kết hôn' }).waitFor();
    const deskName = desk.getByLabel('Họ, chữ đệm, tên bên nữ');
    await deskName.waitFor();
    await desk.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => deskName.getAttribute('aria-invalid')).toBe('true');
    expect(await describedErrorOf(desk, deskName)).toBe('Vui lòng nhập Họ, chữ đệm, tên bên nữ');
    // The first field in error has the focus; the form fits a phone's width.
    expect(await desk.evaluate(() => document.activeElement?.id)).toBe(await deskName.getAttribute('id'));
    expect(await desk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shoot(desk, 'intake-form-step-360');

    await deskName.fill('Trần Thị Hoa');
    await desk.getByRole('button', { name: 'Tiếp tục' }).click();
    // The filled form stands for the paper form among the documents.
    await desk.getByText('Đã khai trên hệ thống').waitFor();
    await desk.getByLabel('Đã nộp: Thẻ căn cước của hai bên nam, nữ').check();
    await desk.getByText('Hồ sơ đã đủ thành phần').waitFor();
    await desk.getByRole('button', { name: 'Tiếp tục' }).click();
    await desk.getByLabel('Tiếp nhận, hẹn trả kết quả (Mẫu 01)').check();
    const created = nextResponse(desk, 'POST', '/api/v1/dossiers');
    await desk.getByRole('button', { name: 'Lưu và in phiếu' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    // The form went with the dossier, pruned of empty values.
    expect(response.request().postDataJSON().form).toEqual({
      hoChuDemTenBenNu: 'Trần Thị Hoa',
    });
    await desk.getByTestId('intake-saved').waitFor();
  });
});
