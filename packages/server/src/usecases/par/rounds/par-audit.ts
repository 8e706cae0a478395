import { listParScoreEvents, listParUnitAnchors } from '@motcua/db';
import type { AppContext } from '../../../context.js';
import { computeParEventHash } from './change-par-unit.js';

export type ParAuditFinding = {
  /** "PAR 2026 000.00.01.H31": the round's year and the unit's agency code. */
  unit: string;
  roundId: string;
  agencyId: string;
  seq: number | null;
  eventId: number | null;
  /** The leaf the event was about (null for an event of the whole unit). */
  criterionCode: string | null;
  kind: 'edited' | 'inserted' | 'deleted' | 'reordered' | 'tail_deleted' | 'unanchored';
  detail: string;
};

export type ParAuditReport = { units: number; events: number; findings: ParAuditFinding[] };

const UNIT_PAGE = 200;
const EVENT_PAGE = 5000;

/**
 * Recomputes the hash chain of every unit of every PAR round (par_score_event, per round and unit) and names
 * each row edited, inserted or deleted behind the engine's back, like the dossier chains
 * (usecases/dossiers/audit.ts): an edited score names its leaf and its seq. Units are read in keyset pages,
 * events in pages; only one unit's chain is held at a time.
 */
export const verifyParChains = async (
  ctx: Pick<AppContext, 'db'>,
  onProgress?: (done: number) => void,
): Promise<ParAuditReport> => {
  const findings: ParAuditFinding[] = [];
  let units = 0;
  let events = 0;
  let after: { roundId: string; agencyId: string } | null = null;
  for (;;) {
    const anchors = await listParUnitAnchors(ctx.db, { after, limit: UNIT_PAGE });
    if (anchors.length === 0) {
      break;
    }
    for (const anchor of anchors) {
      units += 1;
      const unit = `PAR ${anchor.year} ${anchor.agencyCode}`;
      const base = { unit, roundId: anchor.roundId, agencyId: anchor.agencyId };
      const rows = [];
      for (let afterSeq = -1; ; ) {
        const page = await listParScoreEvents(ctx.db, {
          roundId: anchor.roundId,
          agencyId: anchor.agencyId,
          afterSeq,
          limit: EVENT_PAGE,
        });
        rows.push(...page);
        if (page.length < EVENT_PAGE) {
          break;
        }
        afterSeq = page.at(-1)?.seq ?? afterSeq;
      }
      events += rows.length;
      let expectedSeq = 1;
      let previousHash: string | null = null;
      for (const row of rows) {
        const at = { seq: row.seq, eventId: row.id, criterionCode: row.criterionCode };
        if (row.seq > expectedSeq) {
          for (let missing = expectedSeq; missing < row.seq; missing++) {
            findings.push({
              ...base,
              seq: missing,
              eventId: null,
              criterionCode: null,
              kind: 'deleted',
              detail: `event ${missing} is missing from the chain`,
            });
          }
        } else if (row.seq < expectedSeq) {
          findings.push({ ...base, ...at, kind: 'inserted', detail: `a second event numbered ${row.seq}` });
        }
        const recomputed = computeParEventHash(row.prevHash, {
          roundId: row.roundId,
          agencyId: row.agencyId,
          seq: row.seq,
          criterionCode: row.criterionCode,
          action: row.action,
          field: row.field,
          points: row.points,
          note: row.note,
          detail: row.detail,
          actorUserId: row.actorUserId,
          at: row.at,
        });
        if (row.prevHash !== previousHash) {
          findings.push({
            ...base,
            ...at,
            kind: rows.some((other) => other.id !== row.id && other.hash === row.prevHash) ? 'reordered' : 'inserted',
            detail: 'prev_hash does not link to the previous event',
          });
        } else if (recomputed !== row.hash) {
          findings.push({
            ...base,
            ...at,
            kind: 'edited',
            detail: `content does not match its hash (${row.action} ${row.field}${row.criterionCode ? ` of ${row.criterionCode}` : ''})`,
          });
        }
        previousHash = row.hash;
        expectedSeq = Math.max(expectedSeq, row.seq + 1);
      }
      const last = rows.at(-1);
      const lastSeq = last?.seq ?? 0;
      if (anchor.eventCount > lastSeq) {
        findings.push({
          ...base,
          seq: lastSeq + 1,
          eventId: null,
          criterionCode: null,
          kind: 'tail_deleted',
          detail: `the unit records ${anchor.eventCount} events, the chain ends at ${lastSeq}`,
        });
      } else if (lastSeq > anchor.eventCount || (anchor.lastHash ?? null) !== (last?.hash ?? null)) {
        findings.push({
          ...base,
          seq: last?.seq ?? null,
          eventId: last?.id ?? null,
          criterionCode: last?.criterionCode ?? null,
          kind: 'unanchored',
          detail: `the chain ends at event ${lastSeq}, the unit anchors event ${anchor.eventCount}`,
        });
      }
      onProgress?.(units);
    }
    const tail = anchors.at(-1);
    after = tail ? { roundId: tail.roundId, agencyId: tail.agencyId } : after;
  }
  return { units, events, findings };
};
