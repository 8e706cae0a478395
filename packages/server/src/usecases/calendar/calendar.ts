import { insertCalendarEntries, insertPublishedYear, listCalendarHistory, type NewCalendarEntry } from '@motcua/db';
import {
  classifyCompletion,
  computeDue,
  type DayKind,
  type DurationRule,
  formatInstant,
  fromLunarDate,
  getCanChi,
  getLeapMonth,
  getLunarMonthLength,
  getWorkingTimeElapsed,
  parseInstant,
  parseLocalDate,
  type ScheduleStatus,
  toLocalDate,
  toLunarDate,
} from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { authorizeProvinceAction, requireOfficial } from '../../auth/authorize.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { QUEUES } from '../../jobs/jobs.js';
import { getAgencyWorkingCalendar, getDayOffCalendar, getWorkingCalendar } from './calendar-service.js';

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** The days off of a year for a province (or nationally), with the breaks they form. */
export const listHolidays = async (ctx: AppContext, input: { year: number; provinceCode?: string | undefined }) => {
  const { calendar } = await getDayOffCalendar(ctx, input.provinceCode);
  const days = calendar.listDaysOff(input.year).map((day) => ({
    date: day.date,
    weekday: WEEKDAYS_VI[new Date(`${day.date}T00:00:00Z`).getUTCDay()] ?? '',
    kind: day.kind ?? null,
    period: day.period ?? null,
    status: day.status ?? null,
    source: day.source ?? null,
    provisional: calendar.getDayInfo(day.date).provisional,
  }));
  const makeupWorkdays = calendar
    .listEntries(input.year)
    .filter((e) => e.kind === 'makeup_workday')
    .map((e) => ({ date: e.date, period: e.period, status: e.status }));
  return {
    year: input.year,
    provinceCode: input.provinceCode ?? null,
    published: calendar.isPublishedYear(input.year),
    provisional: calendar.isProvisionalYear(input.year),
    days,
    makeupWorkdays,
    breaks: calendar.listBreaks(input.year),
  };
};

export type DueQuery = {
  from: string;
  workingDays?: number | undefined;
  workingHours?: number | undefined;
  calendarDays?: number | undefined;
  sameDayCutoff?: string | undefined;
  cutoff?: string | undefined;
  agencyId?: string | undefined;
  provinceCode?: string | undefined;
};

export const toDurationRule = (input: Omit<DueQuery, 'from' | 'agencyId' | 'provinceCode'>): DurationRule => {
  const given = [input.workingDays, input.workingHours, input.calendarDays, input.sameDayCutoff].filter(
    (v) => v !== undefined,
  );
  if (given.length !== 1) {
    throw new AppError('CALENDAR_DURATION_REQUIRED');
  }
  if (input.workingDays !== undefined) {
    return { unit: 'working_days', value: input.workingDays, ...(input.cutoff ? { cutoff: input.cutoff } : {}) };
  }
  if (input.workingHours !== undefined) {
    return { unit: 'working_hours', value: input.workingHours, ...(input.cutoff ? { cutoff: input.cutoff } : {}) };
  }
  if (input.calendarDays !== undefined) {
    return { unit: 'calendar_days', value: input.calendarDays };
  }
  return { unit: 'same_day', cutoff: input.sameDayCutoff ?? '' };
};

const calendarFor = async (
  ctx: AppContext,
  input: { agencyId?: string | undefined; provinceCode?: string | undefined },
) =>
  input.agencyId
    ? (await getAgencyWorkingCalendar(ctx, input.agencyId)).calendar
    : getWorkingCalendar(ctx, { provinceCode: input.provinceCode });

/** The due instant of a duration counted from an instant, in legal working time. */
export const computeDueInstant = async (ctx: AppContext, input: DueQuery) => {
  const rule = toDurationRule(input);
  const start = parseInstant(input.from);
  const calendar = await calendarFor(ctx, input);
  const result = computeDue(calendar, { start, rule });
  return {
    from: formatInstant(start),
    rule,
    dueAt: result.dueAt === null ? null : formatInstant(result.dueAt),
    provisional: result.provisional,
  };
};

