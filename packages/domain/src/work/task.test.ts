import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../calendar/local-date.js';
import { createDayOffCalendar } from '../calendar/schedule.js';
import { DEFAULT_WORKING_HOURS, WorkingTimeCalendar } from '../calendar/working-time.js';
import {
  classifyTaskCompletion,
  computeTaskDueAt,
  computeTaskWarningInstants,
  decideTaskAction,
  listTaskActions,
  mayReadTask,
  TASK_ACTIONS,
  TASK_TRANSITIONS,
  type TaskActorFacts,
  type TaskFacts,
  taskWarningAt,
} from './task.js';
import { TASK_STATUSES } from './vocabulary.js';

const calendar = new WorkingTimeCalendar(createDayOffCalendar(), DEFAULT_WORKING_HOURS);
const at = (iso: string) => parseInstant(iso);

const task: TaskFacts = {
  status: 'assigned',
  assignedBy: 'u-leader',
  leadUserId: 'u-lead',
  leadAgencyId: null,
  cooperatorUserIds: ['u-co'],
  confidential: false,
};
const nobody: TaskActorFacts = {
  userId: 'u-x',
  assignsAtAgency: false,
  headsLeadUnit: false,
  headsAgency: false,
  readsAgency: false,
  inAssignedUnit: false,
};
const leader = { ...nobody, userId: 'u-leader' };
const lead = { ...nobody, userId: 'u-lead' };
const co = { ...nobody, userId: 'u-co' };

describe('the steps of a task', () => {
  it('runs assigned → in progress → submitted → returned → submitted → completed', () => {
    expect(decideTaskAction(task, lead, 'start')).toEqual({ ok: true, to: 'in_progress' });
    const going = { ...task, status: 'in_progress' as const };
    expect(decideTaskAction(going, co, 'report_progress')).toEqual({ ok: true, to: 'in_progress' });
    expect(decideTaskAction(going, co, 'submit')).toEqual({ ok: false, refusal: 'TASK_NOT_YOURS' });
    expect(decideTaskAction(going, lead, 'submit')).toEqual({ ok: true, to: 'submitted' });
    const submitted = { ...task, status: 'submitted' as const };
    expect(decideTaskAction(submitted, lead, 'accept')).toEqual({ ok: false, refusal: 'TASK_NOT_YOURS' });
    expect(decideTaskAction(submitted, leader, 'return')).toEqual({ ok: true, to: 'in_progress' });
    expect(decideTaskAction(submitted, leader, 'accept')).toEqual({ ok: true, to: 'completed' });
  });

  it('an extension is asked by the lead and decided by the assigner or a head over the agency', () => {
    const going = { ...task, status: 'in_progress' as const };
    expect(decideTaskAction(going, lead, 'request_extension')).toEqual({ ok: true, to: 'extension_requested' });
    const asked = { ...task, status: 'extension_requested' as const };
    expect(decideTaskAction(asked, lead, 'approve_extension').ok).toBe(false);
    expect(decideTaskAction(asked, { ...nobody, assignsAtAgency: true }, 'approve_extension')).toEqual({
      ok: true,
      to: 'in_progress',
    });
    expect(decideTaskAction(asked, leader, 'refuse_extension')).toEqual({ ok: true, to: 'in_progress' });
  });

  it('a unit-led task is dispatched by the unit head only while no official leads it', () => {
    const unitTask = { ...task, leadUserId: null, leadAgencyId: 'unit-a' };
    const unitHead = { ...nobody, userId: 'u-uh', headsLeadUnit: true };
    expect(decideTaskAction(unitTask, unitHead, 'dispatch')).toEqual({ ok: true, to: 'assigned' });
    expect(decideTaskAction(unitTask, nobody, 'dispatch')).toEqual({ ok: false, refusal: 'TASK_NOT_YOURS' });
    expect(decideTaskAction(task, unitHead, 'dispatch').ok).toBe(false);
  });

  it('property: no step leaves a finished task, and every allowed step reaches a status of the table', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TASK_STATUSES),
        fc.constantFrom(...TASK_ACTIONS),
        fc.constantFrom(leader, lead, co, nobody, { ...nobody, assignsAtAgency: true }),
        (status, action, actor) => {
          const decision = decideTaskAction({ ...task, status }, actor, action);
          if (status === 'completed' || status === 'cancelled') {
            expect(decision.ok).toBe(false);
          }
          if (decision.ok) {
            const to = TASK_TRANSITIONS[action].to;
            expect(decision.to).toBe(to === 'same' ? status : to);
            expect(listTaskActions({ ...task, status }, actor)).toContain(action);
          }
          if (actor === nobody) {
            expect(decision.ok).toBe(false);
          }
        },
      ),
    );
  });

  it('a confidential task is read only by the assigner, the assignees and the agency head', () => {
    const secret = { ...task, confidential: true };
    expect(mayReadTask(secret, { ...nobody, readsAgency: true, assignsAtAgency: true })).toBe(false);
    expect(mayReadTask(secret, { ...nobody, headsAgency: true })).toBe(true);
    expect(mayReadTask(secret, co)).toBe(true);
    expect(mayReadTask(task, { ...nobody, readsAgency: true })).toBe(true);
    expect(mayReadTask(task, nobody)).toBe(false);
  });
});

