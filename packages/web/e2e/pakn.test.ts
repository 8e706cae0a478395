import { insertUserRole } from '@motcua/db';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import {
  asOfficial,
  nextResponse,
  onPostgresPass,
  PHONE,
  pickOption,
  shoot,
  signInOfficial,
  useBrowserSuite,
} from './harness';

/*
 * A PAKN from the officer's register to the citizen's rating (Decree 20/2008): the receiving officer
 * logs it from the counter, classifies it as not competent and forwards it to the Department of
 * Construction; the department answers (draft, approval, sending), its head publishes the answer; the
 * sender tracks it by code on a phone, reads the answer and rates it; the public list shows it.
 */
let ids: Record<string, string> = {};
const suite = useBrowserSuite('pakn', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    ids = { justice: world.agencies.justice?.id ?? '', construction: world.agencies.construction?.id ?? '' };
    for (const [username, agency, role] of [
      ['tiepnhan', 'justice', 'pakn_officer'],
      ['xaydung', 'construction', 'pakn_officer'],
      ['xaydung', 'construction', 'approver'],
    ] as const) {
      await insertUserRole(server.app.motcua.db, {
        userId: world.users[username]?.id ?? '',
        agencyId: ids[agency] ?? '',
        role,
        includeSubagencies: false,
        grantedBy: null,
      });
    }
  },
});

