import { computeChainHash } from '../../audit/chain-hash.js';

/** The fields of a PAKN event its hash covers (everything but the database id and the hashes). */
export type HashedPaknEvent = {
  paknId: string;
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

/** hash = SHA-256(prev_hash || "\n" || canonical JSON of the event), the rule of every chain (audit/chain-hash.ts). */
export const computePaknEventHash = (prevHash: string | null, event: HashedPaknEvent): string =>
  computeChainHash(prevHash, {
    paknId: event.paknId,
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
