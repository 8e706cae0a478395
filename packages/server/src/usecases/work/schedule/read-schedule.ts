import { createHash, randomBytes } from 'node:crypto';
import {
  findAgency,
  findFeedOwnerByTokenHash,
  findScheduleEntry,
  findScheduleFeedToken,
  listAgencyWeekEntries,
  listFeedEntries,
  listIncomingOfficials,
  listMyWeekEntries,
  listNamesForSchedule,
  listOpenUnits,
  listPublicWeekEntries,
  listScheduleAttendees,
  type ScheduleEntryRecord,
  upsertScheduleFeedToken,
} from '@motcua/db';
import {
  availableScheduleActions,
  type LocalDate,
  mayReadScheduleEntry,
  ROLE_DEFINITIONS,
  SCHEDULE_ENTRY_STATUS_LABELS,
  SCHEDULE_TRANSITIONS,
  type ScheduleActorFacts,
  serializeICalendar,
  weekDays,
  weekStartOf,
  weekStartOfDate,
} from '@motcua/domain';
import type { Actor, OfficialActor } from '../../../auth/actor.js';
import { authorizeAgencyAction, requireOfficial } from '../../../auth/authorize.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { publicUrlOf } from '../../provinces/province-site.js';
import { allowsTaskActionAt } from '../tasks/task-access.js';
import { loadScheduleActorFacts, SCHEDULE_ENTRY, toScheduleFacts } from './schedule-access.js';
import { presentScheduleFiles } from './schedule-files.js';

type AttendeeRow = Awaited<ReturnType<typeof listScheduleAttendees>>[number];

/** Entries as the API shows them, with names, attendees and the steps the official may take. */
const presentEntries = async (
  ctx: AppContext,
  rows: readonly ScheduleEntryRecord[],
  factsOf: (row: ScheduleEntryRecord, attendees: AttendeeRow[]) => ScheduleActorFacts,
) => {
  const attendees = await listScheduleAttendees(
    ctx.db,
    rows.map((row) => row.id),
  );
  const byEntry = new Map<string, AttendeeRow[]>();
  for (const attendee of attendees) {
    byEntry.set(attendee.entryId, [...(byEntry.get(attendee.entryId) ?? []), attendee]);
  }
  const names = await listNamesForSchedule(ctx.db, {
    userIds: [],
    agencyIds: [
      ...new Set(
        rows.flatMap((row) => [...(row.preparingAgencyId ? [row.preparingAgencyId] : []), ...row.participantUnitIds]),
      ),
    ],
  });
  const agencyNames = new Map(names.agencies.map((agency) => [agency.id, agency.name]));
  const items = [];
  for (const row of rows) {
    const entryAttendees = byEntry.get(row.id) ?? [];
    const facts = factsOf(row, entryAttendees);
    if (!mayReadScheduleEntry(toScheduleFacts(row), facts)) {
      continue;
    }
    const chair = entryAttendees.find((attendee) => attendee.role === 'chair');
    items.push({
      id: row.id,
      agencyId: row.agencyId,
      kind: row.scheduleKind,
      title: row.title,
      content: row.content,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      allDay: row.allDay,
      place: row.place,
      chairUserId: row.chairUserId,
      chairName: chair?.fullName ?? null,
      chairText: row.chairText,
      preparingAgencyId: row.preparingAgencyId,
      preparingAgencyName: row.preparingAgencyId ? (agencyNames.get(row.preparingAgencyId) ?? null) : null,
      participantsText: row.participantsText,
      participantUnits: row.participantUnitIds.map((id) => ({ id, name: agencyNames.get(id) ?? '' })),
      attendees: entryAttendees.map((attendee) => ({
        userId: attendee.userId,
        fullName: attendee.fullName,
        role: attendee.role,
      })),
      weekStart: row.weekStart,
      status: row.status,
      statusLabel: SCHEDULE_ENTRY_STATUS_LABELS[row.status],
      public: row.public,
      cancelReason: row.cancelReason,
      files: presentScheduleFiles(row.attachments),
      version: row.version,
      actions: availableScheduleActions(toScheduleFacts(row), facts).map((action) => ({
        action,
        label: SCHEDULE_TRANSITIONS[action].label,
      })),
    });
  }
  return items;
};

const resolveWeek = (ctx: AppContext, week: LocalDate | undefined): LocalDate =>
  week ? weekStartOfDate(week) : weekStartOf(ctx.clock.now().getTime());

