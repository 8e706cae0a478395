import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { asOfficial, nextResponse, onPostgresPass, settled, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * The Sở Nội vụ loads the province's criteria set from its spreadsheet: a first file with errors is refused
 * row by row (nothing imported), the fixed file becomes a draft, the draft is published with its decision and
 * then reads as published, also on a phone.
 */
const suite = useBrowserSuite('par-criteria-sets', {
  seed: async (server) => {
    await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
  },
});

const HEADER = [
  'STT',
  'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
  'Điểm tối đa',
  'Cách chấm điểm',
  'Tài liệu kiểm chứng',
  'Điều tra XHH (x)',
  'Không áp dụng cho',
  'Số liệu từ hệ thống',
];

const workbook = async (rows: (string | number)[][]): Promise<Buffer> => {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.addWorksheet('Bộ tiêu chí').addRows([HEADER, ...rows]);
  book.addWorksheet('Điểm thưởng, điểm trừ').addRows([
    ['Loại', 'Điểm tối đa'],
    ['Điểm thưởng', '2'],
    ['Điểm trừ', '3'],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
};

const FIXED: (string | number)[][] = [
  ['I', 'Công tác chỉ đạo, điều hành cải cách hành chính', '40', '', '', '', '', ''],
  ['1.1', 'Kế hoạch cải cách hành chính năm', '15,5', 'Ban hành đúng hạn', 'Kế hoạch', '', '', ''],
  ['1.2', 'Đánh giá của lãnh đạo tỉnh', '24.5', '', '', 'x', '', ''],
  ['II', 'Cải cách thủ tục hành chính', '60', '', '', '', '', ''],
  ['2.1', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '60', '', '', '', 'no_procedures', 'dossier_on_time_rate'],
];
// The same sheet as a province might first send it: a missing maximum, a leaf over its area, a repeated code.
const BROKEN: (string | number)[][] = [
  FIXED[0] ?? [],
  ['1.1', 'Kế hoạch cải cách hành chính năm', '', '', '', '', '', ''],
  ['1.2', 'Đánh giá của lãnh đạo tỉnh', '45', '', '', 'x', '', ''],
  ['1.2', 'Trùng mã', '1', '', '', '', '', ''],
  ...FIXED.slice(3),
];

describe.skipIf(onPostgresPass)('criteria sets in the console', () => {
  it('refuses a bad sheet row by row, imports the fixed one and publishes it', async () => {
    const page = await signInOfficial(await suite.openPage(), 'sonoivu');
    await page.getByRole('link', { name: 'Chỉ số CCHC', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/can-bo/chi-so-cchc/dot-danh-gia');
    await page.getByRole('link', { name: 'Bộ tiêu chí', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/can-bo/chi-so-cchc/bo-tieu-chi');
    await page.getByRole('heading', { name: 'Bộ tiêu chí xác định Chỉ số CCHC' }).waitFor();

    await page.getByTestId('par-import-open').click();
    const dialog = page.getByRole('dialog', { name: 'Nhập bộ tiêu chí từ tệp Excel' });
    await settled(dialog);
    await dialog.getByTestId('par-import-title').fill('Bộ tiêu chí các sở, ban, ngành năm 2026');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'bo-tieu-chi.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await workbook(BROKEN),
    });
    const refused = nextResponse(page, 'POST', '/api/v1/par/criteria-sets/import');
    await dialog.getByTestId('par-import-start').click();
    expect((await refused).status()).toBe(422);
    const errors = dialog.getByTestId('par-import-errors');
    await errors.waitFor();
    await expect.poll(() => errors.locator('tbody tr.ant-table-row').count()).toBe(4);
    const text = await errors.innerText();
    expect(text).toContain('Thiếu điểm tối đa.');
    expect(text).toContain('Mã 1.2 bị trùng (đã có ở dòng 4).');
    expect(text).toContain('Điểm tối đa của 1.2 (45) vượt điểm tối đa của mục 1 (40).');
    await shoot(page, 'par-criteria-import-errors', { fullPage: false });

    await dialog.locator('input[type=file]').setInputFiles({
      name: 'bo-tieu-chi-da-sua.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await workbook(FIXED),
    });
    await expect.poll(() => dialog.getByTestId('par-import-errors').count()).toBe(0);
    const accepted = nextResponse(page, 'POST', '/api/v1/par/criteria-sets/import');
    await dialog.getByTestId('par-import-start').click();
    expect((await accepted).status()).toBe(201);
    await page.waitForURL(/\/can-bo\/chi-so-cchc\/bo-tieu-chi\/[0-9a-f-]{36}$/);
    await page.getByTestId('par-set-valid').waitFor();
    await expect.poll(() => page.getByTestId('par-set-status').getAttribute('data-status')).toBe('draft');
    await expect
      .poll(() => page.getByTestId('par-set-summary').innerText())
      .toContain('3 tiêu chí được chấm; tổng 100 điểm, trong đó 24,5 điểm qua điều tra xã hội học.');
    await page.locator('[data-code="1.1"]').getByText('15,5').waitFor();
    await shoot(page, 'par-criteria-draft');

    await page.getByTestId('par-publish-open').click();
    const publish = page.getByRole('dialog', { name: 'Ban hành bộ tiêu chí' });
    await settled(publish);
    await publish.getByTestId('par-publish-number').fill('1156/QĐ-UBND');
    await publish.getByTestId('par-publish-date').fill('2026-01-15');
    const published = nextResponse(page, 'POST', /\/api\/v1\/par\/criteria-sets\/[0-9a-f-]+\/publish$/);
    await publish.getByTestId('par-publish-confirm').click();
    expect((await published).status()).toBe(200);
    await expect.poll(() => page.getByTestId('par-set-status').getAttribute('data-status')).toBe('published');
    await expect
      .poll(() => page.getByTestId('par-set-decision').innerText())
      .toContain('Số 1156/QĐ-UBND ngày 15/01/2026');
    expect(await page.getByTestId('par-publish-open').count()).toBe(0);
    await shoot(page, 'par-criteria-published');

    const phone = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'sonoivu');
    await phone.goto(new URL(page.url()).pathname);
    await phone.getByTestId('par-set-decision').waitFor();
    await phone.locator('[data-code="2.1"]').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(phone, 'par-criteria-published-phone');
  });

  it('edits a draft in the tree: a new area with a child, its maximum summed into the area at once', async () => {
    const organiser = await asOfficial(suite.server, 'sonoivu');
    const draft = await organiser.call<{ id: string }>('POST', '/api/v1/par/criteria-sets', {
      year: 2027,
      unitGroup: 'commune',
      title: 'Bộ tiêu chí cấp xã năm 2027',
    });
    const page = await signInOfficial(await suite.openPage(), 'sonoivu');
    await page.goto(`/can-bo/chi-so-cchc/bo-tieu-chi/${draft.id}`);
    await page.getByTestId('par-set-issues').getByText('Bộ tiêu chí chưa có lĩnh vực nào.').waitFor();

    await page.getByTestId('par-add-area').click();
    const editor = page.getByTestId('par-node-editor');
    await editor.getByText('Sửa mục 1').waitFor();
    await editor.getByTestId('par-node-title').fill('Cải cách thủ tục hành chính');
    const named = nextResponse(page, 'POST', `/api/v1/par/criteria-sets/${draft.id}/criteria`);
    await editor.getByTestId('par-node-save').click();
    expect((await named).status()).toBe(200);
    await page.locator('[data-code="1"]').getByText('Cải cách thủ tục hành chính').waitFor();
    await editor.getByTestId('par-node-add-child').click();
    await editor.getByText('Sửa mục 1.1').waitFor();
    await editor.getByTestId('par-node-title').fill('Công khai thủ tục hành chính');
    await editor.getByTestId('par-node-max').fill('2,5');
    const saved = nextResponse(page, 'POST', `/api/v1/par/criteria-sets/${draft.id}/criteria`);
    await editor.getByTestId('par-node-save').click();
    expect((await saved).status()).toBe(200);
    // The area took its child's maximum; the set is valid now (1 scored criterion, 2,5 points).
    await expect.poll(() => page.locator('[data-code="1"]').getByTestId('par-node-points').innerText()).toBe('2,5');
    await page.getByTestId('par-set-valid').waitFor();
    expect(await page.locator('[data-code="1.1"]').innerText()).toContain('Công khai thủ tục hành chính');
    await shoot(page, 'par-criteria-editor');
  });
});
