import { api } from '../../api/client';
import type { ResponseOf, Schema } from '../../api/contract';

/** The catalog pulls from the national portal, read from the server's contract (/api/v1/integration/catalog-pulls). */
export type CatalogPullRun = Schema<'CatalogPullRun'>;
export type CatalogPullState = CatalogPullRun['state'];
export type CatalogPullChange = CatalogPullRun['summary']['changes'][number];

export const startCatalogPull = () => api.post<CatalogPullRun>('/api/v1/integration/catalog-pulls');

export const fetchCatalogPull = (id: string, signal?: AbortSignal) =>
  api.get<CatalogPullRun>(`/api/v1/integration/catalog-pulls/${encodeURIComponent(id)}`, undefined, signal);

export const fetchCatalogPulls = (cursor: string | undefined, signal?: AbortSignal) =>
  api.get<ResponseOf<'/api/v1/integration/catalog-pulls', 'get'>>(
    '/api/v1/integration/catalog-pulls',
    { cursor, limit: 10 },
    signal,
  );
