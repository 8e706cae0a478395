import { defineProblems } from './define.js';

export const dossierProblems = defineProblems({
  DOSSIER_INCOMPLETE: {
    status: 422,
    vi: {
      title: 'Hồ sơ chưa đầy đủ',
      detail: 'Không thể tiếp nhận: còn thiếu {count} thành phần bắt buộc ({missing}). Hãy hướng dẫn bổ sung (Mẫu 02).',
    },
    en: {
      title: 'Dossier incomplete',
      detail:
        'Cannot receive: {count} required component(s) missing ({missing}). Ask for a supplement instead (form 02).',
    },
  },
  NOTHING_MISSING: {
    status: 422,
    vi: {
      title: 'Không có thành phần còn thiếu',
      detail: 'Phiếu yêu cầu bổ sung phải nêu rõ thành phần hồ sơ còn thiếu.',
    },
    en: { title: 'Nothing missing', detail: 'A supplement request must list the missing components.' },
  },
  UNKNOWN_COMPONENT: {
    status: 422,
    vi: { title: 'Thành phần hồ sơ không có trong thủ tục', detail: 'Thành phần "{key}" không thuộc thủ tục này.' },
    en: { title: 'Unknown component', detail: 'Component "{key}" is not part of this procedure.' },
  },
  PROCEDURE_NOT_AVAILABLE: {
    status: 422,
    vi: {
      title: 'Thủ tục chưa được áp dụng',
      detail: 'Thủ tục {code} không có phiên bản đang có hiệu lực trong danh mục của tỉnh vào ngày {date}.',
    },
    en: {
      title: 'Procedure not available',
      detail: 'Procedure {code} has no version in force in the province catalog on {date}.',
    },
  },
  ROUTING_FAILED: {
    status: 422,
    vi: {
      title: 'Không xác định được cơ quan xử lý',
      detail:
        'Không xác định được cơ quan cho bước "{step}" của quy trình nội bộ; kiểm tra quy trình hoặc địa chỉ xã của người nộp.',
    },
    en: {
      title: 'Routing failed',
      detail:
        'No agency found for step "{step}" of the internal process; check the template or the applicant’s commune.',
    },
  },
  REASON_REQUIRED: {
    status: 422,
    vi: { title: 'Thiếu lý do', detail: 'Thao tác này phải ghi rõ lý do bằng văn bản.' },
    en: { title: 'Reason required', detail: 'This action needs a written reason.' },
  },
  ACTION_NOT_ALLOWED: {
    status: 409,
    vi: {
      title: 'Không thể thực hiện ở trạng thái hiện tại',
      detail: 'Không thể "{action}" khi hồ sơ đang ở trạng thái "{status}".',
    },
    en: { title: 'Not allowed now', detail: 'Cannot "{action}" while the dossier is "{status}".' },
  },
  DOSSIER_FINAL: {
    status: 409,
    vi: { title: 'Hồ sơ đã kết thúc', detail: 'Hồ sơ đã ở trạng thái "{status}"; không thể thực hiện thêm thao tác.' },
    en: { title: 'Dossier closed', detail: 'The dossier is "{status}"; nothing more can be done.' },
  },
  DOSSIER_RULE_VIOLATED: {
    status: 422,
    vi: { title: 'Vi phạm quy định xử lý hồ sơ', detail: '{reason}' },
    en: { title: 'Rule violated', detail: '{reason}' },
  },
  DOCUMENT_REQUIRED: {
    status: 422,
    vi: {
      title: 'Thiếu kết quả giải quyết',
      detail: 'Cần đính kèm ít nhất một văn bản kết quả trước khi hoàn thành hồ sơ.',
    },
    en: { title: 'Result required', detail: 'Attach at least one result document before completing the dossier.' },
  },
  RESULT_FILE_REQUIRED: {
    status: 422,
    vi: {
      title: 'Chưa có tệp kết quả điện tử',
      detail:
        'Không thể trả kết quả trực tuyến khi hồ sơ chưa có tệp văn bản kết quả (kết quả điện tử) để người dân tải về. Hãy đính kèm hoặc tạo văn bản kết quả trước.',
    },
    en: {
      title: 'No electronic result',
      detail:
        'The result cannot be returned online before a result file (the electronic result) is attached for the applicant to download. Attach or generate the result document first.',
    },
  },
  RESULT_DOCUMENT_UNKNOWN: {
    status: 422,
    vi: {
      title: 'Văn bản kết quả không thuộc hồ sơ',
      detail: 'Văn bản kết quả {id} không phải tệp kết quả đã đính kèm vào hồ sơ này.',
    },
    en: {
      title: 'Unknown result document',
      detail: 'Result document {id} is not a result file attached to this dossier.',
    },
  },
  RESULT_TEMPLATE_MISSING: {
    status: 422,
    vi: {
      title: 'Thủ tục chưa có mẫu văn bản kết quả',
      detail: 'Phiên bản thủ tục của hồ sơ không có mẫu văn bản kết quả; hãy tải lên văn bản kết quả (PDF) đã ký.',
    },
    en: {
      title: 'No result template',
      detail:
        'The dossier’s procedure version has no result template; upload the signed result document (PDF) instead.',
    },
  },
  RESULT_TEMPLATE_INCOMPLETE: {
    status: 422,
    vi: {
      title: 'Thiếu thông tin để lập văn bản kết quả',
      detail: 'Hồ sơ chưa có thông tin cho {count} mục của mẫu văn bản kết quả: {missing}.',
    },
    en: {
      title: 'Result template incomplete',
      detail: 'The dossier has no value for {count} item(s) of the result template: {missing}.',
    },
  },
  FORM_NOT_AVAILABLE: {
    status: 404,
    vi: {
      title: 'Chưa có biểu mẫu',
      detail: 'Hồ sơ chưa có biểu mẫu "{form}" (thao tác tạo ra biểu mẫu này chưa diễn ra).',
    },
    en: {
      title: 'Form not available',
      detail: 'The dossier has no "{form}" form yet (the action that produces it has not happened).',
    },
  },
});
