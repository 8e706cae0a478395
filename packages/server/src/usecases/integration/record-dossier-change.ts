import { markDossierForSync } from '@motcua/db';
import type { AppContext } from '../../context.js';
import type { DossierChangedJob } from '../../jobs/jobs.js';
import { queueDossierWebhooks } from './webhooks/fan-out.js';

/**
 * What a committed dossier change means for the systems outside motcua, run by the dossier-changed job after the
 * change commits (idempotent: a retried job writes nothing new). The national portal's cursor targets the event
 * (its worker delivers the dossier's events in order, usecases/integration/dvcqg); webhook subscribers get a
 * delivery each.
 */
export const recordDossierChangeForIntegrations = async (ctx: AppContext, job: DossierChangedJob): Promise<void> => {
  await markDossierForSync(ctx.db, { dossierId: job.dossierId, seq: job.seq });
  await queueDossierWebhooks(ctx, job);
};
