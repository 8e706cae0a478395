import { addDays, type LocalDate } from '../calendar/local-date.js';
import type { WorkingTimeCalendar } from '../calendar/working-time.js';
import type {
  ParAdjustmentKind,
  ParCriterion,
  ParPoints,
  ParRoundStage,
  ParScoreStage,
  ParUnitStatus,
} from './types.js';

/**
 * The yearly PAR Index round as tables: the round's stages, a unit's statuses, who may move them and when,
 * what each stage may write, and the deadlines on the working-time calendar.
 *
 * Legal base: QĐ 876/QĐ-BNV (10/11/2022), Part III (organising the assessment): each unit self-assesses and
 * scores with evidence (tự đánh giá, chấm điểm kèm tài liệu kiểm chứng), its head approves and sends it; the
 * appraisal council (Hội đồng thẩm định, with its Tổ giúp việc) appraises; units explain (giải trình) the
 * points they dispute with further evidence; the appraisal is re-examined; the council decides and the
 * Chairman announces the results. Provincial decisions (Hà Nam QĐ 1156/QĐ-UBND 2023, Quảng Ninh QĐ
 * 3463/QĐ-UBND 2022) follow the same steps with dated deadlines (../shared/spec/reform-and-eoffice.md §A.2).
 */

/** Who acts in a round, as the use-cases resolve it from the roles (and the appraiser assignment rows). */
export const PAR_ACTORS = ['focal', 'head', 'appraiser', 'organiser'] as const;
export type ParActor = (typeof PAR_ACTORS)[number];

// ---------------------------------------------------------------------------------------------------------
// Round stages

export type ParRoundAction =
  | 'open'
  | 'start_appraisal_1'
  | 'start_explanation'
  | 'start_appraisal_2'
  | 'start_council'
  | 'publish';

/** How many units of the round are in each status (the preconditions of advancing the round). */
export type ParUnitStatusCounts = Partial<Record<ParUnitStatus, number>>;

export type ParRoundPrecondition =
  /** The round has units and a criteria set for each of their groups (checked when it opens). */
  | 'has_units_and_sets'
  /** Every unit's self-assessment is locked (approved by its head, or locked late by the organiser). */
  | 'all_self_locked'
  /** Every unit has its first appraisal. */
  | 'all_appraisal_1_done'
  /** Every unit has its second appraisal. */
  | 'all_appraisal_2_done'
  /** Every unit has its final points from the council. */
  | 'all_finalised';

export type ParRoundTransition = {
  action: ParRoundAction;
  from: ParRoundStage;
  to: ParRoundStage;
  precondition: ParRoundPrecondition | null;
};

/**
 * The round's stage table (only the organiser, Sở Nội vụ, advances it). Publication (council → published)
 * is taken by the results use-case through the same path, after the council's decision.
 */
export const PAR_ROUND_TRANSITIONS: readonly ParRoundTransition[] = [
  { action: 'open', from: 'draft', to: 'self_assessment', precondition: 'has_units_and_sets' },
  { action: 'start_appraisal_1', from: 'self_assessment', to: 'appraisal_1', precondition: 'all_self_locked' },
  { action: 'start_explanation', from: 'appraisal_1', to: 'explanation', precondition: 'all_appraisal_1_done' },
  // A unit that explains nothing keeps its first appraisal: no precondition.
  { action: 'start_appraisal_2', from: 'explanation', to: 'appraisal_2', precondition: null },
  { action: 'start_council', from: 'appraisal_2', to: 'council', precondition: 'all_appraisal_2_done' },
  { action: 'publish', from: 'council', to: 'published', precondition: 'all_finalised' },
];

const STATUS_ORDER: Record<ParUnitStatus, number> = {
  self_draft: 0,
  self_submitted: 1,
  self_locked: 2,
  appraisal_1_done: 3,
  explanation_submitted: 4,
  appraisal_2_done: 5,
  finalised: 6,
};

const countAtLeast = (counts: ParUnitStatusCounts, status: ParUnitStatus): { total: number; reached: number } => {
  let total = 0;
  let reached = 0;
  for (const [name, n] of Object.entries(counts) as [ParUnitStatus, number][]) {
    total += n;
    if (STATUS_ORDER[name] >= STATUS_ORDER[status]) {
      reached += n;
    }
  }
  return { total, reached };
};

