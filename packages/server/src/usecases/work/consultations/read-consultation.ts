import {
  findAgency,
  listConsultationComments,
  listConsultations,
  listConsultationsOfOutgoing,
  listScopeAgencyIds,
  listUserNames,
  listWorkEvents,
} from '@motcua/db';
import {
  type Action,
  buildConsultationSummary,
  COMMENT_RESPONSE_LABELS,
  effectiveConsultationStatus,
  type OfficialRole,
  ROLE_DEFINITIONS,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import type { ConsultationSummaryTable } from '../../../pdf/render-consultation-summary.js';
import { vietnamNow } from '../../../reports/report-meta.js';
import { getReadableOutgoing } from '../../eoffice/outgoing/outgoing-access.js';
import { findPlaceNameOfAgency } from '../../provinces/letterhead.js';
import { CONSULTATION, CONSULTATION_STATUS_LABELS, getVisibleConsultation } from './change-consultation.js';

const encodeCursor = (row: { deadlineAt: Date; id: string }) =>
  Buffer.from(JSON.stringify({ at: row.deadlineAt.toISOString(), id: row.id })).toString('base64url');

const decodeCursor = (cursor: string | undefined): { at: Date; id: string } | null => {
  if (!cursor) {
    return null;
  }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) {
      return { at: new Date(parsed.at), id: parsed.id };
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

const HEAD_ROLES: readonly OfficialRole[] = ['unit_head', 'agency_head'];

/**
 * The consultations I sent (mine, and those of the agencies I head), or those I answer (sent to me or to an
 * agency I answer for), nearest deadline first, with the status they show now (a passed deadline is closed).
 */
export const findConsultationList = async (
  ctx: AppContext,
  actor: Actor,
  query: { view: 'sent' | 'to_answer'; cursor?: string | undefined; limit: number },
) => {
  const official = requireOfficial(actor);
  const grants = official.grants.filter(
    (grant) =>
      (ROLE_DEFINITIONS[grant.role].actions as readonly Action[]).includes(
        query.view === 'sent' ? 'consultation.manage' : 'consultation.answer',
      ) &&
      (query.view === 'to_answer' || HEAD_ROLES.includes(grant.role)),
  );
  const agencyIds = await listScopeAgencyIds(ctx.db, grants);
  const page = await listConsultations(ctx.db, {
    view: query.view,
    userId: official.userId,
    agencyIds,
    cursor: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const now = ctx.clock.now();
  const last = page.rows.at(-1);
  return {
    items: page.rows.map((row) => {
      const status = effectiveConsultationStatus(row.status, row.deadlineAt, now);
      return {
        id: row.id,
        title: row.title,
        agencyId: row.agencyId,
        agencyName: row.agencyName,
        status,
        statusLabel: CONSULTATION_STATUS_LABELS[status],
        deadlineAt: row.deadlineAt.toISOString(),
        recipientCount: Number(row.recipientCount ?? 0),
        answeredCount: Number(row.answeredCount ?? 0),
        outgoingDocumentId: row.outgoingDocumentId,
        version: row.version,
      };
    }),
    nextCursor: page.hasMore && last ? encodeCursor(last) : null,
  };
};

/** A consultation with its recipients (who answered), its comments grouped in the draft's order, its history. */
export const getConsultation = async (ctx: AppContext, actor: Actor, id: string) => {
  const { record, recipients, access } = await getVisibleConsultation(ctx, actor, id);
  const comments = await listConsultationComments(ctx.db, id);
  const events = await listWorkEvents(ctx.db, 'consultation', id);
  const names = await listUserNames(ctx.db, [
    record.createdBy,
    ...events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])),
    ...comments.flatMap((c) => (c.respondedBy ? [c.respondedBy] : [])),
  ]);
  const agency = await findAgency(ctx.db, record.agencyId);
  const now = ctx.clock.now();
  const status = effectiveConsultationStatus(record.status, record.deadlineAt, now);
  const summary = buildConsultationSummary(recipients, comments);
  const recipientNames = new Map(recipients.map((r) => [r.id, r.name]));
  const answerable = new Set(access.answerFor.map((r) => r.id));
  // A recipient sees the comments of everyone only once the summary is out; before, only their own.
  const visibleComments = access.canManage
    ? comments
    : comments.filter((c) => answerable.has(c.recipientId) || record.status === 'summarised');
  return {
    id: record.id,
    agencyId: record.agencyId,
    agencyName: agency?.name ?? '',
    title: record.title,
    requestText: record.requestText,
    outgoingDocumentId: record.outgoingDocumentId,
    draft: { name: record.draft.name, size: record.draft.size, contentType: record.draft.contentType },
    deadlineAt: record.deadlineAt.toISOString(),
    status,
    statusLabel: CONSULTATION_STATUS_LABELS[status],
    createdBy: record.createdBy,
    createdByName: names.get(record.createdBy) ?? null,
    openedAt: record.openedAt?.toISOString() ?? null,
    closedAt: record.closedAt?.toISOString() ?? null,
    summarisedAt: record.summarisedAt?.toISOString() ?? null,
    version: record.version,
    canManage: access.canManage,
    answerFor: access.answerFor.map((r) => ({ id: r.id, name: recipientNames.get(r.id) ?? '', answer: r.answer })),
    recipients: recipients.map((r) => ({
      id: r.id,
      kind: r.agencyId ? ('agency' as const) : ('official' as const),
      agencyId: r.agencyId,
      userId: r.userId,
      name: r.name,
      answer: r.answer,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      answeredByName: r.answeredByName ?? null,
    })),
    comments: visibleComments.map((c) => ({
      id: c.id,
      recipientId: c.recipientId,
      recipientName: recipientNames.get(c.recipientId) ?? '',
      articleRef: c.articleRef,
      articleNo: c.articleNo,
      body: c.body,
      authorName: c.authorName,
      createdAt: c.createdAt.toISOString(),
      response: c.response,
      responseLabel: c.response ? COMMENT_RESPONSE_LABELS[c.response] : null,
      responseText: c.responseText,
      respondedByName: c.respondedBy ? (names.get(c.respondedBy) ?? null) : null,
    })),
    summary: {
      isComplete: summary.isComplete,
      unanswered: access.canManage ? summary.unanswered.length : 0,
      counts: summary.counts,
    },
    events: events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
    })),
  };
};

