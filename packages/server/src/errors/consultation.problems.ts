import { defineProblems } from './define.js';

/** Problems of consultations on drafts (lấy ý kiến dự thảo, issue 20). */
export const consultationProblems = defineProblems({
  CONSULTATION_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: {
      title: 'Không thực hiện được ở trạng thái này',
      detail: 'Đợt lấy ý kiến đang ở trạng thái "{state}": không thể "{action}".',
    },
    en: { title: 'Not possible in this state', detail: 'The consultation is "{state}": "{action}" is not possible.' },
  },
  CONSULTATION_DEADLINE_PASSED: {
    status: 409,
    vi: { title: 'Đã hết hạn góp ý', detail: 'Thời hạn góp ý đã qua: không nhận thêm ý kiến.' },
    en: { title: 'Deadline passed', detail: 'The deadline for comments has passed.' },
  },
  CONSULTATION_ALREADY_ANSWERED: {
    status: 409,
    vi: { title: 'Đã góp ý', detail: 'Cơ quan hoặc người này đã gửi ý kiến cho dự thảo.' },
    en: { title: 'Already answered', detail: 'This recipient has already answered.' },
  },
  CONSULTATION_NO_RECIPIENTS: {
    status: 422,
    vi: { title: 'Chưa có nơi lấy ý kiến', detail: 'Cần ít nhất một cơ quan hoặc người được lấy ý kiến.' },
    en: { title: 'No recipients', detail: 'At least one agency or official must be consulted.' },
  },
  CONSULTATION_RECIPIENT_INVALID: {
    status: 422,
    vi: { title: 'Nơi lấy ý kiến không hợp lệ', detail: 'Cơ quan hoặc cán bộ thứ {position} không có trong hệ thống.' },
    en: { title: 'Invalid recipient', detail: 'Recipient {position} is not an agency or official of this install.' },
  },
  CONSULTATION_DEADLINE_INVALID: {
    status: 422,
    vi: { title: 'Thời hạn không hợp lệ', detail: 'Thời hạn góp ý phải sau thời điểm hiện tại.' },
    en: { title: 'Invalid deadline', detail: 'The deadline must be in the future.' },
  },
  CONSULTATION_COMMENTS_EMPTY: {
    status: 422,
    vi: {
      title: 'Chưa có nội dung góp ý',
      detail: 'Góp ý cần ít nhất một ý kiến, hoặc chọn "thống nhất với dự thảo".',
    },
    en: { title: 'No comments', detail: 'Give at least one comment, or answer that you agree.' },
  },
  CONSULTATION_RESPONSE_TEXT: {
    status: 422,
    vi: {
      title: 'Thiếu nội dung giải trình',
      detail: 'Ý kiến "tiếp thu một phần" hoặc "giải trình" cần nội dung tiếp thu, giải trình.',
    },
    en: { title: 'Missing explanation', detail: 'A partly accepted or explained comment needs a text.' },
  },
  CONSULTATION_SUMMARY_INCOMPLETE: {
    status: 409,
    vi: {
      title: 'Còn ý kiến chưa tiếp thu, giải trình',
      detail: 'Còn {count} ý kiến chưa có ý kiến tiếp thu, giải trình: chưa chốt được bảng tổng hợp.',
    },
    en: { title: 'Comments without response', detail: '{count} comments have no response yet.' },
  },
  CONSULTATION_FILE_MISSING: {
    status: 422,
    vi: { title: 'Chưa có dự thảo', detail: 'Cần tải lên tệp dự thảo hoặc chọn một dự thảo văn bản đi.' },
    en: { title: 'No draft', detail: 'Upload the draft file or choose an outgoing document draft.' },
  },
});
