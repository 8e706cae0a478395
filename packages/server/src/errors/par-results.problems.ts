import { defineProblems } from './define.js';

/** Problems of the PAR Index results: publication of a round and the national table. */
export const parResultsProblems = defineProblems({
  PAR_ROUND_NOT_AT_COUNCIL: {
    status: 409,
    vi: {
      title: 'Đợt đánh giá chưa đến bước Hội đồng',
      detail: 'Chỉ công bố kết quả khi đợt đánh giá ở bước Hội đồng thẩm định; đợt đang ở bước "{stage}".',
    },
    en: {
      title: 'The round is not at the council stage',
      detail: 'Results are published only from the council stage; the round is at stage "{stage}".',
    },
  },
  PAR_ROUND_ALREADY_PUBLISHED: {
    status: 409,
    vi: {
      title: 'Kết quả đã được công bố',
      detail: 'Kết quả đợt này đã công bố theo Quyết định số {decisionNumber}; không công bố lại với quyết định khác.',
    },
    en: {
      title: 'Results already published',
      detail: 'The round was published by decision {decisionNumber}; it is not published again under another one.',
    },
  },
  PAR_ROUND_NO_UNITS: {
    status: 422,
    vi: { title: 'Đợt đánh giá chưa có đơn vị', detail: 'Đợt đánh giá chưa có đơn vị nào được chấm điểm.' },
    en: { title: 'No units in the round', detail: 'No unit is scored in this round.' },
  },
  PAR_NATIONAL_TABLE_INVALID: {
    status: 422,
    vi: {
      title: 'Bảng xếp hạng quốc gia không hợp lệ',
      detail: 'Bảng có {count} lỗi; không dòng nào được lưu. Xem danh sách lỗi theo dòng.',
    },
    en: {
      title: 'Invalid national table',
      detail: 'The table has {count} problems; no row was saved. See the problems row by row.',
    },
  },
  PAR_NATIONAL_FILE_UNREADABLE: {
    status: 422,
    vi: {
      title: 'Không đọc được tệp Excel',
      detail: 'Không đọc được tệp Excel (.xlsx) của bảng xếp hạng: {reason}',
    },
    en: { title: 'The Excel file cannot be read', detail: 'The ranking workbook (.xlsx) cannot be read: {reason}' },
  },
});
