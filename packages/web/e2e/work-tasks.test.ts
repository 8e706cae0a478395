import { insertUserRole } from '@motcua/db';
import { seedWorld } from '@motcua/server/testing/fixtures';
import type { TestApp } from '@motcua/server/testing/test-app';
import { describe, expect, it } from 'vitest';
import { nextResponse, onPostgresPass, pickOption, shoot, signInOfficial, useBrowserSuite } from './harness';

/*
 * A task (giao việc, issue 20): the head of the Department of Justice assigns it to a specialist of its
 * division, 5 working days; the specialist (on a 390 px phone) starts it, reports 50 %, asks for an extension;
 * the head approves it; the time passes the new deadline; the specialist submits, the head accepts — completed
 * late. The world's officials stand in: lanhdao as the agency head, chuyenvien as a specialist of its division.
 */
const PHONE_390 = { width: 390, height: 844 };
const suite = useBrowserSuite('work-tasks', {
  seed: async (server) => {
    const world = await seedWorld({ database: server.app.motcua.database } as unknown as TestApp);
    for (const [username, agency, role] of [
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

const ACTION = /\/api\/v1\/tasks\/[^/]+\/actions$/;

describe.skipIf(onPostgresPass)('a task from assignment to completed late', () => {
  it('is assigned, progressed, extended once and completed late', async () => {
    const head = await signInOfficial(await suite.openPage(), 'lanhdao');
    await head.goto('/can-bo/cong-viec');
    await head.getByRole('button', { name: 'Giao việc' }).click();
    await head.getByLabel('Tên nhiệm vụ', { exact: true }).fill('Rà soát quy chế tiếp nhận văn bản');
    await pickOption(head.getByLabel('Công chức chủ trì', { exact: true }), 'Trần Văn Chuyên');
    const created = nextResponse(head, 'POST', '/api/v1/tasks');
    await head.getByRole('button', { name: 'Giao việc', exact: true }).click();
    expect((await created).status()).toBe(201);
    await head.getByTestId('task-status').getByText('Mới giao').waitFor();
    const url = head.url();

    const lead = await signInOfficial(await suite.openPage(PHONE_390), 'chuyenvien');
    // The assignment is a notice to the lead: the header's bell counts it, the notices page links to the task,
    // and opening it marks it read.
    await lead.getByTestId('notice-badge').getByText('1', { exact: true }).waitFor();
    await lead.getByTestId('notice-bell').click();
    await lead.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    const notice = lead.locator('[data-testid="notice-line"][data-unread="true"]');
    await notice.getByText('Nhiệm vụ mới: Rà soát quy chế tiếp nhận văn bản').waitFor();
    await shoot(lead, 'work-notices');
    const read = nextResponse(lead, 'POST', /\/api\/v1\/work\/notices\/[^/]+\/read$/);
    await notice.getByRole('link', { name: 'Mở nhiệm vụ' }).click();
    expect((await read).status()).toBe(200);
    await lead.waitForURL(url);
    await lead.getByTestId('task-status').getByText('Mới giao').waitFor();
    await expect.poll(() => lead.getByTestId('notice-badge').count()).toBe(0);
    await lead.goto('/can-bo/cong-viec');
    await lead.getByTestId('task-line').getByText('Rà soát quy chế tiếp nhận văn bản').click();
    const started = nextResponse(lead, 'POST', ACTION);
    await lead.getByRole('button', { name: 'Bắt đầu thực hiện' }).click();
    expect((await started).status()).toBe(200);
    await lead.getByTestId('task-status').getByText('Đang thực hiện').waitFor();
    await lead.getByLabel('Báo cáo tiến độ').check();
    await lead.getByLabel('Tỷ lệ hoàn thành (%)').fill('50');
    await lead.getByLabel('Ý kiến').fill('Đã rà soát một nửa quy chế.');
    const reported = nextResponse(lead, 'POST', ACTION);
    await lead.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    expect((await reported).status()).toBe(200);
    await lead.getByText('Đã rà soát một nửa quy chế.').first().waitFor();
    const extendTo = new Date(Date.now() + 7 * 3_600_000 + 20 * 86_400_000).toISOString().slice(0, 10);
    await lead.getByLabel('Xin gia hạn').check();
    await lead.getByLabel('Đề nghị gia hạn đến ngày').fill(extendTo);
    await lead.getByLabel('Lý do').fill('Chờ ý kiến của các phòng.');
    const asked = nextResponse(lead, 'POST', ACTION);
    await lead.getByRole('button', { name: 'Xin gia hạn' }).click();
    expect((await asked).status()).toBe(200);
    await lead.getByTestId('task-status').getByText('Xin gia hạn').waitFor();
    await shoot(lead, 'task-extension-requested');

    await head.goto(url);
    const approved = nextResponse(head, 'POST', ACTION);
    await head.getByRole('button', { name: 'Đồng ý gia hạn' }).click();
    expect((await approved).status()).toBe(200);
    await head.getByText('Hạn ban đầu').waitFor();

    // Forty days later: the extended deadline has passed.
    const ctx = suite.server.app.motcua as { clock: { now: () => Date } };
    const later = Date.now() + 40 * 86_400_000;
    ctx.clock = { now: () => new Date(later + (Date.now() % 1000)) };

    const lateLead = await signInOfficial(await suite.openPage(PHONE_390), 'chuyenvien');
    await lateLead.goto('/can-bo/cong-viec');
    await lateLead.locator('[data-testid="task-line"][data-overdue="true"]').first().waitFor();
    await lateLead.goto(url);
    await lateLead.getByLabel('Báo cáo hoàn thành').check();
    const submitted = nextResponse(lateLead, 'POST', ACTION);
    await lateLead.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    expect((await submitted).status()).toBe(200);
    await lateLead.getByTestId('task-status').getByText('Chờ nghiệm thu').waitFor();

    const lateHead = await signInOfficial(await suite.openPage(), 'lanhdao');
    await lateHead.goto(url);
    const accepted = nextResponse(lateHead, 'POST', ACTION);
    await lateHead.getByRole('button', { name: 'Nghiệm thu' }).click();
    expect((await accepted).status()).toBe(200);
    await lateHead.getByTestId('task-status').getByText('Hoàn thành quá hạn').waitFor();
    await shoot(lateHead, 'task-completed-late');
  });
});
