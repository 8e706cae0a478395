import {
  type Database,
  findAgency,
  findPaknForUpdate,
  findPaknRegisterByCode,
  insertPaknEvent,
  insertPaknRegisterEntry,
  type PaknPauseJson,
  type PaknRegisterRecord,
  updatePaknGuarded,
} from '@motcua/db';
import {
  computePaknDeadlines,
  decidePaknAction,
  foldVietnamese,
  PAKN_STATES,
  PAKN_TRANSITIONS,
  type PaknActionInput,
  type PaknCategory,
  type PaknState,
  type WorkingTimeCalendar,
} from '@motcua/domain';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { QUEUES } from '../../jobs/jobs.js';
import { authorizePaknAction, getReadablePakn, PAKN } from './pakn-access.js';
import { computePaknEventHash } from './pakn-hash.js';
import { findPaknCalendar, loadPaknRules, type PaknRules } from './pakn-rules.js';

type EventActor = { kind: 'official' | 'sender' | 'system'; userId: string | null; role: string | null };

/** The searchable, accent-free text of an entry: what it is about and its answer. */
export const foldPaknSearchText = (row: { regulation: string; content: string; answerText?: string | null }) =>
  foldVietnamese([row.regulation, row.content, row.answerText ?? ''].join(' ')).slice(0, 40_000);

/**
 * Appends the next event of an entry's chain and returns the anchor columns for its row. The one way
 * a PAKN event is written (a new entry and every change).
 */
const writeEvent = async (
  trx: Transaction<Database>,
  ctx: AppContext,
  input: {
    row: Pick<PaknRegisterRecord, 'id' | 'eventCount' | 'lastEventHash'>;
    at: Date;
    actor: EventActor;
    agencyId: string | null;
    action: string;
    fromStatus: PaknState | null;
    toStatus: PaknState;
    note: string | null;
    payload: Record<string, unknown>;
  },
) => {
  const seq = input.row.eventCount + 1;
  const content = {
    paknId: input.row.id,
    seq,
    at: input.at,
    actorKind: input.actor.kind,
    actorUserId: input.actor.userId,
    actorRole: input.actor.role,
    agencyId: input.agencyId,
    action: input.action,
    fromStatus: input.fromStatus,
    toStatus: input.toStatus,
    note: input.note,
    payload: input.payload,
  };
  const hash = computePaknEventHash(input.row.lastEventHash, content);
  await insertPaknEvent(trx, {
    ...content,
    payload: JSON.stringify(input.payload),
    prevHash: input.row.lastEventHash,
    hash,
  });
  await ctx.jobs.enqueue(trx, QUEUES.paknChanged, { paknId: input.row.id, seq, action: input.action });
  return { eventCount: seq, lastEventHash: hash };
};

export type PreparedPaknEntry = { rules: PaknRules; calendar: WorkingTimeCalendar };

/** The province's limits and the holder's calendar of a new entry, read before its transaction opens. */
export const preparePaknEntry = async (
  ctx: AppContext,
  input: { provinceCode: string; agencyId: string | null },
): Promise<PreparedPaknEntry> => ({
  rules: await loadPaknRules(ctx, input.provinceCode),
  calendar: await findPaknCalendar(ctx, input),
});

export type NewPaknEntry = Omit<
  Insertable<Database['paknFeedback']>,
  'id' | 'status' | 'version' | 'eventCount' | 'lastEventHash' | 'searchText' | 'classifyDueAt'
> & { receivedAt: Date };

/**
 * Logs a new entry in the register (Decree 20/2008 Art. 9: receive, log) with its code, its
 * classification deadline and its first event, in the caller's transaction.
 */
export const createPaknEntry = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  entry: NewPaknEntry,
  actor: EventActor,
  /** Loaded before the transaction (preparePaknEntry): nothing else is read while it is open. */
  prepared: PreparedPaknEntry,
): Promise<PaknRegisterRecord> => {
  const { rules, calendar } = prepared;
  const deadlines = computePaknDeadlines(
    calendar,
    { receivedAt: entry.receivedAt.getTime(), category: null, answerClockStart: null, pauses: [] },
    rules.limits,
  );
  const inserted = await insertPaknRegisterEntry(trx, {
    ...entry,
    status: 'received',
    classifyDueAt: new Date(deadlines.classifyDueAt),
    searchText: foldPaknSearchText(entry),
  });
  const anchor = await writeEvent(trx, ctx, {
    row: inserted,
    at: entry.receivedAt,
    actor,
    agencyId: entry.agencyId ?? null,
    action: 'register',
    fromStatus: null,
    toStatus: 'received',
    note: null,
    payload: { channel: entry.channel ?? 'portal', code: entry.code },
  });
  const anchored = await updatePaknGuarded(trx, { id: inserted.id, expectedVersion: inserted.version, patch: anchor });
  if (!anchored) {
    throw new Error('a new PAKN entry changed inside its own transaction');
  }
  return anchored;
};

export type PaknChangeInput = PaknActionInput & { code: string; expectedVersion: number };

const closeOpenPause = (pauses: readonly PaknPauseJson[], at: number): PaknPauseJson[] =>
  pauses.map((pause) => (pause.end === undefined ? { start: pause.start, end: at } : pause));

/**
 * Every change of a PAKN: authorize (read, then the step's permission at the holding agency) → lock
 * the row → check the version the caller saw (409) → decide with the table → state + deadlines +
 * hash-chained event + outbox job in one transaction. There is no other way an entry changes.
 */
