import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the work calendar pages (lịch công tác): weeks, one entry's steps, the iCal link, the portal week. */

export type ScheduleEntry = Schema<'ScheduleEntry'>;
export type ScheduleEntryInput = Schema<'ScheduleDraftInput'>;
export type ScheduleOptions = Schema<'ScheduleOptions'>;
export type ScheduleChanged = Schema<'ScheduleChanged'>;
export type PublicScheduleWeek = Schema<'PublicScheduleWeek'>;
export type ScheduleFile = Schema<'ScheduleFile'>;
export type ScheduleUpdateInput = RequestBodyOf<'/api/v1/schedule/entries/{id}', 'put'>;
export type ScheduleStep = Schema<'ScheduleActionInput'>['action'];

const KEY = 'work-schedule';

export const useScheduleOptions = (agencyId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'options', agencyId],
    queryFn: ({ signal }) =>
      api.get<ScheduleOptions>('/api/v1/schedule/options', agencyId ? { agencyId } : undefined, signal),
  });

export const useAgencyWeek = (agencyId: string | null | undefined, week: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'agency-week', agencyId, week],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/schedule/agency-week', 'get'>>(
        '/api/v1/schedule/agency-week',
        { agencyId: agencyId ?? '', week },
        signal,
      ),
    enabled: !!agencyId,
  });

export const useMyWeek = (week: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [KEY, 'my-week', week],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/schedule/my-week', 'get'>>('/api/v1/schedule/my-week', { week }, signal),
    enabled,
  });

export const useCreateScheduleEntry = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleEntryInput) => api.post<ScheduleChanged>('/api/v1/schedule/entries', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useUpdateScheduleEntry = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ScheduleUpdateInput }) =>
      api.put<ScheduleChanged>(`/api/v1/schedule/entries/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** One step (submit, approve, publish, cancel); the weeks are read again after it. */
export const useScheduleStep = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RequestBodyOf<'/api/v1/schedule/entries/{id}/actions', 'post'> }) =>
      api.post<ScheduleChanged>(`/api/v1/schedule/entries/${encodeURIComponent(id)}/actions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useScheduleFeed = () =>
  useQuery({
    queryKey: [KEY, 'feed'],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/schedule/feed', 'get'>>('/api/v1/schedule/feed', undefined, signal),
  });

/** Creates or replaces the secret iCal link (shown once). */
export const useRotateScheduleFeed = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ResponseOf<'/api/v1/schedule/feed', 'post'>>('/api/v1/schedule/feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'feed'] }),
  });
};

/** The portal's public week (no sign-in). */
export const usePublicScheduleWeek = (week: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'public', week],
    queryFn: ({ signal }) => api.get<PublicScheduleWeek>('/api/v1/public/schedule', { week }, signal),
  });

/** The console's download link of a file of an entry. */
export const scheduleFileUrl = (entryId: string, sha256: string) =>
  `/api/v1/schedule/entries/${encodeURIComponent(entryId)}/files/${encodeURIComponent(sha256)}`;

/** The portal's download link of a file of a published public entry. */
export const publicScheduleFileUrl = (entryId: string, sha256: string) =>
  `/api/v1/public/schedule/${encodeURIComponent(entryId)}/files/${encodeURIComponent(sha256)}`;

/** Attaches a file to an entry at the version shown (the weeks are read again after it). */
export const useAttachScheduleFile = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entry, file }: { entry: ScheduleEntry; file: File }) =>
      uploadFile<ScheduleChanged>(
        `/api/v1/schedule/entries/${encodeURIComponent(entry.id)}/files?expectedVersion=${entry.version}`,
        file,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** Removes a file from an entry at the version shown. */
export const useRemoveScheduleFile = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entry, sha256 }: { entry: ScheduleEntry; sha256: string }) =>
      api.delete<ScheduleChanged>(scheduleFileUrl(entry.id, sha256), { query: { expectedVersion: entry.version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};
