import { useTranslation } from 'react-i18next';
import type { OnlineLevel, ProcedureLevel } from '../../api/types';
import type { Tone } from '../../components/SoftTag';

export const onlineTone = (level: OnlineLevel): Tone =>
  level === 'full' ? 'success' : level === 'partial' ? 'info' : 'neutral';

export const LEVELS: ProcedureLevel[] = ['province', 'commune', 'ministry'];
export const ONLINE_LEVELS: OnlineLevel[] = ['full', 'partial', 'none'];

export const usePortalLabels = () => {
  const { t } = useTranslation();
  return {
    level: (level: ProcedureLevel) => t(`portal.level_${level}`),
    online: (level: OnlineLevel) => t(`portal.online_${level}`),
  };
};
