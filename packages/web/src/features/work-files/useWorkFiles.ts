import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { QueryOf, RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the work files pages (hồ sơ công việc, danh mục hồ sơ). */

export type WorkFileListItem = Schema<'WorkFileListItem'>;
export type WorkFileDetail = Schema<'WorkFileDetail'>;
export type WorkFileStatus = WorkFileListItem['status'];
export type WorkFileView = NonNullable<QueryOf<'/api/v1/work-files', 'get'>['view']>;
export type WorkFileAction = RequestBodyOf<'/api/v1/work-files/{id}/actions', 'post'>['action'];
export type FileList = Schema<'FileList'>;

const KEY = 'work-files';

/** A list by status, keyset-paginated: each "Xem thêm" asks for the page after the last cursor. */
export const useWorkFileList = (view: WorkFileView, status: WorkFileStatus, q: string, limit = 20) =>
  useInfiniteQuery({
    queryKey: [KEY, 'list', view, status, q, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/work-files', 'get'>>(
        '/api/v1/work-files',
        { view, status, q: q || undefined, cursor: pageParam, limit },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useWorkFileOptions = () =>
  useQuery({
    queryKey: [KEY, 'options'],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/work-files/options', 'get'>>('/api/v1/work-files/options', undefined, signal),
  });

export const useWorkFile = (id: string) =>
  useQuery({
    queryKey: [KEY, 'file', id],
    queryFn: ({ signal }) => api.get<WorkFileDetail>(`/api/v1/work-files/${encodeURIComponent(id)}`, undefined, signal),
    retry: false,
  });

export const useOpenWorkFile = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBodyOf<'/api/v1/work-files', 'post'>) =>
      api.post<ResponseOf<'/api/v1/work-files', 'post'>>('/api/v1/work-files', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** Close, reopen, archive; the file and the lists are read again after it. */
export const useWorkFileAction = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBodyOf<'/api/v1/work-files/{id}/actions', 'post'>) =>
      api.post<ResponseOf<'/api/v1/work-files/{id}/actions', 'post'>>(
        `/api/v1/work-files/${encodeURIComponent(id)}/actions`,
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useAddWorkFileItem = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBodyOf<'/api/v1/work-files/{id}/items', 'post'>) =>
      api.post<ResponseOf<'/api/v1/work-files/{id}/items', 'post'>>(
        `/api/v1/work-files/${encodeURIComponent(id)}/items`,
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useUploadWorkFileItem = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; expectedVersion: number }) =>
      uploadFile<ResponseOf<'/api/v1/work-files/{id}/uploads', 'post'>>(
        `/api/v1/work-files/${encodeURIComponent(id)}/uploads?expectedVersion=${input.expectedVersion}`,
        input.file,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useRemoveWorkFileItem = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { itemId: string; expectedVersion: number }) =>
      api.delete<ResponseOf<'/api/v1/work-files/{id}/items/{itemId}', 'delete'>>(
        `/api/v1/work-files/${encodeURIComponent(id)}/items/${encodeURIComponent(input.itemId)}?expectedVersion=${input.expectedVersion}`,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** Moves an item to another place in the file's order (1 = first). */
export const useMoveWorkFileItem = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { itemId: string; position: number; expectedVersion: number }) =>
      api.post<ResponseOf<'/api/v1/work-files/{id}/items/{itemId}/move', 'post'>>(
        `/api/v1/work-files/${encodeURIComponent(id)}/items/${encodeURIComponent(input.itemId)}/move`,
        { position: input.position, expectedVersion: input.expectedVersion },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

/** My incoming documents to add to a file (the inbox of the units I work in, searched). */
export const useMyIncomingDocuments = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: [KEY, 'my-incoming', q],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/incoming-documents', 'get'>>(
        '/api/v1/incoming-documents',
        { view: 'all', q: q || undefined, limit: 20 },
        signal,
      ),
    enabled,
  });

export const workFileExportUrl = (id: string) => `/api/v1/work-files/${encodeURIComponent(id)}/export.zip`;
export const workFileItemFileUrl = (id: string, itemId: string) =>
  `/api/v1/work-files/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}/file`;

// ---- The file list (danh mục hồ sơ) ----

export const useFileList = (agencyId: string | undefined, year: number) =>
  useQuery({
    queryKey: [KEY, 'file-list', agencyId, year],
    queryFn: ({ signal }) =>
      api.get<FileList>(`/api/v1/file-lists/${encodeURIComponent(agencyId ?? '')}/${year}`, undefined, signal),
    enabled: !!agencyId,
  });

export const useImportFileList = (agencyId: string, year: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<ResponseOf<'/api/v1/file-lists/{agencyId}/{year}/import', 'post'>>(
        `/api/v1/file-lists/${encodeURIComponent(agencyId)}/${year}/import`,
        file,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useAddFileListEntry = (agencyId: string, year: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBodyOf<'/api/v1/file-lists/{agencyId}/{year}/entries', 'post'>) =>
      api.post<ResponseOf<'/api/v1/file-lists/{agencyId}/{year}/entries', 'post'>>(
        `/api/v1/file-lists/${encodeURIComponent(agencyId)}/${year}/entries`,
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};

export const useRemoveFileListEntry = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/file-list-entries/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
};
