import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/vi';

dayjs.extend(utc);

/**
 * Vietnamese formats (1.852; 97,5%; 22/11/2026; 09:30), in Vietnam time (UTC+7, no daylight
 * saving) whatever the browser's time zone: a dossier's appointment is a Vietnamese instant.
 */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'vi-VN');

export const formatNumber = (value: number, language = 'vi'): string =>
  new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(value);

export const formatPercent = (ratio: number, language = 'vi'): string =>
  new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

/** Whole đồng: "1.500.000 đồng" (Vietnamese) or "1,500,000 VND" (English). */
export const formatVnd = (amount: number, language = 'vi'): string =>
  language === 'en' ? `${formatNumber(amount, 'en')} VND` : `${formatNumber(amount, 'vi')} đồng`;

export const toVietnamTime = (value: string | Date) => dayjs(value).utcOffset(VIETNAM_OFFSET_MINUTES);

/** 22/11/2026 (a calendar date 'YYYY-MM-DD' is shown as is, without time-zone shifts). */
export const formatDate = (value: string | null | undefined): string => {
  if (!value) {
    return '—';
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return toVietnamTime(value).format('DD/MM/YYYY');
};

/** 22/11/2026 09:30 */
export const formatDateTime = (value: string | null | undefined): string =>
  value ? toVietnamTime(value).format('DD/MM/YYYY HH:mm') : '—';

/** 09:30 */
export const formatTime = (value: string | null | undefined): string =>
  value ? toVietnamTime(value).format('HH:mm') : '—';

/** An instant as the API expects it: ISO 8601 with the +07:00 offset. */
export const toVietnamIso = (value: dayjs.Dayjs | Date): string =>
  dayjs(value).utcOffset(VIETNAM_OFFSET_MINUTES).format('YYYY-MM-DDTHH:mm:ssZ');

/** Today in Vietnam, 'YYYY-MM-DD'. */
export const todayInVietnam = (): string => dayjs().utcOffset(VIETNAM_OFFSET_MINUTES).format('YYYY-MM-DD');

export const MINUTES_PER_WORKING_DAY = 480;

/** Splits working minutes into working days (8 h), hours and minutes. */
export const splitWorkingMinutes = (minutes: number, perDay = MINUTES_PER_WORKING_DAY) => {
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / perDay);
  const hours = Math.floor((total % perDay) / 60);
  const rest = total % 60;
  return { days, hours, minutes: rest };
};

/** antd's character counter with Vietnamese digit grouping ("120 / 10.000"). */
export const countIn = (language: string) => ({
  formatter: ({ count, maxLength }: { count: number; maxLength?: number | undefined }) =>
    maxLength === undefined
      ? formatNumber(count, language)
      : `${formatNumber(count, language)} / ${formatNumber(maxLength, language)}`,
});
