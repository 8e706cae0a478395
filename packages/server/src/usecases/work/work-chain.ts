import { type Database, insertWorkEvent } from '@motcua/db';
import type { WorkRecordKind } from '@motcua/domain';
import type { Transaction } from 'kysely';
import { computeChainHash } from '../../audit/chain-hash.js';

/** The fields of a work event its hash covers (everything but the database id and the hashes). */
export type HashedWorkEvent = {
  recordKind: WorkRecordKind;
  recordId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  payload: Record<string, unknown>;
};

export const computeWorkEventHash = (prevHash: string | null, event: HashedWorkEvent): string =>
  computeChainHash(prevHash, event);

/**
 * Appends the next event of a schedule entry's, task's, work file's, consultation's or evaluation sheet's
 * hash-chained history (work_event, migration 0034) inside the caller's transaction, and answers the anchor
 * columns (event count, last hash) the caller writes on the record's row in the same transaction, with its
 * version guard. The one way a work event is written: every change path of issue 20's records calls it.
 */
export const appendWorkEvent = async (
  trx: Transaction<Database>,
  input: {
    kind: WorkRecordKind;
    row: { id: string; provinceCode: string; eventCount: number; lastEventHash: string | null };
    at: Date;
    actorUserId: string | null;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note?: string | null;
    payload?: Record<string, unknown>;
  },
): Promise<{ seq: number; eventCount: number; lastEventHash: string }> => {
  const seq = input.row.eventCount + 1;
  const content: HashedWorkEvent = {
    recordKind: input.kind,
    recordId: input.row.id,
    seq,
    at: input.at,
    actorUserId: input.actorUserId,
    action: input.action,
    fromStatus: input.fromStatus,
    toStatus: input.toStatus,
    note: input.note ?? null,
    payload: input.payload ?? {},
  };
  const hash = computeWorkEventHash(input.row.lastEventHash, content);
  await insertWorkEvent(trx, {
    ...content,
    provinceCode: input.row.provinceCode,
    payload: JSON.stringify(content.payload),
    prevHash: input.row.lastEventHash,
    hash,
  });
  return { seq, eventCount: seq, lastEventHash: hash };
};
