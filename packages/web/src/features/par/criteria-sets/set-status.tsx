import { useTranslation } from 'react-i18next';
import { SoftTag, type Tone } from '../../../components/SoftTag';
import type { SetStatus } from './useCriteriaSets';

export const STATUS_TONE: Record<SetStatus, Tone> = { draft: 'warning', published: 'success', frozen: 'info' };

/** The roles that read criteria sets (par.read) and the one that writes them (par.organise). */
export const PAR_READER_ROLES = ['par_focal', 'par_appraiser', 'par_organiser', 'approver'] as const;

export const SetStatusTag = ({ status }: { status: SetStatus }) => {
  const { t } = useTranslation();
  return (
    <span data-testid="par-set-status" data-status={status}>
      <SoftTag tone={STATUS_TONE[status]}>{t(`parSets.statuses.${status}`)}</SoftTag>
    </span>
  );
};
