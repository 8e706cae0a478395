import {
  type Database,
  findScheduleEntry,
  findScheduleEntryForUpdate,
  insertScheduleEntry,
  insertWorkNotices,
  listNamesForSchedule,
  listOverlappingEntries,
  listScheduleAttendeeIds,
  listScheduleAttendees,
  replaceScheduleAttendees,
  type ScheduleEntryRecord,
  setScheduleEntryAnchors,
  updateScheduleEntryGuarded,
} from '@motcua/db';
import {
  decideScheduleAction,
  findScheduleClashes,
  mayCreateScheduleEntry,
  SCHEDULE_ENTRY_STATUS_LABELS,
  SCHEDULE_TRANSITIONS,
  type ScheduleAction,
  type ScheduleKind,
  weekStartOf,
} from '@motcua/domain';
import type { Transaction, Updateable } from 'kysely';
import type { Actor } from '../../../auth/actor.js';
import { requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { appendWorkEvent } from '../work-chain.js';
import {
  getReadableScheduleEntry,
  loadScheduleActorFacts,
  loadScheduleAgency,
  SCHEDULE_ENTRY,
  toScheduleFacts,
} from './schedule-access.js';

/** The fields of an entry the drafter writes. */
export type ScheduleEntryFields = {
  title: string;
  content?: string | null | undefined;
  startsAt: string;
  endsAt: string;
  allDay?: boolean | undefined;
  place?: string | null | undefined;
  chairUserId?: string | null | undefined;
  chairText?: string | null | undefined;
  preparingAgencyId?: string | null | undefined;
  participantsText?: string | null | undefined;
  /** Units (phòng, ban) taking part, chosen from the agency's tree. */
  participantUnitIds?: string[] | undefined;
  attendeeUserIds?: string[] | undefined;
  public?: boolean | undefined;
};

/** A file kept on an entry (schedule_entry.attachments), as other records keep them. */
export type ScheduleFile = { sha256: string; name: string; size: number; contentType: string };

/** At most this many files on one entry (the invitation, the agenda, the reports to discuss…). */
export const SCHEDULE_FILES_MAX = 20;

export type ScheduleChangeInput = {
  id: string;
  action: ScheduleAction;
  expectedVersion: number;
  fields?: ScheduleEntryFields | undefined;
  /** With action 'update' and no fields: a file added to the entry, or one removed (by its sha256). */
  file?: { add: ScheduleFile } | { remove: string } | undefined;
  reason?: string | undefined;
};

type Attendee = { userId: string; role: 'chair' | 'participant' };

const toAttendees = (fields: ScheduleEntryFields): Attendee[] => {
  const attendees: Attendee[] = [];
  if (fields.chairUserId) {
    attendees.push({ userId: fields.chairUserId, role: 'chair' });
  }
  for (const userId of new Set(fields.attendeeUserIds ?? [])) {
    if (userId !== fields.chairUserId) {
      attendees.push({ userId, role: 'participant' });
    }
  }
  return attendees;
};

/** Checks the fields and answers the row values they set (times, week, texts) and the attendees. */
const checkFields = async (ctx: AppContext, fields: ScheduleEntryFields) => {
  const startsAt = new Date(fields.startsAt);
  const endsAt = new Date(fields.endsAt);
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || endsAt < startsAt) {
    throw new AppError('SCHEDULE_TIME_INVALID');
  }
  const attendees = toAttendees(fields);
  const userIds = attendees.map((attendee) => attendee.userId);
  const participantUnitIds = [...new Set(fields.participantUnitIds ?? [])];
  const agencyIds = [
    ...new Set([...(fields.preparingAgencyId ? [fields.preparingAgencyId] : []), ...participantUnitIds]),
  ];
  const names = await listNamesForSchedule(ctx.db, { userIds, agencyIds, activeOnly: true });
  if (names.users.length !== userIds.length || names.agencies.length !== agencyIds.length) {
    throw new AppError('SCHEDULE_ATTENDEES_INVALID');
  }
  const text = (value: string | null | undefined) => value?.trim() || null;
  return {
    values: {
      title: fields.title.trim(),
      content: text(fields.content),
      startsAt,
      endsAt,
      allDay: fields.allDay ?? false,
      place: text(fields.place),
      chairUserId: fields.chairUserId ?? null,
      chairText: text(fields.chairText),
      preparingAgencyId: fields.preparingAgencyId ?? null,
      participantsText: text(fields.participantsText),
      participantUnitIds,
      weekStart: weekStartOf(startsAt.getTime()),
      public: fields.public ?? false,
    },
    attendees,
  };
};