/** Working time between two instants, and how a completion at `to` compares with a due instant at `due`. */
export const measureWorkingTime = async (
  ctx: AppContext,
  input: { from: string; to: string; agencyId?: string | undefined; provinceCode?: string | undefined },
) => {
  const from = parseInstant(input.from);
  const to = parseInstant(input.to);
  const calendar = await calendarFor(ctx, input);
  const minutes = getWorkingTimeElapsed(calendar, { start: from, end: to });
  return {
    from: formatInstant(from),
    to: formatInstant(to),
    workingMinutes: minutes,
    workingHours: Math.round((minutes / 60) * 100) / 100,
    workingDays: Math.round((minutes / 480) * 1000) / 1000,
    provisional: calendar.isProvisionalBetween(toLocalDate(Math.min(from, to)), toLocalDate(Math.max(from, to))),
    classificationIfDueAtFrom: to >= from ? classifyCompletion(to, from) : null,
  };
};

export const convertLunar = (input: {
  date?: string | undefined;
  lunar?: string | undefined;
  leap?: boolean | undefined;
}) => {
  if (input.date) {
    const date = parseLocalDate(input.date);
    const lunar = toLunarDate(date);
    return {
      date,
      lunar,
      canChi: getCanChi(lunar.year),
      monthLength: getLunarMonthLength(lunar.year, lunar.month, lunar.leap),
      leapMonthOfYear: getLeapMonth(lunar.year) ?? null,
    };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.lunar ?? '');
  if (!match) {
    throw new AppError('CALENDAR_INVALID_LUNAR_DATE', { reason: String(input.lunar ?? '') });
  }
  const lunar = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), leap: input.leap ?? false };
  const date = fromLunarDate(lunar);
  return {
    date,
    lunar,
    canChi: getCanChi(lunar.year),
    monthLength: getLunarMonthLength(lunar.year, lunar.month, lunar.leap),
    leapMonthOfYear: getLeapMonth(lunar.year) ?? null,
  };
};

export type CalendarEntryInput =
  | {
      date: string;
      kind: DayKind;
      period: string;
      status?: ScheduleStatus | undefined;
      source: string;
      note?: string | undefined;
    }
  | { date: string; remove: true; source: string; note?: string | undefined };

/**
 * A province administrator adds, changes or cancels days off for the province (e.g. a one-off
 * provincial holiday). Each change supersedes the date's previous entry; the history stays.
 */
export const setProvinceCalendarEntries = async (
  ctx: AppContext,
  actor: Actor,
  input: { provinceCode: string; entries: CalendarEntryInput[] },
) => {
  const official = authorizeProvinceAction(actor, 'calendar.manage', input.provinceCode);
  const rows: NewCalendarEntry[] = input.entries.map((entry) => {
    parseLocalDate(entry.date);
    return 'remove' in entry
      ? { date: entry.date, action: 'remove', source: entry.source, note: entry.note ?? null }
      : {
          date: entry.date,
          action: 'set',
          kind: entry.kind,
          period: entry.period,
          status: entry.status ?? 'confirmed',
          source: entry.source,
          note: entry.note ?? null,
        };
  });
  // The entries and the job that moves the open dossiers' appointments commit together.
  const ids = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertCalendarEntries(trx, {
      scope: input.provinceCode,
      entries: rows,
      createdBy: official.userId,
      now: ctx.clock.now(),
    });
    await ctx.jobs.enqueue(trx, QUEUES.dueRecompute, {
      provinceCode: input.provinceCode,
      actorUserId: official.userId,
      reason: rows.map((r) => `${r.date}: ${r.action === 'remove' ? 'hủy ngày nghỉ' : (r.period ?? '')}`).join('; '),
    });
    return inserted;
  });
  return { ids };
};

/** Marks a year's schedule as published for the province: the Labour Code fallback stops applying. */
export const publishProvinceYear = async (
  ctx: AppContext,
  actor: Actor,
  input: { provinceCode: string; year: number; source: string },
) => {
  const official = authorizeProvinceAction(actor, 'calendar.manage', input.provinceCode);
  await ctx.db.transaction().execute((trx) =>
    insertPublishedYear(trx, {
      scope: input.provinceCode,
      year: input.year,
      source: input.source,
      createdBy: official.userId,
      now: ctx.clock.now(),
    }),
  );
};

/** Who changed which day off of a province, newest first (officials of that province). */
export const getCalendarHistory = async (
  ctx: AppContext,
  actor: Actor,
  input: { provinceCode: string; year?: number | undefined; page: number; pageSize: number },
) => {
  const official = requireOfficial(actor);
  if (!official.grants.some((g) => g.provinceCode === input.provinceCode)) {
    throw new AppError('FORBIDDEN');
  }
  return listCalendarHistory(ctx.db, {
    scope: input.provinceCode,
    ...(input.year !== undefined ? { year: input.year } : {}),
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
};
