import { defineProblems } from './define.js';

/** Problems of the PAR Index round (QĐ 876/QĐ-BNV): stages, statuses, scores, deadlines, evidence. */
export const parRoundProblems = defineProblems({
  PAR_ROUND_EXISTS: {
    status: 409,
    vi: { title: 'Đã có đợt đánh giá của năm', detail: 'Tỉnh đã có đợt xác định Chỉ số CCHC năm {year}.' },
    en: { title: 'The year already has a round', detail: 'The province already has a PAR Index round for {year}.' },
  },
  PAR_ROUND_NO_SETS: {
    status: 422,
    vi: {
      title: 'Chưa có bộ tiêu chí đã ban hành',
      detail:
        'Năm {year} chưa có bộ tiêu chí nào đã ban hành cho khối đơn vị được chọn; hãy ban hành bộ tiêu chí trước.',
    },
    en: {
      title: 'No published criteria set',
      detail: 'No criteria set has been published for {year} for the chosen unit groups; publish one first.',
    },
  },
  PAR_ROUND_STAGE_INVALID: {
    status: 409,
    vi: { title: 'Không chuyển được giai đoạn', detail: 'Đợt đánh giá đang ở giai đoạn không cho phép thao tác này.' },
    en: { title: 'Wrong stage', detail: 'The round is in a stage that does not allow this.' },
  },
  PAR_ROUND_PRECONDITION: {
    status: 409,
    vi: {
      title: 'Chưa đủ điều kiện chuyển giai đoạn',
      detail: 'Còn {pending} đơn vị chưa hoàn thành bước hiện tại ({precondition}).',
    },
    en: {
      title: 'Not ready to advance',
      detail: '{pending} units have not finished the current step ({precondition}).',
    },
  },
  PAR_ROUND_NOT_DRAFT: {
    status: 409,
    vi: { title: 'Đợt đánh giá đã mở', detail: 'Chỉ sửa danh sách đơn vị khi đợt đánh giá còn là dự thảo.' },
    en: { title: 'The round is open', detail: 'Units are edited only while the round is a draft.' },
  },
  PAR_UNIT_ACTION_NOT_ALLOWED: {
    status: 403,
    vi: { title: 'Không có quyền thực hiện', detail: 'Vai trò của bạn không được thực hiện thao tác này với đơn vị.' },
    en: { title: 'Not allowed', detail: 'Your role may not take this action for the unit.' },
  },
  PAR_WRONG_ROUND_STAGE: {
    status: 409,
    vi: { title: 'Sai giai đoạn', detail: 'Thao tác này không thuộc giai đoạn hiện tại của đợt đánh giá.' },
    en: { title: 'Wrong stage', detail: 'This action does not belong to the round’s current stage.' },
  },
  PAR_UNIT_STATUS_INVALID: {
    status: 409,
    vi: { title: 'Sai trạng thái', detail: 'Bảng điểm của đơn vị đang ở trạng thái không cho phép thao tác này.' },
    en: { title: 'Wrong status', detail: 'The unit’s scorecard is in a status that does not allow this.' },
  },
  PAR_REASON_REQUIRED: {
    status: 422,
    vi: { title: 'Thiếu lý do', detail: 'Hãy ghi lý do.' },
    en: { title: 'Reason required', detail: 'Give the reason.' },
  },
  PAR_NOT_A_LEAF: {
    status: 422,
    vi: {
      title: 'Không phải tiêu chí chấm điểm',
      detail: 'Tiêu chí {code} có tiêu chí thành phần; chấm điểm ở tiêu chí thành phần.',
    },
    en: { title: 'Not a scored criterion', detail: 'Criterion {code} has components; score the components.' },
  },
  PAR_CRITERION_NOT_APPLICABLE: {
    status: 422,
    vi: { title: 'Tiêu chí không áp dụng', detail: 'Tiêu chí {code} không áp dụng đối với đơn vị.' },
    en: { title: 'Criterion not applicable', detail: 'Criterion {code} does not apply to the unit.' },
  },
  PAR_SURVEY_SCORED: {
    status: 422,
    vi: {
      title: 'Tiêu chí chấm qua điều tra xã hội học',
      detail: 'Tiêu chí {code} được chấm qua điều tra xã hội học; đơn vị không tự chấm.',
    },
    en: { title: 'Scored by the survey', detail: 'Criterion {code} is scored by the survey, not self-assessed.' },
  },
  PAR_POINTS_OUT_OF_RANGE: {
    status: 422,
    vi: { title: 'Điểm ngoài khoảng cho phép', detail: 'Điểm phải từ 0 đến {max}.' },
    en: { title: 'Points out of range', detail: 'Points must be between 0 and {max}.' },
  },
  PAR_POINTS_REQUIRED: {
    status: 422,
    vi: { title: 'Thiếu điểm', detail: 'Hãy nhập điểm.' },
    en: { title: 'Points required', detail: 'Enter the points.' },
  },
  PAR_CRITERION_UNKNOWN: {
    status: 404,
    vi: { title: 'Không có tiêu chí', detail: 'Bộ tiêu chí của đơn vị không có tiêu chí {code}.' },
    en: { title: 'No such criterion', detail: 'The unit’s criteria set has no criterion {code}.' },
  },
  PAR_DEADLINE_NOT_WORKING_DAY: {
    status: 422,
    vi: { title: 'Hạn không phải ngày làm việc', detail: 'Hạn {field} ({date}) không phải ngày làm việc của tỉnh.' },
    en: {
      title: 'Deadline not a working day',
      detail: 'Deadline {field} ({date}) is not a working day of the province.',
    },
  },
  PAR_DEADLINE_ORDER: {
    status: 422,
    vi: { title: 'Thứ tự hạn không hợp lệ', detail: 'Hạn {field} ({date}) sớm hơn hạn của giai đoạn trước.' },
    en: { title: 'Deadlines out of order', detail: 'Deadline {field} ({date}) is before the previous stage’s.' },
  },
  PAR_NO_SYSTEM_FIGURE: {
    status: 409,
    vi: { title: 'Chưa có số liệu hệ thống', detail: 'Tiêu chí {code} chưa có số liệu do hệ thống tính.' },
    en: { title: 'No system figure', detail: 'Criterion {code} has no figure computed by the system.' },
  },
  PAR_APPRAISER_NOT_ELIGIBLE: {
    status: 422,
    vi: {
      title: 'Không phải thành viên Tổ thẩm định',
      detail: 'Người được phân công phải có vai trò thành viên Tổ thẩm định Chỉ số CCHC của tỉnh.',
    },
    en: { title: 'Not an appraiser', detail: 'The assignee must hold the PAR appraiser role in the province.' },
  },
});
