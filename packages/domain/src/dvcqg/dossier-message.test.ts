import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUS_VALUES, DOSSIER_STATUSES } from '../dossier/status.js';
import {
  buildDossierRecord,
  buildProgressRecord,
  type DossierSyncInput,
  DVCQG_STATUS_OF,
  formatDvcqgInstant,
  mapApplicant,
  maskDvcqgMessage,
  parseDvcqgInstant,
  type SyncEvent,
  toDvcqgChannel,
} from './dossier-message.js';
import { DvcqgDossierRecordSchema, DvcqgProgressRecordSchema } from './schemas.js';

/** 2026-03-02 08:00 in Hà Nội (01:00 UTC) plus minutes. */
const t = (minutes: number) => Date.UTC(2026, 2, 2, 1, 0) + minutes * 60_000;

const event = (seq: number, over: Partial<SyncEvent>): SyncEvent => ({
  seq,
  at: t(seq * 60),
  action: 'complete_step',
  fromStatus: 'processing',
  toStatus: 'processing',
  actorKind: 'official',
  actorName: 'Nguyễn Văn An',
  actorRole: 'processor',
  agencyName: 'Phòng Tư pháp',
  note: null,
  dueAfter: null,
  reason: null,
  missing: [],
  results: [],
  ...over,
});

const scenario = (): DossierSyncInput => ({
  code: 'H01.01-260302-0001',
  procedureCode: '1.001234',
  procedureName: 'Đăng ký khai sinh',
  fieldCode: 'G12',
  fieldName: 'Hộ tịch',
  channel: 'direct',
  applicant: {
    kind: 'person',
    fullName: 'Trần Thị Bình',
    idNumber: '001190012345',
    phone: '0912345678',
    email: 'binh@example.vn',
  },
  vneidVerified: false,
  summary: 'Đăng ký khai sinh cho con',
  agencyCode: 'H01.01',
  createdAt: t(60),
  components: [
    { key: 'to-khai', name: 'Tờ khai', fromData: false, file: { name: 'to-khai.pdf', url: 'https://x/f/1' } },
    { key: 'cccd', name: 'CCCD', fromData: true },
  ],
  fees: [
    { name: 'Lệ phí', code: 'published:0', kind: 'le_phi', amountVnd: 8000, requestSeq: null, collection: 'counter' },
    { name: 'Phí sao y', code: 'request:5', kind: 'other', amountVnd: 2000, requestSeq: 5, collection: 'online' },
  ],
  paidOnline: false,
  resultUrls: { 'doc-1': 'https://x/v/doc-1' },
  steps: [
    { stepNo: 0, name: 'Tiếp nhận', agencyName: 'Bộ phận Một cửa', givenAt: t(60), dueAt: t(120) },
    { stepNo: 1, name: 'Thẩm định', agencyName: 'Phòng Tư pháp', givenAt: t(120), dueAt: t(2000) },
  ],
  events: [
    event(1, {
      action: 'receive',
      fromStatus: null,
      toStatus: 'received',
      actorRole: 'receptionist',
      agencyName: 'Bộ phận Một cửa',
      dueAfter: t(3000),
    }),
    event(2, { action: 'forward', fromStatus: 'received', toStatus: 'processing', actorRole: 'receptionist' }),
    event(3, {
      action: 'request_supplement',
      toStatus: 'supplement_requested',
      reason: 'Thiếu giấy',
      missing: ['Giấy chứng sinh'],
    }),
    event(4, {
      action: 'applicant_supplement',
      fromStatus: 'supplement_requested',
      actorKind: 'applicant',
      actorName: null,
      actorRole: 'applicant',
      dueAfter: t(3200),
    }),
    event(5, { action: 'request_payment', toStatus: 'financial_obligation' }),
    event(6, { action: 'record_payment', fromStatus: 'financial_obligation', actorKind: 'system', actorName: null }),
    event(7, {
      action: 'complete',
      toStatus: 'completed',
      actorRole: 'approver',
      results: [{ name: 'Giấy khai sinh', documentNo: '12/2026', documentId: 'doc-1' }],
    }),
    event(8, { action: 'return_result', fromStatus: 'completed', toStatus: 'returned', actorRole: 'result_returner' }),
  ],
});

describe('the status table (regulations.md §1.1)', () => {
  it('maps every motcua status to its TrangThaiHoSo code, one to one', () => {
    for (const status of DOSSIER_STATUS_VALUES) {
      expect(DVCQG_STATUS_OF[status]).toBe(DOSSIER_STATUSES[status].dvcqg);
    }
    expect(new Set(Object.values(DVCQG_STATUS_OF)).size).toBe(10);
  });

  it('maps the channels to KenhThucHien 1/2/3', () => {
    expect([toDvcqgChannel('direct'), toDvcqgChannel('online'), toDvcqgChannel('postal')]).toEqual([1, 2, 3]);
  });
});

