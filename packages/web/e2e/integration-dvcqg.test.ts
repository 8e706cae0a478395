import { seedProcedure, seedWorld, signIn } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * "Giám sát đồng bộ" and "Kết nối Cổng Dịch vụ công quốc gia" (issue 21 item 2) of the province administrator, and
 * the dossier page's "Đồng bộ Cổng DVCQG" panel of a processor who reads the dossier but may not re-send it — at
 * 1280 and 390 px. The delivery worker is not needed: the cursors and the log are seeded as it leaves them.
 */
const codes: string[] = [];
const suite = useBrowserSuite('integration-dvcqg', {
  seed: async (server) => {
    const database = server.app.motcua.database;
    const world = await seedWorld({ database } as unknown as TestApp);
    await seedProcedure({ database } as unknown as TestApp, { catalog: '33', code: '1.001193' });
    const session = await signIn(server.app, 'motcua');
    for (const name of ['Nguyễn Thị Chờ Gửi', 'Trần Thị Bị Từ Chối']) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: session.headers,
        payload: {
          receivingAgencyId: world.agencies.centre?.id,
          procedureCode: '1.001193',
          channel: 'direct',
          applicant: {
            kind: 'person',
            fullName: name,
            idNumber: '033190001234',
            dateOfBirth: '1990-05-20',
            gender: 'female',
            address: { text: 'Phường Phố Hiến, tỉnh Hưng Yên', communeCode: '11953' },
            phone: '0912345678',
          },
          components: [
            { key: 'to-khai', originals: 1, copies: 0 },
            { key: 'giay-chung-sinh', originals: 1, copies: 0 },
          ],
          outcome: 'receive',
        },
      });
      codes.push(response.json().code as string);
    }
    const db = server.app.motcua.db;
    const ids = await db.selectFrom('dossier').select(['id', 'code']).where('code', 'in', codes).execute();
    const idOf = (code: string | undefined) => ids.find((row) => row.code === code)?.id ?? '';
    const now = Date.now();
    await db
      .insertInto('dvcqgSetting')
      .values({
        provinceCode: '33',
        enabled: true,
        endpointUrl: 'http://127.0.0.1:9/api',
        authUrl: 'http://127.0.0.1:9/auth',
        username: 'hungyen',
        secretCiphertext: 'v1.sealed',
        unitCode: '000.00.00.H31',
        agencyCodes: '{}',
        onTimeMinutes: 60,
        backlogAlertMinutes: 60,
      })
      .execute();
    await db
      .insertInto('dvcqgSync')
      .values([
        {
          dossierId: idOf(codes[0]),
          provinceCode: '33',
          targetSeq: 1,
          state: 'pending',
          attempts: 3,
          pendingSince: new Date(now - 90 * 60_000),
          nextAttemptAt: new Date(now + 10 * 60_000),
          lastErrorCode: 'TIMEOUT',
          lastErrorMessage: 'Hết thời gian chờ',
        },
        {
          dossierId: idOf(codes[1]),
          provinceCode: '33',
          targetSeq: 1,
          state: 'parked',
          pendingSince: new Date(now - 20 * 60_000),
          lastErrorCode: '99',
          lastErrorMessage: 'MaTTHC không tồn tại',
        },
      ])
      .execute();
    const log = (code: string | undefined, outcome: 'failed' | 'rejected', errorCode: string, minutesAgo: number) => ({
      provinceCode: '33',
      dossierId: idOf(code),
      eventSeq: 1,
      eventAt: new Date(now - 100 * 60_000),
      service: 'DongBoHoSoMC' as const,
      outcome,
      errorCode,
      message: outcome === 'rejected' ? 'MaTTHC không tồn tại' : 'Hết thời gian chờ',
      at: new Date(now - minutesAgo * 60_000),
    });
    await db
      .insertInto('dvcqgSyncLog')
      .values([
        log(codes[0], 'failed', 'TIMEOUT', 80),
        log(codes[0], 'failed', 'TIMEOUT', 40),
        log(codes[1], 'rejected', '99', 20),
      ])
      .execute();
  },
});

describe.skipIf(onPostgresPass)('the national portal sync monitor', () => {
  it('shows the figures, the alert, the chart and the parked dossiers; the panel and the settings', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await signInOfficial(await suite.openPage(viewport), 'qttinh');
      await page.goto('/can-bo/tich-hop/dvcqg');
      await page.getByRole('heading', { name: 'Giám sát đồng bộ' }).waitFor();
      const figures = page.getByTestId('dvcqg-figures');
      await figures.getByText('Bị Cổng từ chối').waitFor();
      await expect(figures.innerText()).resolves.toMatch(/Hồ sơ chờ gửi\s*1/);
      await page.getByText(/Cảnh báo: thay đổi cũ nhất đã chờ 9\d phút, quá ngưỡng 60 phút/).waitFor();
      await page.locator('[data-chart="drawn"]').waitFor();
      const list = page.getByTestId('dvcqg-list');
      await list.getByText(codes[1] ?? '').waitFor();
      await expect(list.innerText()).resolves.toContain('MaTTHC không tồn tại');
      const overflow = await page.evaluate(() =>
        Math.max(0, ...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)),
      );
      expect(overflow).toBeLessThanOrEqual(viewport.width);
      await shoot(page, `dvcqg-monitor-${viewport.width}`, { fullPage: true });

      await page.goto('/can-bo/tich-hop/cai-dat');
      await page.getByRole('heading', { name: 'Kết nối Cổng Dịch vụ công quốc gia' }).waitFor();
      await page.getByText('Đã lưu mật khẩu — để trống nếu không đổi').waitFor();
      await expect(page.getByTestId('dvcqg-password').inputValue()).resolves.toBe('');
      await shoot(page, `dvcqg-settings-${viewport.width}`);
    }
    // A processor of Justice reads the dossier and its sync, but may not re-send it.
    const page = await signInOfficial(await suite.openPage({ width: 390, height: 844 }), 'chuyenvien');
    await page.goto(`/can-bo/ho-so/${codes[1]}`);
    const panel = page.getByTestId('dossier-dvcqg-sync');
    await panel.getByText('Đồng bộ Cổng DVCQG').waitFor();
    await expect(panel.getByTestId('dossier-dvcqg-state').innerText()).resolves.toBe('Bị từ chối');
    await expect(panel.innerText()).resolves.toContain('MaTTHC không tồn tại');
    await expect(panel.getByRole('button', { name: 'Gửi lại trạng thái' }).count()).resolves.toBe(0);
    await shoot(page, 'dvcqg-dossier-panel-390');
  }, 120_000);
});
