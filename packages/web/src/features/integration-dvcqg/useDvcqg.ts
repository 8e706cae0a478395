import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the national portal connection: settings, monitor, lists, bulk actions, a dossier's sync. */

export type DvcqgSettings = Schema<'DvcqgSettings'>;
export type DvcqgSettingsInput = RequestBodyOf<'/api/v1/integration/dvcqg/settings', 'put'>;
export type DvcqgMonitor = Schema<'DvcqgMonitor'>;
export type DvcqgSyncItem = Schema<'DvcqgSyncItem'>;
export type DvcqgBulkInput = RequestBodyOf<'/api/v1/integration/dvcqg/bulk', 'post'>;
export type DvcqgBulkResult = Schema<'DvcqgBulkResult'>;
export type DossierDvcqgSync = Schema<'DossierDvcqgSync'>;
export type DvcqgListState = DvcqgSyncItem['state'];

export const dvcqgFailuresUrl = (province: string) =>
  `/api/v1/integration/dvcqg/failures.xlsx?${new URLSearchParams({ province }).toString()}`;

export const useDvcqgSettings = (province: string) =>
  useQuery({
    queryKey: ['dvcqg', 'settings', province],
    enabled: province !== '',
    queryFn: ({ signal }) => api.get<DvcqgSettings>('/api/v1/integration/dvcqg/settings', { province }, signal),
  });

export const useSaveDvcqgSettings = (province: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DvcqgSettingsInput) => api.put<DvcqgSettings>('/api/v1/integration/dvcqg/settings', body),
    onSuccess: (saved) => queryClient.setQueryData(['dvcqg', 'settings', province], saved),
  });
};

export const useDvcqgMonitor = (province: string) =>
  useQuery({
    queryKey: ['dvcqg', 'monitor', province],
    enabled: province !== '',
    // The monitor is looked at while repairing: refreshed every 30 seconds.
    refetchInterval: 30_000,
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/integration/dvcqg/monitor', 'get'>>(
        '/api/v1/integration/dvcqg/monitor',
        { province },
        signal,
      ),
  });

/** The pending, failing or parked dossiers, a page at a time ("Xem thêm" asks for the next). */
export const useDvcqgSyncList = (province: string, state: DvcqgListState, reason: string | undefined, limit = 20) =>
  useInfiniteQuery({
    queryKey: ['dvcqg', 'list', province, state, reason ?? null, limit],
    enabled: province !== '',
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/integration/dvcqg/sync', 'get'>>(
        '/api/v1/integration/dvcqg/sync',
        { province, state, limit, ...(reason ? { reason } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useDvcqgBulk = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DvcqgBulkInput) => api.post<DvcqgBulkResult>('/api/v1/integration/dvcqg/bulk', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['dvcqg'] }),
  });
};

export const useDossierDvcqgSync = (code: string) =>
  useQuery({
    queryKey: ['dvcqg', 'dossier', code],
    queryFn: ({ signal }) =>
      api.get<DossierDvcqgSync>(`/api/v1/dossiers/${encodeURIComponent(code)}/dvcqg-sync`, undefined, signal),
  });

export const useDossierDvcqgAction = (code: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'retry' | 'resend') =>
      api.post<DossierDvcqgSync>(`/api/v1/dossiers/${encodeURIComponent(code)}/dvcqg-sync/${action}`),
    onSuccess: (view) => queryClient.setQueryData(['dvcqg', 'dossier', code], view),
  });
};
