/** Texts of the officials' notices (thông báo: the page and the header's badge), Vietnamese. */
export const noticesVi = {
  title: 'Thông báo',
  all: 'Tất cả',
  unreadOnly: 'Chưa đọc',
  unreadCount_one: '{{count}} thông báo chưa đọc',
  unreadCount_other: '{{count}} thông báo chưa đọc',
  noneUnread: 'Không có thông báo chưa đọc.',
  empty: 'Chưa có thông báo.',
  markRead: 'Đánh dấu đã đọc',
  markAllRead: 'Đánh dấu tất cả đã đọc',
  markedAll_one: 'Đã đánh dấu {{count}} thông báo là đã đọc.',
  markedAll_other: 'Đã đánh dấu {{count}} thông báo là đã đọc.',
  unread: 'Chưa đọc',
  more: 'Xem thêm',
  open_task: 'Mở nhiệm vụ',
  open_schedule_entry: 'Xem lịch công tác',
  open_consultation: 'Mở phiếu lấy ý kiến',
  open_evaluation_sheet: 'Mở phiếu đánh giá',
  bell: 'Thông báo',
  bellUnread_one: 'Thông báo: {{count}} chưa đọc',
  bellUnread_other: 'Thông báo: {{count}} chưa đọc',
};

export type NoticesMessages = typeof noticesVi;
