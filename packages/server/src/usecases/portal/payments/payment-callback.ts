import {
  findDossierById,
  findPaymentByReference,
  insertPaymentCallback,
  lockPaymentByReference,
  type PaymentCallbackOutcome,
  updatePayment,
} from '@motcua/db';
import { PAYMENT_SUCCESS_CODE, type ResultMessage } from '@motcua/domain';
import type { AppContext } from '../../../context.js';
import { verifyResultMessage } from '../../../payments/checksum.js';
import { getPaymentSecret } from '../../../payments/provider.js';
import { getAgencyWorkingCalendar } from '../../calendar/calendar-service.js';
import { changeDossierIfAllowed } from '../../dossiers/change-dossier.js';
import { issueEReceipt } from './e-receipt.js';

export type PaymentCallbackAnswer = { MaLoi: string; MoTaLoi: string; MaThamChieu: string };

const ANSWERS: Record<PaymentCallbackOutcome, { MaLoi: string; MoTaLoi: string }> = {
  applied: { MaLoi: '00', MoTaLoi: 'Ghi nhận thành công' },
  recorded_failure: { MaLoi: '00', MoTaLoi: 'Đã ghi nhận giao dịch không thành công' },
  duplicate: { MaLoi: '00', MoTaLoi: 'Giao dịch đã được ghi nhận trước đó' },
  bad_checksum: { MaLoi: '01', MoTaLoi: 'Mã xác thực không chính xác' },
  unknown_reference: { MaLoi: '02', MoTaLoi: 'Không tìm thấy giao dịch' },
  amount_mismatch: { MaLoi: '03', MoTaLoi: 'Số tiền hoặc mã đối tác không khớp' },
};

/**
 * The platform's result for a payment (its callback). Verified by MaXacThuc before anything else,
 * matched to the payment by MaThamChieu and checked against its amount; every call is recorded.
 * Idempotent: once a payment is final, a repeated or late callback changes nothing. On success the
 * system records the payment on the dossier (record_payment: the financial-obligation pause ends
 * and processing resumes) in the same transaction, and the e-receipt is issued.
 */
export const handlePaymentCallback = async (
  ctx: AppContext,
  message: ResultMessage & { MaXacThuc: string },
): Promise<PaymentCallbackAnswer> => {
  const now = ctx.clock.now();
  const answer = (outcome: PaymentCallbackOutcome): PaymentCallbackAnswer => ({
    ...ANSWERS[outcome],
    MaThamChieu: message.MaThamChieu,
  });
  const record = async (outcome: PaymentCallbackOutcome, paymentId: string | null, checksumValid: boolean) =>
    insertPaymentCallback(ctx.db, {
      paymentId,
      reference: message.MaThamChieu.slice(0, 100),
      checksumValid,
      resultCode: message.MaLoi.slice(0, 20),
      outcome,
      message,
      now,
    });
  if (!verifyResultMessage(message, await getPaymentSecret(ctx))) {
    await record('bad_checksum', null, false);
    return answer('bad_checksum');
  }
  const payment = await findPaymentByReference(ctx.db, message.MaThamChieu);
  if (!payment) {
    await record('unknown_reference', null, true);
    return answer('unknown_reference');
  }
  if (message.SoTien !== String(payment.amountVnd) || message.MaDoiTac !== ctx.config.portal.payment.partnerCode) {
    await record('amount_mismatch', payment.id, true);
    return answer('amount_mismatch');
  }
  const success = message.MaLoi === PAYMENT_SUCCESS_CODE;
  const dossier = await findDossierById(ctx.db, payment.dossierId);
  if (!dossier) {
    throw new Error(`payment ${payment.id} has no dossier`);
  }
  const { calendar } = await getAgencyWorkingCalendar(ctx, dossier.receivingAgencyId);
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<PaymentCallbackOutcome> => {
    const locked = await lockPaymentByReference(trx, payment.reference);
    const log = (result: PaymentCallbackOutcome) =>
      insertPaymentCallback(trx, {
        paymentId: payment.id,
        reference: payment.reference,
        checksumValid: true,
        resultCode: message.MaLoi.slice(0, 20),
        outcome: result,
        message,
        now,
      });
    if (locked?.status !== 'pending') {
      await log('duplicate');
      return 'duplicate';
    }
    if (!success) {
      await updatePayment(trx, { id: payment.id, changes: { status: 'failed' }, now });
      await log('recorded_failure');
      return 'recorded_failure';
    }
    // The system records the payment on the dossier if it still waits for it (a success after the
    // request was paid another way is kept for a refund by the desk).
    const applied = await changeDossierIfAllowed(ctx, trx, {
      dossierId: payment.dossierId,
      action: 'record_payment',
      actor: { kind: 'system' },
      params: { amountVnd: payment.amountVnd, receiptNo: payment.reference },
      calendar,
      at: now,
      payload: { provider: payment.provider, transactionNo: message.MaGiaoDich.slice(0, 100) },
    });
    await updatePayment(trx, {
      id: payment.id,
      changes: {
        status: 'succeeded',
        paidAt: now,
        transactionNo: message.MaGiaoDich.slice(0, 100),
        bankCode: message.MaNganHang.slice(0, 50),
        appliedToDossier: applied !== null,
      },
      now,
    });
    await log('applied');
    return 'applied';
  });
  if (outcome === 'applied') {
    // After the commit: the e-receipt is a file of its own; if this fails it is issued on first download.
    await issueEReceipt(ctx, payment.id).catch(() => undefined);
  }
  return answer(outcome);
};
