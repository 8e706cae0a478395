import { defineProblems } from './define.js';

/** Problems of incoming documents (văn bản đến, Decree 30/2020/NĐ-CP Art. 20–24). */
export const incomingDocumentProblems = defineProblems({
  INCOMING_ACTION_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: {
      title: 'Không thực hiện được ở trạng thái này',
      detail: 'Văn bản đến đang ở trạng thái "{state}": không thể "{action}".',
    },
    en: {
      title: 'Not possible in this state',
      detail: 'The incoming document is "{state}": "{action}" is not possible.',
    },
  },
  INCOMING_NOT_PERMITTED: {
    status: 403,
    vi: {
      title: 'Không có quyền thực hiện bước này',
      detail:
        'Bước "{action}" do văn thư (vào sổ, trình, trả lại), lãnh đạo được trình hoặc người được ủy quyền (chỉ đạo), hoặc đơn vị được giao (xử lý) thực hiện.',
    },
    en: {
      title: 'Not yours to do',
      detail:
        'The step "{action}" is taken by the clerk (register, present, return), the head or their delegate (direct), or an assigned unit (handle).',
    },
  },
  INCOMING_NOTE_REQUIRED: {
    status: 422,
    vi: { title: 'Cần nêu nội dung', detail: 'Bước "{action}" cần ghi ý kiến chỉ đạo hoặc lý do trả lại.' },
    en: { title: 'A text is required', detail: 'The step "{action}" needs the instruction or the reason.' },
  },
  INCOMING_PRESENT_TO_REQUIRED: {
    status: 422,
    vi: { title: 'Chưa chọn lãnh đạo', detail: 'Chọn lãnh đạo có thẩm quyền để trình văn bản.' },
    en: { title: 'No head chosen', detail: 'Choose the head the document is presented to.' },
  },
  INCOMING_UNITS_INVALID: {
    status: 422,
    vi: {
      title: 'Phân công chưa hợp lệ',
      detail: 'Giao đúng một đơn vị chủ trì và các đơn vị phối hợp (mỗi đơn vị một lần) thuộc cơ quan.',
    },
    en: {
      title: 'Assignment is not valid',
      detail: 'Assign exactly one lead unit and co-operating units (each once) of the agency.',
    },
  },
  INCOMING_DUE_DATE_INVALID: {
    status: 422,
    vi: { title: 'Hạn xử lý không hợp lệ', detail: 'Hạn xử lý không được trước ngày chỉ đạo.' },
    en: { title: 'Deadline is not valid', detail: 'The handling deadline may not be before the day of the direction.' },
  },
  INCOMING_ASSIGNEE_REQUIRED: {
    status: 422,
    vi: { title: 'Chưa chọn người xử lý', detail: 'Chọn công chức của đơn vị được giao để xử lý văn bản.' },
    en: { title: 'No official chosen', detail: 'Choose an official of the assigned unit to handle the document.' },
  },
  INCOMING_SCAN_DPI_TOO_LOW: {
    status: 422,
    vi: {
      title: 'Độ phân giải bản quét chưa đạt',
      detail: 'Văn bản giấy được số hóa với độ phân giải tối thiểu {min} dpi (Phụ lục I Nghị định 30/2020/NĐ-CP).',
    },
    en: {
      title: 'Scan resolution too low',
      detail: 'Paper documents are scanned at {min} dpi or more (Decree 30/2020, Annex I).',
    },
  },
  INCOMING_FILE_MISSING: {
    status: 422,
    vi: { title: 'Chưa có tệp văn bản', detail: 'Tải lên bản quét PDF của văn bản trước khi vào sổ.' },
    en: { title: 'No document file', detail: 'Upload the scanned PDF of the document before registering it.' },
  },
  INCOMING_DELIVERY_NOT_PENDING: {
    status: 409,
    vi: {
      title: 'Văn bản điện tử đã được xử lý',
      detail: 'Văn bản gửi đến này đã được vào sổ hoặc đã bị trả lại.',
    },
    en: { title: 'Delivery already handled', detail: 'This delivered document was already registered or refused.' },
  },
});
