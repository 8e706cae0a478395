import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '../auth/sealed-secret.js';
import { seedProcedure, seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../testing/test-app.js';
import { runDvcqgBacklogAlerts } from '../usecases/integration/dvcqg-monitor/backlog-alert.js';

// The national portal's connection settings and the sync monitor (issue 21 item 2). The delivery worker is not
// needed here: cursor and log rows are written directly, as the worker would have left them.
// Monday 23/11/2026, 09:00 in Vietnam.
const clock = fixedClock('2026-11-23T09:00:00+07:00');
const NOW = Date.parse('2026-11-23T09:00:00+07:00');
const MINUTE = 60_000;
let t: TestApp;
let world: World;
const dossiers: { code: string; id: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  for (const name of ['Nguyễn Thị Chờ', 'Trần Thị Từ Chối', 'Lê Thị Đồng Bộ']) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: await as('motcua'),
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
    expect(response.statusCode, response.body).toBe(201);
    const code = response.json().code as string;
    const row = await t.database.db
      .selectFrom('dossier')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    dossiers.push({ code, id: row.id });
  }
});

afterAll(async () => {
  await t?.close();
});

const as = async (who: string) => (await signIn(t.app, who)).headers;
const get = async (who: string, url: string) => t.app.inject({ url, headers: await as(who) });
const send = async (who: string, method: 'PUT' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: await as(who), ...(payload ? { payload } : {}) });

const SETTINGS = '/api/v1/integration/dvcqg/settings';
const complete = {
  provinceCode: '33',
  enabled: true,
  endpointUrl: 'http://127.0.0.1:9900/api/dvcqg',
  authUrl: 'http://127.0.0.1:9900/api/auth',
  username: 'hungyen',
  dstCode: 'H31',
  unitCode: '000.00.00.H31',
  agencyCodes: {},
  onTimeMinutes: 60,
  backlogAlertMinutes: 60,
  catalogPullHours: 24,
};

describe('national portal connection settings', () => {
  it('is off by default, and says whether a password is set without ever answering it', async () => {
    const response = await get('qttinh', `${SETTINGS}?province=33`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      provinceCode: '33',
      enabled: false,
      passwordSet: false,
      version: 0,
      onTimeMinutes: 1440,
      backlogAlertMinutes: 60,
      canManage: true,
    });
    // The auditor reads it, cannot change it; another province's administrator gets nothing.
    expect((await get('thanhtra', `${SETTINGS}?province=33`)).json()).toMatchObject({ canManage: false });
    expect(
      (await send('thanhtra', 'PUT', SETTINGS, { ...complete, password: 'x', expectedVersion: 0 })).statusCode,
    ).toBe(403);
    expect((await get('hanoi', `${SETTINGS}?province=33`)).statusCode).toBe(403);
    expect((await send('hanoi', 'PUT', SETTINGS, { ...complete, password: 'x', expectedVersion: 0 })).statusCode).toBe(
      403,
    );
    expect((await get('chuyenvien', `${SETTINGS}?province=33`)).statusCode).toBe(403);
  });

  it('refuses to switch on without every connection field, a URL that is not http(s), a foreign agency', async () => {
    const incomplete = await send('qttinh', 'PUT', SETTINGS, { ...complete, expectedVersion: 0 });
    expect(incomplete.statusCode, incomplete.body).toBe(422);
    expect(incomplete.json()).toMatchObject({ code: 'DVCQG_SETTING_INCOMPLETE', missing: ['password'] });
    const ftp = await send('qttinh', 'PUT', SETTINGS, {
      ...complete,
      endpointUrl: 'ftp://dvcqg.example/api',
      password: 'Mat-khau-cong',
      expectedVersion: 0,
    });
    expect(ftp.statusCode).toBe(400);
    const foreign = await send('qttinh', 'PUT', SETTINGS, {
      ...complete,
      agencyCodes: { [world.agencies.foreignDepartment?.id ?? '']: 'H26.01' },
      password: 'Mat-khau-cong',
      expectedVersion: 0,
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().code).toBe('DVCQG_AGENCY_NOT_IN_PROVINCE');
  });

  it('saves at the version read, seals the password, keeps it on a later save, refuses a stale version', async () => {
    const saved = await send('qttinh', 'PUT', SETTINGS, {
      ...complete,
      agencyCodes: { [world.agencies.justice?.id ?? '']: '000.00.01.H31-DVCQG' },
      password: 'Mat-khau-cong-DVCQG',
      expectedVersion: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ enabled: true, passwordSet: true, version: 1, onTimeMinutes: 60 });
    expect(saved.body).not.toContain('Mat-khau-cong-DVCQG');
    const row = await t.database.db
      .selectFrom('dvcqgSetting')
      .select('secretCiphertext')
      .where('provinceCode', '=', '33')
      .executeTakeFirstOrThrow();
    expect(row.secretCiphertext).not.toContain('Mat-khau');
    expect(await openSecret(t.ctx, 'dvcqg-password', '33', row.secretCiphertext ?? '')).toBe('Mat-khau-cong-DVCQG');

    const again = await send('qttinh', 'PUT', SETTINGS, { ...complete, backlogAlertMinutes: 60, expectedVersion: 1 });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ passwordSet: true, version: 2 });
    const stale = await send('qttinh', 'PUT', SETTINGS, { ...complete, expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
  });
});

