import { listPaknEvents, listPaknInbox, type PaknRegisterRecord } from '@motcua/db';
import type { PaknState } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { holdsAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getReadablePakn, resolvePaknScope } from './pakn-access.js';
import { loadAgencyNames, toPaknDetail, toPaknListItem } from './pakn-view.js';

export type PaknInboxInput = {
  view: 'all' | 'open' | 'due_soon' | 'late';
  states?: PaknState[] | undefined;
  cursor?: string | undefined;
  limit: number;
};

/** "Due soon": the answer deadline falls within the next three days [INF: the dossier inbox's window]. */
const DUE_SOON_MS = 3 * 24 * 60 * 60 * 1000;

const encodeCursor = (row: PaknRegisterRecord, view: PaknInboxInput['view']) =>
  Buffer.from(
    JSON.stringify({
      at: (view === 'due_soon' || view === 'late' ? row.answerDueAt : row.receivedAt)?.toISOString(),
      id: row.id,
    }),
  ).toString('base64url');

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

/** A page of the PAKN inbox of the official's agencies (keyset-paginated, index-ordered). */
export const findPaknInbox = async (ctx: AppContext, actor: Actor, input: PaknInboxInput) => {
  const official = requireOfficial(actor);
  if (!holdsAction(official, 'pakn.read')) {
    throw new AppError('FORBIDDEN');
  }
  const scope = await resolvePaknScope(ctx, official);
  const now = ctx.clock.now();
  const rows = await listPaknInbox(ctx.db, {
    ...scope,
    view: input.view,
    states: input.states,
    now,
    dueSoonUntil: new Date(now.getTime() + DUE_SOON_MS),
    cursor: decodeCursor(input.cursor),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const names = await loadAgencyNames(ctx, page);
  const last = page.at(-1);
  return {
    items: page.map((row) => toPaknListItem(row, names, now)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last, input.view) : null,
  };
};

/** One entry with its history and the steps possible now. */
export const getPakn = async (ctx: AppContext, actor: Actor, code: string) => {
  const { record } = await getReadablePakn(ctx, actor, code);
  const events = await listPaknEvents(ctx.db, record.id);
  const names = await loadAgencyNames(ctx, [
    record,
    ...events.map((event) => ({ agencyId: event.agencyId })),
    ...events.map((event) => ({ agencyId: (event.payload.toAgencyId as string | undefined) ?? null })),
  ]);
  return toPaknDetail(record, events, names, ctx.clock.now());
};
