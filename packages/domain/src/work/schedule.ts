import {
  addDays,
  fromDayNumber,
  getDayStartInstant,
  getLocalDayNumber,
  getWeekdayOfDayNumber,
  type LocalDate,
  toDayNumber,
} from '../calendar/local-date.js';
import type { ScheduleEntryStatus, ScheduleKind } from './vocabulary.js';

/**
 * Work calendars (lịch công tác, issue 20 item 1): the agency leaders' weekly calendar and a unit's calendar are
 * drafted by the office (schedule.draft), approved and published by a leader (schedule.approve) — the practice of
 * the e-office systems of Decision 28/2018/QĐ-TTg ("xây dựng lịch công tác của cá nhân, của đơn vị", see
 * ../shared/spec/reform-and-eoffice.md §D); a person's own calendar is theirs alone (work.read suffices). A
 * published entry edited is published again and its participants told of the change; a cancelled entry stays
 * on the record (status cancelled, with its reason). One table of steps; the iCalendar text of RFC 5545.
 */

export const SCHEDULE_ACTIONS = ['update', 'submit', 'approve', 'publish', 'cancel'] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];

/** Who takes a step on a shared calendar: the drafting office or the approving leader. */
export type ScheduleActorKind = 'drafter' | 'approver';

type ScheduleTransition = {
  from: readonly ScheduleEntryStatus[];
  /** null: the status stays as it is (an edit). */
  to: ScheduleEntryStatus | null;
  /** On a shared calendar, by status left; a person's own calendar: the owner takes every step. */
  by: (from: ScheduleEntryStatus) => ScheduleActorKind;
  /** On a person's own calendar, the statuses the step starts from (no approval of one's own calendar). */
  personFrom: readonly ScheduleEntryStatus[];
  label: { vi: string; en: string };
};

export const SCHEDULE_TRANSITIONS: Readonly<Record<ScheduleAction, ScheduleTransition>> = {
  update: {
    // Editing an approved or published entry is the approver's: what was approved must not change behind them.
    from: ['draft', 'submitted', 'approved', 'published'],
    to: null,
    by: (from) => (from === 'approved' || from === 'published' ? 'approver' : 'drafter'),
    personFrom: ['draft', 'published'],
    label: { vi: 'Sửa', en: 'Edit' },
  },
  submit: {
    from: ['draft'],
    to: 'submitted',
    by: () => 'drafter',
    personFrom: [],
    label: { vi: 'Trình duyệt', en: 'Submit for approval' },
  },
  approve: {
    from: ['draft', 'submitted'],
    to: 'approved',
    by: () => 'approver',
    personFrom: [],
    label: { vi: 'Duyệt', en: 'Approve' },
  },
  publish: {
    from: ['approved'],
    to: 'published',
    by: () => 'approver',
    personFrom: ['draft'],
    label: { vi: 'Phát hành', en: 'Publish' },
  },
  cancel: {
    from: ['draft', 'submitted', 'approved', 'published'],
    to: 'cancelled',
    by: (from) => (from === 'approved' || from === 'published' ? 'approver' : 'drafter'),
    personFrom: ['draft', 'published'],
    label: { vi: 'Hủy lịch', en: 'Cancel' },
  },
};

/** The entry as the rules read it. */
export type ScheduleEntryFacts = {
  kind: ScheduleKind;
  status: ScheduleEntryStatus;
  ownerUserId: string | null;
  createdBy: string;
};

/** What the official may do at the entry's agency (their grants there, with the agency's lineage). */
export type ScheduleActorFacts = {
  userId: string;
  /** schedule.draft at the entry's agency. */
  drafts: boolean;
  /** schedule.approve at the entry's agency. */
  approves: boolean;
  /** work.read at the entry's agency. */
  reads: boolean;
  /** An attendee (chair, participant, preparer) of the entry. */
  attends: boolean;
};

export type ScheduleRefusal = 'SCHEDULE_NOT_ALLOWED_IN_STATE' | 'SCHEDULE_NOT_PERMITTED';
export type ScheduleDecision =
  | { ok: true; to: ScheduleEntryStatus; announce: boolean }
  | { ok: false; refusal: ScheduleRefusal };

