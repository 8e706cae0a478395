import { useQuery } from '@tanstack/react-query';
import type { RequestOptions } from '../../api/client';
import { api, uploadFile } from '../../api/client';
import type { FormBody, RequestBodyOf, ResponseOf } from '../../api/contract';
import type { ActionResult, Dossier, DossierAction, DossierActions, ResultDocument } from '../../api/types';

const path = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`;

export const useDossier = (code: string) =>
  useQuery({ queryKey: ['dossier', code], queryFn: ({ signal }) => api.get<Dossier>(path(code), undefined, signal) });

export const useDossierEvents = (code: string) =>
  useQuery({
    queryKey: ['dossier', code, 'events'],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/dossiers/{code}/events', 'get'>>(`${path(code)}/events`, undefined, signal),
  });

export const useDossierActions = (code: string) =>
  useQuery({
    queryKey: ['dossier', code, 'actions'],
    queryFn: ({ signal }) => api.get<DossierActions>(`${path(code)}/actions`, undefined, signal),
  });

/** Performs an action on the dossier (guarded by its version; retried safely with the idempotency key). */
export const performAction = (
  code: string,
  action: DossierAction,
  body: FormBody<RequestBodyOf<'/api/v1/dossiers/{code}/actions/{action}', 'post'>>,
  options: Pick<RequestOptions, 'headers'>,
) => api.post<ActionResult>(`${path(code)}/actions/${action}`, body, options);

/** Generates the result document from the template of the dossier's procedure version. */
export const generateResult = (code: string, documentNo: string) =>
  api.post<ResultDocument>(`${path(code)}/results/generate`, { documentNo });

/** Attaches a signed result document (PDF) to the dossier. */
export const attachResult = (code: string, input: { file: File; name: string; documentNo?: string | undefined }) => {
  const query = new URLSearchParams({ kind: 'result', name: input.name });
  if (input.documentNo) {
    query.set('documentNo', input.documentNo);
  }
  return uploadFile<ResultDocument>(`${path(code)}/documents?${query.toString()}`, input.file);
};
