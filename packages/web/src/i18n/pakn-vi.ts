/**
 * Texts of the feedback page (PAKN, `citizen.pakn.*`). They load with that page (see ./pakn.ts), not
 * with the other citizen pages' texts, so a visitor who opens it first downloads only these.
 * `paknEn` must have every key (checked by the compiler).
 */
export const paknVi = {
  title: 'Phản ánh, kiến nghị về quy định hành chính',
  intro:
    'Gửi phản ánh về hành vi chậm trễ, gây phiền hà, quy định hành chính không phù hợp, hoặc kiến nghị, sáng kiến cải cách thủ tục hành chính (Nghị định 20/2008/NĐ-CP). Khiếu nại, tố cáo được giải quyết theo pháp luật về khiếu nại, tố cáo.',
  send: 'Gửi phản ánh, kiến nghị',
  track: 'Tra cứu phản ánh, kiến nghị',
  mode: 'Bạn muốn',
  province: 'Tỉnh, thành phố nhận phản ánh, kiến nghị',
  kind: 'Hình thức',
  kind_phan_anh: 'Phản ánh',
  kind_kien_nghi: 'Kiến nghị',
  topic: 'Nội dung liên quan đến',
  topic_conduct: 'Hành vi chậm trễ, gây phiền hà hoặc không thực hiện, thực hiện không đúng quy định hành chính',
  topic_regulation: 'Quy định hành chính không phù hợp, không đồng bộ, không thống nhất, trái pháp luật',
  topic_proposal: 'Phương án xử lý, sáng kiến ban hành mới quy định hành chính',
  topic_initiative: 'Sáng kiến cải cách thủ tục hành chính',
  regulation: 'Quy định, thủ tục hành chính được phản ánh, kiến nghị',
  regulationHelp: 'Tên thủ tục, văn bản hoặc quy định cụ thể',
  procedureCode: 'Mã thủ tục hành chính (nếu có)',
  procedureCodeInvalid: 'Mã thủ tục chỉ gồm chữ, số và dấu chấm, gạch, ví dụ 1.001193',
  content: 'Nội dung phản ánh, kiến nghị',
  contentHelp: 'Viết bằng tiếng Việt, ít nhất 20 ký tự.',
  sender: 'Thông tin người gửi',
  senderHelp: 'Theo quy định, phản ánh, kiến nghị phải ghi rõ họ tên, địa chỉ và số điện thoại của người gửi.',
  name: 'Họ và tên (tên cá nhân, tổ chức)',
  address: 'Địa chỉ',
  phone: 'Số điện thoại',
  email: 'Thư điện tử (không bắt buộc)',
  submit: 'Gửi phản ánh, kiến nghị',
  sentTitle: 'Đã gửi phản ánh, kiến nghị',
  sentHelp: 'Ghi lại mã {{code}} để tra cứu tình hình xử lý.',
  sendAnother: 'Gửi phản ánh, kiến nghị khác',
  code: 'Mã phản ánh, kiến nghị',
  codePlaceholder: 'Ví dụ: PAKN.20261122.0001',
  codeInvalid: 'Mã có dạng PAKN.năm tháng ngày.số thứ tự, ví dụ PAKN.20261122.0001',
  trackSubmit: 'Tra cứu',
  receivedAt: 'Ngày tiếp nhận',
  status: 'Tình trạng xử lý',
  trackThis: 'Tra cứu phản ánh, kiến nghị này',
  tooShort: '{{field}} phải có ít nhất {{min}} ký tự',
} as const;

export type PaknMessages = { [Key in keyof typeof paknVi]: string };
