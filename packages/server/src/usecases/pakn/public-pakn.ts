import {
  findAgency,
  findPaknRegisterByCode,
  hitThrottle,
  listPublishedPakn,
  type PaknRegisterRecord,
} from '@motcua/db';
import {
  foldVietnamese,
  formatInstant,
  PAKN_KINDS,
  PAKN_STATES,
  PAKN_TOPICS,
  type SatisfactionLevel,
} from '@motcua/domain';
import { hashSecret } from '../../auth/secrets.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { PAKN_LIMITS } from '../portal/feedback/pakn.js';
import { enforceThrottle } from '../portal/throttle.js';
import { recordPaknRating } from './change-pakn.js';
import { PAKN } from './pakn-access.js';
import { describePaknTimeliness } from './pakn-view.js';

const instant = (date: Date | null) => (date ? formatInstant(date.getTime()) : null);

/** What anyone may read of a published answer: the matter and the answer, never the sender's particulars. */
const toPublicAnswer = async (ctx: AppContext, row: PaknRegisterRecord) => ({
  code: row.code,
  kind: row.kind,
  kindLabel: PAKN_KINDS[row.kind],
  topic: row.topic,
  topicLabel: PAKN_TOPICS[row.topic],
  regulation: row.regulation,
  procedureCode: row.procedureCode,
  content: row.content,
  agencyName: row.agencyId ? ((await findAgency(ctx.db, row.agencyId))?.name ?? null) : null,
  receivedAt: formatInstant(row.receivedAt.getTime()),
  answeredAt: instant(row.answeredAt),
  publishedAt: instant(row.publishedAt),
  answerText: row.answerText ?? '',
  answerSigner: row.answerSigner,
  isDemo: row.isDemo,
});

const decodeCursor = (cursor: string | undefined) => {
  if (!cursor) {
    return undefined;
  }
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      { fieldProblems: [{ in: 'query', pointer: '/cursor', code: 'CURSOR', message: 'bad cursor' }] },
    );
  }
  return { at, id };
};

/** The province's published answers (Decree 20/2008 Art. 19), newest first; the search ignores diacritics. */
export const listPublicPaknAnswers = async (
  ctx: AppContext,
  input: { provinceCode: string; q?: string | undefined; cursor?: string | undefined; limit: number },
) => {
  const rows = await listPublishedPakn(ctx.db, {
    provinceCode: input.provinceCode,
    foldedQuery: input.q ? foldVietnamese(input.q) : undefined,
    ...(input.cursor ? { cursor: decodeCursor(input.cursor) } : {}),
    limit: input.limit + 1,
  } as Parameters<typeof listPublishedPakn>[1]);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await Promise.all(page.map((row) => toPublicAnswer(ctx, row))),
    nextCursor:
      rows.length > input.limit && last?.publishedAt
        ? Buffer.from(`${last.publishedAt.toISOString()}|${last.id}`).toString('base64url')
        : null,
  };
};

/** One published answer; any other entry is 404 (withheld answers stay unpublished). */
export const getPublicPaknAnswer = async (ctx: AppContext, code: string, provinceCode?: string | undefined) => {
  const row = await findPaknRegisterByCode(ctx.db, code, provinceCode);
  if (row?.status !== 'published') {
    throw new AppError('NOT_FOUND', { resource: PAKN });
  }
  return toPublicAnswer(ctx, row);
};

const phoneMatches = (row: PaknRegisterRecord, last4: string | undefined) =>
  last4 !== undefined && row.senderPhone.replace(/\D/g, '').endsWith(last4);

/**
 * Where a PAKN stands, by its code and without an account (the throttle of the portal's lookups). With
 * the last four digits of the sender's phone the sender also sees the answer sent to them and whether
 * they may rate it; without them, only the state and the dates (codes are easy to guess).
 */
export const trackPaknByCode = async (
  ctx: AppContext,
  input: { code: string; phoneLast4?: string | undefined; clientAddress: string; provinceCode?: string | undefined },
) => {
  const now = ctx.clock.now();
  const key = `pakn-lookup:${hashSecret(input.clientAddress)}`;
  await enforceThrottle(ctx, { key, limit: PAKN_LIMITS.lookups, windowMs: PAKN_LIMITS.lookupWindowMs });
  await hitThrottle(ctx.db, { key, now, windowMs: PAKN_LIMITS.lookupWindowMs });
  // Another province's entry answers like an unknown code (the request's portal knows its own province's only).
  const row = await findPaknRegisterByCode(ctx.db, input.code, input.provinceCode);
  if (!row) {
    throw new AppError('NOT_FOUND', { resource: PAKN });
  }
  const isSender = phoneMatches(row, input.phoneLast4);
  if (input.phoneLast4 !== undefined && !isSender) {
    throw new AppError('PAKN_SENDER_MISMATCH');
  }
  const answered = row.answeredAt !== null;
  return {
    code: row.code,
    provinceCode: row.provinceCode,
    kind: row.kind,
    kindLabel: PAKN_KINDS[row.kind],
    topic: row.topic,
    topicLabel: PAKN_TOPICS[row.topic],
    regulation: row.regulation,
    procedureCode: row.procedureCode,
    status: row.status,
    statusLabel: PAKN_STATES[row.status],
    receivedAt: formatInstant(row.receivedAt.getTime()),
    agencyName: row.agencyId ? ((await findAgency(ctx.db, row.agencyId))?.name ?? null) : null,
    answerDueAt: instant(row.answerDueAt),
    answeredAt: instant(row.answeredAt),
    timeliness: describePaknTimeliness(row, now),
    published: row.status === 'published',
    answerText: answered && (isSender || row.status === 'published') ? row.answerText : null,
    rejectionReason: row.status === 'rejected' && isSender ? row.outcomeNote : null,
    rating: isSender ? row.rating : null,
    canRate: isSender && answered && row.rating === null,
  };
};

/** The sender rates the answer, once, proving it with the last four digits of the phone they gave. */
export const ratePaknAnswer = async (
  ctx: AppContext,
  input: {
    code: string;
    phoneLast4: string;
    rating: SatisfactionLevel;
    clientAddress: string;
    provinceCode?: string | undefined;
  },
) => {
  const now = ctx.clock.now();
  const key = `pakn-lookup:${hashSecret(input.clientAddress)}`;
  await enforceThrottle(ctx, { key, limit: PAKN_LIMITS.lookups, windowMs: PAKN_LIMITS.lookupWindowMs });
  await hitThrottle(ctx.db, { key, now, windowMs: PAKN_LIMITS.lookupWindowMs });
  const row = await findPaknRegisterByCode(ctx.db, input.code, input.provinceCode);
  if (!row || !phoneMatches(row, input.phoneLast4)) {
    throw new AppError('PAKN_SENDER_MISMATCH');
  }
  await recordPaknRating(ctx, { code: row.code, rating: input.rating });
  return { code: row.code, rating: input.rating, ratedAt: formatInstant(now.getTime()) };
};
