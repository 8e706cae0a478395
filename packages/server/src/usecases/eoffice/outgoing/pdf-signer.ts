import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import type { AppliedSignature, SignPdfRequest } from '../../../signing/types.js';

/** Applies a digital signature to a PDF (the contract of signing/types.ts). */
export type PdfSigner = (ctx: AppContext, request: SignPdfRequest) => Promise<AppliedSignature>;

const unavailable: PdfSigner = async () => {
  throw new AppError('OUTGOING_SIGNING_UNAVAILABLE');
};

let current: PdfSigner = unavailable;

/**
 * The signer the sign and seal steps use. Until the signing library (signing/sign-pdf.ts) is wired here,
 * signing answers 503 OUTGOING_SIGNING_UNAVAILABLE; tests install a signer of their own.
 */
export const getPdfSigner = (): PdfSigner => current;

/** Installs the signer (at start-up, or in a test); returns the previous one. */
export const setPdfSigner = (signer: PdfSigner): PdfSigner => {
  const previous = current;
  current = signer;
  return previous;
};
