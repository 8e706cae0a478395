import { defineProblems } from './define.js';

/** Problems of PAR Index criteria sets (bộ tiêu chí xác định Chỉ số CCHC). */
export const parSetProblems = defineProblems({
  PAR_SET_NOT_DRAFT: {
    status: 409,
    vi: {
      title: 'Bộ tiêu chí đã ban hành',
      detail: 'Bộ tiêu chí đang ở trạng thái "{status}": chỉ sửa hoặc xóa được bản nháp. Hãy tạo phiên bản mới.',
    },
    en: {
      title: 'Criteria set already published',
      detail: 'The criteria set is "{status}": only a draft can be changed or deleted. Create a new version.',
    },
  },
  PAR_SET_INVALID: {
    status: 422,
    vi: {
      title: 'Bộ tiêu chí chưa hợp lệ',
      detail: 'Bộ tiêu chí còn {count} lỗi (xem danh sách issues); sửa xong mới ban hành được.',
    },
    en: {
      title: 'Criteria set not valid',
      detail: 'The criteria set has {count} problems (see issues); fix them before publishing.',
    },
  },
  PAR_SET_IN_FORCE: {
    status: 409,
    vi: {
      title: 'Đã có bộ tiêu chí đang áp dụng',
      detail:
        'Năm {year}, khối {group} đã có bộ tiêu chí ban hành (phiên bản {version}); mỗi năm, mỗi khối chỉ một bộ.',
    },
    en: {
      title: 'A criteria set is already in force',
      detail: 'Year {year}, group {group} already has a published set (version {version}); one per year and group.',
    },
  },
  PAR_SET_EDIT_REFUSED: {
    status: 422,
    vi: { title: 'Không sửa được tiêu chí', detail: '{reason}' },
    en: { title: 'Criterion edit refused', detail: '{reason}' },
  },
  PAR_SET_SHEET_INVALID: {
    status: 422,
    vi: {
      title: 'Bảng tiêu chí có lỗi, chưa nhập dòng nào',
      detail: 'Có {count} lỗi trong bảng (xem danh sách rows: số dòng và lý do). Sửa tệp rồi nhập lại.',
    },
    en: {
      title: 'The criteria sheet has errors; nothing was imported',
      detail: 'The sheet has {count} errors (see rows: row number and reason). Fix the file and import it again.',
    },
  },
  PAR_SET_FILE_UNREADABLE: {
    status: 422,
    vi: {
      title: 'Không đọc được tệp',
      detail: 'Tệp không phải bảng tính Excel (.xlsx) đọc được. Lưu lại tệp dưới dạng .xlsx rồi nhập lại.',
    },
    en: {
      title: 'Unreadable file',
      detail: 'The file is not a readable Excel workbook (.xlsx). Save it as .xlsx and import it again.',
    },
  },
  PAR_CURSOR_INVALID: {
    status: 400,
    vi: { title: 'Con trỏ trang không hợp lệ', detail: 'Tham số cursor không hợp lệ; tải lại trang đầu.' },
    en: { title: 'Invalid page cursor', detail: 'The cursor is invalid; load the first page again.' },
  },
});
