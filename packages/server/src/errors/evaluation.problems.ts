import { defineProblems } from './define.js';

/** Problems of staff evaluation (Decree 335/2025/NĐ-CP; Decree 233/2026/NĐ-CP). */
export const evaluationProblems = defineProblems({
  EVALUATION_NOT_PERMITTED: {
    status: 403,
    vi: {
      title: 'Không có quyền thực hiện bước này',
      detail:
        'Bước "{action}" do công chức tự đánh giá, quản lý trực tiếp nhận xét, bộ phận tổ chức cán bộ ghi ý kiến tập thể, hoặc người có thẩm quyền quyết định xếp loại.',
    },
    en: {
      title: 'Not yours to do',
      detail:
        'The step "{action}" is taken by the official (self-assessment), the direct manager (review), the personnel officer (collective review) or the competent head (decision).',
    },
  },
  EVALUATION_ACTION_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: {
      title: 'Không thực hiện được ở trạng thái này',
      detail: 'Phiếu đánh giá đang ở trạng thái "{state}": không thể "{action}".',
    },
    en: { title: 'Not possible in this state', detail: 'The sheet is "{state}": "{action}" is not possible.' },
  },
  EVALUATION_SCORES_INVALID: {
    status: 422,
    vi: {
      title: 'Điểm tiêu chí chung chưa hợp lệ',
      detail: 'Mỗi tiêu chí chấm số nguyên từ 0 đến điểm tối đa của tiêu chí đó (tổng tối đa 30 điểm).',
    },
    en: {
      title: 'General criteria scores are not valid',
      detail: 'Each criterion takes an integer from 0 to its maximum (30 points in all).',
    },
  },
  EVALUATION_SETTINGS_INVALID: {
    status: 422,
    vi: {
      title: 'Cấu hình đánh giá chưa hợp lệ',
      detail: 'Mã tiêu chí không trùng nhau, tổng điểm tiêu chí chung không quá 30 điểm, hệ số quy đổi không âm.',
    },
    en: {
      title: 'Evaluation settings are not valid',
      detail: 'Criteria codes are unique, the general criteria total at most 30 points, coefficients are not negative.',
    },
  },
  EVALUATION_PERIOD_INVALID: {
    status: 422,
    vi: {
      title: 'Kỳ đánh giá chưa hợp lệ',
      detail: 'Tháng từ 1 đến 12, quý từ 1 đến 4, năm ghi số 0.',
    },
    en: { title: 'The period is not valid', detail: 'A month is 1–12, a quarter 1–4, the year 0.' },
  },
  EVALUATION_PERIOD_EXISTS: {
    status: 409,
    vi: { title: 'Kỳ đánh giá đã có', detail: 'Cơ quan đã mở kỳ đánh giá này.' },
    en: { title: 'The period exists', detail: 'The agency already opened this period.' },
  },
  EVALUATION_PERIOD_CLOSED: {
    status: 409,
    vi: { title: 'Kỳ đánh giá đã đóng', detail: 'Kỳ đánh giá đã đóng: không thay đổi được phiếu.' },
    en: { title: 'The period is closed', detail: 'The period is closed: its sheets cannot change.' },
  },
  EVALUATION_QUOTA_EXCEEDED: {
    status: 409,
    vi: {
      title: 'Vượt tỷ lệ hoàn thành xuất sắc',
      detail:
        'Nhóm "{group}" có {base} người từ "hoàn thành tốt" trở lên: tối đa {places} người "hoàn thành xuất sắc" ({percent}%), đã quyết định {decided}. Gửi lại với demote=true để xếp loại "hoàn thành tốt".',
    },
    en: {
      title: 'Over the excellent quota',
      detail:
        'Group "{group}" has {base} rated "good" or better: at most {places} "excellent" ({percent}%), {decided} decided. Send again with demote=true to rate "good".',
    },
  },
  EVALUATION_ITEM_NOT_FOUND: {
    status: 404,
    vi: { title: 'Không tìm thấy sản phẩm', detail: 'Sản phẩm, công việc không thuộc phiếu đánh giá này.' },
    en: { title: 'Item not found', detail: 'The work item is not on this sheet.' },
  },
  EVALUATION_NOTE_REQUIRED: {
    status: 422,
    vi: { title: 'Cần nêu nội dung', detail: 'Bước "{action}" cần ghi nội dung (nguyên nhân, biên bản, lý do).' },
    en: { title: 'A text is required', detail: 'The step "{action}" needs a text (cause, minutes, reason).' },
  },
});
