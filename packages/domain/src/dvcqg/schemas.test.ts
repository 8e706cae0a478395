import { describe, expect, it } from 'vitest';
import {
  DVCQG_ERROR_CODES,
  type DvcqgDossierRecord,
  type DvcqgProgressRecord,
  isDvcqgAlreadyExists,
  isDvcqgSessionInvalid,
} from './protocol.js';
import {
  DvcqgAuthRequestSchema,
  DvcqgDossierRecordSchema,
  DvcqgProcedureRecordSchema,
  DvcqgProgressRecordSchema,
  DvcqgServiceRequestSchema,
  describeDvcqgIssue,
  isDvcqgInstant,
} from './schemas.js';

const dossier: DvcqgDossierRecord = {
  MaHoSo: 'H56.01-260701-0001',
  MaTTHC: '1.001193',
  TenTTHC: 'Đăng ký khai sinh',
  MaLinhVuc: 'G03-HT01',
  TenLinhVuc: 'Hộ tịch',
  KenhThucHien: 2,
  ChuHoSo: 'Nguyễn Văn An',
  LoaiDoiTuong: 1,
  TrichYeuHoSo: 'Đăng ký khai sinh cho con',
  NgayNopHoSo: '20260701083000',
  TrangThaiHoSo: 1,
  DonViXuLy: 'UBND xã A',
  HoSoCoThanhPhanSoHoa: 1,
  TaiKhoanDuocXacThucVoiVNeID: 1,
  DuocThanhToanTrucTuyen: 0,
  DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '001090000001' }],
};

const progress: DvcqgProgressRecord = {
  MaHoSo: 'H56.01-260701-0001',
  NguoiXuLy: 'Trần Thị Bình',
  ChucDanh: 'Công chức một cửa',
  ThoiDiemXuLy: '20260701090000',
  PhongBanXuLy: 'Bộ phận một cửa',
  NoiDungXuLy: 'Tiếp nhận hồ sơ',
  TrangThai: 2,
  NgayBatDau: '20260701090000',
  NgayKetThucTheoQuyDinh: '20260703170000',
};

describe('isDvcqgInstant', () => {
  it.each([['20260701083000'], ['20240229235959'], ['20261231000000']])('accepts the real instant %s', (value) => {
    expect(isDvcqgInstant(value)).toBe(true);
  });

  it.each([
    ['20260230120000', '30 February'],
    ['20250229120000', '29 February of a common year'],
    ['20261301000000', 'month 13'],
    ['20260700000000', 'day 0'],
    ['20260701240000', 'hour 24'],
    ['20260701126000', 'minute 60'],
    ['20260701120060', 'second 60'],
    ['2026-07-01 08:30', 'an ISO-like text'],
    ['202607010830', '12 digits'],
  ])('refuses %s (%s)', (value) => {
    expect(isDvcqgInstant(value)).toBe(false);
  });
});

describe('DvcqgDossierRecordSchema', () => {
  it('accepts a dossier with only the required fields and returns it unchanged', () => {
    const minimal = { ...dossier };
    delete minimal.NgayNopHoSo;
    delete minimal.DinhDanhCHS;
    expect(DvcqgDossierRecordSchema.parse(minimal)).toEqual(minimal);
    expect(DvcqgDossierRecordSchema.parse(dossier)).toEqual(dossier);
  });

  it.each([
    ['MaHoSo'],
    ['MaTTHC'],
    ['TenTTHC'],
    ['KenhThucHien'],
    ['ChuHoSo'],
    ['LoaiDoiTuong'],
    ['TrichYeuHoSo'],
    ['TrangThaiHoSo'],
    ['DonViXuLy'],
    ['HoSoCoThanhPhanSoHoa'],
  ])('requires %s and names it', (field) => {
    const { [field]: _dropped, ...rest } = dossier as Record<string, unknown>;
    const result = DvcqgDossierRecordSchema.safeParse(rest);
    expect(result.success).toBe(false);
    expect(result.success ? '' : describeDvcqgIssue(result.error).field).toBe(field);
  });

  it.each([[0], [11], [2.5], ['2']])('refuses TrangThaiHoSo %j (1–10 only)', (value) => {
    expect(DvcqgDossierRecordSchema.safeParse({ ...dossier, TrangThaiHoSo: value }).success).toBe(false);
  });

  it.each([[1], [2], [3]])('accepts KenhThucHien %d', (value) => {
    expect(DvcqgDossierRecordSchema.safeParse({ ...dossier, KenhThucHien: value }).success).toBe(true);
  });

  it.each([[0], [4]])('refuses KenhThucHien %d', (value) => {
    expect(DvcqgDossierRecordSchema.safeParse({ ...dossier, KenhThucHien: value }).success).toBe(false);
  });

  it('names the nested field of a malformed instant or identifier', () => {
    const badDate = DvcqgDossierRecordSchema.safeParse({ ...dossier, NgayHenTra: '20260231170000' });
    expect(badDate.success ? undefined : describeDvcqgIssue(badDate.error)).toEqual({
      field: 'NgayHenTra',
      problem: 'must be a real instant written yyyyMMddHHmmss',
    });
    const badId = DvcqgDossierRecordSchema.safeParse({
      ...dossier,
      DinhDanhCHS: [{ LoaiDinhDanh: 3, SoDinhDanh: '1' }],
    });
    expect(badId.success ? '' : describeDvcqgIssue(badId.error).field).toBe('DinhDanhCHS[0].LoaiDinhDanh');
  });

  it('refuses a blank identifier', () => {
    expect(DvcqgDossierRecordSchema.safeParse({ ...dossier, MaHoSo: '  ' }).success).toBe(false);
  });
});

