/**
 * Dossier statuses, aligned with the status codes the national public-service portal (Cổng Dịch
 * vụ công quốc gia, DVCQG) receives in TrangThaiHoSo (1–10) when a provincial system synchronises
 * its dossiers (Decision 31/2021/QĐ-TTg, replaced by Decision 29/2026/QĐ-TTg; codes as used by the
 * DongBoHoSoMC service — see regulations brief §1.1 and §7).
 */
export const DOSSIER_STATUSES = {
  /** 1 Mới đăng ký: submitted online, waiting for the one-stop desk. */
  new: { dvcqg: 1, vi: 'Mới đăng ký', en: 'New (online, waiting for the desk)' },
  /** 2 Được tiếp nhận: valid and complete; receipt Mẫu 01 issued; the clock runs. */
  received: { dvcqg: 2, vi: 'Đã tiếp nhận', en: 'Received' },
  /** 3 Không được tiếp nhận: refused at intake (Mẫu 03). */
  refused: { dvcqg: 3, vi: 'Không được tiếp nhận', en: 'Refused' },
  /** 4 Đang xử lý: with the specialised units, step by step. */
  processing: { dvcqg: 4, vi: 'Đang xử lý', en: 'Processing' },
  /** 5 Yêu cầu bổ sung giấy tờ: the applicant must supplement (Mẫu 02); the clock is paused. */
  supplement_requested: { dvcqg: 5, vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  /** 6 Yêu cầu thực hiện nghĩa vụ tài chính: waiting for fees or taxes; the clock is paused. */
  financial_obligation: { dvcqg: 6, vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Waiting for payment' },
  /** 7 Công dân yêu cầu rút hồ sơ. */
  withdrawn: { dvcqg: 7, vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  /** 8 Dừng xử lý (Circular 03/2025: Thông báo dừng giải quyết hồ sơ). */
  stopped: { dvcqg: 8, vi: 'Dừng giải quyết', en: 'Stopped' },
  /** 9 Đã xử lý xong: the result is ready to be returned. */
  completed: { dvcqg: 9, vi: 'Đã có kết quả', en: 'Result ready' },
  /** 10 Đã trả kết quả: delivered at the counter, by post or online. */
  returned: { dvcqg: 10, vi: 'Đã trả kết quả', en: 'Returned' },
} as const;

export type DossierStatus = keyof typeof DOSSIER_STATUSES;
export const DOSSIER_STATUS_VALUES = Object.keys(DOSSIER_STATUSES) as DossierStatus[];

/** Statuses after which nothing more happens to a dossier. */
export const FINAL_STATUSES: ReadonlySet<DossierStatus> = new Set(['refused', 'withdrawn', 'stopped', 'returned']);

/** Statuses in which the legal clock is stopped. */
export const PAUSED_STATUSES: ReadonlySet<DossierStatus> = new Set(['supplement_requested', 'financial_obligation']);

/** Statuses of a dossier still being handled (counted as "đang giải quyết" in statistics). */
export const OPEN_STATUSES: ReadonlySet<DossierStatus> = new Set([
  'received',
  'processing',
  'supplement_requested',
  'financial_obligation',
]);

export const toDvcqgStatus = (status: DossierStatus): number => DOSSIER_STATUSES[status].dvcqg;

/** Intake channels (KenhThucHien): in person, online, by public postal service (BCCI). */
export const DOSSIER_CHANNELS = {
  direct: { dvcqg: 1, vi: 'Trực tiếp', en: 'In person' },
  online: { dvcqg: 2, vi: 'Trực tuyến', en: 'Online' },
  postal: { dvcqg: 3, vi: 'Dịch vụ bưu chính công ích', en: 'Public postal service' },
} as const;
export type DossierChannel = keyof typeof DOSSIER_CHANNELS;

/** How a result reaches the applicant. */
export const RETURN_CHANNELS = {
  counter: { vi: 'Trả trực tiếp tại Bộ phận Một cửa', en: 'At the one-stop counter' },
  post: { vi: 'Trả qua dịch vụ bưu chính công ích', en: 'By public postal service' },
  online: { vi: 'Trả kết quả điện tử', en: 'Electronically' },
} as const;
export type ReturnChannel = keyof typeof RETURN_CHANNELS;
