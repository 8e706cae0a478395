import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../../api/client';
import type { RequestBodyOf, ResponseOf } from '../../../api/contract';

/** Every request of the PAR round and scorecard pages. */
export type ParRound = ResponseOf<'/api/v1/par/rounds/{roundId}', 'get'>;
export type ParRoundUnits = ResponseOf<'/api/v1/par/rounds/{roundId}/units', 'get'>;
export type ParScorecard = ResponseOf<'/api/v1/par/rounds/{roundId}/units/{agencyId}/scorecard', 'get'>;
export type ParScoreInput = RequestBodyOf<'/api/v1/par/rounds/{roundId}/units/{agencyId}/scores/{code}', 'put'>;
export type ParCreateRound = RequestBodyOf<'/api/v1/par/rounds', 'post'>;
export type ParAdvanceAction = RequestBodyOf<'/api/v1/par/rounds/{roundId}/advance', 'post'>['action'];
export type ParUnitAction = RequestBodyOf<'/api/v1/par/rounds/{roundId}/units/{agencyId}/actions', 'post'>['action'];
export type ParAdjustmentInput = RequestBodyOf<
  '/api/v1/par/rounds/{roundId}/units/{agencyId}/adjustments/{kind}',
  'put'
>;
export type ParHistory = ResponseOf<'/api/v1/par/rounds/{roundId}/units/{agencyId}/history', 'get'>;
export type ParFigures = ResponseOf<'/api/v1/par/rounds/{roundId}/units/{agencyId}/system-figures', 'post'>;

const ROUNDS = '/api/v1/par/rounds';
const unitPath = (roundId: string, agencyId: string) => `${ROUNDS}/${roundId}/units/${agencyId}`;

/** The deadlines of a round, in the order of its stages. */
export const PAR_ROUND_DEADLINES = [
  'selfAssessmentDue',
  'appraisal1Due',
  'explanationDue',
  'appraisal2Due',
  'councilDue',
] as const;

export const useParRounds = () =>
  useQuery({
    queryKey: ['par', 'rounds'],
    queryFn: ({ signal }) => api.get<{ items: ParRound[] }>(ROUNDS, undefined, signal),
  });

export const useParRoundUnits = (roundId: string, lateOnly: boolean) =>
  useQuery({
    queryKey: ['par', 'rounds', roundId, 'units', lateOnly],
    queryFn: ({ signal }) =>
      api.get<ParRoundUnits>(
        `${ROUNDS}/${roundId}/units`,
        { limit: '500', ...(lateOnly ? { late: 'true' } : {}) },
        signal,
      ),
  });

export const useParScorecard = (roundId: string, agencyId: string) =>
  useQuery({
    queryKey: ['par', 'scorecard', roundId, agencyId],
    queryFn: ({ signal }) => api.get<ParScorecard>(`${unitPath(roundId, agencyId)}/scorecard`, undefined, signal),
  });

const useInvalidatePar = () => {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['par'] });
};

export const useCreateParRound = () => {
  const invalidate = useInvalidatePar();
  return useMutation({ mutationFn: (body: ParCreateRound) => api.post<ParRound>(ROUNDS, body), onSuccess: invalidate });
};

export const useAdvanceParRound = () => {
  const invalidate = useInvalidatePar();
  return useMutation({
    mutationFn: (input: { roundId: string; expectedVersion: number; action: ParAdvanceAction }) =>
      api.post<ParRound>(`${ROUNDS}/${input.roundId}/advance`, {
        expectedVersion: input.expectedVersion,
        action: input.action,
      }),
    onSuccess: invalidate,
  });
};

export type ParAppraiserCandidates = ResponseOf<'/api/v1/par/rounds/{roundId}/appraiser-candidates', 'get'>;
export type ParRoundAppraisers = ResponseOf<'/api/v1/par/rounds/{roundId}/appraisers', 'get'>;

