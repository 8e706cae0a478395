import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the evaluation pages (đánh giá, xếp loại): my sheets, a sheet, periods, quota, decision. */

export type EvaluationSheet = Schema<'EvaluationSheet'>;
export type EvaluationSheetSummary = Schema<'EvaluationSheetSummary'>;
export type EvaluationPeriod = Schema<'EvaluationPeriod'>;
export type SheetActionInput = RequestBodyOf<'/api/v1/evaluation-sheets/{id}/actions', 'post'>;
export type PeriodQuota = ResponseOf<'/api/v1/evaluation-periods/{id}/quota', 'get'>;

const KEY = 'evaluation';

export const evaluationResultsUrl = (periodId: string) =>
  `/api/v1/evaluation-periods/${encodeURIComponent(periodId)}/results.xlsx`;
export const evaluationCsdlCsvUrl = (periodId: string) =>
  `/api/v1/evaluation-periods/${encodeURIComponent(periodId)}/csdl.csv`;

export const useMySheets = () =>
  useQuery({
    queryKey: [KEY, 'mine'],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/evaluation-sheets/mine', 'get'>>('/api/v1/evaluation-sheets/mine', {}, signal),
  });

export const useSheet = (id: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'sheet', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/evaluation-sheets/{id}', 'get'>>(
        `/api/v1/evaluation-sheets/${encodeURIComponent(id ?? '')}`,
        {},
        signal,
      ),
  });

export const useSheetAction = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SheetActionInput) =>
      api.post<ResponseOf<'/api/v1/evaluation-sheets/{id}/actions', 'post'>>(
        `/api/v1/evaluation-sheets/${encodeURIComponent(id)}/actions`,
        body,
      ),
    onSuccess: (sheet) => {
      queryClient.setQueryData([KEY, 'sheet', id], sheet);
      return queryClient.invalidateQueries({ queryKey: [KEY] });
    },
  });
};

export const usePeriods = (agencyId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'periods', agencyId],
    enabled: agencyId !== undefined,
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/evaluation-periods', 'get'>>('/api/v1/evaluation-periods', { agencyId }, signal),
  });

export const usePeriodSheets = (periodId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'period-sheets', periodId],
    enabled: periodId !== undefined,
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/evaluation-periods/{id}/sheets', 'get'>>(
        `/api/v1/evaluation-periods/${encodeURIComponent(periodId ?? '')}/sheets`,
        {},
        signal,
      ),
  });

export const usePeriodQuota = (periodId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [KEY, 'quota', periodId],
    enabled: periodId !== undefined && enabled,
    queryFn: ({ signal }) =>
      api.get<PeriodQuota>(`/api/v1/evaluation-periods/${encodeURIComponent(periodId ?? '')}/quota`, {}, signal),
  });

/** The personnel officer's and the head's changes of a period: open, gather, close / unit band, decide. */
export const usePeriodChanges = () => {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [KEY] });
  return {
    open: useMutation({
      mutationFn: (body: RequestBodyOf<'/api/v1/evaluation-periods', 'post'>) =>
        api.post<ResponseOf<'/api/v1/evaluation-periods', 'post'>>('/api/v1/evaluation-periods', body),
      onSuccess: refresh,
    }),
    gather: useMutation({
      mutationFn: (periodId: string) =>
        api.post<ResponseOf<'/api/v1/evaluation-periods/{id}/gather', 'post'>>(
          `/api/v1/evaluation-periods/${encodeURIComponent(periodId)}/gather`,
        ),
      onSuccess: refresh,
    }),
    change: useMutation({
      mutationFn: ({
        periodId,
        ...body
      }: { periodId: string } & RequestBodyOf<'/api/v1/evaluation-periods/{id}/change', 'post'>) =>
        api.post<ResponseOf<'/api/v1/evaluation-periods/{id}/change', 'post'>>(
          `/api/v1/evaluation-periods/${encodeURIComponent(periodId)}/change`,
          body,
        ),
      onSuccess: refresh,
    }),
    decide: useMutation({
      mutationFn: (periodId: string) =>
        api.post<ResponseOf<'/api/v1/evaluation-periods/{id}/decide', 'post'>>(
          `/api/v1/evaluation-periods/${encodeURIComponent(periodId)}/decide`,
        ),
      onSuccess: refresh,
    }),
  };
};

export type EvaluationSettings = Schema<'EvaluationSettings'>;
export type EvaluationSettingsInput = RequestBodyOf<'/api/v1/evaluation-settings', 'put'>;

/** An agency's evaluation rules (with the defaults and whether the reader may change them). */
export const useEvaluationSettings = (agencyId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'settings', agencyId],
    enabled: agencyId !== undefined,
    queryFn: ({ signal }) => api.get<EvaluationSettings>('/api/v1/evaluation-settings', { agencyId }, signal),
  });

/** Saves an agency's rules at the version read (409 when someone saved first). */
export const useSaveEvaluationSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationSettingsInput) => api.put<EvaluationSettings>('/api/v1/evaluation-settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData([KEY, 'settings', saved.agencyId], saved);
      return queryClient.invalidateQueries({ queryKey: [KEY] });
    },
  });
};
