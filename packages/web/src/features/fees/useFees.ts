import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RequestBodyOf, ResponseOf } from '../../api/contract';

export type DossierFees = ResponseOf<'/api/v1/dossiers/{code}/fees', 'get'>;
export type CounterPaymentInput = RequestBodyOf<'/api/v1/dossiers/{code}/fees/payments', 'post'>;
export type CounterPaymentRecorded = ResponseOf<'/api/v1/dossiers/{code}/fees/payments', 'post'>;

const path = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}/fees`;

/** What the dossier owes, and its payments online and at the counter. */
export const useDossierFees = (code: string) =>
  useQuery({
    queryKey: ['dossier', code, 'fees'],
    queryFn: ({ signal }) => api.get<DossierFees>(path(code), undefined, signal),
  });

/** Records a payment taken at the counter (retried safely with the idempotency key). */
export const useRecordCounterPayment = (code: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: CounterPaymentInput; idempotencyKey: string }) =>
      api.post<CounterPaymentRecorded>(`${path(code)}/payments`, input.body, {
        headers: { 'idempotency-key': input.idempotencyKey },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['dossier', code] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
};
