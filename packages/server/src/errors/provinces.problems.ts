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
