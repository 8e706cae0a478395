import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { QueryOf, RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the consultation pages (lấy ý kiến dự thảo). */

export type ConsultationListItem = Schema<'ConsultationListItem'>;
export type ConsultationDetail = Schema<'ConsultationDetail'>;
export type ConsultationInput = Schema<'ConsultationInput'>;
export type ConsultationAnswerInput = Schema<'ConsultationAnswerInput'>;
export type ConsultationDraftFile = Schema<'ConsultationDraftFile'>;
export type ConsultationView = NonNullable<QueryOf<'/api/v1/consultations', 'get'>['view']>;
type Changed = Schema<'ConsultationChanged'>;

const KEY = ['consultations'] as const;
const path = (id: string) => `/api/v1/consultations/${encodeURIComponent(id)}`;

export const useConsultationList = (view: ConsultationView, limit = 20) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'list', view, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/consultations', 'get'>>(
        '/api/v1/consultations',
        { view, cursor: pageParam, limit },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useConsultation = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<ConsultationDetail>(path(id), undefined, signal),
  });

/** Agencies of the province (the recipients). */
export const useConsultationAgencies = (province: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'agencies', province],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/agencies', 'get'>>('/api/v1/agencies', { province, pageSize: 100 }, signal),
    enabled: !!province,
  });

/** Officials of an agency (named recipients). */
export const useConsultationPeople = (agencyId: string | undefined) =>
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

const useInvalidating = <I, O>(mutationFn: (input: I) => Promise<O>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
};

export const useUploadConsultationDraft = () =>
  useMutation({ mutationFn: (file: File) => uploadFile<ConsultationDraftFile>('/api/v1/consultation-files', file) });

export const useCreateConsultation = () =>
  useInvalidating((body: ConsultationInput) => api.post<Changed>('/api/v1/consultations', body));

export const useAnswerConsultation = (id: string) =>
  useInvalidating((body: ConsultationAnswerInput) => api.post<Changed>(`${path(id)}/answers`, body));

type ResponseBody = RequestBodyOf<'/api/v1/consultations/{id}/comments/{commentId}/response', 'post'>;
export const useRespondToComment = (id: string) =>
  useInvalidating((input: { commentId: string; body: ResponseBody }) =>
    api.post<Changed>(`${path(id)}/comments/${encodeURIComponent(input.commentId)}/response`, input.body),
  );

/** One step of the drafter: send, close, finalise the summary (guarded by the version seen). */
export const useConsultationStep = (id: string, step: 'open' | 'close' | 'summarise') =>
  useInvalidating((body: { expectedVersion: number }) => api.post<Changed>(`${path(id)}/${step}`, body));

export const draftUrl = (id: string) => `${path(id)}/draft`;
export const summaryPdfUrl = (id: string) => `${path(id)}/summary.pdf`;
export const summaryXlsxUrl = (id: string) => `${path(id)}/summary.xlsx`;
