import type { DossierStatus } from '../dossier/status.js';

/**
 * What the applicant has to do now, shown on the public lookup and in the portal (Decree
 * 118/2025/NĐ-CP: the applicant is told of every request — supplement, payment — and when the
 * result can be collected). One row per dossier status.
 */
export const APPLICANT_NEXT_STEPS = {
  wait_for_desk: {
    vi: 'Chờ Bộ phận Một cửa kiểm tra và tiếp nhận hồ sơ trực tuyến',
    en: 'Wait for the desk to check and receive the online dossier',
  },
  wait: { vi: 'Hồ sơ đang được giải quyết; chưa cần làm gì thêm', en: 'Being processed; nothing to do yet' },
  supplement: {
    vi: 'Bổ sung, hoàn thiện hồ sơ theo yêu cầu',
    en: 'Supplement the dossier as requested',
  },
  pay: { vi: 'Nộp phí, lệ phí hoặc thực hiện nghĩa vụ tài chính', en: 'Pay the fees or charges' },
  collect: { vi: 'Nhận kết quả giải quyết', en: 'Collect the result' },
  rate: { vi: 'Đánh giá mức độ hài lòng', en: 'Rate the service' },
  none: { vi: 'Hồ sơ đã kết thúc', en: 'The dossier is closed' },
} as const;
export type ApplicantNextStep = keyof typeof APPLICANT_NEXT_STEPS;

const BY_STATUS: Record<DossierStatus, ApplicantNextStep> = {
  new: 'wait_for_desk',
  received: 'wait',
  processing: 'wait',
  supplement_requested: 'supplement',
  financial_obligation: 'pay',
  completed: 'collect',
  returned: 'rate',
  refused: 'none',
  withdrawn: 'none',
  stopped: 'none',
};

/** The applicant's next step; a returned dossier asks for a rating once, then nothing. */
export const findApplicantNextStep = (status: DossierStatus, options: { rated?: boolean } = {}): ApplicantNextStep => {
  const step = BY_STATUS[status];
  return step === 'rate' && options.rated ? 'none' : step;
};
