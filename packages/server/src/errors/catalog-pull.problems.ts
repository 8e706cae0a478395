import { defineProblems } from './define.js';

/** Pulls of the national procedure catalog from the national public-service portal (issue 21). */
export const catalogPullProblems = defineProblems({
  CATALOG_PULL_RUNNING: {
    status: 409,
    vi: {
      title: 'Đang đồng bộ danh mục',
      detail: 'Tỉnh đang có một lượt đồng bộ danh mục TTHC từ Cổng DVCQG chưa xong; hãy chờ lượt đó kết thúc.',
    },
    en: {
      title: 'Catalog pull running',
      detail: 'A pull of the national procedure catalog is already running for this province; wait for it to end.',
    },
  },
  CATALOG_PULL_NOT_CONFIGURED: {
    status: 422,
    vi: {
      title: 'Chưa cấu hình kết nối Cổng DVCQG',
      detail:
        'Tỉnh chưa khai báo đủ kết nối Cổng Dịch vụ công quốc gia (địa chỉ, tài khoản, mật khẩu, dstcode, mã đơn vị).',
    },
    en: {
      title: 'National portal connection not configured',
      detail:
        "The province's connection to the national public-service portal is incomplete (endpoints, account, " +
        'password, dstcode, unit code).',
    },
  },
  CATALOG_PULL_CURSOR_INVALID: {
    status: 400,
    vi: { title: 'Con trỏ trang không hợp lệ', detail: 'Tham số cursor không hợp lệ; hãy bắt đầu lại từ trang đầu.' },
    en: { title: 'Invalid cursor', detail: 'The cursor is invalid; start again from the first page.' },
  },
});
