/**
 * Signing credentials: the install's TEST CA (created once), certificates it issues to an official or an
 * agency, PKCS#12 files imported for them (a real certificate of Ban Cơ yếu Chính phủ is imported this way),
 * the signature or seal image, revocation, and the list an agency administrator sees. Managing them is
 * `document.manage` in the agency (agency_head, agency_admin).
 */
import { randomUUID } from 'node:crypto';
import {
  type AgencyRecord,
  findActiveAgencyCredential,
  findActiveAuthority,
  findActiveOfficialCredential,
  findAgency,
  findSigningCredentialById,
  findTrustedRootBySha256,
  findUserProfile,
  insertSigningCredential,
  listAgencySigningCredentialsPage,
  lockSigningCredential,
  officialHoldsRoleIn,
  revokeSigningCredential,
  type SigningCredentialRecord,
  setCredentialSignatureImage,
} from '@motcua/db';
import type { Actor } from '../../auth/actor.js';
import { authorizeAgencyAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import {
  createTestCertificateAuthority,
  describeCertificate,
  issueTestCertificate,
  type KeyMaterial,
  Pkcs12Error,
  readPkcs12,
  TEST_TSA_COMMON_NAME,
} from '../../signing/certificates.js';
import { loadKeyMaterial, storeKeyMaterial } from './credential-store.js';

const RESOURCE = { vi: 'chứng thư số', en: 'signing certificate' };
const AGENCY = { vi: 'cơ quan', en: 'agency' };
export const SIGNATURE_IMAGE_MAX_BYTES = 512 * 1024;

export type CredentialOwner =
  | { ownerKind: 'official'; agencyId: string; userId: string }
  | { ownerKind: 'agency'; agencyId: string };

export type SigningCredentialView = {
  id: string;
  ownerKind: SigningCredentialRecord['ownerKind'];
  agencyId: string | null;
  userId: string | null;
  ownerName: string | null;
  origin: 'test_ca' | 'imported';
  subject: string;
  issuer: string;
  serial: string;
  certificateSha256: string;
  notBefore: string;
  notAfter: string;
  status: 'active' | 'revoked';
  signatureImageSha256: string | null;
  version: number;
  createdAt: string;
  revokedAt: string | null;
};

export const toCredentialView = (row: SigningCredentialRecord, ownerName: string | null): SigningCredentialView => ({
  id: row.id,
  ownerKind: row.ownerKind,
  agencyId: row.agencyId,
  userId: row.userId,
  ownerName,
  origin: row.origin,
  subject: row.subject,
  issuer: row.issuer,
  serial: row.serial,
  certificateSha256: row.certificateSha256,
  notBefore: row.notBefore.toISOString(),
  notAfter: row.notAfter.toISOString(),
  status: row.status,
  signatureImageSha256: row.signatureImageSha256,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

const chainText = (material: KeyMaterial) => material.chainPems.join('\n');

type NewCredential = {
  provinceCode: string;
  ownerKind: SigningCredentialRecord['ownerKind'];
  agencyId: string | null;
  userId: string | null;
  origin: 'test_ca' | 'imported';
  material: KeyMaterial;
  createdBy: string | null;
  friendlyName: string;
};

/** Stores the key (file store) and writes the row; the partial unique indexes refuse a second active one. */
const saveCredential = async (ctx: AppContext, input: NewCredential): Promise<SigningCredentialRecord> => {
  const id = randomUUID();
  const certificate = describeCertificate(input.material.certificatePem);
  const pkcs12Sha256 = await storeKeyMaterial(ctx, id, input.material, input.friendlyName);
  return insertSigningCredential(ctx.db, {
    id,
    provinceCode: input.provinceCode,
    ownerKind: input.ownerKind,
    userId: input.userId,
    agencyId: input.agencyId,
    origin: input.origin,
    certificatePem: input.material.certificatePem,
    chainPem: chainText(input.material),
    subject: certificate.subject,
    issuer: certificate.issuer,
    serial: certificate.serial,
    certificateSha256: certificate.sha256,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    pkcs12Sha256,
    createdBy: input.createdBy,
  });
};

export type TestAuthority = { ca: KeyMaterial; caRecord: SigningCredentialRecord; tsa: KeyMaterial | undefined };

/**
 * The install's test CA and its timestamp key, created on first use (another process creating them at the
 * same moment loses the unique index and reads the winner's).
 */
export const ensureTestAuthority = async (ctx: AppContext, provinceCode: string): Promise<TestAuthority> => {
  let caRecord = await findActiveAuthority(ctx.db, 'test_ca');
  if (!caRecord) {
    const material = createTestCertificateAuthority(ctx.clock.now(), 'Việt Nam');
    try {
      caRecord = await saveCredential(ctx, {
        provinceCode,
        ownerKind: 'test_ca',
        agencyId: null,
        userId: null,
        origin: 'test_ca',
        material,
        createdBy: null,
        friendlyName: 'motcua TEST CA',
      });
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      caRecord = await findActiveAuthority(ctx.db, 'test_ca');
    }
  }
  if (!caRecord) {
    throw new Error('The test CA could not be created');
  }
  const ca = await loadKeyMaterial(ctx, caRecord);
  let tsaRecord = await findActiveAuthority(ctx.db, 'test_tsa');
  if (!tsaRecord) {
    const material = issueTestCertificate(
      ca,
      { commonName: TEST_TSA_COMMON_NAME, organization: 'motcua (thử nghiệm)', timestamping: true },
      ctx.clock.now(),
    );
    try {
      tsaRecord = await saveCredential(ctx, {
        provinceCode,
        ownerKind: 'test_tsa',
        agencyId: null,
        userId: null,
        origin: 'test_ca',
        material,
        createdBy: null,
        friendlyName: 'motcua TEST TSA',
      });
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      tsaRecord = await findActiveAuthority(ctx.db, 'test_tsa');
    }
  }
  return { ca, caRecord, tsa: tsaRecord ? await loadKeyMaterial(ctx, tsaRecord) : undefined };
};

type ResolvedOwner = { agency: AgencyRecord; provinceCode: string; ownerName: string; userTitle: string | null };

/** Checks the owner: the agency exists, the official holds a role in it, and it has no active credential yet. */
const resolveOwner = async (ctx: AppContext, owner: CredentialOwner): Promise<ResolvedOwner> => {
  const agency = await findAgency(ctx.db, owner.agencyId);
  if (!agency) {
    throw new AppError('NOT_FOUND', { resource: AGENCY });
  }
  const provinceCode = agency.provinceCode ?? '00';
  if (owner.ownerKind === 'official') {
    const user = await findUserProfile(ctx.db, owner.userId);
    if (!user || !(await officialHoldsRoleIn(ctx.db, owner.userId, owner.agencyId))) {
      throw new AppError('SIGNING_OFFICIAL_NOT_IN_AGENCY');
    }
    if (await findActiveOfficialCredential(ctx.db, owner.userId)) {
      throw new AppError('SIGNING_CREDENTIAL_EXISTS', { owner: user.fullName });
    }
    return { agency, provinceCode, ownerName: user.fullName, userTitle: user.title };
  }
  if (await findActiveAgencyCredential(ctx.db, owner.agencyId)) {
    throw new AppError('SIGNING_CREDENTIAL_EXISTS', { owner: agency.name });
  }
  return { agency, provinceCode, ownerName: agency.name, userTitle: null };
};

const saveOwned = async (
  ctx: AppContext,
  owner: CredentialOwner,
  resolved: ResolvedOwner,
  material: KeyMaterial,
  origin: 'test_ca' | 'imported',
  createdBy: string | null,
) => {
  try {
    const row = await saveCredential(ctx, {
      provinceCode: resolved.provinceCode,
      ownerKind: owner.ownerKind,
      agencyId: owner.agencyId,
      userId: owner.ownerKind === 'official' ? owner.userId : null,
      origin,
      material,
      createdBy,
      friendlyName: resolved.ownerName,
    });
    return toCredentialView(row, resolved.ownerName);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('SIGNING_CREDENTIAL_EXISTS', { owner: resolved.ownerName });
    }
    throw error;
  }
};

/** Issues a test-CA certificate to an official of the agency or to the agency itself (no authorization: CLI, seed). */
export const issueTestCredentialUnchecked = async (
  ctx: AppContext,
  owner: CredentialOwner,
  createdBy: string | null,
): Promise<SigningCredentialView> => {
  const resolved = await resolveOwner(ctx, owner);
  const authority = await ensureTestAuthority(ctx, resolved.provinceCode);
  const material = issueTestCertificate(
    authority.ca,
    {
      commonName: resolved.ownerName,
      organization: resolved.agency.name,
      ...(resolved.userTitle ? { organizationalUnit: resolved.userTitle } : {}),
    },
    ctx.clock.now(),
  );
  return saveOwned(ctx, owner, resolved, material, 'test_ca', createdBy);
};

export const issueTestCredential = async (
  ctx: AppContext,
  actor: Actor,
  owner: CredentialOwner,
): Promise<SigningCredentialView> => {
  const official = await authorizeAgencyAction(ctx, actor, 'document.manage', owner.agencyId, AGENCY);
  return issueTestCredentialUnchecked(ctx, owner, official.userId);
};

/** Imports a PKCS#12 file (.p12/.pfx) for an official or the agency; the key is re-encrypted for the store. */
export const importCredential = async (
  ctx: AppContext,
  actor: Actor,
  input: { owner: CredentialOwner; pkcs12: Buffer; passphrase: string },
): Promise<SigningCredentialView> => {
  const official = await authorizeAgencyAction(ctx, actor, 'document.manage', input.owner.agencyId, AGENCY);
  let material: KeyMaterial;
  try {
    material = readPkcs12(input.pkcs12, input.passphrase);
  } catch (error) {
    if (error instanceof Pkcs12Error) {
      throw new AppError('SIGNING_PKCS12_UNREADABLE');
    }
    throw error;
  }
  const certificate = describeCertificate(material.certificatePem);
  const now = ctx.clock.now();
  if (certificate.notBefore > now || certificate.notAfter < now) {
    throw new AppError('SIGNING_CERTIFICATE_EXPIRED', {
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
    });
  }
  const resolved = await resolveOwner(ctx, input.owner);
  return saveOwned(ctx, input.owner, resolved, material, 'imported', official.userId);
};

/** A PNG (signature picture) is recognised by its 8-byte signature and an IHDR chunk. */
export const isPng = (bytes: Buffer) =>
  bytes.length > 33 &&
  bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) &&
  bytes.subarray(12, 16).toString('latin1') === 'IHDR';

const loadOwned = async (ctx: AppContext, actor: Actor, id: string) => {
  requireOfficial(actor);
  const row = await findSigningCredentialById(ctx.db, id);
  if (!row?.agencyId) {
    throw new AppError('NOT_FOUND', { resource: RESOURCE });
  }
  const official = await authorizeAgencyAction(ctx, actor, 'document.manage', row.agencyId, RESOURCE);
  return { row, official };
};

const ownerNameOf = async (ctx: AppContext, row: SigningCredentialRecord) =>
  row.userId
    ? ((await findUserProfile(ctx.db, row.userId))?.fullName ?? null)
    : row.agencyId
      ? ((await findAgency(ctx.db, row.agencyId))?.name ?? null)
      : null;

/** Sets the official's signature image or the agency's seal image (PNG), version-guarded. */
export const setSignatureImage = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; png: Buffer; expectedVersion: number },
): Promise<SigningCredentialView> => {
  await loadOwned(ctx, actor, input.id);
  if (!isPng(input.png) || input.png.length > SIGNATURE_IMAGE_MAX_BYTES) {
    throw new AppError('SIGNING_IMAGE_INVALID', { limitKb: SIGNATURE_IMAGE_MAX_BYTES / 1024 });
  }
  const stored = await ctx.storage.put(input.png);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSigningCredential(trx, input.id);
    if (!locked) {
      throw new AppError('NOT_FOUND', { resource: RESOURCE });
    }
    if (locked.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: locked.version, sent: input.expectedVersion });
    }
    if (locked.status === 'revoked') {
      throw new AppError('SIGNING_CREDENTIAL_REVOKED');
    }
    return setCredentialSignatureImage(trx, input.id, stored.sha256);
  });
  return toCredentialView(row, await ownerNameOf(ctx, row));
};

