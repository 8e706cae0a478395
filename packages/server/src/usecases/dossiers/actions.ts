import { findUserProfile, lockDossier } from '@motcua/db';
import {
  type ActionParams,
  checkTransition,
  DOSSIER_TRANSITIONS,
  type DossierAction,
  type DossierState,
  decideTransition,
  getActingAgencyId,
  listAvailableActions,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../calendar/calendar-service.js';
import { getReadableDossier } from './dossier-access.js';
import { withIdempotency } from './idempotency.js';
import { commitDossierChange } from './persist.js';
import { violationToError } from './violations.js';

export type ActionRequest = {
  code: string;
  action: DossierAction;
  params: ActionParams[DossierAction];
  /** The dossier version the caller's decision is based on (409 when stale). */
  expectedVersion: number;
  note?: string | undefined;
  /** For completion: the result documents (already uploaded or described). */
  results?: { name: string; documentNo?: string | undefined; documentId?: string | undefined }[] | undefined;
};

/** The actions the caller may take on the dossier now (and only those), with their labels and forms. */
export const listDossierActions = async (ctx: AppContext, actor: Actor, code: string) => {
  const { dossier, access } = await getReadableDossier(ctx, actor, code);
  const state = dossier.state as DossierState;
  return {
    version: dossier.version,
    actions: listAvailableActions(state, {
      kind: 'official',
      userId: access.official.userId,
      rolesAt: access.rolesAt,
    }).map((a) => ({ ...a, actingAgencyId: getActingAgencyId(state, a.action) })),
  };
};

/**
 * Takes an action on a dossier: authorize (read scope, then the table's roles at the acting
 * agency) → load → decide (pure state machine) → write state + event + outbox in one transaction,
 * guarded by the version the caller saw and by the row lock.
 */
export const performDossierAction = async (
  ctx: AppContext,
  actor: Actor,
  request: ActionRequest,
  idempotency?: { key: string; requestHash: string },
) => {
  const { dossier, access } = await getReadableDossier(ctx, actor, request.code);
  const { calendar } = await getAgencyWorkingCalendar(ctx, dossier.receivingAgencyId);
  if (request.action === 'assign' || (request.action === 'complete_step' && 'assigneeUserId' in request.params)) {
    const assignee = (request.params as { assigneeUserId?: string }).assigneeUserId;
    if (assignee && !(await findUserProfile(ctx.db, assignee))) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'cán bộ được phân công', en: 'assignee' } });
    }
  }
  if (request.action === 'complete' && (request.results ?? []).length === 0) {
    throw new AppError('DOCUMENT_REQUIRED');
  }
  const official = access.official;
  // Who may act is decided before anything else (a user without the role gets 403, not a version
  // conflict); the state-dependent rules are checked again on the locked row below.
  const precheck = checkTransition(dossier.state as DossierState, request.action, {
    kind: 'official',
    userId: official.userId,
    rolesAt: access.rolesAt,
  });
  if (
    !precheck.ok &&
    (precheck.violation.code === 'ROLE_NOT_ALLOWED' || precheck.violation.code === 'STEP_ROLE_MISMATCH')
  ) {
    throw violationToError(request.action, precheck.violation);
  }
  return withIdempotency(ctx, { scope: `user:${official.userId}`, ...idempotency }, async (trx) => {
    const locked = await lockDossier(trx, dossier.id);
    if (!locked) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'hồ sơ', en: 'dossier' } });
    }
    if (locked.version !== request.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: locked.version, sent: request.expectedVersion });
    }
    const state = locked.state as DossierState;
    const now = ctx.clock.now();
    const decision = decideTransition({
      state,
      action: request.action,
      actor: { kind: 'official', userId: official.userId, rolesAt: access.rolesAt },
      params: request.params as never,
      now: now.getTime(),
      calendar,
    });
    if (!decision.ok) {
      throw violationToError(request.action, decision.violation);
    }
    const returnChannel =
      request.action === 'return_result' ? (request.params as ActionParams['return_result']).channel : undefined;
    const reason = 'reason' in request.params ? (request.params as { reason: string }).reason : undefined;
    const saved = await commitDossierChange(ctx, trx, {
      dossier: locked,
      state: decision.state,
      calendar,
      event: {
        at: now,
        actorKind: 'official',
        actorUserId: official.userId,
        actorRole: decision.actedAs,
        agencyId: getActingAgencyId(state, request.action),
        action: request.action,
        fromStatus: decision.fromStatus,
        toStatus: decision.toStatus,
        note: request.note ?? reason ?? null,
        payload: {
          params: request.params,
          ...(request.results ? { results: request.results } : {}),
          form: decision.form ?? null,
          clock: decision.clock,
          dueBefore: decision.dueBefore,
          dueAfter: decision.dueAfter,
        },
      },
      ...(returnChannel ? { extraChanges: { returnChannel } } : {}),
    });
    return {
      statusCode: 200,
      body: {
        code: saved.code,
        action: request.action,
        label: DOSSIER_TRANSITIONS[request.action].label,
        fromStatus: decision.fromStatus,
        toStatus: decision.toStatus,
        version: saved.version,
        form: decision.form ?? null,
      },
    };
  });
};
