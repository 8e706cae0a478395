import { findDvcqgSync } from '@motcua/db';
import type { DvcqgDossierRecord, DvcqgProgressRecord } from '@motcua/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure, seedWorld, type World } from '../../../testing/fixtures.js';
import { createTestApp, fixedClock, type TestApp } from '../../../testing/test-app.js';
import type { DvcqgSender, DvcqgSendResult, DvcqgSyncMessage } from './deliver-dossier.js';
import { createDvcqgSyncRunner, DEFAULT_DVCQG_SYNC, type DvcqgSyncSettings } from './sync-worker.js';
import { createDossierDriver, markAllEvents, saveDvcqgConnection } from './testing.js';

/**
 * The delivery rules against an in-process receiver that behaves as the portal does (holds dossiers by MaHoSo,
 * refuses a second add with "đã tồn tại", keeps every progress record) and can be told to fail, to time out
 * after storing, or to reject. The end-to-end scenarios against the HTTP simulator are in sync-worker.test.ts.
 */
type Mode = 'ok' | 'down' | 'timeout-after-store' | 'reject';
const createReceiver = () => {
  const dossiers = new Map<string, DvcqgDossierRecord[]>();
  const progress: DvcqgProgressRecord[] = [];
  const received: DvcqgSyncMessage[] = [];
  let mode: Mode = 'ok';
  let modeCalls = Number.POSITIVE_INFINITY;
  const answer = (outcome: DvcqgSendResult['outcome'], message: string, reason?: string): DvcqgSendResult => ({
    outcome,
    errorCode: outcome === 'accepted' ? '0' : outcome === 'rejected' ? '400' : null,
    message,
    durationMs: 1,
    ...(reason ? { reason } : {}),
  });
  const sender: DvcqgSender = {
    call: async (request) => {
      const current = modeCalls > 0 ? mode : 'ok';
      modeCalls -= 1;
      if (current === 'down') {
        return answer('failed', 'fetch failed (ECONNREFUSED)', 'network');
      }
      if (request.service === 'TraCuuHoSo') {
        const held = dossiers.get(request.MaHoSo);
        return held
          ? { ...answer('accepted', 'OK'), reply: { progress: progress.filter((p) => p.MaHoSo === request.MaHoSo) } }
          : answer('rejected', 'Không tìm thấy', 'refused');
      }
      if (current === 'reject') {
        return answer('rejected', 'MaTTHC không tồn tại trên Cổng', 'refused');
      }
      received.push(request);
      if (request.service === 'DongBoHoSoMC') {
        const record = request.data[0] as DvcqgDossierRecord;
        const held = dossiers.get(record.MaHoSo);
        if (!request.isUpdating && held) {
          return answer('rejected', 'Hồ sơ đã tồn tại', 'already-exists');
        }
        if (request.isUpdating && !held) {
          return answer('rejected', 'Hồ sơ không tồn tại', 'refused');
        }
        dossiers.set(record.MaHoSo, [...(held ?? []), record]);
      } else {
        progress.push(request.data[0] as DvcqgProgressRecord);
      }
      return current === 'timeout-after-store' ? answer('failed', 'timeout', 'timeout') : answer('accepted', 'OK');
    },
  };
  return {
    sender,
    dossiers,
    progress,
    received,
    set: (next: Mode, calls = Number.POSITIVE_INFINITY) => {
      mode = next;
      modeCalls = calls;
    },
    /** Progress records the receiver holds twice (same dossier, instant, content). */
    duplicates: () => {
      const keys = progress.map((p) => `${p.MaHoSo}|${p.ThoiDiemXuLy}|${p.NoiDungXuLy}|${p.TrangThai}`);
      return keys.length - new Set(keys).size;
    },
  };
};

let t: TestApp;
let world: World;
const clock = fixedClock('2026-11-23T09:00:00+07:00');
const settings: DvcqgSyncSettings = { ...DEFAULT_DVCQG_SYNC, backoff: { baseMs: 1, maxMs: 2 }, leaseSeconds: 30 };

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await seedWorld(t);
  await seedProcedure(t, { catalog: '33', code: '1.001193' });
  await saveDvcqgConnection(t.ctx, { provinceCode: '33', endpointUrl: 'http://x/api', authUrl: 'http://x/auth' });
});