/** A week of an agency's calendar (the leaders' and the units'): what the official may read of it. */
export const listAgencyWeek = async (
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; week?: LocalDate | undefined },
) => {
  const official = await authorizeAgencyAction(ctx, actor, 'work.read', input.agencyId, {
    vi: 'cơ quan',
    en: 'agency',
  });
  const weekStart = resolveWeek(ctx, input.week);
  const facts = await loadScheduleActorFacts(ctx, official, input.agencyId);
  const rows = await listAgencyWeekEntries(ctx.db, { agencyId: input.agencyId, weekStart });
  const items = await presentEntries(ctx, rows, (_row, attendees) => ({
    ...facts,
    attends: attendees.some((attendee) => attendee.userId === official.userId),
  }));
  const agency = await findAgency(ctx.db, input.agencyId);
  return {
    agencyId: input.agencyId,
    agencyName: agency?.name ?? '',
    weekStart,
    dates: weekDays(weekStart).dates,
    mayDraft: facts.drafts || facts.approves,
    mayApprove: facts.approves,
    items,
  };
};

/** My calendar: the entries I own and the published ones I attend, in a week. */
export const listMyWeek = async (ctx: AppContext, actor: Actor, input: { week?: LocalDate | undefined }) => {
  const official = requireOfficial(actor);
  const weekStart = resolveWeek(ctx, input.week);
  const rows = await listMyWeekEntries(ctx.db, { userId: official.userId, weekStart });
  const factsByAgency = new Map<string, ScheduleActorFacts>();
  for (const agencyId of new Set(rows.map((row) => row.agencyId))) {
    factsByAgency.set(agencyId, await loadScheduleActorFacts(ctx, official, agencyId));
  }
  const items = await presentEntries(ctx, rows, (row, attendees) => ({
    ...(factsByAgency.get(row.agencyId) as ScheduleActorFacts),
    attends: attendees.some((attendee) => attendee.userId === official.userId),
  }));
  return { weekStart, dates: weekDays(weekStart).dates, items };
};

/** One entry the official may read. */
export const getScheduleEntry = async (ctx: AppContext, actor: Actor, id: string) => {
  const official = requireOfficial(actor);
  const row = await findScheduleEntry(ctx.db, id);
  if (!row) {
    throw new AppError('NOT_FOUND', { resource: SCHEDULE_ENTRY });
  }
  const facts = await loadScheduleActorFacts(ctx, official, row.agencyId);
  const [item] = await presentEntries(ctx, [row], (_row, attendees) => ({
    ...facts,
    attends: attendees.some((attendee) => attendee.userId === official.userId),
  }));
  if (!item) {
    throw new AppError('NOT_FOUND', { resource: SCHEDULE_ENTRY });
  }
  return item;
};

/**
 * What the calendar page offers the official: the agencies whose calendars they read (with what they may do
 * there) and, for one agency, its units and officials (chair, participants, preparing unit).
 */
export const getScheduleOptions = async (ctx: AppContext, actor: Actor, agencyId: string | undefined) => {
  const official = requireOfficial(actor);
  const agencies = [];
  const seen = new Set<string>();
  for (const grant of official.grants) {
    const actions = ROLE_DEFINITIONS[grant.role].actions as readonly string[];
    if (seen.has(grant.agencyId) || !actions.includes('work.read')) {
      continue;
    }
    seen.add(grant.agencyId);
    const agency = await findAgency(ctx.db, grant.agencyId);
    if (agency) {
      const facts = await loadScheduleActorFacts(ctx, official, agency.id);
      agencies.push({
        id: agency.id,
        name: agency.name,
        mayDraft: facts.drafts || facts.approves,
        mayApprove: facts.approves,
        // A meeting's conclusions become tasks ("Tạo nhiệm vụ") where the official assigns tasks.
        mayAssignTasks: await allowsTaskActionAt(ctx, official, 'task.assign', agency.id),
      });
    }
  }
  // The agency whose calendar is shown first: one the official drafts or approves for, else the first.
  const chosen = agencyId ?? (agencies.find((agency) => agency.mayDraft) ?? agencies[0])?.id;
  if (!chosen) {
    return { agencies, agencyId: null, units: [], officials: [] };
  }
  await authorizeAgencyAction(ctx, actor, 'work.read', chosen, { vi: 'cơ quan', en: 'agency' });
  const agency = await findAgency(ctx.db, chosen);
  const children = await listOpenUnits(ctx.db, chosen);
  const units = [
    ...(agency ? [{ id: agency.id, name: agency.name }] : []),
    ...children.map((c) => ({ id: c.id, name: c.name })),
  ];
  const officials = await listIncomingOfficials(ctx.db, {
    agencyIds: units.map((unit) => unit.id),
    roles: ['agency_head', 'unit_head', 'specialist', 'clerk'],
  });
  // Each official once, under the unit of their first role there (the form groups people by unit).
  const unique = new Map<string, { userId: string; fullName: string; title: string | null; unitId: string }>();
  for (const row of officials) {
    if (!unique.has(row.userId)) {
      unique.set(row.userId, { userId: row.userId, fullName: row.fullName, title: row.title, unitId: row.agencyId });
    }
  }
  return { agencies, agencyId: chosen, units, officials: [...unique.values()] };
};

// ---- The portal ---------------------------------------------------------------------------------------------

/**
 * The public week: published entries marked public — titles, times, places, names only — of one province, or of
 * every province of the install when none is named.
 */
