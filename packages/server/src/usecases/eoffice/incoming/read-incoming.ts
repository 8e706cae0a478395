import {
  findAgency,
  type IncomingDocumentRecord,
  type IncomingInboxView,
  listDirectDelegators,
  listDocumentEvents,
  listDocumentReads,
  listIncomingInbox,
  listIncomingOfficials,
  listOpenUnits,
  listPendingDeliveries,
  listUserNames,
} from '@motcua/db';
import {
  CONFIDENTIALITY_LABELS,
  computeRegistrationDueAt,
  DOCUMENT_TYPES,
  foldVietnamese,
  formatInstant,
  INCOMING_STATE_LABELS,
  INCOMING_TRANSITIONS,
  isConfidential,
  isHandlingOverdue,
  listIncomingActions,
  toInstant,
  toLocalDate,
  URGENCY_LABELS,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { authorizeAgencyAction, holdsAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../../calendar/calendar-service.js';
import { getReadableIncoming, INCOMING, listAgenciesAllowing, toIncomingFacts } from './incoming-access.js';
import { loadIncomingSettings } from './incoming-settings.js';

const encodeCursor = (at: Date, id: string) =>
  Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString('base64url');

const decodeCursor = (cursor: string | undefined): { at: string; id: string } | undefined => {
  if (!cursor) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) {
      return { at: parsed.at, id: parsed.id };
    }
  } catch {
    // fall through
  }
  throw new AppError(
    'VALIDATION_FAILED',
    {},
    { fieldProblems: [{ in: 'query', pointer: '/cursor', code: 'CURSOR', message: 'bad cursor' }] },
  );
};

const instant = (date: Date | null) => (date ? formatInstant(date.getTime()) : null);

const typeLabel = (code: string) => {
  const type = DOCUMENT_TYPES.find((entry) => entry.code === code);
  return type ? { vi: type.vi, en: type.en } : { vi: code, en: code };
};

/** A line of an inbox or of the register. */
export const toIncomingListItem = (row: IncomingDocumentRecord, now: Date, registeredLate: boolean) => ({
  id: row.id,
  year: row.year,
  incomingNumber: row.incomingNumber,
  receivedAt: formatInstant(row.receivedAt.getTime()),
  registeredAt: formatInstant(row.registeredAt.getTime()),
  channel: row.channel,
  issuerName: row.issuerName,
  numberSymbol: row.numberSymbol,
  issuedOn: row.issuedOn,
  documentType: row.documentType,
  documentTypeLabel: typeLabel(row.documentType),
  subject: row.subject,
  urgency: row.urgency,
  urgencyLabel: URGENCY_LABELS[row.urgency],
  confidentiality: row.confidentiality,
  confidentialityLabel: CONFIDENTIALITY_LABELS[row.confidentiality],
  status: row.status,
  statusLabel: INCOMING_STATE_LABELS[row.status],
  dueOn: row.dueOn,
  overdue:
    row.dueOn !== null &&
    (row.status === 'directed' || row.status === 'in_progress') &&
    isHandlingOverdue(row.dueOn, now.getTime()),
  registeredLate,
  version: row.version,
  isDemo: row.isDemo,
});

/**
 * Whether each document was registered after it was due (Art. 23(1), computeRegistrationDueAt) on its
 * agency's working-time calendar; one calendar and one settings read per agency of the page.
 */
const findLateRegistrations = async (ctx: AppContext, rows: readonly IncomingDocumentRecord[]) => {
  const rules = new Map<string, Awaited<ReturnType<typeof loadRules>>>();
  const late = new Map<string, boolean>();
  for (const row of rows) {
    let rule = rules.get(row.agencyId);
    if (!rule) {
      rule = await loadRules(ctx, row);
      rules.set(row.agencyId, rule);
    }
    const dueAt = computeRegistrationDueAt(
      rule.calendar,
      { receivedAt: row.receivedAt.getTime(), urgency: row.urgency },
      rule.settings,
    );
    late.set(row.id, row.registeredAt.getTime() > dueAt);
  }
  return late;
};

const loadRules = async (ctx: AppContext, row: Pick<IncomingDocumentRecord, 'agencyId' | 'provinceCode'>) => ({
  calendar: (await getAgencyWorkingCalendar(ctx, row.agencyId)).calendar,
  settings: await loadIncomingSettings(ctx, row.provinceCode),
});

