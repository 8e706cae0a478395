import { sealSecret } from '@motcua/server/auth/sealed-secret';
import { createDvcqgSimulator, readSimulatorCatalog } from '@motcua/server/integration/dvcqg/simulator';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { onPostgresPass, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * "Đồng bộ danh mục TTHC từ Cổng DVCQG" of the province administrator, against motcua's simulator of the national
 * portal: a first pull creates the procedures, a second one after the portal renamed one and abolished another
 * reports exactly that — at 1366 and 360 px.
 */
let simulator: FastifyInstance | undefined;
let portal = '';

const suite = useBrowserSuite('catalog-pull', {
  seed: async (server) => {
    await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    simulator = createDvcqgSimulator({
      username: 'h33',
      password: 'mật khẩu',
      catalog: readSimulatorCatalog(['1.000894', '1.000656']),
    });
    portal = await simulator.listen({ port: 0, host: '127.0.0.1' });
    await server.app.motcua.db
      .insertInto('dvcqgSetting')
      .values({
        provinceCode: '33',
        enabled: true,
        endpointUrl: `${portal}/service`,
        authUrl: `${portal}/auth`,
        username: 'h33',
        secretCiphertext: await sealSecret(server.app.motcua, 'dvcqg-password', '33', 'mật khẩu'),
        dstCode: 'H33',
        unitCode: '000.00.00.H33',
      })
      .execute();
  },
});

afterAll(async () => {
  await simulator?.close();
});

describe.skipIf(onPostgresPass)('the national catalog pull page', () => {
  it('pulls the catalog, then shows what the portal changed and abolished, at 1366 and 360 px', async () => {
    const page = await signInOfficial(await suite.openPage({ width: 1366, height: 900 }), 'qttinh');
    await page.getByRole('link', { name: 'Danh mục TTHC quốc gia' }).click();
    await page.getByRole('heading', { name: 'Đồng bộ danh mục TTHC từ Cổng DVCQG' }).waitFor();
    const report = page.getByTestId('catalog-pull-report');

    await page.getByTestId('catalog-pull-now').click();
    await report.locator('[data-state="completed"]').waitFor({ timeout: 60_000 });
    await expect(report.getByTestId('catalog-pull-created').innerText()).resolves.toContain('2');
    await report.getByTestId('catalog-pull-changes').getByText('1.000894').waitFor();

    await fetch(`${portal}/_sim/catalog/1.000894`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ TENTTHC: 'Thủ tục đã đổi tên trên Cổng' }),
    });
    await fetch(`${portal}/_sim/catalog/1.000656/abolish`, { method: 'POST' });
    await page.getByTestId('catalog-pull-now').click();
    await report.getByText('Trường thay đổi: tên thủ tục').waitFor({ timeout: 60_000 });
    await report.locator('[data-state="completed"]').waitFor();
    await report.getByText('Đang có trong danh mục của tỉnh: cần quản trị tỉnh xem xét').waitFor();
    await shoot(page, 'catalog-pull-1366');

    const phone = await signInOfficial(await suite.openPage({ width: 360, height: 740 }), 'qttinh');
    await phone.goto(page.url());
    await phone.getByTestId('catalog-pull-report').getByText('Trường thay đổi: tên thủ tục').waitFor();
    const overflow = await phone.evaluate(() =>
      Math.max(0, ...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)),
    );
    expect(overflow).toBeLessThanOrEqual(360);
    await shoot(phone, 'catalog-pull-360');
  });
});
