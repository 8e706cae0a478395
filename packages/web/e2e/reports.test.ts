import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEMO_PASSWORD } from '@motcua/server/seed/demo';
import { DEMO_AGENCY_CODES } from '@motcua/server/seed/demo-procedures';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * The reports dashboard and the historical-dossier import in a real browser, on the demo province
 * (Hưng Yên, seeded as `npm start` does): the province administrator sees the figures in Vietnamese
 * formats with their charts, exports them to Excel, uploads a CSV of dossiers from 2024 with one bad
 * row, follows its progress to the end, reads why the row was rejected, and finds 2024 in the
 * dashboard. Screenshots at 1366 × 768. Skipped on the PostgreSQL pass, like the other browser suites.
 */
// The demo province, as `npm start` seeds it: its agencies, accounts and a few dossiers this year.
const suite = useBrowserSuite('reports', { env: { MOTCUA_DEMO: 'true' } });

/** Valid rows of the file: enough for a thousands separator in the dashboard ("1.250"). */
const VALID_ROWS = 1250;
/** Every fifth one resolved late; the others early. */
const LATE_ROWS = VALID_ROWS / 5;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Dossiers of the Department of Justice received in 2024 (month by month), all resolved and
 * returned, in the documented format (docs/import-format.md) with Vietnamese column names; and one
 * row without a date received, which the import must reject with its reason.
 */
const buildHistoricalCsv = (): string => {
  const lines = [
    'Mã hồ sơ,Mã cơ quan,Mã TTHC,Lĩnh vực,Kênh thực hiện,Trạng thái,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ngày trả,Chủ hồ sơ',
  ];
  for (let i = 0; i < VALID_ROWS; i++) {
    const month = (i % 12) + 1;
    const day = (i % 20) + 1;
    const late = i % 5 === 0;
    const received = `${pad(day)}/${pad(month)}/2024 08:30`;
    const due = `${pad(day + 7)}/${pad(month)}/2024 17:00`;
    const done = late ? `${pad(day + 8)}/${pad(month)}/2024 10:00` : `${pad(day + 2)}/${pad(month)}/2024 10:00`;
    const channel = i % 3 === 0 ? 'Trực tuyến' : 'Trực tiếp';
    lines.push(
      `LS-2024-${String(i + 1).padStart(5, '0')},${DEMO_AGENCY_CODES.justice},1.001193,Hộ tịch,${channel},10,${received},${due},${done},${done},Công dân ${i + 1}`,
    );
  }
  lines.push(
    `LS-2024-LOI,${DEMO_AGENCY_CODES.justice},1.001193,Hộ tịch,Trực tiếp,4,,15/03/2024 17:00,,,Người thiếu ngày`,
  );
  return `${lines.join('\r\n')}\r\n`;
};

const signInAsProvinceAdmin = async (): Promise<Page> =>
  signInOfficial(await suite.openPage(undefined, { acceptDownloads: true }), 'qttinh', DEFAULT_DEMO_PASSWORD);

/** Horizontal overflow of the page (0 when nothing sticks out sideways). */
const overflowOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** A KPI card of the dashboard by its title: its figure and the line under it. */
const kpi = (page: Page, title: string): { value: Locator; card: Locator } => {
  const card = page.getByTestId('kpi').filter({ has: page.locator('.ant-statistic-title', { hasText: title }) });
  return { card, value: card.locator('.ant-statistic-content') };
};

/** Waits until the dashboard has answered for the period chosen (its caption names it). */
const waitForPeriod = (page: Page, label: RegExp) =>
  page.getByTestId('report-period').filter({ hasText: label }).first().waitFor();

const chooseYear = async (page: Page, year: number) => {
  const picker = page.locator('.ant-picker').first().locator('input');
  await picker.click();
  await picker.fill(String(year));
  await picker.press('Enter');
  await waitForPeriod(page, new RegExp(`Năm ${year}`));
};

/** The Vietnamese way of writing a count: a dot every three digits, never a comma. */
const VIETNAMESE_COUNT = /^\d{1,3}(\.\d{3})*$/;

