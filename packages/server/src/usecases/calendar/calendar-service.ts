import {
  findAgency,
  findCalendarRevisions,
  listActiveCalendarEntries,
  listPublishedYears,
  NATIONAL_SCOPE,
  type WorkingHoursJson,
} from '@motcua/db';
import {
  createDayOffCalendar,
  type DayOffCalendar,
  DEFAULT_WORKING_HOURS,
  type ScheduleEntryInput,
  WorkingTimeCalendar,
} from '@motcua/domain';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors/app-error.js';

/**
 * Calendars are pure and expensive to build (prefix sums over a century of days), so they are
 * cached per scope revision; any change to the day-off schedule bumps the revision in the same
 * transaction, and every instance sees the new revision on its next read. The cache holds derived
 * data only — the database stays the single source of truth. It is kept per database: revision 3
 * of province 33 in one database (a test file's) is not revision 3 in another (the next file's, in
 * the same test process).
 */
const MAX_CACHED = 256;
type Caches = { dayOff: Map<string, DayOffCalendar>; working: Map<string, WorkingTimeCalendar> };
const cachesByDatabase = new WeakMap<object, Caches>();

const cachesOf = (ctx: AppContext): Caches => {
  const owner: object = ctx.database ?? ctx.db;
  let caches = cachesByDatabase.get(owner);
  if (!caches) {
    caches = { dayOff: new Map(), working: new Map() };
    cachesByDatabase.set(owner, caches);
  }
  return caches;
};

const remember = <T>(cache: Map<string, T>, key: string, build: () => T): T => {
  const hit = cache.get(key);
  if (hit) {
    return hit;
  }
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
  const value = build();
  cache.set(key, value);
  return value;
};

const scopesOf = (provinceCode: string | null | undefined): string[] =>
  provinceCode ? [NATIONAL_SCOPE, provinceCode] : [NATIONAL_SCOPE];

const loadScheduleInputs = async (ctx: AppContext, scopes: string[]) => {
  const [rows, years] = await Promise.all([
    listActiveCalendarEntries(ctx.db, scopes),
    listPublishedYears(ctx.db, scopes),
  ]);
  const extraEntries: ScheduleEntryInput[] = rows.map((row) =>
    row.action === 'remove'
      ? { date: row.date, removed: true as const, ...(row.source ? { source: row.source } : {}) }
      : {
          date: row.date,
          kind: row.kind ?? 'extra_day_off',
          period: row.period ?? '',
          status: row.status ?? 'confirmed',
          ...(row.source ? { source: row.source } : {}),
          ...(row.note ? { note: row.note } : {}),
        },
  );
  return { extraEntries, years };
};

/**
 * The province's calendar as it would be with some entries added (not saved, not cached): used to
 * preview which open dossiers a schedule change would move before applying it.
 */
export const buildHypotheticalWorkingCalendar = async (
  ctx: AppContext,
  input: {
    provinceCode: string;
    extra: ScheduleEntryInput[];
    publishYears?: number[];
    workingHours?: WorkingHoursJson | null;
  },
) => {
  const { extraEntries, years } = await loadScheduleInputs(ctx, scopesOf(input.provinceCode));
  const calendar = createDayOffCalendar({
    extraEntries: [...extraEntries, ...input.extra],
    publishedYears: [...years, ...(input.publishYears ?? [])],
  });
  return (hours: WorkingHoursJson | null | undefined) =>
    new WorkingTimeCalendar(calendar, hours ?? DEFAULT_WORKING_HOURS);
};

/** The day-off calendar of a province: the official schedules, national entries, then the province's. */
export const getDayOffCalendar = async (
  ctx: AppContext,
  provinceCode: string | null | undefined,
): Promise<{ calendar: DayOffCalendar; key: string }> => {
  const scopes = scopesOf(provinceCode);
  const revisions = await findCalendarRevisions(ctx.db, scopes);
  const key = scopes.map((s) => `${s}@${revisions[s] ?? 0}`).join('|');
  const dayOffCache = cachesOf(ctx).dayOff;
  const cached = dayOffCache.get(key);
  if (cached) {
    return { calendar: cached, key };
  }
  const { extraEntries, years } = await loadScheduleInputs(ctx, scopes);
  const calendar = remember(dayOffCache, key, () => createDayOffCalendar({ extraEntries, publishedYears: years }));
  return { calendar, key };
};

/** The working-time calendar of a province with an agency's hours (or the default 8-hour day). */
export const getWorkingCalendar = async (
  ctx: AppContext,
  input: { provinceCode: string | null | undefined; workingHours?: WorkingHoursJson | null | undefined },
): Promise<WorkingTimeCalendar> => {
  const { calendar, key } = await getDayOffCalendar(ctx, input.provinceCode);
  const hours = input.workingHours ?? DEFAULT_WORKING_HOURS;
  return remember(
    cachesOf(ctx).working,
    `${key}#${JSON.stringify(hours)}`,
    () => new WorkingTimeCalendar(calendar, hours),
  );
};

/** The working-time calendar an agency's deadlines are computed with. */
export const getAgencyWorkingCalendar = async (ctx: AppContext, agencyId: string) => {
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) {
    throw notFound({ vi: 'cơ quan', en: 'agency' });
  }
  return {
    agency,
    calendar: await getWorkingCalendar(ctx, { provinceCode: agency.provinceCode, workingHours: agency.workingHours }),
  };
};
