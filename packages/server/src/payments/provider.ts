import { createHmac } from 'node:crypto';
import type { InitMessage } from '@motcua/domain';
import { getInstallationSecret } from '../auth/installation-secret.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { publicUrlOf } from '../usecases/provinces/province-site.js';

/**
 * Where a payment is made. The national payment platform (DVCQG Payment) takes the signed INIT
 * message and answers the URL to send the payer to; the platform later calls our callback with the
 * result. The sandbox does the same on this installation: its page lets the tester choose success,
 * failure or a timeout, and it calls the same callback with a message signed the same way.
 */
export type PaymentProvider = {
  name: 'sandbox' | 'dvcqg';
  /** `provinceCode`: the dossier's province, whose public address the sandbox's page is opened on. */
  initiate: (
    ctx: AppContext,
    message: InitMessage & { MaXacThuc: string },
    payment: { provinceCode: string },
  ) => Promise<{ paymentUrl: string }>;
};

export const SANDBOX_PATH = '/api/v1/payments/sandbox';
export const CALLBACK_PATH = '/api/v1/payments/dvcqg/callback';

export const sandboxPaymentProvider: PaymentProvider = {
  name: 'sandbox',
  initiate: async (ctx, message, payment) => ({
    paymentUrl: `${await publicUrlOf(ctx, payment.provinceCode)}${SANDBOX_PATH}/${encodeURIComponent(message.MaThamChieu)}`,
  }),
};

/** The platform answers { error_code, message } where message is JSON with UrlThanhToan on success. */
const readInitAnswer = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') {
    return undefined;
  }
  const answer = body as { error_code?: unknown; message?: unknown };
  if (String(answer.error_code) !== '0') {
    return undefined;
  }
  let inner: unknown = answer.message;
  if (typeof inner === 'string') {
    try {
      inner = JSON.parse(inner);
    } catch {
      return undefined;
    }
  }
  const url = (inner as { UrlThanhToan?: unknown } | null)?.UrlThanhToan;
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
};

export const createDvcqgPaymentProvider = (initUrl: string): PaymentProvider => ({
  name: 'dvcqg',
  initiate: async (_ctx, message) => {
    let response: Response;
    try {
      response = await fetch(initUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new AppError('PAYMENT_PROVIDER_FAILED', { reason: 'network' }, { cause: error });
    }
    const url = readInitAnswer(await response.json().catch(() => undefined));
    if (!response.ok || !url) {
      throw new AppError('PAYMENT_PROVIDER_FAILED', { reason: `HTTP ${response.status}` });
    }
    return { paymentUrl: url };
  },
});

/**
 * The secret shared with the platform (PAYMENT_SECRET). The sandbox, when none is configured, uses
 * one derived from the installation secret, the same on every instance.
 */
export const getPaymentSecret = async (ctx: AppContext): Promise<string> =>
  ctx.config.portal.payment.secret ??
  createHmac('sha256', await getInstallationSecret(ctx))
    .update('payment-sandbox')
    .digest('hex');

/** A token the sandbox page puts in its form, so another site cannot post outcomes for a payment. */
export const sandboxFormToken = async (ctx: AppContext, reference: string): Promise<string> =>
  createHmac('sha256', await getPaymentSecret(ctx))
    .update(`sandbox-form:${reference}`)
    .digest('base64url');
