import { createHmac } from 'node:crypto';
import type { SigningCredentialRecord } from '@motcua/db';
import { getInstallationSecret } from '../../auth/installation-secret.js';
import type { AppContext } from '../../context.js';
import { type KeyMaterial, readPkcs12, toPkcs12 } from '../../signing/certificates.js';

/**
 * Where a credential's private key lives: a PKCS#12 file in the file store, encrypted (AES-256, PBES2) with a
 * passphrase derived from the installation secret and the credential's id — HMAC-SHA256, so every API
 * process derives it and the database alone (or the file store alone) does not open the key.
 */
export const credentialPassphrase = (secret: string, credentialId: string): string =>
  createHmac('sha256', secret).update(`signing-credential:${credentialId}`).digest('base64url');

/** Stores the key material of a new credential; answers the PKCS#12 file's address. */
export const storeKeyMaterial = async (
  ctx: AppContext,
  credentialId: string,
  material: KeyMaterial,
  friendlyName: string,
): Promise<string> => {
  const passphrase = credentialPassphrase(await getInstallationSecret(ctx), credentialId);
  const stored = await ctx.storage.put(toPkcs12(material, passphrase, friendlyName));
  return stored.sha256;
};

export const readStoredBytes = async (ctx: AppContext, sha256: string): Promise<Buffer | undefined> => {
  const stream = await ctx.storage.open(sha256);
  if (!stream) {
    return undefined;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
};

/** The private key and certificates of a credential (its PKCS#12 file, opened). */
export const loadKeyMaterial = async (ctx: AppContext, credential: SigningCredentialRecord): Promise<KeyMaterial> => {
  if (!credential.pkcs12Sha256) {
    throw new Error(`Signing credential ${credential.id} holds no key`);
  }
  const bytes = await readStoredBytes(ctx, credential.pkcs12Sha256);
  if (!bytes) {
    throw new Error(`The key file of signing credential ${credential.id} is missing from the file store`);
  }
  return readPkcs12(bytes, credentialPassphrase(await getInstallationSecret(ctx), credential.id));
};
