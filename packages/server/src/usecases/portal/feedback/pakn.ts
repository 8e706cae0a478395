import { allocatePaknSequence, hitThrottle } from '@motcua/db';
import { formatInstant, formatPaknCode, PAKN_STATUSES, type PaknSubmission, toLocalDate } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import { hashSecret } from '../../../auth/secrets.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { createPaknEntry, preparePaknEntry } from '../../pakn/change-pakn.js';
import { loadPaknRules } from '../../pakn/pakn-rules.js';
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
 * classify): it is logged with its code PAKN.yyyymmdd.nnnn and the sender's particulars in the register
 * of the agency that receives the portal's PAKN (the province setting, else the People's Committee),
 * through the same path as an entry made by an officer (usecases/pakn/change-pakn.ts).
 */
export const submitPakn = async (
  ctx: AppContext,
  actor: Actor,
  submission: Omit<PaknSubmission, 'provinceCode'> & {
    /** The province the feedback is addressed to: the route's public province (the portal's own by default). */
    provinceCode: string | undefined;
    clientAddress: string;
  },
) => {
  const { provinceCode } = submission;
  if (provinceCode === undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      { fieldProblems: [{ in: 'body', pointer: '/provinceCode', code: 'REQUIRED', message: 'required' }] },
    );
  }
  const input = { ...submission, provinceCode };
  const now = ctx.clock.now();
  const key = `pakn-addr:${hashSecret(input.clientAddress)}`;
  await enforceThrottle(ctx, { key, limit: PAKN_LIMITS.addressSubmissions, windowMs: PAKN_LIMITS.addressWindowMs });
  await hitThrottle(ctx.db, { key, now, windowMs: PAKN_LIMITS.addressWindowMs });
  const day = toLocalDate(now.getTime());
  const { portalAgencyId } = await loadPaknRules(ctx, input.provinceCode);
  const prepared = await preparePaknEntry(ctx, { provinceCode: input.provinceCode, agencyId: portalAgencyId });
  const record = await ctx.db.transaction().execute(async (trx) => {
    const sequence = await allocatePaknSequence(trx, day);
    return createPaknEntry(
      ctx,
      trx,
      {
        code: formatPaknCode(day, sequence),
        channel: 'portal',
        receivingAgencyId: portalAgencyId,
        agencyId: portalAgencyId,
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
        receivedAt: now,
      },
      { kind: 'sender', userId: null, role: null },
      prepared,
    );
  });
  return {
    code: record.code,
    status: record.status,
    statusLabel: PAKN_STATUSES[record.status],
    receivedAt: formatInstant(record.receivedAt.getTime()),
  };
};