/** Seeds the cursors and the attempt log the worker would have written. */
const seedSync = async () => {
  const [waiting, rejected, synced] = dossiers;
  if (!waiting || !rejected || !synced) {
    throw new Error('dossiers');
  }
  const db = t.database.db;
  const eventAt = new Date(NOW);
  await db
    .insertInto('dvcqgSync')
    .values([
      {
        dossierId: waiting.id,
        provinceCode: '33',
        targetSeq: 1,
        deliveredSeq: 0,
        state: 'pending',
        attempts: 2,
        nextAttemptAt: new Date(NOW + 5 * MINUTE),
        pendingSince: new Date(NOW - 90 * MINUTE),
        lastErrorCode: 'TIMEOUT',
        lastErrorMessage: 'Hết thời gian chờ',
      },
      {
        dossierId: rejected.id,
        provinceCode: '33',
        targetSeq: 1,
        deliveredSeq: 0,
        state: 'parked',
        pendingSince: new Date(NOW - 20 * MINUTE),
        lastErrorCode: '99',
        lastErrorMessage: 'MaTTHC không tồn tại',
      },
      { dossierId: synced.id, provinceCode: '33', targetSeq: 1, deliveredSeq: 1, state: 'synced', remoteExists: true },
    ])
    .execute();
  const log = (dossierId: string, service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC', outcome: string, extra = {}) => ({
    provinceCode: '33',
    dossierId,
    eventSeq: 1,
    eventAt,
    service,
    isUpdating: false,
    outcome: outcome as 'accepted',
    durationMs: 120,
    ...extra,
  });
  await db
    .insertInto('dvcqgSyncLog')
    .values([
      log(waiting.id, 'DongBoHoSoMC', 'failed', { errorCode: 'TIMEOUT', at: new Date(NOW - 30 * MINUTE) }),
      log(waiting.id, 'DongBoHoSoMC', 'failed', { errorCode: 'TIMEOUT', at: new Date(NOW - 10 * MINUTE) }),
      log(rejected.id, 'DongBoHoSoMC', 'rejected', {
        errorCode: '99',
        message: 'MaTTHC không tồn tại',
        at: new Date(NOW - 15 * MINUTE),
      }),
      // Accepted 5 minutes after the change: on time under a 60-minute rule.
      log(synced.id, 'DongBoHoSoMC', 'accepted', { errorCode: '0', at: new Date(NOW + 4 * MINUTE) }),
      log(synced.id, 'CapNhatTienDoHoSoMC', 'accepted', { errorCode: '0', at: new Date(NOW + 5 * MINUTE) }),
    ])
    .execute();
};

