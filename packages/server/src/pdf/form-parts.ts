/** Pieces shared by the one-stop forms: opening a form, the applicant lines, wording helpers. */
import type { ApplicantBlock, CommonFormData } from './form-data.js';
import { FormWriter, type PaperKind, type Run } from './layout.js';

/** Captions under signature titles. */
export const SIGN_CAPTION = '(Ký và ghi rõ họ tên)';
export const SIGN_AND_SEAL_CAPTION = '(Ký, ghi rõ họ tên và đóng dấu)';

/** How the forms address the applicant: "ông/bà" for a person, "tổ chức" for an organisation. */
export const addressOf = (applicant: ApplicantBlock): string => (applicant.kind === 'person' ? 'ông/bà' : 'tổ chức');

/** "Ông/bà Nguyễn Thị Ánh Tuyết" or the organisation's name as is, after "Kính gửi:". */
export const addresseeOf = (applicant: ApplicantBlock): string =>
  applicant.kind === 'person' ? `Ông/bà ${applicant.name}` : applicant.name;

/** Ends free text (a reason typed by an officer) with a full stop unless it already has one. */
export const sentence = (text: string): string => {
  const trimmed = text.trim();
  return /[.!?…:;]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** "01", "02", … "12": counts of sets and copies are written with two digits on the forms. */
export const count2 = (n: number): string => String(n).padStart(2, '0');

export const label = (name: string, value: string, valueFont: Run['font'] = 'regular'): Run[] => [
  { text: `${name}: ` },
  { text: value, font: valueFont },
];

/**
 * The applicant lines of Circular 01/2018 forms 01–03: name, identifier, address, phone and e-mail,
 * and the person who handed the dossier in when that is not the applicant.
 */
export const writeApplicant = (writer: FormWriter, applicant: ApplicantBlock, nameLabel?: string): void => {
  const person = applicant.kind === 'person';
  // Name and identifier share a line, as on the printed templates.
  writer.paragraph([
    ...label(nameLabel ?? (person ? 'Ông/bà' : 'Tên tổ chức'), applicant.name, 'bold'),
    { text: `, ${person ? 'số định danh cá nhân' : 'mã số doanh nghiệp/mã số thuế'}: ${applicant.identifier}` },
  ]);
  writer.paragraph(label('Địa chỉ', applicant.address));
  const contact = [
    applicant.phone ? `Số điện thoại: ${applicant.phone}` : undefined,
    applicant.email ? `Email: ${applicant.email}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (contact.length > 0) {
    writer.paragraph(contact.join('; '));
  }
  if (applicant.submitterName && applicant.submitterName !== applicant.name) {
    writer.paragraph(label('Người nộp hồ sơ', applicant.submitterName));
  }
};

/** Who signs "NGƯỜI NỘP HỒ SƠ": the submitter, else the applicant when it is a person. */
export const submitterNameOf = (applicant: ApplicantBlock): string | undefined =>
  applicant.submitterName ?? (applicant.kind === 'person' ? applicant.name : undefined);

/** Opens an A4 form with the Decree 30 header, the dossier code, the QR code and the title. */
export const openForm = async (
  data: CommonFormData,
  paper: PaperKind,
  title: string,
  subLines: string[] = [],
): Promise<FormWriter> => {
  const writer = await FormWriter.open(paper, {
    title: `${title} – ${data.dossierCode}`,
    subject: data.procedureName,
    issuedAt: data.issuedAt,
  });
  await writer.header(data.issuer, {
    date: data.issuedAt.date,
    dossierCode: data.dossierCode,
    qrText: data.lookupUrl,
  });
  writer.title(title, subLines);
  return writer;
};
