import { api } from '../../api/client';
import type { ResponseOf } from '../../api/contract';
import type {
  ApplicantActionResult,
  CitizenDossier,
  RatingCriteria,
  RatingInput,
  StartedPayment,
} from '../../api/portal-types';

/**
 * The signed-in citizen's drafts and dossiers: list, read, supplement, withdraw, pay, rate. Apart from
 * ./useCitizen (who is signed in), which every portal page loads first, so these load with their pages.
 */

export const findCitizenDrafts = (signal?: AbortSignal) =>
  api.get<ResponseOf<'/api/v1/citizen/drafts', 'get'>>(
    '/api/v1/citizen/drafts',
    { status: 'open', limit: 100 },
    signal,
  );

export const discardCitizenDraft = (id: string) => api.delete<void>(`/api/v1/citizen/drafts/${encodeURIComponent(id)}`);

export const findCitizenDossiers = (cursor: string | null, signal?: AbortSignal) =>
  api.get<ResponseOf<'/api/v1/citizen/dossiers', 'get'>>(
    '/api/v1/citizen/dossiers',
    { limit: 20, cursor: cursor ?? undefined },
    signal,
  );

const dossierPath = (code: string) => `/api/v1/citizen/dossiers/${encodeURIComponent(code)}`;

export const fetchCitizenDossier = (code: string, signal?: AbortSignal) =>
  api.get<CitizenDossier>(dossierPath(code), undefined, signal);

/** Where a file for the supplement uploads to (multipart, see uploadFile). */
export const supplementUploadPath = (code: string, componentKey: string) =>
  `${dossierPath(code)}/uploads?component=${encodeURIComponent(componentKey)}`;

export const sendSupplement = (code: string, body: { expectedVersion: number; note?: string }) =>
  api.post<ApplicantActionResult>(`${dossierPath(code)}/supplement`, body);

export const withdrawCitizenDossier = (code: string, body: { expectedVersion: number; reason: string }) =>
  api.post<ApplicantActionResult>(`${dossierPath(code)}/withdraw`, body);

export const startPayment = (code: string) => api.post<StartedPayment>(`${dossierPath(code)}/payments`);

export const fetchRatingCriteria = (signal?: AbortSignal) =>
  api.get<RatingCriteria>('/api/v1/public/rating-criteria', undefined, signal);

export const rateDossier = (code: string, input: RatingInput) =>
  api.post<unknown>(`${dossierPath(code)}/rating`, input);
