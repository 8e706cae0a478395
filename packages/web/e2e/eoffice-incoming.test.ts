import { insertUserRole } from '@motcua/db';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { buildPdf, nextResponse, onPostgresPass, pickOption, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * An incoming paper document (Decree 30/2020 Art. 22–24): the clerk uploads its scan and registers it,
 * presents it to the head; the head directs it to the division with an instruction; the division's
 * specialist starts and finishes it. The world's officials stand in: tiepnhan as the clerk, lanhdao as the
 * head of the Department of Justice, chuyenvien as a specialist of its division.
 */
let divisionName = '';
const suite = useBrowserSuite('eoffice-incoming', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    divisionName = world.agencies.justiceDivision?.name ?? '';
    for (const [username, agency, role] of [
      ['tiepnhan', 'justice', 'clerk'],
      ['lanhdao', 'justice', 'agency_head'],
      ['chuyenvien', 'justiceDivision', 'specialist'],
    ] as const) {
      await insertUserRole(server.app.motcua.db, {
        userId: world.users[username]?.id ?? '',
        agencyId: world.agencies[agency]?.id ?? '',
        role,
        includeSubagencies: role !== 'specialist',
        grantedBy: null,
      });
    }
  },
});

describe.skipIf(onPostgresPass)('an incoming document from the register to done', () => {
  it('is registered, presented, directed and handled', async () => {
    const clerk = await signInOfficial(await suite.openPage(), 'tiepnhan');
    await clerk.goto('/can-bo/van-ban-den');
    await clerk.getByRole('button', { name: 'Vào sổ văn bản giấy' }).click();
    const form = clerk.locator('form[id="incoming-register"]');
    const uploaded = nextResponse(clerk, 'POST', '/api/v1/incoming-documents/scans');
    await form.getByTestId('incoming-scan').setInputFiles({
      name: 'cong-van.pdf',
      mimeType: 'application/pdf',
      buffer: buildPdf('Cong van 123/BTP-VP'),
    });
    expect((await uploaded).status()).toBe(201);
    await form.getByLabel('Cơ quan ban hành', { exact: true }).fill('Bộ Tư pháp');
    await form.getByLabel('Số, ký hiệu', { exact: true }).fill('123/BTP-VP');
    await form.getByLabel('Ngày văn bản', { exact: true }).fill('2026-11-20');
    await form.getByLabel('Trích yếu nội dung', { exact: true }).fill('Về việc triển khai công tác văn thư');
    const created = nextResponse(clerk, 'POST', '/api/v1/incoming-documents');
    await form.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    expect((await created).status()).toBe(201);
    await clerk.getByTestId('incoming-saved').getByRole('link').click();
    await clerk.getByText('Đã vào sổ, chờ trình').first().waitFor();
    await pickOption(clerk.getByLabel('Lãnh đạo được trình', { exact: true }), 'Lê Văn Lãnh Đạo');
    const presented = nextResponse(clerk, 'POST', /\/api\/v1\/incoming-documents\/[^/]+\/actions$/);
    await clerk.getByRole('button', { name: 'Trình lãnh đạo', exact: true }).click();
    expect((await presented).status()).toBe(200);
    const url = clerk.url();

    const head = await signInOfficial(await suite.openPage(), 'lanhdao');
    await head.goto(url);
    await head.getByRole('textbox', { name: 'Ý kiến chỉ đạo' }).fill('Phòng Hành chính tư pháp chủ trì tham mưu.');
    await pickOption(head.getByLabel('Đơn vị chủ trì', { exact: true }), divisionName);
    const directed = nextResponse(head, 'POST', /\/api\/v1\/incoming-documents\/[^/]+\/actions$/);
    await head.getByRole('button', { name: 'Cho ý kiến chỉ đạo, phân công xử lý' }).click();
    expect((await directed).status()).toBe(200);
    await head.getByText('Đã phân công xử lý').first().waitFor();

    const specialist = await signInOfficial(await suite.openPage(), 'chuyenvien');
    await specialist.goto('/can-bo/van-ban-den?xem=my_units');
    await specialist.getByTestId('incoming-line').first().locator('a').click();
    const started = nextResponse(specialist, 'POST', /\/api\/v1\/incoming-documents\/[^/]+\/actions$/);
    await specialist.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    expect((await started).status()).toBe(200);
    await specialist.getByLabel('Hoàn thành xử lý').check();
    const finished = nextResponse(specialist, 'POST', /\/api\/v1\/incoming-documents\/[^/]+\/actions$/);
    await specialist.getByRole('button', { name: 'Hoàn thành xử lý' }).click();
    expect((await finished).status()).toBe(200);
    await specialist.getByText('Đã xử lý xong').first().waitFor();
    await shoot(specialist, 'incoming-done');
  });
});
