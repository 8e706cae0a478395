import { z } from 'zod';
import type {
  DvcqgAuthRequest,
  DvcqgDossierRecord,
  DvcqgProcedureRecord,
  DvcqgProgressRecord,
  DvcqgServiceRequest,
} from './protocol.js';

/**
 * Validation of the national portal's messages (Cổng DVCQG), as its receiver would check them: the fields of
 * ../shared/spec/regulations.md §7 and reform-and-eoffice.md §F, required or optional as protocol.ts marks them
 * (OpenCPS marks the optional ones "ko bb"; no official specification was available, so lengths are not
 * checked beyond "not empty" for identifiers). Used by motcua's simulator of the portal and by the catalog
 * pull to read LayThuTuc answers; the sync worker's mapping is tested against them.
 *
 * Every schema's output type is the protocol type (checked at compile time below), so a message that passes is
 * exactly what the wire contract describes.
 */

/** `yyyyMMddHHmmss`, Asia/Ho_Chi_Minh: 14 digits naming a real calendar instant (no 30 February, no 24:00). */
export const DVCQG_INSTANT_PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** Whether `value` is a `yyyyMMddHHmmss` instant that exists in the calendar. */
export const isDvcqgInstant = (value: string): boolean => {
  const match = DVCQG_INSTANT_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return false;
  }
  // Day 0 of the next month is the last day of this one (UTC arithmetic: no daylight saving involved).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
};

export const DvcqgInstantSchema = z
  .string()
  .refine(isDvcqgInstant, { message: 'must be a real instant written yyyyMMddHHmmss' });

/** TrangThaiHoSo 1–10 (regulations.md §1.1). */
export const DvcqgStatusCodeSchema = z.literal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
/** KenhThucHien / KENH: 1 in person, 2 online, 3 public postal service (reform-and-eoffice.md §F). */
export const DvcqgChannelSchema = z.literal([1, 2, 3]);
const Flag = z.literal([0, 1]);
/** An identifier or a name the portal keys on: present and not blank. */
const Required = z.string().trim().min(1, 'must not be empty');

export const DvcqgIdentifierSchema = z.object({
  /** 1 = 12-digit personal identification number, 2 = 9-digit identity card. */
  LoaiDinhDanh: z.literal([1, 2]),
  SoDinhDanh: Required,
});

export const DvcqgSubmittedDocumentSchema = z.object({
  TenTepDinhKem: z.string(),
  MaThanhPhanHoSo: z.string(),
  DuongDanTaiTepTin: z.string(),
  DuocSoHoa: Flag,
  DuocTaiSuDung: Flag,
  DuocLayTuKhoDMQG: Flag,
  MaKetQuaThayThe: z.string(),
});

export const DvcqgFeeSchema = z.object({
  TenPhiLePhi: z.string(),
  MaPhiLePhi: z.string(),
  HinhThucThu: z.number().int(),
  Gia: z.number().nonnegative(),
  LoaiPhiLePhi: z.number().int(),
});

export const DvcqgSupplementSchema = z.object({
  NguoiYeuCauBoSung: z.string(),
  NoiDungBoSung: z.string(),
  NgayBoSung: DvcqgInstantSchema,
  NgayTiepNhanBoSung: DvcqgInstantSchema,
  NgayHenTraTruoc: DvcqgInstantSchema,
  NgayHenTraMoi: DvcqgInstantSchema,
});

export const DvcqgResultDocumentSchema = z.object({
  TenGiayTo: z.string(),
  MaGiayToKetQua: z.string(),
  DuongDanTepTinKetQua: z.string(),
});

/** One dossier of DongBoHoSoMC. */
export const DvcqgDossierRecordSchema = z.object({
  MaHoSo: Required,
  MaTTHC: Required,
  TenTTHC: Required,
  MaLinhVuc: Required,
  TenLinhVuc: Required,
  KenhThucHien: DvcqgChannelSchema,
  ChuHoSo: Required,
  SoGiayToChuHoSo: z.string().optional(),
  LoaiDoiTuong: z.literal([1, 2, 3, 4]),
  MaDoiTuong: z.string().optional(),
  Email: z.string().optional(),
  SoDienThoai: z.string().optional(),
  TrichYeuHoSo: Required,
  NgayNopHoSo: DvcqgInstantSchema.optional(),
  NgayTiepNhan: DvcqgInstantSchema.optional(),
  NgayHenTra: DvcqgInstantSchema.optional(),
  NgayTra: DvcqgInstantSchema.optional(),
  NgayKetThucXuLy: DvcqgInstantSchema.optional(),
  NgayTuChoi: DvcqgInstantSchema.optional(),
  TrangThaiHoSo: DvcqgStatusCodeSchema,
  HinhThuc: z.number().int().optional(),
  DonViXuLy: Required,
  NoiNopHoSo: z.number().int().optional(),
  HoSoCoThanhPhanSoHoa: Flag,
  TaiKhoanDuocXacThucVoiVNeID: Flag,
  DuocThanhToanTrucTuyen: Flag,
  DinhDanhCHS: z.array(DvcqgIdentifierSchema).optional(),
  TaiLieuNop: z.array(DvcqgSubmittedDocumentSchema).optional(),
  DanhSachLePhi: z.array(DvcqgFeeSchema).optional(),
  DanhSachHoSoBoSung: z.array(DvcqgSupplementSchema).optional(),
  DanhSachGiayToKetQua: z.array(DvcqgResultDocumentSchema).optional(),
});

