import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ResponseOf, Schema } from '../../api/contract';

/** Every request of the officials' notices (thông báo): the list, the unread count, marking read. */

export type WorkNotice = Schema<'WorkNotice'>;

const KEY = 'work-notices';
const LIST = '/api/v1/work/notices';

/** My notices, newest first, keyset-paginated ("Xem thêm" asks for the page after the last cursor). */
export const useWorkNotices = (unread: boolean) =>
  useInfiniteQuery({
    queryKey: [KEY, 'list', unread],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/work/notices', 'get'>>(
        LIST,
        { unread: unread ? 'true' : 'false', cursor: pageParam },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** How many of my notices are unread: the header's badge, read again every minute and on focus. */
export const useUnreadWorkNotices = () =>
  useQuery({
    queryKey: [KEY, 'unread'],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/work/notices/unread-count', 'get'>>(`${LIST}/unread-count`, undefined, signal),
    refetchInterval: 60_000,
  });

/** Marks one notice read; the list and the badge are read again after it. */
export const useMarkWorkNoticeRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<ResponseOf<'/api/v1/work/notices/{id}/read', 'post'>>(`${LIST}/${encodeURIComponent(id)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** Marks all my notices read. */
export const useMarkAllWorkNoticesRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ResponseOf<'/api/v1/work/notices/read-all', 'post'>>(`${LIST}/read-all`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** The console page a notice is about (the task, the week of the calendar entry, the consultation, the sheet). */
export const noticeTarget = (notice: WorkNotice): string | null => {
  const id = encodeURIComponent(notice.recordId);
  switch (notice.recordKind) {
    case 'task':
      return `/can-bo/cong-viec/${id}`;
    case 'schedule_entry':
      return `/can-bo/lich-cong-tac?${new URLSearchParams({
        xem: 'cua-toi',
        ...(notice.scheduleWeekStart ? { tuan: notice.scheduleWeekStart } : {}),
      })}`;
    case 'consultation':
      return `/can-bo/lay-y-kien/${id}`;
    case 'evaluation_sheet':
      return `/can-bo/danh-gia/phieu/${id}`;
    default:
      return null;
  }
};
