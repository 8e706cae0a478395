import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Schema } from '../../api/contract';

export type ProcedureDecision = Schema<'ProcedureDecision'>;
export type ProcedureDecisionPage = Schema<'ProcedureDecisionPage'>;

/** The province's published decisions, one keyset page at a time (the portal). */
export const usePublishedDecisions = (province: string | undefined, cursor: string | undefined) =>
  useQuery({
    queryKey: ['portal-decisions', 'list', province, cursor],
    enabled: province !== undefined,
    queryFn: ({ signal }) =>
      api.get<ProcedureDecisionPage>('/api/v1/public/procedure-decisions', { province, cursor, limit: 20 }, signal),
  });

/** One published decision with the procedures it changed. */
export const usePublishedDecision = (id: string | undefined) =>
  useQuery({
    queryKey: ['portal-decisions', 'one', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api.get<ProcedureDecision>(`/api/v1/public/procedure-decisions/${id}`, undefined, signal),
  });

/** The published decisions that changed a procedure (its page). */
export const useDecisionsOfProcedure = (code: string, catalog: string) =>
  useQuery({
    queryKey: ['portal-decisions', 'of-procedure', catalog, code],
    queryFn: ({ signal }) =>
      api.get<Schema<'DecisionsOfProcedure'>>(
        `/api/v1/public/procedures/${encodeURIComponent(code)}/decisions`,
        { catalog },
        signal,
      ),
  });

/** The forms of a procedure with their file types (its page). */
export const useProcedureForms = (code: string, catalog: string) =>
  useQuery({
    queryKey: ['portal-decisions', 'forms', catalog, code],
    queryFn: ({ signal }) =>
      api.get<Schema<'ProcedureForms'>>(
        `/api/v1/public/procedures/${encodeURIComponent(code)}/forms`,
        { catalog },
        signal,
      ),
  });
