import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfficialRole } from '../access/permissions.js';
import { formatInstant, parseInstant } from '../calendar/local-date.js';
import { createDayOffCalendar } from '../calendar/schedule.js';
import { WorkingTimeCalendar } from '../calendar/working-time.js';
import { readClock } from './clock.js';
import { buildDossierSteps } from './routing.js';
import {
  type ActionParams,
  DOSSIER_ACTIONS,
  DOSSIER_TRANSITIONS,
  type DossierAction,
  type DossierActor,
  type DossierState,
  decideTransition,
  getHolderAgencyId,
  getResultingStatus,
  listAvailableActions,
} from './state-machine.js';
import { DOSSIER_STATUS_VALUES, type DossierStatus, FINAL_STATUSES, PAUSED_STATUSES } from './status.js';

const calendar = new WorkingTimeCalendar(createDayOffCalendar());
const at = (iso: string) => parseInstant(iso);

// Desk at the commune (C) → specialist and head at the department (D, liên thông) → desk returns.
const buildState = (status: DossierState['status'] = 'new'): DossierState => {
  const { steps } = buildDossierSteps(
    [
      { key: 'tn', name: 'Tiếp nhận', role: 'receptionist', agency: { kind: 'receiving' }, allotmentWorkingHours: 4 },
      {
        key: 'xl',
        name: 'Thẩm định',
        role: 'processor',
        agency: { kind: 'fixed', agencyCode: '000.00.01.H31' },
        allotmentWorkingHours: 16,
        handoff: 'inter_level',
      },
      {
        key: 'pd',
        name: 'Phê duyệt',
        role: 'approver',
        agency: { kind: 'fixed', agencyCode: '000.00.01.H31' },
        allotmentWorkingHours: 8,
      },
      {
        key: 'tkq',
        name: 'Trả kết quả',
        role: 'result_returner',
        agency: { kind: 'receiving' },
        allotmentWorkingHours: 4,
      },
    ],
    () => 'D',
    'C',
  );
  return {
    status,
    supplementPhase: null,
    intakeSupplementCount: 0,
    processingSupplementCount: 0,
    apologyCount: 0,
    receivingAgencyId: 'C',
    steps,
    currentStep: null,
    clock: { rule: { unit: 'working_days', value: 5 }, startedAt: null, pauses: [] },
    clockOnSupplement: 'pause',
  };
};

// Officials by agency: C has a receptionist and a returner; D a processor and an approver.
const ROLES: Record<string, OfficialRole[]> = { C: ['receptionist', 'result_returner'], D: ['processor', 'approver'] };
const official = (roles: Record<string, OfficialRole[]> = ROLES): DossierActor => ({
  kind: 'official',
  userId: 'u',
  rolesAt: (agencyId) => roles[agencyId] ?? [],
});

