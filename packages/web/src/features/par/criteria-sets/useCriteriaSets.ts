import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, uploadFile } from '../../../api/client';
import type { QueryOf, RequestBodyOf, ResponseOf, Schema } from '../../../api/contract';

/** Every request of the criteria-set pages (/api/v1/par/criteria-sets), typed by the server's contract. */
export type CriteriaSet = Schema<'ParCriteriaSet'>;
export type CriteriaSetDetail = Schema<'ParCriteriaSetDetail'>;
export type CriterionNode = Schema<'ParCriterionNode'>;
export type SheetRowError = Schema<'ParSheetRowError'>;
export type CriteriaEditInput = Schema<'ParCriteriaEditInput'>;
export type CriteriaEdit = CriteriaEditInput['edit'];
export type CriteriaSetCreateInput = RequestBodyOf<'/api/v1/par/criteria-sets', 'post'>;
export type CriteriaSetListQuery = QueryOf<'/api/v1/par/criteria-sets', 'get'>;
export type UnitGroup = CriteriaSet['unitGroup'];
export type SetStatus = CriteriaSet['status'];

const BASE = '/api/v1/par/criteria-sets';
const key = ['par', 'criteria-sets'] as const;

/** A province's sets, newest year first, one keyset page after another. */
export const useCriteriaSets = (filters: Omit<CriteriaSetListQuery, 'cursor' | 'limit'>) =>
  useInfiniteQuery({
    queryKey: [...key, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/par/criteria-sets', 'get'>>(
        BASE,
        { ...filters, cursor: pageParam, limit: 50 },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useCriteriaSet = (id: string) =>
  useQuery({
    queryKey: [...key, 'one', id],
    queryFn: ({ signal }) => api.get<CriteriaSetDetail>(`${BASE}/${encodeURIComponent(id)}`, undefined, signal),
  });

/** After a change: the set's own answer is its new state; the list changes with it. */
const useSetChanged = () => {
  const queryClient = useQueryClient();
  return (detail: CriteriaSetDetail) => {
    queryClient.setQueryData([...key, 'one', detail.id], detail);
    void queryClient.invalidateQueries({ queryKey: [...key, 'list'] });
  };
};

export const useCreateCriteriaSet = () => {
  const changed = useSetChanged();
  return useMutation({
    mutationFn: (body: CriteriaSetCreateInput) => api.post<CriteriaSetDetail>(BASE, body),
    onSuccess: changed,
  });
};

export const useImportCriteriaSet = () => {
  const changed = useSetChanged();
  return useMutation({
    mutationFn: (input: { file: File; year: number; unitGroup: UnitGroup; title: string }) => {
      const query = new URLSearchParams({ year: String(input.year), unitGroup: input.unitGroup, title: input.title });
      return uploadFile<CriteriaSetDetail>(`${BASE}/import?${query}`, input.file, { fileName: input.file.name });
    },
    onSuccess: changed,
  });
};

/** The row errors of a refused import (422 PAR_SET_SHEET_INVALID), if that is what the error is. */
export const sheetRowErrorsOf = (error: unknown): SheetRowError[] | undefined => {
  if (!isApiError(error) || error.code !== 'PAR_SET_SHEET_INVALID') {
    return undefined;
  }
  const rows = error.problem?.rows;
  return Array.isArray(rows) ? (rows as SheetRowError[]) : undefined;
};

export const useEditCriteria = (id: string) => {
  const changed = useSetChanged();
  return useMutation({
    mutationFn: (body: CriteriaEditInput) =>
      api.post<CriteriaSetDetail & { editedCode: string | null }>(`${BASE}/${encodeURIComponent(id)}/criteria`, body),
    onSuccess: changed,
  });
};

export const useUpdateCriteriaSet = (id: string) => {
  const changed = useSetChanged();
  return useMutation({
    mutationFn: (body: RequestBodyOf<'/api/v1/par/criteria-sets/{id}', 'patch'>) =>
      api.patch<CriteriaSetDetail>(`${BASE}/${encodeURIComponent(id)}`, body),
    onSuccess: changed,
  });
};

export const usePublishCriteriaSet = (id: string) => {
  const changed = useSetChanged();
  return useMutation({
    mutationFn: (body: RequestBodyOf<'/api/v1/par/criteria-sets/{id}/publish', 'post'>) =>
      api.post<CriteriaSetDetail>(`${BASE}/${encodeURIComponent(id)}/publish`, body),
    onSuccess: changed,
  });
};

export const useDeleteCriteriaSet = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (expectedVersion: number) =>
      api.delete<null>(`${BASE}/${encodeURIComponent(id)}`, { query: { expectedVersion } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [...key, 'one', id] });
      void queryClient.invalidateQueries({ queryKey: [...key, 'list'] });
    },
  });
};

/** Where the workbook of a set is downloaded from (a plain link: the browser saves the file). */
export const exportUrl = (id: string) => `${BASE}/${encodeURIComponent(id)}/export.xlsx`;
