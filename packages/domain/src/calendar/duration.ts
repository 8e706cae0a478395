import { CalendarError } from './calendar-error.js';
import {
  findTimeOfDayMinutes,
  getDayStartInstant,
  getLocalDayNumber,
  MAX_INSTANT,
  MAX_YEAR,
  MIN_INSTANT,
  MIN_YEAR,
  MS_PER_MINUTE,
} from './local-date.js';
import type { WorkingTimeCalendar } from './working-time.js';

/**
 * Legal time limits (thời hạn giải quyết) and due instants.
 *
 * - working_days / working_hours: counted in working time. One working day is
 *   `minutesPerWorkingDay` (default 480 = 8 h) of working time counted from the receipt instant,
 *   which is how one-stop systems count (durations stored in hours, 1 day = 8 h).
 * - calendar_days: Civil Code 2015 (91/2015/QH13) Art. 147(2): for a term in days the first day
 *   (the day of receipt) is not counted; Art. 148(1), (5): the term ends at the end of its last
 *   day, and when that day is a weekend or holiday, at the end of the next working day (clause
 *   numbers recalled). Art. 148(6) puts the end of a day at 24:00; for an administrative
 *   procedure the result is returned during office hours, so the due instant is the close of
 *   working hours of that day (the end of its last working interval).
 * - same_day: a request received on a working day before the cut-off is done the same day, a later
 *   one by the close of the next working day — e.g. certification (chứng thực), Decree
 *   23/2015/NĐ-CP Art. 7 (recalled): "sau 15 giờ" → next working day.
 */
export type DurationRule =
  | { readonly unit: 'working_days' | 'working_hours'; readonly value: number; readonly cutoff?: string }
  | { readonly unit: 'calendar_days'; readonly value: number }
  | { readonly unit: 'same_day'; readonly cutoff: string };

/**
 * A stretch during which the clock is stopped (waiting for a supplement or a payment): the
 * working time inside it does not count. An open pause has no `end`. Decree 61/2018/NĐ-CP, now
 * Decree 118/2025/NĐ-CP (recalled): the time the applicant takes to supplement a dossier is not
 * counted in the processing time.
 */
export interface DuePause {
  readonly start: number;
  readonly end?: number;
}

export interface ComputeDueInput {
  /** Receipt instant (epoch ms). */
  readonly start: number;
  readonly rule: DurationRule;
  readonly pauses?: readonly DuePause[];
  /**
   * The clock restarts from zero at this instant (procedures whose rules give the full time
   * again after a supplement). Pauses before it are irrelevant; the rule's cut-off applies to it
   * as to a new receipt.
   */
  readonly restartAt?: number;
}

export interface DueResult {
  /** The due instant, or null while an open pause stops the clock. */
  readonly dueAt: number | null;
  /**
   * True when a day from the start date to the due date (to the open pause's date when
   * `dueAt` is null) is in a year without a published schedule or in a proposed / pending-law
   * period: the due instant may still move.
   */
  readonly provisional: boolean;
  /** With `dueAt` null: the working minutes that were left when the open pause started. */
  readonly remainingWorkingMinutes?: number;
}

export type CompletionClass = 'early' | 'on_time' | 'late';

type CompiledRule =
  | { readonly kind: 'working'; readonly ms: number; readonly cutoff: number | undefined }
  | { readonly kind: 'calendar_days'; readonly days: number }
  | { readonly kind: 'same_day'; readonly cutoff: number };

const invalidDuration = (reason: string): CalendarError =>
  new CalendarError('INVALID_DURATION', `Invalid duration rule: ${reason}`, { reason });

// Rules repeat a handful of cut-offs ('15:00', '16:00'…); parsing them once keeps computeDue cheap.
const cutoffCache = new Map<string, number>();

