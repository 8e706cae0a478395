import {
  allocateFeeReceiptSeq,
  type CounterPaymentMethod,
  type Database,
  type DossierRecord,
  insertCounterPayment,
  lockDossier,
} from '@motcua/db';
import {
  allocateCounterPayment,
  type DossierActor,
  formatCounterReceiptNo,
  formatVnd,
  type OfficialRole,
  toLocalDate,
} from '@motcua/domain';
import type { Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { getAgencyWorkingCalendar } from '../calendar/calendar-service.js';
import { changeDossier, reprojectDossier } from '../dossiers/change-dossier.js';
import { DOSSIER, getReadableDossier } from '../dossiers/dossier-access.js';
import { withIdempotency } from '../dossiers/idempotency.js';
import { issueCounterReceipt } from './counter-receipt.js';
import { loadFeeAccount } from './fee-account.js';

/** The roles of the receiving agency that collect fees at the desk. */
const COLLECTING_ROLES: readonly OfficialRole[] = ['receptionist', 'result_returner'];

export type CounterPaymentRequest = {
  code: string;
  /** The dossier version the officer saw (409 when it has moved on). */
  expectedVersion: number;
  amountVnd: number;
  method: CounterPaymentMethod;
  /** Who paid (by default the applicant). */
  payerName?: string | undefined;
  /** The bank's or the card terminal's reference (card, transfer). */
  transactionRef?: string | undefined;
  note?: string | undefined;
};

const amountText = (amountVnd: number) => formatVnd(amountVnd).replace(' đồng', '');

/**
 * Records fees paid at the counter: authorize (a receptionist or result returner of the receiving
 * agency) → lock the dossier and check the version the officer saw → allocate the amount to the owed
 * charges (domain) → take the agency's next receipt number for the year → write the payment and the
 * dossier's history row in one transaction (record_payment when it settles the payment request the
 * dossier waits for, which ends the financial-obligation pause; otherwise a `collect_fee` event on the
 * unchanged state) → issue the receipt PDF after the commit. An Idempotency-Key makes a retry answer
 * the first receipt instead of collecting twice.
 */
export const recordCounterPayment = async (
  ctx: AppContext,
  actor: Actor,
  request: CounterPaymentRequest,
  idempotency?: { key: string; requestHash: string },
) => {
  const { dossier, access } = await getReadableDossier(ctx, actor, request.code);
  const roles = access.rolesAt(dossier.receivingAgencyId);
  const role = COLLECTING_ROLES.find((r) => roles.includes(r));
  if (!role) {
    throw new AppError('FEE_PAYMENT_NOT_ALLOWED');
  }
  const official = access.official;
  const { calendar } = await getAgencyWorkingCalendar(ctx, dossier.receivingAgencyId);
  const result = await withIdempotency(ctx, { scope: `user:${official.userId}`, ...idempotency }, async (trx) => {
    const locked = await lockDossier(trx, dossier.id);
    if (!locked) {
      throw new AppError('NOT_FOUND', { resource: DOSSIER });
    }
    if (locked.version !== request.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: locked.version, sent: request.expectedVersion });
    }
    const { account } = await loadFeeAccount(trx, locked);
    const allocation = allocateCounterPayment(account, request.amountVnd);
    if (!allocation.ok) {
      const { violation } = allocation;
      throw new AppError(violation.code, 'owedVnd' in violation ? { owedVnd: amountText(violation.owedVnd) } : {}, {
        extensions: { rule: violation.code, ...('owedVnd' in violation ? { owedVnd: violation.owedVnd } : {}) },
      });
    }
    const now = ctx.clock.now();
    const year = Number(toLocalDate(now.getTime()).slice(0, 4));
    const seq = await allocateFeeReceiptSeq(trx, { agencyId: locked.receivingAgencyId, year });
    const receiptNo = formatCounterReceiptNo({ year, seq });
    const acting: DossierActor = { kind: 'official', userId: official.userId, rolesAt: access.rolesAt };
    const settled = settlesWaitedRequest(locked, account.charges, allocation.lines);
    const details = {
      channel: 'counter',
      method: request.method,
      receiptNo,
      amountVnd: request.amountVnd,
      lines: allocation.lines,
    };
    const saved = settled
      ? (
          await changeDossier(ctx, trx, {
            dossierId: locked.id,
            expectedVersion: locked.version,
            action: 'record_payment',
            actor: acting,
            params: { amountVnd: request.amountVnd, receiptNo },
            calendar,
            at: now,
            note: request.note ?? null,
            payload: details,
          })
        ).dossier
      : await writeCollectionEvent(ctx, trx, {
          locked,
          calendar,
          now,
          userId: official.userId,
          role,
          details,
          note: request.note,
        });
    const payment = await insertCounterPayment(trx, {
      dossierId: locked.id,
      provinceCode: locked.provinceCode,
      agencyId: locked.receivingAgencyId,
      receiptYear: year,
      receiptSeq: seq,
      receiptNo,
      method: request.method,
      amountVnd: request.amountVnd,
      feeLines: allocation.lines,
      payerName: request.payerName?.trim() || locked.applicantName,
      transactionRef: request.transactionRef?.trim() || null,
      collectedBy: official.userId,
      collectedAt: now,
      dossierVersion: saved.version,
      appliedToDossier: settled,
      note: request.note ?? null,
    });
    return {
      statusCode: 201,
      body: {
        id: payment.id,
        receiptNo,
        amountVnd: payment.amountVnd,
        method: payment.method,
        collectedAt: now.toISOString(),
        lines: allocation.lines,
        appliedToDossier: settled,
        owedVnd: account.owedVnd - request.amountVnd,
        version: saved.version,
        status: saved.status,
      },
    };
  });
  if (!result.replayed) {
    // After the commit: the receipt is a file of its own; if this fails it is issued on first download.
    await issueCounterReceipt(ctx, { dossierId: dossier.id, paymentId: result.body.id }).catch(() => undefined);
  }
  return result;
};

