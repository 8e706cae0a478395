import { useQuery } from '@tanstack/react-query';
import { api, isApiError, setCitizenCsrfToken } from '../../api/client';
import type { CitizenMe } from '../../api/portal-types';

/** Query keys of the citizen's data start with 'citizen': a 401 on any of them signs the citizen out. */
export const CITIZEN_ME_KEY = ['citizen', 'me'] as const;

/** The signed-in citizen (and their CSRF token for writes), or null when nobody is signed in. */
export const fetchCitizenMe = async (signal?: AbortSignal): Promise<CitizenMe | null> => {
  try {
    const me = await api.get<CitizenMe>('/api/v1/citizen/me', undefined, signal);
    setCitizenCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCitizenCsrfToken(null);
      return null;
    }
    throw error;
  }
};

export const signInCitizen = (body: { username: string; password: string }) =>
  api.post<CitizenMe>('/api/v1/citizen/auth/login', body);

export const signOutCitizen = () => api.post<void>('/api/v1/citizen/auth/logout');

export const useCitizen = () =>
  useQuery({
    queryKey: CITIZEN_ME_KEY,
    queryFn: ({ signal }) => fetchCitizenMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
