/**
 * One PAdES signature with a key in hand (no database): the placeholder and visible appearance as an
 * incremental update (incremental.ts, appearance.ts), then @signpdf/signpdf fills /ByteRange and /Contents
 * with the CMS of `CadesSigner` (SubFilter ETSI.CAdES.detached, ETSI EN 319 142-1 §6.3 [RECALL]).
 * `sign-pdf.ts` finds the key of an official or an agency and calls this.
 */
import { createHash } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { PDFImage } from 'pdf-lib';
import {
  type Appearance,
  embedAppearanceFonts,
  sealAppearance,
  signerAppearance,
  stampAppearance,
  stampLines,
} from './appearance.js';
import type { KeyMaterial } from './certificates.js';
import { describeCertificate } from './certificates.js';
import { buildSignedData, buildTimestampToken, type CmsKey, keyFromPem, OID, timestampAttribute } from './cms.js';
import {
  addSignatureField,
  openForUpdate,
  PdfSigningError,
  prepareForSigning,
  writeIncrementalUpdate,
} from './incremental.js';
import type { AppliedSignature, SignatureKind, SignaturePlacement } from './types.js';

const cmsKeyOf = (material: KeyMaterial): CmsKey =>
  keyFromPem(material.privateKeyPem, [material.certificatePem, ...material.chainPems]);

/** A @signpdf signer writing CAdES-detached CMS, with an RFC 3161 token from the local TSA when one is given. */
export class CadesSigner extends Signer {
  constructor(
    private readonly key: CmsKey,
    private readonly timestampAuthority?: CmsKey,
  ) {
    super();
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const at = signingTime ?? new Date();
    const tsa = this.timestampAuthority;
    return buildSignedData({
      key: this.key,
      content,
      contentType: OID.data,
      encapsulate: false,
      signingTime: at,
      ...(tsa
        ? {
            unsignedAttributes: async (signatureValue: Buffer) => [
              timestampAttribute(await buildTimestampToken(tsa, signatureValue, at)),
            ],
          }
        : {}),
    });
  }
}

export type SignWithKeyInput = {
  pdf: Buffer;
  kind: SignatureKind;
  key: KeyMaterial;
  signedAt: Date;
  reason: string;
  location: string;
  placement?: SignaturePlacement;
  stamp?: { numberSymbol: string; agencyName: string };
  /** Shown in the appearance; the certificate's common name when omitted. */
  signerName?: string;
  agencyName: string;
  /** The official's uploaded signature image, or the agency's uploaded seal image (PNG). */
  image?: Buffer;
  timestampAuthority?: KeyMaterial;
};

const MM = 72 / 25.4;

const commonNameOf = (subject: string) => /(?:^|, )CN=([^,]+)/.exec(subject)?.[1] ?? subject;

export const signPdfWithKey = async (input: SignWithKeyInput): Promise<AppliedSignature> => {
  const certificate = describeCertificate(input.key.certificatePem);
  const prepared = await prepareForSigning(input.pdf);
  const opened = await openForUpdate(prepared);
  const { doc } = opened;
  const pages = doc.getPages();
  const pageNumber = input.placement?.page ?? 1;
  const page = pages[pageNumber - 1];
  if (!page) {
    throw new PdfSigningError(`The PDF has no page ${pageNumber}`);
  }
  const signerName = input.signerName ?? commonNameOf(certificate.subject);
  let image: PDFImage | undefined;
  if (input.image) {
    try {
      image = await doc.embedPng(input.image);
    } catch {
      throw new PdfSigningError('The signature image is not a readable PNG');
    }
  }
  let rect: [number, number, number, number] = [0, 0, 0, 0];
  let appearance: Appearance | undefined;
  const placement = input.placement;
  if (input.kind === 'signer' && placement) {
    const fonts = await embedAppearanceFonts(doc);
    appearance = signerAppearance(placement.width, placement.height, fonts, signerName, input.signedAt, image);
    rect = [placement.x, placement.y, placement.x + placement.width, placement.y + placement.height];
  } else if (input.kind === 'organisation' && placement) {
    // The seal covers the left third of the signer's image (Phụ lục I): its right edge at one third of the
    // image's width, centred on the image's height; about 36 mm across, smaller when the block is small.
    const fonts = await embedAppearanceFonts(doc);
    const diameter = Math.min(36 * MM, Math.max(22 * MM, placement.height * 1.3));
    const right = placement.x + placement.width / 3;
    const bottom = placement.y + placement.height / 2 - diameter / 2;
    appearance = sealAppearance(diameter, fonts, input.agencyName, image);
    rect = [right - diameter, bottom, right, bottom + diameter];
  } else if (input.kind === 'organisation' && input.stamp) {
    const fonts = await embedAppearanceFonts(doc);
    appearance = stampAppearance(stampLines(input.stamp.numberSymbol, input.signedAt, input.stamp.agencyName), fonts);
    const { width, height } = page.getSize();
    const right = width - 15 * MM;
    const top = height - 5 * MM;
    rect = [right - appearance.width, top - appearance.height, right, top];
  }
  addSignatureField(opened, {
    page,
    rect,
    ...(appearance ? { appearance } : {}),
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signerName: input.kind === 'organisation' ? input.agencyName : signerName,
    reason: input.reason,
    location: input.location,
    signedAt: input.signedAt,
  });
  const withPlaceholder = await writeIncrementalUpdate(opened);
  const signer = new CadesSigner(
    cmsKeyOf(input.key),
    input.timestampAuthority ? cmsKeyOf(input.timestampAuthority) : undefined,
  );
  const signed = await new SignPdf().sign(withPlaceholder, signer, input.signedAt);
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  return {
    pdf: signed,
    certificate: { subject: certificate.subject, serial: certificate.serial, sha256: certificate.sha256 },
    inputSha256: sha256(input.pdf),
    outputSha256: sha256(signed),
  };
};