const parseCutoff = (cutoff: unknown): number => {
  if (typeof cutoff === 'string') {
    const cached = cutoffCache.get(cutoff);
    if (cached !== undefined) {
      return cached;
    }
  }
  const minutes = typeof cutoff === 'string' ? findTimeOfDayMinutes(cutoff) : undefined;
  if (minutes !== undefined && typeof cutoff === 'string' && cutoffCache.size < 1440) {
    cutoffCache.set(cutoff, minutes);
  }
  if (minutes === undefined) {
    throw invalidDuration(`cutoff must be HH:MM within 00:00–24:00, got "${String(cutoff)}"`);
  }
  return minutes;
};

const assertValue = (value: unknown, integer: boolean): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw invalidDuration(
      `value must be a finite ${integer ? 'integer' : 'number'} ≥ 0, got ${typeof value === 'number' ? value : String(value)}`,
    );
  }
  return value;
};

/**
 * Validates a rule (throws 'INVALID_DURATION'): value a finite number ≥ 0, an integer for
 * calendar_days; cutoff 'HH:MM'.
 */
const compileRule = (rule: DurationRule, minutesPerWorkingDay: number): CompiledRule => {
  if (typeof rule !== 'object' || rule === null) {
    throw invalidDuration('rule must be an object');
  }
  switch (rule.unit) {
    case 'working_days':
    case 'working_hours': {
      const value = assertValue(rule.value, false);
      const minutes = rule.unit === 'working_days' ? value * minutesPerWorkingDay : value * 60;
      return {
        kind: 'working',
        ms: Math.round(minutes * MS_PER_MINUTE),
        cutoff: rule.cutoff === undefined ? undefined : parseCutoff(rule.cutoff),
      };
    }
    case 'calendar_days':
      return { kind: 'calendar_days', days: assertValue(rule.value, true) };
    case 'same_day':
      return { kind: 'same_day', cutoff: parseCutoff(rule.cutoff) };
    default:
      throw invalidDuration(`unknown unit "${String((rule as { unit?: unknown }).unit)}"`);
  }
};

/** Throws `CalendarError` 'INVALID_DURATION' unless the rule is valid. */
export const validateDurationRule = (rule: DurationRule): DurationRule => {
  compileRule(rule, 480);
  return rule;
};

/** A finite instant inside the calendar's years, or a CalendarError naming the argument. */
export const assertInstant = (ms: unknown, name: string): number => {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new CalendarError('INVALID_INSTANT', `${name} must be a finite epoch-millisecond number`, {
      name,
      value: String(ms),
    });
  }
  if (ms < MIN_INSTANT || ms > MAX_INSTANT) {
    throw new CalendarError('OUT_OF_RANGE', `${name} is outside ${MIN_YEAR}–${MAX_YEAR} (Vietnam time)`, {
      name,
      value: ms,
    });
  }
  return ms;
};

interface MergedPause {
  start: number;
  end: number | undefined;
}

/** Validates, clips to `from`, sorts and merges pauses (an open pause swallows everything after it). */
const mergePauses = (pauses: readonly DuePause[] | undefined, from: number): MergedPause[] => {
  if (pauses === undefined || pauses.length === 0) {
    return [];
  }
  if (!Array.isArray(pauses)) {
    throw new CalendarError('INVALID_PAUSE', 'pauses must be an array', {});
  }
  const list: MergedPause[] = [];
  for (const [i, pause] of pauses.entries()) {
    const start = assertInstant(pause?.start, `pauses[${i}].start`);
    const end = pause.end === undefined ? undefined : assertInstant(pause.end, `pauses[${i}].end`);
    if (end !== undefined && end < start) {
      throw new CalendarError('INVALID_PAUSE', `pauses[${i}] ends before it starts`, { index: i });
    }
    if (end !== undefined && end <= from) {
      continue; // entirely before the clock starts
    }
    list.push({ start: Math.max(start, from), end });
  }
  list.sort((a, b) => a.start - b.start);
  const merged: MergedPause[] = [];
  for (const pause of list) {
    const last = merged[merged.length - 1];
    if (last && (last.end === undefined || pause.start <= last.end)) {
      if (last.end !== undefined) {
        last.end = pause.end === undefined || pause.end > last.end ? pause.end : last.end;
      }
    } else {
      merged.push({ ...pause });
    }
  }
  return merged;
};