/** Whether a precondition holds; `pending` is how many units still hold it back. */
export const checkRoundPrecondition = (
  precondition: ParRoundPrecondition | null,
  facts: { counts: ParUnitStatusCounts; groupsWithoutSet: number },
): { ok: true } | { ok: false; pending: number } => {
  const need = (status: ParUnitStatus) => {
    const { total, reached } = countAtLeast(facts.counts, status);
    return total === reached ? { ok: true as const } : { ok: false as const, pending: total - reached };
  };
  switch (precondition) {
    case null:
      return { ok: true };
    case 'has_units_and_sets': {
      const { total } = countAtLeast(facts.counts, 'self_draft');
      if (total === 0) {
        return { ok: false, pending: 0 };
      }
      return facts.groupsWithoutSet === 0 ? { ok: true } : { ok: false, pending: facts.groupsWithoutSet };
    }
    case 'all_self_locked':
      return need('self_locked');
    case 'all_appraisal_1_done':
      return need('appraisal_1_done');
    case 'all_appraisal_2_done':
      return need('appraisal_2_done');
    case 'all_finalised':
      return need('finalised');
  }
};

export type ParRoundDecision =
  | { ok: true; transition: ParRoundTransition }
  | { ok: false; code: 'PAR_ROUND_STAGE_INVALID' }
  | { ok: false; code: 'PAR_ROUND_PRECONDITION'; precondition: ParRoundPrecondition; pending: number };

/** Decides a stage change of the round from the table. */
export const decideRoundTransition = (input: {
  stage: ParRoundStage;
  action: ParRoundAction;
  counts: ParUnitStatusCounts;
  groupsWithoutSet?: number;
}): ParRoundDecision => {
  const transition = PAR_ROUND_TRANSITIONS.find((t) => t.action === input.action && t.from === input.stage);
  if (!transition) {
    return { ok: false, code: 'PAR_ROUND_STAGE_INVALID' };
  }
  const check = checkRoundPrecondition(transition.precondition, {
    counts: input.counts,
    groupsWithoutSet: input.groupsWithoutSet ?? 0,
  });
  if (!check.ok && transition.precondition) {
    return { ok: false, code: 'PAR_ROUND_PRECONDITION', precondition: transition.precondition, pending: check.pending };
  }
  return { ok: true, transition };
};

// ---------------------------------------------------------------------------------------------------------
// Unit statuses

export type ParUnitAction =
  | 'submit_self'
  | 'approve_self'
  | 'return_self'
  | 'lock_late'
  | 'complete_appraisal_1'
  | 'submit_explanation'
  | 'complete_appraisal_2'
  | 'finalise';

export type ParUnitTransition = {
  action: ParUnitAction;
  from: readonly ParUnitStatus[];
  to: ParUnitStatus;
  actors: readonly ParActor[];
  /** The round stage in which the transition may be taken. */
  stage: ParRoundStage;
  /** A reason must be given (returning the self-assessment, locking a late unit). */
  reasonRequired: boolean;
};

/** A unit's status table: who moves it, from where, in which round stage. */
export const PAR_UNIT_TRANSITIONS: readonly ParUnitTransition[] = [
  // The focal officer sends the self-assessment to the unit's head.
  {
    action: 'submit_self',
    from: ['self_draft'],
    to: 'self_submitted',
    actors: ['focal'],
    stage: 'self_assessment',
    reasonRequired: false,
  },
  // The head approves and sends it: the self-assessment is locked.
  {
    action: 'approve_self',
    from: ['self_submitted'],
    to: 'self_locked',
    actors: ['head'],
    stage: 'self_assessment',
    reasonRequired: false,
  },
  // The head returns it to the focal officer with the reason.
  {
    action: 'return_self',
    from: ['self_submitted'],
    to: 'self_draft',
    actors: ['head'],
    stage: 'self_assessment',
    reasonRequired: true,
  },
  // The organiser locks a unit that did not send its self-assessment (late): appraisal goes on without it.
  {
    action: 'lock_late',
    from: ['self_draft', 'self_submitted'],
    to: 'self_locked',
    actors: ['organiser'],
    stage: 'self_assessment',
    reasonRequired: true,
  },
  {
    action: 'complete_appraisal_1',
    from: ['self_locked'],
    to: 'appraisal_1_done',
    actors: ['appraiser', 'organiser'],
    stage: 'appraisal_1',
    reasonRequired: false,
  },
  // The unit sends its explanation (giải trình) with new evidence; the head signs it off.
  {
    action: 'submit_explanation',
    from: ['appraisal_1_done'],
    to: 'explanation_submitted',
    actors: ['focal', 'head'],
    stage: 'explanation',
    reasonRequired: false,
  },
  {
    action: 'complete_appraisal_2',
    from: ['appraisal_1_done', 'explanation_submitted'],
    to: 'appraisal_2_done',
    actors: ['appraiser', 'organiser'],
    stage: 'appraisal_2',
    reasonRequired: false,
  },
  // The council's final points (by default the last appraisal), recorded by the organiser.
  {
    action: 'finalise',
    from: ['appraisal_2_done'],
    to: 'finalised',
    actors: ['organiser'],
    stage: 'council',
    reasonRequired: false,
  },
];

