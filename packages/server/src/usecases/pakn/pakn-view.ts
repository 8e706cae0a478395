import { findAgency, type PaknEventRecord, type PaknRegisterRecord } from '@motcua/db';
import {
  classifyTimeliness,
  formatInstant,
  listPaknActions,
  PAKN_CATEGORIES,
  PAKN_CHANNELS,
  PAKN_KINDS,
  PAKN_STATES,
  PAKN_TOPICS,
  PAKN_TRANSITIONS,
  TIMELINESS_LABELS,
} from '@motcua/domain';
import type { AppContext } from '../../context.js';

const instant = (date: Date | null | undefined) => (date ? formatInstant(date.getTime()) : null);

/** Whether the answer came (or is coming) on time: the label of classifyTimeliness (dossier/timeliness.ts). */
export const describePaknTimeliness = (row: PaknRegisterRecord, now: Date) => {
  const timeliness = classifyTimeliness({
    dueAt: row.answerDueAt?.getTime() ?? null,
    completedAt: row.answeredAt?.getTime() ?? null,
    now: now.getTime(),
  });
  return { timeliness, label: TIMELINESS_LABELS[timeliness] };
};

/** One line of the inbox or the register (no sender contact beyond the name). */
export const toPaknListItem = (row: PaknRegisterRecord, agencyNames: Map<string, string>, now: Date) => ({
  code: row.code,
  status: row.status,
  statusLabel: PAKN_STATES[row.status],
  channel: row.channel,
  kind: row.kind,
  topic: row.topic,
  topicLabel: PAKN_TOPICS[row.topic],
  category: row.category,
  regulation: row.regulation,
  senderName: row.senderName,
  agencyId: row.agencyId,
  agencyName: row.agencyId ? (agencyNames.get(row.agencyId) ?? null) : null,
  receivedAt: formatInstant(row.receivedAt.getTime()),
  classifyDueAt: instant(row.classifyDueAt),
  answerDueAt: instant(row.answerDueAt),
  answeredAt: instant(row.answeredAt),
  timeliness: describePaknTimeliness(row, now),
  isDemo: row.isDemo,
});

/** Agency names of a page of rows, one read per agency (a page holds a few). */
export const loadAgencyNames = async (
  ctx: AppContext,
  rows: readonly { agencyId: string | null; receivingAgencyId?: string | null }[],
) => {
  const names = new Map<string, string>();
  const ids = new Set(
    rows.flatMap((row) => [row.agencyId, row.receivingAgencyId ?? null]).filter((id): id is string => !!id),
  );
  for (const id of ids) {
    const agency = await findAgency(ctx.db, id);
    if (agency) {
      names.set(id, agency.name);
    }
  }
  return names;
};

/** The entry as an official sees it: the sender, the content, the answer, the history and the next steps. */
export const toPaknDetail = (
  row: PaknRegisterRecord,
  events: readonly PaknEventRecord[],
  agencyNames: Map<string, string>,
  now: Date,
) => ({
  ...toPaknListItem(row, agencyNames, now),
  version: row.version,
  kindLabel: PAKN_KINDS[row.kind],
  channelLabel: PAKN_CHANNELS[row.channel],
  categoryLabel: row.category ? { vi: PAKN_CATEGORIES[row.category].vi, en: PAKN_CATEGORIES[row.category].en } : null,
  procedureCode: row.procedureCode,
  content: row.content,
  sender: { name: row.senderName, address: row.senderAddress, phone: row.senderPhone, email: row.senderEmail },
  receivingAgencyId: row.receivingAgencyId,
  receivingAgencyName: row.receivingAgencyId ? (agencyNames.get(row.receivingAgencyId) ?? null) : null,
  forwardedAt: instant(row.forwardedAt),
  publishedAt: instant(row.publishedAt),
  outcomeNote: row.outcomeNote,
  answerText: row.answerText,
  answerSigner: row.answerSigner,
  rating: row.rating,
  clockStopped: row.pauses.some((pause) => pause.end === undefined),
  actions: listPaknActions(row.status).map((action) => ({
    action,
    label: PAKN_TRANSITIONS[action].label,
    permission: PAKN_TRANSITIONS[action].permission,
    needsNote: PAKN_TRANSITIONS[action].needsNote === true,
  })),
  events: events.map((event) => ({
    seq: event.seq,
    at: formatInstant(event.at.getTime()),
    action: event.action,
    actorKind: event.actorKind,
    agencyName: event.agencyId ? (agencyNames.get(event.agencyId) ?? null) : null,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    toStatusLabel: PAKN_STATES[event.toStatus as keyof typeof PAKN_STATES] ?? null,
    note: event.note,
    payload: event.payload,
  })),
});
