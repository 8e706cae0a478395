import {
  DOSSIER_STATUSES,
  DOSSIER_TRANSITIONS,
  type DossierAction,
  formatInstant,
  type TransitionViolation,
} from '@motcua/domain';
import { AppError } from '../../errors/app-error.js';

const RULE_TEXTS: Record<string, { vi: string; en: string }> = {
  SUPPLEMENT_ALREADY_REQUESTED: {
    vi: 'Chỉ được yêu cầu bổ sung hồ sơ một lần, bằng văn bản (Nghị định 61/2018/NĐ-CP Điều 19, nay Nghị định 118/2025/NĐ-CP).',
    en: 'A supplement may be requested only once, in writing (Decree 61/2018 Art. 19, now Decree 118/2025).',
  },
  APOLOGY_ALREADY_GIVEN: {
    vi: 'Chỉ được xin lỗi và hẹn lại ngày trả kết quả một lần.',
    en: 'An apology with a new appointment may be given only once.',
  },
  APOLOGY_TOO_LATE: {
    vi: 'Phiếu xin lỗi và hẹn lại phải được gửi chậm nhất 01 ngày làm việc trước thời hạn trả kết quả.',
    en: 'The apology and new appointment must be sent at least one working day before the due date.',
  },
  APOLOGY_DATE_NOT_LATER: {
    vi: 'Ngày hẹn mới phải sau ngày hẹn trả kết quả hiện tại.',
    en: 'The new appointment must be after the current one.',
  },
  HANDOFF_NOT_PENDING: {
    vi: 'Không có hồ sơ liên thông nào đang chờ nhận.',
    en: 'No hand-over is waiting to be accepted.',
  },
  HANDOFF_NOT_ACCEPTED: {
    vi: 'Cơ quan đang giữ hồ sơ phải xác nhận đã nhận hồ sơ liên thông trước.',
    en: 'The holding agency must first accept the hand-over.',
  },
  NO_NEXT_STEP: {
    vi: 'Đây là bước xử lý cuối cùng; hãy dùng thao tác hoàn thành hồ sơ.',
    en: 'This is the last processing step; complete the dossier instead.',
  },
  NOT_LAST_PROCESSING_STEP: {
    vi: 'Chỉ hoàn thành hồ sơ ở bước xử lý cuối cùng của quy trình.',
    en: 'A dossier is completed only at the last processing step.',
  },
  NO_PREVIOUS_STEP: {
    vi: 'Không có bước xử lý trước để trả lại.',
    en: 'There is no previous step to send it back to.',
  },
  CLOCK_NOT_STARTED: { vi: 'Hồ sơ chưa có thời hạn giải quyết.', en: 'The dossier has no due date yet.' },
};

/** Turns a state-machine refusal into the API's problem: 409 for state, 403 for role, 422 for a broken rule. */
export const violationToError = (action: DossierAction, violation: TransitionViolation): AppError => {
  switch (violation.code) {
    case 'DOSSIER_FINAL':
      return new AppError('DOSSIER_FINAL', { status: DOSSIER_STATUSES[violation.status] });
    case 'ACTION_NOT_ALLOWED_IN_STATUS':
      return new AppError('ACTION_NOT_ALLOWED', {
        action: DOSSIER_TRANSITIONS[action].label,
        status: DOSSIER_STATUSES[violation.status],
      });
    case 'RESULT_FILE_REQUIRED':
      return new AppError('RESULT_FILE_REQUIRED', {}, { extensions: { rule: violation.code } });
    case 'ROLE_NOT_ALLOWED':
    case 'STEP_ROLE_MISMATCH':
      return new AppError('FORBIDDEN', {}, { extensions: { rule: violation.code } });
    default: {
      const text = RULE_TEXTS[violation.code] ?? { vi: violation.code, en: violation.code };
      const due = 'dueAt' in violation ? ` (${formatInstant(violation.dueAt)})` : '';
      return new AppError(
        'DOSSIER_RULE_VIOLATED',
        { reason: { vi: `${text.vi}${due}`, en: `${text.en}${due}` } },
        { extensions: { rule: violation.code } },
      );
    }
  }
};
