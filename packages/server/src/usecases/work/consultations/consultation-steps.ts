import {
  type ConsultationRecord,
  type Database,
  findAgency,
  findAgencyLineage,
  findExistingUserIds,
  insertConsultation,
  insertConsultationComments,
  insertConsultationRecipients,
  insertWorkNotices,
  listConsultationAnswerers,
  listConsultationComments,
  listConsultationRecipients,
  listConsultationsDueBefore,
  listOutgoingVersions,
  type ConsultationDraftFile as StoredFile,
  updateCommentResponse,
  updateConsultationGuarded,
  updateRecipientAnswer,
} from '@motcua/db';
import {
  type Action,
  articleSortKey,
  buildConsultationSummary,
  type CommentResponse,
  formatArticleRef,
  isAllowed,
  OFFICIAL_ROLES,
  type OfficialRole,
  parseArticleRef,
  ROLE_DEFINITIONS,
} from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { getReadableOutgoing } from '../../eoffice/outgoing/outgoing-access.js';
import { appendWorkEvent } from '../work-chain.js';
import { changeConsultation } from './change-consultation.js';

const ANSWER_ROLES: OfficialRole[] = OFFICIAL_ROLES.filter((role) =>
  (ROLE_DEFINITIONS[role].actions as readonly Action[]).includes('consultation.answer'),
);

export type ConsultationRecipientInput = { agencyId?: string | undefined; userId?: string | undefined };

export type CreateConsultationInput = {
  agencyId: string;
  title: string;
  requestText?: string | null | undefined;
  deadlineAt: Date;
  /** The draft: an outgoing document draft the caller may read (its current version) … */
  outgoingDocumentId?: string | null | undefined;
  /** … or a file uploaded before (POST /consultation-files). */
  draftFile?: StoredFile | undefined;
  recipients: ConsultationRecipientInput[];
  isDemo?: boolean;
};

/**
 * A new consultation (draft): the caller holds consultation.manage at the agency; the draft is an outgoing
 * document draft they may read (its current version is sent) or an uploaded file; recipients are agencies of
 * the install or officials. Its first work_event ('create') is written in the same transaction.
 */
export const createConsultation = async (
  ctx: AppContext,
  actor: Actor,
  input: CreateConsultationInput,
): Promise<ConsultationRecord> => {
  const official = requireOfficial(actor);
  const agency = await findAgency(ctx.db, input.agencyId);
  const lineage = agency ? await findAgencyLineage(ctx.db, agency.id) : undefined;
  if (!agency?.provinceCode || !lineage) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'cơ quan', en: 'agency' } });
  }
  if (!isAllowed(official.grants, 'consultation.manage', { kind: 'agency', lineage })) {
    throw new AppError('FORBIDDEN');
  }
  const now = ctx.clock.now();
  if (input.deadlineAt.getTime() <= now.getTime()) {
    throw new AppError('CONSULTATION_DEADLINE_INVALID');
  }
  let draft: StoredFile | undefined = input.draftFile;
  if (input.outgoingDocumentId) {
    await getReadableOutgoing(ctx, actor, input.outgoingDocumentId);
    const current = (await listOutgoingVersions(ctx.db, input.outgoingDocumentId)).at(-1);
    if (current) {
      draft = {
        sha256: current.fileSha256,
        name: current.fileName,
        size: Number(current.sizeBytes),
        contentType: current.mediaType,
      };
    }
  }
  if (!draft || !(await ctx.storage.has(draft.sha256))) {
    throw new AppError('CONSULTATION_FILE_MISSING');
  }
  if (input.recipients.length === 0) {
    throw new AppError('CONSULTATION_NO_RECIPIENTS');
  }
  const userIds = await findExistingUserIds(
    ctx.db,
    input.recipients.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  const seen = new Set<string>();
  const recipients: { agencyId: string | null; userId: string | null }[] = [];
  for (const [index, recipient] of input.recipients.entries()) {
    const position = index + 1;
    const key = recipient.agencyId ?? recipient.userId ?? '';
    if (Boolean(recipient.agencyId) === Boolean(recipient.userId) || seen.has(key)) {
      throw new AppError('CONSULTATION_RECIPIENT_INVALID', { position });
    }
    seen.add(key);
    if (recipient.agencyId && !(await findAgency(ctx.db, recipient.agencyId))) {
      throw new AppError('CONSULTATION_RECIPIENT_INVALID', { position });
    }
    if (recipient.userId && !userIds.has(recipient.userId)) {
      throw new AppError('CONSULTATION_RECIPIENT_INVALID', { position });
    }
    recipients.push({ agencyId: recipient.agencyId ?? null, userId: recipient.userId ?? null });
  }
  const provinceCode = agency.provinceCode;
  const finalDraft = draft;
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertConsultation(trx, {
      provinceCode,
      agencyId: agency.id,
      outgoingDocumentId: input.outgoingDocumentId ?? null,
      title: input.title,
      requestText: input.requestText ?? null,
      draft: JSON.stringify(finalDraft),
      deadlineAt: input.deadlineAt,
      status: 'draft',
      createdBy: official.userId,
    });
    await insertConsultationRecipients(
      trx,
      recipients.map((r) => ({ ...r, consultationId: inserted.id, provinceCode })),
    );
    const anchor = await appendWorkEvent(trx, {
      kind: 'consultation',
      row: inserted,
      at: now,
      actorUserId: official.userId,
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
      payload: {
        outgoingDocumentId: inserted.outgoingDocumentId,
        draftSha256: finalDraft.sha256,
        recipients: recipients.length,
        ...(input.isDemo ? { demo: true } : {}),
      },
    });
    const anchored = await updateConsultationGuarded(trx, {
      id: inserted.id,
      expectedVersion: inserted.version,
      patch: { eventCount: anchor.eventCount, lastEventHash: anchor.lastEventHash },
      now,
    });
    if (!anchored) {
      throw new Error('a new consultation changed inside its own transaction');
    }
    return anchored;
  });
};