export const changePakn = async (ctx: AppContext, actor: Actor, input: PaknChangeInput) => {
  const { official, record } = await getReadablePakn(ctx, actor, input.code);
  const transition = PAKN_TRANSITIONS[input.action];
  await authorizePaknAction(ctx, official, record, transition.permission);
  let target: { id: string; name: string } | undefined;
  if (input.action === 'forward' && input.targetAgencyId) {
    const agency = await findAgency(ctx.db, input.targetAgencyId);
    if (!agency || agency.validTo !== null) {
      throw new AppError('PAKN_TARGET_REQUIRED', { action: transition.label });
    }
    target = { id: agency.id, name: agency.name };
  }
  const holderAfter = target?.id ?? record.agencyId;
  const rules = await loadPaknRules(ctx, record.provinceCode);
  const calendar = await findPaknCalendar(ctx, { agencyId: holderAfter, provinceCode: record.provinceCode });
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await findPaknForUpdate(trx, input.code);
    if (!row) {
      throw new AppError('NOT_FOUND', { resource: PAKN });
    }
    if (row.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
    }
    const decision = decidePaknAction(
      { state: row.status, category: row.category, holderAgencyId: row.agencyId ?? '' },
      input,
    );
    if (!decision.ok) {
      throw new AppError(decision.refusal, { state: PAKN_STATES[row.status], action: transition.label });
    }
    const note = input.note?.trim() || null;
    const patch: Updateable<Database['paknFeedback']> = { status: decision.to };
    let category: PaknCategory | null = row.category;
    let clockStart = row.answerClockStart?.getTime() ?? null;
    let pauses: PaknPauseJson[] = [...row.pauses];
    const payload: Record<string, unknown> = {};
    switch (input.action) {
      case 'classify':
        category = input.category ?? null;
        patch.category = category;
        patch.classifiedAt = now;
        payload.category = category;
        break;
      case 'reject':
        patch.outcomeNote = note;
        break;
      case 'forward':
        patch.agencyId = target?.id ?? null;
        patch.forwardedAt = now;
        clockStart = now.getTime();
        pauses = [];
        payload.fromAgencyId = row.agencyId;
        payload.toAgencyId = target?.id;
        payload.toAgencyName = target?.name;
        payload.forwardedOnTime = row.classifyDueAt ? now.getTime() <= row.classifyDueAt.getTime() : null;
        break;
      case 'start_handling':
        clockStart = row.receivedAt.getTime();
        break;
      case 'request_clarification':
        pauses = [...closeOpenPause(pauses, now.getTime()), { start: now.getTime() }];
        break;
      case 'record_clarification':
        pauses = closeOpenPause(pauses, now.getTime());
        break;
      case 'draft_answer':
        patch.answerText = input.answer?.trim() ?? null;
        patch.searchText = foldPaknSearchText({ ...row, answerText: patch.answerText });
        payload.answerLength = patch.answerText?.length ?? 0;
        break;
      case 'approve_answer':
        patch.answerSigner = official.fullName;
        break;
      case 'send_answer':
        patch.answeredAt = now;
        break;
      case 'publish':
        patch.publishedAt = now;
        break;
      case 'withhold':
        patch.outcomeNote = note;
        break;
      default:
        break;
    }
    // The answer clock runs from the holder's start; when the category gives an answer limit, the deadline follows.
    const answerClock = clockStart;
    const deadlines = computePaknDeadlines(
      calendar,
      { receivedAt: row.receivedAt.getTime(), category, answerClockStart: answerClock, pauses },
      rules.limits,
    );
    patch.answerClockStart = answerClock === null ? null : new Date(answerClock);
    patch.pauses = JSON.stringify(pauses);
    // Once answered, the deadline it was judged against stays as it was.
    patch.answerDueAt = row.answeredAt
      ? row.answerDueAt
      : deadlines.answerDueAt === null
        ? null
        : new Date(deadlines.answerDueAt);
    payload.answerDueAt = patch.answerDueAt ? patch.answerDueAt.toISOString() : null;
    const role =
      official.grants.find((grant) => grant.agencyId === row.agencyId)?.role ?? official.grants[0]?.role ?? null;
    const anchor = await writeEvent(trx, ctx, {
      row,
      at: now,
      actor: { kind: 'official', userId: official.userId, role },
      agencyId: row.agencyId,
      action: input.action,
      fromStatus: row.status,
      toStatus: decision.to,
      note,
      payload,
    });
    const result = await updatePaknGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { ...patch, ...anchor },
    });
    if (!result) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: input.expectedVersion });
    }
    return result;
  });
  return { code: updated.code, status: updated.status, version: updated.version };
};

/** The entry by code as stored (for a caller that just changed it). */
export const findPaknAfterChange = (ctx: AppContext, code: string) => findPaknRegisterByCode(ctx.db, code);

/**
 * The sender's rating of the answer, once (Decision 766 stt 22 counts the dissatisfied ones): an event of
 * the chain like every change, by the sender, the state unchanged.
 */
export const recordPaknRating = async (
  ctx: AppContext,
  input: { code: string; rating: 'very_satisfied' | 'satisfied' | 'dissatisfied' },
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findPaknForUpdate(trx, input.code);
    if (!row) {
      throw new AppError('NOT_FOUND', { resource: PAKN });
    }
    if (row.answeredAt === null || row.rating !== null) {
      throw new AppError('PAKN_NOT_RATEABLE');
    }
    const anchor = await writeEvent(trx, ctx, {
      row,
      at: now,
      actor: { kind: 'sender', userId: null, role: null },
      agencyId: row.agencyId,
      action: 'rate',
      fromStatus: row.status,
      toStatus: row.status,
      note: null,
      payload: { rating: input.rating },
    });
    const updated = await updatePaknGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { rating: input.rating, ratedAt: now, ...anchor },
    });
    if (!updated) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: row.version });
    }
    return updated;
  });
};
