import {
  findActiveAgencyCredential,
  findActiveOfficialCredential,
  findAgencyByCode,
  findUserCredentials,
} from '@motcua/db';
import { DOSSIER_CODE_PATTERN, type DossierStatus, FINAL_STATUSES, type OfficialRole } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { verifyAuditChains } from '../usecases/dossiers/audit.js';
import { DEFAULT_DEMO_PASSWORD, findWorkingDayBefore, seedDemo } from './demo.js';
import { buildDemoProcess, DEMO_AGENCY_CODES, DEMO_PROCEDURES } from './demo-procedures.js';
import { seedDemoSigning } from './demo-signing.js';

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
    const again = await seedDemo(t.ctx);
    expect(again.seeded).toBe(false);
    // A second run prints the dossiers to try again (`motcua seed demo` on a seeded database).
    expect(again.printed?.[0]).toBe('Demo dossiers to track at http://localhost:3000/tra-cuu-ho-so (code / PIN):');
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

  it('is the install’s default site, and its hosting-centre administrator sees it among the provinces served', async () => {
    const admin = await signIn(t.app, 'trungtam.qt', DEFAULT_DEMO_PASSWORD);
    const me = await t.app.inject({ url: '/api/v1/me', headers: admin.headers });
    expect(me.json()).toMatchObject({ hostingAdmin: true });
    const provinces = await t.app.inject({ url: '/api/v1/hosting/provinces', headers: admin.headers });
    expect(provinces.statusCode, provinces.body).toBe(200);
    expect(provinces.json().items).toEqual([
      expect.objectContaining({ provinceCode: '33', name: 'Tỉnh Hưng Yên', isDefault: true }),
    ]);
    // No provincial record is theirs to read.
    const dossiers = await t.app.inject({ url: '/api/v1/dossiers?box=all', headers: admin.headers });
    expect(dossiers.statusCode === 200 ? dossiers.json().items : dossiers.statusCode).toSatisfy(
      (answer: unknown) => answer === 403 || answer === 404 || (Array.isArray(answer) && answer.length === 0),
    );
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
      'sonoivu',
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

describe('the demo as a province would run it', () => {
  // The roles that can take a step of each kind (an approver may also examine).
  const STEP_TAKERS: Record<string, readonly OfficialRole[]> = {
    receptionist: ['receptionist'],
    processor: ['processor', 'approver'],
    approver: ['approver'],
    result_returner: ['result_returner', 'receptionist'],
  };

  it('has officials for every step at every agency a demo procedure routes to', async () => {
    const roles = await t.database.db
      .selectFrom('userRole')
      .innerJoin('agency', 'agency.id', 'userRole.agencyId')
      .select(['agency.code', 'userRole.role'])
      .execute();
    const held = new Set(roles.map((r) => `${r.code}|${r.role}`));
    const communes = (
      await t.database.db
        .selectFrom('agency')
        .select('code')
        .where('kind', '=', 'commune_committee')
        .where('validTo', 'is', null)
        .execute()
    ).map((a) => a.code);
    expect(communes).toHaveLength(104);
    const missing: string[] = [];
    for (const spec of DEMO_PROCEDURES) {
      const receiving = spec.level === 'commune' ? communes : [DEMO_AGENCY_CODES.centre];
      for (const step of buildDemoProcess(spec, 40)) {
        const agencies = step.agency.kind === 'fixed' ? [step.agency.agencyCode] : receiving;
        for (const agency of agencies) {
          if (!(STEP_TAKERS[step.role] ?? []).some((role) => held.has(`${agency}|${role}`))) {
            missing.push(`${spec.code} ${step.key} ${agency} ${step.role}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    // A commune land dossier is examined at the Department of Agriculture and Environment.
    expect(held.has(`${DEMO_AGENCY_CODES.agricultureEnvironment}|processor`)).toBe(true);
    expect(held.has(`${DEMO_AGENCY_CODES.police}|approver`)).toBe(true);
  });

  it('spreads the live dossiers around the day of the seed: not yet due, due soon, overdue, and returned early, on time and late', async () => {
    const now = t.ctx.clock.now().getTime();
    const live = await t.database.db
      .selectFrom('dossier')
      .where('receivedAt', '>', new Date(now - 90 * 86_400_000))
      .where('eventCount', '>', 0)
      .select(['code', 'status', 'dueAt', 'completionClass'])
      .execute();
    const open = live.filter((d) => d.status === 'processing' && d.dueAt);
    const dueIn = (d: { dueAt: Date | null }) => (d.dueAt ? new Date(d.dueAt).getTime() - now : 0);
    const day = 86_400_000;
    expect(open.filter((d) => dueIn(d) > 3 * day).length, 'not yet due').toBeGreaterThan(0);
    expect(open.filter((d) => dueIn(d) > 0 && dueIn(d) <= 3 * day).length, 'due soon').toBeGreaterThan(0);
    expect(open.filter((d) => dueIn(d) < 0).length, 'overdue').toBeGreaterThan(0);
    expect(open.filter((d) => dueIn(d) < 0).length).toBeLessThan(open.length / 2);
    const returned = live.filter((d) => d.status === 'returned').map((d) => d.completionClass);
    expect(new Set(returned)).toEqual(new Set(['early', 'on_time', 'late']));
    // A commune land dossier sits at the Department of Agriculture and Environment, accepted there.
    const officer = await signIn(t.app, 'snnmt.chuyenvien', DEFAULT_DEMO_PASSWORD);
    const inbox = (await t.app.inject({ url: '/api/v1/dossiers?box=all&limit=20', headers: officer.headers })).json();
    expect(inbox.items.map((d: { procedureCode: string }) => d.procedureCode)).toContain('1.013978');
  });

  it('prints a few dossier codes with tracking PINs that the public tracking page accepts', async () => {
    const lines = (first.printed ?? []).filter((line) => /^ {2}\S+ \/ \d{6} {2}/.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      const [code, pin] = line.trim().split(/ \/ | {2}/);
      const tracked = await t.app.inject({ url: `/api/v1/public/dossiers/${code}?factor=${pin}` });
      expect(tracked.statusCode, line).toBe(200);
    }
  });

  it('numbers synthetic past dossiers like real ones: the agency, the day, a 4-digit sequence of that day', async () => {
    const synthetic = await t.database.db
      .selectFrom('dossier')
      .where('eventCount', '=', 0)
      .select(['code', 'receivingAgencyId'])
      .execute();
    expect(synthetic.length).toBe(300);
    for (const { code } of synthetic) {
      expect(code).toMatch(DOSSIER_CODE_PATTERN);
      expect(code).toMatch(/-\d{6}-\d{4}$/);
    }
    // The agency's counter of each day moved past them, so the next dossier at the desk gets a new number.
    const counters = await t.database.db.selectFrom('dossierCodeCounter').selectAll().execute();
    const last = new Map(counters.map((c) => [`${c.agencyId}|${String(c.day).slice(0, 10)}`, c.lastSeq]));
    for (const { code, receivingAgencyId } of synthetic) {
      const [, yymmdd, seq] = /-(\d{6})-(\d{4})$/.exec(code) ?? [];
      const day = `20${yymmdd?.slice(0, 2)}-${yymmdd?.slice(2, 4)}-${yymmdd?.slice(4, 6)}`;
      expect(last.get(`${receivingAgencyId}|${day}`) ?? 0).toBeGreaterThanOrEqual(Number(seq));
    }
  });

  it('counts working days back from the day of the seed', () => {
    expect(findWorkingDayBefore('2026-11-23', 1)).toBe('2026-11-20');
    expect(findWorkingDayBefore('2026-11-22', 1)).toBe('2026-11-20');
    expect(findWorkingDayBefore('2026-11-25', 2)).toBe('2026-11-23');
    expect(findWorkingDayBefore('2026-11-25', 0)).toBe('2026-11-25');
  });

  it('has a PAR Index demo: two published rounds with a trend, and this year’s round in progress', async () => {
    const year = Number(new Date(t.ctx.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
    expect(first.printed?.join('\n')).toContain(`Chỉ số CCHC ${year - 1}: đã công bố`);
    const published = await t.app.inject({ url: `/api/v1/public/par/results?province=33&year=${year - 1}` });
    expect(published.statusCode, published.body).toBe(200);
    const body = published.json();
    expect(body.round.isDemo).toBe(true);
    const departments = body.groups.find((g: { unitGroup: string }) => g.unitGroup === 'department');
    // Sở Tư pháp: last the year before, second behind Sở Nội vụ.
    expect(
      departments.units.slice(0, 2).map((u: { unitName: string }) => u.unitName.replace(/ tỉnh Hưng Yên$/, '')),
    ).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);
    expect(departments.units[1].change.rankPhrase.vi).toBe('Từ cuối bảng lên hạng II');
    // Công an tỉnh is not scored on area 2 (excluded by the organiser): its maximum is 92 points.
    expect(departments.units.find((u: { unitName: string }) => u.unitName.startsWith('Công an')).applicableMax).toBe(
      9200,
    );
    const organiser = await signIn(t.app, 'noivu.cchc', DEFAULT_DEMO_PASSWORD);
    const rounds = await t.app.inject({ url: '/api/v1/par/results/rounds', headers: organiser.headers });
    const open = rounds.json().items.find((r: { year: number }) => r.year === year);
    expect(open).toMatchObject({ stage: 'appraisal_1', isDemo: true });
    const progress = await t.app.inject({
      url: `/api/v1/par/results/rounds/${open.id}/progress`,
      headers: organiser.headers,
    });
    const units = progress.json().units as { status: string; evidenceCount: number }[];
    expect(new Set(units.map((u) => u.status))).toEqual(
      new Set(['appraisal_1_done', 'self_locked', 'self_submitted', 'self_draft']),
    );
    expect(units.filter((u) => u.status !== 'self_draft').every((u) => u.evidenceCount === 2)).toBe(true);
  });
});

describe('the demo surveys (SIPAS)', () => {
  it('has last year’s survey published and this year’s in progress, both labelled demo', async () => {
    const session = await signIn(t.app, 'khaosat', DEFAULT_DEMO_PASSWORD);
    const list = await t.app.inject({ url: '/api/v1/sipas/campaigns?provinceCode=33', headers: session.headers });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: string; year: number; status: string; isDemo: boolean; title: string }[];
    expect(items.map((c) => [c.year, c.status, c.isDemo])).toEqual([
      [2026, 'open', true],
      [2025, 'published', true],
    ]);
    expect(items.every((c) => c.title.includes('dữ liệu mẫu'))).toBe(true);
    const published = await t.app.inject({ url: `/api/v1/sipas/campaigns/${items[1]?.id}`, headers: session.headers });
    const detail = published.json();
    expect(detail.frozen).toBe(true);
    expect(detail.province.responses).toBeGreaterThan(0);
    expect(detail.province.index.percent).toBeGreaterThan(50);
  });

  it('has test certificates for Sở Nội vụ and its director and head of unit, issued once', async () => {
    const agency = await findAgencyByCode(t.ctx.db, DEMO_AGENCY_CODES.homeAffairs);
    const credential = await findActiveAgencyCredential(t.ctx.db, agency?.id ?? '');
    expect(credential?.issuer).toContain('motcua TEST CA — không có giá trị pháp lý');
    for (const username of ['giamdoc.snv', 'truongphong.snv']) {
      const user = await findUserCredentials(t.ctx.db, username);
      expect((await findActiveOfficialCredential(t.ctx.db, user?.id ?? ''))?.subject, username).toContain('CN=');
      await signIn(t.app, username, DEFAULT_DEMO_PASSWORD);
    }
    expect((await seedDemoSigning(t.ctx, { provinceCode: '33', password: DEFAULT_DEMO_PASSWORD })).issued).toBe(0);
  });

  it('has Sở Nội vụ’s outgoing documents in review, waiting for signature and issued, beside the demo year', async () => {
    const agency = await findAgencyByCode(t.ctx.db, DEMO_AGENCY_CODES.homeAffairs);
    const drafter = await findUserCredentials(t.ctx.db, 'chuyenvien.snv');
    const rows = await t.ctx.db
      .selectFrom('outgoingDocument')
      .select(['status', 'numberSymbol'])
      .where('agencyId', '=', agency?.id ?? '')
      .where('drafterUserId', '=', drafter?.id ?? '')
      .execute();
    expect(rows.map((row) => row.status).sort()).toEqual(['approved', 'in_review', 'issued']);
    // The issued one continues the demo year's numbers of its sequence.
    expect(rows.find((row) => row.status === 'issued')?.numberSymbol).toMatch(/^\d{2,}\/(.+-)?SNV/);
  });

  it('has a month of Sở Nội vụ leaders’ calendar: published, some public, one cancelled, one awaiting approval', async () => {
    const agency = await findAgencyByCode(t.ctx.db, DEMO_AGENCY_CODES.homeAffairs);
    const rows = await t.ctx.db
      .selectFrom('scheduleEntry')
      .select(['status', 'public', 'weekStart'])
      .where('agencyId', '=', agency?.id ?? '')
      .execute();
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((row) => row.weekStart)).size).toBe(4);
    expect(rows.filter((row) => row.status === 'cancelled')).toHaveLength(1);
    expect(rows.filter((row) => row.status === 'submitted')).toHaveLength(1);
    expect(rows.filter((row) => row.status === 'published' && row.public).length).toBeGreaterThan(8);
  });

  it('has Sở Nội vụ’s tasks in every state: one from an incoming document, one extended and late, one overdue', async () => {
    const agency = await findAgencyByCode(t.ctx.db, DEMO_AGENCY_CODES.homeAffairs);
    const rows = await t.ctx.db
      .selectFrom('task')
      .select(['status', 'sourceKind', 'completionClass', 'dueAt', 'originalDueAt', 'title'])
      .where('agencyId', '=', agency?.id ?? '')
      .execute();
    expect(new Set(rows.map((row) => row.status))).toEqual(
      new Set(['assigned', 'in_progress', 'extension_requested', 'submitted', 'completed', 'cancelled']),
    );
    expect(rows.some((row) => row.sourceKind === 'incoming_document')).toBe(true);
    const late = rows.find((row) => row.completionClass === 'late');
    expect(late?.dueAt.getTime()).toBeGreaterThan(late?.originalDueAt.getTime() ?? Number.POSITIVE_INFINITY);
    const now = t.ctx.clock.now().getTime();
    expect(rows.some((row) => row.status === 'in_progress' && row.dueAt.getTime() < now)).toBe(true);
    expect(rows.every((row) => row.title.startsWith('[Demo]'))).toBe(true);
    expect((await verifyAuditChains(t.ctx)).findings.filter((f) => f.dossierCode.startsWith('task:'))).toEqual([]);
  });

  it('has Sở Nội vụ’s file list of the year and work files open, closed and archived, labelled demo', async () => {
    const session = await signIn(t.app, 'giamdoc.snv', DEFAULT_DEMO_PASSWORD);
    const agency = await findAgencyByCode(t.ctx.db, DEMO_AGENCY_CODES.homeAffairs);
    const { year } = (await t.app.inject({ url: '/api/v1/work-files/options', headers: session.headers })).json();
    const list = await t.app.inject({ url: `/api/v1/file-lists/${agency?.id}/${year}`, headers: session.headers });
    expect(list.json().items.length).toBeGreaterThanOrEqual(8);
    // The director's files at the Sở and the unit head's at his division, by status.
    const head = await signIn(t.app, 'truongphong.snv', DEFAULT_DEMO_PASSWORD);
    const statuses: Record<string, number> = {};
    for (const status of ['open', 'closed', 'archived']) {
      const ids = new Set<string>();
      for (const who of [session, head]) {
        const page = await t.app.inject({ url: `/api/v1/work-files?view=unit&status=${status}`, headers: who.headers });
        for (const item of page.json().items as { id: string }[]) {
          ids.add(item.id);
        }
      }
      statuses[status] = ids.size;
    }
    expect(statuses).toEqual({ open: 2, closed: 1, archived: 1 });
    const mine = await t.app.inject({ url: '/api/v1/work-files?view=mine&status=open', headers: session.headers });
    const file = await t.app.inject({ url: `/api/v1/work-files/${mine.json().items[0].id}`, headers: session.headers });
    expect(file.json().note).toContain('demo');
    expect(file.json().items.filter((i: { kind: string }) => i.kind === 'incoming_document').length).toBe(3);
  });

  it('has Sở Nội vụ’s consultations on drafts: one summarised with every comment answered, one open', async () => {
    const agency = await findAgencyByCode(t.ctx.db, DEMO_AGENCY_CODES.homeAffairs);
    const rows = await t.ctx.db
      .selectFrom('consultation')
      .select(['id', 'status'])
      .where('agencyId', '=', agency?.id ?? '')
      .execute();
    expect(rows.map((row) => row.status).sort()).toEqual(['open', 'summarised']);
    const unanswered = await t.ctx.db
      .selectFrom('consultationComment')
      .select('id')
      .where('consultationId', '=', rows.find((row) => row.status === 'summarised')?.id ?? '')
      .where('response', 'is', null)
      .execute();
    expect(unanswered).toEqual([]);
  });

  it('has last quarter’s staff evaluation of Sở Nội vụ: a sheet at every status, the quota applied', async () => {
    const agency = await findAgencyByCode(t.ctx.db, DEMO_AGENCY_CODES.homeAffairs);
    const sheets = await t.ctx.db
      .selectFrom('evaluationSheet')
      .select(['status', 'band', 'proposedBand', 'groupCode', 'totalPoints'])
      .where('agencyId', '=', agency?.id ?? '')
      .execute();
    expect(new Set(sheets.map((s) => s.status))).toEqual(
      new Set(['draft', 'self_assessed', 'manager_reviewed', 'collective_reviewed', 'decided']),
    );
    // Every sheet has its figures; among the decided, "xuất sắc" stays within 20 % of those rated "tốt" or better
    // per group (⌊base × 20 / 100⌋), the others over it rated "tốt".
    expect(sheets.every((s) => s.totalPoints !== null)).toBe(true);
    const decided = sheets.filter((s) => s.status === 'decided');
    for (const group of new Set(decided.map((s) => s.groupCode))) {
      const members = sheets.filter((s) => s.groupCode === group);
      const base = members.filter((s) => s.proposedBand === 'excellent' || s.proposedBand === 'good').length;
      expect(decided.filter((s) => s.groupCode === group && s.band === 'excellent').length).toBeLessThanOrEqual(
        Math.floor((base * 20) / 100),
      );
    }
    expect(decided.some((s) => s.proposedBand === 'excellent' && s.band === 'good')).toBe(true);
    await signIn(t.app, 'tochuc.snv', DEFAULT_DEMO_PASSWORD);
  });
});
