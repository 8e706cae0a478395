import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { CitizenMe } from '../../api/portal-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useCitizen } from './useCitizen';

/** Pages of a signed-in citizen: others go to the portal's sign-in page and come back. */
export const RequireCitizen = ({ children }: { children: (me: CitizenMe) => ReactNode }) => {
  const me = useCitizen();
  const location = useLocation();
  if (me.isPending) {
    return <PageLoading />;
  }
  if (me.isError) {
    return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/dang-nhap?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children(me.data)}</>;
};
