import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { ResponseOf, Schema } from '../../api/contract';

/**
 * Every request of the portal news console page: options, the list, one item, its versions, its steps, its images
 * and attachments.
 */

export type PortalContentItem = Schema<'PortalContentItem'>;
export type PortalContentDraft = Schema<'PortalContentDraftInput'>;
export type PortalContentStep = Schema<'PortalContentActionInput'>;
export type PortalContentChanged = Schema<'PortalContentChanged'>;
export type PortalContentVersion = Schema<'PortalContentVersion'>;
export type PortalImageUploaded = Schema<'PortalImageUploaded'>;
export type PortalAttachment = Schema<'PortalAttachment'>;

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

/** Uploads an image for the body (resized on the server); the answer has src, srcset, sizes, width, height. */
export const uploadPortalImage = (file: File, onProgress?: (fraction: number) => void) =>
  uploadFile<PortalImageUploaded>('/api/v1/portal-content/images', file, { onProgress });

/** The console's link to an attachment (drafts included: only the item's author and editors may open it). */
export const portalAttachmentUrl = (id: string, position: number) =>
  `/api/v1/portal-content/items/${encodeURIComponent(id)}/attachments/${position}`;

export const useAddPortalAttachment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file, title }: { id: string; file: File; title: string }) =>
      uploadFile<PortalAttachment>(
        `/api/v1/portal-content/items/${encodeURIComponent(id)}/attachments${
          title.trim() ? `?${new URLSearchParams({ title: title.trim() }).toString()}` : ''
        }`,
        file,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'item'] }),
  });
};

export const useRemovePortalAttachment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, position }: { id: string; position: number }) =>
      api.delete<void>(portalAttachmentUrl(id, position)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'item'] }),
  });
};
