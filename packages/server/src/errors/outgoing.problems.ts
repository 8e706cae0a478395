import { defineProblems } from './define.js';

/** Problems of outgoing documents (văn bản đi, Decree 30/2020/NĐ-CP Art. 10–19). */
export const outgoingProblems = defineProblems({
  OUTGOING_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: {
      title: 'Không thực hiện được ở trạng thái này',
      detail: 'Văn bản đang ở trạng thái "{state}": không thể "{action}".',
    },
    en: { title: 'Not possible in this state', detail: 'The document is "{state}": "{action}" is not possible.' },
  },
  OUTGOING_CHAIN_EMPTY: {
    status: 422,
    vi: { title: 'Chưa có quy trình duyệt', detail: 'Cần ít nhất một bước duyệt (tối đa 30 bước).' },
    en: { title: 'No review chain', detail: 'At least one review step is needed (at most 30).' },
  },
  OUTGOING_CHAIN_STAGES: {
    status: 422,
    vi: { title: 'Thứ tự bước không liền mạch', detail: 'Các bước duyệt được đánh số 1, 2, 3… không bỏ trống.' },
    en: { title: 'Stages have holes', detail: 'Stages are numbered 1, 2, 3… without holes.' },
  },
  OUTGOING_CHAIN_DUPLICATE: {
    status: 422,
    vi: { title: 'Trùng người duyệt', detail: 'Một người chỉ duyệt một lần trong một bước.' },
    en: { title: 'Duplicate reviewer', detail: 'A reviewer appears once per stage.' },
  },
  OUTGOING_CHAIN_NO_APPROVE: {
    status: 422,
    vi: {
      title: 'Chưa có bước phê duyệt',
      detail:
        'Quy trình cần ít nhất một bước "phê duyệt" của lãnh đạo trước khi ký (Điều 11, 12 Nghị định 30/2020/NĐ-CP).',
    },
    en: { title: 'No approval step', detail: 'The chain needs at least one approval step before signing.' },
  },
  OUTGOING_CHAIN_SUBSTITUTE: {
    status: 422,
    vi: { title: 'Người thay thế không hợp lệ', detail: 'Người duyệt thay phải là người khác người duyệt.' },
    en: { title: 'Invalid substitute', detail: 'The substitute must be someone other than the reviewer.' },
  },
  OUTGOING_USER_UNKNOWN: {
    status: 422,
    vi: { title: 'Không có cán bộ này', detail: 'Không tìm thấy cán bộ được chọn ({field}).' },
    en: { title: 'Unknown official', detail: 'The chosen official ({field}) was not found.' },
  },
  OUTGOING_REVIEWER_NOT_APPROVER: {
    status: 422,
    vi: {
      title: 'Người được chọn không có quyền duyệt',
      detail:
        '{name} ({field}) không có quyền duyệt văn bản (document.approve) tại cơ quan ban hành hoặc cơ quan, đơn vị cấp trên/cấp dưới của cơ quan đó.',
    },
    en: {
      title: 'Not an approver',
      detail: '{name} ({field}) holds no document.approve role in the issuing agency or an agency above or below it.',
    },
  },
  OUTGOING_NO_VERSION: {
    status: 422,
    vi: { title: 'Chưa có dự thảo', detail: 'Tải lên tệp dự thảo (DOCX hoặc PDF) trước khi trình.' },
    en: { title: 'No draft file', detail: 'Upload a draft (DOCX or PDF) before submitting.' },
  },
  OUTGOING_NO_SIGNER: {
    status: 422,
    vi: { title: 'Chưa chọn người ký', detail: 'Chọn người có thẩm quyền ký văn bản trước khi trình.' },
    en: { title: 'No signer', detail: 'Choose the competent signer before submitting.' },
  },
  OUTGOING_FILE_TYPE: {
    status: 422,
    vi: { title: 'Định dạng tệp không hợp lệ', detail: 'Dự thảo phải là tệp DOCX hoặc PDF.' },
    en: { title: 'Wrong file type', detail: 'A draft is a DOCX or a PDF file.' },
  },
  OUTGOING_SIGN_NEEDS_PDF: {
    status: 422,
    vi: { title: 'Cần bản PDF', detail: 'Văn bản được ký số trên bản PDF: tải lên bản PDF cuối cùng trước khi ký.' },
    en: { title: 'A PDF is needed', detail: 'Documents are signed on a PDF: upload the final PDF before signing.' },
  },
  OUTGOING_NOT_YOUR_STEP: {
    status: 403,
    vi: {
      title: 'Không phải lượt duyệt của bạn',
      detail: 'Bạn không phải người duyệt, người duyệt thay hoặc người được ủy quyền của bước đang chờ duyệt.',
    },
    en: { title: 'Not your step', detail: 'You are not the reviewer, substitute or delegate of a pending step.' },
  },
  OUTGOING_COMMENT_REQUIRED: {
    status: 422,
    vi: { title: 'Cần nêu ý kiến', detail: 'Khi trả lại dự thảo, cần ghi rõ ý kiến cho người soạn thảo.' },
    en: { title: 'A comment is required', detail: 'Returning a draft needs a comment for the drafter.' },
  },
  OUTGOING_NOT_SIGNER: {
    status: 403,
    vi: { title: 'Không phải người ký', detail: 'Chỉ người có thẩm quyền ký được chỉ định mới ký được văn bản này.' },
    en: { title: 'Not the signer', detail: 'Only the named signer signs this document.' },
  },
  OUTGOING_DELEGATION_REQUIRED: {
    status: 403,
    vi: {
      title: 'Chưa được ủy quyền ký',
      detail: 'Ký thừa ủy quyền (TUQ.) cần văn bản ủy quyền ký còn hiệu lực (Điều 13 Nghị định 30/2020/NĐ-CP).',
    },
    en: { title: 'No signing delegation', detail: 'Signing "TUQ." needs a signing delegation in force.' },
  },
  OUTGOING_NOT_SEALED: {
    status: 409,
    vi: { title: 'Chưa ký số của cơ quan', detail: 'Văn thư ký số của cơ quan trước khi phát hành.' },
    en: { title: 'Not sealed', detail: 'The clerk applies the organisation’s signature before issuing.' },
  },
  OUTGOING_NO_ABBREVIATION: {
    status: 422,
    vi: {
      title: 'Chưa có chữ viết tắt tên cơ quan',
      detail: 'Cơ quan chưa khai báo chữ viết tắt dùng trong ký hiệu văn bản (ví dụ "UBND").',
    },
    en: { title: 'No abbreviation', detail: 'The agency has no abbreviation for document symbols (e.g. "UBND").' },
  },
  OUTGOING_RECIPIENT_INVALID: {
    status: 422,
    vi: {
      title: 'Nơi nhận không hợp lệ',
      detail:
        'Nơi nhận thứ {position}: cơ quan trong hệ thống cần chọn cơ quan; cơ quan ngoài hệ thống cần mã định danh.',
    },
    en: {
      title: 'Invalid recipient',
      detail: 'Recipient {position}: a system recipient needs an agency; another system’s needs its identifier code.',
    },
  },
  DELEGATION_ALREADY_REVOKED: {
    status: 409,
    vi: { title: 'Ủy quyền đã bị thu hồi', detail: 'Ủy quyền này đã được thu hồi trước đó.' },
    en: { title: 'Already revoked', detail: 'This delegation was revoked already.' },
  },
  DELEGATION_INVALID: {
    status: 422,
    vi: {
      title: 'Ủy quyền không hợp lệ',
      detail: 'Người nhận ủy quyền phải khác người ủy quyền; ngày bắt đầu không sau ngày kết thúc.',
    },
    en: {
      title: 'Invalid delegation',
      detail: 'The delegate differs from the delegator; the start is not after the end.',
    },
  },
  OUTGOING_PREVIEW_UNAVAILABLE: {
    status: 503,
    vi: {
      title: 'Không xem trước được trang',
      detail: 'Máy chủ chưa cài thư viện vẽ trang PDF; hãy nhập vị trí bằng các ô số.',
    },
    en: {
      title: 'Page preview unavailable',
      detail: 'The server lacks the PDF page renderer; enter the positions in the number fields.',
    },
  },
});
