import { z } from 'zod';
import { computeDue, type DuePause } from '../calendar/duration.js';
import type { WorkingTimeCalendar } from '../calendar/working-time.js';
import type { PaknCategory } from './pakn-workflow.js';

/**
 * Time limits of a PAKN, counted in legal working time (the province's working-time calendar:
 * weekends, holidays and swapped days of packages/domain/src/calendar). They are province settings;
 * these are the defaults:
 * - classify (and forward) within 5 working days of receipt: Decree 20/2008/NĐ-CP Art. 9(2)(d) as
 *   amended by Decree 48/2013/NĐ-CP ("chuyển … trong thời hạn 05 ngày làm việc", confirmed in the
 *   consolidated text, reform brief §C). The same limit is applied to every classification, also
 *   to a rejection [INF: the decree sets no separate one];
 * - answer within 10 working days from when the competent agency holds it (from receipt when the
 *   receiving agency is competent, from the hand-over when it was forwarded): [RECALL, verify] the
 *   national portal's rule (QĐ 31/2021/QĐ-TTg Art. 17–18: at most 10 working days for a PAKN
 *   received on the portal). Ministry rules set 3, 5, 7 or 10 working days by kind (TT 11/2014/TT-BCT,
 *   TT 17/2014/TT-BVHTTDL); a province chooses its own per category here.
 * - the time the sender takes to clarify does not count [INF: as a dossier's supplement, Decree
 *   118/2025/NĐ-CP]: each clarification request pauses the answer clock until the clarification is
 *   recorded.
 */
export const PaknTimeLimits = z
  .object({
    classifyWorkingDays: z.number().int().min(1).max(30),
    answerWorkingDays: z
      .object({
        conduct: z.number().int().min(1).max(90),
        own_competence: z.number().int().min(1).max(90),
        not_competent: z.number().int().min(1).max(90),
      })
      .strict(),
  })
  .strict();
export type PaknTimeLimits = z.infer<typeof PaknTimeLimits>;

export const PAKN_DEFAULT_TIME_LIMITS: PaknTimeLimits = {
  classifyWorkingDays: 5,
  answerWorkingDays: { conduct: 10, own_competence: 10, not_competent: 10 },
};

export type PaknClock = {
  receivedAt: number;
  category: PaknCategory | null;
  /** When the holding (competent) agency got it: receipt, or the last hand-over. Null while not yet handled. */
  answerClockStart: number | null;
  /** Clarification intervals since the answer clock started (an open one has no end). */
  pauses: readonly DuePause[];
};

export type PaknDeadlines = {
  classifyDueAt: number;
  /** Null before classification, for a rejected PAKN, or while a clarification is pending (clock stopped). */
  answerDueAt: number | null;
  provisional: boolean;
};

/** The classification and answer deadlines of a PAKN on the province's working-time calendar. */
export const computePaknDeadlines = (
  calendar: WorkingTimeCalendar,
  clock: PaknClock,
  limits: PaknTimeLimits = PAKN_DEFAULT_TIME_LIMITS,
): PaknDeadlines => {
  const classify = computeDue(calendar, {
    start: clock.receivedAt,
    rule: { unit: 'working_days', value: limits.classifyWorkingDays },
  });
  if (classify.dueAt === null) {
    throw new RangeError('a classification deadline has no pause and is always set');
  }
  if (clock.category === null || clock.category === 'rejected' || clock.answerClockStart === null) {
    return { classifyDueAt: classify.dueAt, answerDueAt: null, provisional: classify.provisional };
  }
  const answer = computeDue(calendar, {
    start: clock.answerClockStart,
    rule: { unit: 'working_days', value: limits.answerWorkingDays[clock.category] },
    pauses: clock.pauses.filter((pause) => (pause.end ?? Number.POSITIVE_INFINITY) > (clock.answerClockStart ?? 0)),
  });
  return {
    classifyDueAt: classify.dueAt,
    answerDueAt: answer.dueAt,
    provisional: classify.provisional || answer.provisional,
  };
};