/**
 * Whether the payment settles the payment request the dossier waits for (status 6): the latest
 * request's charge is owed no more once the lines are paid.
 */
const settlesWaitedRequest = (
  locked: DossierRecord,
  charges: readonly { key: string; source: string; requestSeq: number | null; owedVnd: number }[],
  lines: readonly { chargeKey: string; amountVnd: number }[],
): boolean => {
  if (locked.status !== 'financial_obligation') {
    return false;
  }
  const waited = charges
    .filter((c) => c.source === 'request')
    .reduce<(typeof charges)[number] | undefined>(
      (latest, c) => (!latest || (c.requestSeq ?? 0) > (latest.requestSeq ?? 0) ? c : latest),
      undefined,
    );
  if (!waited) {
    return false;
  }
  const paid = lines.filter((l) => l.chargeKey === waited.key).reduce((sum, l) => sum + l.amountVnd, 0);
  return waited.owedVnd - paid <= 0;
};

/** The history row of a collection that changes no status: the same state, written again with its event. */
const writeCollectionEvent = async (
  ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    locked: DossierRecord;
    calendar: Awaited<ReturnType<typeof getAgencyWorkingCalendar>>['calendar'];
    now: Date;
    userId: string;
    role: OfficialRole;
    details: Record<string, unknown>;
    note: string | undefined;
  },
): Promise<DossierRecord> => {
  const saved = await reprojectDossier(ctx, trx, {
    dossierId: input.locked.id,
    expectedVersion: input.locked.version,
    calendar: input.calendar,
    describe: (row) => ({
      at: input.now,
      actorKind: 'official',
      actorUserId: input.userId,
      actorRole: input.role,
      agencyId: row.receivingAgencyId,
      action: 'collect_fee',
      fromStatus: row.status,
      toStatus: row.status,
      note: input.note ?? null,
      payload: input.details,
    }),
  });
  if (!saved) {
    throw new AppError('VERSION_CONFLICT', { current: input.locked.version + 1, sent: input.locked.version });
  }
  return saved;
};