describe('DvcqgProgressRecordSchema', () => {
  it('accepts a progress record', () => {
    expect(DvcqgProgressRecordSchema.parse(progress)).toEqual(progress);
  });

  it.each([['ThoiDiemXuLy'], ['TrangThai'], ['NgayBatDau'], ['NgayKetThucTheoQuyDinh'], ['NguoiXuLy']])(
    'requires %s',
    (field) => {
      const { [field]: _dropped, ...rest } = progress as Record<string, unknown>;
      expect(DvcqgProgressRecordSchema.safeParse(rest).success).toBe(false);
    },
  );
});

describe('DvcqgServiceRequestSchema', () => {
  const envelope = { session: 'token', madonvi: '000.00.00.H56' };

  it('reads each service by its name', () => {
    expect(
      DvcqgServiceRequestSchema.parse({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier], ...envelope })
        .service,
    ).toBe('DongBoHoSoMC');
    expect(
      DvcqgServiceRequestSchema.parse({ service: 'CapNhatTienDoHoSoMC', data: [progress], ...envelope }).service,
    ).toBe('CapNhatTienDoHoSoMC');
    expect(DvcqgServiceRequestSchema.parse({ service: 'LayThuTuc', maTTHC: '1.001193', ...envelope }).service).toBe(
      'LayThuTuc',
    );
    expect(DvcqgServiceRequestSchema.parse({ service: 'LayDanhSachTTHC', page: 2, ...envelope }).service).toBe(
      'LayDanhSachTTHC',
    );
  });

  it('refuses an unknown service, a missing isUpdating, an empty data array and a missing session', () => {
    expect(DvcqgServiceRequestSchema.safeParse({ service: 'XoaHoSo', ...envelope }).success).toBe(false);
    expect(DvcqgServiceRequestSchema.safeParse({ service: 'DongBoHoSoMC', data: [dossier], ...envelope }).success).toBe(
      false,
    );
    expect(
      DvcqgServiceRequestSchema.safeParse({ service: 'DongBoHoSoMC', isUpdating: true, data: [], ...envelope }).success,
    ).toBe(false);
    expect(
      DvcqgServiceRequestSchema.safeParse({ service: 'LayThuTuc', maTTHC: '1.001193', madonvi: 'x' }).success,
    ).toBe(false);
  });

  it('names the failing field inside data', () => {
    const result = DvcqgServiceRequestSchema.safeParse({
      service: 'CapNhatTienDoHoSoMC',
      data: [{ ...progress, TrangThai: 12 }],
      ...envelope,
    });
    expect(result.success ? '' : describeDvcqgIssue(result.error).field).toBe('data[0].TrangThai');
  });
});

describe('DvcqgAuthRequestSchema and DvcqgProcedureRecordSchema', () => {
  it('requires both credentials', () => {
    expect(DvcqgAuthRequestSchema.safeParse({ username: 'h56', password: 's' }).success).toBe(true);
    expect(DvcqgAuthRequestSchema.safeParse({ username: 'h56' }).success).toBe(false);
  });

  it('reads a LayThuTuc record and refuses a channel outside 1–3', () => {
    const record = {
      MATTHC: '1.001193',
      TENTTHC: 'Đăng ký khai sinh',
      LINHVUCTHUCHIEN: [{ MALINHVUC: 'G03-HT01', TENLINHVUC: 'Hộ tịch' }],
      CACHTHUCTHUCHIEN: [{ KENH: 2, THOIGIAN: [{ THOIGIANGIAIQUYET: 1, DONVITINH: 'Ngày làm việc' }] }],
      TRANGTHAI: 1,
    };
    expect(DvcqgProcedureRecordSchema.parse(record)).toEqual(record);
    expect(
      DvcqgProcedureRecordSchema.safeParse({
        ...record,
        CACHTHUCTHUCHIEN: [{ KENH: 4, THOIGIAN: [] }],
      }).success,
    ).toBe(false);
  });
});

describe('reply classification helpers', () => {
  it('recognises "đã tồn tại" by code or by wording, and an expired session', () => {
    expect(isDvcqgAlreadyExists({ error_code: DVCQG_ERROR_CODES.ALREADY_EXISTS })).toBe(true);
    expect(isDvcqgAlreadyExists({ error_code: -1, message: 'Hồ sơ đã tồn tại trên hệ thống' })).toBe(true);
    expect(isDvcqgAlreadyExists({ error_code: 0, message: 'đã tồn tại' })).toBe(false);
    expect(isDvcqgAlreadyExists({ error_code: '400', message: 'MaHoSo: must not be empty' })).toBe(false);
    expect(isDvcqgSessionInvalid({ error_code: '401' })).toBe(true);
    expect(isDvcqgSessionInvalid({ error_code: 401 })).toBe(true);
    expect(isDvcqgSessionInvalid({ error_code: '400' })).toBe(false);
  });
});
