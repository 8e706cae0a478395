import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Readiness } from '../api/types';

const secondary = { color: 'rgba(0, 0, 0, 0.68)', fontSize: 13 } as const;

/*
 * antd's Badge is loaded after the page (no page of the portal needs it first): the footer is below
 * the fold and its readiness line waits for a request anyway. Until the dot arrives, its text shows.
 */
const ReadinessBadge = lazy(() => import('./ReadinessBadge').then((m) => ({ default: m.ReadinessBadge })));

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
        <Suspense fallback={<span>{t('status.checking')}</span>}>
          <ReadinessBadge readiness={readiness.isPending ? 'pending' : readiness.isError ? 'error' : readiness.data} />
        </Suspense>
      </span>
    </div>
  );
};
