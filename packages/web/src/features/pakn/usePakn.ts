import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { QueryOf, RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the PAKN pages (officials' inbox, entry, statistics; the portal's public answers). */

export type PaknListItem = Schema<'PaknListItem'>;
export type PaknDetail = Schema<'PaknDetail'>;
export type PaknStatistics = Schema<'PaknStatistics'>;
export type PaknActionInput = Schema<'PaknActionInput'>;
export type PaknRegistration = Schema<'PaknRegistration'>;
export type PublicPaknAnswer = Schema<'PublicPaknAnswer'>;
export type PaknView = NonNullable<QueryOf<'/api/v1/pakn', 'get'>['view']>;
type PublicAnswers = ResponseOf<'/api/v1/public/pakn-answers', 'get'>;

/** The inbox, keyset-paginated: each "Xem thêm" asks for the page after the last cursor. */
export const usePaknInbox = (view: PaknView, limit = 20) =>
  useInfiniteQuery({
    queryKey: ['pakn', 'inbox', view, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/pakn', 'get'>>('/api/v1/pakn', { view, cursor: pageParam, limit }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const usePakn = (code: string) =>
  useQuery({
    queryKey: ['pakn', 'entry', code],
    queryFn: ({ signal }) => api.get<PaknDetail>(`/api/v1/pakn/${encodeURIComponent(code)}`, undefined, signal),
  });

/** One step of the handling; the entry and the inbox are read again after it. */
export const usePaknAction = (code: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBodyOf<'/api/v1/pakn/{code}/actions', 'post'>) =>
      api.post<ResponseOf<'/api/v1/pakn/{code}/actions', 'post'>>(
        `/api/v1/pakn/${encodeURIComponent(code)}/actions`,
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pakn'] }),
  });
};

export const useRegisterPakn = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaknRegistration) => api.post<ResponseOf<'/api/v1/pakn', 'post'>>('/api/v1/pakn', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pakn'] }),
  });
};

export const usePaknStatistics = (period: { from: string; to: string }) =>
  useQuery({
    queryKey: ['pakn', 'statistics', period],
    queryFn: ({ signal }) => api.get<PaknStatistics>('/api/v1/pakn/statistics', period, signal),
  });

export const paknAnswerPdfUrl = (code: string) => `/api/v1/pakn/${encodeURIComponent(code)}/answer.pdf`;
export const PAKN_REGISTER_XLSX = '/api/v1/pakn/register.xlsx';

export const usePublicPaknAnswers = (province: string, q: string) =>
  useInfiniteQuery({
    queryKey: ['pakn', 'public', province, q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<PublicAnswers>('/api/v1/public/pakn-answers', { province, q: q || undefined, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: province !== '',
  });

export const usePublicPaknAnswer = (code: string) =>
  useQuery({
    queryKey: ['pakn', 'public-answer', code],
    queryFn: ({ signal }) =>
      api.get<PublicPaknAnswer>(`/api/v1/public/pakn-answers/${encodeURIComponent(code)}`, undefined, signal),
    retry: false,
  });

export type PaknSettings = Schema<'PaknSettings'>;
export type PaknSettingsInput = RequestBodyOf<'/api/v1/pakn/settings', 'put'>;

/** The province's PAKN time limits with the legal defaults beside them. */
export const usePaknSettings = (province: string) =>
  useQuery({
    queryKey: ['pakn', 'settings', province],
    queryFn: ({ signal }) => api.get<PaknSettings>('/api/v1/pakn/settings', { province }, signal),
    enabled: province !== '',
  });

/** Saves the limits at the version read (409 when someone saved in between; the settings are read again). */
export const useSavePaknSettings = (province: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaknSettingsInput) => api.put<PaknSettings>('/api/v1/pakn/settings', body),
    onSuccess: (saved) => queryClient.setQueryData(['pakn', 'settings', province], saved),
    onError: () => queryClient.invalidateQueries({ queryKey: ['pakn', 'settings', province] }),
  });
};
