import { findDossierByCode, listDossierAnchors, listEventsForAudit } from '@motcua/db';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { type ParAuditReport, verifyParChains } from '../par/rounds/par-audit.js';
import { computeEventHash } from './hash-chain.js';

export type AuditFinding = {
  dossierCode: string;
  /** The event's position in its dossier's chain (null for a problem with the chain as a whole). */
  seq: number | null;
  eventId: number | null;
  kind: 'edited' | 'inserted' | 'deleted' | 'reordered' | 'tail_deleted' | 'unanchored';
  detail: string;
};

export type AuditReport = {
  dossiers: number;
  events: number;
  findings: AuditFinding[];
  /** The PAR Index score histories (per round and unit); null when one dossier was asked for. */
  par: ParAuditReport | null;
};

const DOSSIER_PAGE = 200;

/**
 * Recomputes every hash chain (or one dossier's) and names each row that was edited, inserted or
 * deleted behind the engine's back:
 * - edited: the row's content no longer gives its stored hash, while its link to the previous
 *   row is intact;
 * - inserted / reordered: the row's prev_hash does not point at the previous row's hash;
 * - deleted: a sequence number is missing; tail_deleted: the dossier's anchor counts more events
 *   (or another last hash) than the chain has.
 * Reads page by page; nothing is held in memory beyond one dossier's events.
 */
export const verifyAuditChains = async (
  ctx: Pick<AppContext, 'db'>,
  input: { dossierCode?: string | undefined } = {},
  onProgress?: (done: number) => void,
): Promise<AuditReport> => {
  let dossierId: string | undefined;
  if (input.dossierCode) {
    const dossier = await findDossierByCode(ctx.db, input.dossierCode);
    if (!dossier) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'hồ sơ', en: 'dossier' } });
    }
    dossierId = dossier.id;
  }
  const findings: AuditFinding[] = [];
  let dossiers = 0;
  let events = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const anchors = await listDossierAnchors(ctx.db, {
      ...(dossierId ? { dossierId } : {}),
      afterId,
      limit: DOSSIER_PAGE,
    });
    if (anchors.length === 0) {
      break;
    }
    for (const anchor of anchors) {
      dossiers += 1;
      const rows = await listEventsForAudit(ctx.db, { dossierId: anchor.id, afterId: 0, limit: 100_000 });
      rows.sort((a, b) => a.seq - b.seq || a.id - b.id);
      events += rows.length;
      let expectedSeq = 1;
      let previousHash: string | null = null;
      for (const row of rows) {
        if (row.seq > expectedSeq) {
          for (let missing = expectedSeq; missing < row.seq; missing++) {
            findings.push({
              dossierCode: anchor.code,
              seq: missing,
              eventId: null,
              kind: 'deleted',
              detail: `event ${missing} is missing from the chain`,
            });
          }
        } else if (row.seq < expectedSeq) {
          findings.push({
            dossierCode: anchor.code,
            seq: row.seq,
            eventId: row.id,
            kind: 'inserted',
            detail: `a second event numbered ${row.seq}`,
          });
        }
        const recomputed = computeEventHash(row.prevHash, {
          dossierId: row.dossierId,
          seq: row.seq,
          at: row.at,
          actorKind: row.actorKind,
          actorUserId: row.actorUserId,
          actorRole: row.actorRole,
          agencyId: row.agencyId,
          action: row.action,
          fromStatus: row.fromStatus,
          toStatus: row.toStatus,
          note: row.note,
          payload: row.payload,
        });
        if (row.prevHash !== previousHash) {
          findings.push({
            dossierCode: anchor.code,
            seq: row.seq,
            eventId: row.id,
            // Pointing at another row of this chain means rows were swapped; at nothing known, it was slipped in.
            kind: rows.some((other) => other.id !== row.id && other.hash === row.prevHash) ? 'reordered' : 'inserted',
            detail: 'prev_hash does not link to the previous event',
          });
        } else if (recomputed !== row.hash) {
          findings.push({
            dossierCode: anchor.code,
            seq: row.seq,
            eventId: row.id,
            kind: 'edited',
            detail: `content does not match its hash (action ${row.action})`,
          });
        }
        previousHash = row.hash;
        expectedSeq = Math.max(expectedSeq, row.seq + 1);
      }
      const last = rows.at(-1);
      const lastSeq = last?.seq ?? 0;
      if (anchor.eventCount > lastSeq) {
        findings.push({
          dossierCode: anchor.code,
          seq: lastSeq + 1,
          eventId: null,
          kind: 'tail_deleted',
          detail: `the dossier records ${anchor.eventCount} events, the chain ends at ${lastSeq}`,
        });
      } else if (lastSeq > anchor.eventCount || (anchor.lastEventHash ?? null) !== (last?.hash ?? null)) {
        // Appended outside the engine, or the last event rewritten with a recomputed hash.
        findings.push({
          dossierCode: anchor.code,
          seq: last?.seq ?? null,
          eventId: last?.id ?? null,
          kind: 'unanchored',
          detail: `the chain ends at event ${lastSeq} (${last?.hash.slice(0, 12) ?? '-'}), the dossier anchors event ${anchor.eventCount} (${anchor.lastEventHash?.slice(0, 12) ?? '-'})`,
        });
      }
      onProgress?.(dossiers);
    }
    afterId = anchors.at(-1)?.id ?? afterId;
  }
  // The PAR Index histories are chained the same way (usecases/par/rounds/par-audit.ts).
  const par = dossierId ? null : await verifyParChains(ctx);
  return { dossiers, events, findings, par };
};
