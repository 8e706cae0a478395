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

/**
 * LayThuTuc's procedure record (reform-and-eoffice.md §F). Fields marked [INF] are not in §F: we infer the portal
 * has them (the national database publishes them); all are optional, the simulator sends them and the catalog pull
 * reads them when present.
 */
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
  THANHPHANHOSO?: {
    /** [INF] The case or heading the documents are listed under (e.g. "Giấy tờ phải nộp"). */
    TRUONGHOP?: string;
    GIAYTO: {
      MAGIAYTO?: string;
      TENGIAYTO: string;
      TENMAUDON?: string;
      URL?: string;
      /** [INF] Number of originals and of copies. */
      SOBANCHINH?: number;
      SOBANSAO?: number;
    }[];
  }[];
  /** [INF] Levels that carry it out ("Cấp tỉnh", "Cấp xã", …). */
  CAPTHUCHIEN?: string[];
  /** [INF] The decision that published it, and the agency competent to decide. */
  QUYETDINHCONGBO?: string;
  COQUANCOTHAMQUYEN?: string;
  /** [INF] The kind of procedure as the database classifies it. */
  LOAITTHC?: string;
};

/**
 * The `error_code` values motcua's simulator answers and the client classifies. The portal's own codes are not
 * public (regulations.md §7 "Gaps"): 0 / "00" is success everywhere; the rest is OUR ASSUMPTION, modelled on HTTP
 * status numbers, and the client also recognises the portal's wording where open-source systems show it (a
 * provincial system treats a message containing "đã tồn tại" as "send it again as an update").
 * - SESSION_INVALID "401": the session token expired or is unknown → the client renews it once and resends;
 * - INVALID "400": a field is missing or malformed (the message names it) → rejected, permanent;
 * - ALREADY_EXISTS "409": DongBoHoSoMC with isUpdating = false for a MaHoSo the portal holds ("đã tồn tại") →
 *   the sender resends the same record with isUpdating = true;
 * - NOT_FOUND "404": isUpdating = true (or a progress, or TraCuuHoSo / LayThuTuc) for a code the portal does not
 *   hold → rejected;
 * - UNAVAILABLE "503": the portal is down or overloaded → failed, retried.
 */
export const DVCQG_ERROR_CODES = {
  ACCEPTED: '0',
  SESSION_INVALID: '401',
  INVALID: '400',
  ALREADY_EXISTS: '409',
  NOT_FOUND: '404',
  UNAVAILABLE: '503',
} as const;

/** True when the portal says the dossier is already there (the code above, or its "đã tồn tại" wording). */
export const isDvcqgAlreadyExists = (reply: Pick<DvcqgReply, 'error_code' | 'message'>): boolean =>
  String(reply.error_code) === DVCQG_ERROR_CODES.ALREADY_EXISTS ||
  (!isDvcqgSuccess(reply) &&
    typeof reply.message === 'string' &&
    reply.message.normalize('NFC').includes('đã tồn tại'));

/** True when the portal says the session token expired or is not valid. */
export const isDvcqgSessionInvalid = (reply: Pick<DvcqgReply, 'error_code'>): boolean =>
  String(reply.error_code) === DVCQG_ERROR_CODES.SESSION_INVALID;

/** The LayDanhSachTTHC answer: one page of the procedures the portal lists for the unit. */
export type DvcqgProcedureListItem = { MATTHC: string; TENTTHC: string; TRANGTHAI: number };
export type DvcqgProcedureListReply = DvcqgReply & { data: DvcqgProcedureListItem[]; total: number };
/** The LayThuTuc answer. */
export type DvcqgProcedureReply = DvcqgReply & { data: DvcqgProcedureRecord };