describe.skipIf(onPostgresPass)('PAKN handled to its published answer', () => {
  it('is registered, forwarded, answered, published, tracked and rated', async () => {
    const page = await signInOfficial(await suite.openPage(), 'tiepnhan');
    await page.goto('/can-bo/pakn');
    await page.getByRole('button', { name: 'Ghi sổ phản ánh, kiến nghị' }).click();
    const form = page.locator('form[id="pakn-register"]');
    await form.getByLabel('Quy định, thủ tục được phản ánh').fill('Cấp giấy phép xây dựng nhà ở riêng lẻ');
    await form
      .getByLabel('Nội dung')
      .fill('Đề nghị bỏ yêu cầu bản sao chứng thực giấy chứng nhận quyền sử dụng đất khi xin phép xây dựng.');
    await form.getByLabel('Họ và tên').fill('Trần Thị Phản Ánh');
    await form.getByLabel('Địa chỉ').fill('Phường Phố Hiến, tỉnh Hưng Yên');
    await form.getByLabel('Số điện thoại').fill('0912345678');
    const created = nextResponse(page, 'POST', '/api/v1/pakn');
    await form.getByRole('button', { name: 'Ghi sổ' }).click();
    const { code } = (await (await created).json()) as { code: string };
    expect(code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    await page.getByTestId('pakn-saved').getByRole('link', { name: code }).click();
    await page.getByTestId('pakn-status').filter({ hasText: 'Đã tiếp nhận, chờ phân loại' }).waitFor();

    // Classify (d) and forward to the Department of Construction.
    await page.getByLabel('(d) Không thuộc thẩm quyền — chuyển trong 5 ngày làm việc').check();
    const classified = nextResponse(page, 'POST', `/api/v1/pakn/${code}/actions`);
    await page.getByTestId('pakn-do').click();
    expect((await classified).status()).toBe(200);
    await page.getByTestId('pakn-status').filter({ hasText: 'Đã phân loại' }).waitFor();
    await page.getByLabel('Chuyển cơ quan có thẩm quyền').check();
    await pickOption(
      page.getByLabel('Cơ quan có thẩm quyền', { exact: true }),
      'Sở Xây dựng tỉnh Hưng Yên (000.00.02.H31)',
      'xây dựng',
    );
    const forwarded = nextResponse(page, 'POST', `/api/v1/pakn/${code}/actions`);
    await page.getByTestId('pakn-do').click();
    expect((await forwarded).status()).toBe(200);
    await page.getByTestId('pakn-status').filter({ hasText: 'Đã chuyển cơ quan có thẩm quyền' }).waitFor();
    await shoot(page, 'pakn-forwarded');

    // The department accepts, drafts, approves and sends the answer.
    const builder = await asOfficial(suite.server, 'xaydung');
    const step = async (body: Record<string, unknown>) => {
      const { version } = await builder.call<{ version: number }>('GET', `/api/v1/pakn/${code}`);
      await builder.call('POST', `/api/v1/pakn/${code}/actions`, { expectedVersion: version, ...body });
    };
    await step({ action: 'accept' });
    await step({
      action: 'draft_answer',
      answer: 'Sở Xây dựng tiếp thu; từ 01/01/2027 không yêu cầu bản sao giấy tờ đất đã có trong cơ sở dữ liệu.',
    });
    await step({ action: 'approve_answer' });
    await step({ action: 'send_answer' });

    // Its head publishes the answer in the console.
    const head = await signInOfficial(await suite.openPage(), 'xaydung');
    await head.goto(`/can-bo/pakn/${code}`);
    await head.getByTestId('pakn-status').filter({ hasText: 'Đã trả lời người gửi' }).waitFor();
    await head.getByLabel('Công khai', { exact: true }).check();
    const published = nextResponse(head, 'POST', `/api/v1/pakn/${code}/actions`);
    await head.getByTestId('pakn-do').click();
    expect((await published).status()).toBe(200);
    await head.getByTestId('pakn-status').filter({ hasText: 'Đã công khai kết quả trả lời' }).waitFor();
    await shoot(head, 'pakn-published');

    // The sender, on a phone, tracks it by code with the last four digits and rates the answer.
    const phone = await suite.openPage(PHONE);
    await phone.goto(`/phan-anh-kien-nghi?muc=tra-cuu&ma=${code}`);
    await phone.getByLabel('4 số cuối điện thoại (để xem trả lời)').fill('5678');
    await phone.getByRole('button', { name: 'Tra cứu' }).click();
    await phone.getByTestId('pakn-answer').filter({ hasText: 'Sở Xây dựng tiếp thu' }).waitFor();
    const rated = nextResponse(phone, 'POST', `/api/v1/public/pakn/${code}/rating`);
    await phone.getByRole('button', { name: 'Rất hài lòng' }).click();
    expect((await rated).status()).toBe(200);
    await phone.getByTestId('pakn-rated').waitFor();
    await shoot(phone, 'pakn-tracked-rated', { fullPage: true });

    // The public list finds it without diacritics.
    await phone.goto('/phan-anh-kien-nghi/cong-khai?q=giay%20phep%20xay%20dung&tinh=33');
    await phone.getByTestId('pakn-public-answer').filter({ hasText: code }).waitFor();
    await shoot(phone, 'pakn-public-list', { fullPage: true });
  });

  it('lets the province administrator set the time limits per category, beside the legal defaults', async () => {
    const page = await signInOfficial(await suite.openPage(), 'qttinh');
    await page.goto('/can-bo/pakn');
    await page.getByRole('link', { name: 'Thời hạn xử lý' }).waitFor();
    await shoot(page, 'pakn-inbox-admin');
    await page.getByRole('link', { name: 'Thời hạn xử lý' }).click();
    const settings = page.getByTestId('pakn-settings');
    await settings.getByTestId('pakn-settings-source').filter({ hasText: 'mức mặc định theo quy định' }).waitFor();
    const classify = settings.getByLabel('Phân loại, chuyển đến cơ quan có thẩm quyền');
    await expect.poll(() => classify.inputValue()).toBe('5');
    await classify.fill('3');
    const saved = nextResponse(page, 'PUT', '/api/v1/pakn/settings');
    await settings.getByRole('button', { name: 'Lưu thời hạn', exact: true }).click();
    expect((await saved).status()).toBe(200);
    await settings.getByTestId('pakn-settings-source').filter({ hasText: 'mức do tỉnh quy định' }).waitFor();
    await shoot(page, 'pakn-settings', { fullPage: true });
    // Back to the legal default for that row, saved at the new version.
    await settings.getByRole('button', { name: 'Về mặc định' }).first().click();
    await expect.poll(() => classify.inputValue()).toBe('5');
    const reset = nextResponse(page, 'PUT', '/api/v1/pakn/settings');
    await settings.getByRole('button', { name: 'Lưu thời hạn', exact: true }).click();
    expect((await reset).status()).toBe(200);

    const phone = await signInOfficial(await suite.openPage(PHONE), 'qttinh');
    await phone.goto('/can-bo/pakn/cai-dat');
    await phone.getByTestId('pakn-settings').getByRole('button', { name: 'Lưu thời hạn', exact: true }).waitFor();
    await shoot(phone, 'pakn-settings-phone', { fullPage: true });
  });
});
