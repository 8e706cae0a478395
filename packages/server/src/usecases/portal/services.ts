import type { AppContext } from '../../context.js';
import { createMailer, createSmsProvider, type Mailer, type SmsProvider } from '../../notifications/channels.js';
import { createDvcqgPaymentProvider, type PaymentProvider, sandboxPaymentProvider } from '../../payments/provider.js';
import { acceptingScanner, type UploadScanner } from './upload-checks.js';

/**
 * The portal's connections to the outside world, built once per application from its
 * configuration: the upload scanner, the mail and SMS channels and the payment provider. They are
 * configuration, not request state (nothing here changes between requests); tests and
 * installations with their own scanner replace them with `configurePortalServices`.
 */
export type PortalServices = {
  scanner: UploadScanner;
  mailer: Mailer;
  sms: SmsProvider;
  payment: PaymentProvider;
};

const registry = new WeakMap<AppContext, PortalServices>();

const createPortalServices = (ctx: AppContext): PortalServices => {
  const { portal } = ctx.config;
  return {
    scanner: acceptingScanner,
    mailer: createMailer(portal.mail),
    sms: createSmsProvider(portal.sms),
    payment:
      portal.payment.provider === 'dvcqg' && portal.payment.initUrl
        ? createDvcqgPaymentProvider(portal.payment.initUrl)
        : sandboxPaymentProvider,
  };
};

export const getPortalServices = (ctx: AppContext): PortalServices => {
  let services = registry.get(ctx);
  if (!services) {
    services = createPortalServices(ctx);
    registry.set(ctx, services);
  }
  return services;
};

/** Replaces some of the portal services of an application (a scanner, a test mailer…). */
export const configurePortalServices = (ctx: AppContext, overrides: Partial<PortalServices>): void => {
  registry.set(ctx, { ...getPortalServices(ctx), ...overrides });
};
