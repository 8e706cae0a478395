import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Dossier, DossierActions, DossierEvent } from '../../api/types';

const path = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`;

export const useDossier = (code: string) =>
  useQuery({ queryKey: ['dossier', code], queryFn: ({ signal }) => api.get<Dossier>(path(code), undefined, signal) });

export const useDossierEvents = (code: string) =>
  useQuery({
    queryKey: ['dossier', code, 'events'],
    queryFn: ({ signal }) => api.get<{ items: DossierEvent[] }>(`${path(code)}/events`, undefined, signal),
  });

export const useDossierActions = (code: string) =>
  useQuery({
    queryKey: ['dossier', code, 'actions'],
    queryFn: ({ signal }) => api.get<DossierActions>(`${path(code)}/actions`, undefined, signal),
  });
