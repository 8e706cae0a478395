import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Schema } from '../../api/contract';
import { portalProvinceOf, usePortalSettings } from '../portal/usePortalSettings';

export type PublicStatistics = Schema<'PublicStatistics'>;
export type PublicServiceIndex = Schema<'PublicServiceIndex'>;

/** The closed periods the province publishes. */
export const usePublicPeriods = (province: string | undefined) =>
  useQuery({
    queryKey: ['public-results', 'periods', province],
    enabled: province !== undefined,
    queryFn: ({ signal }) =>
      api.get<Schema<'PublicResultPeriods'>>('/api/v1/public/results/periods', { province }, signal),
  });

/** The portal's province, its closed periods and the one shown: the latest until the reader picks another. */
export const usePublicPeriodChoice = () => {
  const settings = usePortalSettings();
  const province = portalProvinceOf(settings.data);
  const periods = usePublicPeriods(province);
  const [choice, setChoice] = useState<string | undefined>();
  const period = choice ?? periods.data?.periods[0]?.value;
  return { province, periods, period, setChoice };
};
export type PublicPeriodChoice = ReturnType<typeof usePublicPeriodChoice>;

/** On-time rates by agency for a closed period. */
export const usePublicStatistics = (province: string | undefined, period: string | undefined) =>
  useQuery({
    queryKey: ['public-results', 'statistics', province, period],
    enabled: province !== undefined && period !== undefined,
    queryFn: ({ signal }) =>
      api.get<PublicStatistics>('/api/v1/public/results/statistics', { province, period }, signal),
  });

/** The Decision 766 ranking for a closed period. */
export const usePublicServiceIndex = (province: string | undefined, period: string | undefined) =>
  useQuery({
    queryKey: ['public-results', 'service-index', province, period],
    enabled: province !== undefined && period !== undefined,
    queryFn: ({ signal }) =>
      api.get<PublicServiceIndex>('/api/v1/public/results/service-index', { province, period }, signal),
  });

/** A download of the public figures. */
export const publicResultUrl = (
  kind: 'statistics.xlsx' | 'statistics.csv' | 'service-index.xlsx',
  province: string,
  period: string,
): string => `/api/v1/public/results/${kind}?province=${province}&period=${encodeURIComponent(period)}`;

/** The province's latest published SIPAS survey (404 when none: the page says so). */
export const usePublicSipas = (province: string | undefined) =>
  useQuery({
    queryKey: ['public-results', 'sipas', province],
    enabled: province !== undefined,
    retry: false,
    queryFn: ({ signal }) => api.get<Schema<'PublicSipas'>>('/api/v1/public/results/sipas', { province }, signal),
  });
