import {
  findDossierByCode,
  findPaknRegisterByCode,
  listDocumentAnchors,
  listDocumentEvents,
  listDossierAnchors,
  listEventsForAudit,
  listPaknAnchors,
  listPaknEvents,
  listProvinceSiteAnchors,
  listProvinceSiteEventsForAudit,
  listWorkEvents,
  listWorkRecordAnchors,
} from '@motcua/db';
import { WORK_RECORD_KINDS } from '@motcua/domain';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { computeDocumentEventHash } from '../eoffice/document-chain.js';
import { computePaknEventHash } from '../pakn/pakn-hash.js';
import { type ParAuditReport, verifyParChains } from '../par/rounds/par-audit.js';
import { computeProvinceSiteEventHash, type ProvinceSiteAction } from '../provinces/change-site.js';
import { computeWorkEventHash } from '../work/work-chain.js';
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
  /** A PAKN's problem names its code (PAKN.yyyymmdd.nnnn) where a dossier's names the dossier code. */
  findings: AuditFinding[];
  /** The PAR Index score histories (per round and unit); null when one dossier was asked for. */
  par: ParAuditReport | null;
  /** PAKN register entries and their events (usecases/pakn: the same kind of chain). */
  pakn: number;
  paknEvents: number;
  /** Incoming and outgoing documents and their document_event rows (usecases/eoffice/document-chain.ts). */
  documents: number;
  documentEvents: number;
  /** E-office II records (calendar entries, tasks, work files, consultations, evaluation sheets) and their work_event rows. */
  workRecords: number;
  workEvents: number;
  /** Province sites and their province_site_event rows (usecases/provinces/change-site.ts); a problem names "site:<code>". */
  sites: number;
  siteEvents: number;
};

const DOSSIER_PAGE = 200;

type ChainRow = { id: number; seq: number; action: string; prevHash: string | null; hash: string };
type ChainAnchor = { code: string; eventCount: number; lastEventHash: string | null };

/**
 * Checks one hash chain (a dossier's or a PAKN's): the order, the links, each row's content against
 * its hash, and the anchor on the record's row. `recompute` gives a row's hash from its content.
 */
const checkChain = <Row extends ChainRow>(
  anchor: ChainAnchor,
  unsorted: Row[],
  recompute: (row: Row) => string,
): AuditFinding[] => {
  const findings: AuditFinding[] = [];
  const rows = [...unsorted].sort((a, b) => a.seq - b.seq || a.id - b.id);
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
    const recomputed = recompute(row);
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
  return findings;
};

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
  input: { dossierCode?: string | undefined; paknCode?: string | undefined } = {},
  onProgress?: (done: number) => void,
): Promise<AuditReport> => {
  let dossierId: string | undefined;
  const findings: AuditFinding[] = [];
  let dossiers = 0;
  let events = 0;
  const pakn = input.dossierCode ? { entries: 0, events: 0 } : await verifyPaknChains(ctx, input.paknCode, findings);
  if (input.paknCode) {
    return {
      dossiers,
      events,
      pakn: pakn.entries,
      paknEvents: pakn.events,
      documents: 0,
      documentEvents: 0,
      workRecords: 0,
      workEvents: 0,
      sites: 0,
      siteEvents: 0,
      findings,
      par: null,
    };
  }
  // The document chains (both kinds) are checked with the whole audit, not for one dossier.
  const documents = input.dossierCode ? { documents: 0, events: 0 } : await verifyDocumentChains(ctx, findings);
  const work = input.dossierCode ? { records: 0, events: 0 } : await verifyWorkChains(ctx, findings);
  const sites = input.dossierCode ? { sites: 0, events: 0 } : await verifyProvinceSiteChains(ctx, findings);
  if (input.dossierCode) {
    const dossier = await findDossierByCode(ctx.db, input.dossierCode);
    if (!dossier) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'hồ sơ', en: 'dossier' } });
    }
    dossierId = dossier.id;
  }
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
      events += rows.length;
      findings.push(
        ...checkChain(anchor, rows, (row) =>
          computeEventHash(row.prevHash, {
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
          }),
        ),
      );
      onProgress?.(dossiers);
    }
    afterId = anchors.at(-1)?.id ?? afterId;
  }
  // The PAR Index histories are chained the same way (usecases/par/rounds/par-audit.ts).
  const par = dossierId || input.paknCode ? null : await verifyParChains(ctx);
  return {
    dossiers,
    events,
    pakn: pakn.entries,
    paknEvents: pakn.events,
    documents: documents.documents,
    documentEvents: documents.events,
    workRecords: work.records,
    workEvents: work.events,
    sites: sites.sites,
    siteEvents: sites.events,
    findings,
    par,
  };
};

/**
 * The chains of e-office II's records (work_event of every record kind, anchored by event_count and
 * last_event_hash on each record's row), page by page, into `findings`; a problem names the record as
 * "<kind>:<id>" (e.g. "task:…").
 */
