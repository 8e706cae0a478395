import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the hosting centre's pages: the provinces, one province's addresses and history, the figures. */

export type HostedProvince = Schema<'HostedProvince'>;
export type HostedProvinceDetail = Schema<'HostedProvinceDetail'>;
export type CreatedProvince = Schema<'CreatedProvince'>;
export type HostingFigures = Schema<'HostingFigures'>;
export type NewProvince = RequestBodyOf<'/api/v1/hosting/provinces', 'post'>;
export type ProvinceChange = RequestBodyOf<'/api/v1/hosting/provinces/{code}', 'patch'>;

const BASE = '/api/v1/hosting/provinces';

export const useHostedProvinces = (enabled: boolean) =>
  useInfiniteQuery({
    queryKey: ['hosting', 'provinces'],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/hosting/provinces', 'get'>>(
        BASE,
        { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useHostedProvince = (code: string | null) =>
  useQuery({
    queryKey: ['hosting', 'province', code],
    enabled: code !== null,
    queryFn: ({ signal }) => api.get<HostedProvinceDetail>(`${BASE}/${code}`, undefined, signal),
  });

export const useCreateProvince = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProvince) => api.post<CreatedProvince>(BASE, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hosting'] }),
  });
};

/** Host names, public address, default: at the version read (409 when someone changed it meanwhile). */
export const useChangeProvince = (code: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProvinceChange) => api.patch<HostedProvinceDetail>(`${BASE}/${code}`, body),
    onSuccess: (detail) => queryClient.setQueryData(['hosting', 'province', code], detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['hosting'] }),
  });
};

/** The 34 province-level units in force today (the reference endpoint), for choosing a province to open. */
export const useProvinceUnits = (enabled: boolean) =>
  useQuery({
    queryKey: ['administrative-units', 'province'],
    enabled,
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/administrative-units', 'get'>>(
        '/api/v1/administrative-units',
        { level: 'province', pageSize: 100 },
        signal,
      ),
  });

export const hostingFiguresWorkbookUrl = (period: string) =>
  `/api/v1/hosting/figures.xlsx?${new URLSearchParams({ period }).toString()}`;

export const useHostingFigures = (period: string, enabled: boolean) =>
  useQuery({
    queryKey: ['hosting', 'figures', period],
    enabled,
    queryFn: ({ signal }) => api.get<HostingFigures>('/api/v1/hosting/figures', { period }, signal),
  });
