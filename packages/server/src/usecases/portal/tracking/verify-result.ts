import { findIssuedResult } from '@motcua/db';
import { formatInstant } from '@motcua/domain';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The public verification of a result document: the issuing agency, the date, the document's name and
 * number and its SHA-256 — nothing about the applicant. Found by the hash of the file (anyone holding
 * the file) or by the document's id (the QR code printed on a generated result: a file cannot print its
 * own hash, and a signed PDF's hash is only known after signing). Only issued results are known here
 * (the dossier has its result); anything else is 404.
 */
export const verifyResultDocument = async (ctx: AppContext, key: string, provinceCode?: string | undefined) => {
  // On a province's portal only its own results are known: another province's answers like no result at all.
  const document = await findIssuedResult(ctx.db, SHA256.test(key) ? { sha256: key } : { id: key }, provinceCode);
  if (!document?.fileSha256) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'văn bản kết quả', en: 'result document' } });
  }
  const issuedAt = document.completedAt ?? document.createdAt;
  return {
    valid: true,
    id: document.id,
    sha256: document.fileSha256,
    name: document.name,
    documentNo: document.documentNo,
    issuer: document.issuerName ? { code: document.issuerCode, name: document.issuerName } : null,
    issuedAt: formatInstant(issuedAt.getTime()),
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    origin: document.origin,
    signedAt: document.signedAt ? formatInstant(document.signedAt.getTime()) : null,
  };
};