export type IncomingInboxInput = {
  view: IncomingInboxView | 'registered_today';
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

/**
 * A page of an inbox: the clerk's (registered today; awaiting presentation), the head's (to direct), the
 * units' (assigned to my units), the closed ones, or the whole register — keyset-paginated, newest first,
 * searched without diacritics, confidential documents only for those they concern.
 */
export const findIncomingInbox = async (ctx: AppContext, actor: Actor, input: IncomingInboxInput) => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'document.read')) {
    throw new AppError('FORBIDDEN');
  }
  const now = ctx.clock.now();
  const today = toLocalDate(now.getTime());
  const delegators = await listDirectDelegators(ctx.db, official.userId, today);
  const view: IncomingInboxView = input.view === 'registered_today' ? 'all' : input.view;
  const actionAgencyIds =
    view === 'to_present'
      ? await listAgenciesAllowing(ctx, official, 'document.register')
      : view === 'to_direct'
        ? await listAgenciesAllowing(ctx, official, 'document.direct')
        : [];
  const rows = await listIncomingInbox(ctx.db, {
    view,
    agencyIds: await listAgenciesAllowing(ctx, official, 'document.read'),
    actionAgencyIds,
    unitIds: await listAgenciesAllowing(ctx, official, 'document.handle'),
    viewer: {
      userId: official.userId,
      people: [official.userId, ...delegators],
      headUnitIds: await listAgenciesAllowing(ctx, official, 'document.direct'),
    },
    registeredSince: input.view === 'registered_today' ? new Date(toInstant(today)) : undefined,
    foldedQuery: input.q ? foldVietnamese(input.q) : undefined,
    cursor: decodeCursor(input.cursor),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const late = await findLateRegistrations(ctx, page);
  return {
    items: page.map((row) => toIncomingListItem(row, now, late.get(row.id) ?? false)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.registeredAt, last.id) : null,
  };
};

/**
 * One document with its units, its history and the steps the official may take; a confidential one
 * logs the read (document_read) and shows its read log to those who may read it.
 */
export const getIncoming = async (ctx: AppContext, actor: Actor, id: string) => {
  const { record, assignments, facts } = await getReadableIncoming(ctx, actor, id, 'record');
  const now = ctx.clock.now();
  const events = await listDocumentEvents(ctx.db, 'incoming', record.id);
  const reads = isConfidential(record.confidentiality) ? await listDocumentReads(ctx.db, 'incoming', record.id) : [];
  const names = await listUserNames(
    ctx.db,
    [
      ...events.map((event) => event.actorUserId ?? ''),
      record.presentedTo ?? '',
      record.directedBy ?? '',
      record.registeredBy ?? '',
      ...assignments.map((assignment) => assignment.assigneeUserId ?? ''),
    ].filter(Boolean),
  );
  const unitNames = new Map<string, string>();
  for (const assignment of assignments) {
    unitNames.set(assignment.unitId, (await findAgency(ctx.db, assignment.unitId))?.name ?? '');
  }
  const { calendar, settings } = await loadRules(ctx, record);
  const registrationDueAt = computeRegistrationDueAt(
    calendar,
    { receivedAt: record.receivedAt.getTime(), urgency: record.urgency },
    settings,
  );
  const actions = listIncomingActions(toIncomingFacts(record, assignments), facts);
  // The head of an assigned unit names one of its officials (specialists, unit heads) to handle it.
  const headed = actions.includes('assign')
    ? assignments.filter((a) => facts.headsUnitIds.includes(a.unitId) && a.status !== 'done').map((a) => a.unitId)
    : [];
  const assignable = await listIncomingOfficials(ctx.db, { agencyIds: headed, roles: ['specialist', 'unit_head'] });
  return {
    ...toIncomingListItem(record, now, record.registeredAt.getTime() > registrationDueAt),
    agencyId: record.agencyId,
    issuerCode: record.issuerCode,
    pageCount: record.pageCount,
    signerName: record.signerName,
    deliveryId: record.deliveryId,
    hasFile: record.fileSha256 !== null,
    fileName: record.fileName,
    scanDpi: record.scanDpi,
    registeredByName: record.registeredBy ? (names.get(record.registeredBy) ?? null) : null,
    registrationDueAt: formatInstant(registrationDueAt),
    presentedTo: record.presentedTo,
    presentedToName: record.presentedTo ? (names.get(record.presentedTo) ?? null) : null,
    presentedAt: instant(record.presentedAt),
    presentedLate: record.presentedAt ? record.presentedAt.getTime() > registrationDueAt : null,
    directionNote: record.directionNote,
    directedByName: record.directedBy ? (names.get(record.directedBy) ?? null) : null,
    directedAt: instant(record.directedAt),
    completedAt: instant(record.completedAt),
    returnReason: record.returnReason,
    units: assignments.map((assignment) => ({
      unitId: assignment.unitId,
      unitName: unitNames.get(assignment.unitId) ?? '',
      role: assignment.role,
      assigneeUserId: assignment.assigneeUserId,
      assigneeName: assignment.assigneeUserId ? (names.get(assignment.assigneeUserId) ?? null) : null,
      status: assignment.status,
      dueOn: assignment.dueOn,
      doneAt: instant(assignment.doneAt),
    })),
    actions: actions.map((action) => ({ action, label: INCOMING_TRANSITIONS[action].label })),
    events: events.map((event) => ({
      seq: event.seq,
      at: formatInstant(event.at.getTime()),
      action: event.action,
      actionLabel:
        event.action in INCOMING_TRANSITIONS
          ? INCOMING_TRANSITIONS[event.action as keyof typeof INCOMING_TRANSITIONS].label
          : { vi: 'Vào sổ văn bản đến', en: 'Registered' },
      actorName: event.actorUserId ? (names.get(event.actorUserId) ?? null) : null,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      toStatusLabel: INCOMING_STATE_LABELS[event.toStatus as keyof typeof INCOMING_STATE_LABELS] ?? null,
      note: event.note,
      payload: event.payload as Record<string, unknown>,
    })),
    assignableOfficials: assignable.map((o) => ({ userId: o.userId, fullName: o.fullName, unitId: o.agencyId })),
    reads: reads.map((read) => ({
      id: String(read.id),
      at: formatInstant(read.at.getTime()),
      what: read.what,
      fullName: read.fullName,
    })),
  };
};

/** The document's file (scan or delivered PDF); a confidential one logs the read. */
export const getIncomingFile = async (ctx: AppContext, actor: Actor, id: string) => {
  const { record } = await getReadableIncoming(ctx, actor, id, 'file');
  if (!record.fileSha256) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'tệp văn bản', en: 'document file' } });
  }
  return {
    sha256: record.fileSha256,
    mediaType: record.fileMediaType ?? 'application/pdf',
    fileName: record.fileName ?? 'van-ban-den.pdf',
  };
};