/** The draft file, for the managers and the recipients. */
export const openConsultationDraft = async (ctx: AppContext, actor: Actor, id: string) => {
  const { record } = await getVisibleConsultation(ctx, actor, id);
  const stream = await ctx.storage.open(record.draft.sha256);
  if (!stream) {
    throw new AppError('NOT_FOUND', { resource: CONSULTATION });
  }
  return { stream, fileName: record.draft.name, mediaType: record.draft.contentType };
};

/** The summary table's content (bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý), for its managers. */
export const loadConsultationSummary = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ConsultationSummaryTable> => {
  const { record, recipients, access } = await getVisibleConsultation(ctx, actor, id);
  if (!access.canManage && record.status !== 'summarised') {
    throw new AppError('FORBIDDEN');
  }
  const comments = await listConsultationComments(ctx.db, id);
  const summary = buildConsultationSummary(recipients, comments);
  const agency = await findAgency(ctx.db, record.agencyId);
  const parent = agency?.parentId ? await findAgency(ctx.db, agency.parentId) : undefined;
  return {
    issuer: {
      ...(parent ? { parentName: parent.name } : {}),
      agencyName: agency?.name ?? '',
      placeName: agency ? await findPlaceNameOfAgency(ctx, agency, parent?.name) : '',
    },
    generatedAt: vietnamNow(ctx.clock.now()),
    title: record.title,
    deadlineAt: record.deadlineAt,
    isFinal: record.status === 'summarised',
    rows: summary.rows.map((row, index) =>
      row.kind === 'comment'
        ? {
            index: index + 1,
            recipientName: row.recipientName,
            articleRef: row.articleRef ?? 'Ý kiến chung',
            body: row.comment.body,
            response: row.comment.response
              ? [COMMENT_RESPONSE_LABELS[row.comment.response].vi, row.comment.responseText].filter(Boolean).join(': ')
              : '',
          }
        : { index: index + 1, recipientName: row.recipientName, articleRef: '', body: row.text, response: '' },
    ),
    counts: summary.counts,
  };
};

/** The consultations on an outgoing draft, for whoever may read the draft (the summary goes with it to approval). */
export const listOutgoingConsultations = async (ctx: AppContext, actor: Actor, outgoingId: string) => {
  await getReadableOutgoing(ctx, actor, outgoingId);
  const rows = await listConsultationsOfOutgoing(ctx.db, outgoingId);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    deadlineAt: row.deadlineAt.toISOString(),
    summarisedAt: row.summarisedAt?.toISOString() ?? null,
  }));
};
