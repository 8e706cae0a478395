import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ResponseOf, Schema } from '../../api/contract';

/** Every request of the portal news console page: options, the list, one item, its versions, its steps. */

export type PortalContentItem = Schema<'PortalContentItem'>;
export type PortalContentDraft = Schema<'PortalContentDraftInput'>;
export type PortalContentStep = Schema<'PortalContentActionInput'>;
export type PortalContentChanged = Schema<'PortalContentChanged'>;
export type PortalContentVersion = Schema<'PortalContentVersion'>;

const KEY = 'portal-news';

export const usePortalNewsOptions = () =>
  useQuery({
    queryKey: [KEY, 'options'],
    queryFn: ({ signal }) =>
      api.get<Schema<'PortalContentOptions'>>('/api/v1/portal-content/options', undefined, signal),
  });

export const usePortalNewsList = () =>
  useInfiniteQuery({
    queryKey: [KEY, 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/portal-content/items', 'get'>>(
        '/api/v1/portal-content/items',
        pageParam ? { after: pageParam } : undefined,
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const usePortalNewsItem = (id: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'item', id],
    queryFn: ({ signal }) =>
      api.get<PortalContentItem>(`/api/v1/portal-content/items/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });

export const fetchPortalNewsVersion = (id: string, version: number) =>
  api.get<PortalContentVersion>(`/api/v1/portal-content/items/${encodeURIComponent(id)}/versions/${version}`);

export const useCreatePortalNews = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalContentDraft) => api.post<PortalContentChanged>('/api/v1/portal-content/items', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useStepPortalNews = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PortalContentStep }) =>
      api.post<PortalContentChanged>(`/api/v1/portal-content/items/${encodeURIComponent(id)}/actions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};
