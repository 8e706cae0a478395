import { useTranslation } from 'react-i18next';
import type { ChannelRule, Fee, ProcedureContent, ProcedureDuration, ProcedureListItem } from '../api/types';
import { formatVnd } from './format';

/** The legal time limit of the in-person channel (the longest case), as intake and the appointment use it. */
export const findDirectDuration = (content: ProcedureContent): ProcedureDuration | null =>
  content.channels.find((c) => c.channel === 'direct' && c.duration)?.duration ??
  content.channels.find((c) => c.duration)?.duration ??
  null;

export const findDirectRule = (content: ProcedureContent): ChannelRule | undefined =>
  content.channels.find((c) => c.channel === 'direct') ?? content.channels[0];

/** Query parameters of GET /api/v1/calendar/due for a time limit. */
export const dueQueryOf = (duration: ProcedureDuration): Record<string, string | number> => {
  switch (duration.unit) {
    case 'working_days':
      return { workingDays: duration.value, ...(duration.cutoff ? { cutoff: duration.cutoff } : {}) };
    case 'working_hours':
      return { workingHours: duration.value, ...(duration.cutoff ? { cutoff: duration.cutoff } : {}) };
    case 'calendar_days':
      return { calendarDays: duration.value };
    case 'same_day':
      return { sameDayCutoff: duration.cutoff };
  }
};

export const useProcedureText = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const duration = (value: ProcedureDuration | null | undefined, published?: string | null): string => {
    if (!value) {
      return published ?? t('time.unknown');
    }
    switch (value.unit) {
      case 'working_days':
        return t('time.workingDays', { count: value.value });
      case 'working_hours':
        return t('time.workingHours', { count: value.value });
      case 'calendar_days':
        return t('time.calendarDays', { count: value.value });
      case 'same_day':
        return t('time.sameDay', { cutoff: value.cutoff });
    }
  };
  const fee = (value: Fee): string =>
    value.amountVnd === 0
      ? t('portal.free')
      : value.amountVnd === null
        ? value.text
        : formatVnd(value.amountVnd, language);
  const listFee = (item: ProcedureListItem['fee']): string => {
    if (item.free) {
      return t('portal.free');
    }
    if (item.minVnd !== null && item.maxVnd !== null && item.minVnd !== item.maxVnd) {
      return t('portal.feeRange', { min: formatVnd(item.minVnd, language), max: formatVnd(item.maxVnd, language) });
    }
    if (item.minVnd !== null) {
      return formatVnd(item.minVnd, language);
    }
    return item.text ?? t('portal.nothingListed');
  };
  return { duration, fee, listFee };
};
