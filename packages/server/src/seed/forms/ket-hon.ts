import type { ScalarField } from '@motcua/domain';
import { CIVIL_STATUS_FORMS_SOURCE, copyRequestFields, type DemoApplicationForm } from './demo-form.js';

/** One party of the marriage, as the form asks for each (bên nữ, bên nam), keys prefixed. */
const partyFields = (prefix: 'bride' | 'groom'): ScalarField[] => [
  { key: `${prefix}FullName`, kind: 'text', label: 'Họ, chữ đệm, tên', required: true, maxLength: 100 },
  {
    key: `${prefix}DateOfBirth`,
    kind: 'date',
    label: 'Ngày, tháng, năm sinh',
    required: true,
    notInFuture: true,
    width: 'half',
  },
  { key: `${prefix}Ethnicity`, kind: 'text', label: 'Dân tộc', required: true, maxLength: 50, width: 'half' },
  { key: `${prefix}Nationality`, kind: 'text', label: 'Quốc tịch', required: true, maxLength: 50, width: 'half' },
  { key: `${prefix}Residence`, kind: 'address', label: 'Nơi cư trú', required: true },
  {
    key: `${prefix}IdNumber`,
    kind: 'cccd',
    label: 'Số định danh cá nhân',
    required: true,
    dateOfBirthField: `${prefix}DateOfBirth`,
    width: 'half',
  },
  {
    key: `${prefix}MarriageOrdinal`,
    kind: 'number',
    label: 'Kết hôn lần thứ mấy',
    required: true,
    min: 1,
    max: 20,
    width: 'third',
  },
];

/**
 * Tờ khai đăng ký kết hôn (procedure 1.000894, Law on Civil Status 2014 Art. 18): both parties on
 * one form (the catalogue: "hai bên nam, nữ có thể khai chung vào một Tờ khai"). Marriage age and
 * the other conditions of the Law on Marriage and Family 2014 Art. 8 are checked by the official.
 */
export const MARRIAGE_REGISTRATION_FORM: DemoApplicationForm = {
  procedureCode: '1.000894',
  replaces: { name: 'Tờ khai đăng ký kết hôn' },
  interactiveForm: 'Mẫu hộ tịch điện tử tương tác đăng ký kết hôn',
  definition: {
    key: 'to-khai-dang-ky-ket-hon',
    title: 'Tờ khai đăng ký kết hôn',
    legalSource: `Mẫu Tờ khai đăng ký kết hôn ${CIVIL_STATUS_FORMS_SOURCE}`,
    declaration:
      'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, ' +
      'không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam, và chịu trách nhiệm trước pháp luật về ' +
      'lời cam đoan của mình.',
    sections: [
      { key: 'ben-nu', title: 'Thông tin bên nữ', fields: partyFields('bride') },
      { key: 'ben-nam', title: 'Thông tin bên nam', fields: partyFields('groom') },
      { key: 'ban-sao', title: 'Đề nghị cấp bản sao', fields: copyRequestFields('Trích lục kết hôn') },
    ],
  },
};