describe('instants (yyyyMMddHHmmss, Asia/Ho_Chi_Minh)', () => {
  it('writes the Hà Nội wall-clock time', () => {
    expect(formatDvcqgInstant(Date.UTC(2026, 11, 31, 17, 5, 9))).toBe('20270101000509');
    expect(parseDvcqgInstant('20270101000509')).toBe(Date.UTC(2026, 11, 31, 17, 5, 9));
  });

  it('refuses what is not an instant', () => {
    expect(parseDvcqgInstant('20260230120000')).toBeUndefined();
    expect(parseDvcqgInstant('2026-01-01')).toBeUndefined();
    expect(parseDvcqgInstant('20260101246000')).toBeUndefined();
  });

  it('round-trips every second (UTC+7 all year: no daylight saving in Vietnam)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const seconds = Math.floor(ms / 1000) * 1000;
        const text = formatDvcqgInstant(ms);
        expect(text).toMatch(/^\d{14}$/);
        expect(parseDvcqgInstant(text)).toBe(seconds);
      }),
    );
  });

  it('keeps the order of instants (the string order is the time order)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (a, b) => {
          const [fa, fb] = [formatDvcqgInstant(a), formatDvcqgInstant(b)];
          expect(Math.sign(fa.localeCompare(fb))).toBe(Math.sign(Math.floor(a / 1000) - Math.floor(b / 1000)));
        },
      ),
    );
  });
});

describe('the applicant', () => {
  it('gives a 12-digit CCCD LoaiDinhDanh 1 and a 9-digit CMND 2', () => {
    expect(mapApplicant({ kind: 'person', fullName: 'A', idNumber: '001190012345' }).DinhDanhCHS).toEqual([
      { LoaiDinhDanh: 1, SoDinhDanh: '001190012345' },
    ]);
    expect(mapApplicant({ kind: 'person', fullName: 'A', idNumber: '123456789' }).DinhDanhCHS).toEqual([
      { LoaiDinhDanh: 2, SoDinhDanh: '123456789' },
    ]);
  });

  it('sends an organisation as LoaiDoiTuong 2 with its tax code and no personal identifier', () => {
    const mapped = mapApplicant({ kind: 'organisation', name: 'Công ty B', taxCode: '0101234567' });
    expect(mapped).toMatchObject({ ChuHoSo: 'Công ty B', LoaiDoiTuong: 2, SoGiayToChuHoSo: '0101234567' });
    expect(mapped.DinhDanhCHS).toBeUndefined();
  });

  it('classifies any identifier by its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,14}$/), (id) => {
        const ids = mapApplicant({ kind: 'person', fullName: 'A', idNumber: id }).DinhDanhCHS ?? [];
        expect(ids.map((x) => x.LoaiDinhDanh)).toEqual(id.length === 12 ? [1] : id.length === 9 ? [2] : []);
      }),
    );
  });
});

