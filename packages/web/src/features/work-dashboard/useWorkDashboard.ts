import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ResponseOf, Schema } from '../../api/contract';

/** Every request of the leader's dashboard (figures, the records behind a figure, the Excel file). */

export type WorkDashboard = Schema<'WorkDashboard'>;
export type WorkDashboardFigure = Schema<'WorkDashboardFigure'>;
export type DashboardTask = Schema<'WorkDashboardTaskPage'>['items'][number];
export type DashboardDossier = Schema<'WorkDashboardDossierPage'>['items'][number];

/** Whose records: a unit of the dashboard or one of its officials. */
export type DrillDownWho = { unit: string } | { user: string };
export type DrillDown =
  | { kind: 'tasks'; filter: 'open' | 'overdue' | 'due_week'; who: DrillDownWho; title: string }
  | { kind: 'dossiers'; filter: 'held' | 'overdue'; who: DrillDownWho; title: string };

export const workDashboardWorkbookUrl = (unit: string | undefined): string =>
  `/api/v1/work-dashboard/workbook.xlsx${unit ? `?${new URLSearchParams({ unit }).toString()}` : ''}`;

export const useWorkDashboard = (unit: string | undefined) =>
  useQuery({
    queryKey: ['work-dashboard', unit ?? null],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/work-dashboard', 'get'>>('/api/v1/work-dashboard', unit ? { unit } : {}, signal),
  });

/** The records behind a figure, a page at a time ("Xem thêm" asks for the next). */
export const useDrillDown = (drill: DrillDown | null, limit = 20) =>
  useInfiniteQuery({
    queryKey: ['work-dashboard', 'drill-down', drill?.kind, drill?.filter, drill?.who, limit],
    enabled: drill !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) => {
      const query = { ...drill?.who, filter: drill?.filter, cursor: pageParam, limit };
      if (drill?.kind === 'dossiers') {
        const page = await api.get<ResponseOf<'/api/v1/work-dashboard/dossiers', 'get'>>(
          '/api/v1/work-dashboard/dossiers',
          query,
          signal,
        );
        return { kind: 'dossiers' as const, ...page };
      }
      const page = await api.get<ResponseOf<'/api/v1/work-dashboard/tasks', 'get'>>(
        '/api/v1/work-dashboard/tasks',
        query,
        signal,
      );
      return { kind: 'tasks' as const, ...page };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
