import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ResponseOf, Schema } from '../../api/contract';

/** Every request of the portal menu console page: the options, the published pages, the menu and its save. */

export type PortalMenu = Schema<'PortalMenu'>;
export type PortalMenuEntry = PortalMenu['items'][number];

const KEY = 'portal-menu';

export const usePortalMenu = () =>
  useQuery({
    queryKey: [KEY, 'menu'],
    queryFn: ({ signal }) => api.get<PortalMenu>('/api/v1/portal-content/menu', undefined, signal),
  });

export const usePortalMenuOptions = () =>
  useQuery({
    queryKey: [KEY, 'options'],
    queryFn: ({ signal }) =>
      api.get<Schema<'PortalContentOptions'>>('/api/v1/portal-content/options', undefined, signal),
  });

/** The province's published static pages (one page of 100: a menu names a handful). */
export const usePublishedPortalPages = () =>
  useQuery({
    queryKey: [KEY, 'pages'],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/portal-content/items', 'get'>>(
        '/api/v1/portal-content/items',
        { kind: 'page', status: 'published', limit: 100 },
        signal,
      ),
  });

/** Saves the whole menu at the version read (409 VERSION_CONFLICT when someone saved meanwhile). */
export const useSavePortalMenu = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'PortalMenuSave'>) => api.put<PortalMenu>('/api/v1/portal-content/menu', body),
    onSuccess: (menu) => queryClient.setQueryData([KEY, 'menu'], menu),
  });
};
