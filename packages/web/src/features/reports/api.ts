import { api, buildUrl, type Query } from '../../api/client';
import type { ResponseOf, Schema } from '../../api/contract';
import type { AgencyAtDate, Page } from '../../api/types';

/** The report answers, read from the server's contract (see GET /api/v1/reports/* in /openapi.json). */
export type StatisticsReport = Schema<'StatisticsReport'>;
export type Figures = StatisticsReport['totals'];
export type Percentage = Figures['percentages']['early'];
export type Text = Percentage['baseLabel'];
export type StatisticsGroup = StatisticsReport['groups'][number];

export type ServiceIndexReport = Schema<'ServiceIndexReport'>;
export type ServiceUnit = ServiceIndexReport['units'][number];
export type ServiceGroup = ServiceUnit['result']['groups'][number];
export type Indicator = ServiceGroup['indicators'][number];

export type FigureDossier = Schema<'FigureDossier'>;

export type ReportFilters = {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  scope?: 'province' | 'agency' | undefined;
  agency?: string | undefined;
  subagencies?: boolean | undefined;
  channels?: string[] | undefined;
};

const toQuery = (filters: ReportFilters, extra: Query = {}): Query => ({
  period: filters.period,
  from: filters.period ? undefined : filters.from,
  to: filters.period ? undefined : filters.to,
  scope: filters.scope,
  agency: filters.scope === 'agency' ? filters.agency : undefined,
  subagencies: filters.scope === 'agency' && filters.subagencies === false ? 'false' : undefined,
  channels: filters.channels && filters.channels.length > 0 ? filters.channels.join(',') : undefined,
  ...extra,
});

export const fetchStatistics = (filters: ReportFilters, groupBy: string[], signal?: AbortSignal) =>
  api.get<StatisticsReport>(
    '/api/v1/reports/statistics',
    toQuery(filters, { groupBy: groupBy.join(',') || undefined }),
    signal,
  );

export const fetchServiceIndex = (filters: ReportFilters, signal?: AbortSignal) =>
  api.get<ServiceIndexReport>('/api/v1/reports/service-index', toQuery(filters, { level: 'agency' }), signal);

export const fetchFigureDossiers = (filters: ReportFilters, figure: string, cursor?: string, signal?: AbortSignal) =>
  api.get<ResponseOf<'/api/v1/reports/dossiers', 'get'>>(
    '/api/v1/reports/dossiers',
    toQuery(filters, { figure, cursor, limit: 50 }),
    signal,
  );

export const exportUrl = (
  path: 'statistics.xlsx' | 'statistics.pdf' | 'service-index.xlsx',
  filters: ReportFilters,
  groupBy: string[] = [],
  /** Decimals of the statistics' percentages: 1 as published reports print them, 2 by default. */
  decimals: 1 | 2 = 2,
) =>
  buildUrl(
    `/api/v1/reports/${path}`,
    toQuery(
      filters,
      path === 'service-index.xlsx'
        ? { level: 'agency' }
        : { groupBy: groupBy.join(',') || undefined, decimals: decimals === 1 ? '1' : undefined },
    ),
  );

export type AgencyOption = Pick<AgencyAtDate, 'id' | 'code' | 'name'>;

export const searchAgencies = (q: string, province: string | undefined, signal?: AbortSignal) =>
  api.get<Page<AgencyAtDate>>(
    '/api/v1/agencies',
    {
      q: q || undefined,
      province,
      pageSize: 50,
      kind: ['province_department', 'province_service_centre', 'commune_committee', 'province_committee'],
    },
    signal,
  );
