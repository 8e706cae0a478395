/**
 * The words of e-office II (issue 20): work calendars (lịch công tác), assigned tasks (giao việc), work files
 * (hồ sơ công việc, Decree 30/2020 Art. 28–29), consultation on drafts (lấy ý kiến dự thảo) and staff evaluation
 * (Decree 335/2025/NĐ-CP for công chức from 01/01/2026; Decree 233/2026/NĐ-CP for viên chức from 01/7/2026,
 * which ends Decree 90/2020). Migration 0034 stores these codes. Sources: ../shared/spec/reform-and-eoffice.md §D, §E.
 */

type Label = { vi: string; en: string };

/** The records of this area; each has a hash-chained history in work_event. */
export const WORK_RECORD_KINDS = ['schedule_entry', 'task', 'work_file', 'consultation', 'evaluation_sheet'] as const;
export type WorkRecordKind = (typeof WORK_RECORD_KINDS)[number];

// ---- Work calendars -----------------------------------------------------------------------------------------

/** Whose calendar: the agency leaders' weekly calendar (lịch công tác tuần), a unit's, a person's. */
export const SCHEDULE_KINDS = ['agency_leaders', 'unit', 'person'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export const SCHEDULE_KIND_LABELS: Record<ScheduleKind, Label> = {
  agency_leaders: { vi: 'Lịch công tác của lãnh đạo cơ quan', en: 'Agency leaders’ calendar' },
  unit: { vi: 'Lịch công tác của đơn vị', en: 'Unit calendar' },
  person: { vi: 'Lịch công tác cá nhân', en: 'Personal calendar' },
};

/** A calendar entry: drafted, submitted, approved by the leader, published (to participants, optionally public). */
export const SCHEDULE_ENTRY_STATUSES = ['draft', 'submitted', 'approved', 'published', 'cancelled'] as const;
export type ScheduleEntryStatus = (typeof SCHEDULE_ENTRY_STATUSES)[number];
export const SCHEDULE_ENTRY_STATUS_LABELS: Record<ScheduleEntryStatus, Label> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Submitted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  published: { vi: 'Đã phát hành', en: 'Published' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

// ---- Tasks ----------------------------------------------------------------------------------------------------

/** Where a task came from: directly, an incoming document's direction (Art. 24), a meeting of the calendar. */
export const TASK_SOURCES = ['direct', 'incoming_document', 'schedule_entry'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const TASK_STATUSES = [
  'assigned',
  'in_progress',
  'extension_requested',
  'submitted',
  'completed',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, Label> = {
  assigned: { vi: 'Mới giao', en: 'Assigned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  extension_requested: { vi: 'Xin gia hạn', en: 'Extension requested' },
  submitted: { vi: 'Chờ nghiệm thu', en: 'Awaiting acceptance' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};
/** The statuses of a task still to be done (counted as overdue after its deadline). */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = [
  'assigned',
  'in_progress',
  'extension_requested',
  'submitted',
];

/** The part an assignee takes: the lead (chủ trì) or a co-operator (phối hợp). */
export const TASK_PARTS = ['lead', 'cooperate'] as const;
export type TaskPart = (typeof TASK_PARTS)[number];

/** How a task was completed against the deadline in force. */
export const COMPLETION_CLASSES = ['early', 'on_time', 'late'] as const;
export type TaskCompletionClass = (typeof COMPLETION_CLASSES)[number];

// ---- Work files ---------------------------------------------------------------------------------------------

export const WORK_FILE_STATUSES = ['open', 'closed', 'archived'] as const;
export type WorkFileStatus = (typeof WORK_FILE_STATUSES)[number];
export const WORK_FILE_ITEM_KINDS = [
  'incoming_document',
  'outgoing_document',
  'task',
  'schedule_entry',
  'note',
  'file',
] as const;
export type WorkFileItemKind = (typeof WORK_FILE_ITEM_KINDS)[number];

// ---- Consultation on drafts -----------------------------------------------------------------------------------

export const CONSULTATION_STATUSES = ['draft', 'open', 'closed', 'summarised'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
/** The drafter's response to a comment in the summary table (bảng tổng hợp, tiếp thu, giải trình ý kiến). */
export const COMMENT_RESPONSES = ['accepted', 'partly_accepted', 'explained'] as const;
export type CommentResponse = (typeof COMMENT_RESPONSES)[number];
export const COMMENT_RESPONSE_LABELS: Record<CommentResponse, Label> = {
  accepted: { vi: 'Tiếp thu', en: 'Accepted' },
  partly_accepted: { vi: 'Tiếp thu một phần', en: 'Partly accepted' },
  explained: { vi: 'Giải trình', en: 'Explained' },
};

// ---- Staff evaluation -----------------------------------------------------------------------------------------

/** Tracking periods (Decree 233/2026 Art. 3(5–6), 12(5)): monthly or quarterly, the year derived from them. */
export const EVALUATION_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type EvaluationPeriodKind = (typeof EVALUATION_PERIOD_KINDS)[number];

/** The flow of a sheet: self-assessment → manager → collective review → the head's decision. */
export const EVALUATION_SHEET_STATUSES = [
  'draft',
  'self_assessed',
  'manager_reviewed',
  'collective_reviewed',
  'decided',
] as const;
export type EvaluationSheetStatus = (typeof EVALUATION_SHEET_STATUSES)[number];
export const EVALUATION_SHEET_STATUS_LABELS: Record<EvaluationSheetStatus, Label> = {
  draft: { vi: 'Chưa tự đánh giá', en: 'Not self-assessed' },
  self_assessed: { vi: 'Đã tự đánh giá', en: 'Self-assessed' },
  manager_reviewed: { vi: 'Quản lý trực tiếp đã nhận xét', en: 'Reviewed by the manager' },
  collective_reviewed: { vi: 'Tập thể đã góp ý', en: 'Reviewed collectively' },
  decided: { vi: 'Đã quyết định xếp loại', en: 'Rating decided' },
};

/**
 * Bands (Decree 335/2025; Decree 233/2026 Art. 12): hoàn thành xuất sắc ≥ 90; tốt 70 to < 90; hoàn thành
 * 50 to < 70; không hoàn thành < 50 or any veto case.
 */
export const EVALUATION_BANDS = ['excellent', 'good', 'complete', 'incomplete'] as const;
export type EvaluationBand = (typeof EVALUATION_BANDS)[number];
export const EVALUATION_BAND_LABELS: Record<EvaluationBand, Label> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  complete: { vi: 'Hoàn thành nhiệm vụ', en: 'Complete' },
  incomplete: { vi: 'Không hoàn thành nhiệm vụ', en: 'Incomplete' },
};

/**
 * Veto cases (Decree 335/2025; Decree 233/2026 Art. 12): political or ethical degradation concluded by the
 * competent body; disciplined at khiển trách or above in the year for a duty-related violation; for leaders,
 * corruption or waste in the unit they directly manage. Any of them: không hoàn thành nhiệm vụ.
 */
export const EVALUATION_VETOES = ['degradation', 'discipline', 'leader_corruption'] as const;
export type EvaluationVeto = (typeof EVALUATION_VETOES)[number];
export const EVALUATION_VETO_LABELS: Record<EvaluationVeto, Label> = {
  degradation: {
    vi: 'Suy thoái về tư tưởng chính trị, đạo đức, lối sống (có kết luận của cơ quan có thẩm quyền)',
    en: 'Political or ethical degradation (concluded by the competent body)',
  },
  discipline: {
    vi: 'Bị kỷ luật từ khiển trách trở lên do vi phạm liên quan đến thực thi nhiệm vụ trong năm',
    en: 'Disciplined (reprimand or above) for a duty-related violation in the year',
  },
  leader_corruption: {
    vi: 'Để xảy ra tham nhũng, lãng phí trong đơn vị do mình trực tiếp quản lý',
    en: 'Corruption or waste in the unit the leader directly manages',
  },
};

/** Where a work item of the evaluation comes from. */
export const EVALUATION_ITEM_SOURCES = ['task', 'dossier_step', 'manual'] as const;
export type EvaluationItemSource = (typeof EVALUATION_ITEM_SOURCES)[number];
