import { api, type Query } from '../../api/client';
import type { ProcedureDetail, ProcedureSearch, ProcedureVersionWithRow } from '../../api/types';

/**
 * The procedure catalog's requests: search, one procedure, its versions (open, draft, save, publish)
 * and adopting a national procedure into a province's catalog. The counter and the portal search and
 * read procedures through these too.
 */

type Catalog = string | null | undefined;

const procedurePath = (code: string) => `/api/v1/procedures/${encodeURIComponent(code)}`;

export const searchProcedures = (query: Query, signal?: AbortSignal) =>
  api.get<ProcedureSearch>('/api/v1/procedures', query, signal);

export const fetchProcedure = (code: string, catalog: Catalog, signal?: AbortSignal) =>
  api.get<ProcedureDetail>(procedurePath(code), { catalog }, signal);

export const adoptProcedure = (catalog: Catalog, fromNational: string) =>
  api.post<ProcedureDetail>('/api/v1/procedures', { catalog, fromNational });

export const fetchProcedureVersion = (code: string, catalog: Catalog, no: number) =>
  api.get<ProcedureVersionWithRow>(`${procedurePath(code)}/versions/${no}`, { catalog });

export const createDraftVersion = (code: string, catalog: Catalog, expectedVersion: number | undefined) =>
  api.post<ProcedureVersionWithRow>(`${procedurePath(code)}/versions`, { expectedVersion }, { query: { catalog } });

export const saveDraftVersion = (code: string, no: number, body: unknown, catalog: Catalog) =>
  api.put<ProcedureVersionWithRow>(`${procedurePath(code)}/versions/${no}`, body, { query: { catalog } });

export const publishVersion = (
  code: string,
  catalog: Catalog,
  no: number,
  body: { expectedVersion: number; effectiveFrom: string },
) => api.post<ProcedureVersionWithRow>(`${procedurePath(code)}/versions/${no}/publish`, body, { query: { catalog } });
