import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { QueryOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the task pages (giao việc): lists, one task, its steps and files, the assign form, tracking. */

export type TaskListItem = Schema<'TaskListItem'>;
export type TaskDetail = Schema<'TaskDetail'>;
export type TaskInput = Schema<'TaskInput'>;
export type TaskActionInput = Schema<'TaskActionInput'>;
export type TaskFileUpload = Schema<'TaskFileUpload'>;
export type TaskTracking = Schema<'TaskTracking'>;
export type TaskView = NonNullable<QueryOf<'/api/v1/tasks', 'get'>['view']>;

const KEY = 'tasks';

/** A list in deadline order, keyset-paginated ("Xem thêm" asks for the page after the last cursor). */
export const useTaskList = (view: TaskView, status: 'open' | 'all') =>
  useInfiniteQuery({
    queryKey: [KEY, 'list', view, status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/tasks', 'get'>>('/api/v1/tasks', { view, status, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useTask = (id: string) =>
  useQuery({
    queryKey: [KEY, 'task', id],
    queryFn: ({ signal }) => api.get<TaskDetail>(`/api/v1/tasks/${encodeURIComponent(id)}`, undefined, signal),
    retry: false,
  });

export const useTaskOptions = (enabled: boolean, agencyId?: string) =>
  useQuery({
    queryKey: [KEY, 'options', agencyId],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/tasks/options', 'get'>>('/api/v1/tasks/options', { agencyId }, signal),
    enabled,
    retry: false,
  });

export const useTaskTracking = (from: string, to: string) =>
  useQuery({
    queryKey: [KEY, 'tracking', from, to],
    queryFn: ({ signal }) => api.get<TaskTracking>('/api/v1/tasks/tracking', { from, to }, signal),
    retry: false,
  });

export const useAssignTask = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskInput) => api.post<ResponseOf<'/api/v1/tasks', 'post'>>('/api/v1/tasks', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** One step of a task; the task and the lists are read again after it. */
export const useTaskAction = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskActionInput) =>
      api.post<ResponseOf<'/api/v1/tasks/{id}/actions', 'post'>>(
        `/api/v1/tasks/${encodeURIComponent(id)}/actions`,
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** Uploads a file of a progress report (named then by the token the upload answers). */
export const useUploadTaskFile = (id: string) =>
  useMutation({
    mutationFn: (file: File) => uploadFile<TaskFileUpload>(`/api/v1/tasks/${encodeURIComponent(id)}/files`, file),
  });

export const taskFileUrl = (id: string, sha256: string) =>
  `/api/v1/tasks/${encodeURIComponent(id)}/files/${encodeURIComponent(sha256)}`;
