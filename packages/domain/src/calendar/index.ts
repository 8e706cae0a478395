// Public API of the legal working-time calendar. See each module for the legal rules it encodes.
export type { DueDateBenchmarkResult } from './benchmark.js';
export { runDueDateBenchmark } from './benchmark.js';
export type { CalendarErrorCode, CalendarErrorParams } from './calendar-error.js';
export { CalendarError } from './calendar-error.js';
export type {
  CompletionClass,
  ComputeDueInput,
  DueItem,
  DuePause,
  DueResult,
  DurationRule,
  MovedDueInstant,
  WorkingTimeElapsedInput,
} from './duration.js';
export {
  computeDue,
  getWorkingTimeElapsed,
  listMovedDueInstants,
  validateDurationRule,
} from './duration.js';
export {
  getNationalDaySecondDay,
  getStatutoryHolidaysByRule,
  LABOUR_CODE_2019_FIRST_YEAR,
  listTetHolidays,
} from './holiday-rules.js';
export type { LocalDate } from './local-date.js';
export {
  addDays,
  findTimeOfDayMinutes,
  formatInstant,
  formatTimeOfDay,
  fromDayNumber,
  getDaysBetween,
  getWeekday,
  isLocalDate,
  MAX_YEAR,
  MIN_YEAR,
  parseInstant,
  parseLocalDate,
  parseTimeOfDay,
  toDayNumber,
  toInstant,
  toLocalDate,
  toLocalMinutes,
  VIETNAM_UTC_OFFSET_MINUTES,
} from './local-date.js';
export type { LunarDate, LunarMonthInfo } from './lunar.js';
export {
  fromLunarDate,
  getCanChi,
  getLeapMonth,
  getLunarMonthLength,
  getLunarNewYear,
  listLunarMonths,
  toLunarDate,
  VIETNAM_TZ_HOURS,
} from './lunar.js';
export { OFFICIAL_SCHEDULE_PERIODS, OFFICIAL_SCHEDULE_YEARS } from './official-schedules.js';
export type { CreateDayOffCalendarOptions, DayInfo, DayOffCalendarOptions, ScheduleBreak } from './schedule.js';
export { createDayOffCalendar, DayOffCalendar, listOfficialScheduleEntries } from './schedule.js';
export type {
  DayKind,
  OfficialSchedulePeriod,
  ScheduleEntry,
  ScheduleEntryInput,
  ScheduleRemoval,
  ScheduleStatus,
} from './schedule-types.js';
export type { WorkingHoursProfile, WorkingInterval, WorkingSeason } from './working-time.js';
export {
  DEFAULT_MINUTES_PER_WORKING_DAY,
  DEFAULT_WORKING_HOURS,
  validateWorkingHoursProfile,
  WorkingTimeCalendar,
} from './working-time.js';
