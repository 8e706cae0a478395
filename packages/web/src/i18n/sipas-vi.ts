/**
 * Texts of the SIPAS satisfaction surveys (`sipas.*`): the citizen's answer page and the console's
 * campaigns. They load with those pages (see ./sipas.ts). `sipasEn` must have every key.
 */
export const sipasVi = {
  answer: {
    title: 'Khảo sát sự hài lòng',
    intro:
      'Ông/bà được chọn ngẫu nhiên để đánh giá sự phục vụ của {{agency}}. Ý kiến được giữ kín: cán bộ không biết ai đã trả lời, và không gắn với hồ sơ của ông/bà.',
    required: 'Câu có dấu * là bắt buộc. Nếu câu hỏi không áp dụng với ông/bà, chọn "Không trả lời / Không áp dụng".',
    submit: 'Gửi ý kiến',
    thanks_title: 'Cảm ơn ông/bà đã tham gia khảo sát',
    thanks: 'Ý kiến của ông/bà đã được ghi nhận và sẽ được tổng hợp vào Chỉ số hài lòng (SIPAS).',
    answered_title: 'Phiếu khảo sát này đã được trả lời',
    answered: 'Mỗi phiếu mời chỉ được trả lời một lần. Cảm ơn ông/bà đã tham gia khảo sát.',
    closed_title: 'Đợt khảo sát không còn nhận ý kiến',
    closed: 'Đợt khảo sát chưa mở hoặc đã kết thúc.',
    factor: 'Phần {{n}}. {{name}}',
    other: 'Thông tin thêm',
  },
  console: {
    title: 'Khảo sát hài lòng (SIPAS)',
    intro:
      'Đo lường sự hài lòng của người dân, tổ chức theo phương pháp của Bộ Nội vụ (QĐ 1001/QĐ-BNV): chọn mẫu ngẫu nhiên từ hồ sơ đã trả kết quả, gửi phiếu mời, tổng hợp chỉ số.',
    campaigns: 'Các đợt khảo sát',
    none: 'Chưa có đợt khảo sát nào.',
    create: 'Tạo đợt khảo sát',
    create_title: 'Tên đợt khảo sát',
    year: 'Năm',
    period_from: 'Từ ngày',
    period_to: 'Đến ngày',
    margin: 'Sai số cho phép e (%)',
    status: 'Trạng thái',
    demo: 'Dữ liệu mẫu',
    population: 'Số hồ sơ trả kết quả (N)',
    sample: 'Cỡ mẫu (n)',
    seed: 'Hạt giống chọn mẫu',
    responses: 'Phiếu thu về',
    response_rate: 'Tỷ lệ phản hồi',
    index: 'Chỉ số hài lòng',
    margin_of_error: 'Sai số (±, 95%)',
    agency: 'Cơ quan, đơn vị',
    level: 'Cấp',
    online: 'Trực tuyến',
    paper: 'Phiếu giấy',
    phone: 'Điện thoại',
    satisfied_of: '{{numerator}}/{{base}} ý kiến hài lòng',
    no_data: 'Chưa có dữ liệu',
    province: 'Toàn tỉnh',
    factors: 'Chỉ số theo yếu tố',
    chart_progress: 'Phiếu thu về so với cỡ mẫu, theo đơn vị',
    chart_top: '{{shown}} đơn vị có cỡ mẫu lớn nhất trong {{total}} đơn vị; bảng dưới đây có đủ các đơn vị.',
    chart_factors: 'Chỉ số hài lòng theo yếu tố (%)',
    export_excel: 'Xuất Excel',
    export_pdf: 'Báo cáo chỉ số (PDF)',
    frozen: 'Kết quả đã công bố, không thay đổi.',
    action_draw_sample: 'Chọn mẫu',
    action_open: 'Mở khảo sát, gửi phiếu mời',
    action_remind: 'Gửi nhắc',
    action_close: 'Kết thúc khảo sát',
    action_publish: 'Công bố kết quả',
    done: 'Đã cập nhật đợt khảo sát.',
    rule: 'Cách tính',
    back: 'Danh sách đợt khảo sát',
  },
} as const;

export type SipasMessages = {
  answer: { [Key in keyof typeof sipasVi.answer]: string };
  console: { [Key in keyof typeof sipasVi.console]: string };
};
