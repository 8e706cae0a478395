import type { AppContext } from '../context.js';
import { type DossierChangedJob, QUEUES } from '../jobs/jobs.js';
import { deliverDossierNotifications } from './deliver.js';

/**
 * The `dossier-changed` worker: notifies the applicant. A failed delivery fails the job, and
 * pg-boss retries it with exponential backoff (the queue's retryLimit/retryDelay/retryBackoff);
 * the last retry marks what still failed as failed for good.
 */
export const startNotificationWorker = async (ctx: AppContext): Promise<void> => {
  await ctx.jobs.boss.work<DossierChangedJob>(
    QUEUES.dossierChanged,
    { pollingIntervalSeconds: 2, includeMetadata: true },
    async (jobs) => {
      for (const job of jobs) {
        await deliverDossierNotifications(ctx, job.data, { finalAttempt: job.retryCount >= job.retryLimit });
      }
    },
  );
};
