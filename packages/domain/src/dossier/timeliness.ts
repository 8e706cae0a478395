import { assertInstant } from '../calendar/duration.js';
import { getLocalDayNumber } from '../calendar/local-date.js';

/**
 * Early / on time / late: the one rule that words how a dossier, or one step of it, kept its time.
 * The dossier page, the control slip, the public tracking page, the reports and the import of past
 * dossiers all ask this module; none words it on its own.
 *
 * Legal basis (recalled; full texts to be checked, see regulations.md §7):
 * - Decree 61/2018/NĐ-CP Art. 19–20, as amended by Decree 107/2021/NĐ-CP, and Decree 118/2025/NĐ-CP
 *   which replaces it: the result is returned by the appointment on the receipt; it may be returned
 *   earlier ("trước hạn", the applicant is told); past the appointment the agency apologises and
 *   reschedules once — the dossier is then late against the legal due instant all the same.
 * - Circular 01/2018/TT-VPCP Mẫu 05 (Mẫu 06 of Circular 03/2025/TT-VPCP), the control slip: each
 *   hand-over records "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/Đúng hạn/Quá hạn)"; the tracking book
 *   (Mẫu 06, Mẫu 07 of Circular 03/2025) and the periodic statistics use the same three words.
 * - Decision 766/QĐ-TTg counts "trước hạn, đúng hạn" against "quá hạn" in the same way.
 *
 * The rule: finished on a local (Vietnam) day before the due day → early; on the due day and not
 * after the due instant → on time; after the due instant → late. Not finished yet: overdue once the
 * due instant has passed, otherwise still within time. No due instant (a procedure without a legal
 * time) → no deadline.
 */
export type Timeliness = 'early' | 'on_time' | 'late' | 'in_time' | 'overdue' | 'no_deadline';

/** The three classes of a finished dossier or step (the `completion_class` column). */
export type FinishedTimeliness = Extract<Timeliness, 'early' | 'on_time' | 'late'>;

export type TimelinessInput = {
  /** The due instant (ms); undefined or null when the procedure sets no time. */
  dueAt: number | null | undefined;
  /** When the dossier or step finished (ms); undefined or null while it is still open. */
  completedAt: number | null | undefined;
  /** The instant to judge an open item at; needed only when it has not finished. */
  now?: number;
  /**
   * The class recorded when the dossier finished (its `completion_class`, or the result an imported
   * file states). It is the record and wins over a class computed again from the instants.
   */
  recorded?: FinishedTimeliness | null;
};

/** The words printed and shown for each class (Circular 01/2018 Mẫu 05 column wording). */
export const TIMELINESS_LABELS: Record<Timeliness, { vi: string; en: string }> = {
  early: { vi: 'Trước hạn', en: 'Early' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  in_time: { vi: 'Trong hạn', en: 'Within time' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  no_deadline: { vi: 'Không quy định thời hạn', en: 'No time limit' },
};

/** The class of a finished item: early, on time or late against its due instant. */
export const classifyCompletion = (completedAt: number, dueAt: number): FinishedTimeliness => {
  assertInstant(completedAt, 'completedAt');
  assertInstant(dueAt, 'dueAt');
  if (completedAt > dueAt) {
    return 'late';
  }
  return getLocalDayNumber(completedAt) < getLocalDayNumber(dueAt) ? 'early' : 'on_time';
};

/** The class of a dossier or step, finished or not (see the module comment for the rule). */
export const classifyTimeliness = (input: TimelinessInput): Timeliness => {
  const { dueAt, completedAt, now, recorded } = input;
  if (recorded) {
    return recorded;
  }
  if (dueAt === null || dueAt === undefined) {
    return 'no_deadline';
  }
  if (completedAt !== null && completedAt !== undefined) {
    return classifyCompletion(completedAt, dueAt);
  }
  if (now === undefined) {
    throw new RangeError('classifyTimeliness: an open item needs `now`');
  }
  return assertInstant(now, 'now') > dueAt ? 'overdue' : 'in_time';
};

/** The class and its words, e.g. `{ timeliness: 'early', vi: 'Trước hạn', en: 'Early' }`. */
export const describeTimeliness = (input: TimelinessInput): { timeliness: Timeliness; vi: string; en: string } => {
  const timeliness = classifyTimeliness(input);
  return { timeliness, ...TIMELINESS_LABELS[timeliness] };
};
