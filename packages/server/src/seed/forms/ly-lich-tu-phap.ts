import { type DemoApplicationForm, SEX_OPTIONS } from './demo-form.js';

/**
 * Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (procedure 3.000333, Law on Judicial Records
 * 28/2009/QH12 Art. 45–46). Since the 2025 reorganisation the provincial police (Công an tỉnh)
 * issue the Phiếu (the national catalogue, Decision 1025/QĐ-BCA), and the form is Mẫu số
 * 01/2025/LLTP — the number the catalogue gives; it replaced Mẫu số 03/2013/TT-LLTP. The circular
 * of the Ministry of Public Security that issued it is not named in the catalogue and is not cited.
 * Phiếu số 1 may show a ban on holding posts or founding and managing businesses and cooperatives
 * only when asked (Art. 42); the residence history covers the years since the age of 14.
 */
export const JUDICIAL_RECORD_FORM: DemoApplicationForm = {
  procedureCode: '3.000333',
  replaces: { name: 'Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp (Dùng cho cá nhân có yêu cầu' },
  interactiveForm: 'Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp điện tử tương tác (Dùng cho cá nhân có yêu cầu',
  definition: {
    key: 'to-khai-yeu-cau-cap-phieu-ly-lich-tu-phap',
    title: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
    legalSource:
      'Mẫu số 01/2025/LLTP — Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (dùng cho cá nhân có yêu cầu cấp Phiếu ' +
      'lý lịch tư pháp), theo thủ tục 3.000333 công bố tại Quyết định số 1025/QĐ-BCA',
    declaration: 'Tôi xin cam đoan những lời khai trên là đúng sự thật và chịu trách nhiệm về lời khai của mình.',
    sections: [
      {
        key: 'nguoi-yeu-cau',
        title: 'Thông tin người yêu cầu cấp Phiếu',
        fields: [
          {
            key: 'fullName',
            kind: 'text',
            label: 'Họ và tên',
            help: 'Viết chữ in hoa, có dấu, đúng như trên thẻ Căn cước.',
            required: true,
            maxLength: 100,
          },
          { key: 'otherName', kind: 'text', label: 'Tên gọi khác (nếu có)', required: false, maxLength: 100 },
          {
            key: 'sex',
            kind: 'choice',
            label: 'Giới tính',
            required: true,
            display: 'radio',
            options: SEX_OPTIONS,
            width: 'half',
          },
          {
            key: 'dateOfBirth',
            kind: 'date',
            label: 'Ngày, tháng, năm sinh',
            required: true,
            notInFuture: true,
            width: 'half',
          },
          { key: 'birthPlace', kind: 'address', label: 'Nơi sinh', required: true, foreignAllowed: true },
          { key: 'nationality', kind: 'text', label: 'Quốc tịch', required: true, maxLength: 50, width: 'half' },
          { key: 'ethnicity', kind: 'text', label: 'Dân tộc', required: true, maxLength: 50, width: 'half' },
          { key: 'permanentResidence', kind: 'address', label: 'Nơi thường trú', required: true },
          { key: 'temporaryResidence', kind: 'address', label: 'Nơi tạm trú', required: false },
          {
            key: 'idNumber',
            kind: 'cccd',
            label: 'Số định danh cá nhân',
            required: true,
            dateOfBirthField: 'dateOfBirth',
            sexField: 'sex',
            width: 'half',
          },
          { key: 'fatherFullName', kind: 'text', label: 'Họ và tên cha', required: false, maxLength: 100 },
          { key: 'motherFullName', kind: 'text', label: 'Họ và tên mẹ', required: false, maxLength: 100 },
          { key: 'spouseFullName', kind: 'text', label: 'Họ và tên vợ/chồng', required: false, maxLength: 100 },
          { key: 'phone', kind: 'phone', label: 'Số điện thoại', required: true, width: 'half' },
          { key: 'email', kind: 'email', label: 'Thư điện tử', required: false, width: 'half' },
        ],
      },
      {
        key: 'qua-trinh-cu-tru',
        title: 'Quá trình cư trú (từ đủ 14 tuổi)',
        fields: [
          {
            key: 'residenceHistory',
            kind: 'group',
            label: 'Quá trình cư trú',
            itemLabel: 'Giai đoạn',
            required: true,
            minItems: 1,
            maxItems: 40,
            fields: [
              {
                key: 'periodFrom',
                kind: 'text',
                label: 'Từ tháng, năm',
                help: 'Ví dụ: 09/2010.',
                required: true,
                maxLength: 7,
                width: 'third',
              },
              {
                key: 'periodTo',
                kind: 'text',
                label: 'Đến tháng, năm',
                help: 'Ví dụ: 06/2014, hoặc "nay".',
                required: true,
                maxLength: 7,
                width: 'third',
              },
              { key: 'residencePlace', kind: 'text', label: 'Nơi thường trú, tạm trú', required: true, maxLength: 300 },
              { key: 'occupation', kind: 'text', label: 'Nghề nghiệp, nơi làm việc', required: false, maxLength: 300 },
            ],
          },
        ],
      },
      {
        key: 'yeu-cau',
        title: 'Nội dung yêu cầu',
        fields: [
          {
            key: 'recordType',
            kind: 'choice',
            label: 'Yêu cầu cấp',
            required: true,
            display: 'radio',
            options: [
              { value: 'phieu-so-1', label: 'Phiếu lý lịch tư pháp số 1' },
              { value: 'phieu-so-2', label: 'Phiếu lý lịch tư pháp số 2' },
            ],
          },
          {
            key: 'banConfirmation',
            kind: 'checkbox',
            label:
              'Yêu cầu xác nhận về việc có bị cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã hay không',
            required: false,
            visibleWhen: { field: 'recordType', equals: 'phieu-so-1' },
          },
          {
            key: 'copyCount',
            kind: 'number',
            label: 'Số lượng Phiếu yêu cầu cấp',
            required: true,
            min: 1,
            max: 10,
            unit: 'phiếu',
            width: 'third',
          },
          { key: 'purpose', kind: 'text', label: 'Mục đích sử dụng Phiếu', required: true, maxLength: 300 },
        ],
      },
    ],
  },
};
