import { toLocalDate, toLocalMinutes } from '@motcua/domain';

export type LockoutParams = {
  /** Seconds until the lock ends (the Retry-After header). */
  retryAfter: number;
  /** The same wait in whole minutes, rounded up (at least 1): people read "15 phút", not "887 giây". */
  waitMinutes: number;
  /** The Vietnam clock time the lock ends, "10:42" (with the date, "10:42 ngày 07/12/2026", on another day). */
  retryAt: string;
};

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * What a lockout problem tells the person locked out: how many minutes to wait and at what time
 * (Vietnam time) to try again, rounded up to the minute so the time given is never before the end.
 */
export const describeLockout = (retryAfterSeconds: number, now: Date): LockoutParams => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const endsAt = Math.ceil((now.getTime() + seconds * 1000) / 60_000) * 60_000;
  const minutes = toLocalMinutes(endsAt);
  const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  const day = toLocalDate(endsAt);
  const sameDay = day === toLocalDate(now.getTime());
  return {
    retryAfter: seconds,
    waitMinutes: Math.ceil(seconds / 60),
    retryAt: sameDay ? time : `${time} ngày ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`,
  };
};
