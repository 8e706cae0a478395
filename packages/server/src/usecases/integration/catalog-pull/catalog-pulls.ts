import {
  type CatalogPullRunRecord,
  failStaleCatalogPullRuns,
  findCatalogPullRun,
  findDvcqgSetting,
  insertCatalogPullRun,
  listCatalogPullRuns,
  listProvincesWithScheduledCatalogPull,
} from '@motcua/db';
import { formatInstant, isAllowed } from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { type CatalogPullJob, QUEUES } from '../../../jobs/jobs.js';
import { cutKeysetPage } from '../../keyset-page.js';
import { decodeCursor, encodeCursor } from '../../reports/drill-down.js';
import { CATALOG_PULL_STALE_MINUTES, type CatalogPullSummary, emptyCatalogPullSummary } from './run-catalog-pull.js';

export const CATALOG_PULL = { vi: 'lượt đồng bộ danh mục TTHC', en: 'catalog pull' } as const;

const INTERRUPTED = 'interrupted: the process running the pull stopped';

/** The province an official acts for: the one asked for, else the first one a grant of theirs allows. */
const resolveProvince = (
  official: OfficialActor,
  action: 'integration.read' | 'integration.manage',
  province: string | undefined,
): string => {
  const provinceCode =
    province ??
    official.grants.find(
      (grant) =>
        grant.provinceCode !== null &&
        isAllowed([grant], action, { kind: 'province', provinceCode: grant.provinceCode }),
    )?.provinceCode ??
    official.provinceCode;
  if (!provinceCode) {
    throw new AppError('FORBIDDEN');
  }
  authorizeProvinceAction(official, action, provinceCode);
  return provinceCode;
};

const presentSummary = (summary: Partial<CatalogPullSummary>): CatalogPullSummary => ({
  ...emptyCatalogPullSummary(),
  ...summary,
  changes: summary.changes ?? [],
});

/**
 * A pull as readers see it. A running pull started more than CATALOG_PULL_STALE_MINUTES ago lost its process: it
 * reads as failed, interrupted, at once — a read writes nothing; the next request of a pull or the schedule's tick
 * records it so (failStaleRuns).
 */
const isStale = (run: CatalogPullRunRecord, now: Date): boolean =>
  run.state === 'running' && new Date(run.startedAt).getTime() < now.getTime() - CATALOG_PULL_STALE_MINUTES * 60_000;

const presentRun = (run: CatalogPullRunRecord, now: Date) => ({
  id: run.id,
  provinceCode: run.provinceCode,
  trigger: run.trigger,
  state: isStale(run, now) ? ('failed' as const) : run.state,
  startedAt: formatInstant(new Date(run.startedAt).getTime()),
  finishedAt: run.finishedAt === null ? null : formatInstant(new Date(run.finishedAt).getTime()),
  requestedBy: run.requestedByName ?? null,
  catalogImportId: run.catalogImportId,
  summary: presentSummary(run.summary as Partial<CatalogPullSummary>),
  failure: isStale(run, now) ? INTERRUPTED : run.failure,
});

export type CatalogPullRunView = ReturnType<typeof presentRun>;

/** Pulls whose process died (a crash during a pull) end as failed, so that the province can pull again. */
const failStaleRuns = (ctx: AppContext, provinceCode?: string) =>
  failStaleCatalogPullRuns(ctx.db, {
    ...(provinceCode === undefined ? {} : { provinceCode }),
    olderThanMinutes: CATALOG_PULL_STALE_MINUTES,
    failure: INTERRUPTED,
    now: ctx.clock.now(),
  });

/**
 * Starts a pull of the national procedure catalog for a province (integration.manage): recorded as running and
 * queued in one transaction; any process's catalog-pull worker runs it (runCatalogPull). One running pull per
 * province: a second answers 409 CATALOG_PULL_RUNNING.
 */