export type ParUnitDecision =
  | { ok: true; transition: ParUnitTransition }
  | {
      ok: false;
      code: 'PAR_UNIT_ACTION_NOT_ALLOWED' | 'PAR_WRONG_ROUND_STAGE' | 'PAR_UNIT_STATUS_INVALID' | 'PAR_REASON_REQUIRED';
    };

/** Decides a unit's status change: the actor, the round's stage, the unit's status, the reason. */
export const decideUnitTransition = (input: {
  action: ParUnitAction;
  actors: readonly ParActor[];
  stage: ParRoundStage;
  status: ParUnitStatus;
  reason?: string | null | undefined;
}): ParUnitDecision => {
  const transition = PAR_UNIT_TRANSITIONS.find((t) => t.action === input.action);
  if (!transition?.actors.some((actor) => input.actors.includes(actor))) {
    return { ok: false, code: 'PAR_UNIT_ACTION_NOT_ALLOWED' };
  }
  if (transition.stage !== input.stage) {
    return { ok: false, code: 'PAR_WRONG_ROUND_STAGE' };
  }
  if (!transition.from.includes(input.status)) {
    return { ok: false, code: 'PAR_UNIT_STATUS_INVALID' };
  }
  if (transition.reasonRequired && !input.reason?.trim()) {
    return { ok: false, code: 'PAR_REASON_REQUIRED' };
  }
  return { ok: true, transition };
};

// ---------------------------------------------------------------------------------------------------------
// What each stage may write

/** The fields a round writes on a leaf: the four score stages plus the unit's explanation note. */
export type ParScoreField = ParScoreStage | 'explanation';

export type ParWriteRule = {
  field: ParScoreField;
  actors: readonly ParActor[];
  stage: ParRoundStage;
  /** The unit statuses in which the field is open. */
  statuses: readonly ParUnitStatus[];
  /** Whether the field carries points (the explanation is a note and evidence only). */
  withPoints: boolean;
};

/** What each stage may write, and who. */
export const PAR_WRITE_RULES: readonly ParWriteRule[] = [
  { field: 'self', actors: ['focal'], stage: 'self_assessment', statuses: ['self_draft'], withPoints: true },
  {
    field: 'appraisal_1',
    actors: ['appraiser', 'organiser'],
    stage: 'appraisal_1',
    statuses: ['self_locked'],
    withPoints: true,
  },
  {
    field: 'explanation',
    actors: ['focal'],
    stage: 'explanation',
    statuses: ['appraisal_1_done'],
    withPoints: false,
  },
  {
    field: 'appraisal_2',
    actors: ['appraiser', 'organiser'],
    stage: 'appraisal_2',
    statuses: ['appraisal_1_done', 'explanation_submitted'],
    withPoints: true,
  },
  { field: 'final', actors: ['organiser'], stage: 'council', statuses: ['appraisal_2_done'], withPoints: true },
];

/** Evidence is added by the unit while self-assessing and while explaining. */
export const evidenceStageOf = (field: ParScoreField): 'self_assessment' | 'explanation' | null =>
  field === 'self' ? 'self_assessment' : field === 'explanation' ? 'explanation' : null;

