import type { Transporter } from 'nodemailer';
import type { PortalConfig } from '../config.js';

/**
 * Outgoing channels of notifications. Email goes over SMTP (nodemailer); SMS through a provider
 * interface with two implementations here: disabled (nothing is sent, notifications are recorded as
 * skipped) and a webhook that POSTs JSON to a gateway the province runs (brand-name SMS, Zalo…).
 *
 * Errors carry a short code only: a provider's message can quote the recipient's address, and no
 * personal data may reach logs or the notification table.
 */

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(readonly code: string) {
    super(`delivery failed: ${code}`);
  }
}

export type EmailMessage = { to: string; subject: string; text: string; html: string };

export type Mailer = { enabled: boolean; send: (message: EmailMessage) => Promise<void> };

const errorCode = (error: unknown): string => {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const parts = [
    typeof code === 'string' ? code : 'ERROR',
    typeof responseCode === 'number' ? String(responseCode) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return parts.replace(/[^A-Z0-9_ ]/gi, '').slice(0, 60);
};

export const createMailer = (config: PortalConfig['mail']): Mailer => {
  if (!config.smtpUrl) {
    return {
      enabled: false,
      send: async () => {
        throw new DeliveryError('MAIL_DISABLED');
      },
    };
  }
  // nodemailer is imported with the first message, not at start-up.
  let transport: Promise<Transporter> | undefined;
  const openTransport = async (): Promise<Transporter> => {
    const { default: nodemailer } = await import('nodemailer');
    return nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      // nodemailer logs nothing unless asked; keep it that way (messages carry names and addresses).
      logger: false,
    });
  };
  return {
    enabled: true,
    send: async (message) => {
      try {
        transport ??= openTransport();
        await (await transport).sendMail({ ...message, from: config.from });
      } catch (error) {
        throw new DeliveryError(errorCode(error));
      }
    },
  };
};

export type SmsProvider = {
  name: 'disabled' | 'webhook';
  enabled: boolean;
  /** Sends one message; `reference` lets the gateway deduplicate retries. */
  send: (message: { to: string; text: string; reference: string }) => Promise<void>;
};

export const disabledSmsProvider: SmsProvider = {
  name: 'disabled',
  enabled: false,
  send: async () => {
    throw new DeliveryError('SMS_DISABLED');
  },
};

/** POSTs { to, text, reference } as JSON; any 2xx answer counts as accepted. */
export const createWebhookSmsProvider = (url: string): SmsProvider => ({
  name: 'webhook',
  enabled: true,
  send: async (message) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new DeliveryError((error as { name?: string }).name === 'TimeoutError' ? 'SMS_TIMEOUT' : 'SMS_NETWORK');
    }
    if (!response.ok) {
      throw new DeliveryError(`SMS_HTTP_${response.status}`);
    }
  },
});

export const createSmsProvider = (config: PortalConfig['sms']): SmsProvider =>
  config.provider === 'webhook' ? createWebhookSmsProvider(config.url) : disabledSmsProvider;

/** "ng***@example.vn", "091****678": enough for an officer to recognise the address, not to use it. */
export const maskEmail = (email: string): string => {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}***@${domain}`;
};

export const maskPhone = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(-3)}`;

/** One recorded attempt at a claimed notification (a row of dossier_, pakn_ or document_notification). */
export type NotificationAttempt = {
  at: Date;
  outcome: 'sent' | 'failed';
  error: string | null;
  /** The job's last retry: a failure now is final. */
  finalFailure: boolean;
};

/**
 * Sends one claimed notification and records the attempt, whatever the kind of record it is about: a failure is
 * recorded with its stable code (never the message, which may carry an address) and answered, so the job can fail
 * and pg-boss retry what was not delivered.
 */
export const attemptNotification = async (
  now: () => Date,
  send: () => Promise<unknown>,
  record: (attempt: NotificationAttempt) => Promise<unknown>,
  finalAttempt: boolean,
): Promise<'sent' | 'failed'> => {
  try {
    await send();
    await record({ at: now(), outcome: 'sent', error: null, finalFailure: false });
    return 'sent';
  } catch (error) {
    await record({
      at: now(),
      outcome: 'failed',
      error: error instanceof DeliveryError ? error.code : 'ERROR',
      finalFailure: finalAttempt,
    });
    return 'failed';
  }
};
