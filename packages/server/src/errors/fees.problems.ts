import { defineProblems } from './define.js';

/** Problems of fees and charges collected at the counter (and of returning a result while they are owed). */
export const feesProblems = defineProblems({
  FEE_OWED: {
    status: 409,
    vi: {
      title: 'Chưa nộp đủ phí, lệ phí',
      detail: 'Hồ sơ còn nợ {owedVnd} đồng phí, lệ phí; ghi nhận khoản nộp trước khi trả kết quả.',
    },
    en: {
      title: 'Fees still owed',
      detail:
        'The dossier still owes {owedVnd} đồng of fees and charges; record the payment before returning the result.',
    },
  },
  FEE_NOTHING_OWED: {
    status: 409,
    vi: { title: 'Không còn khoản phải nộp', detail: 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp.' },
    en: { title: 'Nothing owed', detail: 'The dossier owes no fee or charge.' },
  },
  FEE_AMOUNT_EXCEEDS_OWED: {
    status: 422,
    vi: {
      title: 'Số tiền vượt quá số phải nộp',
      detail: 'Hồ sơ chỉ còn phải nộp {owedVnd} đồng; không thu quá số phải nộp.',
    },
    en: { title: 'Amount above what is owed', detail: 'The dossier owes only {owedVnd} đồng; do not collect more.' },
  },
  FEE_PAYMENT_NOT_ALLOWED: {
    status: 403,
    vi: {
      title: 'Không có quyền thu phí, lệ phí',
      detail: 'Chỉ cán bộ tiếp nhận hoặc trả kết quả của đơn vị tiếp nhận hồ sơ được ghi nhận khoản thu.',
    },
    en: {
      title: 'Not allowed to collect fees',
      detail: 'Only the receptionists and result returners of the receiving agency record fee payments.',
    },
  },
});
