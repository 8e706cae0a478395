/**
 * `signPdf` — the one way motcua signs a PDF (the contract in types.ts): the outgoing documents' sign and
 * seal steps and the one-stop engine's result documents call it. It finds the active credential of the
 * official (kind 'signer') or of the agency (kind 'organisation'), opens its key, draws the signature image
 * or the seal or the attachment's text stamp (Decree 30/2020/NĐ-CP Phụ lục I) and appends a PAdES signature
 * (ETSI.CAdES.detached) as an incremental update. A credential issued by the install's test CA also gets an
 * RFC 3161 timestamp token from the install's test TSA; an imported (real) one gets the CMS signing time only.
 *
 * It writes nothing to the database: the caller records the document_signature row (with its outgoing
 * document or dossier) in its own transaction, from the answer.
 */
import {
  findActiveAgencyCredential,
  findActiveAuthority,
  findActiveOfficialCredential,
  findAgency,
  findUserProfile,
} from '@motcua/db';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { loadKeyMaterial, readStoredBytes } from '../usecases/signing/credential-store.js';
import { PdfSigningError } from './incremental.js';
import { signPdfWithKey } from './sign-with-key.js';
import type { AppliedSignature, SignPdfRequest } from './types.js';

/** Whether a signature of this kind could be applied now (an active credential exists). */
export const hasSigningCredential = async (
  ctx: AppContext,
  who: { kind: 'signer'; userId: string } | { kind: 'organisation'; agencyId: string },
): Promise<boolean> =>
  (who.kind === 'signer'
    ? await findActiveOfficialCredential(ctx.db, who.userId)
    : await findActiveAgencyCredential(ctx.db, who.agencyId)) !== undefined;

export const signPdf = async (ctx: AppContext, request: SignPdfRequest): Promise<AppliedSignature> => {
  const agency = await findAgency(ctx.db, request.agencyId);
  if (!agency) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'cơ quan', en: 'agency' } });
  }
  let signerName: string | undefined;
  const credential =
    request.kind === 'signer'
      ? request.userId
        ? await findActiveOfficialCredential(ctx.db, request.userId)
        : undefined
      : await findActiveAgencyCredential(ctx.db, request.agencyId);
  if (request.kind === 'signer' && request.userId) {
    signerName = (await findUserProfile(ctx.db, request.userId))?.fullName;
  }
  if (!credential) {
    throw new AppError('SIGNING_CREDENTIAL_MISSING', {
      owner: request.kind === 'signer' ? (signerName ?? request.userId ?? '?') : agency.name,
    });
  }
  const key = await loadKeyMaterial(ctx, credential);
  const image = credential.signatureImageSha256
    ? await readStoredBytes(ctx, credential.signatureImageSha256)
    : undefined;
  const tsaRecord = credential.origin === 'test_ca' ? await findActiveAuthority(ctx.db, 'test_tsa') : undefined;
  const timestampAuthority = tsaRecord ? await loadKeyMaterial(ctx, tsaRecord) : undefined;
  try {
    return await signPdfWithKey({
      pdf: request.pdf,
      kind: request.kind,
      key,
      signedAt: request.signedAt,
      reason: request.reason,
      location: request.location,
      ...(request.placement ? { placement: request.placement } : {}),
      ...(request.stamp ? { stamp: request.stamp } : {}),
      ...(signerName ? { signerName } : {}),
      agencyName: agency.name,
      ...(image ? { image } : {}),
      ...(timestampAuthority ? { timestampAuthority } : {}),
    });
  } catch (error) {
    if (error instanceof PdfSigningError) {
      throw new AppError('SIGNING_PDF_UNREADABLE', { reason: error.message }, { cause: error });
    }
    throw error;
  }
};
