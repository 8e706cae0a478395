import {
  type Database,
  findOutgoingForUpdate,
  insertOutgoingDocument,
  type OutgoingRecord,
  updateOutgoingGuarded,
} from '@motcua/db';
import {
  canTakeOutgoingAction,
  foldVietnamese,
  OUTGOING_STATE_LABELS,
  type OutgoingAction,
  type OutgoingState,
} from '@motcua/domain';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { appendDocumentEvent } from '../document-chain.js';
import { getReadableOutgoing, OUTGOING, roleAt } from './outgoing-access.js';

export const OUTGOING_ACTION_LABELS: Record<OutgoingAction, { vi: string; en: string }> = {
  edit: { vi: 'Sửa dự thảo', en: 'Edit the draft' },
  submit: { vi: 'Trình duyệt', en: 'Submit for review' },
  decide: { vi: 'Cho ý kiến duyệt', en: 'Decide a review step' },
  sign: { vi: 'Ký số', en: 'Sign' },
  seal: { vi: 'Ký số của cơ quan', en: 'Apply the organisation’s signature' },
  issue: { vi: 'Phát hành', en: 'Issue' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
};

/** The searchable, accent-free text of a document: its number and symbol and its subject. */
export const foldOutgoingSearchText = (row: { subject: string; numberSymbol?: string | null }) =>
  foldVietnamese([row.numberSymbol ?? '', row.subject].join(' ')).slice(0, 8000);

/** What a decision does to the document: the state it goes to, the columns it sets, what its event says. */
export type OutgoingDecision = {
  to: OutgoingState;
  patch?: Updateable<Database['outgoingDocument']>;
  note?: string | null;
  payload?: Record<string, unknown>;
  /** Runs in the same transaction after the row is updated (deliveries, signature rows). */
  after?: (trx: Transaction<Database>, updated: OutgoingRecord) => Promise<void>;
};

export type OutgoingChangeInput = {
  id: string;
  expectedVersion: number;
  action: OutgoingAction;
  /** The event's action name when it is more precise than the table's ('upload_version', 'approve_step'). */
  eventAction?: string;
};

/**
 * Every change of an outgoing document: authorize (read it, then the step's own check) → lock the row →
 * check the version the caller saw (409) → check the state table → decide → the row, its hash-chained
 * event (appendDocumentEvent) and the outbox job in one transaction. There is no other way a document
 * changes after it is created.
 */
export const changeOutgoing = async (
  ctx: AppContext,
  actor: Actor,
  input: OutgoingChangeInput,
  steps: {
    /** Throws when the official may not take the step (checked before the transaction, on the row as read). */
    authorize: (official: OfficialActor, record: OutgoingRecord) => Promise<void>;
    /** Decides on the locked row; may read and write inside the transaction. */
    decide: (
      trx: Transaction<Database>,
      row: OutgoingRecord,
      official: OfficialActor,
      now: Date,
    ) => Promise<OutgoingDecision>;
  },
): Promise<OutgoingRecord> => {
  const { official, record } = await getReadableOutgoing(ctx, actor, input.id);
  await steps.authorize(official, record);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findOutgoingForUpdate(trx, input.id);
    if (!row) {
      throw new AppError('NOT_FOUND', { resource: OUTGOING });
    }
    if (row.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
    }
    if (!canTakeOutgoingAction(row.status, input.action)) {
      throw new AppError('OUTGOING_NOT_ALLOWED_IN_STATE', {
        state: OUTGOING_STATE_LABELS[row.status].vi,
        action: OUTGOING_ACTION_LABELS[input.action].vi,
      });
    }
    const decision = await steps.decide(trx, row, official, now);
    const anchor = await appendDocumentEvent(trx, ctx, {
      kind: 'outgoing',
      row,
      at: now,
      actor: { kind: 'official', userId: official.userId, role: roleAt(official, row.agencyId) },
      agencyId: row.agencyId,
      action: input.eventAction ?? input.action,
      fromStatus: row.status,
      toStatus: decision.to,
      note: decision.note ?? null,
      payload: decision.payload ?? {},
    });
    const updated = await updateOutgoingGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { ...decision.patch, status: decision.to, ...anchor },
    });
    if (!updated) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: input.expectedVersion });
    }
    await decision.after?.(trx, updated);
    return updated;
  });
};

/** A new draft with its first event ('create'), in the caller's transaction. */
export const insertOutgoingWithEvent = async (
  trx: Transaction<Database>,
  ctx: AppContext,
  input: {
    row: Omit<Insertable<Database['outgoingDocument']>, 'id' | 'status' | 'searchText'>;
    official: Pick<OfficialActor, 'userId'> & { role: string | null };
    at: Date;
  },
): Promise<OutgoingRecord> => {
  const inserted = await insertOutgoingDocument(trx, {
    ...input.row,
    status: 'draft',
    searchText: foldOutgoingSearchText(input.row),
  });
  const anchor = await appendDocumentEvent(trx, ctx, {
    kind: 'outgoing',
    row: inserted,
    at: input.at,
    actor: { kind: 'official', userId: input.official.userId, role: input.official.role },
    agencyId: inserted.agencyId,
    action: 'create',
    fromStatus: null,
    toStatus: 'draft',
    note: null,
    payload: { documentType: inserted.documentType, isNormative: inserted.isNormative },
  });
  const anchored = await updateOutgoingGuarded(trx, {
    id: inserted.id,
    expectedVersion: inserted.version,
    patch: anchor,
  });
  if (!anchored) {
    throw new Error('a new outgoing document changed inside its own transaction');
  }
  return anchored;
};
