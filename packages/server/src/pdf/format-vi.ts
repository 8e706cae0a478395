/**
 * Vietnamese date and time wording for the printed forms. Inputs are the plain 'YYYY-MM-DD' and
 * 'HH:mm' strings of form-data.ts (already in Vietnam time), so nothing here touches a time zone.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

const parseDate = (date: string): { year: number; month: number; day: number } => {
  const match = DATE.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return { year, month, day };
};

const parseTime = (time: string): { hour: number; minute: number } => {
  const match = TIME.exec(time);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new RangeError(`Not a time of day (HH:mm): ${time}`);
  }
  return { hour, minute };
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The year of a 'YYYY-MM-DD' date. */
export const yearOf = (date: string): number => parseDate(date).year;

/**
 * "ngày 05 tháng 02 năm 2026", "ngày 22 tháng 11 năm 2026". Decree 30/2020 Appendix I (place and date of issue): days
 * below 10 and the months 1 and 2 take a leading zero; the other months do not ("tháng 3").
 */
export const formatDateLongVi = (date: string): string => {
  const { year, month, day } = parseDate(date);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
};

/** "Hưng Yên, ngày 22 tháng 11 năm 2026": the place-and-date line under the motto (Decree 30/2020 Appendix I). */
export const formatPlaceDateVi = (placeName: string, date: string): string => `${placeName}, ${formatDateLongVi(date)}`;

/** "22/11/2026". */
export const formatDateShortVi = (date: string): string => {
  const { year, month, day } = parseDate(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
};

/** "09 giờ 30 phút". */
export const formatTimeVi = (time: string): string => {
  const { hour, minute } = parseTime(time);
  return `${pad2(hour)} giờ ${pad2(minute)} phút`;
};

/** "09 giờ 30 phút, ngày 22/11/2026": the wording Circular 01/2018 forms 01 and 05 use for a moment. */
export const formatDateTimeVi = (at: { date: string; time: string }): string =>
  `${formatTimeVi(at.time)}, ngày ${formatDateShortVi(at.date)}`;

/** The instant of a Vietnam-time date and time (UTC+7 all year: Vietnam has no daylight saving). */
export const vietnamInstant = (at: { date: string; time: string }): Date => {
  const { year, month, day } = parseDate(at.date);
  const { hour, minute } = parseTime(at.time);
  return new Date(Date.UTC(year, month - 1, day, hour - 7, minute));
};

/** The blank the officer fills in by hand when a moment is not known yet (Circular 01/2018 form 05). */
export const BLANK_DATE_TIME_VI = '..... giờ ..... phút, ngày ...../...../..........';
