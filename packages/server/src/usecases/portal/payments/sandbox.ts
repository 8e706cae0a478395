/**
 * The sandbox payment platform (for demonstrations and tests): its page, and the result message
 * the real platform would send, signed with the shared secret.
 */
import { randomBytes } from 'node:crypto';
import { findDossierById, findPaymentByReference } from '@motcua/db';
import { formatPaymentTime, PAYMENT_SUCCESS_CODE, type ResultMessage } from '@motcua/domain';
import { secretsEqual } from '../../../auth/secrets.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { signResultMessage } from '../../../payments/checksum.js';
import { getPaymentSecret, sandboxFormToken } from '../../../payments/provider.js';
import { publicUrlOf } from '../../provinces/province-site.js';
import { PAYMENT } from './e-receipt.js';

const sandboxPayment = async (ctx: AppContext, reference: string) => {
  const payment = await findPaymentByReference(ctx.db, reference);
  if (payment?.provider !== 'sandbox') {
    throw new AppError('NOT_FOUND', { resource: PAYMENT });
  }
  return payment;
};

/**
 * Where the payment platform sends the payer back: the dossier's page in the citizen's own area
 * (only the signed-in owner starts a payment; the page asks them to sign in again if needed).
 */
const payerReturnUrlOf = async (
  ctx: AppContext,
  payment: { provinceCode: string },
  dossier: { code: string; provinceCode: string } | undefined,
): Promise<string> => {
  // The portal of the dossier's own province (issue 22 item 4), where the payer started.
  const origin = await publicUrlOf(ctx, dossier?.provinceCode ?? payment.provinceCode);
  return dossier ? `${origin}/ca-nhan/ho-so/${encodeURIComponent(dossier.code)}` : origin;
};

/** What the sandbox's page shows, with the token its form must send back. */
export const describeSandboxPayment = async (ctx: AppContext, reference: string) => {
  const payment = await sandboxPayment(ctx, reference);
  const dossier = await findDossierById(ctx.db, payment.dossierId);
  const init = payment.initMessage as { ThongTinGiaoDich?: string; ThongTinBienLai?: { TenDonVi?: string } };
  return {
    reference: payment.reference,
    amountVnd: payment.amountVnd,
    description: init.ThongTinGiaoDich ?? '',
    beneficiary: init.ThongTinBienLai?.TenDonVi ?? '',
    lines: payment.feeLines,
    status: payment.status,
    token: await sandboxFormToken(ctx, payment.reference),
    returnUrl: await payerReturnUrlOf(ctx, payment, dossier),
  };
};

/**
 * The sandbox's answer to the tester's choice: for success or failure, the result message the real
 * platform would send (signed with the shared secret), to be posted to our callback; for a timeout,
 * nothing — the payment stays pending until it expires, as when the platform never answers.
 */
export const completeSandboxPayment = async (
  ctx: AppContext,
  input: { reference: string; outcome: 'success' | 'failure' | 'timeout'; token: string },
): Promise<{ message: (ResultMessage & { MaXacThuc: string }) | null; returnUrl: string }> => {
  const payment = await sandboxPayment(ctx, input.reference);
  if (!secretsEqual(input.token, await sandboxFormToken(ctx, payment.reference))) {
    throw new AppError('FORBIDDEN');
  }
  const dossier = await findDossierById(ctx.db, payment.dossierId);
  const returnUrl = await payerReturnUrlOf(ctx, payment, dossier);
  if (input.outcome === 'timeout') {
    return { message: null, returnUrl };
  }
  const now = ctx.clock.now();
  const init = payment.initMessage as { ThongTinGiaoDich?: string };
  const message = signResultMessage(
    {
      LoaiBanTin: 'PAY',
      MaLoi: input.outcome === 'success' ? PAYMENT_SUCCESS_CODE : '99',
      MaDoiTac: ctx.config.portal.payment.partnerCode,
      MaThamChieu: payment.reference,
      SoTien: String(payment.amountVnd),
      MaTienTe: 'VND',
      MaGiaoDich: `SBX${randomBytes(6).toString('hex').toUpperCase()}`,
      MaNganHang: 'SANDBOX',
      ThoiGianGD: formatPaymentTime(now.getTime()),
      ThongTinGiaoDich: init.ThongTinGiaoDich ?? '',
    },
    await getPaymentSecret(ctx),
  );
  return { message, returnUrl };
};
