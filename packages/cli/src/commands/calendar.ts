import { parseArgs } from 'node:util';
import {
  CalendarError,
  computeDue,
  createDayOffCalendar,
  type DurationRule,
  formatInstant,
  fromLunarDate,
  getCanChi,
  getLeapMonth,
  getWorkingTimeElapsed,
  parseInstant,
  parseLocalDate,
  toLocalDate,
  toLunarDate,
  WorkingTimeCalendar,
} from '@motcua/domain';
import { type Command, EXIT_OK, UsageError } from '../io.js';

/**
 * The legal working-time calendar on the command line. Pure: it uses the official schedules
 * shipped with motcua (2020–2026) and the Labour Code rules for other years, with the default
 * 8-hour day (07:00–11:30, 13:30–17:00); no database is needed.
 */
const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

const nationalCalendar = () => new WorkingTimeCalendar(createDayOffCalendar());

const wrapCalendarErrors = async (run: () => Promise<number>): Promise<number> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CalendarError) {
      throw new UsageError(`${error.message} [${error.code}]`);
    }
    throw error;
  }
};

const pad2 = (n: number) => String(n).padStart(2, '0');

export const calendarLunarCommand: Command = {
  path: ['calendar', 'lunar'],
  summary: 'Convert a Gregorian date (YYYY-MM-DD) to the Vietnamese lunar calendar',
  usage: 'motcua calendar lunar <YYYY-MM-DD> [--json]',
  run: (args, io) =>
    wrapCalendarErrors(async () => {
      const { values, positionals } = parseArgs({
        args,
        options: { json: { type: 'boolean', default: false } },
        allowPositionals: true,
        strict: true,
      });
      const date = parseLocalDate(positionals[0] ?? '');
      const lunar = toLunarDate(date);
      const canChi = getCanChi(lunar.year);
      if (values.json) {
        io.out(JSON.stringify({ date, lunar, canChi, leapMonthOfYear: getLeapMonth(lunar.year) ?? null }));
      } else {
        io.out(
          `${date} = ngày ${pad2(lunar.day)} tháng ${pad2(lunar.month)}${lunar.leap ? ' (nhuận)' : ''} năm ${canChi} (${lunar.year}) âm lịch`,
        );
      }
      return EXIT_OK;
    }),
};

export const calendarSolarCommand: Command = {
  path: ['calendar', 'solar'],
  summary: 'Convert a Vietnamese lunar date (YYYY-MM-DD, --leap for a leap month) to the Gregorian calendar',
  usage: 'motcua calendar solar <lunar YYYY-MM-DD> [--leap] [--json]',
  run: (args, io) =>
    wrapCalendarErrors(async () => {
      const { values, positionals } = parseArgs({
        args,
        options: { json: { type: 'boolean', default: false }, leap: { type: 'boolean', default: false } },
        allowPositionals: true,
        strict: true,
      });
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(positionals[0] ?? '');
      if (!match) {
        throw new UsageError('expected a lunar date as YYYY-MM-DD');
      }
      const lunar = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), leap: values.leap };
      const date = fromLunarDate(lunar);
      io.out(values.json ? JSON.stringify({ lunar, date, canChi: getCanChi(lunar.year) }) : date);
      return EXIT_OK;
    }),
};

export const calendarHolidaysCommand: Command = {
  path: ['calendar', 'holidays'],
  summary: 'List the days off of a year (official schedule 2020–2026, Labour Code rules otherwise)',
  usage: 'motcua calendar holidays <YYYY> [--json]',
  run: (args, io) =>
    wrapCalendarErrors(async () => {
      const { values, positionals } = parseArgs({
        args,
        options: { json: { type: 'boolean', default: false } },
        allowPositionals: true,
        strict: true,
      });
      const year = Number(positionals[0]);
      if (!/^\d{4}$/.test(positionals[0] ?? '')) {
        throw new UsageError('expected a year, e.g. 2026');
      }
      const calendar = createDayOffCalendar();
      const days = calendar.listDaysOff(year).map((entry) => ({
        date: entry.date,
        kind: entry.kind,
        period: entry.period,
        status: entry.status,
        provisional: calendar.getDayInfo(entry.date).provisional,
      }));
      const makeup = calendar
        .listEntries(year)
        .filter((e) => e.kind === 'makeup_workday')
        .map((e) => ({ date: e.date, period: e.period, status: e.status }));
      const breaks = calendar.listBreaks(year);
      if (values.json) {
        io.out(
          JSON.stringify({
            year,
            published: calendar.isPublishedYear(year),
            provisional: calendar.isProvisionalYear(year),
            days,
            makeupWorkdays: makeup,
            breaks,
          }),
        );
        return EXIT_OK;
      }
      io.out(
        calendar.isPublishedYear(year)
          ? `Lịch nghỉ năm ${year} (lịch chính thức đã công bố)`
          : `Lịch nghỉ năm ${year} (TẠM TÍNH theo Bộ luật Lao động — chưa có lịch chính thức)`,
      );
      for (const day of days) {
        const weekday = WEEKDAYS[new Date(`${day.date}T00:00:00Z`).getUTCDay()] ?? '';
        io.out(
          `  ${day.date} ${weekday}  ${day.kind.padEnd(13)} ${day.period}${day.status === 'confirmed' ? '' : ` [${day.status}]`}`,
        );
      }
      for (const day of makeup) {
        io.out(`  ${day.date} T7  làm bù        ${day.period}${day.status === 'confirmed' ? '' : ` [${day.status}]`}`);
      }
      io.out('Các đợt nghỉ liên tục (kể cả cuối tuần):');
      for (const b of breaks) {
        io.out(
          `  ${b.from} → ${b.to}  ${String(b.days).padStart(2)} ngày  ${b.period}${b.provisional ? ' [tạm tính]' : ''}`,
        );
      }
      return EXIT_OK;
    }),
};

