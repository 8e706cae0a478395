import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/contract';
import type { ProcedureDecision } from './usePortalDecisions';

/** Every request of the console's procedure-decision pages: the lists, one decision, drafting, saving, publishing. */

type ManagedPage = ResponseOf<'/api/v1/procedure-decisions', 'get'>;
export type DecisionDraftInput = Parameters<typeof draftDecision>[0];
export type DecisionChangeInput = Parameters<typeof changeDecision>[1];
export type ProcedureSearchPage = ResponseOf<'/api/v1/procedures', 'get'>;

const KEY = 'decision-drafts';

const draftDecision = (body: {
  number: string;
  signedOn: string;
  title: string;
  importId?: string;
  items?: { procedureCode: string; changeKind: 'new' | 'amended' | 'abolished'; procedureName?: string }[];
}) => api.post<ProcedureDecision>('/api/v1/procedure-decisions', body);

const changeDecision = (
  id: string,
  body: {
    version: number;
    number: string;
    signedOn: string;
    title: string;
    effectiveOn: string | null;
    signer: string | null;
    items: { procedureCode: string; changeKind: 'new' | 'amended' | 'abolished'; procedureName?: string }[];
  },
) => api.put<ProcedureDecision>(`/api/v1/procedure-decisions/${encodeURIComponent(id)}`, body);

/** The province's decisions of one status, newest signature first, one keyset page at a time. */
export const useManagedDecisions = (status: 'draft' | 'published') =>
  useInfiniteQuery({
    queryKey: [KEY, 'list', status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ManagedPage>(
        '/api/v1/procedure-decisions',
        { status, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useManagedDecision = (id: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'one', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) =>
      api.get<ProcedureDecision>(`/api/v1/procedure-decisions/${encodeURIComponent(id ?? '')}`, undefined, signal),
  });

/** The catalog's procedures matching a search (the province's entries first), drafts excluded. */
export const useProcedureSearch = (q: string) =>
  useQuery({
    queryKey: [KEY, 'search', q],
    enabled: q.trim().length > 0,
    queryFn: ({ signal }) => api.get<ProcedureSearchPage>('/api/v1/procedures', { q, pageSize: 10 }, signal),
  });

export const useDraftDecision = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: draftDecision,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'list'] }),
  });
};

export const useChangeDecision = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionChangeInput) => changeDecision(id, body),
    onSuccess: (decision) => {
      queryClient.setQueryData([KEY, 'one', id], decision);
      void queryClient.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
};

export const usePublishDecision = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api.post<ProcedureDecision>(`/api/v1/procedure-decisions/${encodeURIComponent(id)}/publication`, { version }),
    onSuccess: (decision) => {
      queryClient.setQueryData([KEY, 'one', id], decision);
      void queryClient.invalidateQueries({ queryKey: [KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['portal-decisions'] });
    },
  });
};
