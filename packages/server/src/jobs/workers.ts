import { type AppContext, todayInVietnam } from '../context.js';
import { deliverDocumentNotifications } from '../notifications/document-deliver.js';
import { deliverPaknNotifications } from '../notifications/pakn-deliver.js';
import { startNotificationWorker } from '../notifications/worker.js';
import { recomputeProvinceDueDates } from '../usecases/dossiers/due-recompute.js';
import { storeIssuedForm } from '../usecases/dossiers/forms.js';
import type { DocumentChangedJob } from '../usecases/eoffice/document-chain.js';
import { queueScheduledCatalogPulls } from '../usecases/integration/catalog-pull/catalog-pulls.js';
import { runCatalogPull } from '../usecases/integration/catalog-pull/run-catalog-pull.js';
import { startDvcqgSyncWorker } from '../usecases/integration/dvcqg/sync-worker.js';
import { runDvcqgBacklogAlerts } from '../usecases/integration/dvcqg-monitor/backlog-alert.js';
import { startWebhookDeliveryWorker } from '../usecases/integration/webhooks/deliver-webhooks.js';
import { queuePaknWebhooks } from '../usecases/integration/webhooks/fan-out.js';
import { notifyParChange, runParReminders } from '../usecases/par/rounds/reminders.js';
import { DossierImportFileError } from '../usecases/reports/import.js';
import { failSilentDossierImportRuns, runQueuedDossierImport } from '../usecases/reports/import-runs.js';
import type { SipasInvitationsJob } from '../usecases/sipas/campaigns.js';
import { sendSipasInvitations } from '../usecases/sipas/send-invitations.js';
import { remindConsultationsDue } from '../usecases/work/consultations/consultation-steps.js';
import { runTaskWarnings } from '../usecases/work/tasks/task-warnings.js';
import { workInBatches } from './batch-worker.js';
import {
  type CatalogPullJob,
  type DossierImportJob,
  type DueRecomputeJob,
  type FormIssuedJob,
  type PaknChangedJob,
  type ParChangedJob,
  type ParRemindersJob,
  QUEUES,
  type TaskWarningsJob,
} from './jobs.js';

/**
 * Starts the job handlers of this process. Handlers are idempotent: a job retried after a crash
 * recomputes from the database and finds nothing left to change.
 */
export const startWorkers = async (ctx: AppContext): Promise<void> => {
  // due-recompute: one province at a time (a recomputation locks that province's open dossiers).
  await workInBatches<DueRecomputeJob>(
    ctx.jobs.boss,
    QUEUES.dueRecompute,
    { batchSize: ctx.config.jobs.batchSize, concurrency: 1, pollingIntervalSeconds: 2 },
    async (job) => recomputeProvinceDueDates(ctx, job.data),
  );
  // form-issued: store the PDF of a form handed to the applicant; idempotent (the first stored copy stays).
  await workInBatches<FormIssuedJob>(
    ctx.jobs.boss,
    QUEUES.formIssued,
    { ...ctx.config.jobs, pollingIntervalSeconds: 2 },
    async (job) => storeIssuedForm(ctx, job.data),
  );
  await startDossierImportWorker(ctx);
  // sipas-invitations: email/SMS the invitations of a SIPAS campaign opened or reminded.
  await workInBatches<SipasInvitationsJob>(
    ctx.jobs.boss,
    QUEUES.sipasInvitations,
    { batchSize: 1, concurrency: 1, pollingIntervalSeconds: 2 },
    async (job) => sendSipasInvitations(ctx, job.data),
  );
  // dossier-changed: notify the applicant (email, SMS), retried with backoff.
  await startNotificationWorker(ctx);
  // pakn-changed: tell the PAKN's sender (a clarification request, the answer, a rejection), retried with backoff.
  await workInBatches<PaknChangedJob>(
    ctx.jobs.boss,
    QUEUES.paknChanged,
    { ...ctx.config.jobs, pollingIntervalSeconds: 2 },
    async (job) => {
      // Webhook subscribers get the change too (queued idempotently, sent by the webhook delivery loop).
      await queuePaknWebhooks(ctx, job.data);
      return deliverPaknNotifications(ctx, job.data, { finalAttempt: job.retryCount >= job.retryLimit });
    },
  );
  // document-changed: email whoever acts next on an official document (clerks of a receiving agency, the
  // leader it is presented to, the lead unit's heads), retried with backoff.
  await workInBatches<DocumentChangedJob>(
    ctx.jobs.boss,
    QUEUES.documentChanged,
    { ...ctx.config.jobs, pollingIntervalSeconds: 2 },
    async (job) => deliverDocumentNotifications(ctx, job.data, { finalAttempt: job.retryCount >= job.retryLimit }),
  );
  await startParWorkers(ctx);
  await startTaskWarningWorker(ctx);
  startConsultationReminders(ctx);
  // Webhooks: lease due deliveries (shared with the other processes), POST them signed, retry with backoff.
  startWebhookDeliveryWorker(ctx);
  // The national portal's dossier sync: lease due dossiers, send their changes in order (usecases/integration/dvcqg).
  startDvcqgSyncWorker(ctx);
  // The backlog alert: every 5 minutes, tell the province's integration managers when sync lags past its threshold.
  startDvcqgBacklogAlerts(ctx);
  await startCatalogPullWorker(ctx);
};

/**
 * catalog-pull: pulls of the national procedure catalog, one at a time per process (each makes a few hundred calls
 * to the national portal). Every 10 minutes each process also queues the provinces' scheduled pulls that are due
 * (`catalog_pull_hours`); the insert checks the last start and the one-running index, so several processes
 * ticking together queue a province once.
 */