/** Whether the official may create an entry of this kind (a person's entry only on their own calendar). */
export const mayCreateScheduleEntry = (
  kind: ScheduleKind,
  ownerUserId: string | null,
  actor: Pick<ScheduleActorFacts, 'userId' | 'drafts' | 'approves' | 'reads'>,
): boolean => (kind === 'person' ? ownerUserId === actor.userId && actor.reads : actor.drafts || actor.approves);

/**
 * Who may see an entry: a person's entry only its owner; a shared calendar's published (or cancelled after
 * publication) entry whoever reads the agency's work or attends it; one not yet published the drafters, the
 * approvers and its author.
 */
export const mayReadScheduleEntry = (entry: ScheduleEntryFacts, actor: ScheduleActorFacts): boolean => {
  if (entry.kind === 'person') {
    return entry.ownerUserId === actor.userId;
  }
  if (entry.status === 'published' || entry.status === 'cancelled') {
    return actor.reads || actor.attends || actor.drafts || actor.approves;
  }
  return actor.drafts || actor.approves || entry.createdBy === actor.userId;
};

/** Decides a step: the status it leads to and whether the attendees are told (published, changed, cancelled). */
export const decideScheduleAction = (
  entry: ScheduleEntryFacts,
  actor: ScheduleActorFacts,
  action: ScheduleAction,
): ScheduleDecision => {
  const transition = SCHEDULE_TRANSITIONS[action];
  if (entry.kind === 'person') {
    if (entry.ownerUserId !== actor.userId) {
      return { ok: false, refusal: 'SCHEDULE_NOT_PERMITTED' };
    }
    if (!transition.personFrom.includes(entry.status)) {
      return { ok: false, refusal: 'SCHEDULE_NOT_ALLOWED_IN_STATE' };
    }
  } else {
    if (!transition.from.includes(entry.status)) {
      return { ok: false, refusal: 'SCHEDULE_NOT_ALLOWED_IN_STATE' };
    }
    const by = transition.by(entry.status);
    // The approver may also do what the drafting office does.
    const permitted = by === 'approver' ? actor.approves : actor.drafts || actor.approves;
    if (!permitted) {
      return { ok: false, refusal: 'SCHEDULE_NOT_PERMITTED' };
    }
  }
  const to = transition.to ?? entry.status;
  const announce = to === 'published' || (entry.status === 'published' && (to === 'cancelled' || action === 'update'));
  return { ok: true, to, announce };
};

/** The steps the official may take now (for the buttons shown). */
export const availableScheduleActions = (entry: ScheduleEntryFacts, actor: ScheduleActorFacts): ScheduleAction[] =>
  SCHEDULE_ACTIONS.filter((action) => decideScheduleAction(entry, actor, action).ok);

// ---- The week -------------------------------------------------------------------------------------------------

/** The Monday (Asia/Ho_Chi_Minh, UTC+7) of the week an instant falls in: the weekly calendar is read by it. */
export const weekStartOf = (ms: number): LocalDate => {
  const day = getLocalDayNumber(ms);
  const weekday = getWeekdayOfDayNumber(day); // 0 = Sunday
  return fromDayNumber(day - ((weekday + 6) % 7));
};

/** The Monday of the week a local date falls in. */
export const weekStartOfDate = (date: LocalDate): LocalDate => weekStartOf(getDayStartInstant(toDayNumber(date)));

/** The seven dates of a week (Monday … Sunday) and the instants bounding it. */
export const weekDays = (weekStart: LocalDate): { dates: LocalDate[]; from: number; to: number } => {
  const dates = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
  return {
    dates,
    from: getDayStartInstant(toDayNumber(weekStart)),
    to: getDayStartInstant(toDayNumber(weekStart) + 7),
  };
};

