import { api } from '../../api/client';
import type { FormBody, RequestBodyOf } from '../../api/contract';
import type { OfficialRole, Page, User, UserSummary } from '../../api/types';

/** The officials' accounts: search, one account, its profile, status, password and roles. */

const userPath = (id: string) => `/api/v1/users/${id}`;

export const findUsers = (
  query: { q?: string; agency?: string | undefined; page?: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<Page<UserSummary>>('/api/v1/users', query, signal);

export const fetchUser = (id: string, signal?: AbortSignal) => api.get<User>(userPath(id), undefined, signal);

export const createUser = (body: FormBody<RequestBodyOf<'/api/v1/users', 'post'>>) =>
  api.post<User>('/api/v1/users', body);

export const updateUser = (id: string, body: FormBody<RequestBodyOf<'/api/v1/users/{id}', 'patch'>>) =>
  api.patch<User>(userPath(id), body);

export const resetUserPassword = (id: string, body: RequestBodyOf<'/api/v1/users/{id}/password', 'post'>) =>
  api.post<void>(`${userPath(id)}/password`, body);

export const grantRole = (id: string, body: FormBody<RequestBodyOf<'/api/v1/users/{id}/roles', 'post'>>) =>
  api.post<User>(`${userPath(id)}/roles`, body);

export const revokeRole = (id: string, grant: { agencyId: string; role: OfficialRole }) =>
  api.delete<User>(`${userPath(id)}/roles/${grant.agencyId}/${grant.role}`);
