import { defineProblems } from './define.js';

export const foundationProblems = defineProblems({
  VALIDATION_FAILED: {
    status: 400,
    vi: { title: 'Dữ liệu không hợp lệ', detail: 'Yêu cầu có {count} trường không hợp lệ; xem danh sách errors.' },
    en: { title: 'Invalid request', detail: 'The request has {count} invalid field(s); see errors.' },
  },
  MALFORMED_JSON: {
    status: 400,
    vi: { title: 'JSON không đúng cú pháp', detail: 'Nội dung yêu cầu không phải là JSON hợp lệ.' },
    en: { title: 'Malformed JSON', detail: 'The request body is not valid JSON.' },
  },
  EMPTY_BODY: {
    status: 400,
    vi: { title: 'Thiếu nội dung yêu cầu', detail: 'Yêu cầu khai báo nội dung JSON nhưng nội dung trống.' },
    en: { title: 'Empty body', detail: 'The request declares a JSON body but the body is empty.' },
  },
  BAD_REQUEST: {
    status: 400,
    vi: { title: 'Yêu cầu không hợp lệ', detail: 'Máy chủ không thể xử lý yêu cầu này.' },
    en: { title: 'Bad request', detail: 'The server cannot process this request.' },
  },
  UNAUTHENTICATED: {
    status: 401,
    vi: { title: 'Chưa đăng nhập', detail: 'Vui lòng đăng nhập để thực hiện thao tác này.' },
    en: { title: 'Not signed in', detail: 'Sign in to do this.' },
  },
  FORBIDDEN: {
    status: 403,
    vi: { title: 'Không có quyền', detail: 'Tài khoản của bạn không có quyền thực hiện thao tác này.' },
    en: { title: 'Forbidden', detail: 'Your account may not do this.' },
  },
  NOT_FOUND: {
    status: 404,
    vi: { title: 'Không tìm thấy', detail: 'Không tìm thấy {resource} được yêu cầu.' },
    en: { title: 'Not found', detail: 'The requested {resource} was not found.' },
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    vi: { title: 'Không tìm thấy địa chỉ', detail: 'Không có chức năng nào tại {method} {path}.' },
    en: { title: 'Not found', detail: 'There is nothing at {method} {path}.' },
  },
  NOT_ACCEPTABLE: {
    status: 406,
    vi: { title: 'Định dạng không được hỗ trợ', detail: 'Máy chủ không thể trả về định dạng được yêu cầu.' },
    en: { title: 'Not acceptable', detail: 'The server cannot produce the requested format.' },
  },
  VERSION_CONFLICT: {
    status: 409,
    vi: {
      title: 'Dữ liệu đã bị thay đổi',
      detail: 'Bản ghi đã được người khác cập nhật (phiên bản hiện tại {current}, bạn gửi {sent}). Vui lòng tải lại.',
    },
    en: {
      title: 'Version conflict',
      detail: 'The record was changed by someone else (current version {current}, you sent {sent}). Reload it.',
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: {
      title: 'Khóa Idempotency-Key đã dùng cho yêu cầu khác',
      detail: 'Khóa này đã được dùng cho một yêu cầu có nội dung khác.',
    },
    en: { title: 'Idempotency key reused', detail: 'This Idempotency-Key was already used for a different request.' },
  },
  TEXT_INVALID_CHARACTER: {
    status: 400,
    vi: {
      title: 'Văn bản chứa ký tự không hợp lệ',
      detail: 'Có {count} trường chứa ký tự NUL hoặc ký tự thay thế (surrogate) không thành cặp; xem danh sách errors.',
    },
    en: {
      title: 'Invalid character in text',
      detail: '{count} field(s) contain a NUL character or an unpaired surrogate; see errors.',
    },
  },
  ALREADY_EXISTS: {
    status: 409,
    vi: { title: 'Dữ liệu đã tồn tại', detail: 'Đã có {resource} với cùng {fields}.' },
    en: { title: 'Already exists', detail: 'A {resource} with the same {fields} already exists.' },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: { title: 'Nội dung quá lớn', detail: 'Nội dung yêu cầu vượt quá giới hạn {limit} byte.' },
    en: { title: 'Payload too large', detail: 'The request body exceeds the limit of {limit} bytes.' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: { title: 'Kiểu nội dung không được hỗ trợ', detail: 'Kiểu nội dung "{contentType}" không được hỗ trợ.' },
    en: { title: 'Unsupported media type', detail: 'Content type "{contentType}" is not supported.' },
  },
  RATE_LIMITED: {
    status: 429,
    vi: { title: 'Quá nhiều yêu cầu', detail: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau {retryAfter} giây.' },
    en: { title: 'Too many requests', detail: 'Too many requests. Try again in {retryAfter} seconds.' },
  },
  INTERNAL_ERROR: {
    status: 500,
    vi: {
      title: 'Lỗi hệ thống',
      detail: 'Đã xảy ra lỗi ngoài dự kiến. Mã yêu cầu {requestId} giúp quản trị viên tra cứu.',
    },
    en: {
      title: 'Internal error',
      detail: 'Something unexpected went wrong. Request id {requestId} helps the admins.',
    },
  },
  SERVICE_NOT_READY: {
    status: 503,
    vi: { title: 'Hệ thống chưa sẵn sàng', detail: '{reason}' },
    en: { title: 'Service not ready', detail: '{reason}' },
  },
  WEB_NOT_BUILT: {
    status: 503,
    vi: {
      title: 'Giao diện web chưa được xây dựng',
      detail: 'Chạy "npm run build" (hoặc "npm start") để xây dựng giao diện web.',
    },
    en: {
      title: 'Web interface not built',
      detail: 'Run "npm run build" (or "npm start") to build the web interface.',
    },
  },
});
