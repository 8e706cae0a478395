import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { RequestBodyOf, Schema } from '../../api/contract';
import { PORTAL_SETTINGS_KEY } from '../portal/usePortalSettings';

/** A province's site as an official reads it (issue 22 item 4). */
export type ProvinceSiteView = Schema<'ProvinceSiteView'>;
export type BrandingInput = RequestBodyOf<'/api/v1/province-site', 'put'>;

export const PROVINCE_SITE_KEY = ['province-site'] as const;

/** The caller's province site: the console's header shows its name, the appearance page edits it. */
export const useProvinceSite = (enabled = true) =>
  useQuery({
    queryKey: PROVINCE_SITE_KEY,
    queryFn: ({ signal }) => api.get<ProvinceSiteView>('/api/v1/province-site', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });

/** After a write: the site as answered, and the portal's settings read again (its header shows the change). */
const useSiteWrite = <Input>(write: (input: Input) => Promise<ProvinceSiteView>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (site) => {
      queryClient.setQueryData(PROVINCE_SITE_KEY, site);
      void queryClient.invalidateQueries({ queryKey: PORTAL_SETTINGS_KEY });
    },
  });
};

export const useSaveBranding = () =>
  useSiteWrite((body: BrandingInput) => api.put<ProvinceSiteView>('/api/v1/province-site', body));

export const useUploadEmblem = () =>
  useSiteWrite(({ file, expectedVersion }: { file: File; expectedVersion: number }) =>
    uploadFile<ProvinceSiteView>(`/api/v1/province-site/emblem?expectedVersion=${expectedVersion}`, file, {
      fileName: file.name,
    }),
  );

export const useRemoveEmblem = () =>
  useSiteWrite((expectedVersion: number) =>
    api.delete<ProvinceSiteView>('/api/v1/province-site/emblem', { query: { expectedVersion } }),
  );
