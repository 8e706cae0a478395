import type { DemoApplicationForm } from './demo-form.js';

/**
 * Đơn đề nghị thanh toán chi phí khám bệnh, chữa bệnh (procedure 1.012537, Law on the forces
 * protecting security and order at the grassroots 30/2023/QH15 Art. 24 and Decree 40/2024/NĐ-CP):
 * a member of the grassroots security force without health insurance (BHYT) who falls ill or is
 * injured on duty is paid the medical costs by the commune.
 *
 * The social-assistance procedures of Decree 20/2021/NĐ-CP (trợ cấp xã hội hằng tháng, Mẫu 1a…)
 * belong to the Ministry of Health and are not in the national catalogue file this demo imports (it
 * holds the procedures of seven agencies); this is the commune's health-cost support procedure that
 * the file has. The catalogue names the form "Mẫu số 01 ban hành kèm theo Nghị định số 40/2024/NĐ-CP";
 * its printed layout was not available here, so the fields are those the decree's support needs
 * (who, which event, where treated, the costs, how to be paid) and their order may differ from it.
 */
export const HEALTH_COST_SUPPORT_FORM: DemoApplicationForm = {
  procedureCode: '1.012537',
  replaces: { name: 'Đơn đề nghị thanh toán chi phí khám bệnh, chữa bệnh' },
  interactiveForm: null,
  definition: {
    key: 'don-de-nghi-thanh-toan-chi-phi-kham-chua-benh',
    title: 'Đơn đề nghị thanh toán chi phí khám bệnh, chữa bệnh',
    legalSource: 'Mẫu số 01 ban hành kèm theo Nghị định số 40/2024/NĐ-CP',
    declaration: 'Tôi cam đoan những nội dung trên là đúng sự thật và chịu trách nhiệm trước pháp luật.',
    sections: [
      {
        key: 'nguoi-de-nghi',
        title: 'Người đề nghị',
        fields: [
          { key: 'applicantFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true, maxLength: 100 },
          { key: 'applicantIdNumber', kind: 'cccd', label: 'Số định danh cá nhân', required: true, width: 'half' },
          { key: 'applicantPhone', kind: 'phone', label: 'Số điện thoại', required: true, width: 'half' },
          { key: 'applicantResidence', kind: 'address', label: 'Nơi cư trú', required: true },
          {
            key: 'applicantRole',
            kind: 'choice',
            label: 'Người đề nghị là',
            required: true,
            display: 'radio',
            options: [
              { value: 'ban-than', label: 'Người được hỗ trợ' },
              { value: 'dai-dien', label: 'Người đại diện hợp pháp của người được hỗ trợ' },
            ],
          },
        ],
      },
      {
        key: 'nguoi-duoc-ho-tro',
        title: 'Người được hỗ trợ',
        fields: [
          {
            key: 'memberFullName',
            kind: 'text',
            label: 'Họ, chữ đệm, tên',
            required: true,
            maxLength: 100,
            visibleWhen: { field: 'applicantRole', equals: 'dai-dien' },
          },
          {
            key: 'memberIdNumber',
            kind: 'cccd',
            label: 'Số định danh cá nhân',
            required: true,
            width: 'half',
            visibleWhen: { field: 'applicantRole', equals: 'dai-dien' },
          },
          {
            key: 'memberPosition',
            kind: 'choice',
            label: 'Chức danh trong Tổ bảo vệ an ninh, trật tự',
            required: true,
            display: 'radio',
            options: [
              { value: 'to-truong', label: 'Tổ trưởng' },
              { value: 'to-pho', label: 'Tổ phó' },
              { value: 'to-vien', label: 'Tổ viên' },
            ],
          },
          {
            key: 'memberUnit',
            kind: 'text',
            label: 'Tổ bảo vệ an ninh, trật tự',
            help: 'Tên tổ, thôn hoặc tổ dân phố.',
            required: true,
            maxLength: 200,
          },
          {
            key: 'eventKind',
            kind: 'choice',
            label: 'Trường hợp',
            required: true,
            display: 'radio',
            options: [
              { value: 'om-dau', label: 'Bị ốm đau' },
              { value: 'tai-nan', label: 'Bị tai nạn' },
              { value: 'bi-thuong', label: 'Bị thương' },
            ],
          },
          {
            key: 'eventDate',
            kind: 'date',
            label: 'Ngày xảy ra',
            required: true,
            notInFuture: true,
            width: 'half',
          },
          {
            key: 'eventCircumstances',
            kind: 'textarea',
            label: 'Hoàn cảnh xảy ra khi đang thực hiện nhiệm vụ',
            required: true,
            maxLength: 2000,
          },
        ],
      },
      {
        key: 'chi-phi',
        title: 'Khám bệnh, chữa bệnh và chi phí đề nghị thanh toán',
        fields: [
          { key: 'facility', kind: 'text', label: 'Cơ sở khám bệnh, chữa bệnh', required: true, maxLength: 300 },
          {
            key: 'treatmentFrom',
            kind: 'date',
            label: 'Điều trị từ ngày',
            required: true,
            notInFuture: true,
            width: 'half',
          },
          {
            key: 'treatmentTo',
            kind: 'date',
            label: 'Đến ngày',
            required: false,
            notInFuture: true,
            width: 'half',
          },
          {
            key: 'totalCost',
            kind: 'money',
            label: 'Tổng chi phí khám bệnh, chữa bệnh theo hóa đơn (đồng)',
            required: true,
            width: 'half',
          },
          {
            key: 'requestedAmount',
            kind: 'money',
            label: 'Số tiền đề nghị thanh toán (đồng)',
            required: true,
            width: 'half',
          },
          {
            key: 'paymentMethod',
            kind: 'choice',
            label: 'Hình thức nhận tiền',
            required: true,
            display: 'radio',
            options: [
              { value: 'tien-mat', label: 'Tiền mặt' },
              { value: 'chuyen-khoan', label: 'Chuyển khoản' },
            ],
          },
          {
            key: 'bankAccountNumber',
            kind: 'text',
            label: 'Số tài khoản',
            required: true,
            maxLength: 30,
            width: 'half',
            visibleWhen: { field: 'paymentMethod', equals: 'chuyen-khoan' },
          },
          {
            key: 'bankName',
            kind: 'text',
            label: 'Tại ngân hàng',
            required: true,
            maxLength: 200,
            width: 'half',
            visibleWhen: { field: 'paymentMethod', equals: 'chuyen-khoan' },
          },
        ],
      },
    ],
  },
};
