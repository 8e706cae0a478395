import {
  CIVIL_STATUS_DECLARATION,
  CIVIL_STATUS_FORMS_SOURCE,
  civilStatusApplicantFields,
  copyRequestFields,
  type DemoApplicationForm,
  SEX_OPTIONS,
} from './demo-form.js';

/**
 * Tờ khai đăng ký khai tử (procedure 1.000656, Law on Civil Status 2014 Art. 32–34): the person
 * who died, when, where and why, and the death notice (Giấy báo tử) it rests on.
 */
export const DEATH_REGISTRATION_FORM: DemoApplicationForm = {
  procedureCode: '1.000656',
  replaces: { name: 'Tờ khai đăng ký khai tử' },
  interactiveForm: 'Mẫu hộ tịch điện tử tương tác đăng ký khai tử',
  definition: {
    key: 'to-khai-dang-ky-khai-tu',
    title: 'Tờ khai đăng ký khai tử',
    legalSource: `Mẫu Tờ khai đăng ký khai tử ${CIVIL_STATUS_FORMS_SOURCE}`,
    declaration: CIVIL_STATUS_DECLARATION,
    sections: [
      {
        key: 'nguoi-yeu-cau',
        title: 'Người yêu cầu',
        fields: civilStatusApplicantFields('Quan hệ với người đã chết'),
      },
      {
        key: 'nguoi-da-chet',
        title: 'Người đã chết',
        fields: [
          { key: 'deceasedFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true, maxLength: 100 },
          {
            key: 'deceasedDateOfBirth',
            kind: 'date',
            label: 'Ngày, tháng, năm sinh',
            required: true,
            notInFuture: true,
            width: 'half',
          },
          {
            key: 'deceasedSex',
            kind: 'choice',
            label: 'Giới tính',
            required: true,
            display: 'radio',
            options: SEX_OPTIONS,
            width: 'half',
          },
          { key: 'deceasedEthnicity', kind: 'text', label: 'Dân tộc', required: true, maxLength: 50, width: 'half' },
          {
            key: 'deceasedNationality',
            kind: 'text',
            label: 'Quốc tịch',
            required: true,
            maxLength: 50,
            width: 'half',
          },
          {
            key: 'deceasedIdNumber',
            kind: 'cccd',
            label: 'Số định danh cá nhân',
            required: false,
            dateOfBirthField: 'deceasedDateOfBirth',
            sexField: 'deceasedSex',
            width: 'half',
          },
          { key: 'deceasedLastResidence', kind: 'address', label: 'Nơi cư trú cuối cùng', required: true },
          {
            key: 'deathTime',
            kind: 'text',
            label: 'Đã chết vào lúc (giờ, phút)',
            help: 'Ví dụ: 14 giờ 30 phút.',
            required: false,
            maxLength: 30,
            width: 'half',
          },
          { key: 'deathDate', kind: 'date', label: 'Ngày chết', required: true, notInFuture: true, width: 'half' },
          { key: 'deathPlace', kind: 'address', label: 'Nơi chết', required: true, foreignAllowed: true },
          { key: 'deathCause', kind: 'text', label: 'Nguyên nhân chết', required: true, maxLength: 300 },
        ],
      },
      {
        key: 'giay-bao-tu',
        title: 'Giấy báo tử hoặc giấy tờ thay Giấy báo tử',
        fields: [
          {
            key: 'deathNoticeNumber',
            kind: 'text',
            label: 'Số',
            required: false,
            maxLength: 50,
            width: 'third',
          },
          {
            key: 'deathNoticeDate',
            kind: 'date',
            label: 'Ngày cấp',
            required: true,
            notInFuture: true,
            width: 'third',
          },
          { key: 'deathNoticeIssuer', kind: 'text', label: 'Cơ quan cấp', required: true, maxLength: 200 },
        ],
      },
      { key: 'ban-sao', title: 'Đề nghị cấp bản sao', fields: copyRequestFields('Trích lục khai tử') },
    ],
  },
};
