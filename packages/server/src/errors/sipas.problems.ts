import { defineProblems } from './define.js';

/** Problems of SIPAS satisfaction surveys: campaign states, invitations, answers. */
export const sipasProblems = defineProblems({
  SIPAS_CAMPAIGN_STATE: {
    status: 409,
    vi: {
      title: 'Đợt khảo sát không ở trạng thái phù hợp',
      detail: 'Đợt khảo sát đang ở trạng thái "{status}"; không thể {action}.',
    },
    en: { title: 'Survey campaign in the wrong state', detail: 'The campaign is "{status}"; cannot {action}.' },
  },
  SIPAS_NO_POPULATION: {
    status: 422,
    vi: {
      title: 'Không có hồ sơ để chọn mẫu',
      detail: 'Không có hồ sơ nào được trả kết quả trong kỳ khảo sát; không thể chọn mẫu.',
    },
    en: {
      title: 'Nothing to sample',
      detail: 'No dossier was returned in the campaign’s period; there is nothing to sample.',
    },
  },
  SIPAS_PERIOD_INVALID: {
    status: 422,
    vi: {
      title: 'Kỳ khảo sát không hợp lệ',
      detail: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc, trong cùng năm khảo sát.',
    },
    en: { title: 'Invalid period', detail: 'The start must be on or before the end, within the campaign’s year.' },
  },
  SIPAS_INVITATION_UNKNOWN: {
    status: 404,
    vi: {
      title: 'Không tìm thấy phiếu mời khảo sát',
      detail:
        'Đường dẫn khảo sát không đúng hoặc đã hết hiệu lực. Vui lòng kiểm tra lại mã trên giấy hẹn hoặc tin nhắn.',
    },
    en: { title: 'Survey invitation not found', detail: 'The survey link is wrong or no longer valid.' },
  },
  SIPAS_ALREADY_ANSWERED: {
    status: 409,
    vi: {
      title: 'Phiếu khảo sát đã được trả lời',
      detail:
        'Mỗi phiếu mời chỉ được trả lời một lần và phiếu này đã được trả lời. Cảm ơn ông/bà đã tham gia khảo sát.',
    },
    en: {
      title: 'Survey already answered',
      detail: 'Each invitation can be answered once, and this one has been. Thank you for taking part.',
    },
  },
  SIPAS_NOT_OPEN: {
    status: 409,
    vi: {
      title: 'Đợt khảo sát không nhận ý kiến',
      detail: 'Đợt khảo sát chưa mở hoặc đã kết thúc; không thể gửi ý kiến lúc này.',
    },
    en: {
      title: 'The survey is not open',
      detail: 'The campaign has not opened or has closed; answers are not taken now.',
    },
  },
  SIPAS_ANSWERS_INVALID: {
    status: 422,
    vi: {
      title: 'Câu trả lời chưa hợp lệ',
      detail: 'Vui lòng trả lời các câu bắt buộc và chọn trong các phương án có sẵn.',
    },
    en: { title: 'Answers not valid', detail: 'Answer the required questions and choose among the given options.' },
  },
  SIPAS_AGENCY_NOT_SAMPLED: {
    status: 422,
    vi: { title: 'Đơn vị không thuộc mẫu khảo sát', detail: 'Đơn vị này không có trong mẫu của đợt khảo sát.' },
    en: { title: 'Agency not in the sample', detail: 'This agency is not in the campaign’s sample.' },
  },
});
