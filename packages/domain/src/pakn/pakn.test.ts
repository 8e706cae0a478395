import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../calendar/local-date.js';
import { createDayOffCalendar } from '../calendar/schedule.js';
import { DEFAULT_WORKING_HOURS, WorkingTimeCalendar } from '../calendar/working-time.js';
import { computePaknDeadlines, PAKN_DEFAULT_TIME_LIMITS } from './pakn-deadlines.js';
import { computePaknOnTimeRatio, computePaknSatisfactionRatio, scorePaknIndicator } from './pakn-indicators.js';
import {
  decidePaknAction,
  listPaknActions,
  PAKN_FINAL_STATES,
  PAKN_TRANSITIONS,
  PaknAction,
  type PaknActionInput,
  PaknCategory,
  PaknState,
} from './pakn-workflow.js';

const calendar = new WorkingTimeCalendar(createDayOffCalendar(), DEFAULT_WORKING_HOURS);
const at = (text: string) => parseInstant(text);
const HOLDER = 'a';

/** Everything an action may need, so only the state and category decide. */
const fullInput = (action: PaknAction): PaknActionInput => ({
  action,
  category: 'own_competence',
  note: 'Lý do',
  targetAgencyId: 'b',
  answer: 'Nội dung trả lời',
});

describe('the PAKN state machine (Decree 20/2008 Art. 9, 14, 15, 19)', () => {
  it('walks a forwarded PAKN to its published answer', () => {
    let state: PaknState = 'received';
    let category: PaknCategory | null = null;
    const steps: PaknActionInput[] = [
      { action: 'classify', category: 'not_competent' },
      { action: 'forward', targetAgencyId: 'b' },
      { action: 'accept' },
      { action: 'request_clarification', note: 'Xin bổ sung số hồ sơ' },
      { action: 'record_clarification', note: 'Hồ sơ 000.00.01.H31-261123-0001' },
      { action: 'draft_answer', answer: 'Trả lời' },
      { action: 'approve_answer' },
      { action: 'send_answer' },
      { action: 'publish' },
    ];
    for (const step of steps) {
      const decision = decidePaknAction({ state, category, holderAgencyId: HOLDER }, step);
      expect(decision, step.action).toMatchObject({ ok: true });
      if (decision.ok) {
        state = decision.to;
      }
      category = step.action === 'classify' ? (step.category ?? null) : category;
    }
    expect(state).toBe('published');
  });

  it('refuses each action outside its states, for every state and action', () => {
    for (const state of PaknState.options) {
      for (const action of PaknAction.options) {
        const decision = decidePaknAction(
          { state, category: 'own_competence', holderAgencyId: HOLDER },
          fullInput(action),
        );
        const allowed = PAKN_TRANSITIONS[action].from.includes(state);
        if (!allowed) {
          expect(decision).toEqual({ ok: false, refusal: 'PAKN_ACTION_NOT_ALLOWED_IN_STATE' });
        }
      }
    }
  });

  it('ties the category to the next step: reject only (a), forward only (b)/(d), handle only (b)/(c)', () => {
    const cases: [PaknAction, PaknCategory, boolean][] = [
      ['reject', 'rejected', true],
      ['reject', 'own_competence', false],
      ['forward', 'not_competent', true],
      ['forward', 'conduct', true],
      ['forward', 'own_competence', false],
      ['start_handling', 'own_competence', true],
      ['start_handling', 'conduct', true],
      ['start_handling', 'not_competent', false],
      ['start_handling', 'rejected', false],
    ];
    for (const [action, category, ok] of cases) {
      const decision = decidePaknAction({ state: 'classified', category, holderAgencyId: HOLDER }, fullInput(action));
      expect(decision.ok, `${action} ${category}`).toBe(ok);
    }
  });

  it('asks for a reason, a target, an answer where the step needs one', () => {
    const classified = { state: 'classified' as const, category: 'rejected' as const, holderAgencyId: HOLDER };
    expect(decidePaknAction(classified, { action: 'reject', note: '  ' })).toEqual({
      ok: false,
      refusal: 'PAKN_NOTE_REQUIRED',
    });
    expect(
      decidePaknAction({ ...classified, category: 'not_competent' }, { action: 'forward', targetAgencyId: HOLDER }),
    ).toEqual({ ok: false, refusal: 'PAKN_TARGET_REQUIRED' });
    expect(
      decidePaknAction({ state: 'handling', category: 'conduct', holderAgencyId: HOLDER }, { action: 'draft_answer' }),
    ).toEqual({ ok: false, refusal: 'PAKN_ANSWER_REQUIRED' });
    expect(
      decidePaknAction({ state: 'received', category: null, holderAgencyId: HOLDER }, { action: 'classify' }),
    ).toEqual({
      ok: false,
      refusal: 'PAKN_CATEGORY_REQUIRED',
    });
    expect(
      decidePaknAction({ state: 'answered', category: 'conduct', holderAgencyId: HOLDER }, { action: 'withhold' }),
    ).toEqual({ ok: false, refusal: 'PAKN_NOTE_REQUIRED' });
  });

  it('lets the agency a PAKN was forwarded to forward it on, whatever its first category', () => {
    const forwarded = { state: 'forwarded' as const, category: 'not_competent' as const, holderAgencyId: 'b' };
    expect(decidePaknAction(forwarded, { action: 'forward', targetAgencyId: 'c' })).toEqual({
      ok: true,
      to: 'forwarded',
    });
    expect(decidePaknAction(forwarded, { action: 'accept' })).toEqual({ ok: true, to: 'handling' });
  });

  it('property: any sequence of actions stays in the table, and final states accept nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...PaknAction.options), fc.constantFrom(...PaknCategory.options)), {
          maxLength: 30,
        }),
        (sequence) => {
          let state: PaknState = 'received';
          let category: PaknCategory | null = null;
          for (const [action, chosen] of sequence) {
            const wasFinal = PAKN_FINAL_STATES.includes(state);
            const decision = decidePaknAction(
              { state, category, holderAgencyId: HOLDER },
              { ...fullInput(action), category: chosen },
            );
            if (wasFinal) {
              expect(decision.ok).toBe(false);
            }
            if (decision.ok) {
              expect(PAKN_TRANSITIONS[action].from).toContain(state);
              expect(decision.to).toBe(PAKN_TRANSITIONS[action].to);
              state = decision.to;
              category = action === 'classify' ? chosen : category;
            }
          }
          expect(PaknState.options).toContain(state);
        },
      ),
    );
  });

  it('lists the buttons of a state from the table; nothing after publication', () => {
    expect(listPaknActions('received')).toEqual(['classify']);
    expect(listPaknActions('answered')).toEqual(['publish', 'withhold']);
    for (const state of PAKN_FINAL_STATES) {
      expect(listPaknActions(state)).toEqual([]);
    }
    // Every state but the final ones can be left, and every non-initial state can be reached.
    const reachable = new Set(Object.values(PAKN_TRANSITIONS).map((t) => t.to));
    for (const state of PaknState.options) {
      if (state !== 'received') {
        expect(reachable.has(state), state).toBe(true);
      }
      if (!PAKN_FINAL_STATES.includes(state)) {
        expect(listPaknActions(state).length, state).toBeGreaterThan(0);
      }
    }
  });
});

