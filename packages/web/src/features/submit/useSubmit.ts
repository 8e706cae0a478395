import { api } from '../../api/client';
import type { FormBody, RequestBodyOf, ResponseOf } from '../../api/contract';
import type { Draft, ProcedureForm, SubmitResult } from '../../api/portal-types';
import type { AdministrativeUnit, Page } from '../../api/types';

/**
 * The online submission's requests: the procedure's form, the citizen's drafts (open, save, discard,
 * submit) and their files (the form templates are the portal's: ../portal/usePortal).
 */

const draftPath = (id: string) => `/api/v1/citizen/drafts/${encodeURIComponent(id)}`;

export const fetchProcedureForm = (code: string, catalog: string, signal?: AbortSignal) =>
  api.get<ProcedureForm>(`/api/v1/public/procedures/${encodeURIComponent(code)}/form`, { catalog }, signal);

/** One administrative unit (a province or a commune) by its code, or null when there is none. */
export const fetchAdministrativeUnit = async (level: 'province' | 'commune', code: string, signal?: AbortSignal) => {
  const page = await api.get<Page<AdministrativeUnit>>('/api/v1/administrative-units', { level, q: code }, signal);
  return page.items.find((unit) => unit.code === code) ?? null;
};

/** Every commune and ward in force of a province (at most a few pages of 100), for the address. */
export const fetchCommunesOfProvince = async (provinceCode: string, signal?: AbortSignal) => {
  const units: AdministrativeUnit[] = [];
  for (let page = 1; page <= 10; page++) {
    const answer = await api.get<Page<AdministrativeUnit>>(
      '/api/v1/administrative-units',
      { level: 'commune', parent: provinceCode, pageSize: 100, page },
      signal,
    );
    units.push(...answer.items);
    if (units.length >= answer.total || answer.items.length === 0) {
      break;
    }
  }
  return units;
};

export const findOpenDrafts = (signal?: AbortSignal) =>
  api.get<ResponseOf<'/api/v1/citizen/drafts', 'get'>>(
    '/api/v1/citizen/drafts',
    { status: 'open', limit: 100 },
    signal,
  );

export const fetchDraft = (id: string) => api.get<Draft>(draftPath(id));

export const startDraft = (body: RequestBodyOf<'/api/v1/citizen/drafts', 'post'>) =>
  api.post<Draft>('/api/v1/citizen/drafts', body);

export const saveDraft = (id: string, body: FormBody<RequestBodyOf<'/api/v1/citizen/drafts/{id}', 'put'>>) =>
  api.put<Draft>(draftPath(id), body);

export const discardDraft = (id: string) => api.delete<void>(draftPath(id));

/** Submits the draft as a dossier (guarded by its version; retried safely with the idempotency key). */
export const submitDraft = (id: string, expectedVersion: number, idempotencyKey: string) =>
  api.post<SubmitResult>(
    `${draftPath(id)}/submit`,
    { expectedVersion },
    { headers: { 'idempotency-key': idempotencyKey } },
  );

/** Where a component's file uploads to (multipart, see uploadFile). */
export const draftUploadPath = (draftId: string, componentKey: string) =>
  `${draftPath(draftId)}/uploads?component=${encodeURIComponent(componentKey)}`;

const uploadPath = (id: string) => `/api/v1/citizen/uploads/${encodeURIComponent(id)}`;

/** Where an uploaded file can be read back (the citizen's own). */
export const uploadUrl = uploadPath;

export const removeUpload = (id: string) => api.delete<void>(uploadPath(id));
