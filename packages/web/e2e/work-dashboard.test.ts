import { insertUserRole } from '@motcua/db';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, pickOption, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * "Điều hành công việc" of an agency head: the totals with their bases ("2/4 (50,00%)"), the chart, the units
 * table whose figures open the tasks behind them, the evaluation bands, the Excel link — at 1280 and 390 px.
 */
let divisionId = '';
const suite = useBrowserSuite('work-dashboard', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    const db = server.app.motcua.db;
    const justice = world.agencies.justice?.id ?? '';
    divisionId = world.agencies.justiceDivision?.id ?? '';
    const head = world.users.lanhdao?.id ?? '';
    const specialist = world.users.chuyenvien?.id ?? '';
    await insertUserRole(db, {
      userId: head,
      agencyId: justice,
      role: 'agency_head',
      includeSubagencies: true,
      grantedBy: null,
    });
    const day = 86_400_000;
    const now = Date.now();
    const tasks = [
      { title: 'Báo cáo tổng kết công tác tư pháp năm', lead: specialist, unit: null, due: now - 2 * day },
      { title: 'Rà soát thủ tục hành chính lĩnh vực hộ tịch', lead: specialist, unit: null, due: now + 30 * day },
      { title: 'Chuẩn bị hội nghị phổ biến pháp luật', lead: specialist, unit: null, due: now + 60 * day },
      { title: 'Kiểm tra công tác chứng thực tại cấp xã', lead: null, unit: divisionId, due: now - day },
    ];
    for (const task of tasks) {
      await db
        .insertInto('task')
        .values({
          provinceCode: '33',
          agencyId: justice,
          title: task.title,
          assignedBy: head,
          assignedAt: new Date(now - 10 * day),
          leadUserId: task.lead,
          leadAgencyId: task.unit,
          dueAt: new Date(task.due),
          originalDueAt: new Date(task.due),
          status: 'in_progress',
        } as never)
        .execute();
    }
    const period = await db
      .insertInto('evaluationPeriod')
      .values({
        provinceCode: '33',
        agencyId: justice,
        kind: 'quarter',
        year: 2026,
        number: 3,
        startsOn: '2026-07-01',
        endsOn: '2026-09-30',
        status: 'closed',
        createdBy: head,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [username, band] of [
      ['chuyenvien', 'excellent'],
      ['tiepnhan', 'good'],
    ] as const) {
      await db
        .insertInto('evaluationSheet')
        .values({
          provinceCode: '33',
          periodId: period.id,
          agencyId: justice,
          userId: world.users[username]?.id ?? '',
          unitId: justice,
          status: 'decided',
          band,
          totalPoints: band === 'excellent' ? 9200 : 8000,
        } as never)
        .execute();
    }
  },
});

describe.skipIf(onPostgresPass)('the leader dashboard', () => {
  it('shows every figure over its base, the chart, the tasks behind a figure and the bands, at 1280 and 390 px', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await signInOfficial(await suite.openPage(viewport), 'lanhdao');
      await page.goto('/can-bo/dieu-hanh');
      const totals = page.getByTestId('dashboard-totals');
      await totals.getByText('2/4 (50,00%) trên số nhiệm vụ đang thực hiện').waitFor();
      await page.locator('[data-chart="drawn"]').waitFor();
      const bands = page.getByTestId('dashboard-bands');
      await bands.getByText('1/2 (50,00%) trên số người đã được xếp loại').first().waitFor();
      await expect(bands.innerText()).resolves.toContain('Hoàn thành xuất sắc nhiệm vụ');
      const excel = page.getByRole('link', { name: 'Tải Excel' });
      await expect(excel.getAttribute('href')).resolves.toBe('/api/v1/work-dashboard/workbook.xlsx');
      // The division's overdue tasks: 1 of its 1, opened in the drawer.
      await page.getByRole('button', { name: 'Phòng Hành chính tư pháp — Nhiệm vụ quá hạn: 1/1 (100,00%)' }).click();
      const items = page.getByTestId('drill-down-items');
      await items.getByText('Kiểm tra công tác chứng thực tại cấp xã').waitFor();
      await expect(items.locator('li').count()).resolves.toBe(1);
      await expect(items.innerText()).resolves.toContain('Quá hạn');
      await shoot(page, `work-dashboard-drill-${viewport.width}`);
      await page.keyboard.press('Escape');
      await items.waitFor({ state: 'hidden' });
      // One unit chosen: the excel link follows it.
      await pickOption(page.getByRole('combobox'), '— Phòng Hành chính tư pháp');
      await totals.getByText('1/1 (100,00%) trên số nhiệm vụ đang thực hiện').waitFor();
      await expect(excel.getAttribute('href')).resolves.toBe(`/api/v1/work-dashboard/workbook.xlsx?unit=${divisionId}`);
      // Nothing of the page sticks out sideways.
      const overflow = await page.evaluate(() =>
        Math.max(0, ...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)),
      );
      expect(overflow).toBeLessThanOrEqual(viewport.width);
      await shoot(page, `work-dashboard-${viewport.width}`);
    }
  });
});
