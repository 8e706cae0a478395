import { defineProblems } from './define.js';

/** Problems of PAKN handling (Decree 20/2008/NĐ-CP as amended). */
export const paknProblems = defineProblems({
  PAKN_ACTION_NOT_ALLOWED_IN_STATE: {
    status: 409,
    vi: {
      title: 'Không thực hiện được ở trạng thái này',
      detail: 'Phản ánh, kiến nghị đang ở trạng thái "{state}": không thể "{action}".',
    },
    en: { title: 'Not possible in this state', detail: 'The feedback is "{state}": "{action}" is not possible.' },
  },
  PAKN_CATEGORY_REQUIRED: {
    status: 422,
    vi: {
      title: 'Phân loại không phù hợp',
      detail:
        'Bước "{action}" cần phân loại phù hợp theo Điều 9 Nghị định 20/2008/NĐ-CP (không tiếp nhận, hành vi của cán bộ, thuộc thẩm quyền, không thuộc thẩm quyền).',
    },
    en: {
      title: 'Category does not fit',
      detail: 'The step "{action}" needs a fitting category under Decree 20/2008 Art. 9.',
    },
  },
  PAKN_NOTE_REQUIRED: {
    status: 422,
    vi: { title: 'Cần nêu lý do', detail: 'Bước "{action}" cần ghi rõ lý do hoặc nội dung.' },
    en: { title: 'A reason is required', detail: 'The step "{action}" needs a reason or a text.' },
  },
  PAKN_TARGET_REQUIRED: {
    status: 422,
    vi: {
      title: 'Chưa chọn cơ quan có thẩm quyền',
      detail: 'Chọn cơ quan có thẩm quyền (khác cơ quan đang giữ) để chuyển phản ánh, kiến nghị.',
    },
    en: { title: 'No competent agency', detail: 'Choose the competent agency (not the current holder) to forward to.' },
  },
  PAKN_ANSWER_REQUIRED: {
    status: 422,
    vi: { title: 'Chưa có nội dung trả lời', detail: 'Nhập nội dung trả lời trước khi lưu dự thảo.' },
    en: { title: 'No answer text', detail: 'Enter the answer before saving the draft.' },
  },
  PAKN_NOT_RATEABLE: {
    status: 409,
    vi: {
      title: 'Chưa thể đánh giá',
      detail: 'Chỉ đánh giá được khi đã có trả lời, và mỗi phản ánh, kiến nghị chỉ đánh giá một lần.',
    },
    en: { title: 'Cannot be rated', detail: 'An answer can be rated once it was sent, and only once.' },
  },
  PAKN_SENDER_MISMATCH: {
    status: 404,
    vi: {
      title: 'Không khớp thông tin người gửi',
      detail: 'Mã phản ánh, kiến nghị và 4 số cuối điện thoại không khớp.',
    },
    en: { title: 'Sender does not match', detail: 'The code and the last four digits of the phone do not match.' },
  },
});