export type ParWriteRefusal =
  | 'PAR_UNIT_ACTION_NOT_ALLOWED'
  | 'PAR_WRONG_ROUND_STAGE'
  | 'PAR_UNIT_STATUS_INVALID'
  | 'PAR_NOT_A_LEAF'
  | 'PAR_CRITERION_NOT_APPLICABLE'
  | 'PAR_SURVEY_SCORED'
  | 'PAR_POINTS_OUT_OF_RANGE'
  | 'PAR_POINTS_REQUIRED';

/** Whether the actor may write the field now (the leaf itself is checked by `checkLeafScore`). */
export const decideWrite = (input: {
  field: ParScoreField;
  actors: readonly ParActor[];
  stage: ParRoundStage;
  status: ParUnitStatus;
}): { ok: true; rule: ParWriteRule } | { ok: false; code: ParWriteRefusal } => {
  const rule = PAR_WRITE_RULES.find((r) => r.field === input.field);
  if (!rule?.actors.some((a) => input.actors.includes(a))) {
    return { ok: false, code: 'PAR_UNIT_ACTION_NOT_ALLOWED' };
  }
  if (rule.stage !== input.stage) {
    return { ok: false, code: 'PAR_WRONG_ROUND_STAGE' };
  }
  if (!rule.statuses.includes(input.status)) {
    return { ok: false, code: 'PAR_UNIT_STATUS_INVALID' };
  }
  return { ok: true, rule };
};

/**
 * A leaf's points: an integer number of hundredths between 0 and the leaf's maximum; survey-scored leaves
 * (điều tra xã hội học) are never self-scored (their points come from the survey, entered by the
 * appraisers or the council); inapplicable criteria take no points.
 */
export const checkLeafScore = (input: {
  leaf: Pick<ParCriterion, 'maxPoints' | 'surveyScored'> & { isLeaf: boolean };
  applicable: boolean;
  field: ParScoreField;
  points: ParPoints | null;
}): { ok: true } | { ok: false; code: ParWriteRefusal } => {
  if (!input.leaf.isLeaf) {
    return { ok: false, code: 'PAR_NOT_A_LEAF' };
  }
  if (!input.applicable) {
    return { ok: false, code: 'PAR_CRITERION_NOT_APPLICABLE' };
  }
  if (input.leaf.surveyScored && (input.field === 'self' || input.field === 'explanation')) {
    return { ok: false, code: 'PAR_SURVEY_SCORED' };
  }
  if (input.field === 'explanation') {
    return { ok: true };
  }
  if (input.points === null) {
    return { ok: false, code: 'PAR_POINTS_REQUIRED' };
  }
  if (!Number.isInteger(input.points) || input.points < 0 || input.points > input.leaf.maxPoints) {
    return { ok: false, code: 'PAR_POINTS_OUT_OF_RANGE' };
  }
  return { ok: true };
};

/** A bonus or penalty of a stage: between 0 and the set's cap for it. */
export const checkAdjustment = (input: {
  kind: ParAdjustmentKind;
  points: ParPoints;
  caps: { bonusCap: ParPoints; penaltyCap: ParPoints };
}): { ok: true } | { ok: false; code: 'PAR_POINTS_OUT_OF_RANGE'; cap: ParPoints } => {
  const cap = input.kind === 'bonus' ? input.caps.bonusCap : input.caps.penaltyCap;
  return Number.isInteger(input.points) && input.points >= 0 && input.points <= cap
    ? { ok: true }
    : { ok: false, code: 'PAR_POINTS_OUT_OF_RANGE', cap };
};

/** The council's default final points: the last appraisal given (2, else 1), else the self-assessment. */
export const defaultFinalPoints = (score: {
  selfPoints: ParPoints | null;
  appraisal1Points: ParPoints | null;
  appraisal2Points: ParPoints | null;
}): ParPoints | null => score.appraisal2Points ?? score.appraisal1Points ?? score.selfPoints;

// ---------------------------------------------------------------------------------------------------------
// Deadlines on the working-time calendar

/** The deadline of each stage of the round (columns of par_round). */
export const PAR_DEADLINE_FIELDS = [
  'selfAssessmentDue',
  'appraisal1Due',
  'explanationDue',
  'appraisal2Due',
  'councilDue',
] as const;
export type ParDeadlineField = (typeof PAR_DEADLINE_FIELDS)[number];
export type ParDeadlines = Partial<Record<ParDeadlineField, LocalDate | null>>;

