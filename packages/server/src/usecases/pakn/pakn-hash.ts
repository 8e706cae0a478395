import { createHash } from 'node:crypto';
import { canonicalizeJson } from '@motcua/domain';

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

/** hash = SHA-256(prev_hash || "\n" || canonical JSON of the event), as the dossier's chain (dossiers/hash-chain.ts). */
export const computePaknEventHash = (prevHash: string | null, event: HashedPaknEvent): string =>
  createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(
      canonicalizeJson({
        paknId: event.paknId,
        seq: event.seq,
        at: event.at.toISOString(),
        actorKind: event.actorKind,
        actorUserId: event.actorUserId,
        actorRole: event.actorRole,
        agencyId: event.agencyId,
        action: event.action,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        note: event.note,
        payload: event.payload,
      }),
    )
    .digest('hex');
