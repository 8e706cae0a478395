/**
 * The wire contract with the national public-service portal (Cổng DVCQG), as far as public sources show it.
 * Sources: ../shared/spec/regulations.md §7 and ../shared/spec/reform-and-eoffice.md §F — the field names come
 * from open-source systems that talk to the portal (OpenCPS, a provincial system) [SEC]; no official public
 * specification was available, so unknowns are settings, not guesses:
 * - every service is one POST to the province's endpoint, `{ service, isUpdating, data, session, madonvi }`
 *   with the header `dstcode`; the answer is `{ error_code, message }`, 0 (or "00") meaning accepted;
 * - the session token comes from the authentication endpoint (`{ username, password }` → `{ error_code,
 *   session }`) and is renewed when the portal answers that it expired;
 * - the progress message (CapNhatTienDoHoSoMC) is sent only after the dossier message (DongBoHoSoMC) of the same
 *   change was accepted (OpenCPS's call order).
 * motcua's simulator (`npx motcua simulate dvcqg`) answers this contract; the sync worker speaks it.
 */

/** TrangThaiHoSo: the portal's dossier status codes 1–10 (regulations.md §1.1). */
export type DvcqgStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** KenhThucHien / KENH: 1 in person, 2 online, 3 public postal service (reform-and-eoffice.md §F). */
export type DvcqgChannel = 1 | 2 | 3;

/** An instant as the portal writes it: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh. */
export type DvcqgInstant = string;

export type DvcqgIdentifier = { LoaiDinhDanh: 1 | 2; SoDinhDanh: string };

export type DvcqgSubmittedDocument = {
  TenTepDinhKem: string;
  MaThanhPhanHoSo: string;
  DuongDanTaiTepTin: string;
  DuocSoHoa: 0 | 1;
  DuocTaiSuDung: 0 | 1;
  DuocLayTuKhoDMQG: 0 | 1;
  MaKetQuaThayThe: string;
};

export type DvcqgFee = {
  TenPhiLePhi: string;
  MaPhiLePhi: string;
  HinhThucThu: number;
  Gia: number;
  LoaiPhiLePhi: number;
};

export type DvcqgSupplement = {
  NguoiYeuCauBoSung: string;
  NoiDungBoSung: string;
  NgayBoSung: DvcqgInstant;
  NgayTiepNhanBoSung: DvcqgInstant;
  NgayHenTraTruoc: DvcqgInstant;
  NgayHenTraMoi: DvcqgInstant;
};

export type DvcqgResultDocument = { TenGiayTo: string; MaGiayToKetQua: string; DuongDanTepTinKetQua: string };

/** One dossier as DongBoHoSoMC carries it (regulations.md §7 "Fields"); optional fields as OpenCPS marks them. */
export type DvcqgDossierRecord = {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  KenhThucHien: DvcqgChannel;
  ChuHoSo: string;
  SoGiayToChuHoSo?: string;
  /** 1 citizen, 2 business, 3 state agency, 4 other. */
  LoaiDoiTuong: 1 | 2 | 3 | 4;
  MaDoiTuong?: string;
  Email?: string;
  SoDienThoai?: string;
  TrichYeuHoSo: string;
  NgayNopHoSo?: DvcqgInstant;
  NgayTiepNhan?: DvcqgInstant;
  NgayHenTra?: DvcqgInstant;
  NgayTra?: DvcqgInstant;
  NgayKetThucXuLy?: DvcqgInstant;
  NgayTuChoi?: DvcqgInstant;
  TrangThaiHoSo: DvcqgStatusCode;
  HinhThuc?: number;
  DonViXuLy: string;
  NoiNopHoSo?: number;
  HoSoCoThanhPhanSoHoa: 0 | 1;
  TaiKhoanDuocXacThucVoiVNeID: 0 | 1;
  DuocThanhToanTrucTuyen: 0 | 1;
  DinhDanhCHS?: DvcqgIdentifier[];
  TaiLieuNop?: DvcqgSubmittedDocument[];
  DanhSachLePhi?: DvcqgFee[];
  DanhSachHoSoBoSung?: DvcqgSupplement[];
  DanhSachGiayToKetQua?: DvcqgResultDocument[];
};

/** One processing step as CapNhatTienDoHoSoMC carries it. */
export type DvcqgProgressRecord = {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh: string;
  ThoiDiemXuLy: DvcqgInstant;
  PhongBanXuLy: string;
  NoiDungXuLy: string;
  TrangThai: DvcqgStatusCode;
  NgayBatDau: DvcqgInstant;
  NgayKetThucTheoQuyDinh: DvcqgInstant;
};

export type DvcqgServiceName = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC' | 'LayDanhSachTTHC' | 'LayThuTuc' | 'TraCuuHoSo';

/** The body of every service call (header `dstcode` beside it). */
export type DvcqgServiceRequest =
  | { service: 'DongBoHoSoMC'; isUpdating: boolean; data: DvcqgDossierRecord[]; session: string; madonvi: string }
  | { service: 'CapNhatTienDoHoSoMC'; data: DvcqgProgressRecord[]; session: string; madonvi: string }
  | { service: 'LayDanhSachTTHC'; session: string; madonvi: string; page?: number; pageSize?: number }
  | { service: 'LayThuTuc'; maTTHC: string; session: string; madonvi: string }
  | { service: 'TraCuuHoSo'; MaHoSo: string; session: string; madonvi: string };

/** The answer to a service call: `error_code` 0 or "00" is success; anything else carries a message. */
export type DvcqgReply = { error_code: number | string; message?: string; [key: string]: unknown };

export type DvcqgAuthRequest = { username: string; password: string };
export type DvcqgAuthReply = { error_code: number | string; session?: string; message?: string };

/** True when the portal's answer means success (0, "0" or "00"). */
export const isDvcqgSuccess = (reply: Pick<DvcqgReply, 'error_code'>): boolean => Number(reply.error_code) === 0;

/** LayThuTuc's procedure record (reform-and-eoffice.md §F). */
export type DvcqgProcedureRecord = {
  MATTHC: string;
  TENTTHC: string;
  TRINHTUTHUCHIEN?: { TRUONGHOP?: string; TRINHTU: { TENTRINHTU: string }[] }[];
  LINHVUCTHUCHIEN: { MALINHVUC: string; TENLINHVUC: string }[];
  MACOQUANCONGBO?: string;
  CACHTHUCTHUCHIEN?: {
    KENH: DvcqgChannel;
    THOIGIAN: {
      THOIGIANGIAIQUYET: number;
      DONVITINH: string;
      MOTA?: string;
      PHILEPHI?: { MAPHILEPHI?: string; SOTIEN: number; DONVI?: string; MOTA?: string }[];
    }[];
  }[];
  YEUCAU?: string;
  MOTADOITUONGTHUCHIEN?: string;
  KETQUATHUCHIEN?: { MAKETQUA?: string; TENKETQUA: string }[];
  CANCUPHAPLY?: { SOVANBAN: string; TENVANBAN: string }[];
  /** 1 = published. */
  TRANGTHAI: number;
  COQUANTHUCHIEN?: { TENDONVI: string; MADONVI: string }[];
  THANHPHANHOSO?: { GIAYTO: { MAGIAYTO?: string; TENGIAYTO: string; TENMAUDON?: string; URL?: string }[] }[];
};
