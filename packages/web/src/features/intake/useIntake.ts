import { api, type Query } from '../../api/client';
import type { ResponseOf } from '../../api/contract';
import type { AdministrativeUnit, DueAnswer, Page } from '../../api/types';

/** The counter intake's requests: the commune list, the appointment date and saving the dossier. */

export const findAdministrativeUnits = (query: Query, signal?: AbortSignal) =>
  api.get<Page<AdministrativeUnit>>('/api/v1/administrative-units', query, signal);

export const fetchDueDate = (query: Query, signal?: AbortSignal) =>
  api.get<DueAnswer>('/api/v1/calendar/due', query, signal);

/** Receives (or refuses, or asks to supplement) a dossier at the counter; retried safely with the key. */
export const receiveDossier = (body: unknown, idempotencyKey: string) =>
  api.post<ResponseOf<'/api/v1/dossiers', 'post'>>('/api/v1/dossiers', body, {
    headers: { 'idempotency-key': idempotencyKey },
  });
