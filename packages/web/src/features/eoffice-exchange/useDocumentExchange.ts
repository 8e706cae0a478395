import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { ResponseOf, Schema } from '../../api/contract';

/** Every request of the exchange page (Liên thông văn bản): issued documents, what was sent and received, the files. */

export type OutgoingExchange = Schema<'OutgoingExchange'>;
export type IssuedForExchange = Schema<'IssuedForExchange'>;
export type SentDeliveries = Schema<'SentDeliveries'>;
export type ReceivedPackages = Schema<'ReceivedExchangePackages'>;
export type ImportedPackage = Schema<'ImportedExchangePackage'>;
export type ImportedStatuses = Schema<'ImportedExchangeStatuses'>;
export type ExportedPackage = Schema<'ExportedExchangePackage'>;

const pages = <T extends { nextCursor: string | null }>(key: string, path: string, agencyId: string | undefined) => ({
  queryKey: ['exchange', key, agencyId],
  initialPageParam: undefined as string | undefined,
  queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
    api.get<T>(path, { agencyId, cursor: pageParam, limit: 20 }, signal),
  getNextPageParam: (last: T) => last.nextCursor ?? undefined,
  enabled: !!agencyId,
});

/** The agency's issued outgoing documents, keyset-paginated ("Xem thêm"). */
export const useIssuedForExchange = (agencyId: string | undefined) =>
  useInfiniteQuery(pages<IssuedForExchange>('issued', '/api/v1/document-exchange/outgoing', agencyId));

/** What the agency sent (through the system and by package), newest first. */
export const useSentDeliveries = (agencyId: string | undefined) =>
  useInfiniteQuery(pages<SentDeliveries>('sent', '/api/v1/document-exchange/sent', agencyId));

/** What the agency received by package, newest first. */
export const useReceivedPackages = (agencyId: string | undefined) =>
  useInfiniteQuery(pages<ReceivedPackages>('received', '/api/v1/document-exchange/received', agencyId));

/** Each recipient of an outgoing document and its status messages. */
export const useOutgoingExchange = (outgoingId: string) =>
  useQuery({
    queryKey: ['exchange', 'outgoing', outgoingId],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/document-exchange/outgoing/{id}', 'get'>>(
        `/api/v1/document-exchange/outgoing/${encodeURIComponent(outgoingId)}`,
        undefined,
        signal,
      ),
  });

/** Exports the package of a document for one recipient of another system (the same package if exported before). */
export const useExportPackage = (outgoingId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recipientId: string) =>
      api.post<ExportedPackage>(
        `/api/v1/document-exchange/outgoing/${encodeURIComponent(outgoingId)}/recipients/${encodeURIComponent(recipientId)}/package`,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exchange'] }),
  });
};

/** Imports a received package (for the agency chosen). */
export const useImportPackage = (agencyId: string | undefined) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<ImportedPackage>(
        `/api/v1/document-exchange/packages/import${agencyId ? `?agencyId=${encodeURIComponent(agencyId)}` : ''}`,
        file,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exchange'] }),
  });
};

/** Imports status messages another system sent back. */
export const useImportStatuses = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<ImportedStatuses>('/api/v1/document-exchange/status-messages/import', file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exchange'] }),
  });
};

export const packageFileUrl = (packageId: string) =>
  `/api/v1/document-exchange/packages/${encodeURIComponent(packageId)}/file`;
export const statusFileUrl = (deliveryId: string) =>
  `/api/v1/document-exchange/deliveries/${encodeURIComponent(deliveryId)}/status-messages/file`;
