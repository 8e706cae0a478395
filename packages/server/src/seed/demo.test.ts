import { type DossierStatus, FINAL_STATUSES } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { DEFAULT_DEMO_PASSWORD, seedDemo } from './demo.js';

let t: TestApp;
let first: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  t = await createTestApp();
  first = await seedDemo(t.ctx, { publicUrl: 'https://dichvucong.hungyen.example/', historyDossiers: 300 });
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('the demo province (Hưng Yên)', () => {
  it('is seeded once and prints the demo-only accounts', async () => {
    expect(first.seeded).toBe(true);
    expect(first.printed?.join('\n')).toContain(DEFAULT_DEMO_PASSWORD);
    expect(await seedDemo(t.ctx)).toEqual({ seeded: false });
    expect(first.printed?.at(-1)).toBe(
      'Open https://dichvucong.hungyen.example/can-bo to sign in as an official, https://dichvucong.hungyen.example/ for the portal.',
    );
  });

  it('fills the reports with synthetic past dossiers when asked, and says they are not real', async () => {
    expect(first.printed?.join('\n')).toContain('300 synthetic past dossiers (demo only, not real figures)');
    // The synthetic dossiers are the ones without a history; every one of them is closed, so no
    // official finds one in an inbox.
    const synthetic = await t.database.db
      .selectFrom('dossier')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('dossierEvent').select('id').whereRef('dossierId', '=', 'dossier.id'))),
      )
      .select('status')
      .execute();
    expect(synthetic).toHaveLength(300);
    expect(synthetic.filter((d) => !FINAL_STATUSES.has(d.status as DossierStatus))).toEqual([]);
    const admin = await signIn(t.app, 'qttinh', DEFAULT_DEMO_PASSWORD);
    const received = async (period: number) => {
      const report = await t.app.inject({ url: `/api/v1/reports/statistics?period=${period}`, headers: admin.headers });
      expect(report.statusCode, report.body).toBe(200);
      return report.json().totals.receivedNew as number;
    };
    // From 1 January last year: the 300 synthetic dossiers and the few the engine created.
    const year = Number(new Date().toISOString().slice(0, 4));
    const total = (await received(year - 1)) + (await received(year));
    expect(total).toBeGreaterThanOrEqual(300);
    expect(total).toBeLessThan(300 + 20);
  });

  it('has the province government, its 104 communes and the four merged wards', async () => {
    const communes = await t.app.inject({ url: '/api/v1/agencies?province=33&kind=commune_committee&pageSize=1' });
    expect(communes.json().total).toBe(104);
    const before = await t.app.inject({
      url: '/api/v1/agencies?province=33&kind=commune_committee&at=2025-06-30&pageSize=1',
    });
    expect(before.json().total).toBe(4);
    const phoHien = (await t.app.inject({ url: '/api/v1/agencies?q=phuong%20pho%20hien&province=33' })).json().items[0];
    const detail = (await t.app.inject({ url: `/api/v1/agencies/${phoHien.id}` })).json();
    expect(detail.predecessors.map((p: { name: string }) => p.name).sort()).toEqual([
      'Ủy ban nhân dân phường An Tảo',
      'Ủy ban nhân dân phường Hiến Nam',
      'Ủy ban nhân dân phường Lê Lợi',
      'Ủy ban nhân dân phường Minh Khai',
    ]);
  });

  it('lets every demo account sign in with the demo password', async () => {
    for (const username of [
      'tiepnhan',
      'chuyenvien',
      'lanhdao',
      'trakq',
      'qtdonvi',
      'qttinh',
      'thanhtra',
      'xa.tiepnhan',
    ]) {
      const session = await signIn(t.app, username, DEFAULT_DEMO_PASSWORD);
      expect(session.csrfToken.length).toBeGreaterThan(20);
    }
  });

  it("keeps a dossier received by a merged ward attributed to it, and lets the successor's officials see it", async () => {
    const session = await signIn(t.app, 'xa.tiepnhan', DEFAULT_DEMO_PASSWORD);
    const inbox = (await t.app.inject({ url: '/api/v1/dossiers?box=all&limit=50', headers: session.headers })).json();
    const historic = inbox.items.find((d: { code: string }) => d.code.startsWith('001.00.30.H31-250625-'));
    expect(historic).toBeDefined();
    const dossier = (await t.app.inject({ url: `/api/v1/dossiers/${historic.code}`, headers: session.headers })).json();
    expect(dossier.receivingAgency.name).toBe('Ủy ban nhân dân phường Hiến Nam');
    expect(dossier.status).toBe('returned');
    const events = (
      await t.app.inject({ url: `/api/v1/dossiers/${historic.code}/events`, headers: session.headers })
    ).json();
    expect(events.items.map((e: { actorName: string }) => e.actorName)).toEqual([
      'Nguyễn Văn Cường',
      'Nguyễn Văn Cường',
      'Đỗ Văn Hùng',
      'Ngô Thị Hạnh',
      'Bùi Thị Mai',
    ]);
  });

  it('has dossiers in several states with intact hash chains', async () => {
    const session = await signIn(t.app, 'thanhtra', DEFAULT_DEMO_PASSWORD);
    for (const status of ['processing', 'returned', 'supplement_requested']) {
      const url = `/api/v1/dossiers?box=all&status=${status}&limit=5`;
      const inbox = (await t.app.inject({ url, headers: session.headers })).json();
      expect(inbox.items.length, status).toBeGreaterThan(0);
    }
    const audit = await verifyAuditChains(t.ctx);
    expect(audit.findings).toEqual([]);
    expect(audit.dossiers).toBeGreaterThanOrEqual(7 + 300);
  });
});
