/**
 * The fee account of a dossier as the server reads it: the charges (published fixed fees of its
 * procedure version for its channel, and its payment requests) against the payments made online and
 * at the counter. The arithmetic is the domain's (packages/domain/src/fees).
 */
import {
  type CounterPaymentRecord,
  type Database,
  type DossierRecord,
  findProcedureVersion,
  listDossierCounterPayments,
  listDossierPaymentRequests,
  listDossierPayments,
  type PaymentRecord,
} from '@motcua/db';
import {
  buildFeeCharges,
  checkResultReturn,
  type FeeAccount,
  type FeePaymentEntry,
  formatVnd,
  summarizeFeeAccount,
} from '@motcua/domain';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../errors/app-error.js';

type Db = Kysely<Database> | Transaction<Database>;

export type LoadedFeeAccount = {
  account: FeeAccount;
  online: PaymentRecord[];
  counter: CounterPaymentRecord[];
};

/** Online payments count once they succeeded, against the request they answered. */
const onlineEntry = (payment: PaymentRecord): FeePaymentEntry => ({
  channel: 'online',
  amountVnd: payment.amountVnd,
  lines: [{ chargeKey: `request:${payment.requestSeq}`, amountVnd: payment.amountVnd }],
});

const counterEntry = (payment: CounterPaymentRecord): FeePaymentEntry => ({
  channel: 'counter',
  amountVnd: payment.amountVnd,
  lines: payment.feeLines.map((line) => ({ chargeKey: line.chargeKey, amountVnd: line.amountVnd })),
});

/** Reads a dossier's charges and payments (inside the caller's transaction when given one) and sums them. */
export const loadFeeAccount = async (
  db: Db,
  dossier: Pick<DossierRecord, 'id' | 'procedureVersionId' | 'channel'>,
): Promise<LoadedFeeAccount> => {
  const version = await findProcedureVersion(db, dossier.procedureVersionId);
  const { charges, unpricedFees } = buildFeeCharges({
    channels: version?.content.channels ?? [],
    channel: dossier.channel,
    paymentRequests: await listDossierPaymentRequests(db, dossier.id),
  });
  const online = (await listDossierPayments(db, dossier.id)).filter((p) => p.status === 'succeeded');
  const counter = await listDossierCounterPayments(db, dossier.id);
  return {
    account: summarizeFeeAccount(charges, [...online.map(onlineEntry), ...counter.map(counterEntry)], unpricedFees),
    online,
    counter,
  };
};

/**
 * Refuses to hand a result over while a fee or charge is owed (409 FEE_OWED, with the amount):
 * called by the return_result action inside its transaction.
 */
export const assertNoFeeOwed = async (
  db: Db,
  dossier: Pick<DossierRecord, 'id' | 'procedureVersionId' | 'channel'>,
): Promise<void> => {
  const { account } = await loadFeeAccount(db, dossier);
  const check = checkResultReturn(account);
  if (!check.ok && check.violation.code === 'FEE_OWED') {
    throw new AppError(
      'FEE_OWED',
      { owedVnd: formatVnd(check.violation.owedVnd).replace(' đồng', '') },
      { extensions: { rule: check.violation.code, owedVnd: check.violation.owedVnd } },
    );
  }
};
