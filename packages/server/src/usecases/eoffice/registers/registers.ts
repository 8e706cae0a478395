import {
  countDocumentRates,
  findAgency,
  findAgencyLineage,
  type IncomingRegisterEntry,
  listIncomingRegisterPage,
  listOutgoingRegisterPage,
  type OutgoingRegisterEntry,
  searchDocuments,
} from '@motcua/db';
import {
  addDays,
  computeDocumentRate,
  DOCUMENT_TYPES,
  type DocumentKind,
  type DocumentRate,
  foldVietnamese,
  formatDateVi,
  formatDocumentRateEn,
  formatDocumentRateVi,
  isAllowed,
  parseInstant,
  toLocalDate,
  URGENCY_LABELS,
} from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { formatPeriodLineVi, type ReportMeta, vietnamNow } from '../../../reports/report-meta.js';
import { findPlaceNameOfAgency } from '../../provinces/letterhead.js';
import { decodeCursor, encodeCursor } from '../../reports/drill-down.js';
import { resolveReportPeriod } from '../../reports/period.js';
import { AGENCY } from '../../reports/scope.js';

/**
 * The registers of official documents of an agency (sổ đăng ký văn bản đến / đi, Decree 30/2020/NĐ-CP Art.
 * 16, 22, Phụ lục IV), the search over both kinds and the e-office rates. All read on ctx.reader (reports).
 * Who may: an official holding document.read or report.read at the agency (the clerk, specialists and heads
 * of the agency; the province's report readers); anyone else gets 404 (or 403 when the agency is visible).
 */

export type PeriodQuery = { from?: string | undefined; to?: string | undefined; period?: string | undefined };

const authorizeAgency = async (ctx: AppContext, actor: Actor, agencyId: string) => {
  const official = requireOfficial(actor);
  const lineage = await findAgencyLineage(ctx.reader, agencyId);
  const agency = lineage ? await findAgency(ctx.reader, agencyId) : undefined;
  if (!lineage || !agency) {
    throw new AppError('NOT_FOUND', { resource: AGENCY });
  }
  const target = { kind: 'agency' as const, lineage };
  if (!isAllowed(official.grants, 'document.read', target) && !isAllowed(official.grants, 'report.read', target)) {
    const visible = official.grants.some(
      (g) => lineage.coveringIds.includes(g.agencyId) || lineage.ancestorIds.includes(g.agencyId),
    );
    throw visible ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { resource: AGENCY });
  }
  return { official, agency };
};

/** The period: from/to days or a named one (2026, 2026-Q1, 2026-03); by default the current year. */
const resolvePeriod = (ctx: AppContext, input: PeriodQuery) => {
  const today = todayInVietnam(ctx.clock);
  const named = input.period ?? (input.from || input.to ? undefined : today.slice(0, 4));
  const { period } = resolveReportPeriod({ ...input, period: named }, today);
  return { from: period.from, to: period.to };
};

/** The instants of Vietnam days [from, to]. */
const instantsOf = (from: string, to: string) => ({
  from: new Date(parseInstant(`${from}T00:00:00+07:00`)),
  to: new Date(parseInstant(`${addDays(to, 1)}T00:00:00+07:00`)),
});

const dayOf = (at: Date | string | null): string => (at ? formatDateVi(toLocalDate(new Date(at).getTime())) : '');

const TYPE_NAMES = new Map<string, string>(DOCUMENT_TYPES.map((type) => [type.code, type.vi]));

/** "Công văn: V/v …", "Kế hoạch: Kiểm tra …"; a subject that already starts with its type's name as it is. */
const typeAndSubject = (documentType: string, subject: string) => {
  const name = TYPE_NAMES.get(documentType);
  if (!name || foldVietnamese(subject).startsWith(foldVietnamese(name))) {
    return subject;
  }
  return `${name}: ${subject}`;
};

const urgencyNote = (urgency: keyof typeof URGENCY_LABELS) =>
  urgency === 'normal' ? [] : [URGENCY_LABELS[urgency].vi];

/** A line of the incoming register as printed (Phụ lục IV columns [RECALL]). */
export const toIncomingRegisterRow = (entry: IncomingRegisterEntry): string[] => [
  dayOf(entry.receivedAt),
  String(entry.incomingNumber),
  entry.issuerName,
  entry.numberSymbol,
  formatDateVi(entry.issuedOn),
  typeAndSubject(entry.documentType, entry.subject),
  [entry.leadUnitName, entry.assigneeName].filter(Boolean).join('; ') || (entry.presentedToName ?? ''),
  '',
  [entry.channel === 'electronic' ? 'Văn bản điện tử' : 'Văn bản giấy', ...urgencyNote(entry.urgency)].join('; '),
];