describe('the deadline on the working-time calendar', () => {
  it('counts working days after the day of assignment, skipping the weekend', () => {
    // Friday 2026-03-06 + 3 working days = Wednesday 2026-03-11, closing at 17:00 (UTC+7 = 10:00Z).
    expect(computeTaskDueAt(calendar, { assignedAt: at('2026-03-06T09:00:00+07:00'), workingDays: 3 })).toBe(
      at('2026-03-11T17:00:00+07:00'),
    );
  });

  it('a date on a day off moves to the next working day (Civil Code Art. 148(5))', () => {
    expect(computeTaskDueAt(calendar, { assignedAt: at('2026-03-02T09:00:00+07:00'), dueOn: '2026-03-07' })).toBe(
      at('2026-03-09T17:00:00+07:00'),
    );
  });

  it('property: more working days never give an earlier deadline, and the deadline is a working day close', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 30 }), (offsetDays, days) => {
        const assignedAt = at('2026-01-05T08:00:00+07:00') + offsetDays * 86_400_000;
        const due = computeTaskDueAt(calendar, { assignedAt, workingDays: days });
        const later = computeTaskDueAt(calendar, { assignedAt, workingDays: days + 1 });
        expect(later).toBeGreaterThan(due);
        expect(due).toBeGreaterThan(assignedAt);
        expect(calendar.isWorkingInstant(due - 60_000)).toBe(true);
      }),
    );
  });
});

describe('completion class and warnings', () => {
  const due = at('2026-03-11T17:00:00+07:00');
  it('classifies against the deadline in force', () => {
    expect(classifyTaskCompletion(due, at('2026-03-10T16:00:00+07:00'))).toBe('early');
    expect(classifyTaskCompletion(due, at('2026-03-11T16:59:00+07:00'))).toBe('on_time');
    expect(classifyTaskCompletion(due, at('2026-03-11T17:00:01+07:00'))).toBe('late');
  });

  it('property: late exactly when completed after the deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * 86_400_000, max: 10 * 86_400_000 }), (delta) => {
        expect(classifyTaskCompletion(due, due + delta) === 'late').toBe(delta > 0);
      }),
    );
  });

  it('warns 8 working hours before (the opening of the due day) and at the deadline', () => {
    const { dueSoonAt, overdueAt } = computeTaskWarningInstants(calendar, due);
    expect(dueSoonAt).toBe(at('2026-03-11T07:00:00+07:00'));
    expect(overdueAt).toBe(due);
    expect(taskWarningAt(calendar, { status: 'in_progress', dueAt: due }, at('2026-03-10T09:00:00+07:00'))).toBe(
      'none',
    );
    expect(taskWarningAt(calendar, { status: 'in_progress', dueAt: due }, at('2026-03-11T09:00:00+07:00'))).toBe(
      'due_soon',
    );
    expect(taskWarningAt(calendar, { status: 'in_progress', dueAt: due }, due + 1)).toBe('overdue');
    expect(taskWarningAt(calendar, { status: 'completed', dueAt: due }, due + 1)).toBe('none');
  });

  it('property: from the due-soon instant on, exactly N working hours or fewer remain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 40 }), (offsetDays, hours) => {
        const dueAt = computeTaskDueAt(calendar, {
          assignedAt: at('2026-01-05T08:00:00+07:00') + offsetDays * 86_400_000,
          workingDays: 5,
        });
        const { dueSoonAt } = computeTaskWarningInstants(calendar, dueAt, { dueSoonWorkingHours: hours });
        expect(calendar.getWorkingMinutesBetween(dueSoonAt, dueAt)).toBeGreaterThanOrEqual(hours * 60);
        expect(calendar.getWorkingMinutesBetween(dueSoonAt + 60_000, dueAt)).toBeLessThanOrEqual(hours * 60);
      }),
    );
  });
});
