/**
 * The answer to a PAKN (văn bản trả lời phản ánh, kiến nghị; Decree 20/2008/NĐ-CP Art. 15) as an
 * administrative document of Decree 30/2020/NĐ-CP Appendix I on A4, laid out like every document
 * motcua issues (pdf/layout.ts): the agency and the number on the left, the national motto and the
 * place and date on the right, the QR code of the public page of the answer, the title, the body,
 * "Nơi nhận" and the signature block. Equal input gives equal bytes.
 */
import type { IssuerBlock } from './form-data.js';
import { SIGN_AND_SEAL_CAPTION } from './form-parts.js';
import { FormWriter } from './layout.js';

export type PaknAnswerData = {
  issuer: IssuerBlock;
  documentNo: string;
  issuedAt: { date: string; time: string };
  paknCode: string;
  senderName: string;
  regulation: string;
  answer: string;
  signer: { title: string; name?: string | undefined };
  /** The public page of the answer (the QR code's target). */
  publicUrl: string;
};

export const renderPaknAnswer = async (data: PaknAnswerData): Promise<Buffer> => {
  const writer = await FormWriter.open('a4-portrait', {
    title: `Trả lời phản ánh, kiến nghị ${data.paknCode}`,
    subject: data.regulation,
    issuedAt: data.issuedAt,
  });
  const s = writer.scale;
  await writer.header(data.issuer, { date: data.issuedAt.date, documentNo: data.documentNo, qrText: data.publicUrl });
  writer.title('TRẢ LỜI PHẢN ÁNH, KIẾN NGHỊ', [`V/v ${data.regulation}`]);
  writer.gap(s.body * 0.4);
  writer.paragraph(
    `Ngày ${data.issuedAt.date.split('-').reverse().join('/')}, ${data.issuer.agencyName} trả lời phản ánh, kiến nghị mã số ${data.paknCode} của ông/bà ${data.senderName} như sau:`,
    { firstLineIndent: 28, gapAfter: 4 },
  );
  for (const paragraph of data.answer
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    writer.paragraph(paragraph, { firstLineIndent: 28, gapAfter: 4 });
  }
  writer.gap(s.body * 0.6);
  writer.signatures(
    [
      {
        title: data.signer.title,
        caption: SIGN_AND_SEAL_CAPTION,
        ...(data.signer.name ? { name: data.signer.name } : {}),
      },
    ],
    { recipients: [`- Ông/bà ${data.senderName};`, '- Cổng Dịch vụ công (để công khai);', '- Lưu: VT.'] },
  );
  return writer.finish({ footer: `Mã phản ánh, kiến nghị: ${data.paknCode} – ${data.publicUrl}` });
};
