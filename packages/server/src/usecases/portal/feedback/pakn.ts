import { allocatePaknSequence, findPaknByCode, hitThrottle, insertPakn } from '@motcua/db';
import {
  formatInstant,
  formatPaknCode,
  PAKN_KINDS,
  PAKN_STATUSES,
  PAKN_TOPICS,
  type PaknSubmission,
  toLocalDate,
} from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { hashSecret } from '../../../auth/secrets.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { enforceThrottle } from '../throttle.js';

/** A public form is open to everybody; 10 feedbacks an hour per client address keeps it usable and unspammed. */
export const PAKN_LIMITS = {
  addressSubmissions: 10,
  addressWindowMs: 60 * 60 * 1000,
  lookups: 60,
  lookupWindowMs: 10 * 60 * 1000,
};

/**
 * Receives a feedback on regulations (Decree 20/2008/NĐ-CP Art. 9: receive, log in the register,
 * classify): it is logged with its code PAKN.yyyymmdd.nnnn and the sender's particulars; handling
 * (classification, forwarding within 5 working days, answer) comes with a later issue.
 */
export const submitPakn = async (ctx: AppContext, actor: Actor, input: PaknSubmission & { clientAddress: string }) => {
  const now = ctx.clock.now();
  const key = `pakn-addr:${hashSecret(input.clientAddress)}`;
  await enforceThrottle(ctx, { key, limit: PAKN_LIMITS.addressSubmissions, windowMs: PAKN_LIMITS.addressWindowMs });
  await hitThrottle(ctx.db, { key, now, windowMs: PAKN_LIMITS.addressWindowMs });
  const day = toLocalDate(now.getTime());
  const record = await ctx.db.transaction().execute(async (trx) => {
    const sequence = await allocatePaknSequence(trx, day);
    return insertPakn(trx, {
      code: formatPaknCode(day, sequence),
      provinceCode: input.provinceCode,
      kind: input.kind,
      topic: input.topic,
      regulation: input.regulation,
      procedureCode: input.procedureCode ?? null,
      content: input.content,
      senderName: input.sender.name,
      senderAddress: input.sender.address,
      senderPhone: input.sender.phone,
      senderEmail: input.sender.email ?? null,
      citizenId: actor.kind === 'citizen' ? actor.citizenId : null,
      now,
    });
  });
  return {
    code: record.code,
    status: record.status,
    statusLabel: PAKN_STATUSES[record.status],
    receivedAt: formatInstant(record.receivedAt.getTime()),
  };
};

/** Where a feedback stands, by its code: no sender data and no content (the code is easy to guess). */
export const trackPakn = async (ctx: AppContext, input: { code: string; clientAddress: string }) => {
  const now = ctx.clock.now();
  const key = `pakn-lookup:${hashSecret(input.clientAddress)}`;
  await enforceThrottle(ctx, { key, limit: PAKN_LIMITS.lookups, windowMs: PAKN_LIMITS.lookupWindowMs });
  await hitThrottle(ctx.db, { key, now, windowMs: PAKN_LIMITS.lookupWindowMs });
  const record = await findPaknByCode(ctx.db, input.code);
  if (!record) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'phản ánh, kiến nghị', en: 'feedback' } });
  }
  return {
    code: record.code,
    provinceCode: record.provinceCode,
    kind: record.kind,
    kindLabel: PAKN_KINDS[record.kind],
    topic: record.topic,
    topicLabel: PAKN_TOPICS[record.topic],
    regulation: record.regulation,
    procedureCode: record.procedureCode,
    status: record.status,
    statusLabel: PAKN_STATUSES[record.status],
    receivedAt: formatInstant(record.receivedAt.getTime()),
  };
};
