import { computeDue, type DuePause } from '../calendar/duration.js';
import type { WorkingTimeCalendar } from '../calendar/working-time.js';
import type { ProcedureDuration } from '../catalog/procedure.js';

/**
 * The legal clock of a dossier. It starts at receipt (the appointment on Mẫu 01 is computed from
 * here), stops while the applicant supplements the dossier or pays (the time the applicant takes is
 * not counted: Decree 61/2018/NĐ-CP Art. 19, carried into Decree 118/2025/NĐ-CP — recalled), and
 * either resumes or restarts from zero after a supplement, as the procedure version says (some
 * procedures count their time "kể từ ngày nhận đủ hồ sơ hợp lệ"). An apology (Mẫu 04) sets a new
 * appointment once; the dossier is still counted against its legal due instant.
 */
export type ClockPause = { start: number; end?: number; reason: 'supplement' | 'payment' };

export type DossierClock = {
  /** The legal time limit of the channel the dossier came in by (null: no published limit). */
  rule: ProcedureDuration | null;
  /** Receipt instant; null before receipt (an online dossier waiting for the desk). */
  startedAt: number | null;
  /** The clock restarted from zero here (after a supplement, for procedures that restart). */
  restartAt?: number;
  pauses: ClockPause[];
  /** The new appointment given with an apology, and when it was given. */
  rescheduledDueAt?: number;
  rescheduledAt?: number;
};

export type ClockReading = {
  /** The legal due instant (pauses and restart applied, apology not), or null while paused or not started. */
  legalDueAt: number | null;
  /** The appointment the applicant holds now: the apology's new date (extended by later pauses) or the legal due. */
  dueAt: number | null;
  provisional: boolean;
  paused: boolean;
  /** Working minutes left when the clock stopped (only while paused). */
  remainingWorkingMinutes?: number;
};

const toDuePauses = (pauses: readonly ClockPause[]): DuePause[] =>
  pauses.map((p) => (p.end === undefined ? { start: p.start } : { start: p.start, end: p.end }));

/** Reads the clock: the legal due instant and the appointment, given the calendar of the receiving agency. */
export const readClock = (calendar: WorkingTimeCalendar, clock: DossierClock): ClockReading => {
  if (clock.startedAt === null || clock.rule === null) {
    return { legalDueAt: null, dueAt: null, provisional: false, paused: clock.pauses.some((p) => p.end === undefined) };
  }
  const result = computeDue(calendar, {
    start: clock.startedAt,
    rule: clock.rule,
    pauses: toDuePauses(clock.pauses),
    ...(clock.restartAt !== undefined ? { restartAt: clock.restartAt } : {}),
  });
  const paused = result.dueAt === null;
  let dueAt = result.dueAt;
  if (clock.rescheduledDueAt !== undefined && clock.rescheduledAt !== undefined) {
    // Pauses after the apology push the new appointment by their working time.
    const later = clock.pauses.filter((p) => p.start >= (clock.rescheduledAt ?? 0));
    if (later.some((p) => p.end === undefined)) {
      dueAt = null;
    } else {
      const extra = later.reduce((sum, p) => sum + calendar.getWorkingMinutesBetween(p.start, p.end ?? p.start), 0);
      dueAt = calendar.addWorkingMinutes(clock.rescheduledDueAt, extra);
    }
  }
  return {
    legalDueAt: result.dueAt,
    dueAt,
    provisional: result.provisional,
    paused,
    ...(result.remainingWorkingMinutes !== undefined
      ? { remainingWorkingMinutes: result.remainingWorkingMinutes }
      : {}),
  };
};

export const openPause = (clock: DossierClock, at: number, reason: ClockPause['reason']): DossierClock => ({
  ...clock,
  pauses: [...clock.pauses, { start: at, reason }],
});

/** Closes the open pause; with `restart`, the clock starts again from zero at this instant. */
export const closePause = (clock: DossierClock, at: number, restart: boolean): DossierClock => ({
  ...clock,
  pauses: clock.pauses.map((p) => (p.end === undefined ? { ...p, end: Math.max(at, p.start) } : p)),
  ...(restart ? { restartAt: at } : {}),
});
