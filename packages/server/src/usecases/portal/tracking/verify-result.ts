import { findIssuedResultBySha256 } from '@motcua/db';
import { formatInstant } from '@motcua/domain';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

/**
 * The public verification of a result document (reached from the QR code printed on it): the
 * issuing agency, the date, the document's name and number and its SHA-256 — nothing about the
 * applicant. Only issued results are known here (the dossier has its result); anything else is 404.
 */
export const verifyResultDocument = async (ctx: AppContext, sha256: string) => {
  const document = await findIssuedResultBySha256(ctx.db, sha256);
  if (!document?.fileSha256) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'văn bản kết quả', en: 'result document' } });
  }
  const issuedAt = document.completedAt ?? document.createdAt;
  return {
    valid: true,
    sha256: document.fileSha256,
    name: document.name,
    documentNo: document.documentNo,
    issuer: document.issuerName ? { code: document.issuerCode, name: document.issuerName } : null,
    issuedAt: formatInstant(issuedAt.getTime()),
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
  };
};
