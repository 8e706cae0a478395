import { computeChainHash } from '../../audit/chain-hash.js';

/** The fields of a dossier event that its hash covers (everything but the database id and the hashes). */
export type HashedEventContent = {
  dossierId: string;
  seq: number;
  at: Date;
  actorKind: string;
  actorUserId: string | null;
  actorRole: string | null;
  agencyId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  payload: unknown;
};

/**
 * hash = SHA-256(prev_hash || "\n" || canonical JSON of the event), the rule of every chain (audit/chain-hash.ts).
 * Each event commits to the whole history before it, so editing, inserting or deleting a row breaks every
 * later link, and the dossier row's anchor (event count + last hash) catches a deleted tail.
 */
export const computeEventHash = (prevHash: string | null, event: HashedEventContent): string =>
  computeChainHash(prevHash, {
    dossierId: event.dossierId,
    seq: event.seq,
    at: event.at,
    actorKind: event.actorKind,
    actorUserId: event.actorUserId,
    actorRole: event.actorRole,
    agencyId: event.agencyId,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note,
    payload: event.payload,
  });
