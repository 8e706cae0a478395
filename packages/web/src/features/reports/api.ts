import { api, buildUrl, type Query } from '../../api/client';

/** Shapes of the report answers (see GET /api/v1/reports/* in /openapi.json). */
export type Text = { vi: string; en: string };

export type Percentage = {
  value: number | null;
  text: string;
  numerator: number;
  base: number;
  baseLabel: Text;
  /** Given with the totals only (the same for every group row). */
  label?: Text;
  rule?: string;
};

export type Figures = {
  carriedOver: number;
  receivedNew: number;
  receivedOnline: number;
  receivedDirect: number;
  receivedPostal: number;
  totalToProcess: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  resolvedNoDeadline: number;
  inProgress: number;
  inProgressNotDue: number;
  inProgressOverdue: number;
  returned: number;
  withdrawn: number;
  stopped: number;
  refused: number;
  percentages: Record<
    | 'early'
    | 'onTime'
    | 'late'
    | 'earlyOrOnTime'
    | 'earlyOrOnTimeOfDue'
    | 'lateOfDue'
    | 'progress766'
    | 'online'
    | 'resolvedOfTotal',
    Percentage
  >;
};

export type StatisticsGroup = {
  keys: Record<string, string | null>;
  labels: Record<string, string>;
  label: string;
  bucket: { start: string; from: string; to: string; label: Text } | null;
  figures: Figures;
};

export type StatisticsReport = {
  title: Text;
  period: { from: string; to: string; label: Text; asOf: string };
  scope: { kind: string; provinceCode: string; agency: { id: string; name: string } | null; label: Text };
  groupBy: string[];
  totals: Figures;
  groups: StatisticsGroup[];
  notes: Text[];
};

export type Indicator = {
  stt: number;
  code: string;
  name: string;
  max: number;
  status: 'scored' | 'no_data' | 'not_applicable';
  score: number | null;
  ratio: Percentage | null;
  note: Text | null;
  drillDown?: 'progress' | 'online_full' | 'data_reuse';
};

export type ServiceGroup = {
  key: string;
  no: number;
  name: string;
  max: number;
  maxAvailable: number;
  score: number;
  indicators: Indicator[];
};

export type ServiceUnit = {
  rank: number;
  kind: 'agency' | 'province';
  id: string;
  name: string;
  scope: 'province' | 'commune';
  result: {
    groups: ServiceGroup[];
    score: number;
    maxAvailable: number;
    maxFull: number;
    percentOfAvailable: number | null;
    adjustment: Text;
  };
};

export type ServiceIndexReport = {
  title: Text;
  period: { from: string; to: string; label: Text; asOf: string };
  units: ServiceUnit[];
  notHeld: { code: string; name: string; max: number; reason: Text }[];
  notes: Text[];
};

export type FigureDossier = {
  source: 'engine' | 'history';
  code: string;
  procedureName: string | null;
  agencyName: string | null;
  channel: string;
  status: string;
  receivedAt: string | null;
  legalDueAt: string | null;
  completedAt: string | null;
  completionClass: string | null;
};

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
  api.get<{ items: FigureDossier[]; nextCursor: string | null }>(
    '/api/v1/reports/dossiers',
    toQuery(filters, { figure, cursor, limit: 50 }),
    signal,
  );

export const exportUrl = (
  path: 'statistics.xlsx' | 'statistics.pdf' | 'service-index.xlsx',
  filters: ReportFilters,
  groupBy: string[] = [],
) =>
  buildUrl(
    `/api/v1/reports/${path}`,
    toQuery(filters, path === 'service-index.xlsx' ? { level: 'agency' } : { groupBy: groupBy.join(',') || undefined }),
  );

export type AgencyOption = { id: string; code: string; name: string };

export const searchAgencies = (q: string, province: string | undefined, signal?: AbortSignal) =>
  api.get<{ items: AgencyOption[] }>(
    '/api/v1/agencies',
    {
      q: q || undefined,
      province,
      pageSize: 50,
      kind: ['province_department', 'province_service_centre', 'commune_committee', 'province_committee'],
    },
    signal,
  );
