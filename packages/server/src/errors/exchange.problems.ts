import { defineProblems } from './define.js';

/** Problems of the exchange between agencies (QĐ 28/2018/QĐ-TTg; QCVN 102:2016/BTTTT edXML [RECALL]). */
export const exchangeProblems = defineProblems({
  EXCHANGE_PACKAGE_INVALID: {
    status: 422,
    vi: {
      title: 'Gói tin liên thông không hợp lệ',
      detail: 'Gói tin có {count} lỗi; xem danh sách trường bị lỗi. Không có nội dung nào của gói tin được lưu.',
    },
    en: {
      title: 'Invalid exchange package',
      detail: 'The package has {count} problem(s); see the fields listed. Nothing of it was stored.',
    },
  },
  EXCHANGE_PACKAGE_NOT_ADDRESSED: {
    status: 422,
    vi: {
      title: 'Gói tin không gửi đến cơ quan này',
      detail: 'Mã định danh của cơ quan nhận ({code}) không có trong danh sách nơi nhận của gói tin.',
    },
    en: {
      title: 'Package not addressed to this agency',
      detail: 'The receiving agency’s identifier code ({code}) is not among the package’s receivers.',
    },
  },
  EXCHANGE_RECIPIENT_UNKNOWN: {
    status: 422,
    vi: {
      title: 'Chưa xác định được cơ quan nhận',
      detail: 'Chọn cơ quan nhận: gói tin gửi đến {count} cơ quan mà bạn làm văn thư (hoặc không cơ quan nào).',
    },
    en: {
      title: 'Receiving agency not determined',
      detail: 'Choose the receiving agency: the package names {count} agencies where you are the clerk (or none).',
    },
  },
  EXCHANGE_NOT_ISSUED: {
    status: 409,
    vi: {
      title: 'Văn bản chưa ban hành',
      detail: 'Chỉ gửi liên thông văn bản đã ban hành (đang ở trạng thái "{state}").',
    },
    en: { title: 'Document not issued', detail: 'Only issued documents are exchanged (this one is "{state}").' },
  },
  EXCHANGE_RECIPIENT_NOT_PACKAGE: {
    status: 422,
    vi: {
      title: 'Nơi nhận không nhận bằng gói tin',
      detail:
        'Nơi nhận này không nhận văn bản qua gói tin liên thông, hoặc chưa có mã định danh (Quyết định 20/2020/QĐ-TTg).',
    },
    en: {
      title: 'Recipient does not take packages',
      detail: 'This recipient does not receive by exchange package, or has no identifier code (Decision 20/2020).',
    },
  },
  EXCHANGE_CONFIDENTIAL: {
    status: 422,
    vi: {
      title: 'Văn bản mật không gửi qua trục liên thông',
      detail: 'Văn bản có độ mật được chuyển theo quy định về bảo vệ bí mật nhà nước, không qua gói tin liên thông.',
    },
    en: {
      title: 'Classified documents are not exchanged',
      detail: 'Documents marked confidential travel under the state-secrets rules, not by exchange package.',
    },
  },
  EXCHANGE_NO_FILE: {
    status: 409,
    vi: { title: 'Chưa có tệp văn bản', detail: 'Văn bản chưa có bản PDF đã ký hoặc bản dự thảo để gửi kèm.' },
    en: { title: 'No document file', detail: 'The document has no signed PDF nor draft to attach.' },
  },
  EXCHANGE_NOT_BY_PACKAGE: {
    status: 409,
    vi: {
      title: 'Văn bản không đến bằng gói tin',
      detail: 'Văn bản này đến qua hệ thống, không qua gói tin: cơ quan gửi đã thấy trạng thái xử lý.',
    },
    en: {
      title: 'Not received by package',
      detail: 'This document came through the system, not by package: its sender already sees its status.',
    },
  },
  EXCHANGE_STATUS_UNKNOWN_PACKAGE: {
    status: 422,
    vi: {
      title: 'Thông điệp trạng thái không khớp gói tin đã gửi',
      detail: 'Thông điệp trạng thái trả lời một gói tin mà cơ quan này không gửi (mã gói tin {documentId}).',
    },
    en: {
      title: 'Status answers an unknown package',
      detail: 'The status message answers a package this agency did not send (package {documentId}).',
    },
  },
  EXCHANGE_STATUS_OUT_OF_ORDER: {
    status: 422,
    vi: {
      title: 'Thông điệp trạng thái không đúng thứ tự',
      detail:
        'Trạng thái số {seq} không nối tiếp các trạng thái đã nhận của gói tin (thiếu, trùng hoặc lùi trạng thái).',
    },
    en: {
      title: 'Status message out of order',
      detail: 'Status number {seq} does not follow those already received (missing, conflicting or going back).',
    },
  },
  EXCHANGE_CURSOR_INVALID: {
    status: 400,
    vi: { title: 'Vị trí trang không hợp lệ', detail: 'Tải lại danh sách từ đầu.' },
    en: { title: 'Invalid page cursor', detail: 'Reload the list from the start.' },
  },
});