export const listPublicWeek = async (
  ctx: AppContext,
  input: { provinceCode?: string | undefined; week?: LocalDate | undefined },
) => {
  const weekStart = resolveWeek(ctx, input.week);
  const rows = await listPublicWeekEntries(ctx.db, { provinceCode: input.provinceCode ?? null, weekStart });
  const units = await listNamesForSchedule(ctx.db, {
    userIds: [],
    agencyIds: [...new Set(rows.flatMap((row) => row.participantUnitIds))],
  });
  const unitNames = new Map(units.agencies.map((agency) => [agency.id, agency.name]));
  return {
    provinceCode: input.provinceCode ?? null,
    weekStart,
    dates: weekDays(weekStart).dates,
    items: rows.map((row) => ({
      id: row.id,
      agencyName: row.agencyName,
      title: row.title,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      allDay: row.allDay,
      place: row.place,
      chair: row.chairName ?? row.chairText,
      participants: row.participantsText,
      participantUnits: row.participantUnitIds.flatMap((id) => unitNames.get(id) ?? []),
      preparingAgencyName: row.preparingAgencyName,
      files: presentScheduleFiles(row.attachments),
    })),
  };
};

// ---- The personal iCalendar feed ----------------------------------------------------------------------------

const hashFeedToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether the official has a feed link (its URL cannot be shown again: only its hash is kept). */
export const describeScheduleFeed = async (ctx: AppContext, actor: Actor) => {
  const official = requireOfficial(actor);
  const row = await findScheduleFeedToken(ctx.db, official.userId);
  return { exists: row !== undefined, createdAt: row?.createdAt.toISOString() ?? null };
};

/** Creates or replaces the official's secret feed link; the old link stops working. */
export const rotateScheduleFeed = async (ctx: AppContext, actor: Actor) => {
  const official: OfficialActor = requireOfficial(actor);
  const provinceCode = official.provinceCode ?? official.grants[0]?.provinceCode;
  if (!provinceCode) {
    throw new AppError('FORBIDDEN');
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await upsertScheduleFeedToken(ctx.db, {
    userId: official.userId,
    provinceCode,
    tokenHash: hashFeedToken(token),
    now,
  });
  return { token, path: `/api/v1/schedule/feed/${token}.ics`, createdAt: now.toISOString() };
};

/** The .ics text of a feed token (no session: the token is the secret); 30 days back, 180 ahead. */
export const renderScheduleFeed = async (ctx: AppContext, token: string) => {
  const owner = /^[A-Za-z0-9_-]{20,100}$/.test(token)
    ? await findFeedOwnerByTokenHash(ctx.db, hashFeedToken(token))
    : undefined;
  if (!owner) {
    throw new AppError('SCHEDULE_FEED_NOT_FOUND');
  }
  const now = ctx.clock.now().getTime();
  const rows = await listFeedEntries(ctx.db, {
    userId: owner.userId,
    from: new Date(now - 30 * 86_400_000),
    to: new Date(now + 180 * 86_400_000),
  });
  const attendees = await listScheduleAttendees(
    ctx.db,
    rows.map((row) => row.id),
  );
  const units = await listNamesForSchedule(ctx.db, {
    userIds: [],
    agencyIds: [...new Set(rows.flatMap((row) => row.participantUnitIds))],
  });
  const unitNames = new Map(units.agencies.map((agency) => [agency.id, agency.name]));
  // An entry's UID names the host of its own province's public address (RFC 5545 §3.8.4.7: globally unique).
  const hosts = new Map<string, string>();
  for (const provinceCode of new Set(rows.map((row) => row.provinceCode))) {
    hosts.set(provinceCode, new URL(await publicUrlOf(ctx, provinceCode)).hostname);
  }
  return serializeICalendar({
    name: `Lịch công tác — ${owner.fullName}`,
    events: rows.map((row) => {
      const chair = attendees.find((attendee) => attendee.entryId === row.id && attendee.role === 'chair');
      const description = [
        row.content,
        chair || row.chairText ? `Chủ trì: ${chair?.fullName ?? row.chairText}` : null,
        row.participantUnitIds.length > 0 || row.participantsText
          ? `Thành phần: ${[...row.participantUnitIds.flatMap((id) => unitNames.get(id) ?? []), row.participantsText]
              .filter(Boolean)
              .join('; ')}`
          : null,
        row.cancelReason ? `Lý do hủy: ${row.cancelReason}` : null,
      ]
        .filter(Boolean)
        .join('\n');
      return {
        uid: `${row.id}@${hosts.get(row.provinceCode)}`,
        stamp: row.updatedAt.getTime(),
        startsAt: row.startsAt.getTime(),
        endsAt: row.endsAt.getTime(),
        summary: row.title,
        location: row.place,
        description: description || null,
        sequence: row.version,
        cancelled: row.status === 'cancelled',
      };
    }),
  });
};
