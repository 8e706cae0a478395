import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Readiness } from '../api/types';

const secondary = { color: 'rgba(0, 0, 0, 0.68)', fontSize: 13 } as const;

/** A small footer: the legal basis, the software, and whether the system is ready. */
export const StatusFooter = () => {
  const { t } = useTranslation();
  const readiness = useQuery({
    queryKey: ['readyz'],
    queryFn: ({ signal }) => api.get<Readiness>('/readyz', undefined, signal),
    staleTime: 60_000,
  });
  return (
    <div style={{ textAlign: 'center', display: 'flex', flexDirection: 'column', gap: 4 }}>
      <span style={secondary}>{t('app.legal')}</span>
      <span style={{ display: 'flex', gap: 16, justifyContent: 'center', flexWrap: 'wrap', fontSize: 13 }}>
        <span style={secondary}>{t('footer')}</span>
        {readiness.isPending ? (
          <Badge status="processing" text={t('status.checking')} />
        ) : readiness.isError ? (
          <Badge status="error" text={t('status.notReady')} />
        ) : (
          <Badge
            status="success"
            text={`${t('status.ready')} · ${readiness.data.database === 'pglite' ? t('status.embedded') : t('status.postgres')}`}
          />
        )}
      </span>
    </div>
  );
};
