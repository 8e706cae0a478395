import { z } from 'zod';

/**
 * The handling of a feedback on administrative regulations (phản ánh, kiến nghị, PAKN) from its
 * receipt to its published answer, as one table. Sources: Decree 20/2008/NĐ-CP as amended by Decree
 * 48/2013/NĐ-CP and Decree 92/2017/NĐ-CP (consolidated text, Pháp điển; regulations brief §9,
 * reform brief §C):
 * - Art. 9: the receiving agency guides, receives, logs the feedback in its register (sổ theo dõi)
 *   and classifies it: (a) not accepted (rejected, with the reason), (b) about the conduct of an
 *   official → the agency competent for that official, (c) within its own competence, (d) not
 *   competent → forwarded to the competent agency within 5 working days (Art. 9(2)(d));
 * - Art. 14–15: the handling agency studies it, and may ask the sender to clarify;
 * - Art. 19: the result is published (agency portal, press, notice board) — the province may
 *   withhold an answer from publication, with a recorded reason (personal data, state secrets: [INF]).
 * The drafting → approval → sending steps follow the sign-off of any outgoing document of an agency
 * (Decree 30/2020/NĐ-CP Art. 13–14: the head, or a deputy by delegation, signs) [INF].
 */

/** Legal categories of Decree 20/2008 Art. 9(2)(a)–(d), as amended. */
export const PAKN_CATEGORIES = {
  rejected: { vi: 'Không tiếp nhận (từ chối, nêu lý do)', en: 'Not accepted (rejected with a reason)', clause: 'a' },
  conduct: {
    vi: 'Hành vi của cán bộ, công chức → cơ quan có thẩm quyền',
    en: 'Conduct of an official → the competent agency',
    clause: 'b',
  },
  own_competence: { vi: 'Thuộc thẩm quyền xử lý', en: 'Within own competence', clause: 'c' },
  not_competent: {
    vi: 'Không thuộc thẩm quyền → chuyển cơ quan có thẩm quyền trong 5 ngày làm việc',
    en: 'Not competent → forward to the competent agency within 5 working days',
    clause: 'd',
  },
} as const;
export const PaknCategory = z.enum(['rejected', 'conduct', 'own_competence', 'not_competent']);
export type PaknCategory = z.infer<typeof PaknCategory>;

