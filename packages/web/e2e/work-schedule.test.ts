import { insertUserRole } from '@motcua/db';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { nextResponse, onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * The leaders' weekly calendar (lịch công tác): the office (tiepnhan as the clerk of the Department of Justice)
 * drafts an entry and submits it; the head (lanhdao as agency head) approves and publishes it; it shows in the
 * week and, marked public, on the portal's page read without signing in, with the invitation attached to it;
 * "Tạo nhiệm vụ" opens the assign form from the meeting.
 */
const suite = useBrowserSuite('work-schedule', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    for (const [username, role] of [
      ['tiepnhan', 'clerk'],
      ['lanhdao', 'agency_head'],
    ] as const) {
      await insertUserRole(server.app.motcua.db, {
        userId: world.users[username]?.id ?? '',
        agencyId: world.agencies.justice?.id ?? '',
        role,
        includeSubagencies: true,
        grantedBy: null,
      });
    }
  },
});

const TITLE = 'Họp triển khai công tác chuyển đổi số của Sở';

describe.skipIf(onPostgresPass)('a weekly calendar entry from draft to the portal', () => {
  it('is drafted, submitted, approved, published and shown publicly', async () => {
    const clerk = await signInOfficial(await suite.openPage(), 'tiepnhan');
    await clerk.goto('/can-bo/lich-cong-tac');
    await clerk.getByTestId('schedule-week-range').waitFor();
    await clerk.getByRole('button', { name: 'Thêm lịch' }).click();
    const form = clerk.getByTestId('schedule-form');
    await form.getByLabel('Nội dung công việc', { exact: true }).fill(TITLE);
    await form.getByLabel('Bắt đầu', { exact: true }).fill('09:00');
    await form.getByLabel('Kết thúc', { exact: true }).fill('10:30');
    await form.getByLabel('Địa điểm', { exact: true }).fill('Phòng họp số 1');
    await form.getByLabel('Công khai trên Cổng dịch vụ công').check();
    const created = nextResponse(clerk, 'POST', '/api/v1/schedule/entries');
    await form.getByRole('button', { name: 'Lưu dự thảo' }).click();
    expect((await created).status()).toBe(201);
    const week = clerk.getByTestId('schedule-week');
    await week.getByText(TITLE).waitFor();
    const submitted = nextResponse(clerk, 'POST', /\/api\/v1\/schedule\/entries\/[^/]+\/actions$/);
    await week.getByRole('button', { name: 'Trình duyệt' }).click();
    expect((await submitted).status()).toBe(200);
    await week.getByText('Chờ duyệt').waitFor();

    const head = await signInOfficial(await suite.openPage(), 'lanhdao');
    await head.goto('/can-bo/lich-cong-tac');
    const headWeek = head.getByTestId('schedule-week');
    await headWeek.getByText(TITLE).waitFor();
    const approved = nextResponse(head, 'POST', /\/api\/v1\/schedule\/entries\/[^/]+\/actions$/);
    await headWeek.getByRole('button', { name: 'Duyệt', exact: true }).click();
    expect((await approved).status()).toBe(200);
    await headWeek.getByText('Đã duyệt', { exact: true }).waitFor();
    const published = nextResponse(head, 'POST', /\/api\/v1\/schedule\/entries\/[^/]+\/actions$/);
    await headWeek.getByRole('button', { name: 'Phát hành' }).click();
    expect((await published).status()).toBe(200);
    await headWeek.getByText('Đã phát hành').waitFor();
    // The invitation attached to the published entry (the leader's to change now): listed with a download link.
    const attached = nextResponse(head, 'POST', /\/api\/v1\/schedule\/entries\/[^/]+\/files/);
    await headWeek
      .getByTestId('schedule-entry-files')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'giay-moi-hop.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
      });
    expect((await attached).status()).toBe(201);
    await headWeek.getByRole('link', { name: 'giay-moi-hop.pdf' }).waitFor();
    await shoot(head, 'work-schedule-week');
    // The print of the week (Decree 30/2020 layout): only it shows when printing.
    await head.emulateMedia({ media: 'print' });
    await head.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
    await shoot(head, 'work-schedule-print', { fullPage: true });

    // On a 390 px phone the week is a list by day, without a horizontal scroll of the page.
    const phone = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'lanhdao');
    await phone.goto('/can-bo/lich-cong-tac');
    await phone.getByTestId('schedule-week').getByText(TITLE).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(phone, 'work-schedule-390');

    const visitor = await suite.openPage();
    await visitor.goto('/lich-cong-tac');
    await visitor.getByTestId('public-schedule-entry').filter({ hasText: TITLE }).waitFor();
    expect(await visitor.getByText('Phòng họp số 1').count()).toBeGreaterThan(0);
    // The public entry's papers download without signing in.
    const link = visitor.getByTestId('public-schedule-files').getByRole('link', { name: 'giay-moi-hop.pdf' });
    const download = await visitor.request.get(new URL((await link.getAttribute('href')) ?? '', visitor.url()).href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');

    // "Tạo nhiệm vụ" from the meeting opens the assign form with its subject, the meeting as the source.
    await head.emulateMedia({ media: 'screen' });
    await headWeek.getByTestId('schedule-create-task').first().click();
    await head.getByTestId('assign-source').getByText(`Giao từ cuộc họp (lịch công tác): ${TITLE}`).waitFor();
    expect(await head.getByLabel('Tên nhiệm vụ', { exact: true }).inputValue()).toBe(TITLE);
  });
});
