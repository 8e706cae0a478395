import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

/** Tables of PDF signing (migration 0027_signing_credentials.sql). */

export type SigningOwnerKind = 'official' | 'agency' | 'test_ca' | 'test_tsa' | 'trusted_root';
export type SigningCredentialStatus = 'active' | 'revoked';

export type SigningCredentialTable = {
  id: Generated<string>;
  provinceCode: string;
  ownerKind: SigningOwnerKind;
  userId: string | null;
  agencyId: string | null;
  origin: 'test_ca' | 'imported';
  certificatePem: string;
  chainPem: Generated<string>;
  subject: string;
  issuer: string;
  serial: string;
  certificateSha256: string;
  notBefore: Timestamp;
  notAfter: Timestamp;
  pkcs12Sha256: string | null;
  status: Generated<SigningCredentialStatus>;
  signatureImageSha256: string | null;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  revokedAt: Timestamp | null;
  revokedBy: string | null;
};

export type SigningTables = {
  signingCredential: SigningCredentialTable;
};
