import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../../api/client';
import type { RequestBodyOf, ResponseOf, Schema } from '../../../api/contract';

export type ParRoundSummary = Schema<'ParRoundSummary'>;
export type ParRoundResults = Schema<'ParRoundResults'>;
export type ParResultGroup = ParRoundResults['groups'][number];
export type ParResultUnit = Schema<'ParResultUnit'>;
export type ParRoundProgress = Schema<'ParRoundProgress'>;
export type ParUnitProfile = Schema<'ParUnitProfile'>;
export type ParNationalTable = Schema<'ParNationalTable'>;
export type ParPublicationInput = RequestBodyOf<'/api/v1/par/results/rounds/{id}/publication', 'post'>;
type Published = ResponseOf<'/api/v1/par/results/rounds/{id}/publication', 'post'>;

/** Where a round's exports are: the console's (any stage, the organiser) or the public ones (published). */
export const parExportUrl = (
  kind: 'summary.xlsx' | 'appendix.pdf',
  target: { roundId: string } | { province: string; year: number },
): string =>
  'roundId' in target
    ? `/api/v1/par/results/rounds/${target.roundId}/${kind}`
    : `/api/v1/public/par/results/${kind}?province=${target.province}&year=${target.year}`;

/** The organiser's rounds, newest first. */
export const useParRounds = () =>
  useQuery({
    queryKey: ['par-results', 'rounds'],
    queryFn: ({ signal }) => api.get<{ items: ParRoundSummary[] }>('/api/v1/par/results/rounds', { limit: 20 }, signal),
  });

/** A round's ranking (provisional before publication, for the organiser). */
export const useParRoundResults = (roundId: string | undefined) =>
  useQuery({
    queryKey: ['par-results', 'round', roundId],
    enabled: roundId !== undefined,
    queryFn: ({ signal }) => api.get<ParRoundResults>(`/api/v1/par/results/rounds/${roundId}`, undefined, signal),
  });

/** Every unit's progress through an open round. */
export const useParRoundProgress = (roundId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['par-results', 'progress', roundId],
    enabled: roundId !== undefined && enabled,
    queryFn: ({ signal }) =>
      api.get<ParRoundProgress>(`/api/v1/par/results/rounds/${roundId}/progress`, undefined, signal),
  });

/** Publishes a round from the council stage. */
export const usePublishParRound = (roundId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ParPublicationInput) =>
      api.post<Published>(`/api/v1/par/results/rounds/${roundId}/publication`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['par-results'] });
    },
  });
};

/** A unit's published results over the years. */
export const useParUnitProfile = (agencyId: string | undefined) =>
  useQuery({
    queryKey: ['par-results', 'profile', agencyId],
    enabled: agencyId !== undefined,
    queryFn: ({ signal }) => api.get<ParUnitProfile>(`/api/v1/public/par/units/${agencyId}`, undefined, signal),
  });

/** The published rounds of a province (the portal). */
export const usePublishedParRounds = (province: string | undefined) =>
  useQuery({
    queryKey: ['par-results', 'public-rounds', province],
    enabled: province !== undefined,
    queryFn: ({ signal }) =>
      api.get<{ items: ParRoundSummary[] }>('/api/v1/public/par/rounds', { province, limit: 20 }, signal),
  });

/** The published results of a province for a year (the portal). */
export const usePublishedParResults = (province: string | undefined, year: number | undefined) =>
  useQuery({
    queryKey: ['par-results', 'public', province, year],
    enabled: province !== undefined && year !== undefined,
    queryFn: ({ signal }) => api.get<ParRoundResults>('/api/v1/public/par/results', { province, year }, signal),
  });

/** The national table of a year as the province entered it. */
export const useParNationalTable = (province: string | undefined, year: number) =>
  useQuery({
    queryKey: ['par-results', 'national', province, year],
    enabled: province !== undefined,
    queryFn: ({ signal }) => api.get<ParNationalTable>('/api/v1/public/par/national', { province, year }, signal),
  });

/** Imports the national table of a year from the Ministry's workbook (all or nothing). */
export const useImportParNationalTable = (year: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; onProgress?: (fraction: number) => void }) =>
      uploadFile<ParNationalTable>(`/api/v1/par/results/national/${year}/import`, input.file, {
        fileName: input.file.name,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['par-results', 'national'] });
    },
  });
};
