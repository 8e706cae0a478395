import { findAgency, findCounterPayment, findDossierById, findUserProfile, setCounterPaymentReceipt } from '@motcua/db';
import { COUNTER_PAYMENT_METHOD_LABELS } from '@motcua/domain';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { lookupUrlOf } from '../../notifications/deliver.js';
import { renderEReceipt } from '../../payments/e-receipt.js';
import { describeReceiptIssuer, toReceiptTime } from './receipt-parts.js';

export const RECEIPT = { vi: 'biên lai', en: 'receipt' } as const;

/**
 * Renders and stores the receipt of a payment taken at the counter, once: later calls answer the
 * stored file, so a reprint is the same document. The same renderer as the online e-receipt
 * (payments/e-receipt.ts), with the method, the collector and the agency's receipt number.
 */
export const issueCounterReceipt = async (
  ctx: AppContext,
  input: { dossierId: string; paymentId: string },
): Promise<{ sha256: string; receiptNo: string }> => {
  const payment = await findCounterPayment(ctx.db, { dossierId: input.dossierId, id: input.paymentId });
  if (!payment) {
    throw new AppError('NOT_FOUND', { resource: RECEIPT });
  }
  if (payment.receiptSha256) {
    return { sha256: payment.receiptSha256, receiptNo: payment.receiptNo };
  }
  const dossier = await findDossierById(ctx.db, payment.dossierId);
  const agency = await findAgency(ctx.db, payment.agencyId);
  if (!dossier || !agency) {
    throw new Error(`counter payment ${payment.id}: dossier or agency missing`);
  }
  const collector = await findUserProfile(ctx.db, payment.collectedBy);
  const applicant = dossier.applicant as { address?: { text?: string } };
  const method = COUNTER_PAYMENT_METHOD_LABELS[payment.method].vi;
  const pdf = await renderEReceipt({
    issuer: await describeReceiptIssuer(ctx, agency),
    receiptNo: payment.receiptNo,
    receiptSeries: agency.code,
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
    payerName: payment.payerName,
    payerAddress: applicant.address?.text ?? '',
    lines: payment.feeLines.map((line) => ({ name: line.name, amountVnd: line.amountVnd })),
    totalVnd: payment.amountVnd,
    paidAt: toReceiptTime(payment.collectedAt),
    method: `${method}, nộp tại Bộ phận Một cửa`,
    transactionNo: payment.transactionRef,
    collectorName: collector?.fullName ?? null,
    lookupUrl: await lookupUrlOf(ctx, dossier),
    sandbox: false,
  });
  const stored = await ctx.storage.put(pdf);
  const saved = await setCounterPaymentReceipt(ctx.db, { id: payment.id, sha256: stored.sha256 });
  return { sha256: saved?.receiptSha256 ?? stored.sha256, receiptNo: payment.receiptNo };
};