/** The province's PAR appraisers found by name, for the organiser to assign (first 20 matches). */
export const useParAppraiserCandidates = (roundId: string, query: string, enabled: boolean) =>
  useQuery({
    queryKey: ['par', 'rounds', roundId, 'appraiser-candidates', query],
    enabled,
    queryFn: ({ signal }) =>
      api.get<ParAppraiserCandidates>(
        `${ROUNDS}/${roundId}/appraiser-candidates`,
        { limit: '20', ...(query ? { q: query } : {}) },
        signal,
      ),
  });

/** The appraisers assigned to the units of a round (organiser). */
export const useParRoundAppraisers = (roundId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['par', 'rounds', roundId, 'appraisers'],
    enabled,
    queryFn: ({ signal }) => api.get<ParRoundAppraisers>(`${ROUNDS}/${roundId}/appraisers`, undefined, signal),
  });

export const useAssignParAppraiser = (roundId: string) => {
  const invalidate = useInvalidatePar();
  return useMutation({
    mutationFn: (body: { agencyId: string; userId: string }) => api.post(`${ROUNDS}/${roundId}/appraisers`, body),
    onSuccess: invalidate,
  });
};

export const useWriteParScore = (roundId: string, agencyId: string) => {
  const invalidate = useInvalidatePar();
  return useMutation({
    mutationFn: (input: { code: string; body: ParScoreInput }) =>
      api.put(`${unitPath(roundId, agencyId)}/scores/${input.code}`, input.body),
    onSuccess: invalidate,
  });
};

export const useWriteParAdjustment = (roundId: string, agencyId: string) => {
  const invalidate = useInvalidatePar();
  return useMutation({
    mutationFn: (input: { kind: 'bonus' | 'penalty'; body: ParAdjustmentInput }) =>
      api.put(`${unitPath(roundId, agencyId)}/adjustments/${input.kind}`, input.body),
    onSuccess: invalidate,
  });
};

/** The unit's whole history, every page (the API pages oldest first by seq). */
export const useParHistory = (roundId: string, agencyId: string) =>
  useQuery({
    queryKey: ['par', 'history', roundId, agencyId],
    queryFn: async ({ signal }) => {
      const items: ParHistory['items'] = [];
      for (let afterSeq: number | null = 0; afterSeq !== null; ) {
        const page: ParHistory = await api.get<ParHistory>(
          `${unitPath(roundId, agencyId)}/history`,
          { afterSeq: String(afterSeq), limit: '500' },
          signal,
        );
        items.push(...page.items);
        afterSeq = page.nextAfterSeq;
      }
      return items;
    },
  });

export const useActOnParUnit = (roundId: string, agencyId: string) => {
  const invalidate = useInvalidatePar();
  return useMutation({
    mutationFn: (body: { action: ParUnitAction; expectedVersion: number; reason?: string }) =>
      api.post(`${unitPath(roundId, agencyId)}/actions`, body),
    onSuccess: invalidate,
  });
};

export const useAddParEvidence = (roundId: string, agencyId: string) => {
  const invalidate = useInvalidatePar();
  return useMutation({
    mutationFn: (input: { code: string; title: string; url?: string; file?: File }) =>
      input.file
        ? uploadFile(
            `${unitPath(roundId, agencyId)}/evidence/files?code=${encodeURIComponent(input.code)}&title=${encodeURIComponent(input.title)}`,
            input.file,
            { fileName: input.file.name },
          )
        : api.post(`${unitPath(roundId, agencyId)}/evidence/links`, {
            code: input.code,
            title: input.title,
            url: input.url,
          }),
    onSuccess: invalidate,
  });
};

export const useComputeParFigures = (roundId: string, agencyId: string) => {
  const invalidate = useInvalidatePar();
  return useMutation({
    mutationFn: () => api.post<ParFigures>(`${unitPath(roundId, agencyId)}/system-figures`, {}),
    onSuccess: invalidate,
  });
};

export type ParReminders = ResponseOf<'/api/v1/par/reminders', 'get'>;

/** The signed-in official's deadline reminders. */
export const useParReminders = () =>
  useQuery({
    queryKey: ['par', 'reminders'],
    queryFn: ({ signal }) => api.get<ParReminders>('/api/v1/par/reminders', { limit: '10' }, signal),
  });
