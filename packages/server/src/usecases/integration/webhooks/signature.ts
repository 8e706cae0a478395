import { createHmac, randomBytes } from 'node:crypto';

/**
 * The signature of a webhook delivery (docs/webhooks.md, "Verifying a delivery"): HMAC-SHA256 with the
 * subscription's secret (its UTF-8 bytes as the key) over "<timestamp>.<raw body>", hex. The header carries one
 * `v1=` value per secret that signs now: the current one, and during a rotation the previous one too.
 */
export const signWebhookBody = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The X-Motcua-Signature header: `v1=<current>[,v1=<previous>]`. */
export const buildSignatureHeader = (secrets: readonly string[], timestamp: number, body: string): string =>
  secrets.map((secret) => `v1=${signWebhookBody(secret, timestamp, body)}`).join(',');

/** A new signing secret: 32 random bytes, shown to the administrator once. */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
