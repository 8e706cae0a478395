import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PortalSettings } from '../../api/portal-types';

export const PORTAL_SETTINGS_KEY = ['portal-settings'] as const;

/**
 * The installation's portal settings (how citizens sign in, the upload limits the server enforces,
 * the payment platform, the provinces served). Read once per visit: they change only when the
 * server is configured anew.
 */
export const usePortalSettings = () =>
  useQuery({
    queryKey: PORTAL_SETTINGS_KEY,
    queryFn: ({ signal }) => api.get<PortalSettings>('/api/v1/public/settings', undefined, signal),
    staleTime: 60 * 60_000,
    gcTime: Number.POSITIVE_INFINITY,
  });

/**
 * The province the portal serves: the site of the request's host name (issue 22 item 4), else the first province
 * the install serves (an install without sites).
 */
export const portalProvinceOf = (settings: PortalSettings | undefined): string | undefined =>
  settings?.site?.provinceCode ?? settings?.provinces[0]?.code;
