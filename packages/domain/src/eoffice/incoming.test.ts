import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../calendar/local-date.js';
import { createDayOffCalendar } from '../calendar/schedule.js';
import { DEFAULT_WORKING_HOURS, WorkingTimeCalendar } from '../calendar/working-time.js';
import {
  computeHandlingDueOn,
  computeRegistrationDueAt,
  decideIncomingAction,
  deliveryStatusAfter,
  INCOMING_ACTIONS,
  INCOMING_TRANSITIONS,
  type IncomingActorFacts,
  type IncomingFacts,
  isHandlingOverdue,
  isRegistrationLate,
  isScanResolutionAccepted,
  listIncomingActions,
  mayReadIncoming,
} from './incoming.js';
import { CONFIDENTIALITIES, DELIVERY_STATUSES, INCOMING_STATES, MIN_SCAN_DPI } from './vocabulary.js';

const calendar = new WorkingTimeCalendar(createDayOffCalendar(), DEFAULT_WORKING_HOURS);
const at = (iso: string) => parseInstant(iso);

const nobody: IncomingActorFacts = {
  userId: 'u-x',
  registers: false,
  directs: false,
  actsFor: [],
  handlesUnitIds: [],
  headsUnitIds: [],
  readsAgency: false,
};
const clerk: IncomingActorFacts = { ...nobody, userId: 'u-clerk', registers: true, readsAgency: true };
const head: IncomingActorFacts = { ...nobody, userId: 'u-head', directs: true, readsAgency: true };
const deputy: IncomingActorFacts = { ...nobody, userId: 'u-deputy', actsFor: ['u-head'] };
const specialistA: IncomingActorFacts = { ...nobody, userId: 'u-spec-a', handlesUnitIds: ['A'] };
const specialistB: IncomingActorFacts = { ...nobody, userId: 'u-spec-b', handlesUnitIds: ['B'] };
const unitHeadA: IncomingActorFacts = { ...nobody, userId: 'u-uh-a', handlesUnitIds: ['A'], headsUnitIds: ['A'] };

const base: IncomingFacts = {
  state: 'registered',
  confidentiality: 'normal',
  registeredBy: 'u-clerk',
  presentedTo: null,
  directedBy: null,
  assignments: [],
};
const directed: IncomingFacts = {
  ...base,
  state: 'directed',
  presentedTo: 'u-head',
  directedBy: 'u-head',
  assignments: [
    { unitId: 'A', role: 'lead', assigneeUserId: null, status: 'assigned' },
    { unitId: 'B', role: 'cooperate', assigneeUserId: null, status: 'assigned' },
  ],
};

