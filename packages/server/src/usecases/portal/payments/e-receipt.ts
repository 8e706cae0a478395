import { findAgency, findDossierById, findPayment, updatePayment } from '@motcua/db';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { lookupUrlOf } from '../../../notifications/deliver.js';
import { renderEReceipt } from '../../../payments/e-receipt.js';
import { describeReceiptIssuer, toReceiptTime } from '../../fees/receipt-parts.js';

export const PAYMENT = { vi: 'giao dịch thanh toán', en: 'payment' } as const;

/** Renders and stores the e-receipt of a successful payment (once; later calls return the stored one). */
export const issueEReceipt = async (ctx: AppContext, paymentId: string): Promise<string> => {
  const payment = await findPayment(ctx.db, paymentId);
  if (payment?.status !== 'succeeded' || !payment.paidAt) {
    throw new AppError('NOT_FOUND', { resource: PAYMENT });
  }
  if (payment.receiptSha256) {
    return payment.receiptSha256;
  }
  const dossier = await findDossierById(ctx.db, payment.dossierId);
  const agency = dossier ? await findAgency(ctx.db, dossier.receivingAgencyId) : undefined;
  if (!dossier || !agency) {
    throw new Error(`payment ${payment.id}: dossier or agency missing`);
  }
  const applicant = dossier.applicant as { address?: { text?: string } };
  const pdf = await renderEReceipt({
    issuer: await describeReceiptIssuer(ctx, agency),
    receiptNo: payment.reference,
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
    payerName: dossier.applicantName,
    payerAddress: applicant.address?.text ?? '',
    lines: payment.feeLines.map((line) => ({ name: line.name, amountVnd: line.amountVnd })),
    totalVnd: payment.amountVnd,
    paidAt: toReceiptTime(payment.paidAt),
    method:
      payment.provider === 'sandbox'
        ? 'Thanh toán trực tuyến (cổng thanh toán thử nghiệm)'
        : 'Thanh toán trực tuyến qua Nền tảng thanh toán của Cổng Dịch vụ công quốc gia',
    transactionNo: payment.transactionNo,
    lookupUrl: await lookupUrlOf(ctx, dossier),
    sandbox: payment.provider === 'sandbox',
  });
  const stored = await ctx.storage.put(pdf);
  await updatePayment(ctx.db, { id: payment.id, changes: { receiptSha256: stored.sha256 }, now: ctx.clock.now() });
  return stored.sha256;
};