/** Revokes a credential: it signs nothing more; signatures made before stay verifiable. */
export const revokeCredential = async (
  ctx: AppContext,
  actor: Actor,
  input: { id: string; expectedVersion: number },
): Promise<SigningCredentialView> => {
  const { official } = await loadOwned(ctx, actor, input.id);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSigningCredential(trx, input.id);
    if (!locked) {
      throw new AppError('NOT_FOUND', { resource: RESOURCE });
    }
    if (locked.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { current: locked.version, sent: input.expectedVersion });
    }
    if (locked.status === 'revoked') {
      throw new AppError('SIGNING_CREDENTIAL_REVOKED');
    }
    return revokeSigningCredential(trx, input.id, official.userId, ctx.clock.now());
  });
  return toCredentialView(row, await ownerNameOf(ctx, row));
};

const encodeCursor = (row: SigningCredentialRecord) =>
  Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
const decodeCursor = (cursor: string | undefined) => {
  if (!cursor) {
    return undefined;
  }
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const at = new Date(createdAt);
    if (Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
      throw new Error('bad cursor');
    }
    return { createdAt: at, id };
  } catch {
    throw new AppError('BAD_REQUEST');
  }
};

/** An agency's credentials (its own and its officials'), newest first. */
export const listCredentials = async (
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; cursor?: string | undefined; limit: number },
): Promise<{ items: SigningCredentialView[]; nextCursor: string | null }> => {
  await authorizeAgencyAction(ctx, actor, 'document.manage', input.agencyId, AGENCY);
  const rows = await listAgencySigningCredentialsPage(
    ctx.db,
    input.agencyId,
    input.limit + 1,
    decodeCursor(input.cursor),
  );
  const page = rows.slice(0, input.limit);
  const items = await Promise.all(page.map(async (row) => toCredentialView(row, await ownerNameOf(ctx, row))));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
};