/** Where a PAKN came from (Art. 5 as amended: written — at the counter, by post, email, the portal — or by phone). */
export const PAKN_CHANNELS = {
  portal: { vi: 'Cổng dịch vụ công', en: 'Portal' },
  counter: { vi: 'Trực tiếp tại cơ quan', en: 'At the counter' },
  post: { vi: 'Bưu chính', en: 'Post' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
} as const;
export const PaknChannel = z.enum(['portal', 'counter', 'post', 'email', 'hotline']);
export type PaknChannel = z.infer<typeof PaknChannel>;

export const PAKN_STATES = {
  received: { vi: 'Đã tiếp nhận, chờ phân loại', en: 'Received, to be classified' },
  classified: { vi: 'Đã phân loại', en: 'Classified' },
  rejected: { vi: 'Không tiếp nhận', en: 'Rejected' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền', en: 'Forwarded to the competent agency' },
  handling: { vi: 'Đang xử lý', en: 'Being handled' },
  clarification_requested: { vi: 'Đề nghị người gửi làm rõ', en: 'Clarification requested' },
  clarified: { vi: 'Người gửi đã làm rõ', en: 'Clarified by the sender' },
  answer_drafted: { vi: 'Đã dự thảo trả lời', en: 'Answer drafted' },
  answer_approved: { vi: 'Lãnh đạo đã duyệt trả lời', en: 'Answer approved' },
  answered: { vi: 'Đã trả lời người gửi', en: 'Answered' },
  published: { vi: 'Đã công khai kết quả trả lời', en: 'Answer published' },
  withheld: { vi: 'Không công khai (có lý do)', en: 'Not published (with a reason)' },
} as const;
export const PaknState = z.enum([
  'received',
  'classified',
  'rejected',
  'forwarded',
  'handling',
  'clarification_requested',
  'clarified',
  'answer_drafted',
  'answer_approved',
  'answered',
  'published',
  'withheld',
]);
export type PaknState = z.infer<typeof PaknState>;

/** The states in which nothing more happens (the register closes the entry). */
export const PAKN_FINAL_STATES: readonly PaknState[] = ['rejected', 'published', 'withheld'];

/** The permissions of the role table (access/permissions.ts) an action needs. */
export type PaknPermission = 'pakn.receive' | 'pakn.handle' | 'pakn.approve';

export const PaknAction = z.enum([
  'classify',
  'reject',
  'forward',
  'accept',
  'start_handling',
  'request_clarification',
  'record_clarification',
  'draft_answer',
  'return_answer',
  'approve_answer',
  'send_answer',
  'publish',
  'withhold',
]);
export type PaknAction = z.infer<typeof PaknAction>;

type Transition = {
  from: readonly PaknState[];
  to: PaknState;
  permission: PaknPermission;
  /** The categories the PAKN must have been classified in for the action. */
  categories?: readonly PaknCategory[];
  /** A reason (note) is required: a rejection, a withheld publication, a returned draft, a question to the sender. */
  needsNote?: true;
  label: { vi: string; en: string };
  /** The article of Decree 20/2008 (as amended) the step comes from, or [INF]. */
  source: string;
};

/**
 * Every step of the handling. Forwarding moves the PAKN to another agency (the hand-over is an event
 * with its time, like a dossier's liên thông step): the competent agency accepts it, or forwards it on
 * when it is not competent either.
 */
export const PAKN_TRANSITIONS: Readonly<Record<PaknAction, Transition>> = {
  classify: {
    from: ['received', 'classified'],
    to: 'classified',
    permission: 'pakn.receive',
    label: { vi: 'Phân loại', en: 'Classify' },
    source: 'Art. 9(2)',
  },
  reject: {
    from: ['classified'],
    to: 'rejected',
    permission: 'pakn.receive',
    categories: ['rejected'],
    needsNote: true,
    label: { vi: 'Không tiếp nhận', en: 'Reject' },
    source: 'Art. 9(2)(a)',
  },
  forward: {
    from: ['classified', 'forwarded'],
    to: 'forwarded',
    permission: 'pakn.receive',
    categories: ['not_competent', 'conduct'],
    label: { vi: 'Chuyển cơ quan có thẩm quyền', en: 'Forward to the competent agency' },
    source: 'Art. 9(2)(b), (d)',
  },
  accept: {
    from: ['forwarded'],
    to: 'handling',
    permission: 'pakn.receive',
    label: { vi: 'Nhận xử lý', en: 'Accept for handling' },
    source: 'Art. 9(2)(c) at the competent agency',
  },
  start_handling: {
    from: ['classified'],
    to: 'handling',
    permission: 'pakn.receive',
    categories: ['own_competence', 'conduct'],
    label: { vi: 'Xử lý', en: 'Handle' },
    source: 'Art. 9(2)(b), (c); Art. 14',
  },
  request_clarification: {
    from: ['classified', 'handling', 'clarified'],
    to: 'clarification_requested',
    permission: 'pakn.receive',
    needsNote: true,
    label: { vi: 'Đề nghị làm rõ', en: 'Ask the sender to clarify' },
    source: 'Art. 14',
  },
  record_clarification: {
    from: ['clarification_requested'],
    to: 'clarified',
    permission: 'pakn.receive',
    needsNote: true,
    label: { vi: 'Ghi nhận nội dung làm rõ', en: 'Record the clarification' },
    source: 'Art. 14',
  },
  draft_answer: {
    from: ['handling', 'clarified', 'answer_drafted'],
    to: 'answer_drafted',
    permission: 'pakn.handle',
    label: { vi: 'Dự thảo trả lời', en: 'Draft the answer' },
    source: 'Art. 15',
  },
  return_answer: {
    from: ['answer_drafted'],
    to: 'handling',
    permission: 'pakn.approve',
    needsNote: true,
    label: { vi: 'Trả lại dự thảo', en: 'Return the draft' },
    source: '[INF] sign-off, Decree 30/2020 Art. 13',
  },
  approve_answer: {
    from: ['answer_drafted'],
    to: 'answer_approved',
    permission: 'pakn.approve',
    label: { vi: 'Duyệt trả lời', en: 'Approve the answer' },
    source: '[INF] sign-off, Decree 30/2020 Art. 13',
  },
  send_answer: {
    from: ['answer_approved'],
    to: 'answered',
    permission: 'pakn.handle',
    label: { vi: 'Gửi trả lời', en: 'Send the answer' },
    source: 'Art. 15',
  },
  publish: {
    from: ['answered'],
    to: 'published',
    permission: 'pakn.approve',
    label: { vi: 'Công khai', en: 'Publish' },
    source: 'Art. 19',
  },
  withhold: {
    from: ['answered'],
    to: 'withheld',
    permission: 'pakn.approve',
    needsNote: true,
    label: { vi: 'Không công khai', en: 'Withhold' },
    source: 'Art. 19 [INF: the exception]',
  },
};

export type PaknRefusal =
  | 'PAKN_ACTION_NOT_ALLOWED_IN_STATE'
  | 'PAKN_CATEGORY_REQUIRED'
  | 'PAKN_NOTE_REQUIRED'
  | 'PAKN_TARGET_REQUIRED'
  | 'PAKN_ANSWER_REQUIRED';

export type PaknDecision = { ok: true; to: PaknState } | { ok: false; refusal: PaknRefusal };

/** What an action carries; each action reads what it needs. */
export type PaknActionInput = {
  action: PaknAction;
  /** classify: the category chosen. */
  category?: PaknCategory | undefined;
  note?: string | undefined;
  /** forward: the competent agency (another agency than the current holder). */
  targetAgencyId?: string | undefined;
  /** draft_answer: the answer's text. */
  answer?: string | undefined;
};

/**
 * Decides an action on a PAKN in `state`, classified in `category` (null before classification),
 * held by `holderAgencyId`. Pure: the use-case checks the permission and writes the result.
 */
export const decidePaknAction = (
  current: { state: PaknState; category: PaknCategory | null; holderAgencyId: string },
  input: PaknActionInput,
): PaknDecision => {
  const transition = PAKN_TRANSITIONS[input.action];
  if (!transition.from.includes(current.state)) {
    return { ok: false, refusal: 'PAKN_ACTION_NOT_ALLOWED_IN_STATE' };
  }
  const category = input.action === 'classify' ? (input.category ?? null) : current.category;
  if (input.action === 'classify' && category === null) {
    return { ok: false, refusal: 'PAKN_CATEGORY_REQUIRED' };
  }
  // A PAKN received by forwarding is handled by its new holder whatever its first classification said.
  if (
    transition.categories &&
    current.state !== 'forwarded' &&
    (!category || !transition.categories.includes(category))
  ) {
    return { ok: false, refusal: 'PAKN_CATEGORY_REQUIRED' };
  }
  if (transition.needsNote && !input.note?.trim()) {
    return { ok: false, refusal: 'PAKN_NOTE_REQUIRED' };
  }
  if (input.action === 'forward' && (!input.targetAgencyId || input.targetAgencyId === current.holderAgencyId)) {
    return { ok: false, refusal: 'PAKN_TARGET_REQUIRED' };
  }
  if (input.action === 'draft_answer' && !input.answer?.trim()) {
    return { ok: false, refusal: 'PAKN_ANSWER_REQUIRED' };
  }
  return { ok: true, to: transition.to };
};

/** The actions possible from a state (for the page's buttons). */
export const listPaknActions = (state: PaknState): PaknAction[] =>
  PaknAction.options.filter((action) => PAKN_TRANSITIONS[action].from.includes(state));
