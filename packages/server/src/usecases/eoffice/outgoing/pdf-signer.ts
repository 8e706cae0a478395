import type { AppContext } from '../../../context.js';
import { signPdf } from '../../../signing/sign-pdf.js';
import type { AppliedSignature, SignPdfRequest } from '../../../signing/types.js';

/** Applies a digital signature to a PDF (the contract of signing/types.ts). */
export type PdfSigner = (ctx: AppContext, request: SignPdfRequest) => Promise<AppliedSignature>;

let current: PdfSigner = signPdf;

/**
 * The signer the sign and seal steps use: signing/sign-pdf.ts (the official's or the agency's active
 * credential; 422 SIGNING_CREDENTIAL_MISSING without one). A test may install a stand-in.
 */
export const getPdfSigner = (): PdfSigner => current;

/** Installs the signer (in a test); returns the previous one. */
export const setPdfSigner = (signer: PdfSigner): PdfSigner => {
  const previous = current;
  current = signer;
  return previous;
};
