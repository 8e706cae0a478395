import { type Database, type DossierChanges, type DossierRecord, lockDossier } from '@motcua/db';
import {
  type ActionParams,
  type DecideInput,
  type DossierAction,
  type DossierActor,
  type DossierState,
  decideTransition,
  getActingAgencyId,
  type TransitionResult,
  type WorkingTimeCalendar,
} from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { commitDossierChange, type EventInput } from './persist.js';
import { violationToError } from './violations.js';

/**
 * The one way an existing dossier changes: lock the row → check the version the caller saw →
 * decide with the state machine → turn a refusal into the API's problem → write state, event,
 * steps, statistics and outbox job (persist.ts) → hand back the saved row and the decision.
 * Every path that changes a dossier goes through here (the desk's and officials' actions, the
 * applicant's supplement and withdrawal, the payment platform's callback, a calendar change);
 * a new dossier is written in its final state by writeNewDossier (persist.ts) after decideOrThrow.
 * Authorisation that must come first (403 before 409) and idempotency stay with the caller, which
 * owns the transaction.
 */

export type TransitionDecision = Extract<TransitionResult, { ok: true }>;

/** Decides an action with the state machine; a refusal becomes the API's problem (409 state, 403 role, 422 rule). */
export const decideOrThrow = <A extends DossierAction>(input: DecideInput<A>): TransitionDecision => {
  const decision = decideTransition(input);
  if (!decision.ok) {
    throw violationToError(input.action, decision.violation);
  }
  return decision;
};

export type DossierChangeRequest<A extends DossierAction = DossierAction> = {
  dossierId: string;
  /** The version the caller's decision is based on (409 when the dossier has moved on); none for the system's reactions. */
  expectedVersion?: number | undefined;
  action: A;
  actor: DossierActor;
  params: ActionParams[A];
  /** The working-time calendar of the receiving agency (the dossier's legal clock). */
  calendar: WorkingTimeCalendar;
  /** When it happens; by default the clock, read once the row is locked. */
  at?: Date | undefined;
  /** The event's note. */
  note?: string | null | undefined;
  /** What this path's event records besides the parameters and the decision (results, documents, provider…). */
  payload?: Record<string, unknown> | undefined;
  /** Columns set besides the state's projections (the return channel). */
  extraChanges?: DossierChanges | undefined;
  /** Facts outside the state the action's rules read (the result files, for an online return). */
  facts?: DecideInput<A>['facts'];
};

export type DossierChangeResult = {
  /** The dossier as saved. */
  dossier: DossierRecord;
  /** The locked row the decision was made on. */
  before: DossierRecord;
  decision: TransitionDecision;
};

const DOSSIER = { vi: 'hồ sơ', en: 'dossier' } as const;

/** The event of a decided action: who (from the actor and the role that satisfied the table), where, what. */
const describeEvent = (
  request: DossierChangeRequest,
  before: DossierRecord,
  decision: TransitionDecision,
  at: Date,
): EventInput => ({
  at,
  actorKind: request.actor.kind,
  actorUserId: request.actor.kind === 'official' ? request.actor.userId : null,
  actorRole: decision.actedAs,
  agencyId: getActingAgencyId(before.state as DossierState, request.action),
  action: request.action,
  fromStatus: decision.fromStatus,
  toStatus: decision.toStatus,
  note: request.note ?? null,
  payload: {
    params: request.params,
    ...request.payload,
    form: decision.form ?? null,
    clock: decision.clock,
    dueBefore: decision.dueBefore,
    dueAfter: decision.dueAfter,
  },
});

type Refused = { refused: AppError };

/** Locks, checks the version and decides; a refusal is returned for the caller to throw or skip. */
const lockAndDecide = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  request: DossierChangeRequest,
): Promise<Refused | DossierChangeResult> => {
  const locked = await lockDossier(trx, request.dossierId);
  if (!locked) {
    return { refused: new AppError('NOT_FOUND', { resource: DOSSIER }) };
  }
  if (request.expectedVersion !== undefined && locked.version !== request.expectedVersion) {
    return { refused: new AppError('VERSION_CONFLICT', { current: locked.version, sent: request.expectedVersion }) };
  }
  const at = request.at ?? ctx.clock.now();
  const decision = decideTransition({
    state: locked.state as DossierState,
    action: request.action,
    actor: request.actor,
    params: request.params as never,
    now: at.getTime(),
    calendar: request.calendar,
    facts: request.facts,
  });
  if (!decision.ok) {
    return { refused: violationToError(request.action, decision.violation) };
  }
  const dossier = await commitDossierChange(ctx, trx, {
    dossier: locked,
    state: decision.state,
    calendar: request.calendar,
    event: describeEvent(request, locked, decision, at),
    ...(request.extraChanges ? { extraChanges: request.extraChanges } : {}),
  });
  return { dossier, before: locked, decision };
};

/**
 * Takes an action on a dossier in the caller's transaction. Throws the API's problem when the
 * dossier is gone (404), has moved past the expected version (409) or the state machine refuses.
 */
export const changeDossier = async <A extends DossierAction>(
  ctx: AppContext,
  trx: Transaction<Database>,
  request: DossierChangeRequest<A>,
): Promise<DossierChangeResult> => {
  const result = await lockAndDecide(ctx, trx, request as DossierChangeRequest);
  if ('refused' in result) {
    throw result.refused;
  }
  return result;
};

/**
 * The same for the system's reactions that apply only if they still can (a late payment callback on
 * a dossier no longer waiting for it): answers null instead of throwing, and writes nothing then.
 */
export const changeDossierIfAllowed = async <A extends DossierAction>(
  ctx: AppContext,
  trx: Transaction<Database>,
  request: DossierChangeRequest<A>,
): Promise<DossierChangeResult | null> => {
  const result = await lockAndDecide(ctx, trx, request as DossierChangeRequest);
  return 'refused' in result ? null : result;
};

/**
 * Writes a dossier's unchanged state again under a changed working calendar (new due instants),
 * with the event `describe` gives for the locked row. Not a state-machine action: nothing is
 * decided. Answers null, writing nothing, when the dossier has changed since `expectedVersion`
 * (its own transition already used the new calendar).
 */
export const reprojectDossier = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    dossierId: string;
    expectedVersion: number;
    calendar: WorkingTimeCalendar;
    describe: (locked: DossierRecord) => EventInput;
  },
): Promise<DossierRecord | null> => {
  const locked = await lockDossier(trx, input.dossierId);
  if (!locked || locked.version !== input.expectedVersion) {
    return null;
  }
  return commitDossierChange(ctx, trx, {
    dossier: locked,
    state: locked.state as DossierState,
    calendar: input.calendar,
    event: input.describe(locked),
  });
};
