import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { QueryOf, RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the incoming documents pages (văn bản đến): inboxes, register, deliveries, one document. */

export type IncomingListItem = Schema<'IncomingListItem'>;
export type IncomingDetail = Schema<'IncomingDetail'>;
export type IncomingActionInput = Schema<'IncomingActionInput'>;
export type IncomingPaperRegistration = Schema<'IncomingPaperRegistration'>;
export type IncomingPendingDelivery = Schema<'IncomingPendingDelivery'>;
export type IncomingScan = Schema<'IncomingScan'>;
export type IncomingView = NonNullable<QueryOf<'/api/v1/incoming-documents', 'get'>['view']>;

const KEY = 'incoming-documents';

/** An inbox, keyset-paginated: each "Xem thêm" asks for the page after the last cursor. */
export const useIncomingInbox = (view: IncomingView, q: string, limit = 20) =>
  useInfiniteQuery({
    queryKey: [KEY, 'inbox', view, q, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/incoming-documents', 'get'>>(
        '/api/v1/incoming-documents',
        { view, q: q || undefined, cursor: pageParam, limit },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const usePendingDeliveries = (enabled: boolean) =>
  useInfiniteQuery({
    queryKey: [KEY, 'deliveries'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/incoming-documents/deliveries', 'get'>>(
        '/api/v1/incoming-documents/deliveries',
        { cursor: pageParam },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export const useIncoming = (id: string) =>
  useQuery({
    queryKey: [KEY, 'document', id],
    queryFn: ({ signal }) =>
      api.get<IncomingDetail>(`/api/v1/incoming-documents/${encodeURIComponent(id)}`, undefined, signal),
    retry: false,
  });

export const useIncomingOptions = (agencyId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'options', agencyId],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/incoming-documents/options', 'get'>>(
        '/api/v1/incoming-documents/options',
        { agencyId },
        signal,
      ),
    enabled: !!agencyId,
  });

export const incomingFileUrl = (id: string) => `/api/v1/incoming-documents/${encodeURIComponent(id)}/file`;

/** One step (present, direct, start, finish, return); the document and the inboxes are read again after it. */
export const useIncomingAction = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBodyOf<'/api/v1/incoming-documents/{id}/actions', 'post'>) =>
      api.post<ResponseOf<'/api/v1/incoming-documents/{id}/actions', 'post'>>(
        `/api/v1/incoming-documents/${encodeURIComponent(id)}/actions`,
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** Uploads the scan of a paper document before it is registered. */
export const useUploadScan = () =>
  useMutation({
    mutationFn: (input: { agencyId: string; file: File }) =>
      uploadFile<IncomingScan>(
        `/api/v1/incoming-documents/scans?agencyId=${encodeURIComponent(input.agencyId)}`,
        input.file,
      ),
  });

export const useRegisterPaper = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IncomingPaperRegistration) =>
      api.post<ResponseOf<'/api/v1/incoming-documents', 'post'>>('/api/v1/incoming-documents', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useAcceptDelivery = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delivery: { id: string; version: number }) =>
      api.post<ResponseOf<'/api/v1/incoming-documents/deliveries/{id}/register', 'post'>>(
        `/api/v1/incoming-documents/deliveries/${encodeURIComponent(delivery.id)}/register`,
        { expectedVersion: delivery.version },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useRefuseDelivery = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; reason: string }) =>
      api.post<ResponseOf<'/api/v1/incoming-documents/deliveries/{id}/refuse', 'post'>>(
        `/api/v1/incoming-documents/deliveries/${encodeURIComponent(input.id)}/refuse`,
        { expectedVersion: input.version, reason: input.reason },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export type IncomingDocumentSettings = Schema<'IncomingDocumentSettings'>;
export type IncomingSettingsInput = RequestBodyOf<'/api/v1/incoming-document-settings', 'put'>;

/** The province's settings of incoming documents with the defaults beside them (province administrator). */
export const useIncomingSettings = (province: string, enabled = true) =>
  useQuery({
    queryKey: [KEY, 'settings', province],
    queryFn: ({ signal }) =>
      api.get<IncomingDocumentSettings>('/api/v1/incoming-document-settings', { province }, signal),
    enabled: enabled && province !== '',
  });

/** Saves them at the version read (409 when someone saved in between: the settings are read again). */
export const useSaveIncomingSettings = (province: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IncomingSettingsInput) =>
      api.put<IncomingDocumentSettings>('/api/v1/incoming-document-settings', body),
    onSuccess: (saved) => queryClient.setQueryData([KEY, 'settings', province], saved),
    onError: () => queryClient.invalidateQueries({ queryKey: [KEY, 'settings', province] }),
  });
};
