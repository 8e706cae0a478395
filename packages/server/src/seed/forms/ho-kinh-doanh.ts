import { type DemoApplicationForm, SEX_OPTIONS } from './demo-form.js';

/**
 * Giấy đề nghị đăng ký hộ kinh doanh (procedure 1.001612, Decree 168/2025/NĐ-CP on business
 * registration, in force since 1 July 2025; registered by the commune): the business's name, seat,
 * lines of business (mã ngành cấp 4 of the Vietnam Standard Industrial Classification, Hệ thống
 * ngành kinh tế Việt Nam), capital, workers, the owner, and the household members who found it together.
 *
 * The form is Mẫu số 01 of Phụ lục II to Circular 68/2025/TT-BTC (the catalogue lists the circular
 * among the legal bases; the annex and form number come from secondary sources and were not checked
 * against the circular's text here).
 */
export const HOUSEHOLD_BUSINESS_FORM: DemoApplicationForm = {
  procedureCode: '1.001612',
  replaces: { name: 'Giấy đề nghị đăng ký hộ kinh doanh' },
  interactiveForm: null,
  definition: {
    key: 'giay-de-nghi-dang-ky-ho-kinh-doanh',
    title: 'Giấy đề nghị đăng ký hộ kinh doanh',
    legalSource:
      'Mẫu số 01 Phụ lục II ban hành kèm theo Thông tư số 68/2025/TT-BTC (Giấy đề nghị đăng ký hộ kinh doanh)',
    declaration:
      'Tôi và các thành viên hộ gia đình (nếu có) cam kết: bản thân không thuộc diện bị cấm thành lập hộ kinh ' +
      'doanh; trụ sở hộ kinh doanh thuộc quyền sở hữu, quyền sử dụng hợp pháp; chịu trách nhiệm trước pháp luật ' +
      'về tính hợp pháp, chính xác và trung thực của nội dung đăng ký.',
    sections: [
      {
        key: 'ho-kinh-doanh',
        title: 'Thông tin hộ kinh doanh',
        fields: [
          {
            key: 'businessName',
            kind: 'text',
            label: 'Tên hộ kinh doanh',
            help: 'Gồm cụm từ "Hộ kinh doanh" và tên riêng, viết bằng chữ tiếng Việt, ví dụ: Hộ kinh doanh Bánh cuốn Hà Thu.',
            required: true,
            maxLength: 200,
          },
          { key: 'businessAddress', kind: 'address', label: 'Địa chỉ trụ sở hộ kinh doanh', required: true },
          { key: 'businessPhone', kind: 'phone', label: 'Điện thoại', required: false, width: 'half' },
          { key: 'businessEmail', kind: 'email', label: 'Thư điện tử', required: false, width: 'half' },
          {
            key: 'businessLines',
            kind: 'group',
            label: 'Ngành, nghề kinh doanh',
            itemLabel: 'Ngành',
            required: true,
            minItems: 1,
            maxItems: 30,
            fields: [
              { key: 'lineName', kind: 'text', label: 'Tên ngành', required: true, maxLength: 300 },
              {
                key: 'lineCode',
                kind: 'text',
                label: 'Mã ngành (cấp 4)',
                help: 'Bốn chữ số theo Hệ thống ngành kinh tế Việt Nam, ví dụ 5610.',
                required: true,
                maxLength: 4,
                width: 'third',
              },
              { key: 'lineIsMain', kind: 'checkbox', label: 'Ngành, nghề kinh doanh chính', required: false },
            ],
          },
          {
            key: 'capital',
            kind: 'money',
            label: 'Vốn kinh doanh (đồng)',
            required: true,
            width: 'half',
          },
          {
            key: 'workerCount',
            kind: 'number',
            label: 'Số lượng lao động (dự kiến)',
            required: false,
            min: 0,
            max: 10_000,
            unit: 'người',
            width: 'half',
          },
          {
            key: 'startDate',
            kind: 'date',
            label: 'Ngày bắt đầu hoạt động (dự kiến)',
            required: false,
            width: 'half',
          },
        ],
      },
      {
        key: 'chu-ho',
        title: 'Thông tin về chủ hộ kinh doanh',
        fields: [
          {
            key: 'ownerFullName',
            kind: 'text',
            label: 'Họ, chữ đệm, tên',
            help: 'Viết chữ in hoa.',
            required: true,
            maxLength: 100,
          },
          {
            key: 'ownerDateOfBirth',
            kind: 'date',
            label: 'Ngày, tháng, năm sinh',
            required: true,
            notInFuture: true,
            width: 'half',
          },
          {
            key: 'ownerSex',
            kind: 'choice',
            label: 'Giới tính',
            required: true,
            display: 'radio',
            options: SEX_OPTIONS,
            width: 'half',
          },
          { key: 'ownerEthnicity', kind: 'text', label: 'Dân tộc', required: true, maxLength: 50, width: 'half' },
          { key: 'ownerNationality', kind: 'text', label: 'Quốc tịch', required: true, maxLength: 50, width: 'half' },
          {
            key: 'ownerIdNumber',
            kind: 'cccd',
            label: 'Số định danh cá nhân',
            required: true,
            dateOfBirthField: 'ownerDateOfBirth',
            sexField: 'ownerSex',
            width: 'half',
          },
          { key: 'ownerResidence', kind: 'address', label: 'Nơi cư trú', required: true },
          { key: 'ownerPhone', kind: 'phone', label: 'Điện thoại', required: true, width: 'half' },
          { key: 'ownerEmail', kind: 'email', label: 'Thư điện tử', required: false, width: 'half' },
        ],
      },
      {
        key: 'thanh-vien',
        title: 'Thành viên hộ gia đình cùng đăng ký hộ kinh doanh',
        fields: [
          {
            key: 'foundedBy',
            kind: 'choice',
            label: 'Hộ kinh doanh do',
            required: true,
            display: 'radio',
            options: [
              { value: 'ca-nhan', label: 'Một cá nhân thành lập' },
              { value: 'ho-gia-dinh', label: 'Các thành viên hộ gia đình cùng thành lập' },
            ],
          },
          {
            key: 'members',
            kind: 'group',
            label: 'Danh sách thành viên hộ gia đình (ngoài chủ hộ)',
            itemLabel: 'Thành viên',
            required: true,
            minItems: 1,
            maxItems: 30,
            visibleWhen: { field: 'foundedBy', equals: 'ho-gia-dinh' },
            fields: [
              { key: 'memberFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true, maxLength: 100 },
              {
                key: 'memberDateOfBirth',
                kind: 'date',
                label: 'Ngày, tháng, năm sinh',
                required: true,
                notInFuture: true,
                width: 'half',
              },
              {
                key: 'memberSex',
                kind: 'choice',
                label: 'Giới tính',
                required: true,
                display: 'radio',
                options: SEX_OPTIONS,
                width: 'half',
              },
              {
                key: 'memberNationality',
                kind: 'text',
                label: 'Quốc tịch',
                required: true,
                maxLength: 50,
                width: 'half',
              },
              { key: 'memberEthnicity', kind: 'text', label: 'Dân tộc', required: true, maxLength: 50, width: 'half' },
              {
                key: 'memberIdNumber',
                kind: 'cccd',
                label: 'Số định danh cá nhân',
                required: true,
                dateOfBirthField: 'memberDateOfBirth',
                sexField: 'memberSex',
                width: 'half',
              },
              { key: 'memberResidence', kind: 'address', label: 'Nơi cư trú', required: true },
              { key: 'memberCapital', kind: 'money', label: 'Giá trị vốn góp (đồng)', required: true, width: 'half' },
              {
                key: 'memberCapitalShare',
                kind: 'number',
                label: 'Tỷ lệ vốn góp',
                required: true,
                min: 0,
                max: 100,
                unit: '%',
                width: 'third',
              },
            ],
          },
        ],
      },
    ],
  },
};
