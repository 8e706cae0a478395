import { createHash } from 'node:crypto';
import { claimIdempotencyKey, type Database, storeIdempotentResponse } from '@motcua/db';
import { canonicalizeJson } from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

export type IdempotentResult<T> = { statusCode: number; body: T; replayed: boolean };

/** A fingerprint of a request, so that a key reused for a different request is refused. */
export const hashRequest = (method: string, path: string, body: unknown): string =>
  createHash('sha256')
    .update(`${method} ${path}\n${canonicalizeJson(body ?? null)}`)
    .digest('hex');

/**
 * Runs a write in one transaction, honouring an Idempotency-Key: the key is claimed in the same
 * transaction as the write, so a retry gets the stored first answer, a concurrent duplicate waits
 * on the key's row lock and then gets it too, and a failed attempt leaves no claim behind.
 */
export const withIdempotency = async <T>(
  ctx: AppContext,
  idempotency: { scope: string; key?: string | undefined; requestHash?: string | undefined },
  run: (trx: Transaction<Database>) => Promise<{ statusCode: number; body: T }>,
): Promise<IdempotentResult<T>> =>
  ctx.db.transaction().execute(async (trx) => {
    const { key, requestHash } = idempotency;
    if (key && requestHash) {
      const claim = await claimIdempotencyKey(trx, { scope: idempotency.scope, key, requestHash });
      if (!claim.claimed) {
        if (claim.requestHash !== requestHash) {
          throw new AppError('IDEMPOTENCY_KEY_REUSED');
        }
        return { statusCode: claim.statusCode ?? 200, body: claim.response as T, replayed: true };
      }
    }
    const result = await run(trx);
    if (key && requestHash) {
      await storeIdempotentResponse(trx, { scope: idempotency.scope, key, ...result, response: result.body });
    }
    return { ...result, replayed: false };
  });

/**
 * withIdempotency for a write that is ONE statement (a new dossier: insertNewDossier writes counter, code,
 * row, events, steps, statistics delta and outbox jobs at once). Without an Idempotency-Key the statement runs
 * on its own, outside a transaction: a statement is atomic by itself, and the row locks it takes — the receiving
 * agency's daily code counter — are held only while it runs, instead of until a COMMIT sent one more round
 * trip later by a process that may be busy (issue 16: at one desk every intake takes the same counter row).
 * With a key, the claim, the write and the stored answer share one transaction, as withIdempotency does.
 */
export const withIdempotentStatement = async <T>(
  ctx: AppContext,
  idempotency: { scope: string; key?: string | undefined; requestHash?: string | undefined },
  run: (db: Kysely<Database> | Transaction<Database>) => Promise<{ statusCode: number; body: T }>,
): Promise<IdempotentResult<T>> => {
  if (!(idempotency.key && idempotency.requestHash)) {
    return { ...(await run(ctx.db)), replayed: false };
  }
  return withIdempotency(ctx, idempotency, run);
};
