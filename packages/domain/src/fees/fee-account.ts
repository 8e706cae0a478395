/**
 * The fee account of a dossier: what is due (phí, lệ phí and other financial obligations), what was
 * paid (online through the national payment platform, or at the counter in cash, by card or by
 * transfer) and what is still owed. Pure: the server reads the charges and payments, this decides.
 *
 * Charges come from two places:
 * - for a dossier received at the counter, the procedure version's published fees of the counter
 *   channel, when their amount is a fixed sum (Law on Fees and Charges 2015 Art. 3; the amounts of
 *   the National Procedure Database): collected at intake, or at the latest when the result is
 *   handed over. A dossier submitted online or by post is charged through a payment request, which
 *   the applicant pays online (Decree 45/2020/NĐ-CP Art. 9(4): online fees are paid through the
 *   payment platform) — charging its published fees as well would count the same fee twice;
 * - each `request_payment` of the dossier (status 6 "Yêu cầu thực hiện nghĩa vụ tài chính"), for
 *   the amount the officer asked: due before processing resumes and the result is returned.
 *
 * A published fee without a fixed amount (a rate, a percentage, a foreign currency) cannot be
 * charged from the catalog: the officer asks for it with request_payment.
 */
import type { Channel, ChannelRule, FeeKind } from '../catalog/procedure.js';

export const COUNTER_PAYMENT_METHODS = ['cash', 'card', 'transfer'] as const;
export type CounterPaymentMethod = (typeof COUNTER_PAYMENT_METHODS)[number];

/** How each counter method is printed on the receipt (hình thức thanh toán). */
export const COUNTER_PAYMENT_METHOD_LABELS: Readonly<Record<CounterPaymentMethod, { vi: string; en: string }>> = {
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  card: { vi: 'Thẻ ngân hàng (POS)', en: 'Bank card (POS)' },
  transfer: { vi: 'Chuyển khoản', en: 'Bank transfer' },
};

export type FeeCharge = {
  /** 'published:<index>' for a published fee, 'request:<seq>' for a payment request. */
  key: string;
  source: 'published' | 'request';
  /** The request_payment event's seq (request charges only). */
  requestSeq: number | null;
  name: string;
  kind: FeeKind;
  amountVnd: number;
};

/** One payment already made, with the charges it paid (its receipt lines). */
export type FeePaymentEntry = {
  channel: 'online' | 'counter';
  amountVnd: number;
  lines: readonly { chargeKey: string; amountVnd: number }[];
};

export type FeeAccountCharge = FeeCharge & { paidVnd: number; owedVnd: number };

export type FeeAccount = {
  charges: FeeAccountCharge[];
  dueVnd: number;
  paidVnd: number;
  paidOnlineVnd: number;
  paidCounterVnd: number;
  owedVnd: number;
  /** Money received beyond the charges (a late online success after a counter payment): to refund. */
  overpaidVnd: number;
  /** Published fees whose amount is not a fixed sum: they are asked for with request_payment. */
  unpricedFees: string[];
};

/** The published fee rows for a dossier's channel: the channel's own row, else the counter's (direct). */
const feesOfChannel = (channels: readonly ChannelRule[], channel: Channel) =>
  (
    channels.find((rule) => rule.channel === channel && rule.fees.length > 0) ??
    channels.find((rule) => rule.channel === 'direct')
  )?.fees ?? [];

/**
 * The charges of a dossier: its published fixed fees (received at the counter) and every payment request.
 * A published fee of 0 đồng (miễn phí) is not a charge.
 */
export const buildFeeCharges = (input: {
  channels: readonly ChannelRule[];
  channel: Channel;
  paymentRequests: readonly { seq: number; amountVnd: number; reason: string }[];
}): { charges: FeeCharge[]; unpricedFees: string[] } => {
  const published = input.channel === 'direct' ? feesOfChannel(input.channels, input.channel) : [];
  const charges: FeeCharge[] = published.flatMap((fee, index) =>
    fee.amountVnd !== null && fee.amountVnd > 0
      ? [
          {
            key: `published:${index}`,
            source: 'published' as const,
            requestSeq: null,
            name: fee.name,
            kind: fee.kind,
            amountVnd: fee.amountVnd,
          },
        ]
      : [],
  );
  for (const request of input.paymentRequests) {
    if (request.amountVnd > 0) {
      charges.push({
        key: `request:${request.seq}`,
        source: 'request',
        requestSeq: request.seq,
        name: request.reason,
        kind: 'other',
        amountVnd: request.amountVnd,
      });
    }
  }
  return { charges, unpricedFees: published.filter((fee) => fee.amountVnd === null).map((fee) => fee.name) };
};

