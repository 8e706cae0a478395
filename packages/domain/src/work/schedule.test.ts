import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getWeekday, toLocalDate } from '../calendar/local-date.js';
import {
  decideScheduleAction,
  escapeICalendarText,
  findScheduleClashes,
  foldICalendarLine,
  halfDayOf,
  mayReadScheduleEntry,
  SCHEDULE_ACTIONS,
  serializeICalendar,
  unescapeICalendarText,
  unfoldICalendar,
  weekDays,
  weekStartOf,
} from './schedule.js';
import { SCHEDULE_ENTRY_STATUSES, SCHEDULE_KINDS } from './vocabulary.js';

const octets = (text: string) => new TextEncoder().encode(text).length;
const actor = (over: Partial<Parameters<typeof decideScheduleAction>[1]> = {}) => ({
  userId: 'u1',
  drafts: false,
  approves: false,
  reads: true,
  attends: false,
  ...over,
});

describe('schedule entry steps', () => {
  it('follows draft → submitted → approved → published on the leaders’ calendar', () => {
    const drafter = actor({ drafts: true });
    const leader = actor({ userId: 'leader', approves: true });
    const entry = { kind: 'agency_leaders' as const, status: 'draft' as const, ownerUserId: null, createdBy: 'u1' };
    expect(decideScheduleAction(entry, drafter, 'submit')).toEqual({ ok: true, to: 'submitted', announce: false });
    expect(decideScheduleAction({ ...entry, status: 'submitted' }, drafter, 'approve')).toEqual({
      ok: false,
      refusal: 'SCHEDULE_NOT_PERMITTED',
    });
    expect(decideScheduleAction({ ...entry, status: 'submitted' }, leader, 'approve')).toMatchObject({
      to: 'approved',
    });
    expect(decideScheduleAction({ ...entry, status: 'approved' }, leader, 'publish')).toEqual({
      ok: true,
      to: 'published',
      announce: true,
    });
    expect(decideScheduleAction({ ...entry, status: 'published' }, leader, 'update')).toEqual({
      ok: true,
      to: 'published',
      announce: true,
    });
    expect(decideScheduleAction({ ...entry, status: 'published' }, drafter, 'update')).toMatchObject({ ok: false });
    expect(decideScheduleAction({ ...entry, status: 'draft' }, leader, 'publish')).toEqual({
      ok: false,
      refusal: 'SCHEDULE_NOT_ALLOWED_IN_STATE',
    });
  });

  it('a person’s calendar is theirs alone', () => {
    const entry = { kind: 'person' as const, status: 'draft' as const, ownerUserId: 'u1', createdBy: 'u1' };
    expect(decideScheduleAction(entry, actor(), 'publish')).toMatchObject({ ok: true, to: 'published' });
    expect(decideScheduleAction(entry, actor({ userId: 'u2', approves: true, drafts: true }), 'publish')).toEqual({
      ok: false,
      refusal: 'SCHEDULE_NOT_PERMITTED',
    });
    expect(mayReadScheduleEntry(entry, actor({ userId: 'u2', approves: true }))).toBe(false);
  });

  it('nothing leaves cancelled, and only steps of the table succeed (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEDULE_KINDS),
        fc.constantFrom(...SCHEDULE_ENTRY_STATUSES),
        fc.constantFrom(...SCHEDULE_ACTIONS),
        fc.record({ drafts: fc.boolean(), approves: fc.boolean(), owner: fc.boolean() }),
        (kind, status, action, flags) => {
          const entry = {
            kind,
            status,
            ownerUserId: kind === 'person' ? (flags.owner ? 'u1' : 'u9') : null,
            createdBy: 'u1',
          };
          const decision = decideScheduleAction(entry, actor(flags), action);
          if (status === 'cancelled') {
            expect(decision.ok).toBe(false);
          }
          if (decision.ok && kind !== 'person') {
            expect(flags.drafts || flags.approves).toBe(true);
          }
          if (decision.ok && kind === 'person') {
            expect(flags.owner).toBe(true);
          }
          if (decision.ok && decision.announce) {
            expect(decision.to === 'published' || decision.to === 'cancelled').toBe(true);
          }
        },
      ),
    );
  });
});