/** Sáng (before noon, local) or Chiều: the two halves of a day of the printed weekly calendar. */
export const halfDayOf = (ms: number): 'morning' | 'afternoon' => {
  const local = ms + 7 * 3_600_000;
  const minutes = Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
  return minutes < 12 * 60 ? 'morning' : 'afternoon';
};

// ---- Clashes ----------------------------------------------------------------------------------------------------

export type ClashCandidate = {
  id: string;
  startsAt: number;
  endsAt: number;
  status: ScheduleEntryStatus;
  /** The chair and the attending officials. */
  userIds: readonly string[];
};

/**
 * The other entries the same chair or attendee is already in at an overlapping time (half-open intervals:
 * a meeting ending at 10:00 does not clash with one starting at 10:00; an instant entry clashes with one around it).
 * Cancelled entries clash with nothing.
 */
export const findScheduleClashes = (
  entry: ClashCandidate,
  others: readonly ClashCandidate[],
): { entryId: string; userIds: string[] }[] => {
  if (entry.status === 'cancelled') {
    return [];
  }
  const mine = new Set(entry.userIds);
  const overlaps = (a: ClashCandidate, b: ClashCandidate) =>
    a.startsAt === a.endsAt || b.startsAt === b.endsAt
      ? a.startsAt <= b.endsAt && b.startsAt <= a.endsAt
      : a.startsAt < b.endsAt && b.startsAt < a.endsAt;
  const clashes: { entryId: string; userIds: string[] }[] = [];
  for (const other of others) {
    if (other.id === entry.id || other.status === 'cancelled' || !overlaps(entry, other)) {
      continue;
    }
    const shared = [...new Set(other.userIds)].filter((userId) => mine.has(userId));
    if (shared.length > 0) {
      clashes.push({ entryId: other.id, userIds: shared });
    }
  }
  return clashes;
};

// ---- iCalendar (RFC 5545) -------------------------------------------------------------------------------------

export type ICalendarEvent = {
  uid: string;
  /** When the event was last changed (DTSTAMP). */
  stamp: number;
  startsAt: number;
  endsAt: number;
  summary: string;
  location?: string | null;
  description?: string | null;
  /** The entry's version: a change raises it (SEQUENCE). */
  sequence?: number;
  cancelled?: boolean;
};

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma; a line break becomes \n. */
export const escapeICalendarText = (text: string): string =>
  text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');

/** The inverse of escapeICalendarText. */
export const unescapeICalendarText = (text: string): string =>
  text.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Folds a content line so no line is longer than 75 octets (RFC 5545 §3.1): CRLF then one space, never inside
 * a UTF-8 sequence (code points are kept whole).
 */
export const foldICalendarLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const char of line) {
    const octets = utf8Length(char);
    // The first line holds 75 octets; a continuation line's leading space counts as one of its 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

/** Undoes folding: a CRLF followed by one space or tab is removed. */
export const unfoldICalendar = (text: string): string => text.replace(/\r\n[ \t]/g, '');

/** An instant as an iCalendar UTC date-time: 20261207T013000Z. */
export const formatICalendarInstant = (ms: number): string =>
  `${new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}`;

/** A VCALENDAR of VEVENTs (RFC 5545), CRLF line ends, lines folded at 75 octets. */
export const serializeICalendar = (calendar: { name: string; events: readonly ICalendarEvent[] }): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//motcua//Lich cong tac//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeICalendarText(calendar.name)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${formatICalendarInstant(event.stamp)}`,
      `DTSTART:${formatICalendarInstant(event.startsAt)}`,
      `DTEND:${formatICalendarInstant(Math.max(event.endsAt, event.startsAt))}`,
      `SUMMARY:${escapeICalendarText(event.summary)}`,
    );
    if (event.location) {
      lines.push(`LOCATION:${escapeICalendarText(event.location)}`);
    }
    if (event.description) {
      lines.push(`DESCRIPTION:${escapeICalendarText(event.description)}`);
    }
    if (event.sequence !== undefined) {
      lines.push(`SEQUENCE:${event.sequence}`);
    }
    lines.push(`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldICalendarLine).join('\r\n')}\r\n`;
};
