import { defineProblems } from './define.js';

/** Problems of work calendars (lịch công tác, issue 20 item 1). */
export const scheduleProblems = defineProblems({
  SCHEDULE_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: {
      title: 'Không thực hiện được ở trạng thái này',
      detail: 'Lịch công tác đang ở trạng thái "{state}": không thể "{action}".',
    },
    en: { title: 'Not possible in this state', detail: 'The calendar entry is "{state}": "{action}" is not possible.' },
  },
  SCHEDULE_NOT_PERMITTED: {
    status: 403,
    vi: {
      title: 'Không có quyền thực hiện bước này',
      detail:
        'Bước "{action}": văn phòng dự thảo và trình lịch; lãnh đạo duyệt, phát hành, sửa hoặc hủy lịch đã duyệt; lịch cá nhân chỉ do chính người đó thực hiện.',
    },
    en: {
      title: 'Not yours to do',
      detail:
        'The step "{action}": the office drafts and submits; a leader approves, publishes, edits or cancels an approved entry; a personal calendar is its owner’s alone.',
    },
  },
  SCHEDULE_TIME_INVALID: {
    status: 422,
    vi: { title: 'Thời gian không hợp lệ', detail: 'Thời gian kết thúc không được trước thời gian bắt đầu.' },
    en: { title: 'Time is not valid', detail: 'The end may not be before the start.' },
  },
  SCHEDULE_ATTENDEES_INVALID: {
    status: 422,
    vi: {
      title: 'Thành phần không hợp lệ',
      detail: 'Người chủ trì và người tham dự phải là công chức đang hoạt động.',
    },
    en: { title: 'Attendees are not valid', detail: 'The chair and the attendees must be active officials.' },
  },
  SCHEDULE_FILES_TOO_MANY: {
    status: 422,
    vi: {
      title: 'Quá nhiều tệp đính kèm',
      detail: 'Một lịch công tác có tối đa {max} tệp đính kèm; hãy gỡ bớt tệp không cần thiết.',
    },
    en: { title: 'Too many attachments', detail: 'A calendar entry holds at most {max} files; remove one first.' },
  },
  SCHEDULE_FEED_NOT_FOUND: {
    status: 404,
    vi: { title: 'Không tìm thấy lịch', detail: 'Đường dẫn lịch không đúng hoặc đã được thay mới.' },
    en: { title: 'Calendar not found', detail: 'The calendar link is wrong or has been replaced.' },
  },
});
