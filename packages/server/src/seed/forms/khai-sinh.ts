import {
  CIVIL_STATUS_DECLARATION,
  CIVIL_STATUS_FORMS_SOURCE,
  copyRequestFields,
  type DemoApplicationForm,
  SEX_OPTIONS,
} from './demo-form.js';

/**
 * Tờ khai đăng ký khai sinh (procedure 1.001193, Law on Civil Status 2014 Art. 16 and Decree
 * 123/2015/NĐ-CP): the child, the mother and the father, the declarant and their relationship to
 * the child, and copies of the birth certificate (bản sao Giấy khai sinh). The father may be left
 * blank when he is not determined (the entry then has no father, Art. 15 of Decree 123/2015).
 */
export const BIRTH_REGISTRATION_FORM: DemoApplicationForm = {
  procedureCode: '1.001193',
  replaces: { name: 'Tờ khai đăng ký khai sinh' },
  interactiveForm: 'Mẫu hộ tịch điện tử tương tác đăng ký khai sinh',
  definition: {
    key: 'to-khai-dang-ky-khai-sinh',
    title: 'Tờ khai đăng ký khai sinh',
    legalSource: `Mẫu Tờ khai đăng ký khai sinh ${CIVIL_STATUS_FORMS_SOURCE}`,
    declaration: CIVIL_STATUS_DECLARATION,
    sections: [
      {
        key: 'nguoi-yeu-cau',
        title: 'Người yêu cầu',
        fields: [
          {
            key: 'applicantFullName',
            kind: 'text',
            label: 'Họ, chữ đệm, tên người yêu cầu',
            required: true,
            maxLength: 100,
          },
          { key: 'applicantIdNumber', kind: 'cccd', label: 'Số định danh cá nhân', required: true, width: 'half' },
          { key: 'applicantResidence', kind: 'address', label: 'Nơi cư trú', required: true },
          {
            key: 'applicantRelationship',
            kind: 'choice',
            label: 'Quan hệ với người được đăng ký khai sinh',
            required: true,
            display: 'select',
            options: [
              { value: 'me', label: 'Mẹ' },
              { value: 'cha', label: 'Cha' },
              { value: 'ong', label: 'Ông' },
              { value: 'ba', label: 'Bà' },
              { value: 'nguoi-than-thich', label: 'Người thân thích khác' },
              { value: 'nguoi-duoc-uy-quyen', label: 'Người được ủy quyền' },
            ],
          },
          {
            key: 'applicantRelationshipDetail',
            kind: 'text',
            label: 'Ghi rõ quan hệ',
            help: 'Ví dụ: cô ruột, anh ruột.',
            required: true,
            maxLength: 100,
            visibleWhen: { field: 'applicantRelationship', equals: 'nguoi-than-thich' },
          },
        ],
      },
      {
        key: 'nguoi-duoc-khai-sinh',
        title: 'Người được đăng ký khai sinh',
        fields: [
          {
            key: 'childFullName',
            kind: 'text',
            label: 'Họ, chữ đệm, tên',
            help: 'Viết đúng chính tả tiếng Việt, có dấu.',
            required: true,
            maxLength: 100,
          },
          {
            key: 'childDateOfBirth',
            kind: 'date',
            label: 'Ngày, tháng, năm sinh',
            required: true,
            notInFuture: true,
            width: 'half',
          },
          {
            key: 'childSex',
            kind: 'choice',
            label: 'Giới tính',
            required: true,
            display: 'radio',
            options: SEX_OPTIONS,
            width: 'half',
          },
          { key: 'childEthnicity', kind: 'text', label: 'Dân tộc', required: true, maxLength: 50, width: 'half' },
          { key: 'childNationality', kind: 'text', label: 'Quốc tịch', required: true, maxLength: 50, width: 'half' },
          {
            key: 'childBirthFacility',
            kind: 'text',
            label: 'Nơi sinh: tên cơ sở y tế',
            help: 'Bỏ trống nếu trẻ em sinh ra ngoài cơ sở y tế.',
            required: false,
            maxLength: 200,
          },
          { key: 'childBirthPlace', kind: 'address', label: 'Nơi sinh: địa chỉ', required: true },
          {
            key: 'childHometown',
            kind: 'text',
            label: 'Quê quán',
            help: 'Quê quán của cha hoặc của mẹ theo thỏa thuận của cha, mẹ (xã, tỉnh).',
            required: true,
            maxLength: 200,
          },
        ],
      },
      {
        key: 'me',
        title: 'Thông tin về người mẹ',
        fields: [
          { key: 'motherFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true, maxLength: 100 },
          {
            key: 'motherDateOfBirth',
            kind: 'date',
            label: 'Ngày, tháng, năm sinh',
            required: true,
            notInFuture: true,
            width: 'half',
          },
          { key: 'motherEthnicity', kind: 'text', label: 'Dân tộc', required: true, maxLength: 50, width: 'half' },
          { key: 'motherNationality', kind: 'text', label: 'Quốc tịch', required: true, maxLength: 50, width: 'half' },
          {
            key: 'motherIdNumber',
            kind: 'cccd',
            label: 'Số định danh cá nhân',
            required: false,
            dateOfBirthField: 'motherDateOfBirth',
            width: 'half',
          },
          { key: 'motherResidence', kind: 'address', label: 'Nơi cư trú', required: true, foreignAllowed: true },
        ],
      },
      {
        key: 'cha',
        title: 'Thông tin về người cha',
        fields: [
          {
            key: 'fatherFullName',
            kind: 'text',
            label: 'Họ, chữ đệm, tên',
            help: 'Bỏ trống phần này nếu chưa xác định được cha.',
            required: false,
            maxLength: 100,
          },
          {
            key: 'fatherDateOfBirth',
            kind: 'date',
            label: 'Ngày, tháng, năm sinh',
            required: false,
            notInFuture: true,
            width: 'half',
          },
          { key: 'fatherEthnicity', kind: 'text', label: 'Dân tộc', required: false, maxLength: 50, width: 'half' },
          { key: 'fatherNationality', kind: 'text', label: 'Quốc tịch', required: false, maxLength: 50, width: 'half' },
          {
            key: 'fatherIdNumber',
            kind: 'cccd',
            label: 'Số định danh cá nhân',
            required: false,
            dateOfBirthField: 'fatherDateOfBirth',
            width: 'half',
          },
          { key: 'fatherResidence', kind: 'address', label: 'Nơi cư trú', required: false, foreignAllowed: true },
        ],
      },
      {
        key: 'ban-sao',
        title: 'Đề nghị cấp bản sao',
        fields: copyRequestFields('Giấy khai sinh'),
      },
    ],
  },
};