describe('the week', () => {
  it('starts on the Vietnamese Monday', () => {
    // Sunday 2026-12-06 23:30 +07 is still the week of Monday 30 November; Monday 00:30 +07 the next.
    expect(weekStartOf(Date.parse('2026-12-06T16:30:00Z'))).toBe('2026-11-30');
    expect(weekStartOf(Date.parse('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
    expect(halfDayOf(Date.parse('2026-12-07T04:59:00Z'))).toBe('morning');
    expect(halfDayOf(Date.parse('2026-12-07T05:00:00Z'))).toBe('afternoon');
  });

  it('contains the instant and is a Monday (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const start = weekStartOf(ms);
        expect(getWeekday(start)).toBe(1);
        const week = weekDays(start);
        expect(ms).toBeGreaterThanOrEqual(week.from);
        expect(ms).toBeLessThan(week.to);
        expect(week.dates).toContain(toLocalDate(ms));
      }),
    );
  });
});

describe('clashes', () => {
  const base = { id: 'a', startsAt: 1000, endsAt: 2000, status: 'published' as const, userIds: ['chair', 'p1'] };
  it('finds the same chair or attendee at an overlapping time', () => {
    expect(
      findScheduleClashes(base, [
        { id: 'b', startsAt: 1500, endsAt: 2500, status: 'draft', userIds: ['p1', 'x'] },
        { id: 'c', startsAt: 2000, endsAt: 3000, status: 'published', userIds: ['chair'] },
        { id: 'd', startsAt: 1500, endsAt: 1600, status: 'cancelled', userIds: ['chair'] },
        { id: 'e', startsAt: 1500, endsAt: 1600, status: 'published', userIds: ['y'] },
      ]),
    ).toEqual([{ entryId: 'b', userIds: ['p1'] }]);
  });

  it('is symmetric (property)', () => {
    const entry = (id: string) =>
      fc.record({
        id: fc.constant(id),
        startsAt: fc.integer({ min: 0, max: 100 }),
        length: fc.integer({ min: 0, max: 50 }),
        status: fc.constantFrom(...SCHEDULE_ENTRY_STATUSES),
        userIds: fc.subarray(['a', 'b', 'c', 'd']),
      });
    fc.assert(
      fc.property(entry('x'), entry('y'), (x, y) => {
        const a = { ...x, endsAt: x.startsAt + x.length };
        const b = { ...y, endsAt: y.startsAt + y.length };
        expect(findScheduleClashes(a, [b]).length).toBe(findScheduleClashes(b, [a]).length);
      }),
    );
  });
});

describe('iCalendar (RFC 5545)', () => {
  it('writes a VEVENT with UID, DTSTAMP, UTC times, escaped text', () => {
    const text = serializeICalendar({
      name: 'Lịch của tôi',
      events: [
        {
          uid: 'e1@motcua',
          stamp: Date.parse('2026-12-01T00:00:00Z'),
          startsAt: Date.parse('2026-12-07T01:30:00Z'),
          endsAt: Date.parse('2026-12-07T03:00:00Z'),
          summary: 'Họp giao ban; tuần 50, năm 2026',
          location: 'Phòng họp số 1',
          description: 'Dòng một\nDòng hai',
          sequence: 3,
        },
      ],
    });
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toContain('\r\nUID:e1@motcua\r\n');
    expect(text).toContain('\r\nDTSTAMP:20261201T000000Z\r\n');
    expect(text).toContain('\r\nDTSTART:20261207T013000Z\r\nDTEND:20261207T030000Z\r\n');
    expect(text).toContain('SUMMARY:Họp giao ban\\; tuần 50\\, năm 2026');
    expect(text).toContain('DESCRIPTION:Dòng một\\nDòng hai');
    expect(text.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
  });

  it('folds at 75 octets without splitting a character, and unfolds back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `SUMMARY:${escapeICalendarText(text)}`;
        const folded = foldICalendarLine(line);
        for (const part of folded.split('\r\n')) {
          expect(octets(part)).toBeLessThanOrEqual(75);
        }
        expect(unfoldICalendar(folded)).toBe(line);
        expect(unescapeICalendarText(escapeICalendarText(text).replace(/\r\n|\r/g, '\n'))).toBe(
          text.replace(/\r\n|\r/g, '\n'),
        );
      }),
    );
  });

  it('every line of a calendar is at most 75 octets (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 4 }), (titles) => {
        const text = serializeICalendar({
          name: 'x',
          events: titles.map((title, index) => ({
            uid: `u${index}`,
            stamp: 0,
            startsAt: 0,
            endsAt: 3_600_000,
            summary: title,
            description: title,
          })),
        });
        for (const line of text.split('\r\n')) {
          expect(octets(line)).toBeLessThanOrEqual(75);
        }
        expect((text.match(/BEGIN:VEVENT/g) ?? []).length).toBe(titles.length);
      }),
    );
  });
});
