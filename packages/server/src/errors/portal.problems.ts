import { defineProblems } from './define.js';

/** Problems of the citizen portal: sign-in, online applications, uploads, payments, tracking, ratings. */
export const portalProblems = defineProblems({
  CITIZEN_LOGIN_NOT_CONFIGURED: {
    status: 404,
    vi: {
      title: 'Chưa cấu hình đăng nhập bằng tài khoản định danh điện tử',
      detail: 'Hệ thống này chưa được cấu hình đăng nhập qua VNeID/Cổng Dịch vụ công quốc gia.',
    },
    en: {
      title: 'Identity sign-in not configured',
      detail: 'This installation has no VNeID / national portal sign-in configured.',
    },
  },
  CITIZEN_LOGIN_EXPIRED: {
    status: 400,
    vi: {
      title: 'Phiên đăng nhập không hợp lệ',
      detail:
        'Yêu cầu đăng nhập đã hết hạn, đã được dùng hoặc không xuất phát từ trình duyệt này; vui lòng đăng nhập lại.',
    },
    en: {
      title: 'Sign-in expired',
      detail: 'The sign-in request expired, was used already or did not start in this browser; sign in again.',
    },
  },
  CITIZEN_LOGIN_FAILED: {
    status: 401,
    vi: { title: 'Đăng nhập không thành công', detail: 'Nhà cung cấp định danh không xác nhận đăng nhập ({reason}).' },
    en: { title: 'Sign-in failed', detail: 'The identity provider did not confirm the sign-in ({reason}).' },
  },
  CITIZEN_IDENTITY_INCOMPLETE: {
    status: 422,
    vi: {
      title: 'Thông tin định danh chưa đầy đủ',
      detail: 'Tài khoản định danh không cung cấp {field}; không thể tạo hồ sơ công dân.',
    },
    en: {
      title: 'Identity incomplete',
      detail: 'The identity provider sent no {field}; no citizen profile can be made.',
    },
  },
  ONLINE_SUBMISSION_UNAVAILABLE: {
    status: 422,
    vi: {
      title: 'Thủ tục chưa cung cấp dịch vụ công trực tuyến',
      detail: 'Thủ tục {code} chỉ thực hiện trực tiếp hoặc qua bưu chính; chưa nộp được trực tuyến.',
    },
    en: { title: 'Not available online', detail: 'Procedure {code} cannot be submitted online yet.' },
  },
  RECEIVING_AGENCY_NOT_ALLOWED: {
    status: 422,
    vi: {
      title: 'Cơ quan không tiếp nhận thủ tục này',
      detail: '{agency} không tiếp nhận hồ sơ của thủ tục này; hãy chọn một trong các nơi tiếp nhận đã công bố.',
    },
    en: {
      title: 'Agency does not receive this procedure',
      detail: '{agency} does not receive this procedure; choose one of the published receiving agencies.',
    },
  },
  OUTSIDE_ADMINISTRATIVE_BOUNDARY: {
    status: 422,
    vi: {
      title: 'Nộp hồ sơ ngoài địa bàn',
      detail:
        'Thủ tục này chưa được tiếp nhận không phụ thuộc địa giới hành chính: hãy nộp tại xã, phường nơi người yêu cầu cư trú.',
    },
    en: {
      title: 'Outside the administrative boundary',
      detail: 'This procedure is not boundary-free: submit it to the commune where the applicant lives.',
    },
  },
  APPLICATION_INVALID: {
    status: 422,
    vi: {
      title: 'Tờ khai chưa hợp lệ',
      detail: 'Tờ khai còn {count} nội dung chưa đúng hoặc còn thiếu; xem danh sách errors.',
    },
    en: {
      title: 'Application invalid',
      detail: 'The application has {count} missing or invalid field(s); see errors.',
    },
  },
  REPRESENTATION_REQUIRED: {
    status: 422,
    vi: {
      title: 'Cần khai báo tư cách người nộp',
      detail:
        'Bạn đang nộp hồ sơ cho người khác hoặc cho tổ chức: hãy khai báo tư cách (được ủy quyền, người đại diện theo pháp luật, nhân viên) và văn bản ủy quyền nếu có.',
    },
    en: {
      title: 'Representation required',
      detail: 'You are applying for someone else or an organisation: state how you represent them.',
    },
  },
  DRAFT_NOT_OPEN: {
    status: 409,
    vi: { title: 'Bản nháp đã được nộp', detail: 'Bản nháp này đã được nộp thành hồ sơ; không thể sửa hoặc nộp lại.' },
    en: {
      title: 'Draft already submitted',
      detail: 'This draft was submitted already; it cannot change or be sent again.',
    },
  },
  UPLOAD_MISSING: {
    status: 400,
    vi: { title: 'Thiếu tệp đính kèm', detail: 'Yêu cầu không có tệp (gửi multipart/form-data với một trường tệp).' },
    en: { title: 'No file', detail: 'The request has no file (send multipart/form-data with one file field).' },
  },
  UPLOAD_MALFORMED: {
    status: 400,
    vi: {
      title: 'Nội dung tải lên bị hỏng',
      detail: 'Nội dung multipart/form-data không đọc được ({reason}); hãy gửi lại tệp.',
    },
    en: {
      title: 'Malformed upload',
      detail: 'The multipart/form-data body cannot be read ({reason}); send the file again.',
    },
  },
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 415,
    vi: {
      title: 'Định dạng tệp không được chấp nhận',
      detail:
        'Chỉ chấp nhận tệp {allowed}. Nội dung tệp tải lên không thuộc các định dạng này (định dạng được xác định theo nội dung tệp, không theo tên hay kiểu khai báo).',
    },
    en: {
      title: 'File type not accepted',
      detail:
        'Only {allowed} files are accepted; the content is none of these (the type is read from the content, not the name).',
    },
  },
  UPLOAD_TOO_LARGE: {
    status: 413,
    vi: { title: 'Tệp quá lớn', detail: 'Mỗi tệp không được vượt quá {limitMb} MB.' },
    en: { title: 'File too large', detail: 'Each file may be at most {limitMb} MB.' },
  },
  UPLOAD_REJECTED: {
    status: 422,
    vi: {
      title: 'Tệp bị từ chối',
      detail: 'Tệp không vượt qua kiểm tra an toàn (quét mã độc) nên không được lưu. Hãy kiểm tra lại tệp.',
    },
    en: { title: 'File rejected', detail: 'The file did not pass the safety scan and was not stored.' },
  },
  UPLOAD_LIMIT_REACHED: {
    status: 422,
    vi: { title: 'Quá số tệp cho phép', detail: 'Mỗi thành phần hồ sơ có tối đa {max} tệp.' },
    en: { title: 'Too many files', detail: 'A component may have at most {max} files.' },
  },
  UPLOADS_NOT_USABLE: {
    status: 422,
    vi: {
      title: 'Tệp không dùng được',
      detail: 'Có tệp không thuộc hồ sơ này hoặc đã được gửi trước đó; hãy tải lên lại.',
    },
    en: { title: 'Files not usable', detail: 'Some files do not belong to this dossier or were sent already.' },
  },
  SUPPLEMENT_FILES_REQUIRED: {
    status: 422,
    vi: { title: 'Chưa có tệp bổ sung', detail: 'Hãy tải lên ít nhất một tệp giấy tờ bổ sung trước khi gửi.' },
    en: { title: 'No supplement files', detail: 'Upload at least one supplementary file before sending.' },
  },
  PAYMENT_NOT_DUE: {
    status: 409,
    vi: {
      title: 'Không có khoản cần thanh toán',
      detail: 'Hồ sơ hiện không chờ nộp phí, lệ phí (trạng thái "{status}").',
    },
    en: { title: 'Nothing to pay', detail: 'The dossier is not waiting for a payment (status "{status}").' },
  },
  PAYMENT_ALREADY_MADE: {
    status: 409,
    vi: { title: 'Đã thanh toán', detail: 'Khoản phí, lệ phí này đã được thanh toán.' },
    en: { title: 'Already paid', detail: 'This payment request has been paid already.' },
  },
  PAYMENT_PROVIDER_FAILED: {
    status: 502,
    vi: {
      title: 'Không kết nối được nền tảng thanh toán',
      detail: 'Nền tảng thanh toán không khởi tạo được giao dịch ({reason}). Vui lòng thử lại sau.',
    },
    en: { title: 'Payment platform unavailable', detail: 'The payment platform did not start the payment ({reason}).' },
  },
  RATING_NOT_AVAILABLE: {
    status: 409,
    vi: {
      title: 'Chưa thể đánh giá',
      detail: 'Chỉ đánh giá được hồ sơ đã trả kết quả (trạng thái hiện tại: "{status}").',
    },
    en: { title: 'Cannot rate yet', detail: 'Only a dossier whose result was returned can be rated (now "{status}").' },
  },
  RATING_ALREADY_GIVEN: {
    status: 409,
    vi: { title: 'Hồ sơ đã được đánh giá', detail: 'Mỗi hồ sơ chỉ được đánh giá một lần.' },
    en: { title: 'Already rated', detail: 'A dossier can be rated once only.' },
  },
  TEMPLATE_NOT_AVAILABLE: {
    status: 404,
    vi: { title: 'Không có biểu mẫu', detail: 'Thành phần hồ sơ "{key}" không có mẫu đơn, tờ khai để tải về.' },
    en: { title: 'No template', detail: 'Component "{key}" has no form template to download.' },
  },
  TRACKING_NOT_FOUND: {
    status: 404,
    vi: {
      title: 'Không tìm thấy hồ sơ',
      detail:
        'Không tìm thấy hồ sơ với mã hồ sơ và thông tin xác thực đã nhập (4 số cuối số định danh/mã số thuế hoặc mã tra cứu in trên giấy hẹn).',
    },
    en: {
      title: 'Dossier not found',
      detail: 'No dossier matches this code and check value (last 4 digits of the ID/tax number, or the receipt PIN).',
    },
  },
});
