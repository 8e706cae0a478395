/**
 * The public verification of official documents (the QR code on an issued document leads here): anyone may
 * check that a document was issued by the agency, who signed it and when, and the SHA-256 of the signed file;
 * or upload a PDF and see motcua's verification of its signatures. Decree 30/2020/NĐ-CP Art. 15 and 16 on
 * sending and receiving electronic documents, whose validity is checked from the digital signatures [RECALL].
 * Confidential documents (mật and above) are never shown. Lookups are limited per client address.
 */
import { createHash } from 'node:crypto';
import {
  findAgency,
  findDocumentSignatureByOutput,
  findOutgoingBySignedFile,
  findOutgoingByVerificationToken,
  hitThrottle,
  listDocumentSignatures,
  listTrustedRootCertificates,
} from '@motcua/db';
import { DOCUMENT_TYPES, formatInstant } from '@motcua/domain';
import { hashSecret } from '../../auth/secrets.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { type PdfVerification, verifyPdfSignatures } from '../../signing/verify-pdf.js';
import { enforceThrottle } from '../portal/throttle.js';
import { readStoredBytes } from './credential-store.js';

/** Lookups and uploads per client address per window (an unknown rule: a setting-like constant). */
export const VERIFICATION_LIMITS = { lookups: 60, uploads: 20, windowMs: 10 * 60_000 } as const;

const DOCUMENT = { vi: 'văn bản', en: 'document' };

const instant = (date: Date | null) => (date ? formatInstant(date.getTime()) : null);

export type PublicDocumentSignature = {
  kind: 'signer' | 'organisation';
  certificateSubject: string;
  certificateSerial: string;
  signedAt: string;
};

export type PublicDocumentVerification = {
  numberSymbol: string | null;
  documentType: string;
  documentTypeLabel: { vi: string; en: string };
  subject: string;
  agencyName: string | null;
  issuedAt: string | null;
  signatures: PublicDocumentSignature[];
  signedFileSha256: string | null;
  /** motcua's verification of the stored signed file now (null: no signed file stored). */
  signedFileCheck: { signatures: number; allValid: boolean; modifiedAfterLastSignature: boolean } | null;
  isDemo: boolean;
};

const throttle = async (ctx: AppContext, clientAddress: string, what: 'lookup' | 'upload') => {
  const key = `document-verify-${what}:${hashSecret(clientAddress)}`;
  const limit = what === 'lookup' ? VERIFICATION_LIMITS.lookups : VERIFICATION_LIMITS.uploads;
  await enforceThrottle(ctx, { key, limit, windowMs: VERIFICATION_LIMITS.windowMs });
  await hitThrottle(ctx.db, { key, now: ctx.clock.now(), windowMs: VERIFICATION_LIMITS.windowMs });
};

const typeLabel = (code: string) => {
  const type = DOCUMENT_TYPES.find((entry) => entry.code === code);
  return type ? { vi: type.vi, en: type.en } : { vi: code, en: code };
};

const summarise = (verification: PdfVerification) => ({
  signatures: verification.signatures.length,
  allValid: verification.signatures.length > 0 && verification.signatures.every((signature) => signature.valid),
  modifiedAfterLastSignature: verification.modifiedAfterLastSignature,
});

/** The issued document behind a verification token (404 for an unknown, unissued or confidential one). */
export const getPublicDocumentVerification = async (
  ctx: AppContext,
  input: { token: string; clientAddress: string; provinceCode?: string | undefined },
): Promise<PublicDocumentVerification> => {
  await throttle(ctx, input.clientAddress, 'lookup');
  // On a province's portal only that province's documents are known: another's answers as an unknown token.
  const document = await findOutgoingByVerificationToken(ctx.db, input.token, input.provinceCode);
  if (document?.status !== 'issued' || document.confidentiality !== 'normal') {
    throw new AppError('NOT_FOUND', { resource: DOCUMENT });
  }
  const agency = await findAgency(ctx.db, document.agencyId);
  const signatures = await listDocumentSignatures(ctx.db, { outgoingId: document.id });
  let signedFileCheck: PublicDocumentVerification['signedFileCheck'] = null;
  if (document.signedFileSha256) {
    const bytes = await readStoredBytes(ctx, document.signedFileSha256);
    if (bytes) {
      signedFileCheck = summarise(verifyPdfSignatures(bytes, await listTrustedRootCertificates(ctx.db)));
    }
  }
  return {
    numberSymbol: document.numberSymbol,
    documentType: document.documentType,
    documentTypeLabel: typeLabel(document.documentType),
    subject: document.subject,
    agencyName: agency?.name ?? null,
    issuedAt: instant(document.issuedAt),
    signatures: signatures.map((signature) => ({
      kind: signature.kind,
      certificateSubject: signature.certificateSubject,
      certificateSerial: signature.certificateSerial,
      signedAt: instant(signature.signedAt) ?? '',
    })),
    signedFileSha256: document.signedFileSha256,
    signedFileCheck,
    isDemo: document.isDemo,
  };
};

export type UploadedPdfVerification = PdfVerification & {
  /** The file is an issued outgoing document of this install (its public page's token), or a result motcua signed. */
  knownAs: { kind: 'outgoing'; numberSymbol: string | null; token: string | null } | { kind: 'result' } | null;
};

/** motcua's verification of an uploaded PDF's signatures, and whether motcua issued these very bytes. */
export const verifyUploadedPdf = async (
  ctx: AppContext,
  input: { pdf: Buffer; clientAddress: string; provinceCode?: string | undefined },
): Promise<UploadedPdfVerification> => {
  await throttle(ctx, input.clientAddress, 'upload');
  if (!input.pdf.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    throw new AppError('SIGNING_PDF_UNREADABLE', { reason: 'no %PDF- header' });
  }
  const verification = verifyPdfSignatures(input.pdf, await listTrustedRootCertificates(ctx.db));
  const sha256 = createHash('sha256').update(input.pdf).digest('hex');
  // Whether the request's province issued these bytes (another province's file is not "known" here).
  const outgoing = await findOutgoingBySignedFile(ctx.db, sha256, input.provinceCode);
  let knownAs: UploadedPdfVerification['knownAs'] = null;
  if (outgoing && outgoing.status === 'issued' && outgoing.confidentiality === 'normal') {
    knownAs = { kind: 'outgoing', numberSymbol: outgoing.numberSymbol, token: outgoing.verificationToken };
  } else if (!outgoing) {
    const signature = await findDocumentSignatureByOutput(ctx.db, sha256, input.provinceCode);
    if (signature?.dossierId) {
      knownAs = { kind: 'result' };
    }
  }
  return { ...verification, knownAs };
};
