import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/local-date.js';
import { createDayOffCalendar } from '../calendar/schedule.js';
import { DEFAULT_WORKING_HOURS, WorkingTimeCalendar } from '../calendar/working-time.js';
import {
  checkAdjustment,
  checkDeadlines,
  checkLeafScore,
  decideRoundTransition,
  decideUnitTransition,
  decideWrite,
  defaultFinalPoints,
  getReminderDate,
  isLate,
  PAR_ACTORS,
  PAR_ROUND_TRANSITIONS,
  PAR_UNIT_TRANSITIONS,
  PAR_WRITE_RULES,
  type ParScoreField,
  type ParUnitAction,
  toHashedParScoreEvent,
} from './round.js';
import { PAR_ROUND_STAGES, PAR_UNIT_STATUSES } from './types.js';

const calendar = new WorkingTimeCalendar(createDayOffCalendar(), DEFAULT_WORKING_HOURS);

describe('the round stage table', () => {
  it('walks every stage once, in order, from draft to published', () => {
    const path = ['draft'];
    let stage = 'draft';
    for (;;) {
      const next = PAR_ROUND_TRANSITIONS.find((t) => t.from === stage);
      if (!next) {
        break;
      }
      path.push(next.to);
      stage = next.to;
    }
    expect(path).toEqual([...PAR_ROUND_STAGES]);
  });

  it('answers every stage × action: only the table row is allowed', () => {
    for (const stage of PAR_ROUND_STAGES) {
      for (const { action } of PAR_ROUND_TRANSITIONS) {
        const decision = decideRoundTransition({ stage, action, counts: { finalised: 1 } });
        const row = PAR_ROUND_TRANSITIONS.find((t) => t.action === action && t.from === stage);
        expect(decision.ok, `${stage} ${action}`).toBe(row !== undefined);
      }
    }
  });

  it('publishes only when every unit is finalised, and says how many are not', () => {
    expect(decideRoundTransition({ stage: 'council', action: 'publish', counts: { finalised: 3 } }).ok).toBe(true);
    expect(
      decideRoundTransition({ stage: 'council', action: 'publish', counts: { finalised: 3, appraisal_2_done: 2 } }),
    ).toEqual({ ok: false, code: 'PAR_ROUND_PRECONDITION', precondition: 'all_finalised', pending: 2 });
  });

  it('opens only with units and a set for each of their groups', () => {
    expect(decideRoundTransition({ stage: 'draft', action: 'open', counts: {} }).ok).toBe(false);
    expect(
      decideRoundTransition({ stage: 'draft', action: 'open', counts: { self_draft: 2 }, groupsWithoutSet: 1 }).ok,
    ).toBe(false);
    expect(decideRoundTransition({ stage: 'draft', action: 'open', counts: { self_draft: 2 } }).ok).toBe(true);
  });

  it('advances to appraisal only when every self-assessment is locked (property)', () => {
    const counts = fc.record({
      self_draft: fc.nat(3),
      self_submitted: fc.nat(3),
      self_locked: fc.nat(3),
      appraisal_1_done: fc.nat(3),
    });
    fc.assert(
      fc.property(counts, (c) => {
        const decision = decideRoundTransition({ stage: 'self_assessment', action: 'start_appraisal_1', counts: c });
        expect(decision.ok).toBe(c.self_draft + c.self_submitted === 0);
      }),
    );
  });
});

