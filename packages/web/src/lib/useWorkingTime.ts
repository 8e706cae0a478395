import { useTranslation } from 'react-i18next';
import { splitWorkingMinutes } from './format';

/**
 * Remaining legal working time as officials say it: "còn 1 ngày 2 giờ làm việc", "quá hạn 3 giờ".
 * Days are working days of 8 hours; minutes are shown only when less than an hour is involved.
 */
export const useWorkingTime = () => {
  const { t } = useTranslation();
  const span = (minutes: number): string => {
    const parts = splitWorkingMinutes(minutes);
    const words: string[] = [];
    if (parts.days > 0) {
      words.push(t('time.day', { count: parts.days }));
    }
    if (parts.hours > 0) {
      words.push(t('time.hour', { count: parts.hours }));
    }
    if (parts.days === 0 && parts.minutes > 0) {
      words.push(t('time.minute', { count: parts.minutes }));
    }
    return words.join(' ');
  };
  const remaining = (minutes: number | null | undefined): string | null => {
    if (minutes === null || minutes === undefined) {
      return null;
    }
    if (Math.round(minutes) === 0) {
      return t('time.dueNow');
    }
    return minutes > 0 ? t('time.remaining', { span: span(minutes) }) : t('time.overdue', { span: span(-minutes) });
  };
  return { span, remaining };
};
