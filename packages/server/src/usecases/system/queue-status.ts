import { listJobQueueBacklogs } from '@motcua/db';
import type { Actor } from '../../auth/actor.js';
import { holdsAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { QUEUES, type QueueName } from '../../jobs/jobs.js';

export type QueueStatus = {
  name: QueueName;
  waiting: number;
  retrying: number;
  active: number;
  failed: number;
  oldestWaitingSeconds: number | null;
};

/**
 * Depth and age of every background queue (notifications, forms, due-date recomputation), for the
 * province administrator (`system.read`): a growing backlog or an old waiting job means applicants
 * are told late. The queues serve the whole installation, so the figures are not per province.
 */
export const getQueueStatus = async (ctx: AppContext, actor: Actor): Promise<{ queues: QueueStatus[] }> => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'system.read')) {
    throw new AppError('FORBIDDEN');
  }
  const backlogs = await listJobQueueBacklogs(ctx.db);
  return {
    queues: Object.values(QUEUES).map((name) => {
      const backlog = backlogs.find((row) => row.name === name);
      return {
        name,
        waiting: backlog?.waiting ?? 0,
        retrying: backlog?.retrying ?? 0,
        active: backlog?.active ?? 0,
        failed: backlog?.failed ?? 0,
        oldestWaitingSeconds: backlog?.oldestWaitingSeconds ?? null,
      };
    }),
  };
};
