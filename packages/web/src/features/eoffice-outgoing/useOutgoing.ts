import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { QueryOf, RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the outgoing documents pages (văn bản đi). */

export type OutgoingListItem = Schema<'OutgoingListItem'>;
export type OutgoingDetail = Schema<'OutgoingDetail'>;
export type OutgoingDraftInput = Schema<'OutgoingDraftInput'>;
export type OutgoingEditInput = Schema<'OutgoingEditInput'>;
export type OutgoingSignInput = Schema<'OutgoingSignInput'>;
export type OutgoingView = NonNullable<QueryOf<'/api/v1/outgoing-documents', 'get'>['view']>;
type Changed = Schema<'OutgoingChanged'>;
export type DocumentPerson = ResponseOf<'/api/v1/outgoing-documents/people', 'get'>['items'][number];

const KEY = ['outgoing'] as const;
const path = (id: string) => `/api/v1/outgoing-documents/${encodeURIComponent(id)}`;

/** A list, keyset-paginated: each "Xem thêm" asks for the page after the last cursor. */
export const useOutgoingList = (view: OutgoingView, limit = 20) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'list', view, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/outgoing-documents', 'get'>>(
        '/api/v1/outgoing-documents',
        { view, cursor: pageParam, limit },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useOutgoing = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'document', id],
    queryFn: ({ signal }) => api.get<OutgoingDetail>(path(id), undefined, signal),
  });

/** Officials of an agency who take part in documents (reviewers, substitutes, signers). */
export const useDocumentPeople = (agencyId: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'people', agencyId],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/outgoing-documents/people', 'get'>>(
        '/api/v1/outgoing-documents/people',
        { agencyId: agencyId ?? '' },
        signal,
      ),
    enabled: !!agencyId,
  });

/** Agencies of the province (recipients through the system). */
export const useRecipientAgencies = (province: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'agencies', province],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/agencies', 'get'>>('/api/v1/agencies', { province, pageSize: 100 }, signal),
    enabled: !!province,
  });

const useInvalidating = <I, O>(mutationFn: (input: I) => Promise<O>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
};

export const useCreateOutgoing = () =>
  useInvalidating((body: OutgoingDraftInput) => api.post<Changed>('/api/v1/outgoing-documents', body));

export const useEditOutgoing = (id: string) =>
  useInvalidating((body: OutgoingEditInput) => api.patch<Changed>(path(id), body));

export const useUploadVersion = (id: string) =>
  useInvalidating((input: { file: File; expectedVersion: number }) =>
    uploadFile<Changed>(`${path(id)}/versions?expectedVersion=${input.expectedVersion}`, input.file),
  );

type Step = 'submit' | 'review' | 'sign' | 'seal' | 'issue' | 'cancel';
type StepBody = {
  submit: RequestBodyOf<'/api/v1/outgoing-documents/{id}/submit', 'post'>;
  review: RequestBodyOf<'/api/v1/outgoing-documents/{id}/review', 'post'>;
  sign: OutgoingSignInput;
  seal: RequestBodyOf<'/api/v1/outgoing-documents/{id}/seal', 'post'>;
  issue: RequestBodyOf<'/api/v1/outgoing-documents/{id}/issue', 'post'>;
  cancel: RequestBodyOf<'/api/v1/outgoing-documents/{id}/cancel', 'post'>;
};

/** One step of the document (submit, review, sign, seal, issue, cancel), guarded by the version seen. */
export const useOutgoingStep = <S extends Step>(id: string, step: S) =>
  useInvalidating((body: StepBody[S]) => api.post<Changed>(`${path(id)}/${step}`, body));

export const signedFileUrl = (id: string) => `${path(id)}/file`;
/** One page of a PDF version as a PNG (the sign step's position picker). */
export const pageImageUrl = (id: string, versionNo: number, page: number) =>
  `${path(id)}/page-image?version=${versionNo}&page=${page}`;
export const versionFileUrl = (id: string, versionNo: number) => `${path(id)}/file?version=${versionNo}`;

export type DocumentDelegation = Schema<'DocumentDelegation'>;
type NewDelegation = RequestBodyOf<'/api/v1/document-delegations', 'post'>;

/** The delegations of the caller's agencies still running (ủy quyền, Art. 13). */
export const useDelegations = () =>
  useQuery({
    queryKey: [...KEY, 'delegations'],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/document-delegations', 'get'>>('/api/v1/document-delegations', undefined, signal),
  });

export const useCreateDelegation = () =>
  useInvalidating((body: NewDelegation) => api.post<DocumentDelegation>('/api/v1/document-delegations', body));

export const useRevokeDelegation = () =>
  useInvalidating((id: string) =>
    api.post<DocumentDelegation>(`/api/v1/document-delegations/${encodeURIComponent(id)}/revoke`),
  );
