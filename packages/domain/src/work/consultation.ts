import type { CommentResponse, ConsultationStatus } from './vocabulary.js';

/**
 * Consultation on a draft (lấy ý kiến dự thảo): the drafting unit sends a draft to agencies or people with a
 * deadline, collects comments per article (điều, khoản, điểm) or in general, answers each comment (tiếp thu,
 * tiếp thu một phần, giải trình) and produces the summary table (bảng tổng hợp, tiếp thu, giải trình ý kiến góp
 * ý) that goes with the draft to approval. The practice of the Law on Promulgation of Legal Documents (the
 * drafting body "tổng hợp, nghiên cứu, tiếp thu, giải trình ý kiến góp ý" and files the table with the dossier
 * submitted for approval) [RECALL]; VNPT-iOffice "lấy ý kiến đối với dự thảo văn bản" (spec §D).
 */

/** The steps of a consultation after it is created (in 'draft'). */
export const CONSULTATION_ACTIONS = ['edit', 'open', 'answer', 'respond', 'close', 'summarise'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

/** Who takes a step: the drafter (or a head over them: consultation.manage) or a recipient (consultation.answer). */
export type ConsultationActorKind = 'drafter' | 'recipient';

type ConsultationTransition = {
  from: readonly ConsultationStatus[];
  /** null: the status does not change. */
  to: ConsultationStatus | null;
  by: ConsultationActorKind;
  label: { vi: string; en: string };
};

export const CONSULTATION_TRANSITIONS: Readonly<Record<ConsultationAction, ConsultationTransition>> = {
  edit: { from: ['draft'], to: null, by: 'drafter', label: { vi: 'Sửa', en: 'Edit' } },
  open: { from: ['draft'], to: 'open', by: 'drafter', label: { vi: 'Gửi lấy ý kiến', en: 'Send for comments' } },
  // Answers are taken until the deadline; the use-case checks the instant (a passed deadline closes it).
  answer: { from: ['open'], to: null, by: 'recipient', label: { vi: 'Góp ý', en: 'Answer' } },
  // The drafter may answer comments as they arrive and after the consultation is closed.
  respond: {
    from: ['open', 'closed'],
    to: null,
    by: 'drafter',
    label: { vi: 'Tiếp thu, giải trình', en: 'Respond' },
  },
  close: { from: ['open'], to: 'closed', by: 'drafter', label: { vi: 'Kết thúc lấy ý kiến', en: 'Close' } },
  summarise: {
    from: ['closed'],
    to: 'summarised',
    by: 'drafter',
    label: { vi: 'Chốt bảng tổng hợp', en: 'Finalise the summary' },
  },
};

/** The status a consultation shows at `now`: an open one whose deadline has passed reads as closed. */
export const effectiveConsultationStatus = (
  status: ConsultationStatus,
  deadlineAt: Date,
  now: Date,
): ConsultationStatus => (status === 'open' && now.getTime() >= deadlineAt.getTime() ? 'closed' : status);

export type ConsultationDecision =
  | { ok: true; to: ConsultationStatus }
  | { ok: false; reason: 'status' | 'actor' | 'deadline' };

/**
 * Whether `action` may be taken by `actor` on a consultation in `status` with `deadlineAt` at `now`.
 * A recipient may not answer after the deadline; the drafter may close before it; a passed deadline is
 * already a close (the use-case records it when the drafter acts next).
 */
export const decideConsultation = (
  action: ConsultationAction,
  actor: ConsultationActorKind,
  status: ConsultationStatus,
  deadlineAt: Date,
  now: Date,
): ConsultationDecision => {
  const rule = CONSULTATION_TRANSITIONS[action];
  if (rule.by !== actor) {
    return { ok: false, reason: 'actor' };
  }
  const effective = effectiveConsultationStatus(status, deadlineAt, now);
  if (action === 'answer' && status === 'open' && effective === 'closed') {
    return { ok: false, reason: 'deadline' };
  }
  // Closing an open consultation whose deadline passed is allowed (it records the close).
  const from = action === 'close' ? status : effective;
  if (!rule.from.includes(from)) {
    return { ok: false, reason: 'status' };
  }
  return { ok: true, to: rule.to ?? effective };
};

// ---- Article references ---------------------------------------------------------------------------------------

export type ArticleRef = { article: number; clause: number | null; point: string | null };

const POINT_LETTERS = 'abcdđeghiklmnopqrstuvxy';

/**
 * Reads "Điều 3", "khoản 2 Điều 3", "điểm a khoản 2 Điều 3" (any case, "Điều 3 khoản 2" too, "Đ3" not) into
 * its parts; null when no article number is found (the comment is then general).
 */
export const parseArticleRef = (text: string): ArticleRef | null => {
  const t = text.normalize('NFC').toLocaleLowerCase('vi-VN');
  const article = /điều\s+(\d{1,3})\b/u.exec(t);
  if (!article?.[1]) {
    return null;
  }
  const clause = /khoản\s+(\d{1,2})\b/u.exec(t);
  const point = /điểm\s+([a-zđ])(?![a-zđ])/u.exec(t);
  const pointLetter = point?.[1] && POINT_LETTERS.includes(point[1]) ? point[1] : null;
  return {
    article: Number(article[1]),
    clause: clause?.[1] ? Number(clause[1]) : null,
    point: clause && pointLetter ? pointLetter : null,
  };
};

/** "điểm a khoản 2 Điều 3" — the canonical text of a reference. */
export const formatArticleRef = (ref: ArticleRef): string =>
  [ref.point ? `điểm ${ref.point}` : null, ref.clause ? `khoản ${ref.clause}` : null, `Điều ${ref.article}`]
    .filter(Boolean)
    .join(' ');

/**
 * The sort key stored in consultation_comment.article_no: article × 10 000 + clause × 100 + point index, so the
 * summary lists comments in the draft's order (the article before its clauses, a clause before its points);
 * general comments (null) come last.
 */
export const articleSortKey = (ref: ArticleRef | null): number | null =>
  ref ? ref.article * 10_000 + (ref.clause ?? 0) * 100 + (ref.point ? POINT_LETTERS.indexOf(ref.point) + 1 : 0) : null;

/** Compares two sort keys, general comments (null) last. */
export const compareArticleKeys = (a: number | null, b: number | null): number => {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return 1;
  }
  if (b === null) {
    return -1;
  }
  return a - b;
};

