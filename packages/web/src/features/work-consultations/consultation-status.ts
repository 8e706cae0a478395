import type { ConsultationListItem } from './useConsultations';

/** The tone of a consultation's status tag. */
export const statusTone = (status: ConsultationListItem['status']): 'success' | 'info' | 'warning' | 'neutral' =>
  status === 'summarised' ? 'success' : status === 'open' ? 'info' : status === 'closed' ? 'warning' : 'neutral';
