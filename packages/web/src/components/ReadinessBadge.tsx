import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Readiness } from '../api/types';

/** The coloured dot and text of the footer's readiness line (its own chunk: see StatusFooter). */
export const ReadinessBadge = ({ readiness }: { readiness: Readiness | 'pending' | 'error' }) => {
  const { t } = useTranslation();
  if (readiness === 'pending') {
    return <Badge status="processing" text={t('status.checking')} />;
  }
  if (readiness === 'error') {
    return <Badge status="error" text={t('status.notReady')} />;
  }
  return (
    <Badge
      status="success"
      text={`${t('status.ready')} · ${readiness.database === 'pglite' ? t('status.embedded') : t('status.postgres')}`}
    />
  );
};