afterAll(async () => {
  await t?.close();
});

const makeDue = (dossierId: string) =>
  sql`update dvcqg_sync set next_attempt_at = now() - interval '1 second' where dossier_id = ${dossierId}`.execute(
    t.ctx.db,
  );

/** Polls until the runner leases nothing for the dossier any more (retries made due at once). */
const drain = async (runner: ReturnType<typeof createDvcqgSyncRunner>, dossierId: string, rounds = 30) => {
  for (let i = 0; i < rounds; i++) {
    await makeDue(dossierId);
    const { leased } = await runner.runOnce();
    const row = await findDvcqgSync(t.ctx.db, dossierId);
    if (leased === 0 || row?.state !== 'pending') {
      return row;
    }
  }
  return findDvcqgSync(t.ctx.db, dossierId);
};

const newDossier = async () => {
  clock.set('2026-11-23T09:00:00+07:00');
  const driver = createDossierDriver(t, clock, { centre: world.agencies.centre?.id ?? '' });
  const created = await driver.intake();
  return { driver, ...created };
};

describe('deliverDossier', () => {
  it('delivers every event in order: the dossier message, then its progress, each with its own instant', async () => {
    const receiver = createReceiver();
    const runner = createDvcqgSyncRunner(t.ctx, { settings, createSender: () => receiver.sender });
    const { driver, id, code } = await newDossier();
    await driver.runFullScenario(code);
    expect(await markAllEvents(t.ctx, id)).toBe(8);
    const row = await drain(runner, id);
    expect(row).toMatchObject({ state: 'synced', deliveredSeq: 8, targetSeq: 8, attempts: 0, pendingSince: null });
    expect(receiver.received.map((m) => (m.service === 'DongBoHoSoMC' ? `D${m.isUpdating ? 'u' : 'a'}` : 'P'))).toEqual(
      ['Da', 'P', ...Array.from({ length: 7 }, () => ['Du', 'P']).flat()],
    );
    expect(receiver.progress.map((p) => p.TrangThai)).toEqual([2, 4, 4, 5, 4, 4, 9, 10]);
    expect(receiver.progress.map((p) => p.ThoiDiemXuLy)).toEqual([
      '20261123090000',
      '20261123100000',
      '20261123140000',
      '20261123150000',
      '20261124090000',
      '20261124150000',
      '20261125090000',
      '20261125140000',
    ]);
    const records = receiver.dossiers.get(code) ?? [];
    expect(records.map((r) => r.TrangThaiHoSo)).toEqual([2, 4, 4, 5, 4, 4, 9, 10]);
    expect(records[0]).toMatchObject({
      MaHoSo: code,
      MaTTHC: '1.001193',
      KenhThucHien: 1,
      ChuHoSo: 'Nguyễn Thị Ánh Tuyết',
      LoaiDoiTuong: 1,
      DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '033190001234' }],
      NgayTiepNhan: '20261123090000',
      DonViXuLy: '000.00.10.H31',
    });
    expect(records[0]?.NgayTra).toBeUndefined();
    expect(records[3]?.DanhSachHoSoBoSung).toBeUndefined();
    expect(records[4]?.DanhSachHoSoBoSung).toEqual([
      expect.objectContaining({ NgayBoSung: '20261123150000', NgayTiepNhanBoSung: '20261124090000' }),
    ]);
    expect(records[7]).toMatchObject({
      NgayKetThucXuLy: '20261125090000',
      NgayTra: '20261125140000',
      DanhSachGiayToKetQua: [expect.objectContaining({ TenGiayTo: 'Giấy khai sinh', MaGiayToKetQua: '123/2026' })],
    });
    expect(receiver.progress[1]).toMatchObject({
      NguoiXuLy: 'Lý Thị Một Cửa',
      PhongBanXuLy: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
      NgayBatDau: '20261123100000',
    });
    expect(receiver.duplicates()).toBe(0);
    // One log row per attempt, identifiers masked.
    const log = await t.ctx.db
      .selectFrom('dvcqgSyncLog')
      .select(['eventSeq', 'service', 'outcome', 'request'])
      .where('dossierId', '=', id)
      .orderBy('id')
      .execute();
    expect(log).toHaveLength(16);
    expect(log.every((l) => l.outcome === 'accepted')).toBe(true);
    expect(JSON.stringify(log)).not.toContain('033190001234');
    expect(JSON.stringify(log)).not.toContain('0912345678');
  });

  it('retries a timeout after the receiver stored the add as an update: no duplicate', async () => {
    const receiver = createReceiver();
    const runner = createDvcqgSyncRunner(t.ctx, { settings, createSender: () => receiver.sender });
    const { id, code } = await newDossier();
    await markAllEvents(t.ctx, id);
    receiver.set('timeout-after-store', 1);
    await runner.runOnce();
    expect(await findDvcqgSync(t.ctx.db, id)).toMatchObject({ state: 'pending', attempts: 1, deliveredSeq: 0 });
    const row = await drain(runner, id);
    expect(row).toMatchObject({ state: 'synced', deliveredSeq: 1, remoteExists: true });
    expect(receiver.dossiers.get(code)).toHaveLength(2);
    expect(receiver.received.map((m) => (m.service === 'DongBoHoSoMC' ? `D${m.isUpdating ? 'u' : 'a'}` : 'P'))).toEqual(
      ['Da', 'Da', 'Du', 'P'],
    );
    expect(receiver.progress).toHaveLength(1);
    expect(receiver.duplicates()).toBe(0);
  });

  it('asks the portal before resending a progress message whose answer was lost: stored once, never twice', async () => {
    const receiver = createReceiver();
    const runner = createDvcqgSyncRunner(t.ctx, { settings, createSender: () => receiver.sender });
    const { id } = await newDossier();
    await markAllEvents(t.ctx, id);
    // The add is accepted, then the progress is stored but its answer lost.
    receiver.set('ok');
    const lossy: DvcqgSender = {
      call: async (m) => {
        const result = await receiver.sender.call(m);
        return m.service === 'CapNhatTienDoHoSoMC'
          ? { outcome: 'failed', errorCode: null, message: 'timeout', durationMs: 1 }
          : result;
      },
    };
    await createDvcqgSyncRunner(t.ctx, { settings, createSender: () => lossy }).runOnce();
    expect(await findDvcqgSync(t.ctx.db, id)).toMatchObject({ dossierMessageAccepted: true, attempts: 1 });
    expect(await drain(runner, id)).toMatchObject({ state: 'synced', deliveredSeq: 1 });
    expect(receiver.progress).toHaveLength(1);
    expect(receiver.duplicates()).toBe(0);
  });

  it('retries a progress message that failed only once accepted — the dossier message is not sent again', async () => {
    const receiver = createReceiver();
    const runner = createDvcqgSyncRunner(t.ctx, { settings, createSender: () => receiver.sender });
    const { id } = await newDossier();
    await markAllEvents(t.ctx, id);
    receiver.set('down', 0);
    // The add is accepted, the progress fails: the cursor remembers the accepted dossier message.
    const calls: string[] = [];
    const failingProgress = {
      call: async (m: DvcqgSyncMessage) => {
        calls.push(m.service);
        return m.service === 'CapNhatTienDoHoSoMC'
          ? { outcome: 'failed' as const, errorCode: '503', message: 'unavailable', durationMs: 1 }
          : receiver.sender.call(m);
      },
    };
    const flaky = createDvcqgSyncRunner(t.ctx, { settings, createSender: () => failingProgress });
    await flaky.runOnce();
    expect(await findDvcqgSync(t.ctx.db, id)).toMatchObject({ dossierMessageAccepted: true, attempts: 1 });
    const row = await drain(runner, id);
    expect(row).toMatchObject({ state: 'synced', deliveredSeq: 1 });
    expect(receiver.received.map((m) => m.service)).toEqual(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
  });

  it('backs off while the receiver is down, then catches up in order', async () => {
    const receiver = createReceiver();
    const runner = createDvcqgSyncRunner(t.ctx, {
      settings: { ...settings, backoff: { baseMs: 60_000, maxMs: 600_000 } },
      createSender: () => receiver.sender,
    });
    const { driver, id, code } = await newDossier();
    await markAllEvents(t.ctx, id);
    receiver.set('down');
    await runner.runOnce();
    const failed = await findDvcqgSync(t.ctx.db, id);
    expect(failed).toMatchObject({
      attempts: 1,
      state: 'pending',
      leaseToken: null,
      lastErrorMessage: expect.any(String),
    });
    const wait = (failed?.nextAttemptAt.getTime() ?? 0) - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(61_000);
    // Not due yet: nothing is leased.
    expect((await runner.runOnce()).leased).toBe(0);
    clock.set('2026-11-23T10:00:00+07:00');
    await driver.act('motcua', code, 'forward');
    await markAllEvents(t.ctx, id);
    receiver.set('ok');
    const row = await drain(runner, id);
    expect(row).toMatchObject({ state: 'synced', deliveredSeq: 2, attempts: 0 });
    expect(receiver.progress.map((p) => p.TrangThai)).toEqual([2, 4]);
  });

  it('parks a rejected message with the answer; later changes wait behind it', async () => {
    const receiver = createReceiver();
    const runner = createDvcqgSyncRunner(t.ctx, { settings, createSender: () => receiver.sender });
    const { driver, id, code } = await newDossier();
    await markAllEvents(t.ctx, id);
    receiver.set('reject', 1);
    await runner.runOnce();
    expect(await findDvcqgSync(t.ctx.db, id)).toMatchObject({
      state: 'parked',
      deliveredSeq: 0,
      lastErrorCode: '400',
      lastErrorMessage: 'MaTTHC không tồn tại trên Cổng',
    });
    clock.set('2026-11-23T10:00:00+07:00');
    await driver.act('motcua', code, 'forward');
    await markAllEvents(t.ctx, id);
    await makeDue(id);
    expect((await runner.runOnce()).leased).toBe(0);
    expect(await findDvcqgSync(t.ctx.db, id)).toMatchObject({ state: 'parked', targetSeq: 2, deliveredSeq: 0 });
    expect(receiver.received).toHaveLength(0);
    // Re-sent (as the monitor's re-send sets it): everything goes, in order.
    await sql`update dvcqg_sync set state = 'pending', attempts = 0, next_attempt_at = now() where dossier_id = ${id}`.execute(
      t.ctx.db,
    );
    expect(await drain(runner, id)).toMatchObject({ state: 'synced', deliveredSeq: 2 });
    expect(receiver.progress.map((p) => p.TrangThai)).toEqual([2, 4]);
  });

  it('changes nothing once its lease was taken over', async () => {
    const receiver = createReceiver();
    const { id } = await newDossier();
    await markAllEvents(t.ctx, id);
    const slow: DvcqgSender = {
      call: async (m) => {
        // Meanwhile the lease expires and another worker takes the row.
        await sql`update dvcqg_sync set lease_token = gen_random_uuid() where dossier_id = ${id}`.execute(t.ctx.db);
        return receiver.sender.call(m);
      },
    };
    const runner = createDvcqgSyncRunner(t.ctx, { settings, createSender: () => slow });
    const { outcomes } = await runner.runOnce();
    expect(outcomes).toContain('lost-lease');
    expect(await findDvcqgSync(t.ctx.db, id)).toMatchObject({ deliveredSeq: 0, dossierMessageAccepted: false });
  });

  it('leaves the rows of a province that switched the sync off pending', async () => {
    const receiver = createReceiver();
    const runner = createDvcqgSyncRunner(t.ctx, { settings, createSender: () => receiver.sender });
    const { id } = await newDossier();
    await markAllEvents(t.ctx, id);
    await sql`update dvcqg_setting set enabled = false where province_code = '33'`.execute(t.ctx.db);
    try {
      await makeDue(id);
      await runner.runOnce();
      expect(await findDvcqgSync(t.ctx.db, id)).toMatchObject({ state: 'pending', deliveredSeq: 0, attempts: 0 });
      expect(receiver.received.filter((m) => JSON.stringify(m).includes(id))).toHaveLength(0);
    } finally {
      await sql`update dvcqg_setting set enabled = true where province_code = '33'`.execute(t.ctx.db);
    }
  });
});