const DEFAULT_PARAMS: { [A in DossierAction]: ActionParams[A] } = {
  receive: {},
  request_intake_supplement: { missing: ['Giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh' },
  refuse: { reason: 'Không thuộc thẩm quyền' },
  applicant_supplement: {},
  forward: {},
  accept_handoff: {},
  assign: { assigneeUserId: 'x' },
  complete_step: {},
  return_step: { reason: 'Làm lại' },
  request_supplement: { missing: ['Bản vẽ'], reason: 'Thiếu bản vẽ' },
  request_payment: { reason: 'Lệ phí', amountVnd: 50_000 },
  record_payment: { amountVnd: 50_000 },
  apologize: { newDueAt: at('2026-12-31T17:00:00+07:00'), reason: 'Cần xác minh' },
  complete: { outcome: 'approved' },
  stop: { reason: 'Quá hạn bổ sung' },
  withdraw: { reason: 'Người dân rút' },
  return_result: { channel: 'counter' },
};

const step = (state: DossierState, action: DossierAction, now: string, actor: DossierActor = official()) => {
  const result = decideTransition({ state, action, actor, params: DEFAULT_PARAMS[action], now: at(now), calendar });
  if (!result.ok) {
    throw new Error(`${action}: ${JSON.stringify(result.violation)}`);
  }
  return result;
};

describe('the transition table', () => {
  it('covers every action with statuses, actors, clock effect and a legal basis', () => {
    for (const action of DOSSIER_ACTIONS) {
      const row = DOSSIER_TRANSITIONS[action];
      expect(row.from.length).toBeGreaterThan(0);
      expect(row.actors.length).toBeGreaterThan(0);
      expect(row.basis.length).toBeGreaterThan(20);
      expect(row.label.vi.length).toBeGreaterThan(0);
      for (const status of row.from) {
        expect(DOSSIER_STATUS_VALUES).toContain(status);
        expect(FINAL_STATUSES.has(status)).toBe(false);
      }
    }
  });

  it('lets every non-final status be left by some action', () => {
    for (const status of DOSSIER_STATUS_VALUES.filter((s) => !FINAL_STATUSES.has(s))) {
      expect(DOSSIER_ACTIONS.some((a) => (DOSSIER_TRANSITIONS[a].from as readonly string[]).includes(status))).toBe(
        true,
      );
    }
  });
});

describe('a full liên thông scenario', () => {
  it('receives, forwards across levels, completes on time and returns; the clock and holders follow', () => {
    let s = buildState();
    const received = step(s, 'receive', '2026-11-23T09:00:00+07:00');
    s = received.state;
    expect(received).toMatchObject({ toStatus: 'received', form: 'receipt', clock: 'start' });
    expect(formatInstant(received.dueAfter ?? 0)).toBe('2026-11-30T09:00:00+07:00');
    expect(getHolderAgencyId(s)).toBe('C');
    // The desk must transfer the same day (before 15:00).
    expect(formatInstant(s.steps[0]?.dueAt ?? 0)).toBe('2026-11-23T17:00:00+07:00');

    s = step(s, 'forward', '2026-11-23T10:00:00+07:00').state;
    expect(s.status).toBe('processing');
    expect(getHolderAgencyId(s)).toBe('D');
    // Across agencies the receiving agency records its own receipt time.
    expect(s.steps[1]?.receivedAt).toBeUndefined();
    const blocked = decideTransition({
      state: s,
      action: 'complete_step',
      actor: official(),
      params: {},
      now: at('2026-11-23T11:00:00+07:00'),
      calendar,
    });
    expect(blocked).toMatchObject({ ok: false, violation: { code: 'HANDOFF_NOT_ACCEPTED' } });
    s = step(s, 'accept_handoff', '2026-11-23T14:00:00+07:00').state;
    s = step(s, 'complete_step', '2026-11-24T10:00:00+07:00').state;
    expect(s.currentStep).toBe(2);
    expect(s.steps[2]?.receivedAt).toBeDefined();
    const completed = step(s, 'complete', '2026-11-25T10:00:00+07:00');
    expect(completed.state).toMatchObject({ status: 'completed', completionClass: 'early', outcome: 'approved' });
    expect(getHolderAgencyId(completed.state)).toBe('C');
    // Returned online ("kết quả điện tử") only with a result file to download.
    const online = (resultFiles: number | undefined) =>
      decideTransition({
        state: completed.state,
        action: 'return_result',
        actor: official(),
        params: { channel: 'online' },
        now: at('2026-11-25T15:00:00+07:00'),
        calendar,
        ...(resultFiles === undefined ? {} : { facts: { resultFiles } }),
      });
    expect(online(undefined)).toEqual({ ok: false, violation: { code: 'RESULT_FILE_REQUIRED' } });
    expect(online(0)).toEqual({ ok: false, violation: { code: 'RESULT_FILE_REQUIRED' } });
    expect(online(1)).toMatchObject({ ok: true, toStatus: 'returned' });
    const returned = step(completed.state, 'return_result', '2026-11-25T15:00:00+07:00');
    expect(returned.state).toMatchObject({ status: 'returned', currentStep: null });
    expect(listAvailableActions(returned.state, official())).toEqual([]);
  });
});

describe('accountable steps', () => {
  const as = (userId: string): DossierActor => ({ ...official(), userId }) as DossierActor;

  it('records who took, gave and finished each step, for the control slip and the dossier page', () => {
    let s = buildState();
    s = step(s, 'receive', '2026-11-23T09:00:00+07:00', as('desk')).state;
    expect(s.steps[0]).toMatchObject({ receivedByUserId: 'desk' });
    expect(s.steps[0]?.givenByUserId).toBeUndefined();
    s = step(s, 'forward', '2026-11-23T10:00:00+07:00', as('desk')).state;
    expect(s.steps[0]).toMatchObject({ completedByUserId: 'desk', status: 'done' });
    // Across agencies nobody has taken it yet: the other agency records its taker.
    expect(s.steps[1]).toMatchObject({ givenByUserId: 'desk' });
    expect(s.steps[1]?.receivedByUserId).toBeUndefined();
    s = step(s, 'accept_handoff', '2026-11-23T14:00:00+07:00', as('clerk')).state;
    expect(s.steps[1]).toMatchObject({ receivedByUserId: 'clerk' });
    s = step(s, 'complete_step', '2026-11-24T10:00:00+07:00', as('expert')).state;
    expect(s.steps[1]).toMatchObject({ completedByUserId: 'expert' });
    expect(s.steps[2]).toMatchObject({ givenByUserId: 'expert' });
    s = step(s, 'assign', '2026-11-24T10:30:00+07:00', as('head')).state;
    // The named assignee takes a hand-over within one agency.
    expect(s.steps[2]).toMatchObject({ assigneeUserId: 'x', receivedByUserId: 'x' });
    s = step(s, 'complete', '2026-11-25T10:00:00+07:00', as('head')).state;
    expect(s.steps[2]).toMatchObject({ completedByUserId: 'head' });
    expect(s.steps[3]).toMatchObject({ givenByUserId: 'head' });
    s = step(s, 'return_result', '2026-11-25T15:00:00+07:00', as('desk')).state;
    expect(s.steps[3]).toMatchObject({ completedByUserId: 'desk', status: 'done' });
  });

  it('forgets the previous performer when a step is sent back and taken again', () => {
    let s = buildState();
    s = step(s, 'receive', '2026-11-23T09:00:00+07:00', as('desk')).state;
    s = step(s, 'forward', '2026-11-23T10:00:00+07:00', as('desk')).state;
    s = step(s, 'accept_handoff', '2026-11-23T14:00:00+07:00', as('clerk')).state;
    s = step(s, 'complete_step', '2026-11-24T10:00:00+07:00', as('expert')).state;
    s = step(s, 'return_step', '2026-11-24T11:00:00+07:00', as('head')).state;
    expect(s.steps[1]).toMatchObject({ status: 'active', givenByUserId: 'head' });
    expect(s.steps[1]?.completedByUserId).toBeUndefined();
    expect(s.steps[1]?.completedAt).toBeUndefined();
  });
});

describe('guards', () => {
  const receivedAndForwarded = () => {
    let s = step(buildState(), 'receive', '2026-11-23T09:00:00+07:00').state;
    s = step(s, 'forward', '2026-11-23T10:00:00+07:00').state;
    return step(s, 'accept_handoff', '2026-11-23T10:30:00+07:00').state;
  };

  it('allows the intake supplement request only once', () => {
    let s = step(buildState(), 'request_intake_supplement', '2026-11-23T09:00:00+07:00').state;
    expect(s).toMatchObject({ status: 'supplement_requested', supplementPhase: 'intake' });
    s = step(s, 'applicant_supplement', '2026-11-24T09:00:00+07:00').state;
    expect(s.status).toBe('new');
    const again = decideTransition({
      state: s,
      action: 'request_intake_supplement',
      actor: official(),
      params: DEFAULT_PARAMS.request_intake_supplement,
      now: at('2026-11-24T10:00:00+07:00'),
      calendar,
    });
    expect(again).toEqual({ ok: false, violation: { code: 'SUPPLEMENT_ALREADY_REQUESTED' } });
  });

  it('pauses the clock during a processing supplement and resumes it, pushing the due instant', () => {
    let s = receivedAndForwarded();
    const dueBefore = readClock(calendar, s.clock).dueAt ?? 0;
    const requested = step(s, 'request_supplement', '2026-11-24T09:00:00+07:00');
    expect(requested).toMatchObject({ clock: 'pause', dueAfter: null });
    s = step(requested.state, 'applicant_supplement', '2026-11-26T09:00:00+07:00').state;
    const dueAfter = readClock(calendar, s.clock).dueAt ?? 0;
    // Two working days (16 h) of waiting push the appointment by 16 working hours.
    expect(calendar.getWorkingMinutesBetween(dueBefore, dueAfter)).toBe(16 * 60);
  });

  it('restarts the clock after a supplement when the procedure says so', () => {
    let s: DossierState = { ...receivedAndForwarded(), clockOnSupplement: 'restart' };
    s = step(s, 'request_supplement', '2026-11-24T09:00:00+07:00').state;
    s = step(s, 'applicant_supplement', '2026-11-26T09:00:00+07:00').state;
    expect(formatInstant(readClock(calendar, s.clock).dueAt ?? 0)).toBe('2026-12-03T09:00:00+07:00');
  });

  it('accepts an apology once, at least one working day before the due instant, with a later date', () => {
    const s = receivedAndForwarded();
    const tooLate = decideTransition({
      state: s,
      action: 'apologize',
      actor: official(),
      params: { newDueAt: at('2026-12-10T17:00:00+07:00'), reason: 'x' },
      now: at('2026-11-27T10:00:00+07:00'),
      calendar,
    });
    expect(tooLate).toMatchObject({ ok: false, violation: { code: 'APOLOGY_TOO_LATE' } });
    const earlier = decideTransition({
      state: s,
      action: 'apologize',
      actor: official(),
      params: { newDueAt: at('2026-11-25T17:00:00+07:00'), reason: 'x' },
      now: at('2026-11-24T10:00:00+07:00'),
      calendar,
    });
    expect(earlier).toMatchObject({ ok: false, violation: { code: 'APOLOGY_DATE_NOT_LATER' } });
    const ok = step(s, 'apologize', '2026-11-24T10:00:00+07:00');
    expect(formatInstant(ok.dueAfter ?? 0)).toBe('2026-12-31T17:00:00+07:00');
    const twice = decideTransition({
      state: ok.state,
      action: 'apologize',
      actor: official(),
      params: { newDueAt: at('2027-01-15T17:00:00+07:00'), reason: 'x' },
      now: at('2026-11-24T11:00:00+07:00'),
      calendar,
    });
    expect(twice).toEqual({ ok: false, violation: { code: 'APOLOGY_ALREADY_GIVEN' } });
  });

  it('classifies a completion after the legal due as late even after an apology', () => {
    let s = receivedAndForwarded();
    s = step(s, 'apologize', '2026-11-24T10:00:00+07:00').state;
    s = step(s, 'complete_step', '2026-12-01T10:00:00+07:00').state;
    const done = step(s, 'complete', '2026-12-02T10:00:00+07:00');
    expect(done.state.completionClass).toBe('late');
  });

  it('refuses actions from the wrong role or agency, and anything on a final dossier', () => {
    const s = receivedAndForwarded();
    const wrongAgency = decideTransition({
      state: s,
      action: 'complete_step',
      actor: official({ C: ['processor', 'approver'] }),
      params: {},
      now: at('2026-11-24T10:00:00+07:00'),
      calendar,
    });
    expect(wrongAgency).toMatchObject({ ok: false, violation: { code: 'ROLE_NOT_ALLOWED' } });
    const applicant = decideTransition({
      state: s,
      action: 'complete',
      actor: { kind: 'applicant' },
      params: { outcome: 'approved' },
      now: at('2026-11-24T10:00:00+07:00'),
      calendar,
    });
    expect(applicant).toMatchObject({ ok: false, violation: { code: 'ROLE_NOT_ALLOWED' } });
    const withdrawn = step(s, 'withdraw', '2026-11-24T10:00:00+07:00').state;
    for (const action of DOSSIER_ACTIONS) {
      const result = decideTransition({
        state: withdrawn,
        action,
        actor: official(),
        params: DEFAULT_PARAMS[action],
        now: at('2026-11-24T11:00:00+07:00'),
        calendar,
      });
      expect(result).toMatchObject({ ok: false, violation: { code: 'DOSSIER_FINAL' } });
    }
  });

  it('holds the payment pause until payment is recorded (by the desk or the payment system)', () => {
    let s = receivedAndForwarded();
    s = step(s, 'request_payment', '2026-11-24T09:00:00+07:00').state;
    expect(s.status).toBe('financial_obligation');
    expect(readClock(calendar, s.clock).paused).toBe(true);
    s = step(s, 'record_payment', '2026-11-24T15:00:00+07:00', { kind: 'system' }).state;
    expect(s.status).toBe('processing');
    expect(readClock(calendar, s.clock).paused).toBe(false);
  });
});

describe('properties of any sequence of actions', () => {
  const arbAction = fc.constantFrom(...DOSSIER_ACTIONS);
  const arbActor = fc.constantFrom<DossierActor>(official(), { kind: 'applicant' }, { kind: 'system' });
  // Actions one to four working hours apart, from Monday 23/11/2026 08:00.
  const arbSequence = fc.array(fc.tuple(arbAction, arbActor, fc.integer({ min: 30, max: 240 })), { maxLength: 25 });

  it('keeps the invariants: known status, final stays final, pause iff paused status, at most one apology and one supplement per phase, appointment never earlier', () => {
    fc.assert(
      fc.property(arbSequence, (sequence) => {
        let state = buildState();
        let now = at('2026-11-23T08:00:00+07:00');
        let lastDue: number | null = null;
        for (const [action, actor, gap] of sequence) {
          now = calendar.addWorkingMinutes(now, gap);
          const wasFinal = FINAL_STATUSES.has(state.status);
          const result = decideTransition({ state, action, actor, params: DEFAULT_PARAMS[action], now, calendar });
          if (!result.ok) {
            continue;
          }
          expect(wasFinal).toBe(false);
          state = result.state;
          expect(DOSSIER_STATUS_VALUES).toContain(state.status);
          const open = state.clock.pauses.filter((p) => p.end === undefined).length;
          expect(open).toBeLessThanOrEqual(1);
          const processingPause = PAUSED_STATUSES.has(state.status) && state.supplementPhase !== 'intake';
          expect(open === 1).toBe(processingPause);
          expect(state.apologyCount).toBeLessThanOrEqual(1);
          expect(state.intakeSupplementCount).toBeLessThanOrEqual(1);
          expect(state.processingSupplementCount).toBeLessThanOrEqual(1);
          const due = readClock(calendar, state.clock).dueAt;
          if (due !== null && lastDue !== null && state.clockOnSupplement === 'pause') {
            expect(due).toBeGreaterThanOrEqual(lastDue);
          }
          if (due !== null) {
            lastDue = due;
          }
          if (state.status === 'completed') {
            expect(state.completionClass).toBeDefined();
          }
          if (state.currentStep !== null) {
            expect(state.steps[state.currentStep]?.status).toBe('active');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('only ever offers actions that decideTransition accepts (for parameter-free guards)', () => {
    fc.assert(
      fc.property(arbSequence, (sequence) => {
        let state = buildState();
        let now = at('2026-11-23T08:00:00+07:00');
        for (const [action, actor, gap] of sequence) {
          now = calendar.addWorkingMinutes(now, gap);
          for (const offered of listAvailableActions(state, actor)) {
            if (offered.action === 'apologize') {
              continue; // depends on the chosen date
            }
            const result = decideTransition({
              state,
              action: offered.action,
              actor,
              params: DEFAULT_PARAMS[offered.action],
              now,
              calendar,
            });
            expect(result.ok).toBe(true);
          }
          const result = decideTransition({ state, action, actor, params: DEFAULT_PARAMS[action], now, calendar });
          if (result.ok) {
            state = result.state;
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the table is the single truth for the resulting status', () => {
  // Written out from the law, independently of the table, so that a change to either shows here.
  const expectedStatus = (state: DossierState, action: DossierAction): DossierStatus => {
    switch (action) {
      case 'receive':
        return 'received';
      case 'request_intake_supplement':
      case 'request_supplement':
        return 'supplement_requested';
      case 'refuse':
        return 'refused';
      case 'applicant_supplement':
        return state.supplementPhase === 'processing' ? 'processing' : 'new';
      case 'forward':
      case 'record_payment':
        return 'processing';
      case 'request_payment':
        return 'financial_obligation';
      case 'complete':
        return 'completed';
      case 'stop':
        return 'stopped';
      case 'withdraw':
        return 'withdrawn';
      case 'return_result':
        return 'returned';
      case 'accept_handoff':
      case 'assign':
      case 'complete_step':
      case 'return_step':
      case 'apologize':
        return state.status;
    }
  };
  const actors: DossierActor[] = [official(), { kind: 'applicant' }, { kind: 'system' }];
  const start = at('2026-11-23T08:00:00+07:00');

  /** Decides `action` on `state` and checks the result against the table (and the table against the law). */
  const checkAgreement = (state: DossierState, action: DossierAction, actor: DossierActor, now: number) => {
    const result = decideTransition({ state, action, actor, params: DEFAULT_PARAMS[action], now, calendar });
    if (!result.ok) {
      return undefined;
    }
    const fromTable = getResultingStatus(state, action);
    expect(fromTable).toBe(expectedStatus(state, action));
    expect(result.fromStatus).toBe(state.status);
    expect(result.toStatus).toBe(fromTable);
    expect(result.state.status).toBe(fromTable);
    const to = DOSSIER_TRANSITIONS[action].to;
    if (typeof to === 'string') {
      expect(fromTable).toBe(to === 'same' ? state.status : to);
    }
    return result;
  };

  it('agrees with decideTransition for every action allowed in every reachable state (exhaustive to depth 8)', () => {
    // Every state reachable from a new dossier in up to 8 accepted actions, once per distinct shape.
    const shapeOf = (s: DossierState) =>
      JSON.stringify([
        s.status,
        s.supplementPhase,
        s.currentStep,
        s.intakeSupplementCount,
        s.processingSupplementCount,
        s.apologyCount,
        s.steps.map((x) => x.receivedAt !== undefined),
      ]);
    const seen = new Map<string, DossierState>([[shapeOf(buildState()), buildState()]]);
    const covered = new Set<string>();
    let frontier = [buildState()];
    for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
      const next: DossierState[] = [];
      for (const state of frontier) {
        for (const action of DOSSIER_ACTIONS) {
          for (const actor of actors) {
            if (listAvailableActions(state, actor).some((a) => a.action === action)) {
              covered.add(`${state.status}/${action}`);
            }
            const result = checkAgreement(state, action, actor, calendar.addWorkingMinutes(start, 60 * (depth + 1)));
            if (!result) {
              continue;
            }
            const shape = shapeOf(result.state);
            if (!seen.has(shape)) {
              seen.set(shape, result.state);
              next.push(result.state);
            }
          }
        }
      }
      frontier = next;
    }
    // Every (status, action) pair the table allows was met in a state that allows it…
    for (const action of DOSSIER_ACTIONS) {
      for (const status of DOSSIER_TRANSITIONS[action].from as readonly DossierStatus[]) {
        expect(covered, `${status}/${action}`).toContain(`${status}/${action}`);
      }
    }
    // …and both branches of the supplement, at intake and during processing.
    const supplemented = [...seen.values()].filter((s) => s.status === 'supplement_requested');
    expect(new Set(supplemented.map((s) => s.supplementPhase))).toEqual(new Set(['intake', 'processing']));
  });

  it('agrees with decideTransition along any sequence of actions, by any actor, at any time', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(...DOSSIER_ACTIONS), fc.constantFrom(...actors), fc.integer({ min: 1, max: 600 })),
          { maxLength: 30 },
        ),
        (sequence) => {
          let state = buildState();
          let now = start;
          for (const [action, actor, gap] of sequence) {
            now = calendar.addWorkingMinutes(now, gap);
            // Every action is tried on every state visited, not only the one the sequence takes.
            for (const other of DOSSIER_ACTIONS) {
              checkAgreement(state, other, actor, now);
            }
            state = checkAgreement(state, action, actor, now)?.state ?? state;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
