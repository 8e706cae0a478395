import { queueDossierWebhookDeliveries, queuePaknWebhookDeliveries } from '@motcua/db';
import type { AppContext } from '../../../context.js';

/**
 * Queues a committed dossier event for the province's webhook subscribers (one delivery each, idempotent: the
 * dossier-changed job may run twice). The delivery worker sends them.
 */
export const queueDossierWebhooks = async (ctx: AppContext, job: { dossierId: string; seq: number }) =>
  queueDossierWebhookDeliveries(ctx.db, { dossierId: job.dossierId, seq: job.seq, now: ctx.clock.now() });

/** Queues a committed PAKN event for the province's webhook subscribers (idempotent, run by pakn-changed). */
export const queuePaknWebhooks = async (ctx: AppContext, job: { paknId: string; seq: number }) =>
  queuePaknWebhookDeliveries(ctx.db, { paknId: job.paknId, seq: job.seq, now: ctx.clock.now() });
