import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { getInstallationSecret } from './installation-secret.js';

/**
 * Secrets motcua must use again in clear (the national portal's password, a webhook's signing key) are stored
 * sealed: AES-256-GCM with a key derived (HKDF-SHA256) from the installation secret and the purpose, the record's
 * id bound as additional data so a sealed value copied to another row does not open. Format:
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). A database dump alone does not reveal them only if the installation
 * secret is kept apart; it is in app_setting today, so this protects against reading one column (logs, exports),
 * not against a full dump (docs/integration.md says so).
 */
export type SealPurpose = 'dvcqg-password' | 'webhook-secret';

const deriveKey = (installationSecret: string, purpose: SealPurpose): Buffer =>
  Buffer.from(hkdfSync('sha256', installationSecret, 'motcua-sealed-secret', purpose, 32));

export const sealSecretWith = (
  installationSecret: string,
  purpose: SealPurpose,
  recordId: string,
  plain: string,
): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(installationSecret, purpose), iv);
  cipher.setAAD(Buffer.from(recordId));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
};

/** Opens a sealed secret; throws when it was altered, sealed for another record or purpose, or is not sealed. */
export const openSecretWith = (
  installationSecret: string,
  purpose: SealPurpose,
  recordId: string,
  sealed: string,
): string => {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new Error('not a sealed secret');
  }
  const decipher = createDecipheriv(
    'aes-256-gcm',
    deriveKey(installationSecret, purpose),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAAD(Buffer.from(recordId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
};

/** Seals a secret with this installation's key. */
export const sealSecret = async (
  ctx: AppContext,
  purpose: SealPurpose,
  recordId: string,
  plain: string,
): Promise<string> => sealSecretWith(await getInstallationSecret(ctx), purpose, recordId, plain);

/** Opens a secret sealed by this installation. */
export const openSecret = async (
  ctx: AppContext,
  purpose: SealPurpose,
  recordId: string,
  sealed: string,
): Promise<string> => openSecretWith(await getInstallationSecret(ctx), purpose, recordId, sealed);
