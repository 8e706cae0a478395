import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('portal configuration', () => {
  it('defaults to the sandbox payment provider, no mail, no SMS and no identity provider', () => {
    const { portal } = loadConfig({});
    expect(portal).toMatchObject({
      uploadMaxBytes: 10 * 1024 * 1024,
      mail: { smtpUrl: undefined },
      sms: { provider: 'disabled' },
      oidc: undefined,
      payment: { provider: 'sandbox', partnerCode: 'MOTCUA' },
    });
  });

  it('reads the identity provider, with the callback under the public URL by default', () => {
    const { portal } = loadConfig({
      MOTCUA_PUBLIC_URL: 'https://dichvucong.hungyen.example/',
      OIDC_ISSUER: 'https://sso.dichvucong.gov.vn',
      OIDC_CLIENT_ID: 'hungyen',
      OIDC_CLIENT_SECRET: 'x'.repeat(20),
      SMTP_URL: 'smtps://mail.hungyen.example:465',
      SMS_PROVIDER: 'webhook',
      SMS_WEBHOOK_URL: 'https://sms.hungyen.example/send',
    });
    expect(portal.oidc).toMatchObject({
      issuer: 'https://sso.dichvucong.gov.vn',
      redirectUri: 'https://dichvucong.hungyen.example/api/v1/citizen/auth/callback',
      scopes: 'openid profile',
      tokenAuth: 'client_secret_basic',
    });
    expect(portal.sms).toEqual({ provider: 'webhook', url: 'https://sms.hungyen.example/send' });
  });

  it.each([
    [{ SMS_PROVIDER: 'webhook' }, 'SMS_WEBHOOK_URL'],
    [{ OIDC_ISSUER: 'https://sso.example' }, 'OIDC_CLIENT_ID'],
    [{ OIDC_ISSUER: 'https://sso.example', OIDC_CLIENT_ID: 'c' }, 'OIDC_CLIENT_SECRET'],
    [{ PAYMENT_PROVIDER: 'dvcqg' }, 'PAYMENT_INIT_URL'],
    [{ PAYMENT_PROVIDER: 'dvcqg', PAYMENT_INIT_URL: 'https://pay.example/init' }, 'PAYMENT_SECRET'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ MOTCUA_UPLOAD_MAX_BYTES: '0' }, 'MOTCUA_UPLOAD_MAX_BYTES'],
    [{ PAYMENT_SECRET: 'short' }, 'PAYMENT_SECRET'],
  ])('refuses %o naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
  });
});
