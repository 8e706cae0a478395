import { insertUser, insertUserRole } from '@motcua/db';
import { hashPassword } from '@motcua/server/auth/passwords';
import { seedWorld, TEST_PASSWORD } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { asOfficial, onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * "Đánh giá, xếp loại": a specialist's sheet of the current quarter (the task behind the figures, the general
 * criteria) self-assessed in the browser at 1280 and 390 px; the personnel officer's period page with the
 * quota, the sheets and the export buttons.
 */
const PEOPLE = [
  { username: 'tochuc', fullName: 'Phan Thị Tổ Chức', agency: 'justice', role: 'personnel_officer' },
  { username: 'giamdoc', fullName: 'Trần Văn Giám Đốc', agency: 'justice', role: 'agency_head' },
  { username: 'truongphong', fullName: 'Lê Thị Trưởng Phòng', agency: 'justiceDivision', role: 'unit_head' },
  { username: 'cv1', fullName: 'Nguyễn Văn Một', agency: 'justiceDivision', role: 'specialist' },
  { username: 'cv2', fullName: 'Đinh Thị Hai', agency: 'justiceDivision', role: 'specialist' },
] as const;

let periodId = '';
const suite = useBrowserSuite('evaluation', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    const db = server.app.motcua.db;
    const hash = await hashPassword(TEST_PASSWORD);
    const ids: Record<string, string> = {};
    for (const person of PEOPLE) {
      const user = await insertUser(db, {
        username: person.username,
        fullName: person.fullName,
        title: person.role === 'specialist' ? 'Chuyên viên' : null,
        email: null,
        phone: null,
        passwordHash: hash,
        provinceCode: '33',
        now: new Date(),
      });
      ids[person.username] = user?.id ?? '';
      await insertUserRole(db, {
        userId: user?.id ?? '',
        agencyId: world.agencies[person.agency]?.id ?? '',
        role: person.role,
        includeSubagencies: true,
        grantedBy: null,
      });
    }
    const now = Date.now();
    // cv1 completed one task on time this quarter.
    await db
      .insertInto('task')
      .values({
        provinceCode: '33',
        agencyId: world.agencies.justice?.id ?? '',
        title: 'Báo cáo kết quả rà soát văn bản quy phạm pháp luật',
        assignedBy: ids.giamdoc ?? '',
        assignedAt: new Date(now - 3 * 3_600_000),
        leadUserId: ids.cv1 ?? '',
        dueAt: new Date(now - 3_600_000),
        originalDueAt: new Date(now - 3_600_000),
        status: 'completed',
        progressPercent: 100,
        submittedAt: new Date(now - 2 * 3_600_000),
        completedAt: new Date(now - 2 * 3_600_000),
        completionClass: 'on_time',
      } as never)
      .execute();
    const local = new Date(now + 7 * 3_600_000);
    const officer = await asOfficial(server, 'tochuc');
    const period = await officer.call<{ id: string }>('POST', '/api/v1/evaluation-periods', {
      agencyId: world.agencies.justice?.id,
      kind: 'quarter',
      year: local.getUTCFullYear(),
      number: Math.floor(local.getUTCMonth() / 3) + 1,
    });
    periodId = period.id;
    await officer.call('POST', `/api/v1/evaluation-periods/${periodId}/gather`);
  },
});