describe('the dossier message as of event k', () => {
  const input = scenario();

  it('carries the status and the dates of events 1..k only', () => {
    const first = buildDossierRecord(input, 1);
    expect(first).toMatchObject({
      MaHoSo: 'H01.01-260302-0001',
      MaTTHC: '1.001234',
      KenhThucHien: 1,
      TrangThaiHoSo: 2,
      LoaiDoiTuong: 1,
      NgayNopHoSo: formatDvcqgInstant(t(60)),
      NgayTiepNhan: formatDvcqgInstant(t(60)),
      NgayHenTra: formatDvcqgInstant(t(3000)),
      DonViXuLy: 'H01.01',
      HoSoCoThanhPhanSoHoa: 1,
    });
    expect(first.NgayTra).toBeUndefined();
    expect(first.NgayKetThucXuLy).toBeUndefined();
    expect(first.DanhSachHoSoBoSung).toBeUndefined();
    expect(first.DanhSachGiayToKetQua).toBeUndefined();
    expect(first.DanhSachLePhi).toEqual([
      { TenPhiLePhi: 'Lệ phí', MaPhiLePhi: 'published:0', HinhThucThu: 1, Gia: 8000, LoaiPhiLePhi: 2 },
    ]);
    expect(input.events.map((e) => buildDossierRecord(input, e.seq).TrangThaiHoSo)).toEqual([2, 4, 5, 4, 6, 4, 9, 10]);
    const last = buildDossierRecord(input, 8);
    expect(last.NgayKetThucXuLy).toBe(formatDvcqgInstant(t(420)));
    expect(last.NgayTra).toBe(formatDvcqgInstant(t(480)));
    expect(last.DanhSachGiayToKetQua).toEqual([
      { TenGiayTo: 'Giấy khai sinh', MaGiayToKetQua: '12/2026', DuongDanTepTinKetQua: 'https://x/v/doc-1' },
    ]);
    expect(last.DanhSachLePhi).toHaveLength(2);
  });

  it('lists the components with their digitisation flags', () => {
    expect(buildDossierRecord(input, 1).TaiLieuNop).toEqual([
      {
        TenTepDinhKem: 'to-khai.pdf',
        MaThanhPhanHoSo: 'to-khai',
        DuongDanTaiTepTin: 'https://x/f/1',
        DuocSoHoa: 1,
        DuocTaiSuDung: 0,
        DuocLayTuKhoDMQG: 0,
        MaKetQuaThayThe: '',
      },
      {
        TenTepDinhKem: 'CCCD',
        MaThanhPhanHoSo: 'cccd',
        DuongDanTaiTepTin: '',
        DuocSoHoa: 0,
        DuocTaiSuDung: 1,
        DuocLayTuKhoDMQG: 1,
        MaKetQuaThayThe: '',
      },
    ]);
  });

  it('lists a supplement once answered, with the appointments before and after', () => {
    // Asked: the status says so (5); the list waits for the answer (the portal's dates are all required).
    expect(buildDossierRecord(input, 3)).toMatchObject({ TrangThaiHoSo: 5 });
    expect(buildDossierRecord(input, 3).DanhSachHoSoBoSung).toBeUndefined();
    expect(buildDossierRecord(input, 4).DanhSachHoSoBoSung).toEqual([
      {
        NguoiYeuCauBoSung: 'Nguyễn Văn An',
        NoiDungBoSung: 'Thiếu giấy; Giấy chứng sinh',
        NgayBoSung: formatDvcqgInstant(t(180)),
        NgayTiepNhanBoSung: formatDvcqgInstant(t(240)),
        NgayHenTraTruoc: formatDvcqgInstant(t(3000)),
        NgayHenTraMoi: formatDvcqgInstant(t(3200)),
      },
    ]);
  });

  it('gives a supplement asked at intake the first appointment as its "before"', () => {
    const intake: DossierSyncInput = {
      ...input,
      events: [
        event(1, {
          action: 'request_intake_supplement',
          fromStatus: null,
          toStatus: 'supplement_requested',
          reason: 'Thiếu',
        }),
        event(2, { action: 'applicant_supplement', fromStatus: 'supplement_requested', toStatus: 'new' }),
        event(3, { action: 'receive', fromStatus: 'new', toStatus: 'received', dueAfter: t(5000) }),
      ],
    };
    expect(buildDossierRecord(intake, 2).DanhSachHoSoBoSung).toBeUndefined();
    expect(buildDossierRecord(intake, 3).DanhSachHoSoBoSung).toEqual([
      expect.objectContaining({
        NgayHenTraTruoc: formatDvcqgInstant(t(5000)),
        NgayHenTraMoi: formatDvcqgInstant(t(5000)),
      }),
    ]);
  });

  it('writes every state as the portal schema accepts it', () => {
    for (const { seq } of input.events) {
      expect(DvcqgDossierRecordSchema.safeParse(buildDossierRecord(input, seq)).error).toBeUndefined();
      expect(DvcqgProgressRecordSchema.safeParse(buildProgressRecord(input, seq)).error).toBeUndefined();
    }
  });

  it('refuses an event that is not loaded', () => {
    expect(() => buildDossierRecord(input, 9)).toThrow(/event 9/);
  });
});

describe('the progress record of an event', () => {
  const input = scenario();

  it('is the event: who, when (its own instant), what, and the step that holds the dossier', () => {
    expect(buildProgressRecord(input, 2)).toEqual({
      MaHoSo: 'H01.01-260302-0001',
      NguoiXuLy: 'Nguyễn Văn An',
      ChucDanh: 'Cán bộ tiếp nhận',
      ThoiDiemXuLy: formatDvcqgInstant(t(120)),
      PhongBanXuLy: 'Phòng Tư pháp',
      NoiDungXuLy: 'Chuyển xử lý',
      TrangThai: 4,
      NgayBatDau: formatDvcqgInstant(t(120)),
      NgayKetThucTheoQuyDinh: formatDvcqgInstant(t(2000)),
    });
    expect(buildProgressRecord(input, 4)).toMatchObject({ NguoiXuLy: 'Trần Thị Bình', ChucDanh: 'Người nộp hồ sơ' });
    expect(buildProgressRecord(input, 6)).toMatchObject({ NguoiXuLy: 'Hệ thống', TrangThai: 4 });
  });

  it('stamps every event with its own instant, in order', () => {
    const stamps = input.events.map((e) => buildProgressRecord(input, e.seq).ThoiDiemXuLy);
    expect(stamps).toEqual(input.events.map((e) => formatDvcqgInstant(e.at)));
    expect([...stamps].sort()).toEqual(stamps);
  });
});

describe('maskDvcqgMessage', () => {
  it('masks identifier numbers, phone, e-mail and the session, and nothing else', () => {
    const record = buildDossierRecord(scenario(), 1);
    const masked = maskDvcqgMessage({ service: 'DongBoHoSoMC', session: 'tok-123', data: [record] });
    expect(masked.session).toBe('***');
    expect(masked.data[0]).toMatchObject({
      SoGiayToChuHoSo: '********2345',
      SoDienThoai: '*******678',
      Email: 'b***@example.vn',
      DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '********2345' }],
      ChuHoSo: 'Trần Thị Bình',
      MaHoSo: 'H01.01-260302-0001',
    });
    expect(JSON.stringify(masked)).not.toContain('001190012345');
    expect(JSON.stringify(masked)).not.toContain('0912345678');
  });
});
