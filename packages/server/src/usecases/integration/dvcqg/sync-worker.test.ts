import { findDvcqgSync } from '@motcua/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { SimulatorDossier, SimulatorStats } from '../../../integration/dvcqg/simulator.js';
import { fixedClock } from '../../../testing/test-app.js';
import { createDvcqgSyncRunner, createHttpDvcqgSender } from './sync-worker.js';
import { markAllEvents, SIMULATOR_SYNC_SETTINGS, useSyncTestbed } from './testing.js';

/**
 * The dossier sync end to end against the portal's simulator over HTTP (integration/dvcqg/simulator.ts, which
 * validates every message against the portal's schemas and counts duplicates as a receiver sees them), through
 * the real HTTP client. Includes the reliability test of issue 21 item 6 with the outage compressed (the ten
 * minutes become a few seconds, with tight backoff; docs/integration.md).
 */
const clock = fixedClock('2026-11-23T09:00:00+07:00');
const bed = useSyncTestbed(clock);

describe('the dossier sync against the simulator', () => {
  it('delivers a full dossier (intake → supplement → result → return) in order with fields the portal accepts', async () => {
    const runner = createDvcqgSyncRunner(bed.t.ctx, {
      settings: SIMULATOR_SYNC_SETTINGS,
      createSender: createHttpDvcqgSender,
    });
    const driver = bed.driver();
    clock.set('2026-11-23T09:00:00+07:00');
    const { id, code } = await driver.intake();
    await driver.runFullScenario(code);
    await markAllEvents(bed.t.ctx, id);
    await bed.runUntilSynced(runner, [id]);
    const held = await bed.simGet<SimulatorDossier>(`/_sim/dossiers/${code}`);
    expect(held.versions.map((v) => v.TrangThaiHoSo)).toEqual([2, 4, 4, 5, 4, 4, 9, 10]);
    expect(held.progress.map((p) => [p.TrangThai, p.ThoiDiemXuLy])).toEqual([
      [2, '20261123090000'],
      [4, '20261123100000'],
      [4, '20261123140000'],
      [5, '20261123150000'],
      [4, '20261124090000'],
      [4, '20261124150000'],
      [9, '20261125090000'],
      [10, '20261125140000'],
    ]);
    expect(held.received.map((r) => `${r.service === 'DongBoHoSoMC' ? 'D' : 'P'}${r.status}`)).toEqual(
      [2, 4, 4, 5, 4, 4, 9, 10].flatMap((s) => [`D${s}`, `P${s}`]),
    );
    expect(held.record).toMatchObject({
      MaHoSo: code,
      MaTTHC: '1.001193',
      TenTTHC: 'Thủ tục đăng ký khai sinh',
      KenhThucHien: 1,
      LoaiDoiTuong: 1,
      SoGiayToChuHoSo: '033190001234',
      DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '033190001234' }],
      NgayTiepNhan: '20261123090000',
      NgayKetThucXuLy: '20261125090000',
      NgayTra: '20261125140000',
      TrangThaiHoSo: 10,
      DanhSachHoSoBoSung: [
        expect.objectContaining({ NgayBoSung: '20261123150000', NgayTiepNhanBoSung: '20261124090000' }),
      ],
      DanhSachGiayToKetQua: [expect.objectContaining({ TenGiayTo: 'Giấy khai sinh', MaGiayToKetQua: '123/2026' })],
    });
    expect(await bed.simGet<SimulatorStats>('/_sim/stats')).toMatchObject({ rejected: 0, duplicates: 0, failed: 0 });
  });

  it('recognises a retry after a timeout (the portal stored the add) as an update: duplicates 0', async () => {
    const runner = createDvcqgSyncRunner(bed.t.ctx, {
      settings: SIMULATOR_SYNC_SETTINGS,
      createSender: createHttpDvcqgSender,
    });
    const driver = bed.driver();
    clock.set('2026-11-23T09:00:00+07:00');
    // A first dossier signs the worker in (the session is kept: a slow answer below is the message's, not the sign-in's).
    const first = await driver.intake();
    await markAllEvents(bed.t.ctx, first.id);
    await bed.runUntilSynced(runner, [first.id]);
    clock.set('2026-11-23T09:30:00+07:00');
    const { id, code } = await driver.intake();
    await markAllEvents(bed.t.ctx, id);
    // The portal stores, then answers after the client gave up (timeout 400 ms).
    await bed.simPost('/_sim/mode', { mode: 'slow', delayMs: 1_000, forSeconds: 1 });
    await runner.runOnce();
    expect(await findDvcqgSync(bed.t.ctx.db, id)).toMatchObject({
      attempts: 1,
      deliveredSeq: 0,
      remoteExists: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await bed.runUntilSynced(runner, [id]);
    const held = await bed.simGet<SimulatorDossier>(`/_sim/dossiers/${code}`);
    expect(held.received.map((r) => [r.service, r.isUpdating])).toEqual([
      ['DongBoHoSoMC', false],
      ['DongBoHoSoMC', true],
      ['CapNhatTienDoHoSoMC', null],
    ]);
    expect(await bed.simGet<SimulatorStats>('/_sim/stats')).toMatchObject({ alreadyExists: 1, duplicates: 0 });
    const log = await bed.t.ctx.db
      .selectFrom('dvcqgSyncLog')
      .select(['service', 'isUpdating', 'outcome'])
      .where('dossierId', '=', id)
      .orderBy('id')
      .execute();
    expect(log.map((l) => `${l.service}:${l.isUpdating}:${l.outcome}`)).toEqual([
      'DongBoHoSoMC:false:failed',
      'DongBoHoSoMC:false:rejected',
      'DongBoHoSoMC:true:accepted',
      'CapNhatTienDoHoSoMC:null:accepted',
    ]);
  });

  it('parks a rejected message with the portal answer; later changes wait behind it until re-sent', async () => {
    const runner = createDvcqgSyncRunner(bed.t.ctx, {
      settings: SIMULATOR_SYNC_SETTINGS,
      createSender: createHttpDvcqgSender,
    });
    const driver = bed.driver();
    clock.set('2026-11-23T09:00:00+07:00');
    const { id, code } = await driver.intake();
    await markAllEvents(bed.t.ctx, id);
    await bed.simPost('/_sim/mode', { mode: 'reject' });
    await runner.runOnce();
    await bed.simPost('/_sim/mode', { mode: 'ok' });
    expect(await findDvcqgSync(bed.t.ctx.db, id)).toMatchObject({
      state: 'parked',
      lastErrorCode: '400',
      lastErrorMessage: expect.stringContaining('reject'),
    });
    clock.set('2026-11-23T10:00:00+07:00');
    await driver.act('motcua', code, 'forward');
    await markAllEvents(bed.t.ctx, id);
    await runner.runOnce();
    expect(await findDvcqgSync(bed.t.ctx.db, id)).toMatchObject({ state: 'parked', targetSeq: 2, deliveredSeq: 0 });
    expect((await fetch(`${bed.base}/_sim/dossiers/${code}`)).status).toBe(404);
    await sql`update dvcqg_sync set state = 'pending', attempts = 0, next_attempt_at = now() where dossier_id = ${id}`.execute(
      bed.t.ctx.db,
    );
    await bed.runUntilSynced(runner, [id]);
    const held = await bed.simGet<SimulatorDossier>(`/_sim/dossiers/${code}`);
    expect(held.progress.map((p) => p.TrangThai)).toEqual([2, 4]);
  });

  it('renews an expired session token and goes on', async () => {
    const runner = createDvcqgSyncRunner(bed.t.ctx, {
      settings: SIMULATOR_SYNC_SETTINGS,
      createSender: createHttpDvcqgSender,
    });
    const driver = bed.driver();
    clock.set('2026-11-23T09:00:00+07:00');
    const { id, code } = await driver.intake();
    await markAllEvents(bed.t.ctx, id);
    await bed.runUntilSynced(runner, [id]);
    const before = await bed.simGet<SimulatorStats>('/_sim/stats');
    await bed.simPost('/_sim/sessions/expire');
    clock.set('2026-11-23T10:00:00+07:00');
    await driver.act('motcua', code, 'forward');
    await markAllEvents(bed.t.ctx, id);
    const rows = await bed.runUntilSynced(runner, [id]);
    expect(rows[0]).toMatchObject({ state: 'synced', deliveredSeq: 2, attempts: 0 });
    const after = await bed.simGet<SimulatorStats>('/_sim/stats');
    expect(after.sessionsIssued).toBe(before.sessionsIssued + 1);
    expect(after.duplicates).toBe(0);
  });
});