/** The officials a notice about the consultation goes to: named officials, and those answering for agencies. */
const noticeTargets = async (trx: Transaction<Database>, consultationId: string, onlyUnanswered: boolean) => {
  const recipients = (await listConsultationRecipients(trx, consultationId)).filter(
    (r) => !onlyUnanswered || r.answer === null,
  );
  const agencyIds = recipients.flatMap((r) => (r.agencyId ? [r.agencyId] : []));
  const answerers = await listConsultationAnswerers(trx, { agencyIds, roles: ANSWER_ROLES });
  return [...new Set([...recipients.flatMap((r) => (r.userId ? [r.userId] : [])), ...answerers.map((a) => a.userId)])];
};

const formatDeadline = (at: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);

/** Sends the draft: the consultation opens and every recipient gets an in-app notice (work_notice). */
export const openConsultation = (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
): Promise<ConsultationRecord> =>
  changeConsultation(ctx, actor, { ...input, action: 'open' }, async (_trx, _row, { now }) => ({
    patch: { openedAt: now },
    after: async (trx, updated) => {
      const users = await noticeTargets(trx, updated.id, false);
      await insertWorkNotices(
        trx,
        users.map((userId) => ({
          provinceCode: updated.provinceCode,
          userId,
          kind: 'consultation_to_answer',
          recordKind: 'consultation',
          recordId: updated.id,
          dedupeKey: `consultation-open:${updated.id}`,
          title: `Xin ý kiến dự thảo: ${updated.title}`.slice(0, 300),
          body: `Hạn góp ý: ${formatDeadline(updated.deadlineAt)}`,
        })),
      );
    },
  }));

/**
 * Reminds the recipients who have not answered, once, when an open consultation's deadline is within
 * `withinHours` (a work_notice row each; the dedupe key keeps it to one per consultation and official).
 */
export const remindConsultationsDue = async (ctx: AppContext, input: { withinHours?: number } = {}) => {
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + (input.withinHours ?? 24) * 3_600_000);
  const due = (await listConsultationsDueBefore(ctx.db, until, 500)).filter((c) => c.deadlineAt > now);
  let notices = 0;
  for (const consultation of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const users = await noticeTargets(trx, consultation.id, true);
      notices += users.length;
      await insertWorkNotices(
        trx,
        users.map((userId) => ({
          provinceCode: consultation.provinceCode,
          userId,
          kind: 'consultation_due_soon',
          recordKind: 'consultation',
          recordId: consultation.id,
          dedupeKey: `consultation-due:${consultation.id}`,
          title: `Sắp hết hạn góp ý dự thảo: ${consultation.title}`.slice(0, 300),
          body: `Hạn góp ý: ${formatDeadline(consultation.deadlineAt)}`,
        })),
      );
    });
  }
  return { consultations: due.length, notices };
};

export type AnswerInput = {
  id: string;
  /** Needed when the official answers for more than one recipient of the consultation. */
  recipientId?: string | undefined;
  agree: boolean;
  comments: { articleRef?: string | null | undefined; body: string }[];
};

/**
 * A recipient answers once, before the deadline: "thống nhất với dự thảo" (agree, no comment) or comments,
 * each on an article ("điểm a khoản 2 Điều 3": stored in its canonical text with its sort key) or general.
 */
