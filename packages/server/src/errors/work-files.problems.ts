import { defineProblems } from './define.js';

/** Problems of work files and the file list (hồ sơ công việc, danh mục hồ sơ; Decree 30/2020 Art. 28–29). */
export const workFileProblems = defineProblems({
  WORKFILE_NOT_PERMITTED: {
    status: 403,
    vi: {
      title: 'Không có quyền thay đổi hồ sơ',
      detail: 'Chỉ người lập hồ sơ hoặc lãnh đạo phụ trách đơn vị thay đổi được hồ sơ công việc.',
    },
    en: { title: 'Not yours to change', detail: 'Only the file’s owner or a head over its unit changes a work file.' },
  },
  WORKFILE_ACTION_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: {
      title: 'Không thực hiện được ở trạng thái này',
      detail: 'Hồ sơ đang ở trạng thái "{state}": không thể "{action}".',
    },
    en: { title: 'Not possible in this state', detail: 'The file is "{state}": "{action}" is not possible.' },
  },
  WORKFILE_REASON_REQUIRED: {
    status: 422,
    vi: { title: 'Cần nêu lý do', detail: 'Mở lại hồ sơ đã kết thúc cần ghi lý do.' },
    en: { title: 'A reason is required', detail: 'Reopening a closed file needs a reason.' },
  },
  WORKFILE_NOT_OPEN: {
    status: 409,
    vi: { title: 'Hồ sơ không còn mở', detail: 'Chỉ thêm, bớt, sắp xếp tài liệu khi hồ sơ đang mở.' },
    en: { title: 'The file is not open', detail: 'Items are added, removed and ordered while the file is open only.' },
  },
  WORKFILE_TITLE_REQUIRED: {
    status: 422,
    vi: { title: 'Cần tiêu đề hồ sơ', detail: 'Hồ sơ ngoài danh mục cần có tiêu đề.' },
    en: { title: 'A title is required', detail: 'A file outside the file list needs a title.' },
  },
  WORKFILE_NOTE_REQUIRED: {
    status: 422,
    vi: { title: 'Ghi chú trống', detail: 'Nhập nội dung ghi chú.' },
    en: { title: 'Empty note', detail: 'Write the note’s text.' },
  },
  WORKFILE_ITEM_NOT_READABLE: {
    status: 422,
    vi: {
      title: 'Không thêm được tài liệu này',
      detail: 'Chỉ thêm văn bản, nhiệm vụ, lịch công tác mà bạn được xem.',
    },
    en: { title: 'Cannot add this item', detail: 'Add only documents, tasks and calendar entries you may read.' },
  },
  WORKFILE_ITEM_ALREADY_IN: {
    status: 409,
    vi: { title: 'Đã có trong hồ sơ', detail: 'Tài liệu này đã có trong hồ sơ.' },
    en: { title: 'Already in the file', detail: 'This item is already in the file.' },
  },
  WORKFILE_LIST_FILE_UNREADABLE: {
    status: 422,
    vi: {
      title: 'Không đọc được tệp danh mục',
      detail:
        'Tệp phải là CSV (UTF-8) hoặc Excel (.xlsx) có dòng tiêu đề "Số và ký hiệu hồ sơ", "Tên đề mục và tiêu đề hồ sơ", "Thời hạn bảo quản", "Đơn vị/người lập hồ sơ".',
    },
    en: {
      title: 'The list file cannot be read',
      detail:
        'The file must be CSV (UTF-8) or Excel (.xlsx) with a header row naming the code, title, retention and unit columns.',
    },
  },
  WORKFILE_LIST_CODE_TAKEN: {
    status: 409,
    vi: { title: 'Trùng ký hiệu', detail: 'Danh mục năm này đã có hồ sơ ký hiệu "{code}".' },
    en: { title: 'Code taken', detail: 'The year’s list already has a file coded "{code}".' },
  },
  WORKFILE_LIST_UNIT_INVALID: {
    status: 422,
    vi: { title: 'Đơn vị không hợp lệ', detail: 'Chọn một đơn vị thuộc cơ quan.' },
    en: { title: 'Unit not valid', detail: 'Choose a unit of the agency.' },
  },
  WORKFILE_LIST_ENTRY_IN_USE: {
    status: 409,
    vi: { title: 'Đang được sử dụng', detail: 'Đã có hồ sơ công việc lập theo mục này, không xóa được.' },
    en: { title: 'In use', detail: 'A work file was opened from this entry: it cannot be deleted.' },
  },
});