/** A line of the outgoing register as printed (Phụ lục IV columns [RECALL]). */
export const toOutgoingRegisterRow = (entry: OutgoingRegisterEntry): string[] => [
  entry.numberSymbol ?? String(entry.number),
  dayOf(entry.signedAt),
  typeAndSubject(entry.documentType, entry.subject),
  [entry.signerName, entry.signerTitle].filter(Boolean).join(', '),
  entry.recipients ?? '',
  [entry.draftingUnitName, entry.drafterName].filter(Boolean).join('; '),
  // One copy to each recipient (paper or electronic) [RECALL: the register counts the copies issued].
  String(Math.max(1, Number(entry.recipientCount))),
  dayOf(entry.issuedAt),
  '',
  [
    entry.signed ? 'Ký số' : 'Chưa ký số',
    Number(entry.recipientCount) > 0 && Number(entry.paperRecipients) === 0 ? 'Gửi điện tử' : 'Có bản giấy',
    ...urgencyNote(entry.urgency),
  ].join('; '),
];

export type DocumentRegister = {
  kind: DocumentKind;
  meta: ReportMeta;
  agency: { id: string; code: string; name: string };
  period: { from: string; to: string; label: string };
  yearLabel: string;
  /** Reads the register a page at a time (keyset) from an optional cursor, at most `maxRows` rows. */
  pages: (options: { after?: string | undefined; pageSize: number; maxRows: number }) => AsyncGenerator<{
    rows: string[][];
    nextCursor: string | null;
  }>;
};

export const openDocumentRegister = async (
  ctx: AppContext,
  actor: Actor,
  input: PeriodQuery & { kind: DocumentKind; agency: string },
): Promise<DocumentRegister> => {
  const { agency } = await authorizeAgency(ctx, actor, input.agency);
  const period = resolvePeriod(ctx, input);
  const parent = agency.parentId ? await findAgency(ctx.reader, agency.parentId) : undefined;
  const meta: ReportMeta = {
    issuer: {
      ...(parent ? { parentName: parent.name } : {}),
      agencyName: agency.name,
      placeName: await findPlaceNameOfAgency(ctx, agency, parent?.name),
    },
    generatedAt: vietnamNow(ctx.clock.now()),
  };
  const years = { from: Number(period.from.slice(0, 4)), to: Number(period.to.slice(0, 4)) };
  const range = instantsOf(period.from, period.to);
  const kind = input.kind;
  return {
    kind,
    meta,
    agency: { id: agency.id, code: agency.code, name: agency.name },
    period: { ...period, label: formatPeriodLineVi(period.from, period.to) },
    yearLabel: years.from === years.to ? `Năm ${years.from}` : `Năm ${years.from} – ${years.to}`,
    pages: async function* ({ after, pageSize, maxRows }) {
      const keys = kind === 'incoming' ? (['year', 'number'] as const) : (['year', 'sequence', 'number'] as const);
      let cursor = decodeCursor(after, keys) as Record<string, string> | undefined;
      let written = 0;
      while (written < maxRows) {
        const limit = Math.min(pageSize, maxRows - written);
        let rows: string[][];
        let more: boolean;
        if (kind === 'incoming') {
          const entries = await listIncomingRegisterPage(ctx.reader, {
            agencyId: agency.id,
            years,
            ...range,
            after: cursor ? { year: Number(cursor.year), number: Number(cursor.number) } : null,
            limit: limit + 1,
          });
          const page = entries.slice(0, limit);
          rows = page.map(toIncomingRegisterRow);
          more = entries.length > limit;
          const last = page.at(-1);
          cursor = last ? { year: String(last.year), number: String(last.incomingNumber) } : cursor;
        } else {
          const entries = await listOutgoingRegisterPage(ctx.reader, {
            agencyId: agency.id,
            years,
            ...range,
            after: cursor
              ? { year: Number(cursor.year), sequence: cursor.sequence ?? '', number: Number(cursor.number) }
              : null,
            limit: limit + 1,
          });
          const page = entries.slice(0, limit);
          rows = page.map(toOutgoingRegisterRow);
          more = entries.length > limit;
          const last = page.at(-1);
          cursor = last
            ? { year: String(last.year), sequence: last.numberSequence, number: String(last.number) }
            : cursor;
        }
        written += rows.length;
        yield { rows, nextCursor: more && cursor ? encodeCursor(cursor) : null };
        if (!more) {
          return;
        }
      }
    },
  };
};

