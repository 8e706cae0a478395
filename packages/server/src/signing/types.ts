/**
 * The contract of motcua's PDF signing (Decree 30/2020/NĐ-CP Art. 5, 13, 33 and Phụ lục I): the outgoing
 * documents' sign and seal steps and the one-stop engine's result documents all sign through
 * `signing/sign-pdf.ts`, which implements these types with @signpdf (PAdES, CMS detached, ETSI.CAdES.detached)
 * over certificates held as PKCS#12.
 */

/** A point on a page in PDF user space (points, origin at the bottom-left corner), 1-based page number. */
export type PagePoint = { page: number; x: number; y: number };

/** Where the visible signature goes: the signer's image at the signature block (Phụ lục I). */
export type SignaturePlacement = PagePoint & { width: number; height: number };

/** Whose signature: the competent person's, or the organisation's (the seal image / the text stamp). */
export type SignatureKind = 'signer' | 'organisation';

export type SignPdfRequest = {
  pdf: Buffer;
  kind: SignatureKind;
  /** signer: the official's user id; organisation: the agency whose key the clerk applies. */
  userId?: string;
  agencyId: string;
  signedAt: Date;
  /** Shown in the signature dictionary (/Reason, /Location). */
  reason: string;
  location: string;
  /**
   * signer: the signature block; organisation on the main document: the seal over the left third of the
   * signer's image (the same placement is passed); organisation on an attachment: omitted — the text stamp
   * "số và ký hiệu, thời gian ký, tên cơ quan" goes in the top-right corner of page 1.
   */
  placement?: SignaturePlacement;
  /** The text stamp of an attachment or copy (number and symbol, agency name). */
  stamp?: { numberSymbol: string; agencyName: string };
};

export type AppliedSignature = {
  pdf: Buffer;
  certificate: { subject: string; serial: string; sha256: string };
  inputSha256: string;
  outputSha256: string;
};
