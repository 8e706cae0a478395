import { defineProblems } from './define.js';

/** Calendar input problems, one per CalendarError code of the domain (CALENDAR_<code>). */
export const calendarProblems = defineProblems({
  CALENDAR_INVALID_DATE: {
    status: 400,
    vi: { title: 'Ngày không hợp lệ', detail: 'Ngày phải có dạng YYYY-MM-DD và là một ngày có thật ({reason}).' },
    en: { title: 'Invalid date', detail: 'A date must be YYYY-MM-DD and exist ({reason}).' },
  },
  CALENDAR_INVALID_INSTANT: {
    status: 400,
    vi: {
      title: 'Thời điểm không hợp lệ',
      detail: 'Thời điểm phải theo ISO 8601 kèm múi giờ, ví dụ 2025-01-24T10:00:00+07:00 ({reason}).',
    },
    en: {
      title: 'Invalid instant',
      detail: 'An instant must be ISO 8601 with an offset, e.g. 2025-01-24T10:00:00+07:00 ({reason}).',
    },
  },
  CALENDAR_INVALID_TIME: {
    status: 400,
    vi: { title: 'Giờ không hợp lệ', detail: 'Giờ phải có dạng HH:MM ({reason}).' },
    en: { title: 'Invalid time of day', detail: 'A time of day must be HH:MM ({reason}).' },
  },
  CALENDAR_OUT_OF_RANGE: {
    status: 400,
    vi: { title: 'Ngoài phạm vi lịch', detail: 'Lịch chỉ hỗ trợ các năm 1900–2100 ({reason}).' },
    en: { title: 'Out of range', detail: 'The calendar covers 1900–2100 only ({reason}).' },
  },
  CALENDAR_INVALID_DURATION: {
    status: 400,
    vi: { title: 'Thời hạn không hợp lệ', detail: 'Thời hạn phải là một số không âm với đơn vị hợp lệ ({reason}).' },
    en: { title: 'Invalid duration', detail: 'A duration must be a non-negative number with a valid unit ({reason}).' },
  },
  CALENDAR_INVALID_WORKING_HOURS: {
    status: 400,
    vi: {
      title: 'Giờ làm việc không hợp lệ',
      detail: 'Các khoảng giờ làm việc phải tăng dần, không chồng lấn, trong 00:00–24:00 ({reason}).',
    },
    en: {
      title: 'Invalid working hours',
      detail: 'Working intervals must be ordered, non-overlapping and within 00:00–24:00 ({reason}).',
    },
  },
  CALENDAR_INVALID_TIME_ZONE: {
    status: 400,
    vi: { title: 'Múi giờ không hợp lệ', detail: '{reason}' },
    en: { title: 'Invalid time zone', detail: '{reason}' },
  },
  CALENDAR_INVALID_LUNAR_DATE: {
    status: 400,
    vi: { title: 'Ngày âm lịch không hợp lệ', detail: 'Ngày âm lịch không hợp lệ ({reason}).' },
    en: { title: 'Invalid lunar date', detail: 'The lunar date is invalid ({reason}).' },
  },
  CALENDAR_LUNAR_DATE_NOT_FOUND: {
    status: 400,
    vi: {
      title: 'Không có ngày âm lịch này',
      detail:
        'Ngày âm lịch này không tồn tại (tháng thiếu chỉ có 29 ngày, hoặc năm không có tháng nhuận đó) ({reason}).',
    },
    en: {
      title: 'No such lunar date',
      detail:
        'This lunar date does not exist (a short month has 29 days, or the year has no such leap month) ({reason}).',
    },
  },
  CALENDAR_INVALID_SCHEDULE_ENTRY: {
    status: 400,
    vi: { title: 'Ngày nghỉ không hợp lệ', detail: '{reason}' },
    en: { title: 'Invalid schedule entry', detail: '{reason}' },
  },
  CALENDAR_NOT_A_WORKING_DAY: {
    status: 400,
    vi: { title: 'Không phải ngày làm việc', detail: '{reason}' },
    en: { title: 'Not a working day', detail: '{reason}' },
  },
  CALENDAR_INVALID_PAUSE: {
    status: 400,
    vi: { title: 'Khoảng tạm dừng không hợp lệ', detail: '{reason}' },
    en: { title: 'Invalid pause', detail: '{reason}' },
  },
  CALENDAR_DURATION_REQUIRED: {
    status: 400,
    vi: {
      title: 'Thiếu thời hạn',
      detail: 'Cần đúng một trong các tham số workingDays, workingHours, calendarDays hoặc sameDayCutoff.',
    },
    en: {
      title: 'Duration required',
      detail: 'Give exactly one of workingDays, workingHours, calendarDays or sameDayCutoff.',
    },
  },
});
