import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { QueryOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the document registers page (registers to download, statistics, search). */

export type DocumentStatistics = Schema<'DocumentStatistics'>;
export type DocumentRate = Schema<'DocumentRate'>;
export type DocumentSearchHit = Schema<'DocumentSearchPage'>['items'][number];
export type DocumentKind = 'incoming' | 'outgoing';
type SearchQuery = QueryOf<'/api/v1/document-registers/search', 'get'>;

export type RegisterPeriod = { agency: string; from: string; to: string };

/** The register's file (PDF or Excel) for the period, opened by the browser as a download. */
export const documentRegisterUrl = (format: 'pdf' | 'xlsx', kind: DocumentKind, period: RegisterPeriod): string =>
  `/api/v1/document-registers/register.${format}?${new URLSearchParams({ kind, ...period }).toString()}`;

export const useDocumentStatistics = (period: RegisterPeriod | null) =>
  useQuery({
    queryKey: ['document-registers', 'statistics', period],
    enabled: period !== null,
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/document-registers/statistics', 'get'>>(
        '/api/v1/document-registers/statistics',
        period ?? undefined,
        signal,
      ),
  });

/** The search, keyset-paginated: each "Xem thêm" asks for the page after the last cursor. */
export const useDocumentSearch = (query: Omit<SearchQuery, 'cursor' | 'limit'> | null, limit = 20) =>
  useInfiniteQuery({
    queryKey: ['document-registers', 'search', query, limit],
    enabled: query !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/document-registers/search', 'get'>>(
        '/api/v1/document-registers/search',
        { ...query, cursor: pageParam, limit },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