export const requestCatalogPull = async (
  ctx: AppContext,
  actor: Actor,
  input: { province?: string | undefined },
): Promise<CatalogPullRunView> => {
  const official = requireOfficial(actor);
  const provinceCode = resolveProvince(official, 'integration.manage', input.province);
  const setting = await findDvcqgSetting(ctx.db, provinceCode);
  if (
    !setting?.endpointUrl ||
    !setting.authUrl ||
    !setting.username ||
    !setting.secretCiphertext ||
    !setting.dstCode ||
    !setting.unitCode
  ) {
    throw new AppError('CATALOG_PULL_NOT_CONFIGURED');
  }
  await failStaleRuns(ctx, provinceCode);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertCatalogPullRun(trx, {
      provinceCode,
      trigger: 'manual',
      requestedBy: official.userId,
      now: ctx.clock.now(),
    });
    if (!inserted) {
      return undefined;
    }
    await ctx.jobs.enqueue<CatalogPullJob>(trx, QUEUES.catalogPull, { runId: inserted.id });
    return inserted.id;
  });
  if (id === undefined) {
    throw new AppError('CATALOG_PULL_RUNNING');
  }
  return getCatalogPull(ctx, official, id);
};

/** A pull: its progress while it runs and its change report (integration.read of its province). */
export const getCatalogPull = async (ctx: AppContext, actor: Actor, id: string): Promise<CatalogPullRunView> => {
  const official = requireOfficial(actor);
  const run = await findCatalogPullRun(ctx.db, id);
  if (!run) {
    throw new AppError('NOT_FOUND', { resource: CATALOG_PULL });
  }
  if (!official.grants.some((grant) => grant.provinceCode === run?.provinceCode)) {
    // Another province's pull: not even its existence is confirmed.
    throw new AppError('NOT_FOUND', { resource: CATALOG_PULL });
  }
  authorizeProvinceAction(official, 'integration.read', run.provinceCode);
  return presentRun(run, ctx.clock.now());
};

/** A province's pulls, newest first, keyset-paginated (integration.read). */
export const listCatalogPulls = async (
  ctx: AppContext,
  actor: Actor,
  input: { province?: string | undefined; cursor?: string | undefined; limit: number },
) => {
  const official = requireOfficial(actor);
  const provinceCode = resolveProvince(official, 'integration.read', input.province);
  let after: { startedAt: string; id: string } | undefined;
  try {
    after = decodeCursor(input.cursor, ['startedAt', 'id'] as const);
  } catch {
    throw new AppError('CATALOG_PULL_CURSOR_INVALID');
  }
  const startedAt = after ? new Date(after.startedAt) : undefined;
  if (after && (Number.isNaN(startedAt?.getTime()) || !/^[0-9a-f-]{36}$/.test(after.id))) {
    throw new AppError('CATALOG_PULL_CURSOR_INVALID');
  }
  const rows = await listCatalogPullRuns(ctx.db, {
    provinceCode,
    after: after && startedAt ? { startedAt, id: after.id } : undefined,
    limit: input.limit + 1,
  });
  const now = ctx.clock.now();
  return cutKeysetPage(
    rows,
    input.limit,
    (run) => presentRun(run, now),
    (last) => encodeCursor({ startedAt: new Date(last.startedAt).toISOString(), id: last.id }),
  );
};

/**
 * The schedule: every province whose connection is on and sets `catalog_pull_hours` gets a pull when its last one
 * started at least that many hours ago. Several processes tick: the insert itself checks the last start and the
 * one-running index, so a province is pulled once per period whichever process ticks first. Answers the runs
 * queued.
 */
export const queueScheduledCatalogPulls = async (ctx: AppContext): Promise<string[]> => {
  await failStaleRuns(ctx);
  const queued: string[] = [];
  for (const province of await listProvincesWithScheduledCatalogPull(ctx.db)) {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const inserted = await insertCatalogPullRun(trx, {
        provinceCode: province.provinceCode,
        trigger: 'schedule',
        requestedBy: null,
        now: ctx.clock.now(),
        unlessStartedWithinHours: province.catalogPullHours,
      });
      if (inserted) {
        await ctx.jobs.enqueue<CatalogPullJob>(trx, QUEUES.catalogPull, { runId: inserted.id });
      }
      return inserted?.id;
    });
    if (id !== undefined) {
      queued.push(id);
    }
  }
  return queued;
};
