import { toVietnamTime } from '../../lib/format';

/** Week arithmetic of the calendar pages on 'YYYY-MM-DD' dates (the server answers the Monday). */
export const shiftWeek = (weekStart: string, weeks: number): string => {
  const date = new Date(`${weekStart}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + weeks * 7);
  return date.toISOString().slice(0, 10);
};

/** dd/mm/yyyy of a 'YYYY-MM-DD' date. */
export const formatDay = (date: string): string => date.split('-').reverse().join('/');

/** The weekday (0 = Sunday) of a 'YYYY-MM-DD' date. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The local (Asia/Ho_Chi_Minh) date, time and half-day of an instant. */
export const localParts = (instant: string) => {
  const local = toVietnamTime(instant);
  return {
    date: local.format('YYYY-MM-DD'),
    time: local.format('HH:mm'),
    half: local.hour() < 12 ? ('morning' as const) : ('afternoon' as const),
  };
};

/** An instant from a local date and time (UTC+7, no daylight saving). */
export const toInstant = (date: string, time: string): string => `${date}T${time}:00+07:00`;

/** Entries grouped by day of the week and half-day, in order, for the table agencies print. */
export const groupByDay = <T extends { startsAt: string }>(dates: readonly string[], items: readonly T[]) =>
  dates.map((date) => {
    const ofDay = items.filter((item) => localParts(item.startsAt).date === date);
    return {
      date,
      morning: ofDay.filter((item) => localParts(item.startsAt).half === 'morning'),
      afternoon: ofDay.filter((item) => localParts(item.startsAt).half === 'afternoon'),
    };
  });
