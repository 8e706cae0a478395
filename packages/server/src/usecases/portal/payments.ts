import { randomBytes } from 'node:crypto';
import {
  findAgency,
  findDossierById,
  findLatestDossierEvent,
  findPayment,
  findPaymentByReference,
  findProcedureVersion,
  insertPayment,
  insertPaymentCallback,
  listDossierPayments,
  lockPaymentByReference,
  type PaymentCallbackOutcome,
  type PaymentRecord,
  updatePayment,
} from '@motcua/db';
import {
  buildInitMessage,
  buildPaymentFeeLines,
  DOSSIER_STATUSES,
  formatPaymentTime,
  PAYMENT_SUCCESS_CODE,
  type ResultMessage,
  toLocalDate,
  toLocalMinutes,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { secretsEqual } from '../../auth/secrets.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { lookupUrlOf } from '../../notifications/deliver.js';
import { signInitMessage, signResultMessage, verifyResultMessage } from '../../payments/checksum.js';
import { renderEReceipt } from '../../payments/e-receipt.js';
import { getPaymentSecret, sandboxFormToken } from '../../payments/provider.js';
import { getAgencyWorkingCalendar } from '../calendar/calendar-service.js';
import { changeDossierIfAllowed } from '../dossiers/change-dossier.js';
import { requireCitizen } from './citizen-session.js';
import { getCitizenDossier, iso } from './common.js';
import { getPortalServices } from './services.js';

/** A payment started and not finished within this time may be started again. */
export const PAYMENT_TTL_MS = 15 * 60 * 1000;
const PAYMENT = { vi: 'giao dịch thanh toán', en: 'payment' } as const;

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
    const { paymentUrl } = await provider.initiate(ctx, message);
    const updated = await updatePayment(ctx.db, { id: payment.id, changes: { paymentUrl }, now });
    return paymentView(updated ?? payment);
  } catch (error) {
    await updatePayment(ctx.db, { id: payment.id, changes: { status: 'failed' }, now });
    throw error;
  }
};

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

const localParts = (at: Date) => {
  const minutes = toLocalMinutes(at.getTime());
  return {
    date: toLocalDate(at.getTime()),
    time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
  };
};

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
  const parent = agency.parentId ? await findAgency(ctx.db, agency.parentId) : undefined;
  const applicant = dossier.applicant as { address?: { text?: string } };
  const pdf = await renderEReceipt({
    issuer: {
      ...(parent ? { parentName: parent.name } : {}),
      agencyName: agency.name,
      placeName: agency.name.replace(/^.*(tỉnh|thành phố)\s+/i, '') || 'Việt Nam',
    },
    receiptNo: payment.reference,
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
    payerName: dossier.applicantName,
    payerAddress: applicant.address?.text ?? '',
    lines: payment.feeLines.map((line) => ({ name: line.name, amountVnd: line.amountVnd })),
    totalVnd: payment.amountVnd,
    paidAt: localParts(payment.paidAt),
    method:
      payment.provider === 'sandbox'
        ? 'Thanh toán trực tuyến (cổng thanh toán thử nghiệm)'
        : 'Thanh toán trực tuyến qua Nền tảng thanh toán của Cổng Dịch vụ công quốc gia',
    transactionNo: payment.transactionNo,
    lookupUrl: lookupUrlOf(ctx, dossier.code),
    sandbox: payment.provider === 'sandbox',
  });
  const stored = await ctx.storage.put(pdf);
  await updatePayment(ctx.db, { id: payment.id, changes: { receiptSha256: stored.sha256 }, now: ctx.clock.now() });
  return stored.sha256;
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

// --- the sandbox platform -------------------------------------------------------------------------------

const sandboxPayment = async (ctx: AppContext, reference: string) => {
  const payment = await findPaymentByReference(ctx.db, reference);
  if (payment?.provider !== 'sandbox') {
    throw new AppError('NOT_FOUND', { resource: PAYMENT });
  }
  return payment;
};

/** What the sandbox's page shows, with the token its form must send back. */
/**
 * Where the payment platform sends the payer back: the dossier's page in the citizen's own area
 * (only the signed-in owner starts a payment; the page asks them to sign in again if needed).
 */
const payerReturnUrlOf = (ctx: AppContext, code: string): string =>
  `${ctx.config.publicUrl}/ca-nhan/ho-so/${encodeURIComponent(code)}`;

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
    returnUrl: dossier ? payerReturnUrlOf(ctx, dossier.code) : ctx.config.publicUrl,
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
  const returnUrl = dossier ? payerReturnUrlOf(ctx, dossier.code) : ctx.config.publicUrl;
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
