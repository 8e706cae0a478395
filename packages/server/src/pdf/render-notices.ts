/**
 * The one-page notices of the one-stop desk (A4): Circular 01/2018/TT-VPCP Mẫu 02 (supplement
 * request), Mẫu 03 (refusal), Mẫu 04 (apology and new appointment), and the stop notice added as
 * Mẫu 05 by Circular 03/2025/TT-VPCP.
 */
import type { ApologyFormData, RefusalFormData, StopNoticeFormData, SupplementRequestFormData } from './form-data.js';
import {
  addresseeOf,
  addressOf,
  label,
  openForm,
  SIGN_AND_SEAL_CAPTION,
  SIGN_CAPTION,
  sentence,
  submitterNameOf,
  writeApplicant,
} from './form-parts.js';
import { formatDateShortVi, formatDateTimeVi } from './format-vi.js';
import type { FormWriter } from './layout.js';

export const SUPPLEMENT_REQUEST_TITLE = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';
export const REFUSAL_TITLE = 'Phiếu từ chối tiếp nhận giải quyết hồ sơ';
export const APOLOGY_TITLE = 'Phiếu xin lỗi và hẹn lại ngày trả kết quả';
export const STOP_NOTICE_TITLE = 'Thông báo dừng giải quyết hồ sơ';

/** Letters signed by the head of the agency carry the "Nơi nhận" list (Decree 30 Appendix I). */
const RECIPIENTS = ['- Như trên;', '- Lưu: VT, hồ sơ.'];

const writeAddressee = (writer: FormWriter, text: string): void => {
  writer.paragraph([{ text: 'Kính gửi: ' }, { text, font: 'bold' }], { align: 'center', gapAfter: 6 });
};

