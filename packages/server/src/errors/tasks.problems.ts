import { defineProblems } from './define.js';

/** Problems of assigned tasks (giao việc, issue 20 item 2). */
export const taskProblems = defineProblems({
  TASK_STEP_NOT_ALLOWED: {
    status: 409,
    vi: { title: 'Không thực hiện được ở trạng thái này', detail: 'Nhiệm vụ đang "{state}": không thể "{action}".' },
    en: { title: 'Not possible in this state', detail: 'The task is "{state}": "{action}" is not possible.' },
  },
  TASK_NOT_YOURS: {
    status: 403,
    vi: {
      title: 'Không có quyền thực hiện bước này',
      detail:
        'Bước "{action}" do người giao việc (hoặc lãnh đạo phụ trách), người chủ trì, người phối hợp hoặc trưởng đơn vị chủ trì thực hiện.',
    },
    en: {
      title: 'Not yours to do',
      detail:
        'The step "{action}" is taken by the assigner (or a head over them), the lead, a co-operator or the lead unit’s head.',
    },
  },
  TASK_INPUT_INVALID: {
    status: 422,
    vi: { title: 'Thông tin chưa hợp lệ', detail: '{reason}' },
    en: { title: 'The input is not valid', detail: '{reason}' },
  },
  TASK_ASSIGNEE_INVALID: {
    status: 422,
    vi: {
      title: 'Người hoặc đơn vị được giao không hợp lệ',
      detail: 'Chọn công chức hoặc đơn vị thuộc cơ quan giao việc, có quyền thực hiện nhiệm vụ.',
    },
    en: {
      title: 'The assignee is not valid',
      detail: 'Choose officials or units of the assigning agency who handle tasks.',
    },
  },
  TASK_DEADLINE_INVALID: {
    status: 422,
    vi: {
      title: 'Hạn xử lý không hợp lệ',
      detail: 'Hạn mới phải sau hạn đang áp dụng; hạn giao phải sau thời điểm giao.',
    },
    en: {
      title: 'The deadline is not valid',
      detail: 'A new deadline must be after the one in force; a deadline must be after the assignment.',
    },
  },
});