export const calendarDueCommand: Command = {
  path: ['calendar', 'due'],
  summary: 'Due instant of a time limit counted from an instant, in legal working time',
  usage:
    'motcua calendar due --from <ISO instant with offset> (--working-days N | --working-hours N | --calendar-days N | --same-day HH:MM) [--cutoff HH:MM] [--json]',
  run: (args, io) =>
    wrapCalendarErrors(async () => {
      const { values } = parseArgs({
        args,
        options: {
          from: { type: 'string' },
          'working-days': { type: 'string' },
          'working-hours': { type: 'string' },
          'calendar-days': { type: 'string' },
          'same-day': { type: 'string' },
          cutoff: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
        strict: true,
      });
      if (!values.from) {
        throw new UsageError('--from is required');
      }
      const given = ['working-days', 'working-hours', 'calendar-days', 'same-day'].filter(
        (key) => values[key as 'from'] !== undefined,
      );
      if (given.length !== 1) {
        throw new UsageError('give exactly one of --working-days, --working-hours, --calendar-days, --same-day');
      }
      const number = (raw: string | undefined, name: string): number => {
        if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw)) {
          throw new UsageError(`${name} must be a non-negative number`);
        }
        return Number(raw);
      };
      const cutoff = values.cutoff ? { cutoff: values.cutoff } : {};
      const rule: DurationRule =
        given[0] === 'working-days'
          ? { unit: 'working_days', value: number(values['working-days'], '--working-days'), ...cutoff }
          : given[0] === 'working-hours'
            ? { unit: 'working_hours', value: number(values['working-hours'], '--working-hours'), ...cutoff }
            : given[0] === 'calendar-days'
              ? { unit: 'calendar_days', value: number(values['calendar-days'], '--calendar-days') }
              : { unit: 'same_day', cutoff: values['same-day'] ?? '' };
      const start = parseInstant(values.from);
      const result = computeDue(nationalCalendar(), { start, rule });
      const dueAt = result.dueAt === null ? null : formatInstant(result.dueAt);
      if (values.json) {
        io.out(JSON.stringify({ from: formatInstant(start), rule, dueAt, provisional: result.provisional }));
      } else {
        io.out(dueAt ?? '');
        if (result.provisional) {
          io.err(
            `provisional: the days off of ${toLocalDate(start).slice(0, 4)}–${dueAt?.slice(0, 4)} are not all published; the due date may move`,
          );
        }
      }
      return EXIT_OK;
    }),
};

export const calendarBetweenCommand: Command = {
  path: ['calendar', 'between'],
  summary: 'Working time between two instants',
  usage: 'motcua calendar between --from <instant> --to <instant> [--json]',
  run: (args, io) =>
    wrapCalendarErrors(async () => {
      const { values } = parseArgs({
        args,
        options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } },
        strict: true,
      });
      if (!values.from || !values.to) {
        throw new UsageError('--from and --to are required');
      }
      const start = parseInstant(values.from);
      const end = parseInstant(values.to);
      const calendar = nationalCalendar();
      const minutes = getWorkingTimeElapsed(calendar, { start, end });
      const provisional = calendar.isProvisionalBetween(
        toLocalDate(Math.min(start, end)),
        toLocalDate(Math.max(start, end)),
      );
      const result = {
        from: formatInstant(start),
        to: formatInstant(end),
        workingMinutes: minutes,
        workingHours: Math.round((minutes / 60) * 100) / 100,
        workingDays: Math.round((minutes / calendar.minutesPerWorkingDay) * 1000) / 1000,
        provisional,
      };
      if (values.json) {
        io.out(JSON.stringify(result));
      } else {
        io.out(
          `${minutes} working minutes (${Math.floor(minutes / 60)} h ${minutes % 60} min; ${result.workingDays} working days)${provisional ? ' [provisional]' : ''}`,
        );
      }
      return EXIT_OK;
    }),
};