/** Mẫu 02: what is missing, why, and whom to ask — guidance given once, in writing. */
export const renderSupplementRequest = async (data: SupplementRequestFormData): Promise<Buffer> => {
  const writer = await openForm(data, 'a4-portrait', SUPPLEMENT_REQUEST_TITLE);
  const you = addressOf(data.applicant);
  writer.paragraph(`${data.issuer.agencyName} đã nhận hồ sơ của:`);
  writeApplicant(writer, data.applicant);
  writer.paragraph(label('Thủ tục hành chính', data.procedureName, 'bold'), { gapAfter: 4 });
  writer.paragraph('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
  data.missing.forEach((item, index) => {
    writer.paragraph(`${index + 1}. ${item}`, { indent: 10 });
  });
  writer.paragraph(label('Lý do', sentence(data.reason)), { gapAfter: 4 });
  const officer = data.guidingOfficer;
  const contact = [officer.name, officer.phone ? `số điện thoại ${officer.phone}` : undefined]
    .filter((part): part is string => part !== undefined)
    .join(', ');
  writer.paragraph(
    sentence(
      `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ${you} liên hệ ${contact || 'người hướng dẫn'} để được hướng dẫn`,
    ),
  );
  const signers = [{ title: officer.title, caption: SIGN_CAPTION, name: officer.name }];
  writer.ensureSpace(writer.signaturesHeight(signers) + writer.lineHeight() * 3);
  // Left-aligned: a justified line with a long URL in it stretches its spaces.
  writer.paragraph(sentence(`Tra cứu tình trạng hồ sơ tại ${data.lookupUrl} bằng mã hồ sơ ${data.dossierCode}`), {
    align: 'left',
    gapAfter: 8,
  });
  writer.signatures(signers);
  return writer.finish();
};

/** Mẫu 03: the refusal and its reason, signed by the applicant and the refusing officer. */
export const renderRefusal = async (data: RefusalFormData): Promise<Buffer> => {
  const writer = await openForm(data, 'a4-portrait', REFUSAL_TITLE);
  const you = addressOf(data.applicant);
  writer.paragraph(`${data.issuer.agencyName} tiếp nhận hồ sơ của:`);
  writeApplicant(writer, data.applicant);
  writer.paragraph(label('Nội dung yêu cầu giải quyết', data.procedureName, 'bold'), { gapAfter: 4 });
  writer.paragraph(
    `Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, ${data.issuer.agencyName} từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
  );
  writer.paragraph(sentence(data.reason), { indent: 10, gapAfter: 4 });
  const signers = [
    { title: 'Người nộp hồ sơ', caption: SIGN_CAPTION, name: submitterNameOf(data.applicant) },
    { title: data.officer.title, caption: SIGN_CAPTION, name: data.officer.name },
  ];
  writer.ensureSpace(writer.signaturesHeight(signers) + writer.lineHeight() * 2);
  writer.paragraph(`Xin thông báo để ${you} được biết và thực hiện./.`, { gapAfter: 8 });
  writer.signatures(signers);
  return writer.finish();
};

/** Mẫu 04: the apology for a late result and the one new appointment (Decree 61/2018 Art. 20). */
export const renderApology = async (data: ApologyFormData): Promise<Buffer> => {
  const writer = await openForm(data, 'a4-portrait', APOLOGY_TITLE);
  const you = addressOf(data.applicant);
  const agency = data.issuer.agencyName;
  writeAddressee(writer, addresseeOf(data.applicant));
  writer.paragraph(
    `Ngày ${formatDateShortVi(data.receivedAt.date)}, ${agency} tiếp nhận giải quyết hồ sơ của ${you} đề nghị giải quyết thủ tục hành chính “${data.procedureName}” (mã hồ sơ ${data.dossierCode}).`,
    { firstLineIndent: 18 },
  );
  writer.paragraph(label('Thời gian hẹn trả kết quả giải quyết hồ sơ', formatDateTimeVi(data.originalAppointment)), {
    firstLineIndent: 18,
  });
  writer.paragraph(
    `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ cho ${you} đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Lý do: ${sentence(data.reason)}`,
    { firstLineIndent: 18 },
  );
  writer.paragraph(
    `Sự chậm trễ này đã gây phiền hà cho ${you}. ${agency} xin lỗi ${you} và hẹn trả kết quả giải quyết hồ sơ vào:`,
    { firstLineIndent: 18 },
  );
  writer.paragraph([{ text: formatDateTimeVi(data.newAppointment), font: 'bold' }], {
    align: 'center',
    size: writer.scale.body + 1,
  });
  const signers = [{ title: data.head.title, caption: SIGN_AND_SEAL_CAPTION, name: data.head.name }];
  writer.ensureSpace(writer.signaturesHeight(signers, { recipients: RECIPIENTS }) + writer.lineHeight() * 2);
  writer.paragraph(`Xin trân trọng cảm ơn sự hợp tác của ${you}./.`, { firstLineIndent: 18, gapAfter: 8 });
  writer.signatures(signers, { recipients: RECIPIENTS });
  return writer.finish();
};

/** Circular 03/2025 Mẫu 05: notice that the agency stops handling the dossier, and why. */
export const renderStopNotice = async (data: StopNoticeFormData): Promise<Buffer> => {
  const writer = await openForm(data, 'a4-portrait', STOP_NOTICE_TITLE);
  const you = addressOf(data.applicant);
  const agency = data.issuer.agencyName;
  writeAddressee(writer, addresseeOf(data.applicant));
  writer.paragraph(
    `${agency} đã tiếp nhận hồ sơ của ${you} đề nghị giải quyết thủ tục hành chính “${data.procedureName}” (mã hồ sơ ${data.dossierCode}).`,
    { firstLineIndent: 18 },
  );
  writer.paragraph(`${agency} thông báo dừng giải quyết hồ sơ nêu trên. Lý do: ${sentence(data.reason)}`, {
    firstLineIndent: 18,
  });
  writer.paragraph(sentence(`Tình trạng hồ sơ được cập nhật tại ${data.lookupUrl}`), {
    firstLineIndent: 18,
    align: 'left',
  });
  const signers = [{ title: data.head.title, caption: SIGN_AND_SEAL_CAPTION, name: data.head.name }];
  writer.ensureSpace(writer.signaturesHeight(signers, { recipients: RECIPIENTS }) + writer.lineHeight() * 2);
  writer.paragraph(`${agency} thông báo để ${you} được biết./.`, { firstLineIndent: 18, gapAfter: 8 });
  writer.signatures(signers, { recipients: RECIPIENTS });
  return writer.finish();
};