describe('the unit status table', () => {
  const actions = PAR_UNIT_TRANSITIONS.map((t) => t.action);

  it('is exhaustive over actor × stage × status × action: allowed exactly where one row says so', () => {
    for (const action of actions) {
      for (const actor of PAR_ACTORS) {
        for (const stage of PAR_ROUND_STAGES) {
          for (const status of PAR_UNIT_STATUSES) {
            const row = PAR_UNIT_TRANSITIONS.find((t) => t.action === action);
            const decision = decideUnitTransition({ action, actors: [actor], stage, status, reason: 'lý do' });
            const expected = row?.actors.includes(actor) && row.stage === stage && row.from.includes(status);
            expect(decision.ok, `${actor} ${action} in ${stage} from ${status}`).toBe(expected);
            if (decision.ok) {
              expect(decision.transition.to).toBe(row?.to);
            }
          }
        }
      }
    }
  });

  it('follows the published workflow: submit → approve | return → appraisal 1 → explanation → appraisal 2 → final', () => {
    const step = (action: ParUnitAction, actor: (typeof PAR_ACTORS)[number], stage: string, status: string) => {
      const decision = decideUnitTransition({
        action,
        actors: [actor],
        stage: stage as never,
        status: status as never,
        reason: 'Thiếu tài liệu kiểm chứng',
      });
      if (!decision.ok) {
        throw new Error(`${action}: ${decision.code}`);
      }
      return decision.transition.to;
    };
    let status: string = 'self_draft';
    status = step('submit_self', 'focal', 'self_assessment', status);
    expect(step('return_self', 'head', 'self_assessment', status)).toBe('self_draft');
    status = step('approve_self', 'head', 'self_assessment', status);
    expect(status).toBe('self_locked');
    status = step('complete_appraisal_1', 'appraiser', 'appraisal_1', status);
    status = step('submit_explanation', 'focal', 'explanation', status);
    status = step('complete_appraisal_2', 'appraiser', 'appraisal_2', status);
    status = step('finalise', 'organiser', 'council', status);
    expect(status).toBe('finalised');
  });

  it('refuses a return without a reason, and says why each refusal happens', () => {
    expect(
      decideUnitTransition({
        action: 'return_self',
        actors: ['head'],
        stage: 'self_assessment',
        status: 'self_submitted',
      }),
    ).toEqual({ ok: false, code: 'PAR_REASON_REQUIRED' });
    expect(
      decideUnitTransition({
        action: 'approve_self',
        actors: ['focal'],
        stage: 'self_assessment',
        status: 'self_submitted',
      }),
    ).toEqual({ ok: false, code: 'PAR_UNIT_ACTION_NOT_ALLOWED' });
    expect(
      decideUnitTransition({ action: 'submit_self', actors: ['focal'], stage: 'appraisal_1', status: 'self_draft' }),
    ).toEqual({ ok: false, code: 'PAR_WRONG_ROUND_STAGE' });
    expect(
      decideUnitTransition({
        action: 'submit_self',
        actors: ['focal'],
        stage: 'self_assessment',
        status: 'self_locked',
      }),
    ).toEqual({ ok: false, code: 'PAR_UNIT_STATUS_INVALID' });
  });
});

describe('what each stage may write', () => {
  it('opens each field to its actors, in its stage, in its statuses only', () => {
    const fields: ParScoreField[] = ['self', 'appraisal_1', 'explanation', 'appraisal_2', 'final'];
    for (const field of fields) {
      for (const actor of PAR_ACTORS) {
        for (const stage of PAR_ROUND_STAGES) {
          for (const status of PAR_UNIT_STATUSES) {
            const rule = PAR_WRITE_RULES.find((r) => r.field === field);
            const expected =
              !!rule && rule.actors.includes(actor) && rule.stage === stage && rule.statuses.includes(status);
            expect(
              decideWrite({ field, actors: [actor], stage, status }).ok,
              `${actor} ${field} ${stage} ${status}`,
            ).toBe(expected);
          }
        }
      }
    }
  });

  it('keeps a leaf between 0 and its maximum (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: -100, max: 12_000 }), (max, points) => {
        const result = checkLeafScore({
          leaf: { maxPoints: max, surveyScored: false, isLeaf: true },
          applicable: true,
          field: 'appraisal_1',
          points,
        });
        expect(result.ok).toBe(points >= 0 && points <= max);
      }),
    );
  });

  it('never lets a unit self-score a survey leaf, refuses inapplicable leaves and parents', () => {
    const leaf = { maxPoints: 100, surveyScored: true, isLeaf: true };
    expect(checkLeafScore({ leaf, applicable: true, field: 'self', points: 50 })).toEqual({
      ok: false,
      code: 'PAR_SURVEY_SCORED',
    });
    expect(checkLeafScore({ leaf, applicable: true, field: 'final', points: 50 }).ok).toBe(true);
    expect(
      checkLeafScore({ leaf: { ...leaf, surveyScored: false }, applicable: false, field: 'self', points: 0 }),
    ).toEqual({
      ok: false,
      code: 'PAR_CRITERION_NOT_APPLICABLE',
    });
    expect(checkLeafScore({ leaf: { ...leaf, isLeaf: false }, applicable: true, field: 'self', points: 0 })).toEqual({
      ok: false,
      code: 'PAR_NOT_A_LEAF',
    });
    expect(
      checkLeafScore({ leaf: { ...leaf, surveyScored: false }, applicable: true, field: 'self', points: 12.5 }).ok,
    ).toBe(false);
  });

  it('caps bonus and penalty points by the set', () => {
    const caps = { bonusCap: 300, penaltyCap: 500 };
    expect(checkAdjustment({ kind: 'bonus', points: 300, caps }).ok).toBe(true);
    expect(checkAdjustment({ kind: 'bonus', points: 301, caps })).toEqual({
      ok: false,
      code: 'PAR_POINTS_OUT_OF_RANGE',
      cap: 300,
    });
    expect(checkAdjustment({ kind: 'penalty', points: 500, caps }).ok).toBe(true);
  });

  it('takes the last appraisal as the default final points', () => {
    expect(defaultFinalPoints({ selfPoints: 100, appraisal1Points: 75, appraisal2Points: 90 })).toBe(90);
    expect(defaultFinalPoints({ selfPoints: 100, appraisal1Points: 75, appraisal2Points: null })).toBe(75);
    expect(defaultFinalPoints({ selfPoints: null, appraisal1Points: null, appraisal2Points: null })).toBe(null);
  });
});