const localMinutesOf = (ms: number): number => (ms - getDayStartInstant(getLocalDayNumber(ms))) / MS_PER_MINUTE;

const getNextWorkingDayNumber = (calendar: WorkingTimeCalendar, dayNumber: number): number => {
  const next = calendar.findWorkingDayNumberAfter(dayNumber);
  if (next === undefined) {
    throw new CalendarError('OUT_OF_RANGE', `The due date is after ${MAX_YEAR}`, { value: dayNumber });
  }
  return next;
};

/**
 * Where counting starts under a cut-off: a receipt on a working day before the cut-off counts
 * from the receipt itself (before opening hours that means from opening, e.g. 06:00 → 07:00); a
 * receipt at/after the cut-off or on a day off counts from the start of the next working day.
 */
const applyCutoff = (calendar: WorkingTimeCalendar, ms: number, cutoff: number | undefined): number => {
  if (cutoff === undefined) {
    return ms;
  }
  const day = getLocalDayNumber(ms);
  if (calendar.isWorkingDayNumber(day) && localMinutesOf(ms) < cutoff) {
    return ms;
  }
  return calendar.getStartOfWorkingDayNumber(getNextWorkingDayNumber(calendar, day));
};

interface ClockResult {
  readonly dueAt: number | null;
  readonly remainingMs: number;
  /** Day number up to which provisional days matter. */
  readonly lastDay: number;
}

/** Runs a working-time budget from `from`, skipping the working time inside pauses. */
const runWorkingClock = (
  calendar: WorkingTimeCalendar,
  from: number,
  budgetMs: number,
  pauses: readonly MergedPause[],
): ClockResult => {
  let current = from;
  let remaining = budgetMs;
  for (const pause of pauses) {
    if (remaining <= 0) {
      break;
    }
    if (pause.start > current) {
      const available = calendar.getWorkingMsBetween(current, pause.start);
      if (available >= remaining) {
        break;
      }
      remaining -= available;
    }
    if (pause.end === undefined) {
      return { dueAt: null, remainingMs: remaining, lastDay: getLocalDayNumber(pause.start) };
    }
    if (pause.end > current) {
      current = pause.end;
    }
  }
  const dueAt = calendar.addWorkingMs(current, remaining);
  return { dueAt, remainingMs: 0, lastDay: getLocalDayNumber(dueAt) };
};

/**
 * Calendar-day terms with pauses: each pause moves the last day by the number of calendar days
 * it spans (pause end date − pause start date, so a pause within one day moves nothing and a
 * pause from Monday to Wednesday moves two days). Only pauses that begin before the current due
 * instant count. Our reading of "the waiting time is not counted" for terms in days.
 */
const runCalendarDays = (
  calendar: WorkingTimeCalendar,
  from: number,
  days: number,
  pauses: readonly MergedPause[],
): ClockResult => {
  const fromDay = getLocalDayNumber(from);
  let lastDay = fromDay + days; // Art. 147(2): the day of receipt is not counted.
  const dueOf = (day: number): number => {
    const workingDay = calendar.isWorkingDayNumber(day) ? day : getNextWorkingDayNumber(calendar, day);
    return calendar.getEndOfWorkingDayNumber(workingDay); // Art. 148(5): never ends on a day off.
  };
  let dueAt = dueOf(lastDay);
  for (const pause of pauses) {
    if (pause.start >= dueAt) {
      break;
    }
    if (pause.end === undefined) {
      return {
        dueAt: null,
        remainingMs: calendar.getWorkingMsBetween(pause.start, dueAt),
        lastDay: getLocalDayNumber(pause.start),
      };
    }
    lastDay += getLocalDayNumber(pause.end) - getLocalDayNumber(pause.start);
    dueAt = dueOf(lastDay);
  }
  return { dueAt, remainingMs: 0, lastDay: getLocalDayNumber(dueAt) };
};

/**
 * The due instant of a time limit started at `start` (and restarted at `restartAt`), with the
 * working time inside `pauses` not counted. Pauses only ever move the due instant later.
 */
