import { countResultFiles, findUserProfile } from '@motcua/db';
import {
  type ActionParams,
  checkTransition,
  DOSSIER_TRANSITIONS,
  type DossierAction,
  type DossierActor,
  type DossierState,
  getActingAgencyId,
  listAvailableActions,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../calendar/calendar-service.js';
import { assertNoFeeOwed } from '../fees/fee-account.js';
import { changeDossier } from './change-dossier.js';
import { getReadableDossier } from './dossier-access.js';
import { withIdempotency } from './idempotency.js';
import { checkCompletionResults } from './results.js';
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
 * agency) → the one dossier-change path (lock, version the caller saw, state machine, state +
 * event + outbox) in one transaction, with the Idempotency-Key claimed in it.
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
  const acting: DossierActor = { kind: 'official', userId: official.userId, rolesAt: access.rolesAt };
  // Who may act is decided before anything else (a user without the role gets 403, not a version
  // conflict); the state-dependent rules are checked again on the locked row by changeDossier.
  const precheck = checkTransition(dossier.state as DossierState, request.action, acting);
  if (
    !precheck.ok &&
    (precheck.violation.code === 'ROLE_NOT_ALLOWED' || precheck.violation.code === 'STEP_ROLE_MISMATCH')
  ) {
    throw violationToError(request.action, precheck.violation);
  }
  return withIdempotency(ctx, { scope: `user:${official.userId}`, ...idempotency }, async (trx) => {
    if (request.action === 'return_result') {
      // No result is handed over while a fee or charge is owed (domain fees: checkResultReturn).
      await assertNoFeeOwed(trx, dossier);
    }
    const returnChannel =
      request.action === 'return_result' ? (request.params as ActionParams['return_result']).channel : undefined;
    const reason = 'reason' in request.params ? (request.params as { reason: string }).reason : undefined;
    // The result files the completion names are this dossier's; the event records their hashes.
    const resultFiles =
      request.action === 'complete' ? await checkCompletionResults(trx, dossier.id, request.results ?? []) : [];
    const payload = request.results
      ? { results: request.results, ...(resultFiles.length > 0 ? { resultFiles } : {}) }
      : {};
    const { dossier: saved, decision } = await changeDossier(ctx, trx, {
      dossierId: dossier.id,
      expectedVersion: request.expectedVersion,
      action: request.action,
      actor: acting,
      params: request.params,
      calendar,
      note: request.note ?? reason ?? null,
      payload,
      ...(returnChannel ? { extraChanges: { returnChannel } } : {}),
      // An online return needs a result file (counted in the transaction that returns the dossier).
      ...(returnChannel === 'online' ? { facts: { resultFiles: await countResultFiles(trx, dossier.id) } } : {}),
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