// ---- The summary table ----------------------------------------------------------------------------------------

export type SummaryComment = {
  id: string;
  recipientId: string;
  articleRef: string | null;
  articleNo: number | null;
  body: string;
  createdAt: Date;
  response: CommentResponse | null;
  responseText: string | null;
};

export type SummaryRecipient = { id: string; name: string; answer: 'agree' | 'comments' | null };

export type SummaryRow =
  | { kind: 'comment'; recipientName: string; articleRef: string | null; comment: SummaryComment }
  | { kind: 'no_comment'; recipientName: string; text: 'Không có ý kiến' | 'Chưa có ý kiến' };

export type ConsultationSummary = {
  rows: SummaryRow[];
  /** Comments still without a complete response (a kind, and a text for partly accepted or explained). */
  unanswered: string[];
  /** Whether the table may be finalised: every comment has a complete response. */
  isComplete: boolean;
  counts: { recipients: number; answered: number; agreed: number; comments: number };
};

/**
 * A response is complete when its kind is set and, for "tiếp thu một phần" and "giải trình", the drafter has
 * written why (an accepted comment may stand without text).
 */
export const isResponseComplete = (comment: Pick<SummaryComment, 'response' | 'responseText'>): boolean =>
  comment.response !== null && (comment.response === 'accepted' || (comment.responseText ?? '').trim().length > 0);

/**
 * The summary table: comments in the draft's order (article key, general last; then time, id), then one line
 * per recipient without a comment — "Không có ý kiến" if they answered that they agree, "Chưa có ý kiến" if
 * they did not answer. It is final only when every comment has a complete response.
 */
export const buildConsultationSummary = (
  recipients: readonly SummaryRecipient[],
  comments: readonly SummaryComment[],
): ConsultationSummary => {
  const names = new Map(recipients.map((r) => [r.id, r.name]));
  const sorted = [...comments].sort(
    (a, b) =>
      compareArticleKeys(a.articleNo, b.articleNo) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rows: SummaryRow[] = sorted.map((comment) => ({
    kind: 'comment',
    recipientName: names.get(comment.recipientId) ?? '',
    articleRef: comment.articleRef,
    comment,
  }));
  const commented = new Set(comments.map((c) => c.recipientId));
  for (const recipient of recipients) {
    if (!commented.has(recipient.id)) {
      rows.push({
        kind: 'no_comment',
        recipientName: recipient.name,
        text: recipient.answer === 'agree' ? 'Không có ý kiến' : 'Chưa có ý kiến',
      });
    }
  }
  const unanswered = sorted.filter((c) => !isResponseComplete(c)).map((c) => c.id);
  return {
    rows,
    unanswered,
    isComplete: unanswered.length === 0,
    counts: {
      recipients: recipients.length,
      answered: recipients.filter((r) => r.answer !== null).length,
      agreed: recipients.filter((r) => r.answer === 'agree').length,
      comments: comments.length,
    },
  };
};
