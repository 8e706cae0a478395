import { api, type Query } from '../../api/client';
import type {
  PaknReceipt,
  PaknStatusView,
  PaknSubmission,
  TrackedDossier,
  VerifiedDocument,
} from '../../api/portal-types';
import type { AdministrativeUnit, Page, ProcedureDetail, ProcedureSearch } from '../../api/types';

/**
 * The public portal's requests (no sign-in): searching and reading procedures, tracking a dossier,
 * verifying a result document, and feedback on regulations (PAKN). One module for the portal's pages,
 * so their first load fetches one small chunk (the budget of issue 7).
 */

export const searchProcedures = (query: Query, signal?: AbortSignal) =>
  api.get<ProcedureSearch>('/api/v1/procedures', query, signal);

export const fetchProcedure = (code: string, catalog: string, signal?: AbortSignal) =>
  api.get<ProcedureDetail>(`/api/v1/procedures/${encodeURIComponent(code)}`, { catalog }, signal);

/** Where the form template of a component downloads (the province's file, or a generated reference form). */
export const templateUrl = (catalog: string, code: string, key: string) =>
  `/api/v1/public/procedures/${encodeURIComponent(code)}/templates/${encodeURIComponent(key)}?catalog=${encodeURIComponent(catalog)}`;

export const findProvinces = (signal?: AbortSignal) =>
  api.get<Page<AdministrativeUnit>>('/api/v1/administrative-units', { level: 'province', pageSize: 100 }, signal);

export const trackDossier = (code: string, factor: string, signal?: AbortSignal) =>
  api.get<TrackedDossier>(`/api/v1/public/dossiers/${encodeURIComponent(code)}`, { factor }, signal);

export const verifyDocument = (sha256: string, signal?: AbortSignal) =>
  api.get<VerifiedDocument>(`/api/v1/public/documents/${encodeURIComponent(sha256)}`, undefined, signal);

export const sendPakn = (body: PaknSubmission) => api.post<PaknReceipt>('/api/v1/public/pakn', body);

/** Where a feedback stands; with the last four digits of the sender's phone, the answer and the rating too. */
export const fetchPaknStatus = (code: string, phone: string | undefined, signal?: AbortSignal) =>
  api.get<PaknStatusView>(`/api/v1/public/pakn/${encodeURIComponent(code)}`, phone ? { phone } : undefined, signal);

/** The sender rates the answer, once. */
export const ratePakn = (
  code: string,
  body: { phoneLast4: string; rating: 'very_satisfied' | 'satisfied' | 'dissatisfied' },
) =>
  api.post<{ code: string; rating: string; ratedAt: string }>(
    `/api/v1/public/pakn/${encodeURIComponent(code)}/rating`,
    body,
  );
