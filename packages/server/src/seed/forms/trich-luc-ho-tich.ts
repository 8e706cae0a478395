import {
  CIVIL_STATUS_DECLARATION,
  CIVIL_STATUS_FORMS_SOURCE,
  civilStatusApplicantFields,
  type DemoApplicationForm,
  SEX_OPTIONS,
} from './demo-form.js';

/**
 * Tờ khai cấp bản sao Trích lục hộ tịch (procedure 2.000635, Law on Civil Status 2014 Art. 63):
 * which entry (khai sinh, kết hôn, khai tử…), whose, where and when it was registered, and how many
 * copies. A person asks for their own entry or a relative's; an agency asks by letter instead (that
 * case stays a paper component).
 */
export const CIVIL_STATUS_EXTRACT_COPY_FORM: DemoApplicationForm = {
  procedureCode: '2.000635',
  replaces: { name: 'Tờ khai đề nghị bản sao Trích lục hộ tịch' },
  interactiveForm: 'Mẫu điện tử tương tác yêu cầu cấp bản sao Giấy khai sinh, bản sao Trích lục hộ tịch',
  definition: {
    key: 'to-khai-cap-ban-sao-trich-luc-ho-tich',
    title: 'Tờ khai cấp bản sao Trích lục hộ tịch',
    legalSource: `Mẫu Tờ khai cấp bản sao trích lục hộ tịch ${CIVIL_STATUS_FORMS_SOURCE}`,
    declaration: CIVIL_STATUS_DECLARATION,
    sections: [
      {
        key: 'nguoi-yeu-cau',
        title: 'Người yêu cầu',
        fields: civilStatusApplicantFields('Quan hệ với người được cấp bản sao Trích lục hộ tịch'),
      },
      {
        key: 'viec-ho-tich',
        title: 'Việc hộ tịch đề nghị cấp bản sao',
        fields: [
          {
            key: 'eventType',
            kind: 'choice',
            label: 'Loại việc hộ tịch',
            required: true,
            display: 'select',
            options: [
              { value: 'khai-sinh', label: 'Khai sinh (bản sao Giấy khai sinh)' },
              { value: 'ket-hon', label: 'Kết hôn' },
              { value: 'khai-tu', label: 'Khai tử' },
              { value: 'nhan-cha-me-con', label: 'Nhận cha, mẹ, con' },
              { value: 'giam-ho', label: 'Giám hộ' },
              { value: 'thay-doi-cai-chinh', label: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch' },
              { value: 'khac', label: 'Việc hộ tịch khác' },
            ],
          },
          {
            key: 'eventTypeOther',
            kind: 'text',
            label: 'Ghi rõ việc hộ tịch',
            required: true,
            maxLength: 200,
            visibleWhen: { field: 'eventType', equals: 'khac' },
          },
          { key: 'subjectFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true, maxLength: 100 },
          {
            key: 'subjectDateOfBirth',
            kind: 'date',
            label: 'Ngày, tháng, năm sinh',
            required: true,
            notInFuture: true,
            width: 'half',
          },
          {
            key: 'subjectSex',
            kind: 'choice',
            label: 'Giới tính',
            required: true,
            display: 'radio',
            options: SEX_OPTIONS,
            width: 'half',
          },
          { key: 'subjectEthnicity', kind: 'text', label: 'Dân tộc', required: false, maxLength: 50, width: 'half' },
          {
            key: 'subjectNationality',
            kind: 'text',
            label: 'Quốc tịch',
            required: false,
            maxLength: 50,
            width: 'half',
          },
          {
            key: 'subjectIdNumber',
            kind: 'cccd',
            label: 'Số định danh cá nhân',
            required: false,
            dateOfBirthField: 'subjectDateOfBirth',
            sexField: 'subjectSex',
            width: 'half',
          },
          { key: 'subjectResidence', kind: 'address', label: 'Nơi cư trú', required: false },
          {
            key: 'registeredAt',
            kind: 'text',
            label: 'Đã đăng ký tại',
            help: 'Tên cơ quan đã đăng ký, theo tên gọi tại thời điểm đăng ký (ví dụ: Ủy ban nhân dân phường Hiến Nam).',
            required: true,
            maxLength: 300,
          },
          {
            key: 'registeredOn',
            kind: 'date',
            label: 'Ngày đăng ký',
            required: false,
            notInFuture: true,
            width: 'half',
          },
          {
            key: 'registrationNumber',
            kind: 'text',
            label: 'Số đăng ký, quyển số',
            help: 'Ghi theo giấy tờ hộ tịch đã cấp, nếu biết.',
            required: false,
            maxLength: 100,
            width: 'half',
          },
          {
            key: 'copyCount',
            kind: 'number',
            label: 'Số lượng bản sao đề nghị cấp',
            required: true,
            min: 1,
            max: 20,
            unit: 'bản',
            width: 'third',
          },
          { key: 'purpose', kind: 'text', label: 'Mục đích sử dụng', required: false, maxLength: 300 },
        ],
      },
    ],
  },
};