export const computeDue = (calendar: WorkingTimeCalendar, input: ComputeDueInput): DueResult => {
  const rule = compileRule(input.rule, calendar.minutesPerWorkingDay);
  const start = assertInstant(input.start, 'start');
  let origin = start;
  if (input.restartAt !== undefined) {
    origin = assertInstant(input.restartAt, 'restartAt');
    if (origin < start) {
      throw new CalendarError('INVALID_PAUSE', 'restartAt is before the start', { name: 'restartAt' });
    }
  }
  let result: ClockResult;
  if (rule.kind === 'working') {
    const countFrom = applyCutoff(calendar, origin, rule.cutoff);
    result = runWorkingClock(calendar, countFrom, rule.ms, mergePauses(input.pauses, countFrom));
  } else if (rule.kind === 'same_day') {
    const countFrom = applyCutoff(calendar, origin, rule.cutoff);
    const dayNumber = getLocalDayNumber(countFrom);
    const dueDay = calendar.isWorkingDayNumber(dayNumber) ? dayNumber : getNextWorkingDayNumber(calendar, dayNumber);
    const close = calendar.getEndOfWorkingDayNumber(dueDay);
    const pauses = mergePauses(input.pauses, countFrom);
    // With pauses the same-day limit becomes the working-time budget up to that close.
    result =
      pauses.length === 0
        ? { dueAt: close, remainingMs: 0, lastDay: dueDay }
        : runWorkingClock(calendar, countFrom, calendar.getWorkingMsBetween(countFrom, close), pauses);
  } else {
    result = runCalendarDays(calendar, origin, rule.days, mergePauses(input.pauses, origin));
  }
  const provisional = calendar.hasProvisionalDays(getLocalDayNumber(origin), result.lastDay);
  if (result.dueAt === null) {
    return { dueAt: null, provisional, remainingWorkingMinutes: result.remainingMs / MS_PER_MINUTE };
  }
  return { dueAt: result.dueAt, provisional };
};

export interface WorkingTimeElapsedInput {
  readonly start: number;
  readonly end: number;
  readonly pauses?: readonly DuePause[];
}

/** Working minutes from `start` to `end`, minus the working time inside pauses (open pauses run to `end`). */
export const getWorkingTimeElapsed = (calendar: WorkingTimeCalendar, input: WorkingTimeElapsedInput): number => {
  const start = assertInstant(input.start, 'start');
  const end = assertInstant(input.end, 'end');
  if (end <= start) {
    return 0;
  }
  let elapsed = calendar.getWorkingMsBetween(start, end);
  for (const pause of mergePauses(input.pauses, start)) {
    if (pause.start >= end) {
      break;
    }
    const pauseEnd = pause.end === undefined || pause.end > end ? end : pause.end;
    elapsed -= calendar.getWorkingMsBetween(pause.start, pauseEnd);
  }
  return elapsed / MS_PER_MINUTE;
};

export interface DueItem extends ComputeDueInput {
  readonly id: string;
}

export interface MovedDueInstant {
  readonly id: string;
  readonly before: number | null;
  readonly after: number | null;
  /** after − before in wall-clock minutes (positive = later); null when either side is open. */
  readonly deltaMinutes: number | null;
  readonly provisional: boolean;
}

/**
 * The items whose due instant changes between two calendars — e.g. the preview shown before an
 * admin saves a change to the day-off schedule ("these 42 open dossiers move, by this much").
 */
export const listMovedDueInstants = (
  items: readonly DueItem[],
  before: WorkingTimeCalendar,
  after: WorkingTimeCalendar,
): MovedDueInstant[] => {
  const moved: MovedDueInstant[] = [];
  for (const item of items) {
    const a = computeDue(before, item);
    const b = computeDue(after, item);
    if (a.dueAt === b.dueAt) {
      continue;
    }
    const both = a.dueAt !== null && b.dueAt !== null;
    moved.push({
      id: item.id,
      before: a.dueAt,
      after: b.dueAt,
      deltaMinutes: both ? ((b.dueAt ?? 0) - (a.dueAt ?? 0)) / MS_PER_MINUTE : null,
      provisional: b.provisional,
    });
  }
  return moved;
};