describe('the steps of an incoming document (Decree 30/2020 Art. 20–24)', () => {
  it('walks register → present → direct → in progress → done with the right people', () => {
    expect(decideIncomingAction(base, clerk, { action: 'present', presentTo: 'u-head' })).toMatchObject({
      ok: true,
      to: 'presented',
    });
    const presented = { ...base, state: 'presented' as const, presentedTo: 'u-head' };
    const units = [
      { unitId: 'A', role: 'lead' as const },
      { unitId: 'B', role: 'cooperate' as const },
    ];
    expect(decideIncomingAction(presented, head, { action: 'direct', note: 'Giao phòng A chủ trì', units })).toEqual({
      ok: true,
      to: 'directed',
      unitId: null,
      assignmentStatus: null,
    });
    expect(decideIncomingAction(directed, specialistA, { action: 'start' })).toEqual({
      ok: true,
      to: 'in_progress',
      unitId: 'A',
      assignmentStatus: 'in_progress',
    });
    // The co-operating unit reports its part; the lead unit closes the document.
    expect(decideIncomingAction({ ...directed, state: 'in_progress' }, specialistB, { action: 'finish' })).toEqual({
      ok: true,
      to: 'in_progress',
      unitId: 'B',
      assignmentStatus: 'done',
    });
    expect(decideIncomingAction({ ...directed, state: 'in_progress' }, unitHeadA, { action: 'finish' })).toEqual({
      ok: true,
      to: 'done',
      unitId: 'A',
      assignmentStatus: 'done',
    });
  });

  it('lets the head of an assigned unit name the official who handles it, the state unchanged', () => {
    expect(decideIncomingAction(directed, unitHeadA, { action: 'assign', assigneeUserId: 'u-spec-a' })).toEqual({
      ok: true,
      to: 'directed',
      unitId: 'A',
      assignmentStatus: null,
    });
    expect(decideIncomingAction(directed, unitHeadA, { action: 'assign' })).toEqual({
      ok: false,
      refusal: 'INCOMING_ASSIGNEE_REQUIRED',
    });
    expect(decideIncomingAction(directed, specialistA, { action: 'assign', assigneeUserId: 'u-spec-a' })).toEqual({
      ok: false,
      refusal: 'INCOMING_NOT_PERMITTED',
    });
  });

  it('lets a delegate of the head it was presented to direct, and nobody else', () => {
    const presented = { ...base, state: 'presented' as const, presentedTo: 'u-head' };
    const input = { action: 'direct' as const, note: 'Giao', units: [{ unitId: 'A', role: 'lead' as const }] };
    expect(decideIncomingAction(presented, deputy, input)).toMatchObject({ ok: true });
    expect(decideIncomingAction(presented, clerk, input)).toEqual({ ok: false, refusal: 'INCOMING_NOT_PERMITTED' });
    expect(decideIncomingAction(presented, specialistA, input)).toEqual({
      ok: false,
      refusal: 'INCOMING_NOT_PERMITTED',
    });
  });

  it('needs a reason to return, exactly one lead unit and a due date not in the past', () => {
    expect(decideIncomingAction(base, clerk, { action: 'return', note: ' ' })).toEqual({
      ok: false,
      refusal: 'INCOMING_NOTE_REQUIRED',
    });
    expect(decideIncomingAction(base, clerk, { action: 'return', note: 'Gửi nhầm cơ quan' })).toMatchObject({
      ok: true,
      to: 'returned',
    });
    const presented = { ...base, state: 'presented' as const, presentedTo: 'u-head' };
    const twoLeads = [
      { unitId: 'A', role: 'lead' as const },
      { unitId: 'B', role: 'lead' as const },
    ];
    expect(decideIncomingAction(presented, head, { action: 'direct', note: 'x', units: twoLeads })).toEqual({
      ok: false,
      refusal: 'INCOMING_UNITS_INVALID',
    });
    expect(
      decideIncomingAction(presented, head, {
        action: 'direct',
        note: 'x',
        units: [{ unitId: 'A', role: 'lead' }],
        dueOn: '2026-11-01',
        today: '2026-11-23',
      }),
    ).toEqual({ ok: false, refusal: 'INCOMING_DUE_DATE_INVALID' });
  });

  it('property: a step is allowed only from its states, and the buttons offered are the steps allowed', () => {
    const actors = [clerk, head, deputy, specialistA, specialistB, unitHeadA, nobody];
    fc.assert(
      fc.property(
        fc.constantFrom(...INCOMING_STATES),
        fc.constantFrom(...actors),
        fc.constantFrom(...INCOMING_ACTIONS),
        (state, actor, action) => {
          const facts = { ...directed, state };
          const decision = decideIncomingAction(facts, actor, {
            action,
            presentTo: 'u-head',
            note: 'Lý do',
            units: [{ unitId: 'A', role: 'lead' }],
            assigneeUserId: 'u-spec-a',
          });
          if (!INCOMING_TRANSITIONS[action].from.includes(state)) {
            expect(decision).toEqual({ ok: false, refusal: 'INCOMING_ACTION_NOT_ALLOWED_IN_STATE' });
          }
          if (decision.ok) {
            expect(listIncomingActions(facts, actor)).toContain(action);
            // Nothing leaves the final states.
            expect(['done', 'returned']).not.toContain(state);
          }
        },
      ),
    );
  });
});

describe('who reads an incoming document', () => {
  it('hides a confidential document from an unassigned specialist and shows it to those it concerns', () => {
    const secret: IncomingFacts = {
      ...directed,
      confidentiality: 'mat',
      assignments: [{ unitId: 'A', role: 'lead', assigneeUserId: 'u-spec-a', status: 'assigned' }],
    };
    const otherSpecialistOfA = { ...specialistA, userId: 'u-spec-a2' };
    expect(mayReadIncoming(secret, specialistA)).toBe(true);
    expect(mayReadIncoming(secret, otherSpecialistOfA)).toBe(false);
    expect(mayReadIncoming(secret, unitHeadA)).toBe(true);
    expect(mayReadIncoming(secret, clerk)).toBe(true);
    expect(mayReadIncoming(secret, head)).toBe(true);
    expect(mayReadIncoming(secret, deputy)).toBe(true);
    // Another clerk of the agency reads the register but not a secret document someone else registered.
    expect(mayReadIncoming(secret, { ...clerk, userId: 'u-clerk-2' })).toBe(false);
    expect(mayReadIncoming(secret, specialistB)).toBe(false);
  });

  it('property: whoever reads a confidential document also reads it when it is not confidential', () => {
    const actors = [clerk, head, deputy, specialistA, specialistB, unitHeadA, nobody];
    fc.assert(
      fc.property(fc.constantFrom(...CONFIDENTIALITIES), fc.constantFrom(...actors), (confidentiality, actor) => {
        if (mayReadIncoming({ ...directed, confidentiality }, actor)) {
          expect(mayReadIncoming({ ...directed, confidentiality: 'normal' }, actor)).toBe(true);
        }
      }),
    );
  });
});

