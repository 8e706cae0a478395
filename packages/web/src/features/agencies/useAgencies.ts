import { api } from '../../api/client';
import type { FormBody, RequestBodyOf, ResponseOf } from '../../api/contract';
import type { AgencyAtDate, AgencyDetail, Page } from '../../api/types';

/** The agencies' requests: the tree, one agency and its history, and the reorganisations. */

const agencyPath = (id: string) => `/api/v1/agencies/${id}`;

export const findAgencies = (
  query: { q?: string; province?: string | undefined; parent?: string; pageSize: number },
  signal?: AbortSignal,
) => api.get<Page<AgencyAtDate>>('/api/v1/agencies', query, signal);

export const fetchAgency = (id: string, signal?: AbortSignal) =>
  api.get<AgencyDetail>(agencyPath(id), undefined, signal);

export const fetchAgencyChanges = (id: string, signal?: AbortSignal) =>
  api.get<ResponseOf<'/api/v1/agencies/{id}/changes', 'get'>>(`${agencyPath(id)}/changes`, undefined, signal);

export const createAgency = (body: FormBody<RequestBodyOf<'/api/v1/agencies', 'post'>>) =>
  api.post<AgencyDetail>('/api/v1/agencies', body);

export const renameAgency = (id: string, body: FormBody<RequestBodyOf<'/api/v1/agencies/{id}', 'patch'>>) =>
  api.patch(agencyPath(id), body);

export const moveAgency = (id: string, body: FormBody<RequestBodyOf<'/api/v1/agencies/{id}/move', 'post'>>) =>
  api.post(`${agencyPath(id)}/move`, body);

export const mergeAgencies = (body: FormBody<RequestBodyOf<'/api/v1/agencies/merge', 'post'>>) =>
  api.post<ResponseOf<'/api/v1/agencies/merge', 'post'>>('/api/v1/agencies/merge', body);