describe('sync monitor', () => {
  beforeAll(async () => {
    await seedSync();
  });

  it('shows backlog, lag, the alert, failures by reason and throughput to the province’s readers only', async () => {
    const response = await get('qttinh', '/api/v1/integration/dvcqg/monitor');
    expect(response.statusCode, response.body).toBe(200);
    const monitor = response.json();
    expect(monitor).toMatchObject({
      provinceCode: '33',
      enabled: true,
      pending: 1,
      failing: 1,
      parked: 1,
      lagMinutes: 90,
      alert: { active: true, thresholdMinutes: 60 },
      canManage: true,
    });
    expect(monitor.failures.last24h).toEqual(
      expect.arrayContaining([
        { errorCode: 'TIMEOUT', outcome: 'failed', count: 2 },
        { errorCode: '99', outcome: 'rejected', count: 1 },
      ]),
    );
    expect(monitor.last24h).toEqual({ accepted: 2, rejected: 1, failed: 2 });
    expect(monitor.throughput.reduce((n: number, b: { failed: number }) => n + b.failed, 0)).toBe(2);
    expect((await get('thanhtra', '/api/v1/integration/dvcqg/monitor')).json()).toMatchObject({ canManage: false });
    expect((await get('hanoi', '/api/v1/integration/dvcqg/monitor?province=33')).statusCode).toBe(403);
    // Hà Nội's own monitor has nothing of Hưng Yên's.
    expect((await get('hanoi', '/api/v1/integration/dvcqg/monitor')).json()).toMatchObject({
      provinceCode: '01',
      pending: 0,
      parked: 0,
    });
  });

  it('lists pending, failing and parked dossiers by filter, a page at a time', async () => {
    const parked = (await get('qttinh', '/api/v1/integration/dvcqg/sync?state=parked')).json();
    expect(parked.items.map((i: { code: string }) => i.code)).toEqual([dossiers[1]?.code]);
    expect(parked.items[0]).toMatchObject({ state: 'parked', lastErrorCode: '99' });
    const failing = (await get('qttinh', '/api/v1/integration/dvcqg/sync?state=failing&reason=TIMEOUT')).json();
    expect(failing.items.map((i: { code: string }) => i.code)).toEqual([dossiers[0]?.code]);
    expect((await get('qttinh', '/api/v1/integration/dvcqg/sync?state=failing&reason=99')).json().items).toEqual([]);
    const first = (await get('qttinh', '/api/v1/integration/dvcqg/sync?state=pending&limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeNull();
  });

  it('exports the failures as Excel', async () => {
    const response = await get('thanhtra', '/api/v1/integration/dvcqg/failures.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const { default: excel } = await import('exceljs');
    const workbook = new excel.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Hồ sơ lỗi');
    const codes = (sheet?.getColumn(2).values ?? []).map(String);
    expect(codes).toContain(dossiers[1]?.code);
    expect(codes).toContain(dossiers[0]?.code);
    expect(workbook.getWorksheet('Theo nguyên nhân')?.getRow(4).getCell(3).value).toBeTruthy();
  });

  it('warns the integration managers once an hour while the backlog is older than the threshold', async () => {
    const written = await runDvcqgBacklogAlerts(t.ctx, { now: new Date(NOW) });
    expect(written).toBe(1);
    const notices = await t.database.db
      .selectFrom('workNotice')
      .innerJoin('appUser', 'appUser.id', 'workNotice.userId')
      .select(['appUser.username', 'workNotice.title', 'workNotice.kind'])
      .where('workNotice.kind', '=', 'dvcqg-backlog')
      .execute();
    expect(notices.map((n) => n.username)).toEqual(['qttinh']);
    expect(notices[0]?.title).toContain('1 hồ sơ chờ gửi');
    expect(await runDvcqgBacklogAlerts(t.ctx, { now: new Date(NOW + 20 * MINUTE) })).toBe(0);
    expect(await runDvcqgBacklogAlerts(t.ctx, { now: new Date(NOW + 61 * MINUTE) })).toBe(1);
  });
});

describe('a dossier’s sync', () => {
  const url = (index: number, suffix = '') => `/api/v1/dossiers/${dossiers[index]?.code}/dvcqg-sync${suffix}`;

  it('is shown to an official who reads the dossier; only the integration manager may retry or re-send', async () => {
    const seen = await get('chuyenvien', url(1));
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({
      state: 'parked',
      syncEnabled: true,
      canResend: false,
      lastError: { outcome: 'rejected', code: '99', message: 'MaTTHC không tồn tại' },
      lastAcceptedAt: null,
    });
    expect((await send('chuyenvien', 'POST', url(1, '/resend'))).statusCode).toBe(403);
    expect((await send('chuyenvien', 'POST', url(1, '/retry'))).statusCode).toBe(403);
    expect((await get('hanoi', url(1))).statusCode).toBe(404);
    expect((await send('hanoi', 'POST', url(1, '/retry'))).statusCode).toBe(404);
    const synced = (await get('qttinh', url(2))).json();
    expect(synced).toMatchObject({ state: 'synced', canResend: true });
    expect(synced.lastAcceptedAt).toBe('2026-11-23T09:05:00+07:00');
    expect(synced.log.map((l: { service: string }) => l.service)).toEqual(['CapNhatTienDoHoSoMC', 'DongBoHoSoMC']);
  });

  it('retries a parked dossier now with no failed attempt, once', async () => {
    const retried = await send('qttinh', 'POST', url(1, '/retry'));
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({
      state: 'pending',
      cursor: { attempts: 0, nextAttemptAt: '2026-11-23T09:00:00+07:00' },
    });
    const again = await send('qttinh', 'POST', url(1, '/retry'));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DVCQG_NOTHING_TO_RETRY');
  });

  it('re-sends the latest state as an update: the cursor goes back to just before the latest event', async () => {
    const resent = await send('qttinh', 'POST', url(2, '/resend'));
    expect(resent.statusCode, resent.body).toBe(200);
    const body = resent.json();
    expect(body.state).toBe('pending');
    expect(body.cursor).toMatchObject({ targetSeq: body.latestSeq, deliveredSeq: body.latestSeq - 1, attempts: 0 });
    const twice = (await send('qttinh', 'POST', url(2, '/resend'))).json();
    expect(twice.cursor).toMatchObject({ targetSeq: body.latestSeq, deliveredSeq: body.latestSeq - 1 });
    // A live lease (a delivery under way) is not raced.
    await t.database.db
      .updateTable('dvcqgSync')
      .set({ leasedUntil: new Date(NOW + MINUTE) })
      .where('dossierId', '=', dossiers[2]?.id ?? '')
      .execute();
    const busy = await send('qttinh', 'POST', url(2, '/resend'));
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('DVCQG_SYNC_BUSY');
    await t.database.db
      .updateTable('dvcqgSync')
      .set({ leasedUntil: null })
      .where('dossierId', '=', dossiers[2]?.id ?? '')
      .execute();
  });

  it('retries and re-sends in bulk by filter, bounded and idempotent', async () => {
    const bulk = '/api/v1/integration/dvcqg/bulk';
    expect((await send('thanhtra', 'POST', bulk, { action: 'retry', state: 'failing' })).statusCode).toBe(403);
    const first = await send('qttinh', 'POST', bulk, {
      action: 'retry',
      state: 'failing',
      reason: 'TIMEOUT',
      limit: 10,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ matched: 1, changed: 1, more: false });
    const second = await send('qttinh', 'POST', bulk, {
      action: 'retry',
      state: 'failing',
      reason: 'TIMEOUT',
      limit: 10,
    });
    expect(second.json()).toMatchObject({ matched: 0, changed: 0 });
    const resend = await send('qttinh', 'POST', bulk, { action: 'resend', state: 'pending', limit: 2 });
    expect(resend.json()).toMatchObject({ matched: 2, changed: 2, more: true });
  });
});

describe('Decision 766 indicator 4 in the service index', () => {
  it('is synced on time / received, in process or returned, with its count, base and rule', async () => {
    const response = await get('qttinh', '/api/v1/reports/service-index?period=2026-11&level=province');
    expect(response.statusCode, response.body).toBe(200);
    const unit = response.json().units.find((u: { id: string }) => u.id === '33');
    const sync = unit.result.groups[0].indicators.find((i: { code: string }) => i.code === 'DOSSIER_SYNC');
    // Three dossiers received in November; one had both messages accepted within 60 minutes of its change.
    expect(sync).toMatchObject({ status: 'scored', score: 2, ratio: { numerator: 1, base: 3 } });
    expect(sync.note.vi).toContain('trong vòng 1 giờ');
    expect(response.json().notHeld.map((n: { code: string }) => n.code)).not.toContain('DOSSIER_SYNC');

    // Accepted two hours after the change (late under the 60-minute rule) does not count; 30 minutes does.
    const accepted = (index: number, service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC', minutes: number) => ({
      provinceCode: '33',
      dossierId: dossiers[index]?.id ?? '',
      eventSeq: 1,
      eventAt: new Date(NOW),
      service,
      isUpdating: true,
      outcome: 'accepted' as const,
      errorCode: '0',
      at: new Date(NOW + minutes * MINUTE),
    });
    await t.database.db
      .insertInto('dvcqgSyncLog')
      .values([
        accepted(0, 'DongBoHoSoMC', 119),
        accepted(0, 'CapNhatTienDoHoSoMC', 120),
        accepted(1, 'DongBoHoSoMC', 29),
        accepted(1, 'CapNhatTienDoHoSoMC', 30),
      ])
      .execute();
    const again = (await get('qttinh', '/api/v1/reports/service-index?period=2026-11&level=province')).json();
    const later = again.units
      .find((u: { id: string }) => u.id === '33')
      .result.groups[0].indicators.find((i: { code: string }) => i.code === 'DOSSIER_SYNC');
    expect(later).toMatchObject({ status: 'scored', score: 4, ratio: { numerator: 2, base: 3 } });
  });
});