/** One processing step of CapNhatTienDoHoSoMC. */
export const DvcqgProgressRecordSchema = z.object({
  MaHoSo: Required,
  NguoiXuLy: Required,
  ChucDanh: z.string(),
  ThoiDiemXuLy: DvcqgInstantSchema,
  PhongBanXuLy: Required,
  NoiDungXuLy: Required,
  TrangThai: DvcqgStatusCodeSchema,
  NgayBatDau: DvcqgInstantSchema,
  NgayKetThucTheoQuyDinh: DvcqgInstantSchema,
});

const Envelope = { session: Required, madonvi: Required };

/** The body of a service call; `service` selects the shape. A message carries at least one record. */
export const DvcqgServiceRequestSchema = z.discriminatedUnion('service', [
  z.object({
    service: z.literal('DongBoHoSoMC'),
    isUpdating: z.boolean(),
    data: z.array(DvcqgDossierRecordSchema).min(1),
    ...Envelope,
  }),
  z.object({ service: z.literal('CapNhatTienDoHoSoMC'), data: z.array(DvcqgProgressRecordSchema).min(1), ...Envelope }),
  z.object({
    service: z.literal('LayDanhSachTTHC'),
    ...Envelope,
    page: z.number().int().min(1).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
  }),
  z.object({ service: z.literal('LayThuTuc'), maTTHC: Required, ...Envelope }),
  z.object({ service: z.literal('TraCuuHoSo'), MaHoSo: Required, ...Envelope }),
]);

export const DvcqgAuthRequestSchema = z.object({ username: Required, password: z.string().min(1) });

/** LayThuTuc's procedure record (reform-and-eoffice.md §F). */
export const DvcqgProcedureRecordSchema = z.object({
  MATTHC: Required,
  TENTTHC: Required,
  TRINHTUTHUCHIEN: z
    .array(z.object({ TRUONGHOP: z.string().optional(), TRINHTU: z.array(z.object({ TENTRINHTU: z.string() })) }))
    .optional(),
  LINHVUCTHUCHIEN: z.array(z.object({ MALINHVUC: z.string(), TENLINHVUC: z.string() })),
  MACOQUANCONGBO: z.string().optional(),
  CACHTHUCTHUCHIEN: z
    .array(
      z.object({
        KENH: DvcqgChannelSchema,
        THOIGIAN: z.array(
          z.object({
            THOIGIANGIAIQUYET: z.number().nonnegative(),
            DONVITINH: z.string(),
            MOTA: z.string().optional(),
            PHILEPHI: z
              .array(
                z.object({
                  MAPHILEPHI: z.string().optional(),
                  SOTIEN: z.number().nonnegative(),
                  DONVI: z.string().optional(),
                  MOTA: z.string().optional(),
                }),
              )
              .optional(),
          }),
        ),
      }),
    )
    .optional(),
  YEUCAU: z.string().optional(),
  MOTADOITUONGTHUCHIEN: z.string().optional(),
  KETQUATHUCHIEN: z.array(z.object({ MAKETQUA: z.string().optional(), TENKETQUA: z.string() })).optional(),
  CANCUPHAPLY: z.array(z.object({ SOVANBAN: z.string(), TENVANBAN: z.string() })).optional(),
  TRANGTHAI: z.number().int(),
  COQUANTHUCHIEN: z.array(z.object({ TENDONVI: z.string(), MADONVI: z.string() })).optional(),
  THANHPHANHOSO: z
    .array(
      z.object({
        TRUONGHOP: z.string().optional(),
        GIAYTO: z.array(
          z.object({
            MAGIAYTO: z.string().optional(),
            TENGIAYTO: z.string(),
            TENMAUDON: z.string().optional(),
            URL: z.string().optional(),
            SOBANCHINH: z.number().int().nonnegative().optional(),
            SOBANSAO: z.number().int().nonnegative().optional(),
          }),
        ),
      }),
    )
    .optional(),
  CAPTHUCHIEN: z.array(z.string()).optional(),
  QUYETDINHCONGBO: z.string().optional(),
  COQUANCOTHAMQUYEN: z.string().optional(),
  LOAITTHC: z.string().optional(),
});

/** The first problem of a failed parse as the portal would word it: the field's path and what is wrong. */
export const describeDvcqgIssue = (error: z.ZodError): { field: string; problem: string } => {
  const issue = error.issues[0];
  if (issue === undefined) {
    return { field: '', problem: 'invalid' };
  }
  const field = issue.path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return { field, problem: issue.message };
};

// Compile-time proof that every schema produces exactly the protocol type (in both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(): T => true as T;
same<Same<z.infer<typeof DvcqgDossierRecordSchema>, DvcqgDossierRecord>>();
same<Same<z.infer<typeof DvcqgProgressRecordSchema>, DvcqgProgressRecord>>();
same<Same<z.infer<typeof DvcqgServiceRequestSchema>, DvcqgServiceRequest>>();
same<Same<z.infer<typeof DvcqgAuthRequestSchema>, DvcqgAuthRequest>>();
same<Same<z.infer<typeof DvcqgProcedureRecordSchema>, DvcqgProcedureRecord>>();