describe('timing on the working-time calendar (Art. 4(1)(c), 22, 23)', () => {
  it('registers a normal document the same or the next working day, an urgent one at once', () => {
    // Friday 20/11/2026 10:00 → due Monday 23/11 at the close of working hours.
    const friday = at('2026-11-20T10:00:00+07:00');
    const due = computeRegistrationDueAt(calendar, { receivedAt: friday, urgency: 'normal' });
    expect(new Date(due).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(
      isRegistrationLate(calendar, { receivedAt: friday, doneAt: at('2026-11-23T16:00:00+07:00'), urgency: 'normal' }),
    ).toBe(false);
    expect(
      isRegistrationLate(calendar, { receivedAt: friday, doneAt: at('2026-11-24T08:00:00+07:00'), urgency: 'normal' }),
    ).toBe(true);
    // Hỏa tốc received at 10:00 and registered at 14:30 (over two working hours with the lunch break) is late.
    expect(
      isRegistrationLate(calendar, { receivedAt: friday, doneAt: at('2026-11-20T14:30:00+07:00'), urgency: 'hoa_toc' }),
    ).toBe(true);
    expect(
      isRegistrationLate(calendar, { receivedAt: friday, doneAt: at('2026-11-20T11:00:00+07:00'), urgency: 'khan' }),
    ).toBe(false);
  });

  it('property: the registration deadline is never before the receipt and is never on a day off', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2026-01-01T00:00:00+07:00'), max: at('2026-12-20T00:00:00+07:00') }), (ms) => {
        const due = computeRegistrationDueAt(calendar, { receivedAt: ms, urgency: 'normal' });
        expect(due).toBeGreaterThan(ms);
        expect(calendar.isWorkingInstant(due - 1)).toBe(true);
      }),
    );
  });

  it('counts the default handling deadline in working days and keeps the head’s date', () => {
    const monday = at('2026-11-23T09:00:00+07:00');
    expect(
      computeHandlingDueOn(
        calendar,
        { directedAt: monday },
        { defaultHandlingWorkingDays: 5, urgentWorkingMinutes: 120 },
      ),
    ).toBe('2026-11-30');
    expect(computeHandlingDueOn(calendar, { directedAt: monday, dueOn: '2026-12-04' })).toBe('2026-12-04');
    expect(isHandlingOverdue('2026-11-30', at('2026-11-30T16:59:00+07:00'))).toBe(false);
    expect(isHandlingOverdue('2026-11-30', at('2026-12-01T08:00:00+07:00'))).toBe(true);
  });

  it('accepts scans of 200 dpi or more only', () => {
    expect(isScanResolutionAccepted(MIN_SCAN_DPI)).toBe(true);
    expect(isScanResolutionAccepted(150)).toBe(false);
    expect(isScanResolutionAccepted(undefined)).toBe(false);
  });
});

describe('status reported back to the sender', () => {
  it('reports received, assigned, in progress and done, never backwards', () => {
    expect(deliveryStatusAfter('delivered', 'register', 'registered')).toBe('received');
    expect(deliveryStatusAfter('received', 'direct', 'directed')).toBe('assigned');
    expect(deliveryStatusAfter('assigned', 'direct', 'directed')).toBeNull();
    expect(deliveryStatusAfter('assigned', 'start', 'in_progress')).toBe('in_progress');
    expect(deliveryStatusAfter('in_progress', 'finish', 'in_progress')).toBeNull();
    expect(deliveryStatusAfter('in_progress', 'finish', 'done')).toBe('done');
    fc.assert(
      fc.property(fc.constantFrom(...DELIVERY_STATUSES), fc.constantFrom(...INCOMING_ACTIONS), (status, step) => {
        const next = deliveryStatusAfter(status, step, 'done');
        if (next !== null) {
          expect(DELIVERY_STATUSES.indexOf(next)).toBeGreaterThan(DELIVERY_STATUSES.indexOf(status));
        }
      }),
    );
  });
});
