import {
  findDossierByCode,
  findDvcqgSetting,
  findDvcqgSyncOfDossier,
  listDvcqgSyncLogOfDossier,
  resendDvcqgSyncRows,
  retryDvcqgSyncRows,
} from '@motcua/db';
import { formatInstant } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { DOSSIER, getReadableDossier } from '../../dossiers/dossier-access.js';
import { authorizeIntegrationManage, authorizeIntegrationRead, canManageIntegration } from './access.js';

/**
 * The dossier, for an official who reads it or who reads the integration of its province (the province
 * administrator repairs the sync of dossiers no role of theirs handles). Anyone else gets 404, as for no dossier.
 */
const loadDossierForSyncView = async (ctx: AppContext, actor: Actor, code: string) => {
  const official = requireOfficial(actor);
  const dossier = await findDossierByCode(ctx.db, code);
  if (dossier) {
    try {
      authorizeIntegrationRead(actor, dossier.provinceCode);
      return { dossier, official };
    } catch {
      // Not an integration reader of that province: the dossier's own readers only.
    }
  }
  return { dossier: (await getReadableDossier(ctx, actor, code)).dossier, official };
};

const at = (instant: Date | null | undefined) => (instant ? formatInstant(instant.getTime()) : null);

/**
 * A dossier's sync to the national portal, for the officials who may read the dossier: its cursor (state, what
 * was delivered, the last error) and its attempts, newest first. `canResend` tells the page whether to offer
 * retry and re-send (integration.manage of the dossier's province).
 */
export const getDossierDvcqgSync = async (ctx: AppContext, actor: Actor, code: string) => {
  const { dossier, official } = await loadDossierForSyncView(ctx, actor, code);
  const setting = await findDvcqgSetting(ctx.db, dossier.provinceCode);
  const cursor = await findDvcqgSyncOfDossier(ctx.db, dossier.id);
  const log = await listDvcqgSyncLogOfDossier(ctx.db, { dossierId: dossier.id, limit: 100 });
  const lastAccepted = log.find((row) => row.outcome === 'accepted');
  const lastProblem = log.find((row) => row.outcome !== 'accepted');
  const state = !cursor
    ? ('not_marked' as const)
    : cursor.state === 'pending' && cursor.attempts > 0
      ? ('failing' as const)
      : cursor.state;
  return {
    code: dossier.code,
    provinceCode: dossier.provinceCode,
    syncEnabled: setting?.enabled ?? false,
    latestSeq: dossier.eventCount,
    state,
    cursor: cursor
      ? {
          targetSeq: cursor.targetSeq,
          deliveredSeq: cursor.deliveredSeq,
          dossierMessageAccepted: cursor.dossierMessageAccepted,
          remoteExists: cursor.remoteExists,
          attempts: cursor.attempts,
          nextAttemptAt: at(cursor.nextAttemptAt),
          pendingSince: at(cursor.pendingSince),
          lastErrorCode: cursor.lastErrorCode,
          lastErrorMessage: cursor.lastErrorMessage,
          updatedAt: at(cursor.updatedAt),
        }
      : null,
    lastAcceptedAt: at(lastAccepted?.at),
    lastError: lastProblem
      ? {
          at: at(lastProblem.at) ?? '',
          outcome: lastProblem.outcome as 'rejected' | 'failed',
          code: lastProblem.errorCode,
          message: lastProblem.message,
        }
      : null,
    log: log.map((row) => ({
      id: Number(row.id),
      eventSeq: row.eventSeq,
      eventAt: at(row.eventAt) ?? '',
      service: row.service,
      isUpdating: row.isUpdating,
      outcome: row.outcome,
      errorCode: row.errorCode,
      message: row.message,
      durationMs: row.durationMs,
      at: at(row.at) ?? '',
    })),
    canResend: canManageIntegration(official, dossier.provinceCode),
  };
};

/**
 * The dossier for a retry or re-send: integration.manage of its province. An official who reads the dossier but
 * does not manage the integration is refused (403); anyone who cannot see it gets 404, as for no dossier.
 */
const loadManagedDossier = async (ctx: AppContext, actor: Actor, code: string) => {
  const dossier = await findDossierByCode(ctx.db, code);
  if (!dossier) {
    throw new AppError('NOT_FOUND', { resource: DOSSIER });
  }
  try {
    authorizeIntegrationManage(actor, dossier.provinceCode);
  } catch (error) {
    await getReadableDossier(ctx, actor, code);
    throw error;
  }
  return dossier;
};

/** Retry: a parked or failing dossier is due now with no failed attempt (the same message is tried again). */
export const retryDossierDvcqgSync = async (ctx: AppContext, actor: Actor, code: string) => {
  const dossier = await loadManagedDossier(ctx, actor, code);
  const changed = await retryDvcqgSyncRows(ctx.db, {
    provinceCode: dossier.provinceCode,
    dossierIds: [dossier.id],
    now: ctx.clock.now(),
  });
  if (changed.length === 0) {
    const cursor = await findDvcqgSyncOfDossier(ctx.db, dossier.id);
    const leased = cursor?.leasedUntil && cursor.leasedUntil.getTime() >= ctx.clock.now().getTime();
    throw new AppError(leased ? 'DVCQG_SYNC_BUSY' : 'DVCQG_NOTHING_TO_RETRY');
  }
  return getDossierDvcqgSync(ctx, actor, code);
};

/**
 * Re-send: the dossier's latest state is delivered again as an update (the cursor goes back to just before its
 * latest event; domain/dvcqg/monitor.ts planResend). Needs the province's sync switched on.
 */
export const resendDossierDvcqgSync = async (ctx: AppContext, actor: Actor, code: string) => {
  const dossier = await loadManagedDossier(ctx, actor, code);
  const setting = await findDvcqgSetting(ctx.db, dossier.provinceCode);
  if (!setting?.enabled) {
    throw new AppError('DVCQG_SYNC_DISABLED');
  }
  const changed = await resendDvcqgSyncRows(ctx.db, {
    provinceCode: dossier.provinceCode,
    dossierIds: [dossier.id],
    now: ctx.clock.now(),
  });
  if (changed.length === 0) {
    throw new AppError(dossier.eventCount === 0 ? 'DVCQG_NOTHING_TO_RETRY' : 'DVCQG_SYNC_BUSY');
  }
  return getDossierDvcqgSync(ctx, actor, code);
};
