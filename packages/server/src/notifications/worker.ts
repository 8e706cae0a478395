import { foldStatisticsDeltas } from '@motcua/db';
import type { AppContext } from '../context.js';
import { workInBatches } from '../jobs/batch-worker.js';
import { type DossierChangedJob, QUEUES } from '../jobs/jobs.js';
import { recordDossierChangeForIntegrations } from '../usecases/integration/record-dossier-change.js';
import { deliverDossierNotifications } from './deliver.js';

/**
 * The `dossier-changed` worker: records the change for the national portal and webhooks, notifies the applicant. Jobs are fetched in batches and delivered
 * with bounded concurrency (config `jobs`). A failed delivery fails its job, and pg-boss retries it
 * with exponential backoff (the queue's retryLimit/retryDelay/retryBackoff); the last retry marks
 * what still failed as failed for good.
 */
export const startNotificationWorker = async (ctx: AppContext): Promise<void> => {
  await workInBatches<DossierChangedJob>(
    ctx.jobs.boss,
    QUEUES.dossierChanged,
    {
      ...ctx.config.jobs,
      pollingIntervalSeconds: 2,
      // Every dossier write that moves a statistics counter also queues this job: after its batch, fold
      // the pending statistics deltas into the aggregates (batched, exactly once; reports fold too).
      afterBatch: () => foldStatisticsDeltas(ctx.db),
    },
    async (job) => {
      // The national portal's cursor and the webhook deliveries first: idempotent, so a retry of a failed
      // notification writes nothing twice.
      await recordDossierChangeForIntegrations(ctx, job.data);
      await deliverDossierNotifications(ctx, job.data, { finalAttempt: job.retryCount >= job.retryLimit });
    },
  );
};
