import { createServer } from 'node:net';
import type { DvcqgDossierRecord, DvcqgProcedureRecord, DvcqgProgressRecord } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDvcqgClient, type DvcqgClientOptions } from './client.js';
import { createDvcqgSimulator, readSimulatorCatalog, type SimulatorDossier, type SimulatorStats } from './simulator.js';

const dossier = (code: string, status: DvcqgDossierRecord['TrangThaiHoSo'] = 2): DvcqgDossierRecord => ({
  MaHoSo: code,
  MaTTHC: '1.001193',
  TenTTHC: 'Thủ tục đăng ký khai sinh',
  MaLinhVuc: 'G03-HT01',
  TenLinhVuc: 'Hộ tịch',
  KenhThucHien: 1,
  ChuHoSo: 'Nguyễn Văn An',
  LoaiDoiTuong: 1,
  TrichYeuHoSo: 'Đăng ký khai sinh',
  NgayTiepNhan: '20260701083000',
  NgayHenTra: '20260702083000',
  TrangThaiHoSo: status,
  DonViXuLy: 'UBND xã Hòa Bình',
  HoSoCoThanhPhanSoHoa: 0,
  TaiKhoanDuocXacThucVoiVNeID: 0,
  DuocThanhToanTrucTuyen: 0,
});

const progress = (code: string, at: string, status: DvcqgProgressRecord['TrangThai']): DvcqgProgressRecord => ({
  MaHoSo: code,
  NguoiXuLy: 'Trần Thị Bình',
  ChucDanh: 'Công chức',
  ThoiDiemXuLy: at,
  PhongBanXuLy: 'Bộ phận một cửa',
  NoiDungXuLy: 'Tiếp nhận hồ sơ',
  TrangThai: status,
  NgayBatDau: '20260701083000',
  NgayKetThucTheoQuyDinh: '20260702083000',
});

let clock = Date.now();
let app: FastifyInstance;
let base: string;
const catalog: DvcqgProcedureRecord[] = readSimulatorCatalog(['1.001193', '1.000894']);

const options = (overrides: Partial<DvcqgClientOptions> = {}): DvcqgClientOptions => ({
  endpointUrl: `${base}/service`,
  authUrl: `${base}/auth`,
  username: 'h56',
  password: 'bí mật',
  dstCode: 'H56',
  unitCode: '000.00.00.H56',
  timeoutMs: 2000,
  ...overrides,
});

const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return (await response.json()) as T;
};