export const startCatalogPullWorker = async (ctx: AppContext): Promise<void> => {
  await workInBatches<CatalogPullJob>(
    ctx.jobs.boss,
    QUEUES.catalogPull,
    { batchSize: 1, concurrency: 1, pollingIntervalSeconds: 5 },
    async (job) => runCatalogPull(ctx, job.data),
  );
  const tick = () => queueScheduledCatalogPulls(ctx).catch(() => undefined);
  await tick();
  const timer = setInterval(tick, 10 * 60 * 1000);
  timer.unref();
  ctx.jobs.stopping.addEventListener('abort', () => clearInterval(timer), { once: true });
};

/**
 * task-warnings, queued once an hour per process (pg-boss cron is off), as par-reminders: the run writes each
 * due-soon and overdue notice once (work_notice dedupe key), so several processes queueing the same hour warn
 * each person once.
 */
export const startTaskWarningWorker = async (ctx: AppContext): Promise<void> => {
  await workInBatches<TaskWarningsJob>(
    ctx.jobs.boss,
    QUEUES.taskWarnings,
    { batchSize: 1, concurrency: 1, pollingIntervalSeconds: 30 },
    async () => {
      await runTaskWarnings(ctx);
    },
  );
  const queueThisHour = () => {
    const hour = ctx.clock.now().toISOString().slice(0, 13);
    return ctx.jobs.boss
      .send(QUEUES.taskWarnings, { hour } satisfies TaskWarningsJob, { singletonKey: `task-warnings:${hour}` })
      .catch(() => undefined);
  };
  await queueThisHour();
  const timer = setInterval(queueThisHour, 10 * 60 * 1000);
  timer.unref();
  ctx.jobs.stopping.addEventListener('abort', () => clearInterval(timer), { once: true });
};

/**
 * The PAR Index round's jobs: par-changed (a scorecard changed status: tell whoever acts next by email) and
 * par-reminders, queued once a day per process (pg-boss cron is off): the run is idempotent, so several
 * processes queueing the same day remind each person once.
 */
export const startParWorkers = async (ctx: AppContext): Promise<void> => {
  await workInBatches<ParChangedJob>(
    ctx.jobs.boss,
    QUEUES.parChanged,
    { ...ctx.config.jobs, pollingIntervalSeconds: 5 },
    async (job) => {
      await notifyParChange(ctx, job.data);
    },
  );
  await workInBatches<ParRemindersJob>(
    ctx.jobs.boss,
    QUEUES.parReminders,
    { batchSize: 1, concurrency: 1, pollingIntervalSeconds: 30 },
    async (job) => {
      await runParReminders(ctx, { today: job.data.day });
    },
  );
  const queueToday = () =>
    ctx.jobs.boss
      .send(QUEUES.parReminders, { day: todayInVietnam(ctx.clock) } satisfies ParRemindersJob, {
        singletonKey: `par-reminders:${todayInVietnam(ctx.clock)}`,
      })
      .catch(() => undefined);
  await queueToday();
  const timer = setInterval(queueToday, 60 * 60 * 1000);
  timer.unref();
  ctx.jobs.stopping.addEventListener('abort', () => clearInterval(timer), { once: true });
};

/**
 * Consultations on drafts: every hour, the recipients who have not answered a consultation whose deadline is
 * within a day get one in-app notice (work_notice; its dedupe key makes the run idempotent across processes).
 */
export const startConsultationReminders = (ctx: AppContext): void => {
  const run = () => remindConsultationsDue(ctx, { withinHours: 24 }).catch(() => undefined);
  void run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  ctx.jobs.stopping.addEventListener('abort', () => clearInterval(timer), { once: true });
};

/**
 * dossier-import: one import at a time per process (each reads a file and writes in large batches);
 * several processes share a queue of them. A shutdown gives the running one back to the queue. Every minute each
 * process also records the runs whose process died (silent heartbeat) as failed (readers already see them so).
 */
export const startDossierImportWorker = async (ctx: AppContext): Promise<string> => {
  const tick = () => failSilentDossierImportRuns(ctx).catch(() => undefined);
  void tick();
  const timer = setInterval(tick, 60 * 1000);
  timer.unref();
  ctx.jobs.stopping.addEventListener('abort', () => clearInterval(timer), { once: true });
  return startDossierImportQueue(ctx);
};

const startDossierImportQueue = async (ctx: AppContext): Promise<string> =>
  workInBatches<DossierImportJob>(
    ctx.jobs.boss,
    QUEUES.dossierImport,
    { batchSize: 1, concurrency: 1, pollingIntervalSeconds: 2 },
    async (job) =>
      runQueuedDossierImport(ctx, job.data, {
        signal: ctx.jobs.stopping,
        onFinished: ({ id, status, error }) => {
          // The run shows why it failed; a file the importer could not read is the uploader's, anything else ours.
          if (status === 'failed' && !(error instanceof DossierImportFileError)) {
            console.error(
              `motcua: dossier import ${id} failed: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        },
      }),
  );

/**
 * The national portal's backlog alert (issue 21 item 2): every 5 minutes, each province whose oldest change still
 * waiting is older than its threshold tells its integration managers in-app, once an hour (work_notice dedupe key),
 * so several processes running it warn each person once.
 */
export const startDvcqgBacklogAlerts = (ctx: AppContext): void => {
  const run = () => runDvcqgBacklogAlerts(ctx).catch(() => undefined);
  void run();
  const timer = setInterval(run, 5 * 60 * 1000);
  timer.unref();
  ctx.jobs.stopping.addEventListener('abort', () => clearInterval(timer), { once: true });
};
