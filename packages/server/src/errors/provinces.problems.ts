import { defineProblems } from './define.js';

/**
 * Problems of several provinces on one install (issue 22 item 4): province sites, their host names and branding,
 * the hosting centre's administration. Areas of this issue add their codes here.
 */
export const provinceProblems = defineProblems({
  PROVINCE_SITE_NOT_FOUND: {
    status: 404,
    vi: { title: 'Không có tỉnh', detail: 'Hệ thống không phục vụ tỉnh, thành phố mã {province}.' },
    en: { title: 'No such province', detail: 'This install does not serve province {province}.' },
  },
  HOST_NAME_TAKEN: {
    status: 409,
    vi: { title: 'Tên miền đã được dùng', detail: 'Tên miền {hosts} đã thuộc về tỉnh, thành phố khác.' },
    en: { title: 'Host name taken', detail: 'Host name {hosts} already belongs to another province.' },
  },
  COLOUR_CONTRAST_TOO_LOW: {
    status: 422,
    vi: {
      title: 'Màu chính quá sáng',
      detail:
        'Chữ trắng trên màu {colour} chỉ đạt độ tương phản {ratio}:1, chưa đạt mức tối thiểu {minimum}:1 (WCAG 2.1 AA). Hãy chọn màu đậm hơn.',
    },
    en: {
      title: 'Primary colour too light',
      detail:
        'White text on {colour} reaches a contrast of {ratio}:1, below the minimum {minimum}:1 (WCAG 2.1 AA). Choose a darker colour.',
    },
  },
  SUBMISSION_OTHER_PROVINCE: {
    status: 422,
    vi: {
      title: 'Nộp trên cổng của tỉnh, thành phố khác',
      detail:
        'Hồ sơ này nộp tới cơ quan của tỉnh, thành phố mã {province}; hãy nộp trên Cổng Dịch vụ công của ' +
        'tỉnh, thành phố đó.',
    },
    en: {
      title: 'Submitted on another province’s portal',
      detail: 'This application goes to an agency of province {province}; submit it on that province’s portal.',
    },
  },
  PROVINCE_NOT_SERVED_HERE: {
    status: 404,
    vi: {
      title: 'Không thuộc cổng này',
      detail: 'Cổng này chỉ phục vụ tỉnh, thành phố của mình; hãy xem dữ liệu tỉnh mã {province} tại cổng của tỉnh đó.',
    },
    en: {
      title: 'Not served here',
      detail: 'This portal serves its own province only; read province {province} on that province’s portal.',
    },
  },
  PROVINCE_NOT_GIVEN: {
    status: 400,
    vi: { title: 'Thiếu mã tỉnh', detail: 'Hãy cho biết mã tỉnh, thành phố (2 chữ số, ví dụ 33).' },
    en: { title: 'Province missing', detail: 'Give the 2-digit province code (e.g. 33).' },
  },
  OFFICIAL_OTHER_PROVINCE: {
    status: 403,
    vi: {
      title: 'Sai cổng đăng nhập',
      detail: 'Tài khoản thuộc tỉnh, thành phố khác; hãy đăng nhập tại cổng của tỉnh mình.',
    },
    en: {
      title: 'Wrong portal',
      detail: 'The account belongs to another province; sign in on your own province’s portal.',
    },
  },
  PROVINCE_UNIT_NOT_IN_FORCE: {
    status: 422,
    vi: {
      title: 'Không phải tỉnh, thành phố đang có hiệu lực',
      detail:
        'Mã {province} không phải đơn vị hành chính cấp tỉnh đang có hiệu lực hôm nay (34 tỉnh, thành phố từ ngày 01/7/2025).',
    },
    en: {
      title: 'Not a province in force',
      detail:
        'Code {province} is not a province-level administrative unit in force today (the 34 units since 1 July 2025).',
    },
  },
  PROVINCE_EXISTS: {
    status: 409,
    vi: { title: 'Tỉnh đã có trên hệ thống', detail: 'Hệ thống đã phục vụ tỉnh, thành phố mã {province}.' },
    en: { title: 'Province already served', detail: 'This install already serves province {province}.' },
  },
  HOST_NAME_INVALID: {
    status: 422,
    vi: { title: 'Tên miền không hợp lệ', detail: 'Tên miền "{host}" không hợp lệ.' },
    en: { title: 'Invalid host name', detail: 'Host name "{host}" is not valid.' },
  },
  PUBLIC_URL_INVALID: {
    status: 422,
    vi: {
      title: 'Địa chỉ công khai không hợp lệ',
      detail: 'Địa chỉ "{url}" không hợp lệ (cần https://tên-miền, không có đường dẫn).',
    },
    en: { title: 'Invalid public address', detail: 'Address "{url}" is not valid (https://host, no path).' },
  },
  PROVINCE_AGENCY_CODE_TAKEN: {
    status: 409,
    vi: { title: 'Mã định danh cơ quan đã được dùng', detail: 'Mã định danh {code} đã thuộc về một cơ quan khác.' },
    en: { title: 'Agency code taken', detail: 'Agency code {code} already belongs to another agency.' },
  },
});