/** Other entries the same chair or attendees are in at an overlapping time (a warning, not a refusal). */
const findClashes = async (
  ctx: AppContext,
  entry: { id: string | null; startsAt: Date; endsAt: Date; userIds: string[] },
) => {
  const rows = await listOverlappingEntries(ctx.db, {
    userIds: entry.userIds,
    from: entry.startsAt,
    to: entry.endsAt,
    exceptId: entry.id,
  });
  const byId = new Map<
    string,
    { id: string; title: string; startsAt: Date; endsAt: Date; status: string; userIds: string[] }
  >();
  for (const row of rows) {
    const found = byId.get(row.id) ?? { ...row, userIds: [] };
    found.userIds.push(row.userId);
    byId.set(row.id, found);
  }
  const others = [...byId.values()];
  const clashes = findScheduleClashes(
    {
      id: entry.id ?? '',
      startsAt: entry.startsAt.getTime(),
      endsAt: entry.endsAt.getTime(),
      status: 'draft',
      userIds: entry.userIds,
    },
    others.map((other) => ({
      id: other.id,
      startsAt: other.startsAt.getTime(),
      endsAt: other.endsAt.getTime(),
      status: other.status as 'draft',
      userIds: other.userIds,
    })),
  );
  return clashes.map((clash) => {
    const other = byId.get(clash.entryId);
    return {
      entryId: clash.entryId,
      title: other?.title ?? '',
      startsAt: other?.startsAt.toISOString() ?? '',
      userIds: clash.userIds,
    };
  });
};

const NOTICE_TITLES = {
  published: 'Lịch công tác mới',
  changed: 'Lịch công tác thay đổi',
  cancelled: 'Lịch công tác bị hủy',
} as const;

/** Tells the attendees of an entry that it was published, changed or cancelled (in the change's transaction). */
const announce = async (trx: Transaction<Database>, row: ScheduleEntryRecord, what: keyof typeof NOTICE_TITLES) => {
  const attendees = (await listScheduleAttendeeIds(trx, row.id)).map((userId) => ({ userId }));
  const when = row.startsAt.toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  await insertWorkNotices(
    trx,
    attendees.map((attendee) => ({
      provinceCode: row.provinceCode,
      userId: attendee.userId,
      kind: `schedule_${what}`,
      recordKind: 'schedule_entry',
      recordId: row.id,
      dedupeKey: `schedule:${row.id}:${row.version}`,
      title: `${NOTICE_TITLES[what]}: ${row.title}`.slice(0, 300),
      body: `${when}${row.place ? ` — ${row.place}` : ''}${row.cancelReason && what === 'cancelled' ? ` — ${row.cancelReason}` : ''}`.slice(
        0,
        2000,
      ),
    })),
  );
};

/**
 * Creates an entry (a draft): on the agency leaders' or a unit's calendar by the drafting office or a
 * leader, on a person's own calendar by that person. Its first event is written by the same chain.
 */
export const createScheduleEntry = async (
  ctx: AppContext,
  actor: Actor,
  input: ScheduleEntryFields & { agencyId: string; kind: ScheduleKind },
) => {
  const official = requireOfficial(actor);
  const agency = await loadScheduleAgency(ctx, input.agencyId);
  const facts = await loadScheduleActorFacts(ctx, official, input.agencyId);
  const ownerUserId = input.kind === 'person' ? official.userId : null;
  if (!mayCreateScheduleEntry(input.kind, ownerUserId, facts)) {
    throw facts.reads || facts.drafts || facts.approves
      ? new AppError('SCHEDULE_NOT_PERMITTED', { action: { vi: 'Tạo lịch', en: 'Create' } })
      : new AppError('NOT_FOUND', { resource: { vi: 'cơ quan', en: 'agency' } });
  }
  const { values, attendees } = await checkFields(ctx, input);
  const now = ctx.clock.now();
  const created = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertScheduleEntry(trx, {
      ...values,
      provinceCode: agency.provinceCode,
      agencyId: input.agencyId,
      scheduleKind: input.kind,
      ownerUserId,
      status: 'draft',
      createdBy: official.userId,
    });
    await replaceScheduleAttendees(
      trx,
      row.id,
      attendees.map((attendee) => ({ ...attendee, provinceCode: agency.provinceCode })),
    );
    const anchor = await appendWorkEvent(trx, {
      kind: 'schedule_entry',
      row,
      at: now,
      actorUserId: official.userId,
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
      payload: { title: row.title, startsAt: row.startsAt.toISOString(), attendees: attendees.length },
    });
    await setScheduleEntryAnchors(trx, {
      id: row.id,
      eventCount: anchor.eventCount,
      lastEventHash: anchor.lastEventHash,
    });
    return row;
  });
  const clashes = await findClashes(ctx, {
    id: created.id,
    startsAt: created.startsAt,
    endsAt: created.endsAt,
    userIds: attendees.map((attendee) => attendee.userId),
  });
  return { id: created.id, status: created.status, version: created.version, clashes };
};

