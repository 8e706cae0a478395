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

/**
 * Where the console's home sends an official who handles no dossiers: the first area, in the menu's order, that
 * one of their roles opens (the e-office, the catalog, the agencies, the PAR Index, the surveys, PAKN, the portal,
 * the evaluation); the hosting centre's administrator goes to the provinces. The users page is the last resort.
 */
const LANDINGS: readonly (readonly [readonly OfficialRole[], string])[] = [
  [['clerk', 'specialist', 'unit_head', 'agency_head'], '/can-bo/van-ban-den'],
  [['province_admin'], '/can-bo/thu-tuc'],
  [['agency_admin'], '/can-bo/co-quan'],
  [['par_organiser'], '/can-bo/chi-so-cchc/ket-qua'],
  [['par_focal', 'par_appraiser'], '/can-bo/chi-so-cchc'],
  [['sipas_organiser', 'surveyor'], '/can-bo/khao-sat'],
  [['pakn_officer'], '/can-bo/pakn'],
  [['portal_author', 'portal_editor'], '/can-bo/cong-thong-tin'],
  [['personnel_officer'], '/can-bo/danh-gia'],
];

export const landingPathOf = (me: Me): string =>
  LANDINGS.find(([roles]) => hasRole(me, ...roles))?.[1] ??
  (me.hostingAdmin ? '/can-bo/he-thong/tinh-thanh' : '/can-bo/nguoi-dung');
