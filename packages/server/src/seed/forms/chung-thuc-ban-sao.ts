import type { DemoApplicationForm } from './demo-form.js';

/**
 * Chứng thực bản sao từ bản chính (procedure 2.000815, Decree 23/2015/NĐ-CP Art. 18–21, as amended
 * by Decree 280/2025/NĐ-CP). The law publishes no request form for it: the applicant shows the
 * original and the copies (Art. 20(1)), and the only component is that paper. This form replaces
 * nothing; it lists what the certifier records in the register of copy certifications (sổ chứng thực
 * bản sao từ bản chính, Circular 01/2020/TT-BTP) and what the fee is counted on (per page and per
 * copy, Circular 226/2016/TT-BTC), so that the counter takes it down once.
 */
export const COPY_CERTIFICATION_FORM: DemoApplicationForm = {
  procedureCode: '2.000815',
  replaces: null,
  interactiveForm: null,
  definition: {
    key: 'phieu-yeu-cau-chung-thuc-ban-sao',
    title: 'Phiếu yêu cầu chứng thực bản sao từ bản chính',
    legalSource:
      'Nghị định số 23/2015/NĐ-CP, Điều 20 (thủ tục chứng thực bản sao từ bản chính); không có mẫu phiếu yêu ' +
      'cầu ban hành kèm theo văn bản quy phạm pháp luật — nội dung theo sổ chứng thực bản sao từ bản chính ' +
      '(Thông tư số 01/2020/TT-BTP)',
    sections: [
      {
        key: 'nguoi-yeu-cau',
        title: 'Người yêu cầu chứng thực',
        fields: [
          { key: 'applicantFullName', kind: 'text', label: 'Họ, chữ đệm, tên', required: true, maxLength: 100 },
          { key: 'applicantIdNumber', kind: 'cccd', label: 'Số định danh cá nhân', required: true, width: 'half' },
          { key: 'applicantPhone', kind: 'phone', label: 'Số điện thoại', required: false, width: 'half' },
        ],
      },
      {
        key: 'giay-to',
        title: 'Giấy tờ, văn bản đề nghị chứng thực bản sao',
        fields: [
          {
            key: 'documents',
            kind: 'group',
            label: 'Giấy tờ, văn bản',
            itemLabel: 'Giấy tờ',
            required: true,
            minItems: 1,
            maxItems: 30,
            fields: [
              {
                key: 'documentName',
                kind: 'text',
                label: 'Tên giấy tờ, văn bản',
                help: 'Ví dụ: Bằng tốt nghiệp đại học; Giấy chứng nhận quyền sử dụng đất.',
                required: true,
                maxLength: 300,
              },
              {
                key: 'documentIssuer',
                kind: 'text',
                label: 'Cơ quan, tổ chức cấp',
                help: 'Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn.',
                required: false,
                maxLength: 300,
              },
              {
                key: 'pageCount',
                kind: 'number',
                label: 'Số trang của bản chính',
                required: true,
                min: 1,
                max: 1000,
                unit: 'trang',
                width: 'third',
              },
              {
                key: 'copyCount',
                kind: 'number',
                label: 'Số bản sao cần chứng thực',
                required: true,
                min: 1,
                max: 100,
                unit: 'bản',
                width: 'third',
              },
            ],
          },
        ],
      },
    ],
  },
};
