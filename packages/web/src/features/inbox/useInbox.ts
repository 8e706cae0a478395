import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DossierStatus, Inbox, InboxBox } from '../../api/types';

export type InboxFilters = { box: InboxBox; q?: string; status?: DossierStatus[]; procedure?: string };

/** The inbox, keyset-paginated: each "Xem thêm" asks for the page after the last cursor. */
export const useInbox = (filters: InboxFilters, limit = 20) =>
  useInfiniteQuery({
    queryKey: ['inbox', filters, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<Inbox>(
        '/api/v1/dossiers',
        {
          box: filters.box,
          q: filters.q,
          status: filters.status,
          procedure: filters.procedure,
          cursor: pageParam,
          limit,
        },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
