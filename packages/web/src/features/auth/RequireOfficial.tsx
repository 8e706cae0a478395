import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from './useMe';

/** Console pages: only for a signed-in official; others go to the sign-in page and come back. */
export const RequireOfficial = ({ children }: { children: ReactNode }) => {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return <PageLoading />;
  }
  if (me.isError) {
    return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/can-bo/dang-nhap?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
};
