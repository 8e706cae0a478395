/**
 * Texts of the public verification of official documents (`docVerify.*`, /xac-thuc-van-ban): they load with
 * that page (./doc-verify.ts). `docVerifyEn` must have every key (checked by the compiler).
 */
export const docVerifyVi = {
  title: 'Xác thực văn bản điện tử',
  intro:
    'Kiểm tra văn bản do cơ quan nhà nước ban hành trên hệ thống: số và ký hiệu, cơ quan ban hành, chữ ký số của người có thẩm quyền và của cơ quan.',
  issued: 'Văn bản đã được ban hành và lưu trên hệ thống.',
  demo: 'Dữ liệu trình diễn — không phải văn bản thật.',
  numberSymbol: 'Số và ký hiệu',
  documentType: 'Loại văn bản',
  subject: 'Trích yếu nội dung',
  agency: 'Cơ quan ban hành',
  issuedAt: 'Ngày ban hành',
  sha256: 'Mã băm SHA-256 của tệp đã ký',
  signatures: 'Chữ ký số',
  kind_signer: 'Chữ ký của người có thẩm quyền',
  kind_organisation: 'Chữ ký số của cơ quan, tổ chức',
  certificate: 'Chứng thư số',
  signedAt: 'Thời gian ký',
  fileCheckOk: 'Tệp đã ký được kiểm tra lại: {{count}} chữ ký hợp lệ, không bị sửa đổi sau khi ký.',
  fileCheckBad: 'Tệp đã ký lưu trên hệ thống không còn khớp với chữ ký — hãy liên hệ cơ quan ban hành.',
  noSignatures: 'Chưa có chữ ký số nào được ghi nhận.',
  notFound: 'Không tìm thấy văn bản với mã xác thực này, hoặc văn bản không được công khai.',
  uploadTitle: 'Kiểm tra chữ ký số trong tệp PDF',
  uploadHelp:
    'Chọn tệp PDF bạn nhận được. Hệ thống kiểm tra từng chữ ký số trong tệp (tệp không được lưu lại) và cho biết tệp có đúng là văn bản đã ban hành hay không.',
  chooseFile: 'Chọn tệp PDF…',
  checking: 'Đang kiểm tra…',
  knownOutgoing: 'Tệp trùng khớp từng byte với văn bản số {{numberSymbol}} đã ban hành trên hệ thống.',
  knownResult: 'Tệp trùng khớp với kết quả giải quyết thủ tục hành chính do hệ thống ký số.',
  unknownFile: 'Tệp không trùng với văn bản nào do hệ thống ban hành (có thể là bản khác hoặc đã bị sửa).',
  noSignaturesInFile: 'Tệp không có chữ ký số.',
  signatureValid: 'Chữ ký hợp lệ',
  signatureInvalid: 'Chữ ký không hợp lệ',
  signatureUntrusted: 'Chữ ký còn nguyên vẹn nhưng chứng thư không thuộc tổ chức chứng thực được tin cậy',
  coversWhole: 'Chữ ký bao trùm toàn bộ tệp.',
  notWhole: 'Tệp có thêm nội dung được ký sau chữ ký này.',
  modifiedAfter: 'Tệp đã bị thêm nội dung sau chữ ký cuối cùng.',
  issuer: 'Tổ chức cấp chứng thư',
  timestamp: 'Dấu thời gian',
  openDocument: 'Xem thông tin văn bản',
  testCaNote: 'Chứng thư do "motcua TEST CA" cấp chỉ dùng để thử nghiệm, không có giá trị pháp lý.',
} as const;

export type DocVerifyMessages = { [Key in keyof typeof docVerifyVi]: string };