/**
 * Adds a root certificate that verifications trust (a CA's certificate, e.g. the root of Ban Cơ yếu Chính
 * phủ's specialised signature service, obtained from the CA itself): command line only, it changes what the
 * whole install calls valid. Answers the existing row when the same certificate is there already.
 */
export const addTrustedRoot = async (
  ctx: AppContext,
  input: { certificatePem: string; provinceCode: string },
): Promise<SigningCredentialView> => {
  const certificate = describeCertificate(input.certificatePem);
  if (!certificate.isCa) {
    throw new Error('Not a CA certificate (basicConstraints cA is not set)');
  }
  const existing = await findTrustedRootBySha256(ctx.db, certificate.sha256);
  if (existing) {
    return toCredentialView(existing, null);
  }
  const row = await insertSigningCredential(ctx.db, {
    id: randomUUID(),
    provinceCode: input.provinceCode,
    ownerKind: 'trusted_root',
    userId: null,
    agencyId: null,
    origin: 'imported',
    certificatePem: input.certificatePem.trim(),
    subject: certificate.subject,
    issuer: certificate.issuer,
    serial: certificate.serial,
    certificateSha256: certificate.sha256,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    pkcs12Sha256: null,
    createdBy: null,
  });
  return toCredentialView(row, null);
};
