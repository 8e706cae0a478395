import { api } from '../../api/client';
import type { ResponseOf } from '../../api/contract';

/** The installation's operational state, for the province administrator. */

export type QueueStatus = ResponseOf<'/api/v1/system/queues', 'get'>['queues'][number];

export const fetchQueueStatus = (signal?: AbortSignal) =>
  api.get<ResponseOf<'/api/v1/system/queues', 'get'>>('/api/v1/system/queues', undefined, signal);