describe.skipIf(onPostgresPass)('the reports dashboard and the historical import', () => {
  it('shows the province’s figures in Vietnamese formats with their charts, and exports them to Excel', async () => {
    const page = await signInAsProvinceAdmin();
    await page.goto('/can-bo/bao-cao');
    await page.getByRole('heading', { name: 'Thống kê, báo cáo giải quyết thủ tục hành chính' }).waitFor();
    await waitForPeriod(page, /Toàn tỉnh .* — Năm \d{4}/);

    for (const title of ['Tổng số hồ sơ phải giải quyết', 'Hồ sơ mới tiếp nhận', 'Đã giải quyết', 'Đang giải quyết']) {
      const { value } = kpi(page, title);
      await value.waitFor();
      await expect.poll(async () => (await value.innerText()).trim(), { message: title }).toMatch(VIETNAMESE_COUNT);
    }
    const received = Number((await kpi(page, 'Hồ sơ mới tiếp nhận').value.innerText()).replace(/\./g, ''));
    expect(received).toBeGreaterThan(0);
    // Rates with a decimal comma and their base: "75% trực tuyến"; the early and on-time rates apart,
    // then their sum: "50% trước hạn + 16,67% đúng hạn = 66,67% trước hạn và đúng hạn".
    const resolvedLine = kpi(page, 'Đã giải quyết').card.getByTestId('kpi-detail');
    const rate = '(\\d+(,\\d+)?%|—)';
    await expect
      .poll(() => resolvedLine.innerText())
      .toMatch(new RegExp(`^${rate} trước hạn \\+ ${rate} đúng hạn = ${rate} trước hạn và đúng hạn$`));
    // The 766 index in Vietnamese decimals ("62,5/80").
    await expect.poll(() => kpi(page, 'Chỉ số 766').value.innerText()).toMatch(/^\d+(,\d+)?\/\d+$/);

    // The charts are drawn (ECharts on canvas, loaded on first use), not left as empty boxes; each
    // says when its drawing and entry animation are over (data-chart="drawn").
    const chart = page.getByRole('img', { name: 'Tiếp nhận và giải quyết theo thời gian' });
    const channels = page.getByRole('img', { name: 'Tỷ lệ hồ sơ theo hình thức nộp' });
    for (const drawn of [chart, channels]) {
      await drawn.and(page.locator('[data-chart="drawn"]')).waitFor();
    }
    const canvas = chart.locator('canvas');
    await canvas.waitFor();
    const size = await canvas.boundingBox();
    expect(size?.width).toBeGreaterThan(300);
    expect(size?.height).toBeGreaterThan(200);
    expect(await channels.locator('canvas').count()).toBe(1);
    // Nothing sticks out of the page sideways.
    await expect.poll(() => overflowOf(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'reports-dashboard');

    // The Excel export is a real workbook in the official report's layout.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^thong-ke-.*\.xlsx$/);
    const path = join(tmpdir(), `motcua-e2e-${Date.now()}.xlsx`);
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Báo cáo');
    expect(sheet?.getCell(5, 1).value).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    const total = sheet?.getRows(1, sheet.rowCount)?.find((row) => row.getCell(2).value === 'Tổng cộng');
    expect(total?.getCell(3).value).toBe(
      Number((await kpi(page, 'Tổng số hồ sơ phải giải quyết').value.innerText()).replace(/\./g, '')),
    );
  });

  it('imports historical dossiers with progress and a per-row report, and the dashboard counts them', async () => {
    const page = await signInAsProvinceAdmin();
    await page.goto('/can-bo/bao-cao');
    await waitForPeriod(page, /Năm \d{4}/);
    // 2024 is before the demo's dossiers: nothing yet.
    await chooseYear(page, 2024);
    await expect.poll(() => kpi(page, 'Hồ sơ mới tiếp nhận').value.innerText()).toBe('0');

    await page.getByRole('link', { name: 'Nhập dữ liệu hồ sơ cũ' }).click();
    await page.getByRole('heading', { name: 'Nhập dữ liệu hồ sơ cũ' }).waitFor();
    await page.getByText('Nhập vào số liệu của tỉnh (mã 33)').waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'ho-so-tu-phap-2024.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(buildHistoricalCsv(), 'utf8'),
    });
    await page.getByText(/^ho-so-tu-phap-2024\.csv \(\d+ KB\)$/).waitFor();
    await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
    await page.waitForURL(/\/can-bo\/bao-cao\/nhap-du-lieu\?id=[0-9a-f-]{36}$/);

    // The progress card follows the run to its end.
    const progress = page.getByTestId('import-progress');
    await progress.getByText('ho-so-tu-phap-2024.csv').waitFor();
    await page.locator('[data-testid="import-status"][data-status="completed"]').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => progress.locator('.ant-progress').getAttribute('aria-valuenow')).toBe('100');
    const figure = (key: string) => progress.getByTestId(`import-${key}`).locator('.ant-statistic-content').innerText();
    await expect.poll(() => figure('rows')).toBe('1.251');
    await expect.poll(() => figure('imported')).toBe('1.250');
    await expect.poll(() => figure('rejected')).toBe('1');
    await progress.getByText('Thiếu ngày tiếp nhận × 1').waitFor();

    // The rejected row, with its reason in Vietnamese.
    const rows = page.getByTestId('import-rows');
    const rejected = rows.locator('tr', { hasText: 'LS-2024-LOI' });
    await rejected.waitFor();
    // Numbered as a spreadsheet shows the file: the header is row 1, so the last row is VALID_ROWS + 2.
    await expect.poll(() => rejected.innerText()).toContain(String(VALID_ROWS + 2));
    await expect.poll(() => rejected.innerText()).toContain('Thiếu ngày tiếp nhận.');
    // Listed among the province's imports.
    await page.locator('.ant-table-row', { hasText: 'ho-so-tu-phap-2024.csv' }).first().waitFor();
    await expect.poll(() => overflowOf(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'reports-import');

    // Back to the dashboard: 2024 now holds the imported dossiers, with their outcomes.
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.getByRole('heading', { name: 'Thống kê, báo cáo giải quyết thủ tục hành chính' }).waitFor();
    await chooseYear(page, 2024);
    await expect.poll(() => kpi(page, 'Hồ sơ mới tiếp nhận').value.innerText()).toBe('1.250');
    await expect.poll(() => kpi(page, 'Đã giải quyết').value.innerText()).toBe('1.250');
    const onTime = (VALID_ROWS - LATE_ROWS) / VALID_ROWS;
    await expect
      .poll(() => kpi(page, 'Đã giải quyết').card.getByTestId('kpi-detail').innerText())
      .toMatch(new RegExp(`đúng hạn = ${String(onTime * 100).replace('.', ',')}% trước hạn và đúng hạn$`));
    await expect.poll(() => kpi(page, 'Tổng số hồ sơ phải giải quyết').value.innerText()).toBe('1.250');
    await page
      .locator('.ant-table-row', { hasText: 'Sở Tư pháp tỉnh Hưng Yên' })
      .filter({ hasText: '1.250' })
      .first()
      .waitFor();
  });
});