export type DocumentSearchQuery = PeriodQuery & {
  agency: string;
  q?: string | undefined;
  sender?: string | undefined;
  kind?: DocumentKind | undefined;
  type?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

/**
 * Searches the agency's incoming and outgoing documents, newest first, a page at a time: the words (number,
 * symbol, issuer, subject) without diacritics, the sender, the type, the days. Confidential documents only
 * for the officials they are assigned to (see searchDocuments).
 */
export const searchOfficialDocuments = async (ctx: AppContext, actor: Actor, input: DocumentSearchQuery) => {
  const { official, agency } = await authorizeAgency(ctx, actor, input.agency);
  const after = decodeCursor(input.cursor, ['at', 'id'] as const);
  const text = input.q ? foldVietnamese(input.q) : '';
  const sender = input.sender ? foldVietnamese(input.sender) : '';
  const from = input.from ? instantsOf(input.from, input.from).from : undefined;
  const to = input.to ? instantsOf(input.to, input.to).to : undefined;
  const hits = await searchDocuments(ctx.reader, {
    agencyId: agency.id,
    userId: (official as OfficialActor).userId,
    kind: input.kind,
    text: text || undefined,
    sender: sender || undefined,
    documentType: input.type,
    from,
    to,
    after: after ? { at: new Date(after.at), id: after.id } : undefined,
    limit: input.limit + 1,
  });
  const page = hits.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((hit) => ({
      kind: hit.kind,
      id: hit.id,
      at: new Date(hit.at).toISOString(),
      date: toLocalDate(new Date(hit.at).getTime()),
      numberSymbol: hit.numberSymbol,
      documentType: hit.documentType,
      subject: hit.subject,
      sender: hit.sender,
      urgency: hit.urgency,
      confidential: hit.confidentiality !== 'normal',
      status: hit.status,
      channel: hit.channel,
    })),
    nextCursor:
      hits.length > input.limit && last ? encodeCursor({ at: new Date(last.at).toISOString(), id: last.id }) : null,
  };
};

export type DocumentRateFigure = DocumentRate & { text: { vi: string; en: string } };

const figure = (numerator: number, base: number): DocumentRateFigure => {
  const rate = computeDocumentRate(numerator, base);
  return { ...rate, text: { vi: formatDocumentRateVi(rate), en: formatDocumentRateEn(rate) } };
};

export type DocumentCounts = {
  incoming: number;
  incomingElectronic: number;
  outgoing: number;
  outgoingElectronic: number;
  outgoingSigned: number;
};

/**
 * The rates from the counts (document-rates.ts in @motcua/domain): incoming received electronically;
 * outgoing sent electronically; both together (exchanged electronically — the PAR measure edocument_rate);
 * outgoing digitally signed (digital_signature_rate).
 */
export const buildDocumentRates = (counts: DocumentCounts) => ({
  counts,
  incomingElectronic: figure(counts.incomingElectronic, counts.incoming),
  outgoingElectronic: figure(counts.outgoingElectronic, counts.outgoing),
  exchangedElectronic: figure(counts.incomingElectronic + counts.outgoingElectronic, counts.incoming + counts.outgoing),
  outgoingSigned: figure(counts.outgoingSigned, counts.outgoing),
});

const sumCounts = (rows: readonly DocumentCounts[]): DocumentCounts =>
  rows.reduce(
    (total, row) => ({
      incoming: total.incoming + row.incoming,
      incomingElectronic: total.incomingElectronic + row.incomingElectronic,
      outgoing: total.outgoing + row.outgoing,
      outgoingElectronic: total.outgoingElectronic + row.outgoingElectronic,
      outgoingSigned: total.outgoingSigned + row.outgoingSigned,
    }),
    { incoming: 0, incomingElectronic: 0, outgoing: 0, outgoingElectronic: 0, outgoingSigned: 0 },
  );

/** The e-office statistics of an agency over a period: totals and one line per month. */
export const getDocumentStatistics = async (ctx: AppContext, actor: Actor, input: PeriodQuery & { agency: string }) => {
  const { agency } = await authorizeAgency(ctx, actor, input.agency);
  const period = resolvePeriod(ctx, input);
  const rows = await countDocumentRates(ctx.reader, { agencyIds: [agency.id], ...instantsOf(period.from, period.to) });
  return {
    agency: { id: agency.id, code: agency.code, name: agency.name },
    period: { ...period, label: formatPeriodLineVi(period.from, period.to) },
    totals: buildDocumentRates(sumCounts(rows)),
    months: rows.map(({ month, ...counts }) => ({ month, ...buildDocumentRates(counts) })),
  };
};

/**
 * An agency's e-office rates over a calendar year, for the PAR Index system measures 'edocument_rate' and
 * 'digital_signature_rate' (usecases/par/rounds/system-figures.ts). A system measure: no actor, the caller
 * authorises. Undefined for an unknown agency.
 */
export const findAgencyDocumentRates = async (ctx: AppContext, input: { agencyId: string; year: number }) => {
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency) {
    return undefined;
  }
  const rows = await countDocumentRates(ctx.reader, {
    agencyIds: [input.agencyId],
    ...instantsOf(`${input.year}-01-01`, `${input.year}-12-31`),
  });
  return buildDocumentRates(sumCounts(rows));
};
