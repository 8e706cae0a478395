import { defineProblems } from './define.js';

export const reportProblems = defineProblems({
  REPORT_SCOPE_REQUIRED: {
    status: 422,
    vi: {
      title: 'Chưa chọn phạm vi báo cáo',
      detail: 'Hãy chọn phạm vi: toàn tỉnh (province), một cơ quan (agency) hoặc một xã (commune).',
    },
    en: { title: 'Report scope required', detail: 'Choose a scope: a province, an agency or a commune.' },
  },
  REPORT_PERIOD_INVALID: {
    status: 422,
    vi: {
      title: 'Kỳ báo cáo không hợp lệ',
      detail:
        'Kỳ báo cáo "{period}" không hợp lệ: dùng from/to (yyyy-mm-dd) hoặc period (2026, 2026-Q4, 2026-H1, 2026-11).',
    },
    en: {
      title: 'Invalid report period',
      detail:
        'Report period "{period}" is invalid: use from/to (yyyy-mm-dd) or period (2026, 2026-Q4, 2026-H1, 2026-11).',
    },
  },
  REPORT_PERIOD_TOO_LONG: {
    status: 422,
    vi: { title: 'Kỳ báo cáo quá dài', detail: 'Nhóm theo ngày chỉ dùng cho kỳ không quá {maxDays} ngày.' },
    en: { title: 'Report period too long', detail: 'Grouping by day is for periods of at most {maxDays} days.' },
  },
  REPORT_GROUPING_INVALID: {
    status: 422,
    vi: {
      title: 'Cách nhóm không hợp lệ',
      detail: 'Chỉ nhóm theo tối đa hai tiêu chí, trong đó tối đa một tiêu chí thời gian.',
    },
    en: { title: 'Invalid grouping', detail: 'Group by at most two criteria, at most one of them a time bucket.' },
  },
  IMPORT_FILE_TYPE: {
    status: 422,
    vi: {
      title: 'Định dạng tệp không được chấp nhận',
      detail:
        'Chỉ nhận tệp CSV (.csv), JSON (.json) hoặc JSON Lines (.jsonl, .ndjson); tệp "{fileName}" không thuộc các loại này.',
    },
    en: {
      title: 'File type not accepted',
      detail:
        'Only CSV (.csv), JSON (.json) or JSON Lines (.jsonl, .ndjson) files are accepted; "{fileName}" is none of these.',
    },
  },
  IMPORT_FILE_EMPTY: {
    status: 422,
    vi: { title: 'Tệp không có hồ sơ nào', detail: 'Tệp trống hoặc chỉ có dòng tên cột: không có hồ sơ nào để nhập.' },
    en: {
      title: 'No dossiers in the file',
      detail: 'The file is empty or has only its header line: nothing to import.',
    },
  },
  IMPORT_FILE_UNREADABLE: {
    status: 422,
    vi: { title: 'Không đọc được tệp', detail: 'Không đọc được tệp: {reason}' },
    en: { title: 'The file cannot be read', detail: 'The file cannot be read: {reason}' },
  },
  IMPORT_FILE_NO_CODE_COLUMN: {
    status: 422,
    vi: {
      title: 'Thiếu cột mã hồ sơ',
      detail:
        'Dòng đầu của tệp không có cột mã hồ sơ (code, ma_ho_so, MaHoSo hoặc "Mã hồ sơ"). Các cột đọc được: {columns}.',
    },
    en: {
      title: 'No dossier code column',
      detail:
        'The file’s first line has no dossier code column (code, ma_ho_so, MaHoSo or "Mã hồ sơ"). Columns read: {columns}.',
    },
  },
  REPORT_CURSOR_INVALID: {
    status: 400,
    vi: { title: 'Con trỏ trang không hợp lệ', detail: 'Tham số cursor không hợp lệ; hãy bắt đầu lại từ trang đầu.' },
    en: { title: 'Invalid cursor', detail: 'The cursor is invalid; start again from the first page.' },
  },
});