beforeAll(async () => {
  app = createDvcqgSimulator({
    username: 'h56',
    password: 'bí mật',
    dstCode: 'H56',
    sessionTtlMs: 60_000,
    catalog,
    now: () => clock,
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app.close();
});

beforeEach(async () => {
  clock = Date.now();
  await control('POST', '/_sim/reset');
});

describe('the DVCQG client against the simulator', () => {
  it('authenticates once, sends a dossier and its progress, and the simulator keeps them in order', async () => {
    const client = createDvcqgClient(options());
    const first = await client.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-1')] });
    expect(first).toMatchObject({ outcome: 'accepted', reason: 'accepted', errorCode: '0' });
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    const step = await client.call({
      service: 'CapNhatTienDoHoSoMC',
      data: [progress('HS-1', '20260701083000', 2)],
    });
    expect(step.outcome).toBe('accepted');
    const update = await client.call({ service: 'DongBoHoSoMC', isUpdating: true, data: [dossier('HS-1', 4)] });
    expect(update.outcome).toBe('accepted');

    const stats = await control<SimulatorStats>('GET', '/_sim/stats');
    expect(stats).toMatchObject({ accepted: 3, rejected: 0, duplicates: 0, sessionsIssued: 1, dossiers: 1 });
    const stored = await control<SimulatorDossier>('GET', '/_sim/dossiers/HS-1');
    expect(stored.record.TrangThaiHoSo).toBe(4);
    expect(stored.received.map((r) => [r.service, r.isUpdating, r.status])).toEqual([
      ['DongBoHoSoMC', false, 2],
      ['CapNhatTienDoHoSoMC', null, 2],
      ['DongBoHoSoMC', true, 4],
    ]);
  });

  it('renews an expired session once and resends', async () => {
    const client = createDvcqgClient(options());
    expect((await client.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-2')] })).outcome).toBe(
      'accepted',
    );
    clock += 61_000;
    const after = await client.call({ service: 'DongBoHoSoMC', isUpdating: true, data: [dossier('HS-2', 4)] });
    expect(after.outcome).toBe('accepted');
    const stats = await control<SimulatorStats>('GET', '/_sim/stats');
    expect(stats).toMatchObject({ sessionsIssued: 2, sessionsRefused: 1, accepted: 2, dossiers: 1 });
  });

  it('classifies wrong credentials as a retryable session failure and sends nothing', async () => {
    const client = createDvcqgClient(options({ password: 'sai' }));
    const result = await client.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-3')] });
    expect(result).toMatchObject({ outcome: 'failed', reason: 'session', errorCode: '401' });
    expect(result.message).not.toContain('sai');
    expect((await control<SimulatorStats>('GET', '/_sim/stats')).dossiers).toBe(0);
  });

  it('rejects a message failing validation, naming the field but not its value', async () => {
    const client = createDvcqgClient(options());
    const result = await client.call({
      service: 'DongBoHoSoMC',
      isUpdating: false,
      data: [{ ...dossier('HS-4'), NgayHenTra: '20260231170000', ChuHoSo: 'Nguyễn Văn An' }],
    });
    expect(result).toMatchObject({ outcome: 'rejected', reason: 'refused', errorCode: '400' });
    expect(result.message).toContain('data[0].NgayHenTra');
    expect(result.message).not.toContain('20260231170000');
    expect((await control<SimulatorStats>('GET', '/_sim/stats')).rejected).toBe(1);
  });

  it('answers "đã tồn tại" for a second add and refuses an update or a progress for an unknown dossier', async () => {
    const client = createDvcqgClient(options());
    await client.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-5')] });
    const again = await client.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-5')] });
    expect(again).toMatchObject({ outcome: 'rejected', reason: 'already-exists', errorCode: '409' });
    expect(again.message).toContain('đã tồn tại');
    const unknown = await client.call({ service: 'DongBoHoSoMC', isUpdating: true, data: [dossier('HS-X')] });
    expect(unknown).toMatchObject({ outcome: 'rejected', reason: 'refused', errorCode: '404' });
    const orphan = await client.call({
      service: 'CapNhatTienDoHoSoMC',
      data: [progress('HS-Y', '20260701083000', 2)],
    });
    expect(orphan).toMatchObject({ outcome: 'rejected', errorCode: '404' });
  });

  it('counts a progress record delivered twice as a duplicate, and stores it once', async () => {
    const client = createDvcqgClient(options());
    await client.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-6')] });
    const step = progress('HS-6', '20260701090000', 2);
    await client.call({ service: 'CapNhatTienDoHoSoMC', data: [step] });
    await client.call({ service: 'CapNhatTienDoHoSoMC', data: [step] });
    await client.call({ service: 'CapNhatTienDoHoSoMC', data: [{ ...step, NoiDungXuLy: 'Tiếp nhận (sửa)' }] });
    const stats = await control<SimulatorStats>('GET', '/_sim/stats');
    expect(stats).toMatchObject({ duplicates: 1, progressUpdates: 1, progressRecords: 1 });
    const stored = await control<SimulatorDossier>('GET', '/_sim/dossiers/HS-6');
    expect(stored.progress).toHaveLength(1);
    expect(stored.progress[0]?.NoiDungXuLy).toBe('Tiếp nhận (sửa)');
    expect(stored.received.map((r) => r.repeat)).toEqual([false, false, true, false]);
  });

  it('times out on a slow portal that stored the dossier: the retry is "đã tồn tại", then an update', async () => {
    const client = createDvcqgClient(options({ timeoutMs: 300 }));
    await client.call({ service: 'LayDanhSachTTHC' }); // authenticate before the portal turns slow
    await control('POST', '/_sim/mode', { mode: 'slow', delayMs: 1000 });
    const slow = await client.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-7')] });
    expect(slow).toMatchObject({ outcome: 'failed', reason: 'timeout', errorCode: null });
    await control('POST', '/_sim/mode', { mode: 'ok' });
    const retry = await client.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-7')] });
    expect(retry.reason).toBe('already-exists');
    const update = await client.call({ service: 'DongBoHoSoMC', isUpdating: true, data: [dossier('HS-7')] });
    expect(update.outcome).toBe('accepted');
    const stats = await control<SimulatorStats>('GET', '/_sim/stats');
    expect(stats).toMatchObject({ dossiers: 1, duplicates: 0, identicalUpdates: 1, alreadyExists: 1 });
  });

  it('classifies fail, down (503 or a reset connection), reject and an unreachable portal', async () => {
    const client = createDvcqgClient(options());
    const send = () => client.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-8')] });
    await control('POST', '/_sim/mode', { mode: 'fail' });
    expect(await send()).toMatchObject({ outcome: 'failed', reason: 'unavailable', errorCode: '500' });
    await control('POST', '/_sim/mode', { mode: 'down' });
    expect(await send()).toMatchObject({ outcome: 'failed', reason: 'unavailable', errorCode: null });
    await control('POST', '/_sim/mode', { mode: 'down', drop: true });
    expect(await send()).toMatchObject({ outcome: 'failed', reason: 'network' });
    await control('POST', '/_sim/mode', { mode: 'reject' });
    expect(await send()).toMatchObject({ outcome: 'rejected', reason: 'refused', errorCode: '400' });
    await control('POST', '/_sim/mode', { mode: 'ok' });
    expect((await send()).outcome).toBe('accepted');

    // A port nothing listens on: connection refused.
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const refused = createDvcqgClient(
      options({ authUrl: `http://127.0.0.1:${closed}/auth`, endpointUrl: `http://127.0.0.1:${closed}/service` }),
    );
    expect(await refused.call({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier('HS-9')] })).toMatchObject({
      outcome: 'failed',
      reason: 'network',
    });
  });

  it('returns to ok after forSeconds', async () => {
    await control('POST', '/_sim/mode', { mode: 'down', forSeconds: 10 });
    expect((await control<SimulatorStats>('GET', '/_sim/stats')).mode).toBe('down');
    clock += 10_001;
    expect((await control<SimulatorStats>('GET', '/_sim/stats')).mode).toBe('ok');
  });

  it('classifies a non-JSON answer as failed (unparseable)', async () => {
    const client = createDvcqgClient(
      options({ fetch: async () => new Response('<html>gateway</html>', { status: 200 }) }),
    );
    expect(await client.call({ service: 'LayDanhSachTTHC' })).toMatchObject({
      outcome: 'failed',
      reason: 'unparseable',
    });
  });
});

describe('the simulator catalog', () => {
  it('lists procedures, serves LayThuTuc and reflects a change and an abolition', async () => {
    const client = createDvcqgClient(options());
    const list = await client.call<{ error_code: number; data: { MATTHC: string }[]; total: number }>({
      service: 'LayDanhSachTTHC',
    });
    expect(list.reply?.total).toBe(2);
    expect(list.reply?.data.map((item) => item.MATTHC)).toEqual(['1.001193', '1.000894']);
    const one = await client.call<{ error_code: number; data: DvcqgProcedureRecord }>({
      service: 'LayThuTuc',
      maTTHC: '1.001193',
    });
    expect(one.reply?.data.TENTTHC).toBe('Thủ tục đăng ký khai sinh');
    expect(one.reply?.data.CACHTHUCTHUCHIEN?.map((way) => way.KENH).sort()).toEqual([1, 2, 3]);

    await control('PATCH', '/_sim/catalog/1.001193', { TENTTHC: 'Đăng ký khai sinh (sửa đổi)' });
    await control('POST', '/_sim/catalog/1.000894/abolish');
    const after = await client.call<{
      error_code: number;
      data: { MATTHC: string; TENTTHC: string; TRANGTHAI: number }[];
    }>({
      service: 'LayDanhSachTTHC',
    });
    expect(after.reply?.data).toEqual([
      { MATTHC: '1.001193', TENTTHC: 'Đăng ký khai sinh (sửa đổi)', TRANGTHAI: 1 },
      expect.objectContaining({ MATTHC: '1.000894', TRANGTHAI: 0 }),
    ]);
    expect((await client.call({ service: 'LayThuTuc', maTTHC: '9.999999' })).errorCode).toBe('404');
  });
});
