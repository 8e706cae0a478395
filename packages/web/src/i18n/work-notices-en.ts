import type { NoticesMessages } from './work-notices-vi';

/** Texts of the officials' notices, English. */
export const noticesEn: NoticesMessages = {
  title: 'Notices',
  all: 'All',
  unreadOnly: 'Unread',
  unreadCount_one: '{{count}} unread notice',
  unreadCount_other: '{{count}} unread notices',
  noneUnread: 'No unread notices.',
  empty: 'No notices yet.',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  markedAll_one: '{{count}} notice marked as read.',
  markedAll_other: '{{count}} notices marked as read.',
  unread: 'Unread',
  more: 'Show more',
  open_task: 'Open the task',
  open_schedule_entry: 'See the work calendar',
  open_consultation: 'Open the consultation',
  open_evaluation_sheet: 'Open the evaluation sheet',
  bell: 'Notices',
  bellUnread_one: 'Notices: {{count}} unread',
  bellUnread_other: 'Notices: {{count}} unread',
};
