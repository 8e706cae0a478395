import { type Database, insertDocumentEvent } from '@motcua/db';
import type { DocumentKind } from '@motcua/domain';
import type { Transaction } from 'kysely';
import { computeChainHash } from '../../audit/chain-hash.js';
import type { AppContext } from '../../context.js';
import { QUEUES } from '../../jobs/jobs.js';

export type DocumentEventActor = { kind: 'official' | 'system'; userId: string | null; role: string | null };

/** The fields of a document event its hash covers (everything but the database id and the hashes). */
export type HashedDocumentEvent = {
  documentKind: DocumentKind;
  documentId: string;
  seq: number;
  at: Date;
  actorKind: DocumentEventActor['kind'];
  actorUserId: string | null;
  actorRole: string | null;
  agencyId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  payload: Record<string, unknown>;
};

export const computeDocumentEventHash = (prevHash: string | null, event: HashedDocumentEvent): string =>
  computeChainHash(prevHash, event);

/**
 * Appends the next event of an incoming or outgoing document's hash-chained history and queues the
 * `document-changed` outbox job, inside the caller's transaction; returns the anchor columns (event count,
 * last hash) the caller writes on the document's row in the same transaction. The one way a document
 * event is written — the change paths of both kinds of document (change-incoming, change-outgoing) call it.
 */
export const appendDocumentEvent = async (
  trx: Transaction<Database>,
  ctx: AppContext,
  input: {
    kind: DocumentKind;
    row: { id: string; eventCount: number; lastEventHash: string | null };
    at: Date;
    actor: DocumentEventActor;
    agencyId: string | null;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    payload: Record<string, unknown>;
  },
): Promise<{ eventCount: number; lastEventHash: string }> => {
  const seq = input.row.eventCount + 1;
  const content: HashedDocumentEvent = {
    documentKind: input.kind,
    documentId: input.row.id,
    seq,
    at: input.at,
    actorKind: input.actor.kind,
    actorUserId: input.actor.userId,
    actorRole: input.actor.role,
    agencyId: input.agencyId,
    action: input.action,
    fromStatus: input.fromStatus,
    toStatus: input.toStatus,
    note: input.note,
    payload: input.payload,
  };
  const hash = computeDocumentEventHash(input.row.lastEventHash, content);
  await insertDocumentEvent(trx, {
    ...content,
    payload: JSON.stringify(input.payload),
    prevHash: input.row.lastEventHash,
    hash,
  });
  await ctx.jobs.enqueue(trx, QUEUES.documentChanged, {
    documentKind: input.kind,
    documentId: input.row.id,
    seq,
    action: input.action,
  } satisfies DocumentChangedJob);
  return { eventCount: seq, lastEventHash: hash };
};

/** The outbox job of a document change (its handler notifies whoever acts next and the sender's status). */
export type DocumentChangedJob = { documentKind: DocumentKind; documentId: string; seq: number; action: string };
