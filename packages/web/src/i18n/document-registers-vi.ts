/**
 * Texts of the registers of official documents page (`documentRegisters.*`: sổ văn bản đến / đi, the
 * search, the e-office rates), loaded with that page (see ./document-registers.ts). `documentRegistersEn`
 * must have every key (checked by the compiler).
 */
export const documentRegistersVi = {
  title: 'Sổ văn bản',
  signingCredentials: 'Chứng thư số',
  intro:
    'Sổ đăng ký văn bản đến, văn bản đi theo Phụ lục IV Nghị định 30/2020/NĐ-CP; tìm kiếm văn bản và tỷ lệ văn bản điện tử, văn bản ký số.',
  kind: 'Loại sổ',
  incoming: 'Văn bản đến',
  outgoing: 'Văn bản đi',
  allKinds: 'Cả văn bản đến và đi',
  agency: 'Cơ quan',
  agencyRequired: 'Chọn cơ quan',
  from: 'Từ ngày',
  to: 'Đến ngày',
  downloadPdf: 'Tải sổ (PDF)',
  downloadXlsx: 'Tải sổ (Excel)',
  downloadHint: 'Sổ PDF in 2.000 dòng mỗi tệp; sổ lớn hơn tải bằng Excel.',
  statistics: 'Tỷ lệ văn bản điện tử và ký số',
  incomingElectronic: 'Văn bản đến nhận qua mạng',
  outgoingElectronic: 'Văn bản đi gửi qua mạng',
  exchangedElectronic: 'Văn bản điện tử gửi, nhận qua mạng',
  outgoingSigned: 'Văn bản đi được ký số',
  rateNote: 'Tỷ lệ = số văn bản / tổng số × 100, làm tròn 2 chữ số thập phân (số liệu được đưa vào Chỉ số CCHC).',
  chartLabel: 'Văn bản đến, văn bản đi và văn bản ký số theo tháng',
  seriesIncoming: 'Văn bản đến',
  seriesOutgoing: 'Văn bản đi',
  seriesSigned: 'Văn bản đi ký số',
  noDocuments: 'Không có văn bản trong kỳ.',
  search: 'Tìm kiếm văn bản',
  searchWords: 'Số, ký hiệu, trích yếu (gõ không dấu cũng được)',
  searchSender: 'Cơ quan ban hành, đơn vị soạn thảo',
  searchButton: 'Tìm',
  results: 'Kết quả tìm kiếm',
  noResults: 'Không tìm thấy văn bản nào.',
  more: 'Xem thêm',
  confidential: 'Mật',
  numberSymbol: 'Số, ký hiệu',
  date: 'Ngày',
  subject: 'Trích yếu',
  sender: 'Nơi gửi / đơn vị soạn thảo',
};

export type DocumentRegistersMessages = typeof documentRegistersVi;
