import { useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../api/client';
import type { Me, OfficialRole } from '../../api/types';

/** The signed-in official, or null when nobody is signed in (401). */
export const fetchMe = async (signal?: AbortSignal): Promise<Me | null> => {
  try {
    const me = await api.get<Me>('/api/v1/me', undefined, signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
};

export const signInOfficial = (body: { username: string; password: string }) =>
  api.post<Me>('/api/v1/auth/login', body);

export const signOutOfficial = () => api.post<void>('/api/v1/auth/logout');

export const useMe = () =>
  useQuery({ queryKey: ['me'], queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000, retry: false });

export const hasRole = (me: Me | null | undefined, ...roles: OfficialRole[]): boolean =>
  !!me?.roles.some((grant) => roles.includes(grant.role));

/** Agencies where the official holds one of the roles (each once). */
export const agenciesWithRole = (me: Me | null | undefined, ...roles: OfficialRole[]) => {
  const seen = new Map<string, { id: string; code: string; name: string }>();
  for (const grant of me?.roles ?? []) {
    if (roles.includes(grant.role) && !seen.has(grant.agencyId)) {
      seen.set(grant.agencyId, { id: grant.agencyId, code: grant.agencyCode, name: grant.agencyName });
    }
  }
  return [...seen.values()];
};

export const DOSSIER_ROLES: OfficialRole[] = ['receptionist', 'processor', 'approver', 'result_returner', 'auditor'];
