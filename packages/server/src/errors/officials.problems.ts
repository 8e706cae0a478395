import { defineProblems } from './define.js';

export const officialsProblems = defineProblems({
  INVALID_CREDENTIALS: {
    status: 401,
    vi: { title: 'Sai tên đăng nhập hoặc mật khẩu', detail: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
    en: { title: 'Wrong username or password', detail: 'The username or password is wrong.' },
  },
  ACCOUNT_LOCKED: {
    status: 429,
    vi: {
      title: 'Tạm khóa đăng nhập',
      detail: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {waitMinutes} phút, lúc {retryAt}.',
    },
    en: {
      title: 'Sign-in temporarily locked',
      detail: 'Too many failed sign-ins. Try again in {waitMinutes} min, at {retryAt} (Vietnam time).',
    },
  },
  SIGN_IN_SLOWED: {
    status: 429,
    vi: {
      title: 'Đăng nhập sai nhiều lần từ địa chỉ này',
      detail:
        'Đã có nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui lòng chờ {retryAfter} giây rồi thử lại; người nhập đúng mật khẩu vẫn đăng nhập được.',
    },
    en: {
      title: 'Many failed sign-ins from this address',
      detail:
        'There were many failed sign-ins from this network address. Wait {retryAfter} seconds before trying again; a correct password still signs in.',
    },
  },
  ACCOUNT_DISABLED: {
    status: 403,
    vi: { title: 'Tài khoản bị vô hiệu hóa', detail: 'Tài khoản này đã bị vô hiệu hóa; liên hệ quản trị đơn vị.' },
    en: { title: 'Account disabled', detail: 'This account is disabled; contact your agency administrator.' },
  },
  INVALID_TOKEN: {
    status: 401,
    vi: {
      title: 'Mã truy cập không hợp lệ',
      detail: 'Mã truy cập (API token) không đúng, đã hết hạn hoặc đã bị thu hồi.',
    },
    en: { title: 'Invalid token', detail: 'The API token is wrong, expired or revoked.' },
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    vi: {
      title: 'Thiếu mã chống giả mạo yêu cầu',
      detail: 'Yêu cầu thay đổi dữ liệu phải kèm tiêu đề X-CSRF-Token lấy từ GET /api/v1/me.',
    },
    en: {
      title: 'Missing CSRF token',
      detail: 'Requests that change data must carry the X-CSRF-Token header from GET /api/v1/me.',
    },
  },
  WEAK_PASSWORD: {
    status: 422,
    vi: { title: 'Mật khẩu chưa đủ mạnh', detail: '{reason}' },
    en: { title: 'Password too weak', detail: '{reason}' },
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: { title: 'Cần đổi mật khẩu', detail: 'Bạn cần đổi mật khẩu trước khi tiếp tục.' },
    en: { title: 'Password change required', detail: 'You need to change your password before continuing.' },
  },
  CURRENT_PASSWORD_WRONG: {
    status: 403,
    vi: { title: 'Mật khẩu hiện tại không đúng', detail: 'Mật khẩu hiện tại bạn nhập không đúng.' },
    en: { title: 'Current password wrong', detail: 'The current password you entered is wrong.' },
  },
  PASSWORD_UNCHANGED: {
    status: 422,
    vi: { title: 'Mật khẩu mới trùng mật khẩu cũ', detail: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
    en: { title: 'Password unchanged', detail: 'The new password must differ from the current one.' },
  },
  PASSWORD_CHANGE_NEEDS_SESSION: {
    status: 403,
    vi: {
      title: 'Không đổi được mật khẩu bằng mã truy cập',
      detail:
        'Chỉ có thể đổi mật khẩu khi đăng nhập bằng tên đăng nhập và mật khẩu, không dùng mã truy cập (API token).',
    },
    en: {
      title: 'Password change needs a session',
      detail: 'A password can be changed only when signed in with username and password, not with an API token.',
    },
  },
  USERNAME_TAKEN: {
    status: 409,
    vi: { title: 'Tên đăng nhập đã tồn tại', detail: 'Tên đăng nhập "{username}" đã được sử dụng.' },
    en: { title: 'Username taken', detail: 'The username "{username}" is already in use.' },
  },
  AGENCY_CODE_TAKEN: {
    status: 409,
    vi: { title: 'Mã định danh đã được dùng', detail: 'Mã định danh {code} đang được một cơ quan khác sử dụng.' },
    en: { title: 'Agency code in use', detail: 'The identifier code {code} is used by another agency in force.' },
  },
  AGENCY_CLOSED: {
    status: 409,
    vi: { title: 'Cơ quan đã ngừng hoạt động', detail: 'Cơ quan {code} đã ngừng hoạt động từ sau ngày {validTo}.' },
    en: { title: 'Agency closed', detail: 'Agency {code} is closed since after {validTo}.' },
  },
  AGENCY_HAS_CHILDREN: {
    status: 409,
    vi: {
      title: 'Cơ quan còn đơn vị trực thuộc',
      detail: 'Cơ quan {code} còn {count} đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc sắp xếp chúng trước.',
    },
    en: {
      title: 'Agency has sub-agencies',
      detail: 'Agency {code} still has {count} sub-agencies in force; move or reorganise them first.',
    },
  },
  AGENCY_MOVE_CYCLE: {
    status: 422,
    vi: {
      title: 'Không thể chuyển cơ quan',
      detail: 'Không thể chuyển một cơ quan vào chính nó hoặc đơn vị trực thuộc của nó.',
    },
    en: { title: 'Invalid move', detail: 'An agency cannot be moved under itself or one of its sub-agencies.' },
  },
  EFFECTIVE_DATE_INVALID: {
    status: 422,
    vi: { title: 'Ngày hiệu lực không hợp lệ', detail: '{reason}' },
    en: { title: 'Invalid effective date', detail: '{reason}' },
  },
  ROLE_OUT_OF_SCOPE: {
    status: 403,
    vi: {
      title: 'Không thể cấp vai trò này',
      detail: 'Bạn chỉ có thể cấp vai trò trong phạm vi các cơ quan mình quản trị.',
    },
    en: { title: 'Role out of scope', detail: 'You can grant roles only within the agencies you administer.' },
  },
});
