import { allocatePaknSequence, findAgency } from '@motcua/db';
import { formatPaknCode, type PaknChannel, type PaknSubmission, toLocalDate } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { authorizeAgencyAction } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { createPaknEntry, preparePaknEntry } from './change-pakn.js';
import { PAKN } from './pakn-access.js';

export type RegisterPaknInput = Omit<PaknSubmission, 'provinceCode'> & {
  agencyId: string;
  channel: Exclude<PaknChannel, 'portal'>;
  /** When it arrived, if not now (a letter opened later, a call logged after it ended); never in the future. */
  receivedAt?: string | undefined;
  isDemo?: boolean | undefined;
};

/**
 * The receiving officer logs a PAKN that came at the counter, by post, email or hotline in the
 * agency's register (Decree 20/2008 Art. 9(1)), with the same code scheme as the portal's.
 */
export const registerPakn = async (ctx: AppContext, actor: Actor, input: RegisterPaknInput) => {
  const official = await authorizeAgencyAction(ctx, actor, 'pakn.receive', input.agencyId, PAKN);
  const agency = await findAgency(ctx.db, input.agencyId);
  if (!agency?.provinceCode) {
    throw new AppError('NOT_FOUND', { resource: PAKN });
  }
  const now = ctx.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime()) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      {
        fieldProblems: [
          { in: 'body', pointer: '/receivedAt', code: 'NOT_IN_FUTURE', message: 'receivedAt is in the future' },
        ],
      },
    );
  }
  const day = toLocalDate(receivedAt.getTime());
  const role = official.grants.find((grant) => grant.agencyId === input.agencyId)?.role ?? null;
  const prepared = await preparePaknEntry(ctx, { provinceCode: agency.provinceCode, agencyId: agency.id });
  const record = await ctx.db.transaction().execute(async (trx) => {
    const sequence = await allocatePaknSequence(trx, day);
    return createPaknEntry(
      ctx,
      trx,
      {
        code: formatPaknCode(day, sequence),
        provinceCode: agency.provinceCode as string,
        channel: input.channel,
        receivingAgencyId: agency.id,
        agencyId: agency.id,
        receivedBy: official.userId,
        kind: input.kind,
        topic: input.topic,
        regulation: input.regulation,
        procedureCode: input.procedureCode ?? null,
        content: input.content,
        senderName: input.sender.name,
        senderAddress: input.sender.address,
        senderPhone: input.sender.phone,
        senderEmail: input.sender.email ?? null,
        citizenId: null,
        receivedAt,
        isDemo: input.isDemo ?? false,
      },
      { kind: 'official', userId: official.userId, role },
      prepared,
    );
  });
  return { code: record.code, status: record.status, version: record.version };
};
