/** Texts of the province's portal appearance page (`provinceSite.*`), Vietnamese. */
export const provinceSiteVi = {
  title: 'Giao diện cổng thông tin',
  intro:
    'Tên, màu sắc, biểu trưng và thông tin liên hệ của cổng dịch vụ công của tỉnh, thành phố. Quản trị cấp tỉnh chỉnh sửa; cán bộ khác chỉ xem.',
  readOnly: 'Chỉ quản trị cấp tỉnh được sửa giao diện cổng thông tin.',
  fieldName: 'Tên tỉnh, thành phố',
  fieldPortalName: 'Tên cổng (đứng trước tên tỉnh)',
  fieldPlaceName: 'Địa danh trên văn bản',
  fieldPrimary: 'Màu chính (đầu trang, nút)',
  fieldAccent: 'Màu nhấn',
  fieldPhone: 'Đường dây nóng',
  fieldAddress: 'Địa chỉ liên hệ',
  colourHelp: 'Mã màu dạng #rrggbb',
  pickColour: 'Chọn màu: {{label}}',
  contrast: 'Độ tương phản chữ trắng trên màu chính: {{ratio}}:1',
  contrastLow:
    'Chữ trắng trên màu chính chỉ đạt {{ratio}}:1, chưa đạt mức tối thiểu {{minimum}}:1 (WCAG 2.1 AA). Hãy chọn màu đậm hơn; máy chủ sẽ từ chối màu này.',
  colourInvalid: 'Mã màu chưa đúng dạng #rrggbb.',
  preview: 'Xem trước đầu trang cổng',
  previewNav: 'Thủ tục hành chính · Tra cứu hồ sơ · Phản ánh, kiến nghị',
  save: 'Lưu giao diện',
  saved: 'Đã lưu giao diện cổng thông tin.',
  emblem: 'Biểu trưng',
  emblemHelp: 'Ảnh PNG, JPEG hoặc WebP, tối đa 512 KB (định dạng được xác định theo nội dung tệp).',
  emblemNone: 'Chưa có biểu trưng: cổng dùng biểu tượng mặc định.',
  emblemAlt: 'Biểu trưng {{name}}',
  emblemChoose: 'Chọn ảnh biểu trưng',
  emblemUploaded: 'Đã cập nhật biểu trưng.',
  emblemRemove: 'Gỡ biểu trưng',
  emblemRemoved: 'Đã gỡ biểu trưng.',
  viewPortal: 'Xem cổng dịch vụ công',
};

export type ProvinceSiteMessages = typeof provinceSiteVi;