export const answerConsultation = (ctx: AppContext, actor: Actor, input: AnswerInput): Promise<ConsultationRecord> => {
  if (input.agree === input.comments.length > 0) {
    throw new AppError('CONSULTATION_COMMENTS_EMPTY');
  }
  return changeConsultation(
    ctx,
    actor,
    { id: input.id, action: 'answer' },
    async (trx, row, { official, access, now }) => {
      const recipient = input.recipientId
        ? access.answerFor.find((r) => r.id === input.recipientId)
        : access.answerFor.length === 1
          ? access.answerFor[0]
          : undefined;
      if (!recipient) {
        throw new AppError('FORBIDDEN');
      }
      const current = (await listConsultationRecipients(trx, row.id)).find((r) => r.id === recipient.id);
      if (current?.answer) {
        throw new AppError('CONSULTATION_ALREADY_ANSWERED');
      }
      await updateRecipientAnswer(trx, {
        id: recipient.id,
        answer: input.agree ? 'agree' : 'comments',
        answeredBy: official.userId,
        answeredAt: now,
      });
      await insertConsultationComments(
        trx,
        input.comments.map((comment) => {
          const ref = comment.articleRef ? parseArticleRef(comment.articleRef) : null;
          return {
            consultationId: row.id,
            recipientId: recipient.id,
            provinceCode: row.provinceCode,
            articleRef: ref ? formatArticleRef(ref) : null,
            articleNo: articleSortKey(ref),
            body: comment.body,
            authorUserId: official.userId,
            createdAt: now,
          };
        }),
      );
      return {
        payload: {
          recipientId: recipient.id,
          answer: input.agree ? 'agree' : 'comments',
          comments: input.comments.length,
        },
      };
    },
  );
};

/** The drafter's response to one comment: tiếp thu, tiếp thu một phần or giải trình (the latter two with a text). */
export const respondToComment = (
  ctx: AppContext,
  actor: Actor,
  input: {
    id: string;
    commentId: string;
    expectedVersion: number;
    response: CommentResponse;
    responseText?: string | null;
  },
): Promise<ConsultationRecord> => {
  const text = input.responseText?.trim() || null;
  if (input.response !== 'accepted' && !text) {
    throw new AppError('CONSULTATION_RESPONSE_TEXT');
  }
  return changeConsultation(ctx, actor, { ...input, action: 'respond' }, async (trx, row, { official, now }) => {
    const found = await updateCommentResponse(trx, {
      consultationId: row.id,
      commentId: input.commentId,
      response: input.response,
      responseText: text,
      respondedBy: official.userId,
      respondedAt: now,
    });
    if (!found) {
      throw new AppError('NOT_FOUND', { resource: { vi: 'ý kiến góp ý', en: 'comment' } });
    }
    return { payload: { commentId: input.commentId, response: input.response } };
  });
};

/** The drafter ends the consultation (before the deadline, or records the close after it). */
export const closeConsultation = (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
): Promise<ConsultationRecord> =>
  changeConsultation(ctx, actor, { ...input, action: 'close' }, async (_trx, row, { now }) => ({
    patch: { closedAt: row.deadlineAt < now ? row.deadlineAt : now },
  }));

/** Finalises the summary table: every comment must have a complete response. */
export const summariseConsultation = (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
): Promise<ConsultationRecord> =>
  changeConsultation(ctx, actor, { ...input, action: 'summarise' }, async (trx, row, { now }) => {
    const recipients = await listConsultationRecipients(trx, row.id);
    const comments = await listConsultationComments(trx, row.id);
    const summary = buildConsultationSummary(recipients, comments);
    if (!summary.isComplete) {
      throw new AppError('CONSULTATION_SUMMARY_INCOMPLETE', { count: summary.unanswered.length });
    }
    return {
      patch: { summarisedAt: now, closedAt: row.closedAt ?? (row.deadlineAt < now ? row.deadlineAt : now) },
      payload: summary.counts,
    };
  });

const DRAFT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  doc: 'application/msword',
};

/**
 * A draft file uploaded for a consultation (PDF, DOCX, ODT, DOC): stored under its SHA-256; the caller needs
 * consultation.manage somewhere. Its reference is then given when the consultation is created.
 */
export const uploadConsultationDraft = async (
  ctx: AppContext,
  actor: Actor,
  input: { content: Buffer; fileName: string },
): Promise<StoredFile> => {
  const official = requireOfficial(actor);
  if (
    !official.grants.some((grant) =>
      (ROLE_DEFINITIONS[grant.role].actions as readonly Action[]).includes('consultation.manage'),
    )
  ) {
    throw new AppError('FORBIDDEN');
  }
  const extension = input.fileName.split('.').at(-1)?.toLowerCase() ?? '';
  const isPdf = input.content.subarray(0, 5).toString('latin1') === '%PDF-';
  const isZip = input.content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const isOle = input.content.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  const contentType = isPdf
    ? DRAFT_TYPES.pdf
    : isZip && (extension === 'docx' || extension === 'odt')
      ? DRAFT_TYPES[extension]
      : isOle && extension === 'doc'
        ? DRAFT_TYPES.doc
        : undefined;
  if (!contentType) {
    throw new AppError('OUTGOING_FILE_TYPE');
  }
  const stored = await ctx.storage.put(input.content);
  return { sha256: stored.sha256, name: input.fileName.slice(0, 255) || 'du-thao', size: stored.size, contentType };
};
