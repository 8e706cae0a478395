/**
 * A result document (văn bản kết quả) generated from the result template of a procedure version, as an
 * administrative document of Decree 30/2020/NĐ-CP Appendix I on A4: the issuing agency (its parent above
 * it) and the document's number on the left, the national motto and the place and date on the right,
 * the QR code of the public verification page under them, the title in bold capitals with the subject
 * line, the body paragraphs (justified, first line indented), then "Nơi nhận" on the left and the
 * signature block on the right (authority line, the signer's title, room to sign, the name).
 *
 * The QR code points to /v/<document id>: the page shows the SHA-256 of the stored bytes, which anyone
 * holding the file can compare. Equal input gives equal bytes (the PDF creation date is the document's
 * date), so the stored hash is reproducible. Digital signing (the e-office issue) will sign these bytes
 * into a new file, stored the same way; the row then records the signed file's hash and signed_at.
 */
import type { SignaturePlacement } from '../signing/types.js';
import type { IssuerBlock } from './form-data.js';
import { SIGN_AND_SEAL_CAPTION } from './form-parts.js';
import { FormWriter } from './layout.js';

export type ResultDocumentData = {
  issuer: IssuerBlock;
  /** The number and symbol (số, ký hiệu), e.g. "215/2026/GKS". */
  documentNo: string;
  /** The date and time of the document, Vietnam time. */
  issuedAt: { date: string; time: string };
  title: string;
  subject?: string | undefined;
  legalSource?: string | undefined;
  paragraphs: string[];
  signer: { authority?: string | undefined; title: string; name?: string | undefined };
  recipients?: string[] | undefined;
  /** The public verification page of this document (the QR code's target). */
  verifyUrl: string;
  dossierCode: string;
  procedureName: string;
};

export const renderResultDocument = async (data: ResultDocumentData): Promise<Buffer> =>
  (await renderResultDocumentForSigning(data)).pdf;

/**
 * The result document and where its signer signs: the room of the signature block as a placement in PDF
 * user space (points, origin bottom-left), a box centred in it for the signature image.
 */
export const renderResultDocumentForSigning = async (
  data: ResultDocumentData,
): Promise<{ pdf: Buffer; placement: SignaturePlacement | undefined }> => {
  const writer = await FormWriter.open('a4-portrait', {
    title: `${data.title} – ${data.documentNo}`,
    subject: data.procedureName,
    issuedAt: data.issuedAt,
  });
  const s = writer.scale;
  if (data.legalSource) {
    writer.templateSource(data.legalSource);
  }
  await writer.header(data.issuer, { date: data.issuedAt.date, documentNo: data.documentNo, qrText: data.verifyUrl });
  writer.title(data.title, data.subject ? [data.subject] : []);
  writer.gap(s.body * 0.4);
  for (const paragraph of data.paragraphs) {
    writer.paragraph(paragraph, { firstLineIndent: 28, gapAfter: 4 });
  }
  writer.gap(s.body * 0.6);
  const title = data.signer.authority ? `${data.signer.authority}\n${data.signer.title}` : data.signer.title;
  writer.signatures(
    [{ title, caption: SIGN_AND_SEAL_CAPTION, ...(data.signer.name ? { name: data.signer.name } : {}) }],
    {
      recipients: data.recipients && data.recipients.length > 0 ? data.recipients : ['- Người yêu cầu;', '- Lưu: VT.'],
    },
  );
  const space = writer.signatureSpaces[writer.signatureSpaces.length - 1];
  const pageHeight = writer.doc.page.height;
  const pdf = await writer.finish({
    footer: `Mã hồ sơ: ${data.dossierCode} – Xác minh văn bản: ${data.verifyUrl}`,
  });
  if (!space) {
    return { pdf, placement: undefined };
  }
  const width = Math.min(space.width, 170);
  return {
    pdf,
    placement: {
      page: space.page,
      x: space.x + (space.width - width) / 2,
      y: pageHeight - space.top - space.height,
      width,
      height: space.height,
    },
  };
};