/** Sums the charges against the payments made: due, paid (online, at the counter), owed, overpaid. */
export const summarizeFeeAccount = (
  charges: readonly FeeCharge[],
  payments: readonly FeePaymentEntry[],
  unpricedFees: readonly string[] = [],
): FeeAccount => {
  const paidByCharge = new Map<string, number>();
  for (const payment of payments) {
    for (const line of payment.lines) {
      paidByCharge.set(line.chargeKey, (paidByCharge.get(line.chargeKey) ?? 0) + line.amountVnd);
    }
  }
  const accountCharges = charges.map((charge) => {
    const paidVnd = Math.min(charge.amountVnd, paidByCharge.get(charge.key) ?? 0);
    return { ...charge, paidVnd, owedVnd: charge.amountVnd - paidVnd };
  });
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const dueVnd = sum(accountCharges.map((c) => c.amountVnd));
  const paidVnd = sum(payments.map((p) => p.amountVnd));
  const appliedVnd = sum(accountCharges.map((c) => c.paidVnd));
  return {
    charges: accountCharges,
    dueVnd,
    paidVnd,
    paidOnlineVnd: sum(payments.filter((p) => p.channel === 'online').map((p) => p.amountVnd)),
    paidCounterVnd: sum(payments.filter((p) => p.channel === 'counter').map((p) => p.amountVnd)),
    owedVnd: dueVnd - appliedVnd,
    overpaidVnd: paidVnd - appliedVnd,
    unpricedFees: [...unpricedFees],
  };
};

export type FeeViolation =
  | { code: 'FEE_NOTHING_OWED' }
  | { code: 'FEE_AMOUNT_EXCEEDS_OWED'; owedVnd: number }
  | { code: 'FEE_OWED'; owedVnd: number };

export type CounterPaymentLine = { chargeKey: string; name: string; kind: FeeKind; amountVnd: number };

/**
 * What a payment at the counter pays: the owed charges in order (published fees first, then the
 * requests, oldest first), up to the amount taken. More than is owed is refused: the desk does not
 * keep money the dossier does not owe.
 */
export const allocateCounterPayment = (
  account: FeeAccount,
  amountVnd: number,
): { ok: true; lines: CounterPaymentLine[] } | { ok: false; violation: FeeViolation } => {
  if (account.owedVnd <= 0) {
    return { ok: false, violation: { code: 'FEE_NOTHING_OWED' } };
  }
  if (amountVnd > account.owedVnd) {
    return { ok: false, violation: { code: 'FEE_AMOUNT_EXCEEDS_OWED', owedVnd: account.owedVnd } };
  }
  let left = amountVnd;
  const lines: CounterPaymentLine[] = [];
  for (const charge of account.charges) {
    if (left === 0) {
      break;
    }
    const take = Math.min(left, charge.owedVnd);
    if (take > 0) {
      lines.push({ chargeKey: charge.key, name: charge.name, kind: charge.kind, amountVnd: take });
      left -= take;
    }
  }
  return { ok: true, lines };
};

/**
 * The result is handed over only when the fees and charges are settled: the one-stop desk returns
 * the result once the applicant has fulfilled the financial obligations (Decree 61/2018/NĐ-CP on
 * returning results, recalled — article not checked here); each collection is recorded on a
 * receipt (biên lai; Decree 123/2020/NĐ-CP, Chapter III).
 */
export const checkResultReturn = (account: FeeAccount): { ok: true } | { ok: false; violation: FeeViolation } =>
  account.owedVnd > 0 ? { ok: false, violation: { code: 'FEE_OWED', owedVnd: account.owedVnd } } : { ok: true };

/**
 * The number of a counter receipt: the receiving agency's running number for the calendar year,
 * seven digits, after the year ("2026-0000012"). Numbers run without gaps within an agency and year
 * (the receipt register; Decree 123/2020/NĐ-CP Art. 32: receipts carry a sequential number).
 */
export const formatCounterReceiptNo = (input: { year: number; seq: number }): string => {
  if (!Number.isInteger(input.seq) || input.seq < 1 || input.seq > 9_999_999) {
    throw new RangeError(`receipt sequence out of range: ${input.seq}`);
  }
  return `${input.year}-${String(input.seq).padStart(7, '0')}`;
};
