import {
  countDvcqgFailuresByReason,
  type DvcqgSyncListRow,
  findDvcqgSetting,
  listDvcqgSyncPage,
  listDvcqgThroughput,
  readDvcqgBacklog,
  resendDvcqgSyncRows,
  retryDvcqgSyncRows,
} from '@motcua/db';
import { computeSyncLagMinutes, formatInstant, isBacklogAlerting } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { authorizeIntegrationManage, authorizeIntegrationRead, canManageIntegration } from './access.js';
import { DVCQG_SETTING_DEFAULTS } from './settings.js';

const HOUR = 3_600_000;

/**
 * The sync monitor of a province (integration.read): backlog and lag, the alert, failures by reason over the last
 * 24 hours and 7 days from the attempt log, and the attempts per hour over the last 24 hours. Read on the primary:
 * the monitor is looked at to repair, and must show a retry's effect at once.
 */
export const getDvcqgMonitor = async (ctx: AppContext, actor: Actor, provinceCode: string) => {
  const official = authorizeIntegrationRead(actor, provinceCode);
  const now = ctx.clock.now();
  const setting = await findDvcqgSetting(ctx.db, provinceCode);
  const backlog = await readDvcqgBacklog(ctx.db, provinceCode);
  const day = await countDvcqgFailuresByReason(ctx.db, { provinceCode, since: new Date(now.getTime() - 24 * HOUR) });
  const week = await countDvcqgFailuresByReason(ctx.db, {
    provinceCode,
    since: new Date(now.getTime() - 7 * 24 * HOUR),
  });
  const throughput = await listDvcqgThroughput(ctx.db, {
    provinceCode,
    since: new Date(Math.floor(now.getTime() / HOUR) * HOUR - 23 * HOUR),
  });
  const threshold = setting?.backlogAlertMinutes ?? DVCQG_SETTING_DEFAULTS.backlogAlertMinutes;
  const oldest = backlog.oldestPendingSince?.getTime() ?? null;
  const sum = (key: 'accepted' | 'rejected' | 'failed') => throughput.reduce((total, b) => total + b[key], 0);
  return {
    provinceCode,
    enabled: setting?.enabled ?? false,
    asOf: formatInstant(now.getTime()),
    pending: backlog.pending,
    failing: backlog.failing,
    parked: backlog.parked,
    lagMinutes: computeSyncLagMinutes(oldest, now.getTime()),
    oldestPendingSince: oldest === null ? null : formatInstant(oldest),
    alert: {
      active: isBacklogAlerting(oldest, now.getTime(), threshold),
      thresholdMinutes: threshold,
    },
    failures: { last24h: day, last7d: week },
    last24h: { accepted: sum('accepted'), rejected: sum('rejected'), failed: sum('failed') },
    throughput: throughput.map((bucket) => ({ ...bucket, hour: formatInstant(bucket.hour.getTime()) })),
    canManage: canManageIntegration(official, provinceCode),
  };
};

const encodeCursor = (row: DvcqgSyncListRow) =>
  Buffer.from(JSON.stringify([row.pendingSince?.toISOString() ?? '', row.dossierId])).toString('base64url');

const decodeCursor = (cursor: string | undefined) => {
  if (!cursor) {
    return undefined;
  }
  try {
    const [at, dossierId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const pendingSince = new Date(at);
    if (Number.isNaN(pendingSince.getTime()) || !/^[0-9a-f-]{36}$/.test(dossierId)) {
      throw new Error('bad cursor');
    }
    return { pendingSince, dossierId };
  } catch {
    throw new AppError('BAD_REQUEST');
  }
};

const toListItem = (row: DvcqgSyncListRow) => ({
  dossierId: row.dossierId,
  code: row.code,
  procedureName: row.procedureName,
  dossierStatus: row.dossierStatus,
  state: row.state === 'parked' ? ('parked' as const) : row.attempts > 0 ? ('failing' as const) : ('pending' as const),
  targetSeq: row.targetSeq,
  deliveredSeq: row.deliveredSeq,
  attempts: row.attempts,
  nextAttemptAt: formatInstant(row.nextAttemptAt.getTime()),
  pendingSince: row.pendingSince ? formatInstant(row.pendingSince.getTime()) : null,
  lastErrorCode: row.lastErrorCode,
  lastErrorMessage: row.lastErrorMessage,
});

export type DvcqgListQuery = {
  province: string;
  state: 'pending' | 'failing' | 'parked';
  reason?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

/** One page of the pending, failing or parked dossiers, oldest change first (keyset). */
export const listDvcqgSyncDossiers = async (ctx: AppContext, actor: Actor, query: DvcqgListQuery) => {
  authorizeIntegrationRead(actor, query.province);
  const rows = await listDvcqgSyncPage(ctx.db, {
    provinceCode: query.province,
    state: query.state,
    errorCode: query.reason,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(toListItem), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
};

/** The rows of the failures export: failing and parked dossiers, oldest first, at most 10,000. */
export const listDvcqgFailureRows = async (ctx: AppContext, actor: Actor, province: string) => {
  authorizeIntegrationRead(actor, province);
  const items: ReturnType<typeof toListItem>[] = [];
  for (const state of ['parked', 'failing'] as const) {
    let after: { pendingSince: Date; dossierId: string } | undefined;
    while (items.length < 10_000) {
      const rows = await listDvcqgSyncPage(ctx.db, { provinceCode: province, state, after, limit: 500 });
      items.push(...rows.map(toListItem));
      const last = rows[rows.length - 1];
      if (rows.length < 500 || !last?.pendingSince) {
        break;
      }
      after = { pendingSince: last.pendingSince, dossierId: last.dossierId };
    }
  }
  return items.slice(0, 10_000);
};

export type DvcqgBulkInput = {
  province: string;
  action: 'retry' | 'resend';
  /** Which rows: the dossiers chosen in the list, or a filter of the list. */
  dossierIds?: string[] | undefined;
  state?: 'pending' | 'failing' | 'parked' | undefined;
  reason?: string | undefined;
  /** At most this many rows in one call (bounded; call again while `more`). */
  limit: number;
};

/**
 * Retry or re-send many dossiers (integration.manage): the chosen ones, or the first `limit` rows of a filter of
 * the list, oldest change first. Idempotent: a row already due again is not changed twice; rows a worker holds
 * are skipped and counted. Re-send needs the sync switched on.
 */
export const runDvcqgBulkAction = async (ctx: AppContext, actor: Actor, input: DvcqgBulkInput) => {
  authorizeIntegrationManage(actor, input.province);
  if (input.action === 'resend') {
    const setting = await findDvcqgSetting(ctx.db, input.province);
    if (!setting?.enabled) {
      throw new AppError('DVCQG_SYNC_DISABLED');
    }
  }
  const ids =
    input.dossierIds?.slice(0, input.limit) ??
    (
      await listDvcqgSyncPage(ctx.db, {
        provinceCode: input.province,
        state: input.state ?? (input.action === 'retry' ? 'parked' : 'pending'),
        errorCode: input.reason,
        limit: input.limit,
      })
    ).map((row) => row.dossierId);
  const now = ctx.clock.now();
  const changed =
    input.action === 'retry'
      ? await retryDvcqgSyncRows(ctx.db, { provinceCode: input.province, dossierIds: ids, now })
      : await resendDvcqgSyncRows(ctx.db, { provinceCode: input.province, dossierIds: ids, now });
  return {
    action: input.action,
    matched: ids.length,
    changed: changed.length,
    unchanged: ids.length - changed.length,
    more: input.dossierIds === undefined && ids.length === input.limit,
  };
};