describe.skipIf(onPostgresPass)('staff evaluation', () => {
  it('lets a specialist read the figures of their quarter and self-assess, at 1280 and 390 px', async () => {
    for (const [index, viewport] of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ].entries()) {
      const page = await signInOfficial(await suite.openPage(viewport), index === 0 ? 'cv1' : 'cv2');
      await page.goto('/can-bo/danh-gia');
      const sheet = page.getByTestId('evaluation-sheet');
      await sheet.getByTestId('sheet-status').getByText('Chưa tự đánh giá').waitFor();
      if (index === 0) {
        const items = page.getByTestId('sheet-items');
        await items.getByText('Báo cáo kết quả rà soát văn bản quy phạm pháp luật').waitFor();
        await expect(page.getByTestId('sheet-figures').innerText()).resolves.toContain('100,00%');
      }
      await page.getByRole('button', { name: 'Tự đánh giá' }).click();
      await sheet.getByTestId('sheet-status').getByText('Đã tự đánh giá').waitFor();
      const overflow = await page.evaluate(() =>
        Math.max(0, ...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)),
      );
      expect(overflow).toBeLessThanOrEqual(viewport.width);
      await shoot(page, `evaluation-mine-${viewport.width}`);
    }
  });

  it('shows the personnel officer the period: the quota, the sheets and the exports', async () => {
    const page = await signInOfficial(await suite.openPage({ width: 1280, height: 900 }), 'tochuc');
    await page.goto('/can-bo/danh-gia');
    await page.getByText('Đơn vị và kỳ đánh giá').click();
    const sheets = page.getByTestId('period-sheets');
    await sheets.getByRole('link', { name: 'Nguyễn Văn Một' }).waitFor();
    await page.getByTestId('evaluation-quota').getByText('Tỷ lệ "hoàn thành xuất sắc"').waitFor();
    await expect(page.getByRole('link', { name: 'Tải kết quả (Excel)' }).getAttribute('href')).resolves.toBe(
      `/api/v1/evaluation-periods/${periodId}/results.xlsx`,
    );
    await expect(
      page.getByRole('link', { name: 'Tải CSV cho CSDL cán bộ, công chức' }).getAttribute('href'),
    ).resolves.toBe(`/api/v1/evaluation-periods/${periodId}/csdl.csv`);
    await sheets.getByRole('link', { name: 'Nguyễn Văn Một' }).click();
    await page.getByTestId('evaluation-sheet').getByText('Nguyễn Văn Một', { exact: false }).first().waitFor();
    await shoot(page, 'evaluation-period-1280');
  });

  it('lets the head decide the period with the quota applied: the one proposed "xuất sắc" over it is rated "tốt"', async () => {
    type Sheet = { id: string; fullName: string; version: number; generalSelf?: Record<string, number> };
    const manager = await asOfficial(suite.server, 'truongphong');
    const listed = await manager.call<{ items: Sheet[] }>('GET', `/api/v1/evaluation-periods/${periodId}/sheets`);
    const first = listed.items.find((s) => s.fullName === 'Nguyễn Văn Một');
    const detail = await manager.call<{ sheet: Sheet & { generalSelf: Record<string, number> } }>(
      'GET',
      `/api/v1/evaluation-sheets/${first?.id}`,
    );
    const reviewed = await manager.call<{ sheet: Sheet }>('POST', `/api/v1/evaluation-sheets/${first?.id}/actions`, {
      action: 'review',
      expectedVersion: detail.sheet.version,
      generalScores: detail.sheet.generalSelf,
      note: 'Hoàn thành tốt các nhiệm vụ được giao.',
    });
    const officer = await asOfficial(suite.server, 'tochuc');
    await officer.call('POST', `/api/v1/evaluation-sheets/${first?.id}/actions`, {
      action: 'collective',
      expectedVersion: reviewed.sheet.version,
      note: 'Tập thể phòng thống nhất.',
    });
    const page = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'giamdoc');
    await page.goto('/can-bo/danh-gia');
    await page.getByText('Đơn vị và kỳ đánh giá').click();
    const quota = page.getByTestId('evaluation-quota');
    await quota.getByText('Vượt tỷ lệ, sẽ xếp "tốt"').waitFor();
    await page.getByRole('button', { name: 'Quyết định xếp loại cả kỳ' }).click();
    await page.getByText('Đã quyết định 1 phiếu.').waitFor();
    const sheets = page.getByTestId('period-sheets');
    await sheets.getByText('Mức xếp loại: Hoàn thành tốt nhiệm vụ').waitFor();
    const overflow = await page.evaluate(() =>
      Math.max(0, ...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)),
    );
    expect(overflow).toBeLessThanOrEqual(390);
    await shoot(page, 'evaluation-decision-390');
  });
});
