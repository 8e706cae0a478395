import { insertUserRole } from '@motcua/db';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { seedTestFileListEntry } from '@motcua/server/testing/work-files';
import { loadOfficial } from '@motcua/server/usecases/auth/resolve-actor';
import { registerPaperIncoming, uploadIncomingScan } from '@motcua/server/usecases/eoffice/incoming/register-incoming';
import { describe, expect, it } from 'vitest';
import { buildPdf, nextResponse, onPostgresPass, pickOption, signInOfficial, useBrowserSuite } from './harness';

/*
 * A work file (hồ sơ công việc, Decree 30/2020 Art. 28–29): the head of the Department of Justice (lanhdao
 * stands in) opens a file from the year's file list, adds an incoming document the clerk registered and a
 * note, closes it and exports the archive package. Checked at 390 px too.
 */
const SUBJECT = 'Về việc hướng dẫn lập hồ sơ công việc';
let year = 2026;
const suite = useBrowserSuite('work-files', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    const ctx = server.app.motcua;
    for (const [username, role] of [
      ['tiepnhan', 'clerk'],
      ['lanhdao', 'agency_head'],
    ] as const) {
      await insertUserRole(ctx.db, {
        userId: world.users[username]?.id ?? '',
        agencyId: world.agencies.justice?.id ?? '',
        role,
        includeSubagencies: true,
        grantedBy: null,
      });
    }
    year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(ctx.clock.now()),
    );
    await seedTestFileListEntry(ctx, {
      agencyId: world.agencies.justice?.id ?? '',
      provinceCode: '33',
      year,
      code: '01.VP',
    });
    const clerk = await loadOfficial(ctx, world.users.tiepnhan?.id ?? '', 'session');
    if (!clerk) {
      throw new Error('the clerk cannot act');
    }
    const agencyId = world.agencies.justice?.id ?? '';
    const scan = await uploadIncomingScan(ctx, clerk, {
      agencyId,
      file: { content: buildPdf('Cong van 45/BTP-VP'), fileName: 'cong-van.pdf' },
    });
    await registerPaperIncoming(ctx, clerk, {
      agencyId,
      issuerName: 'Bộ Tư pháp',
      numberSymbol: '45/BTP-VP',
      issuedOn: `${year}-01-02`,
      documentType: 'CV',
      subject: SUBJECT,
      urgency: 'normal',
      confidentiality: 'normal',
      file: scan,
      scanDpi: 300,
    });
  },
});

describe.skipIf(onPostgresPass)('a work file from opening to the archive package', () => {
  it('is opened from the file list, holds a document and a note, is closed and exported', async () => {
    const page = await signInOfficial(await suite.openPage(), 'lanhdao');
    await page.goto('/can-bo/ho-so-cong-viec');
    await page.getByRole('button', { name: 'Lập hồ sơ', exact: true }).click();
    await pickOption(page.getByLabel('Theo danh mục hồ sơ', { exact: true }), '01.VP — Hồ sơ thử 01.VP');
    const opened = nextResponse(page, 'POST', '/api/v1/work-files');
    await page.getByRole('button', { name: 'Lưu và mở hồ sơ' }).click();
    expect((await opened).status()).toBe(201);
    await page.getByRole('heading', { name: `${year}.01.VP` }).waitFor();

    await pickOption(
      page.getByLabel('Tìm văn bản đến (số, ký hiệu, trích yếu)'),
      `45/BTP-VP — ${SUBJECT}`,
      'huong dan',
    );
    const added = nextResponse(page, 'POST', /\/api\/v1\/work-files\/[^/]+\/items$/);
    await page.getByRole('button', { name: 'Thêm vào hồ sơ' }).click();
    expect((await added).status()).toBe(200);
    await page.getByTestId('work-file-items').getByText(SUBJECT).waitFor();

    await page.getByLabel('Thêm ghi chú').fill('Đã trao đổi với Văn phòng Sở.');
    await page.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await page.getByTestId('work-file-items').getByText('Đã trao đổi với Văn phòng Sở.').waitFor();
    // The note goes first in the file's order.
    const moved = nextResponse(page, 'POST', /\/api\/v1\/work-files\/[^/]+\/items\/[^/]+\/move$/);
    await page.getByRole('button', { name: 'Đưa lên trên' }).click();
    expect((await moved).status()).toBe(200);
    await expect
      .poll(() => page.getByTestId('work-file-items').locator('li').first().textContent())
      .toContain('Đã trao đổi với Văn phòng Sở.');

    const closed = nextResponse(page, 'POST', /\/api\/v1\/work-files\/[^/]+\/actions$/);
    await page.getByRole('button', { name: 'Kết thúc hồ sơ' }).click();
    expect((await closed).status()).toBe(200);
    await page.getByRole('status').getByText('Đã cập nhật hồ sơ.').waitFor();
    await page.getByText('Hạn nộp lưu').waitFor();
    await page.getByRole('button', { name: 'Nộp lưu vào Lưu trữ cơ quan' }).waitFor();

    const href = await page.getByRole('link', { name: 'Xuất hồ sơ nộp lưu (ZIP)' }).getAttribute('href');
    const zip = await page.request.get(href ?? '');
    expect(zip.status()).toBe(200);
    expect(zip.headers()['content-type']).toContain('application/zip');
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');

    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByRole('heading', { name: `${year}.01.VP` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto('/can-bo/ho-so-cong-viec?trang-thai=closed');
    await page.getByTestId('work-file-line').getByText(`${year}.01.VP`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
