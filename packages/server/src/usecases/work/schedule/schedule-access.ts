import { findAgencyLineage, findScheduleEntry, listScheduleAttendees, type ScheduleEntryRecord } from '@motcua/db';
import {
  type Action,
  isAllowed,
  mayReadScheduleEntry,
  type ScheduleActorFacts,
  type ScheduleEntryFacts,
} from '@motcua/domain';
import type { OfficialActor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';

export const SCHEDULE_ENTRY = { vi: 'lịch công tác', en: 'calendar entry' } as const;

/** The agency's lineage, or 404 when it does not exist. */
export const loadScheduleAgency = async (ctx: AppContext, agencyId: string) => {
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  if (!lineage?.provinceCode) {
    throw new AppError('NOT_FOUND', { resource: { vi: 'cơ quan', en: 'agency' } });
  }
  return { ...lineage, provinceCode: lineage.provinceCode };
};

/** What the official may do on calendars of an agency (schedule.draft, schedule.approve, work.read there). */
export const loadScheduleActorFacts = async (
  ctx: AppContext,
  official: OfficialActor,
  agencyId: string,
  attends = false,
): Promise<ScheduleActorFacts> => {
  const lineage = await findAgencyLineage(ctx.db, agencyId);
  const allows = (action: Action) =>
    lineage ? isAllowed(official.grants, action, { kind: 'agency', lineage }) : false;
  return {
    userId: official.userId,
    drafts: allows('schedule.draft'),
    approves: allows('schedule.approve'),
    reads: allows('work.read'),
    attends,
  };
};

export const toScheduleFacts = (row: ScheduleEntryRecord): ScheduleEntryFacts => ({
  kind: row.scheduleKind,
  status: row.status,
  ownerUserId: row.ownerUserId,
  createdBy: row.createdBy,
});

/** An entry the official may read, with their facts; else 404 as if it did not exist. */
export const getReadableScheduleEntry = async (ctx: AppContext, official: OfficialActor, row: ScheduleEntryRecord) => {
  const attendees = await listScheduleAttendees(ctx.db, [row.id]);
  const attends = attendees.some((attendee) => attendee.userId === official.userId);
  const facts = await loadScheduleActorFacts(ctx, official, row.agencyId, attends);
  if (!mayReadScheduleEntry(toScheduleFacts(row), facts)) {
    throw new AppError('NOT_FOUND', { resource: SCHEDULE_ENTRY });
  }
  return { facts, attendees };
};

/** An entry by id when the official may read it; undefined otherwise (as if it did not exist). */
export const findReadableScheduleEntry = async (
  ctx: AppContext,
  official: OfficialActor,
  id: string,
): Promise<ScheduleEntryRecord | undefined> => {
  const row = await findScheduleEntry(ctx.db, id);
  if (!row) {
    return undefined;
  }
  const attendees = await listScheduleAttendees(ctx.db, [row.id]);
  const facts = await loadScheduleActorFacts(
    ctx,
    official,
    row.agencyId,
    attendees.some((attendee) => attendee.userId === official.userId),
  );
  return mayReadScheduleEntry(toScheduleFacts(row), facts) ? row : undefined;
};