/** The stage whose work a deadline closes, and who is reminded of it. */
export const PAR_DEADLINE_STAGES: Record<
  ParDeadlineField,
  { stage: ParRoundStage; remind: 'unit' | 'appraiser' | 'organiser' }
> = {
  selfAssessmentDue: { stage: 'self_assessment', remind: 'unit' },
  appraisal1Due: { stage: 'appraisal_1', remind: 'appraiser' },
  explanationDue: { stage: 'explanation', remind: 'unit' },
  appraisal2Due: { stage: 'appraisal_2', remind: 'appraiser' },
  councilDue: { stage: 'council', remind: 'organiser' },
};

/**
 * Deadlines must be working days of the province's calendar (a deadline on a Sunday or a holiday is
 * refused, not moved) and follow the stages' order.
 */
export const checkDeadlines = (
  deadlines: ParDeadlines,
  calendar: Pick<WorkingTimeCalendar, 'isWorkingDay'>,
): { field: ParDeadlineField; code: 'PAR_DEADLINE_NOT_WORKING_DAY' | 'PAR_DEADLINE_ORDER' }[] => {
  const problems: { field: ParDeadlineField; code: 'PAR_DEADLINE_NOT_WORKING_DAY' | 'PAR_DEADLINE_ORDER' }[] = [];
  let previous: LocalDate | null = null;
  for (const field of PAR_DEADLINE_FIELDS) {
    const date = deadlines[field];
    if (!date) {
      continue;
    }
    if (!calendar.isWorkingDay(date)) {
      problems.push({ field, code: 'PAR_DEADLINE_NOT_WORKING_DAY' });
    } else if (previous !== null && date < previous) {
      problems.push({ field, code: 'PAR_DEADLINE_ORDER' });
    }
    previous = date;
  }
  return problems;
};

/** Late: done after the end of the due date's working day (or not done while that moment has passed). */
export const isLate = (input: {
  due: LocalDate | null | undefined;
  doneAt: Date | null | undefined;
  now: Date;
  calendar: Pick<WorkingTimeCalendar, 'getEndOfWorkingDay'>;
}): boolean => {
  if (!input.due) {
    return false;
  }
  const end = input.calendar.getEndOfWorkingDay(input.due);
  return (input.doneAt ?? input.now).getTime() > end;
};

/**
 * The setting of how many working days before a deadline the reminders go out (default 3; the province
 * changes it in the application settings, key `par.reminderWorkingDays`).
 */
export const PAR_REMINDER_WORKING_DAYS_DEFAULT = 3;
export const PAR_REMINDER_SETTING_KEY = 'par.reminderWorkingDays';

/** The working day N working days before the due date (the due date itself for N = 0). */
export const getReminderDate = (
  due: LocalDate,
  workingDaysBefore: number,
  calendar: Pick<WorkingTimeCalendar, 'isWorkingDay'>,
): LocalDate => {
  let date = due;
  let left = workingDaysBefore;
  // A year holds at most ~250 working days; 400 calendar days bound the walk.
  for (let guard = 0; left > 0 && guard < 400; guard++) {
    date = addDays(date, -1);
    if (calendar.isWorkingDay(date)) {
      left -= 1;
    }
  }
  return date;
};

// ---------------------------------------------------------------------------------------------------------
// The score history: one event, as its hash covers it

/** The fields of a par_score_event that its hash covers (everything but the database id and the hashes). */
export type ParScoreEventContent = {
  roundId: string;
  agencyId: string;
  seq: number;
  criterionCode: string | null;
  action: string;
  field: string;
  points: number | null;
  note: string | null;
  detail: unknown;
  actorUserId: string | null;
  at: Date;
};

/** The canonical object hashed for a score event (the server hashes its canonical JSON with SHA-256). */
export const toHashedParScoreEvent = (event: ParScoreEventContent) => ({
  roundId: event.roundId,
  agencyId: event.agencyId,
  seq: event.seq,
  criterionCode: event.criterionCode,
  action: event.action,
  field: event.field,
  points: event.points,
  note: event.note,
  detail: event.detail ?? null,
  actorUserId: event.actorUserId,
  at: event.at.toISOString(),
});
