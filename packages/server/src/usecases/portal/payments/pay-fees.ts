/**
 * Paying the fees a dossier waits for: start a payment on the national payment platform, see the
 * dossier's payments, download a receipt. The platform's answer arrives in payment-callback.ts.
 */
import { randomBytes } from 'node:crypto';
import {
  findAgency,
  findLatestDossierEvent,
  findPayment,
  findProcedureVersion,
  insertPayment,
  listDossierPayments,
  type PaymentRecord,
  updatePayment,
} from '@motcua/db';
import { buildInitMessage, buildPaymentFeeLines, DOSSIER_STATUSES } from '@motcua/domain';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { signInitMessage } from '../../../payments/checksum.js';
import { getPaymentSecret } from '../../../payments/provider.js';
import { requireCitizen } from '../account/citizen-session.js';
import { getCitizenDossier, iso } from '../citizen-dossier.js';
import { getPortalServices } from '../services.js';
import { issueEReceipt, PAYMENT } from './e-receipt.js';

/** A payment started and not finished within this time may be started again. */
export const PAYMENT_TTL_MS = 15 * 60 * 1000;

const paymentView = (payment: PaymentRecord) => ({
  id: payment.id,
  reference: payment.reference,
  amountVnd: payment.amountVnd,
  lines: payment.feeLines,
  status: payment.status,
  provider: payment.provider,
  paymentUrl: payment.status === 'pending' ? payment.paymentUrl : null,
  expiresAt: iso(payment.expiresAt),
  paidAt: iso(payment.paidAt),
  // False for a success that came after the request was paid another way: to be refunded by the desk.
  appliedToDossier: payment.appliedToDossier,
});

/** The published fees of the version a dossier was received under (online channel first). */
const publishedFees = async (ctx: AppContext, procedureVersionId: string) => {
  const version = await findProcedureVersion(ctx.db, procedureVersionId);
  const channels = version?.content.channels ?? [];
  const online = channels.find((c) => c.channel === 'online' && c.fees.length > 0);
  return (online ?? channels.find((c) => c.channel === 'direct'))?.fees ?? [];
};

/**
 * Starts paying the fees a dossier waits for (status 6, after request_payment): builds the INIT
 * message of the national payment platform, signs it (MaXacThuc) and hands it to the provider,
 * which answers where to send the payer. A payment still open for the same request is answered
 * again instead of starting a second one.
 */
export const startPayment = async (ctx: AppContext, actor: Actor, input: { code: string; clientIp: string }) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, input.code);
  const now = ctx.clock.now();
  const request =
    dossier.status === 'financial_obligation'
      ? await findLatestDossierEvent(ctx.db, { dossierId: dossier.id, actions: ['request_payment'] })
      : undefined;
  const asked = ((request?.payload ?? {}) as { params?: { amountVnd?: number; reason?: string } }).params;
  if (!request || !asked?.amountVnd || asked.amountVnd <= 0) {
    throw new AppError('PAYMENT_NOT_DUE', { status: DOSSIER_STATUSES[dossier.status] });
  }
  const existing = (await listDossierPayments(ctx.db, dossier.id)).filter((p) => p.requestSeq === request.seq);
  if (existing.some((p) => p.status === 'succeeded')) {
    throw new AppError('PAYMENT_ALREADY_MADE');
  }
  const open = existing.find((p) => p.status === 'pending' && p.paymentUrl && p.expiresAt.getTime() > now.getTime());
  if (open) {
    return paymentView(open);
  }
  const agency = await findAgency(ctx.db, dossier.receivingAgencyId);
  const applicant = dossier.applicant as {
    kind: string;
    idNumber?: string;
    taxCode?: string;
    address?: { text?: string };
  };
  const lines = buildPaymentFeeLines(
    { amountVnd: asked.amountVnd, reason: asked.reason ?? 'Phí, lệ phí giải quyết thủ tục hành chính' },
    await publishedFees(ctx, dossier.procedureVersionId),
  );
  const reference = `MC${dossier.code.replace(/[^0-9A-Za-z]/g, '')}${String(request.seq).padStart(3, '0')}${randomBytes(
    3,
  )
    .toString('hex')
    .toUpperCase()}`;
  const { payment: config } = ctx.config.portal;
  const message = signInitMessage(
    buildInitMessage({
      partnerCode: config.partnerCode,
      reference,
      amountVnd: asked.amountVnd,
      at: now.getTime(),
      clientIp: input.clientIp.replace(/[^0-9a-fA-F.:]/g, '').slice(0, 45) || '0.0.0.0',
      dossierCode: dossier.code,
      procedureCode: dossier.procedureCode,
      procedureName: dossier.procedureName,
      agencyCode: agency?.code ?? '',
      agencyName: agency?.name ?? '',
      payerName: dossier.applicantName,
      payerIdentifier: (applicant.kind === 'organisation' ? applicant.taxCode : applicant.idNumber) ?? '',
      payerAddress: applicant.address?.text ?? '',
      lines,
    }),
    await getPaymentSecret(ctx),
  );
  const provider = getPortalServices(ctx).payment;
  const payment = await insertPayment(ctx.db, {
    reference,
    dossierId: dossier.id,
    provinceCode: dossier.provinceCode,
    citizenId,
    requestSeq: request.seq,
    provider: provider.name,
    amountVnd: asked.amountVnd,
    feeLines: lines,
    initMessage: message,
    paymentUrl: null,
    expiresAt: new Date(now.getTime() + PAYMENT_TTL_MS),
    transactionNo: null,
    bankCode: null,
    paidAt: null,
    receiptSha256: null,
    now,
  });
  try {
    const { paymentUrl } = await provider.initiate(ctx, message, { provinceCode: dossier.provinceCode });
    const updated = await updatePayment(ctx.db, { id: payment.id, changes: { paymentUrl }, now });
    return paymentView(updated ?? payment);
  } catch (error) {
    await updatePayment(ctx.db, { id: payment.id, changes: { status: 'failed' }, now });
    throw error;
  }
};

/** The e-receipt of one of the citizen's payments. */
export const getCitizenReceipt = async (ctx: AppContext, actor: Actor, input: { code: string; paymentId: string }) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, input.code);
  const payment = await findPayment(ctx.db, input.paymentId);
  if (!payment || payment.dossierId !== dossier.id || payment.status !== 'succeeded') {
    throw new AppError('NOT_FOUND', { resource: PAYMENT });
  }
  return { sha256: await issueEReceipt(ctx, payment.id), fileName: `bien-lai-${payment.reference}.pdf` };
};

/** The payments of one of the citizen's dossiers. */
export const listCitizenPayments = async (ctx: AppContext, actor: Actor, code: string) => {
  const { citizenId } = requireCitizen(actor);
  const dossier = await getCitizenDossier(ctx, citizenId, code);
  return (await listDossierPayments(ctx.db, dossier.id)).map(paymentView);
};