/** The electronic deliveries waiting for the clerk's agencies (status 'delivered'), newest first. */
export const findPendingDeliveries = async (
  ctx: AppContext,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
) => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'document.register')) {
    throw new AppError('FORBIDDEN');
  }
  const rows = await listPendingDeliveries(ctx.db, {
    agencyIds: await listAgenciesAllowing(ctx, official, 'document.register'),
    cursor: decodeCursor(input.cursor),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      version: row.version,
      recipientAgencyId: row.recipientAgencyId,
      senderName: row.senderName,
      senderCode: row.senderCode,
      numberSymbol: row.numberSymbol,
      issuedOn: row.issuedOn,
      documentType: row.documentType,
      documentTypeLabel: typeLabel(row.documentType),
      subject: row.subject,
      urgency: row.urgency,
      urgencyLabel: URGENCY_LABELS[row.urgency],
      confidentiality: row.confidentiality,
      confidentialityLabel: CONFIDENTIALITY_LABELS[row.confidentiality],
      deliveredAt: formatInstant(row.deliveredAt.getTime()),
      hasFile: row.fileSha256 !== null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.deliveredAt, last.id) : null,
  };
};

/** What the forms of an agency offer: its units (for a direction), its heads (to present to), its officials per unit. */
export const getIncomingOptions = async (ctx: AppContext, actor: Actor, agencyId: string) => {
  await authorizeAgencyAction(ctx, actor, 'document.read', agencyId, INCOMING);
  const agency = await findAgency(ctx.db, agencyId);
  const children = await listOpenUnits(ctx.db, agencyId);
  const units = [
    ...(agency ? [{ id: agency.id, name: agency.name }] : []),
    ...children.map((c) => ({ id: c.id, name: c.name })),
  ];
  const heads = await listIncomingOfficials(ctx.db, { agencyIds: [agencyId], roles: ['agency_head'] });
  const officials = await listIncomingOfficials(ctx.db, {
    agencyIds: units.map((unit) => unit.id),
    roles: ['specialist', 'unit_head'],
  });
  return {
    agencyId,
    agencyName: agency?.name ?? '',
    units,
    heads: heads.map((head) => ({ userId: head.userId, fullName: head.fullName, title: head.title })),
    officials: officials.map((o) => ({ userId: o.userId, fullName: o.fullName, role: o.role, unitId: o.agencyId })),
  };
};

/** The agencies where the official registers documents (the clerk's form offers them). */
export const listRegisteringAgencies = async (ctx: AppContext, actor: Actor) => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'document.register')) {
    throw new AppError('FORBIDDEN');
  }
  const ids = official.grants.filter((grant) => grant.role === 'clerk').map((grant) => grant.agencyId);
  const agencies = [];
  for (const id of [...new Set(ids)]) {
    const agency = await findAgency(ctx.db, id);
    if (agency) {
      agencies.push({ id: agency.id, name: agency.name });
    }
  }
  return agencies;
};
