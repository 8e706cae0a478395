import type { AppContext } from '../context.js';
import { startNotificationWorker } from '../notifications/worker.js';
import { recomputeProvinceDueDates } from '../usecases/dossiers/due-recompute.js';
import { storeIssuedForm } from '../usecases/dossiers/forms.js';
import { type DueRecomputeJob, type FormIssuedJob, QUEUES } from './jobs.js';

/**
 * Starts the job handlers of this process. Handlers are idempotent: a job retried after a crash
 * recomputes from the database and finds nothing left to change.
 */
export const startWorkers = async (ctx: AppContext): Promise<void> => {
  await ctx.jobs.boss.work<DueRecomputeJob>(QUEUES.dueRecompute, { pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) {
      await recomputeProvinceDueDates(ctx, job.data);
    }
  });
  // form-issued: store the PDF of a form handed to the applicant; idempotent (the first stored copy stays).
  await ctx.jobs.boss.work<FormIssuedJob>(QUEUES.formIssued, { pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) {
      await storeIssuedForm(ctx, job.data);
    }
  });
  // dossier-changed: notify the applicant (email, SMS), retried with backoff.
  await startNotificationWorker(ctx);
};