describe('PAKN deadlines on the legal working-time calendar', () => {
  it('classifies within 5 working days: received Thursday 9:00 → due the next Thursday 9:00 over a weekend', () => {
    const deadlines = computePaknDeadlines(calendar, {
      receivedAt: at('2026-11-19T09:00:00+07:00'),
      category: null,
      answerClockStart: null,
      pauses: [],
    });
    expect(deadlines.classifyDueAt).toBe(at('2026-11-26T09:00:00+07:00'));
    expect(deadlines.answerDueAt).toBeNull();
  });

  it('skips the National Day holiday (31 August – 2 September 2026 in the published schedule) when counting', () => {
    const deadlines = computePaknDeadlines(calendar, {
      receivedAt: at('2026-08-31T09:00:00+07:00'),
      category: 'own_competence',
      answerClockStart: at('2026-08-31T09:00:00+07:00'),
      pauses: [],
    });
    // Mon 31/8 to Wed 2/9 are off: counting starts Thu 3/9 08:00; five working days (3, 4, 7, 8, 9) end Wed 9/9 17:00.
    expect(deadlines.classifyDueAt).toBe(at('2026-09-09T17:00:00+07:00'));
    // Ten working days: 3, 4, 7, 8, 9, 10, 11, 14, 15, 16 September → 16/9 17:00.
    expect(deadlines.answerDueAt).toBe(at('2026-09-16T17:00:00+07:00'));
  });

  it('counts the answer from the hand-over, and stops the clock while the sender clarifies', () => {
    const handover = at('2026-11-23T09:00:00+07:00');
    const base = computePaknDeadlines(calendar, {
      receivedAt: at('2026-11-20T09:00:00+07:00'),
      category: 'not_competent',
      answerClockStart: handover,
      pauses: [],
    });
    expect(base.answerDueAt).toBe(at('2026-12-07T09:00:00+07:00'));
    const paused = computePaknDeadlines(calendar, {
      receivedAt: at('2026-11-20T09:00:00+07:00'),
      category: 'not_competent',
      answerClockStart: handover,
      pauses: [{ start: at('2026-11-24T09:00:00+07:00'), end: at('2026-11-26T09:00:00+07:00') }],
    });
    expect(paused.answerDueAt).toBe(at('2026-12-09T09:00:00+07:00'));
    const open = computePaknDeadlines(calendar, {
      receivedAt: at('2026-11-20T09:00:00+07:00'),
      category: 'not_competent',
      answerClockStart: handover,
      pauses: [{ start: at('2026-11-24T09:00:00+07:00') }],
    });
    expect(open.answerDueAt).toBeNull();
  });

  it('honours the province limits', () => {
    const deadlines = computePaknDeadlines(
      calendar,
      {
        receivedAt: at('2026-11-23T09:00:00+07:00'),
        category: 'conduct',
        answerClockStart: at('2026-11-23T09:00:00+07:00'),
        pauses: [],
      },
      {
        ...PAKN_DEFAULT_TIME_LIMITS,
        classifyWorkingDays: 2,
        answerWorkingDays: { ...PAKN_DEFAULT_TIME_LIMITS.answerWorkingDays, conduct: 3 },
      },
    );
    expect(deadlines.classifyDueAt).toBe(at('2026-11-25T09:00:00+07:00'));
    expect(deadlines.answerDueAt).toBe(at('2026-11-26T09:00:00+07:00'));
  });

  it('property: a pause never brings the answer deadline forward', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (startHours, pauseOffsetHours, pauseHours) => {
          const start = at('2026-01-05T08:00:00+07:00') + startHours * 3_600_000;
          const clock = { receivedAt: start, category: 'own_competence' as const, answerClockStart: start };
          const plain = computePaknDeadlines(calendar, { ...clock, pauses: [] });
          const pauseStart = start + pauseOffsetHours * 3_600_000;
          const paused = computePaknDeadlines(calendar, {
            ...clock,
            pauses: [{ start: pauseStart, end: pauseStart + pauseHours * 3_600_000 }],
          });
          expect(paused.answerDueAt).not.toBeNull();
          expect(paused.answerDueAt ?? 0).toBeGreaterThanOrEqual(plain.answerDueAt ?? 0);
          expect(plain.classifyDueAt).toBeGreaterThan(start);
        },
      ),
    );
  });
});

describe('the Decision 766 PAKN indicators', () => {
  it('scores on time and satisfaction from the counts', () => {
    const counts = {
      inCompetence: 10,
      answeredOnTime: 6,
      openWithinTime: 2,
      answered: 8,
      answeredDissatisfiedOrLate: 3,
    };
    expect(computePaknOnTimeRatio(counts)).toEqual({ numerator: 8, base: 10 });
    expect(scorePaknIndicator(computePaknOnTimeRatio(counts), 6)).toBe(4.8);
    expect(computePaknSatisfactionRatio(counts)).toEqual({ numerator: 5, base: 8 });
    expect(scorePaknIndicator(computePaknSatisfactionRatio(counts), 6)).toBe(3.75);
  });

  it('awards the full 6 points when there is no PAKN', () => {
    const none = { inCompetence: 0, answeredOnTime: 0, openWithinTime: 0, answered: 0, answeredDissatisfiedOrLate: 0 };
    expect(scorePaknIndicator(computePaknOnTimeRatio(none), 6)).toBe(6);
    expect(scorePaknIndicator(computePaknSatisfactionRatio(none), 6)).toBe(6);
  });
});