/**
 * Every change of an entry after its creation: authorize (readable, else 404) → lock the row → check the
 * version the caller saw (409) → decide with the table of packages/domain/src/work/schedule.ts → the row, the
 * attendees, the hash-chained event (appendWorkEvent) and the attendees' notices when it is published, changed
 * after publication or cancelled, in one transaction. There is no other way an entry changes.
 */
export const changeScheduleEntry = async (ctx: AppContext, actor: Actor, input: ScheduleChangeInput) => {
  const official = requireOfficial(actor);
  const current = await findScheduleEntry(ctx.db, input.id);
  if (!current) {
    throw new AppError('NOT_FOUND', { resource: SCHEDULE_ENTRY });
  }
  const { facts } = await getReadableScheduleEntry(ctx, official, current);
  const checked = input.action === 'update' && input.fields ? await checkFields(ctx, input.fields) : null;
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await findScheduleEntryForUpdate(trx, input.id);
    if (!row) {
      throw new AppError('NOT_FOUND', { resource: SCHEDULE_ENTRY });
    }
    if (row.version !== input.expectedVersion || row.version !== current.version) {
      throw new AppError('VERSION_CONFLICT', { current: row.version, sent: input.expectedVersion });
    }
    const decision = decideScheduleAction(toScheduleFacts(row), facts, input.action);
    if (!decision.ok) {
      throw new AppError(decision.refusal, {
        state: SCHEDULE_ENTRY_STATUS_LABELS[row.status],
        action: SCHEDULE_TRANSITIONS[input.action].label,
      });
    }
    const patch: Updateable<Database['scheduleEntry']> = { status: decision.to };
    const payload: Record<string, unknown> = {};
    let note: string | null = null;
    let eventAction: string = input.action;
    switch (input.action) {
      case 'update':
        if (input.file) {
          const files = row.attachments as ScheduleFile[];
          if ('add' in input.file) {
            const added = input.file.add;
            if (!files.some((file) => file.sha256 === added.sha256) && files.length >= SCHEDULE_FILES_MAX) {
              throw new AppError('SCHEDULE_FILES_TOO_MANY', { max: SCHEDULE_FILES_MAX });
            }
            patch.attachments = JSON.stringify([...files.filter((file) => file.sha256 !== added.sha256), added]);
            eventAction = 'attach_file';
            payload.file = { sha256: added.sha256, name: added.name };
          } else {
            const removed = files.find((file) => file.sha256 === (input.file as { remove: string }).remove);
            if (!removed) {
              throw new AppError('NOT_FOUND', { resource: { vi: 'tệp đính kèm', en: 'attachment' } });
            }
            patch.attachments = JSON.stringify(files.filter((file) => file !== removed));
            eventAction = 'remove_file';
            payload.file = { sha256: removed.sha256, name: removed.name };
          }
        }
        if (checked) {
          Object.assign(patch, checked.values);
          await replaceScheduleAttendees(
            trx,
            row.id,
            checked.attendees.map((attendee) => ({ ...attendee, provinceCode: row.provinceCode })),
          );
          payload.title = checked.values.title;
          payload.startsAt = checked.values.startsAt.toISOString();
          payload.endsAt = checked.values.endsAt.toISOString();
          payload.place = checked.values.place;
        }
        break;
      case 'approve':
        patch.approvedBy = official.userId;
        patch.approvedAt = now;
        break;
      case 'publish':
        patch.publishedAt = now;
        if (!row.approvedBy) {
          // A person's own entry is published without approval: its owner stands for it.
          patch.approvedBy = official.userId;
          patch.approvedAt = now;
        }
        break;
      case 'cancel':
        note = input.reason?.trim() || null;
        patch.cancelReason = note;
        break;
      case 'submit':
        break;
    }
    const anchor = await appendWorkEvent(trx, {
      kind: 'schedule_entry',
      row,
      at: now,
      actorUserId: official.userId,
      action: eventAction,
      fromStatus: row.status,
      toStatus: decision.to,
      note,
      payload,
    });
    const result = await updateScheduleEntryGuarded(trx, {
      id: row.id,
      expectedVersion: row.version,
      patch: { ...patch, eventCount: anchor.eventCount, lastEventHash: anchor.lastEventHash },
      now,
    });
    if (!result) {
      throw new AppError('VERSION_CONFLICT', { current: row.version + 1, sent: input.expectedVersion });
    }
    if (decision.announce) {
      await announce(
        trx,
        result,
        decision.to === 'cancelled' ? 'cancelled' : row.status === 'published' ? 'changed' : 'published',
      );
    }
    return result;
  });
  const attendees = await listScheduleAttendees(ctx.db, [updated.id]);
  const clashes =
    updated.status === 'cancelled'
      ? []
      : await findClashes(ctx, {
          id: updated.id,
          startsAt: updated.startsAt,
          endsAt: updated.endsAt,
          userIds: attendees.map((attendee) => attendee.userId),
        });
  return { id: updated.id, status: updated.status, version: updated.version, clashes };
};