describe('deadlines on the working-time calendar', () => {
  it('refuses a Sunday, a holiday and deadlines out of order', () => {
    expect(
      checkDeadlines(
        { selfAssessmentDue: '2026-09-02', appraisal1Due: '2026-09-06', explanationDue: '2026-09-07' },
        calendar,
      ),
    ).toEqual([
      { field: 'selfAssessmentDue', code: 'PAR_DEADLINE_NOT_WORKING_DAY' },
      { field: 'appraisal1Due', code: 'PAR_DEADLINE_NOT_WORKING_DAY' },
    ]);
    expect(checkDeadlines({ selfAssessmentDue: '2026-12-10', appraisal1Due: '2026-12-09' }, calendar)).toEqual([
      { field: 'appraisal1Due', code: 'PAR_DEADLINE_ORDER' },
    ]);
    expect(checkDeadlines({ selfAssessmentDue: '2026-12-09', appraisal1Due: '2026-12-10' }, calendar)).toEqual([]);
  });

  it('is late only after the end of the due date’s working day', () => {
    const due = '2026-12-10'; // Thursday; the working day ends at 17:00 in Vietnam.
    const at = (iso: string) => new Date(iso);
    expect(isLate({ due, doneAt: at('2026-12-10T16:59:00+07:00'), now: at('2026-12-20T00:00:00Z'), calendar })).toBe(
      false,
    );
    expect(isLate({ due, doneAt: at('2026-12-10T17:01:00+07:00'), now: at('2026-12-20T00:00:00Z'), calendar })).toBe(
      true,
    );
    expect(isLate({ due, doneAt: null, now: at('2026-12-10T12:00:00+07:00'), calendar })).toBe(false);
    expect(isLate({ due, doneAt: null, now: at('2026-12-11T08:00:00+07:00'), calendar })).toBe(true);
  });

  it('reminds N working days before, skipping weekends (property: N working days lie in between)', () => {
    expect(getReminderDate('2026-12-14', 3, calendar)).toBe('2026-12-09'); // Monday → previous Wednesday.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 10 }), (offset, n) => {
        const due = addDays('2026-01-05', offset);
        const reminder = getReminderDate(due, n, calendar);
        let working = 0;
        for (let d = reminder; d < due; d = addDays(d, 1)) {
          working += calendar.isWorkingDay(d) ? 1 : 0;
        }
        // Exactly N working days from the reminder (inclusive) up to the due date (exclusive).
        expect(working).toBe(n);
      }),
    );
  });
});

describe('the hashed content of a score event', () => {
  it('covers every field but the ids and hashes, with the instant in ISO form', () => {
    const hashed = toHashedParScoreEvent({
      roundId: 'r',
      agencyId: 'a',
      seq: 2,
      criterionCode: '3.2.1',
      action: 'score',
      field: 'self',
      points: 75,
      note: 'Có kế hoạch',
      detail: undefined,
      actorUserId: 'u',
      at: new Date('2026-12-01T02:00:00Z'),
    });
    expect(hashed).toEqual({
      roundId: 'r',
      agencyId: 'a',
      seq: 2,
      criterionCode: '3.2.1',
      action: 'score',
      field: 'self',
      points: 75,
      note: 'Có kế hoạch',
      detail: null,
      actorUserId: 'u',
      at: '2026-12-01T02:00:00.000Z',
    });
  });
});
