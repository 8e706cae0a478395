import type { DemoApplicationForm } from './demo-form.js';

/**
 * Đơn đề nghị cấp giấy phép xây dựng for a detached house (nhà ở riêng lẻ) — procedure 1.013225,
 * Law on Construction 2014 Art. 95 as amended, Decree 175/2024/NĐ-CP. The catalogue lists the form
 * once per kind of works, "theo Mẫu số 1 Phụ lục số II Nghị định số 175/2024/NĐ-CP"; the form
 * replaces the one listed for "(1.7) Đối với công trình nhà ở riêng lẻ". The form's part for other
 * works (a project, works along a route) is not asked here: the demo offers it for houses only.
 */
export const HOUSE_BUILDING_PERMIT_FORM: DemoApplicationForm = {
  procedureCode: '1.013225',
  replaces: { name: 'Đơn đề nghị cấp giấy phép', section: '(1.7) Đối với công trình nhà ở riêng lẻ' },
  interactiveForm: null,
  definition: {
    key: 'don-de-nghi-cap-giay-phep-xay-dung-nha-o-rieng-le',
    title: 'Đơn đề nghị cấp giấy phép xây dựng (nhà ở riêng lẻ)',
    legalSource: 'Mẫu số 1 Phụ lục II ban hành kèm theo Nghị định số 175/2024/NĐ-CP ngày 30/12/2024 của Chính phủ',
    declaration:
      'Tôi xin cam kết làm theo đúng giấy phép được cấp, nếu sai tôi xin hoàn toàn chịu trách nhiệm và bị xử lý ' +
      'theo quy định của pháp luật.',
    sections: [
      {
        key: 'chu-dau-tu',
        title: 'Thông tin về chủ đầu tư',
        fields: [
          {
            key: 'ownerName',
            kind: 'text',
            label: 'Tên chủ đầu tư (chủ hộ)',
            required: true,
            maxLength: 200,
          },
          { key: 'ownerIdNumber', kind: 'cccd', label: 'Số định danh cá nhân', required: true, width: 'half' },
          { key: 'ownerPhone', kind: 'phone', label: 'Số điện thoại', required: true, width: 'half' },
          { key: 'ownerAddress', kind: 'address', label: 'Địa chỉ liên hệ', required: true },
        ],
      },
      {
        key: 'dia-diem',
        title: 'Thông tin về địa điểm xây dựng',
        fields: [
          { key: 'plotNumber', kind: 'text', label: 'Thửa đất số', required: true, maxLength: 20, width: 'third' },
          { key: 'mapSheet', kind: 'text', label: 'Tờ bản đồ số', required: true, maxLength: 20, width: 'third' },
          {
            key: 'plotArea',
            kind: 'number',
            label: 'Diện tích thửa đất',
            required: true,
            min: 1,
            max: 1_000_000,
            unit: 'm²',
            width: 'third',
          },
          { key: 'siteAddress', kind: 'address', label: 'Địa điểm xây dựng', required: true },
        ],
      },
      {
        key: 'thiet-ke',
        title: 'Tổ chức, cá nhân lập thiết kế xây dựng',
        fields: [
          {
            key: 'designerName',
            kind: 'text',
            label: 'Tên tổ chức, cá nhân thiết kế',
            help: 'Hộ gia đình tự thiết kế nhà ở riêng lẻ trong trường hợp pháp luật cho phép thì ghi "Hộ gia đình tự thiết kế".',
            required: true,
            maxLength: 300,
          },
          {
            key: 'designerCertificate',
            kind: 'text',
            label: 'Mã số chứng chỉ năng lực, chứng chỉ hành nghề',
            required: false,
            maxLength: 100,
          },
        ],
      },
      {
        key: 'noi-dung-cap-phep',
        title: 'Nội dung đề nghị cấp phép',
        fields: [
          {
            key: 'worksGrade',
            kind: 'choice',
            label: 'Cấp công trình',
            required: true,
            display: 'radio',
            options: [
              { value: 'cap-iii', label: 'Cấp III' },
              { value: 'cap-iv', label: 'Cấp IV' },
            ],
            width: 'half',
          },
          {
            key: 'groundFloorArea',
            kind: 'number',
            label: 'Diện tích xây dựng tầng 1 (tầng trệt)',
            required: true,
            min: 1,
            max: 100_000,
            unit: 'm²',
            width: 'half',
          },
          {
            key: 'totalFloorArea',
            kind: 'number',
            label: 'Tổng diện tích sàn',
            required: true,
            min: 1,
            max: 1_000_000,
            unit: 'm²',
            width: 'half',
          },
          {
            key: 'floorAreaDetail',
            kind: 'textarea',
            label: 'Diện tích sàn các tầng',
            help: 'Ghi rõ diện tích sàn tầng hầm, các tầng trên mặt đất, tầng kỹ thuật, tầng lửng, tum.',
            required: false,
            maxLength: 1000,
          },
          {
            key: 'height',
            kind: 'text',
            label: 'Chiều cao công trình',
            help: 'Ví dụ: 11,7 m (tầng 1 cao 3,6 m; tầng 2 và 3 cao 3,3 m; tum 1,5 m).',
            required: true,
            maxLength: 300,
          },
          {
            key: 'aboveGroundFloors',
            kind: 'number',
            label: 'Số tầng trên mặt đất',
            required: true,
            min: 1,
            max: 100,
            unit: 'tầng',
            width: 'third',
          },
          {
            key: 'basementFloors',
            kind: 'number',
            label: 'Số tầng hầm',
            required: false,
            min: 0,
            max: 10,
            unit: 'tầng',
            width: 'third',
          },
          {
            key: 'otherFloors',
            kind: 'text',
            label: 'Tầng kỹ thuật, tầng lửng, tum (nếu có)',
            required: false,
            maxLength: 200,
          },
          {
            key: 'expectedMonths',
            kind: 'number',
            label: 'Dự kiến thời gian hoàn thành công trình',
            required: true,
            min: 1,
            max: 120,
            unit: 'tháng',
            width: 'third',
          },
        ],
      },
    ],
  },
};
