import type { ResultTemplate } from '@motcua/domain';

/**
 * The result templates of the demo procedures (no editor: the province's catalogue managers define
 * them as data with the procedure version, like the application form). Placeholders name the dossier
 * (`applicant.*`, `dossier.*`, `document.*`, `agency.*`) and the fields of the version's application
 * form (`form.<key>`, seed/forms/*.ts); a paragraph marked optional is left out when one of its values
 * is empty. The wording follows the civil-status extracts (trích lục) the commune issues from the
 * electronic civil-status register (Law on Civil Status 2014 Art. 17 and 34; Decree 123/2015/NĐ-CP).
 */
export const DEMO_RESULT_TEMPLATES: Readonly<Record<string, ResultTemplate>> = {
  // Đăng ký khai sinh: the birth certificate (Giấy khai sinh), Law on Civil Status 2014 Art. 17.
  '1.001193': {
    key: 'giay-khai-sinh',
    title: 'Giấy khai sinh',
    subject: 'Bản điện tử cấp cho {{form.childFullName}}',
    legalSource: 'Theo mẫu Giấy khai sinh do Bộ Tư pháp ban hành',
    paragraphs: [
      { text: 'Họ, chữ đệm, tên: {{form.childFullName}}.' },
      { text: 'Ngày, tháng, năm sinh: {{form.childDateOfBirth}}; giới tính: {{form.childSex}}.' },
      { text: 'Dân tộc: {{form.childEthnicity}}; quốc tịch: {{form.childNationality}}.' },
      { text: 'Nơi sinh: {{form.childBirthPlace}}.' },
      { text: 'Cơ sở nơi sinh: {{form.childBirthFacility}}.', optional: true },
      { text: 'Quê quán: {{form.childHometown}}.', optional: true },
      {
        text: 'Họ, chữ đệm, tên người mẹ: {{form.motherFullName}}; ngày sinh: {{form.motherDateOfBirth}}; dân tộc: {{form.motherEthnicity}}; quốc tịch: {{form.motherNationality}}; nơi cư trú: {{form.motherResidence}}.',
      },
      // The father may be undetermined (Decree 123/2015/NĐ-CP Art. 15): his lines are left out then.
      { text: 'Họ, chữ đệm, tên người cha: {{form.fatherFullName}}.', optional: true },
      { text: 'Ngày sinh của người cha: {{form.fatherDateOfBirth}}.', optional: true },
      { text: 'Nơi cư trú của người cha: {{form.fatherResidence}}.', optional: true },
      {
        text: 'Người đi đăng ký khai sinh: {{form.applicantFullName}}, số định danh cá nhân {{form.applicantIdNumber}}; quan hệ với người được khai sinh: {{form.applicantRelationship}}.',
      },
      {
        text: 'Nơi đăng ký khai sinh: {{agency.name}}. Ngày, tháng, năm đăng ký: {{document.date}}. Số: {{document.number}}. Mã hồ sơ: {{dossier.code}}.',
      },
    ],
    signer: { title: 'Người ký Giấy khai sinh' },
    recipients: ['- Người yêu cầu;', '- Lưu: Sổ đăng ký khai sinh, VT.'],
  },
  // Đăng ký khai tử: the death registration extract (Trích lục khai tử), Law on Civil Status 2014 Art. 34.
  '1.000656': {
    key: 'trich-luc-khai-tu',
    title: 'Trích lục khai tử',
    subject: 'Bản điện tử',
    legalSource: 'Theo mẫu Trích lục khai tử do Bộ Tư pháp ban hành',
    paragraphs: [
      { text: 'Họ, chữ đệm, tên người đã chết: {{form.deceasedFullName}}; giới tính: {{form.deceasedSex}}.' },
      { text: 'Ngày, tháng, năm sinh: {{form.deceasedDateOfBirth}}; dân tộc: {{form.deceasedEthnicity}}.' },
      { text: 'Số định danh cá nhân: {{form.deceasedIdNumber}}.', optional: true },
      { text: 'Nơi cư trú cuối cùng: {{form.deceasedLastResidence}}.' },
      { text: 'Đã chết vào ngày {{form.deathDate}}, tại {{form.deathPlace}}.' },
      { text: 'Nguyên nhân chết: {{form.deathCause}}.' },
      {
        text: 'Người đi đăng ký khai tử: {{applicant.fullName}}, số định danh cá nhân {{applicant.idNumber}}.',
      },
      {
        text: 'Nơi đăng ký khai tử: {{agency.name}}. Ngày, tháng, năm đăng ký: {{document.date}}. Số: {{document.number}}. Mã hồ sơ: {{dossier.code}}.',
      },
    ],
    signer: { title: 'Người ký Trích lục' },
    recipients: ['- Người yêu cầu;', '- Lưu: Sổ đăng ký khai tử, VT.'],
  },
};

/** The demo result template of a procedure, if it has one. */
export const findDemoResultTemplate = (procedureCode: string): ResultTemplate | undefined =>
  DEMO_RESULT_TEMPLATES[procedureCode];
