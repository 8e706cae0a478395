import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the webhook page: subscriptions, their deliveries and attempts, replay. */

export type WebhookSubscription = Schema<'WebhookSubscription'>;
export type WebhookDelivery = Schema<'WebhookDelivery'>;
export type WebhookAttempt = Schema<'WebhookAttempt'>;
export type WebhookSecretIssued = Schema<'WebhookSecretIssued'>;
export type NewWebhook = RequestBodyOf<'/api/v1/integration/webhooks', 'post'>;
export type WebhookChange = RequestBodyOf<'/api/v1/integration/webhooks/{id}', 'patch'>;
export type DeliveryState = WebhookDelivery['state'];

const BASE = '/api/v1/integration/webhooks';
const KEY = ['integration-webhooks'] as const;

/** The province's subscriptions (a province has a handful: the first 100 are shown). */
export const useWebhooks = (province: string) =>
  useQuery({
    queryKey: [...KEY, 'list', province],
    enabled: province !== '',
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/integration/webhooks', 'get'>>(BASE, { province, limit: 100 }, signal),
  });

const useInvalidate = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: KEY });
};

export const useCreateWebhook = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewWebhook) => api.post<WebhookSecretIssued>(BASE, body),
    onSuccess: invalidate,
  });
};

/** Pause, resume or change, at the version read. */
export const useUpdateWebhook = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: WebhookChange & { id: string }) =>
      api.patch<WebhookSubscription>(`${BASE}/${id}`, body),
    onSettled: invalidate,
  });
};

export const useRotateWebhookSecret = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, expectedVersion }: { id: string; expectedVersion: number }) =>
      api.post<WebhookSecretIssued>(`${BASE}/${id}/rotate-secret`, { expectedVersion }),
    onSettled: invalidate,
  });
};

export const useDeleteWebhook = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, expectedVersion }: { id: string; expectedVersion: number }) =>
      api.delete<null>(`${BASE}/${id}?expectedVersion=${expectedVersion}`),
    onSettled: invalidate,
  });
};

/** A subscription's deliveries, newest first, a page at a time ("Xem thêm" asks for the next). */
export const useWebhookDeliveries = (id: string | null, state: DeliveryState | undefined) =>
  useInfiniteQuery({
    queryKey: [...KEY, 'deliveries', id, state ?? null],
    enabled: id !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/integration/webhooks/{id}/deliveries', 'get'>>(
        `${BASE}/${id}/deliveries`,
        { state, cursor: pageParam, limit: 20 },
        signal,
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useWebhookAttempts = (deliveryId: string) =>
  useQuery({
    queryKey: [...KEY, 'attempts', deliveryId],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/integration/webhooks/deliveries/{deliveryId}/attempts', 'get'>>(
        `${BASE}/deliveries/${deliveryId}/attempts`,
        { limit: 100 },
        signal,
      ),
  });

export const useReplayDelivery = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (deliveryId: string) => api.post<WebhookDelivery>(`${BASE}/deliveries/${deliveryId}/replay`),
    onSettled: invalidate,
  });
};

export const useReplayFailed = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.post<{ requeued: number }>(`${BASE}/${id}/replay-failed`),
    onSettled: invalidate,
  });
};