const verifyWorkChains = async (
  ctx: Pick<AppContext, 'db'>,
  findings: AuditFinding[],
): Promise<{ records: number; events: number }> => {
  let records = 0;
  let events = 0;
  for (const kind of WORK_RECORD_KINDS) {
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const anchors = await listWorkRecordAnchors(ctx.db, { kind, afterId, limit: DOSSIER_PAGE });
      if (anchors.length === 0) {
        break;
      }
      for (const anchor of anchors) {
        records += 1;
        const rows = await listWorkEvents(ctx.db, kind, anchor.id);
        events += rows.length;
        findings.push(
          ...checkChain({ ...anchor, code: `${kind}:${anchor.id}` }, rows, (row) =>
            computeWorkEventHash(row.prevHash, {
              recordKind: row.recordKind,
              recordId: row.recordId,
              seq: row.seq,
              at: row.at,
              actorUserId: row.actorUserId,
              action: row.action,
              fromStatus: row.fromStatus,
              toStatus: row.toStatus,
              note: row.note,
              payload: row.payload as Record<string, unknown>,
            }),
          ),
        );
      }
      afterId = anchors.at(-1)?.id ?? afterId;
    }
  }
  return { records, events };
};

/**
 * The chains of incoming and outgoing documents (document_event of each kind, anchored by event_count and
 * last_event_hash on incoming_document / outgoing_document), page by page, into `findings`; a problem names
 * the document as "incoming:<id>" or "outgoing:<id>".
 */
const verifyDocumentChains = async (
  ctx: Pick<AppContext, 'db'>,
  findings: AuditFinding[],
): Promise<{ documents: number; events: number }> => {
  let documents = 0;
  let events = 0;
  for (const kind of ['incoming', 'outgoing'] as const) {
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const anchors = await listDocumentAnchors(ctx.db, { kind, afterId, limit: DOSSIER_PAGE });
      if (anchors.length === 0) {
        break;
      }
      for (const anchor of anchors) {
        documents += 1;
        const rows = await listDocumentEvents(ctx.db, kind, anchor.id);
        events += rows.length;
        findings.push(
          ...checkChain({ ...anchor, code: `${kind}:${anchor.id}` }, rows, (row) =>
            computeDocumentEventHash(row.prevHash, {
              documentKind: row.documentKind,
              documentId: row.documentId,
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
              payload: row.payload as Record<string, unknown>,
            }),
          ),
        );
      }
      afterId = anchors.at(-1)?.id ?? afterId;
    }
  }
  return { documents, events };
};

/** The PAKN chains (pakn_event, anchored on pakn_feedback), page by page, into `findings`. */
const verifyPaknChains = async (
  ctx: Pick<AppContext, 'db'>,
  paknCode: string | undefined,
  findings: AuditFinding[],
): Promise<{ entries: number; events: number }> => {
  let paknId: string | undefined;
  if (paknCode) {
    const entry = await findPaknRegisterByCode(ctx.db, paknCode);
    if (!entry) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'phản ánh, kiến nghị', en: 'feedback' } });
    }
    paknId = entry.id;
  }
  let entries = 0;
  let events = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const anchors = await listPaknAnchors(ctx.db, { ...(paknId ? { paknId } : {}), afterId, limit: DOSSIER_PAGE });
    if (anchors.length === 0) {
      break;
    }
    for (const anchor of anchors) {
      entries += 1;
      const rows = await listPaknEvents(ctx.db, anchor.id);
      events += rows.length;
      findings.push(...checkChain(anchor, rows, (row) => computePaknEventHash(row.prevHash, row)));
    }
    afterId = anchors.at(-1)?.id ?? afterId;
  }
  return { entries, events };
};

/**
 * The chains of the province sites (province_site_event, anchored by event_count and last_event_hash on
 * province_site: every change of a site's host names, address, default and branding), into `findings`; a problem
 * names the site as "site:<province code>".
 */
const verifyProvinceSiteChains = async (
  ctx: Pick<AppContext, 'db'>,
  findings: AuditFinding[],
): Promise<{ sites: number; events: number }> => {
  let sites = 0;
  let events = 0;
  let after: string | undefined;
  for (;;) {
    const anchors = await listProvinceSiteAnchors(ctx.db, { after, limit: DOSSIER_PAGE });
    if (anchors.length === 0) {
      break;
    }
    for (const anchor of anchors) {
      sites += 1;
      const rows = await listProvinceSiteEventsForAudit(ctx.db, anchor.code);
      events += rows.length;
      findings.push(
        ...checkChain({ ...anchor, code: `site:${anchor.code}` }, rows, (row) =>
          computeProvinceSiteEventHash(row.prevHash, {
            provinceCode: row.provinceCode,
            seq: row.seq,
            at: row.at,
            actorUserId: row.actorUserId,
            action: row.action as ProvinceSiteAction,
            payload: row.payload,
          }),
        ),
      );
    }
    after = anchors.at(-1)?.code;
  }
  return { sites, events };
};
